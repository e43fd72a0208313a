//! Stage 3a: named entities from gazetteers, titles and capitalization.
//!
//! Gazetteer forms and titles are compiled once into a longest-prefix index (shared, in
//! `crate::words::gazetteer`) and matched at token starts only; capitalized words are grouped
//! into names and labeled by their head word ("… University" → ORG), a preceding title or given
//! name (PERSON), a determiner ("the Daily Caller" → ORG) or, failing all that, as a person.
//! Sentence starts and Title-Case headlines are "weak" positions where a capital needs other
//! evidence from the document.
//!
//! Files: [`rules`] (compiled rules), [`lexicon`] (word lists), `evidence` (what the document
//! says about its words), `units` (a sentence's name pieces), `segments` (where names start),
//! `collect` (how far a name reaches), `classify` (a name's words and label), `document`
//! (document-level fixes), `transcript` (transcript labels as mentions), [`word_class`] (the classes of
//! `entity_words.txt`) and `tagger` (the stage's order of work).

pub(crate) mod evidence;

mod classify;
mod collect;
mod document;
pub mod lexicon;
pub mod rules;
mod segments;
mod tagger;
mod transcript;
mod units;
pub mod word_class;

pub use crate::words::gazetteer::{Gazetteer, Gender, State, Title};
pub use lexicon::Lexicon;
pub use rules::EntityRules;

use crate::doc::Doc;

/// Fills the `entities` layer: sorted, non-overlapping, titles, "the" and possessive 's outside.
pub fn tag(rules: &EntityRules, doc: &mut Doc) {
    tagger::tag(rules, doc);
}

#[cfg(test)]
mod tests;
