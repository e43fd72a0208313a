//! Output: claim records (JSON Lines), the quote CSV and per-document annotations, each rendered
//! for one document into a byte buffer so that workers render in parallel and the writer only
//! concatenates, in input order.

pub mod arrow;
mod csv;
mod json;
mod records;

pub use self::csv::{
    csv_header, csv_header_with, render_csv, render_csv_with, CsvOptions, COLUMNS,
};
pub use records::{render_annotation, render_claims};

/// What `extract`/`annotate` write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Claim records, one JSON object per line (SPEC §4).
    ClaimsJsonl,
    /// The quote CSV (SPEC §5).
    ClaimsCsv,
    /// One JSON object per document with every layer (SPEC §6).
    Annotation,
    /// Claim rows in a Parquet file ([`arrow::claims_schema`]).
    ClaimsParquet,
}
