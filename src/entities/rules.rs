//! The entity stage's compiled rules: the shared gazetteer and the stage's own word lists.

use super::evidence::word_hashes;
use super::lexicon::Lexicon;
use super::word_class;
use crate::rules::{RuleError, RuleSources};
use crate::words::{FormStarts, Gazetteer, Vocab, WordClasses};

/// Compiled gazetteers, title list and word lists.
pub struct EntityRules {
    /// Gazetteer names and titles.
    pub gaz: std::sync::Arc<Gazetteer>,
    /// Given names, name heads, common words.
    pub lex: Lexicon,
    /// The grammar's closed word lists (`entity_words.txt`, classes in [`word_class`]).
    pub words: WordClasses,
    /// Per word id of the vocabulary: the hash the evidence pass takes of a token of the word,
    /// taken once here, so that no token of a known word is hashed again.
    pub word_hashes: Vec<u64>,
    /// Per word id of the vocabulary: whether a gazetteer form may start at a token of the
    /// word, so that most capitalized words are not searched for in the gazetteer.
    pub starts: FormStarts,
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
            (Ok(lex), Ok(words)) => Ok(EntityRules {
                starts: FormStarts::new(&gaz, vocab),
                gaz,
                lex,
                words,
                word_hashes: word_hashes(vocab),
            }),
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
