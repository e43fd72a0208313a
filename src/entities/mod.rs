//! Stage 3a: named entities from gazetteers, titles and capitalization.
//!
//! Gazetteer forms and titles are compiled once into a longest-prefix index (shared, in
//! `crate::words::gazetteer`) and matched at token starts only; capitalized words are grouped
//! into names and labeled by their head word ("… University" → ORG), a preceding title or given name (PERSON), a determiner
//! ("the Daily Caller" → ORG) or, failing all that, as a person. Sentence starts and Title-Case
//! headlines are "weak" positions where a capital needs other evidence from the document.

pub(crate) mod evidence;

pub mod lexicon;
mod tagger;

pub use crate::words::gazetteer::{Gazetteer, Gender, State, Title};
pub use lexicon::Lexicon;

use crate::doc::Doc;
use crate::rules::{RuleError, RuleSources};

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

/// Fills the `entities` layer: sorted, non-overlapping, titles, "the" and possessive 's outside.
pub fn tag(rules: &EntityRules, doc: &mut Doc) {
    tagger::tag(rules, doc);
}

#[cfg(test)]
mod tests;
