//! Stage 2a: quotation spans from quotation marks (`rules/quote_marks.txt`).
//!
//! PLACEHOLDER: no quotes yet; the quotes stage replaces it.

use crate::doc::Doc;
use crate::rules::{RuleError, RuleSources};

/// Compiled quotation-mark rules.
pub struct QuoteRules {}

impl QuoteRules {
    /// Compiles `quote_marks.txt`.
    pub fn compile(src: &RuleSources) -> Result<QuoteRules, Vec<RuleError>> {
        let _ = src.get("quote_marks.txt");
        Ok(QuoteRules {})
    }
}

/// Fills the `quotes` layer.
pub fn find(_rules: &QuoteRules, doc: &mut Doc) {
    doc.quotes.clear();
}
