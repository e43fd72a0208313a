//! Error records: a document that could not be read, with where it came from and why.

use serde::Serialize;

/// One document (or input) that could not be read or processed (SPEC §7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// The document's id when known, else the id it would have had (`file:line`, or the path).
    pub doc_id: String,
    /// Where: `path:line` for JSON Lines, the path for a whole file, `-` for stdin.
    pub source: String,
    /// What is wrong, in words.
    pub error: String,
}

impl ErrorRecord {
    /// An error record.
    pub fn new(
        doc_id: impl Into<String>,
        source: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        ErrorRecord {
            doc_id: doc_id.into(),
            source: source.into(),
            error: error.into(),
        }
    }

    /// The record as one JSON line (no newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an error record always serializes")
    }
}
