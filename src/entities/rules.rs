//! The entity stage's compiled rules: the shared gazetteer and the stage's own word lists.

use super::lexicon::Lexicon;
use crate::rules::{RuleError, RuleSources};
use crate::words::Gazetteer;

/// Compiled gazetteers, title list and word lists.
pub struct EntityRules {
    /// Gazetteer names and titles.
    pub gaz: std::sync::Arc<Gazetteer>,
    /// Given names, name heads, common words.
    pub lex: Lexicon,
}

impl EntityRules {
    /// Compiles the entity stage's own word lists (`gazetteers/given_names.txt`,
    /// `name_heads.txt`, `common_words.txt`) over the shared gazetteer.
    pub fn compile(
        src: &RuleSources,
        gaz: std::sync::Arc<Gazetteer>,
    ) -> Result<EntityRules, Vec<RuleError>> {
        Ok(EntityRules {
            gaz,
            lex: Lexicon::compile(src)?,
        })
    }
}
