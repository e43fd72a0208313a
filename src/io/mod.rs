//! Input and output: reading documents from files, directories and stdin; writing claims,
//! CSV and annotations. Nothing here does NLP.

pub mod error;
pub mod input;
pub mod output;

pub use error::ErrorRecord;
pub use input::{InputFormat, InputItem, Inputs};
