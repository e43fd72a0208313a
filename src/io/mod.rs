//! Input and output: reading documents from files, directories and stdin; writing claims,
//! CSV and annotations. Nothing here does NLP.
