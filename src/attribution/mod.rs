//! Stage 4: attributions — direct, mixed and reported speech with speaker, cue and addressee.
//!
//! PLACEHOLDER: no attributions yet; the attribution stage replaces it.

use crate::doc::Doc;
use crate::rules::{RuleError, RuleSources};

/// Compiled cue verbs and attribution configurations.
pub struct AttributionRules {}

impl AttributionRules {
    /// Compiles `cue_verbs.txt` and `attribution.txt`.
    pub fn compile(src: &RuleSources) -> Result<AttributionRules, Vec<RuleError>> {
        let _ = (src.get("cue_verbs.txt"), src.get("attribution.txt"));
        Ok(AttributionRules {})
    }
}

/// Fills the `attributions` layer.
pub fn find(_rules: &AttributionRules, doc: &mut Doc) {
    doc.attributions.clear();
}
