//! Sentence splitting, driven by `rules/abbreviations.txt`.
//!
//! PLACEHOLDER: splits after `.`, `!` or `?` followed by a space; the real splitter replaces it.

use crate::doc::Span;
use crate::rules::{RuleError, RuleSources};

use super::paragraphs::trim;

/// Compiled sentence splitter rules.
pub struct SegmentRules {}

impl SegmentRules {
    /// Compiles `abbreviations.txt`.
    pub fn compile(src: &RuleSources) -> Result<SegmentRules, Vec<RuleError>> {
        let _ = src.get("abbreviations.txt");
        Ok(SegmentRules {})
    }
}

/// The sentences of `text`, never crossing a paragraph, whitespace trimmed, in order.
pub fn sentences(_rules: &SegmentRules, text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        let bytes = text.as_bytes();
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            if matches!(bytes[i], b'.' | b'!' | b'?') && i + 1 < p.end && bytes[i + 1] == b' ' {
                if let Some(s) = trim(text, start, i + 1) {
                    out.push(s);
                }
                start = i + 1;
            }
            i += 1;
        }
        if let Some(s) = trim(text, start, p.end) {
            out.push(s);
        }
    }
    out
}
