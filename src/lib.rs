//! claimex: who said what, to whom, when — quotes, reported speech, speakers, dates and entities
//! from news text.
//!
//! The library is a pipeline of stages over one [`Doc`]: each stage reads the layers before it and
//! adds its own. [`Pipeline`] compiles the rule files once and runs every stage:
//!
//! ```
//! use claimex::{Pipeline, RawDoc, Rules};
//! let pipeline = Pipeline::new(Rules::embedded().unwrap());
//! let doc = pipeline.annotate(RawDoc::new("d1", "“We agree,” she said. He left."));
//! assert_eq!(doc.sentences.len(), 2);
//! ```

#![deny(missing_docs)]

pub mod attribution;
pub mod claims;
pub mod coref;
pub mod doc;
pub mod entities;
pub mod fuzzing;
pub mod hash;
pub mod io;
pub mod offsets;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod run;
pub mod segment;
pub mod speakers;
pub mod timex;
pub mod words;

pub use doc::{Doc, RawDoc, Span};

/// The README's code blocks, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
pub use pipeline::Pipeline;
pub use pipeline::Rules;
pub use rules::{RuleError, RuleErrors};
