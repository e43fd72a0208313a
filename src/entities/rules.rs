//! The entity stage's compiled rules: the shared gazetteer and the stage's own word lists.

use super::lexicon::Lexicon;
use crate::rules::{RuleError, RuleSources};
use crate::words::{Gazetteer, Vocab, WordClasses};

/// The classes of `entity_words.txt` (see its header): bits of [`EntityRules::words`].
pub mod word_class {
    /// A title before a surname ("Mr.").
    pub const HONORIFIC: u32 = 1;
    /// A function word a Title-Case headline leaves lowercase.
    pub const HEADLINE_MINOR: u32 = 1 << 1;
    /// A lowercase word joining the parts of one name ("of").
    pub const OF: u32 = 1 << 2;
    /// A particle inside a personal name ("van").
    pub const PARTICLE: u32 = 1 << 3;
    /// A word before a demonym that makes it a language ("spoke").
    pub const LANGUAGE_VERB: u32 = 1 << 4;
    /// A word after such a demonym that leaves it no noun ("fluently", ",").
    pub const AFTER_LANGUAGE: u32 = 1 << 5;
    /// A preposition before an unknown capitalized word that makes it a place ("in").
    pub const PLACE_PREP: u32 = 1 << 6;

    /// The class names of the file, with their bits.
    pub(crate) const NAMES: &[(&str, u32)] = &[
        ("honorific", HONORIFIC),
        ("headline_minor", HEADLINE_MINOR),
        ("of", OF),
        ("particle", PARTICLE),
        ("language_verb", LANGUAGE_VERB),
        ("after_language", AFTER_LANGUAGE),
        ("place_prep", PLACE_PREP),
    ];
}

/// Compiled gazetteers, title list and word lists.
pub struct EntityRules {
    /// Gazetteer names and titles.
    pub gaz: std::sync::Arc<Gazetteer>,
    /// Given names, name heads, common words.
    pub lex: Lexicon,
    /// The grammar's closed word lists (`entity_words.txt`, classes in [`word_class`]).
    pub words: WordClasses,
}

impl EntityRules {
    /// Compiles the entity stage's own word lists (`gazetteers/given_names.txt`,
    /// `name_heads.txt`, `common_words.txt`, `entity_words.txt`) over the shared gazetteer;
    /// `vocab` is the vocabulary the tokens' word ids come from.
    pub fn compile(
        src: &RuleSources,
        gaz: std::sync::Arc<Gazetteer>,
        vocab: &Vocab,
    ) -> Result<EntityRules, Vec<RuleError>> {
        let lex = Lexicon::compile(src);
        let words = WordClasses::compile(src.get("entity_words.txt"), word_class::NAMES)
            .map(|w| w.index(vocab));
        match (lex, words) {
            (Ok(lex), Ok(words)) => Ok(EntityRules { gaz, lex, words }),
            (lex, words) => Err(lex.err().into_iter().chain(words.err()).flatten().collect()),
        }
    }

    /// The errors of the stage's own files, for when the shared gazetteer did not compile.
    pub fn check(src: &RuleSources) -> Result<(), Vec<RuleError>> {
        let lex = Lexicon::compile(src).err();
        let words = WordClasses::compile(src.get("entity_words.txt"), word_class::NAMES).err();
        match lex.into_iter().chain(words).flatten().collect::<Vec<_>>() {
            errors if errors.is_empty() => Ok(()),
            errors => Err(errors),
        }
    }
}
