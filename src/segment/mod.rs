//! Stage 1: paragraphs, sentences and tokens.

mod paragraphs;
mod sentences;
mod tokens;

pub use paragraphs::paragraphs;
pub use sentences::{sentences, AbbrevClass, SegmentRules};
pub use tokens::{is_punct, tokenize};

use crate::doc::Doc;

/// Fills the `paragraphs`, `sentences` and `tokens` layers.
pub fn segment(rules: &SegmentRules, doc: &mut Doc) {
    doc.paragraphs = paragraphs(&doc.text);
    doc.sentences = sentences(rules, &doc.text, &doc.paragraphs);
    doc.tokens = tokenize(&doc.text, &doc.sentences);
}
