//! Stage 3a: named entities from gazetteers, titles and capitalization.
//!
//! PLACEHOLDER: no entities yet; the entity stage replaces it.

use crate::doc::Doc;
use crate::rules::{RuleError, RuleSources};

/// Compiled gazetteers and title lists.
pub struct EntityRules {}

impl EntityRules {
    /// Compiles `gazetteers/*.txt` and `titles.txt`.
    pub fn compile(src: &RuleSources) -> Result<EntityRules, Vec<RuleError>> {
        let _ = src.get("titles.txt");
        Ok(EntityRules {})
    }
}

/// Fills the `entities` layer.
pub fn tag(_rules: &EntityRules, doc: &mut Doc) {
    doc.entities.clear();
}
