//! Stage 1: paragraphs, sentences and tokens.

mod paragraphs;
mod sentences;
mod tokens;

pub use paragraphs::paragraphs;
pub use sentences::{sentences, AbbrevClass, SegmentRules};
pub use tokens::{is_punct, tokenize};

use crate::doc::Doc;
use crate::words::Vocab;

/// Fills the `paragraphs`, `sentences` and `tokens` layers (each token with its word id in
/// `vocab`).
pub fn segment(rules: &SegmentRules, vocab: &Vocab, doc: &mut Doc) {
    doc.paragraphs = paragraphs(&doc.text);
    doc.sentences = sentences(rules, &doc.text, &doc.paragraphs);
    doc.tokens = tokenize(&doc.text, &doc.sentences, vocab);
}
