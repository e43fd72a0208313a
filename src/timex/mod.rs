//! Stage 3b: temporal expressions (TIMEX3) with values resolved against the document's anchor date.
//!
//! PLACEHOLDER: no timexes yet; the timex stage replaces it.

use crate::doc::Doc;
use crate::rules::{RuleError, RuleSources};

/// Compiled date and time rules.
pub struct TimexRules {}

impl TimexRules {
    /// Compiles `dates.txt`.
    pub fn compile(src: &RuleSources) -> Result<TimexRules, Vec<RuleError>> {
        let _ = src.get("dates.txt");
        Ok(TimexRules {})
    }
}

/// Fills the `timexes` layer, resolving values against `doc.anchor`.
pub fn tag(_rules: &TimexRules, doc: &mut Doc) {
    doc.timexes.clear();
}
