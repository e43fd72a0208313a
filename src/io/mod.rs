//! Input and output: reading documents from files, directories and stdin; writing claims,
//! CSV and annotations. Nothing here does NLP.

pub mod error;
pub mod input;
mod jsonl;
pub mod output;
pub mod walk;

pub use error::ErrorRecord;
pub use input::{FieldNames, InputFormat, InputItem, InputOptions, Inputs, DEFAULT_MAX_DOC_BYTES};
