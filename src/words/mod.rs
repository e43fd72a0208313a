//! The shared layer below the stages: what several stages need to know about words, compiled
//! once. Gazetteer look-ups (places, groups, organizations, titles, states), given names with
//! their gender, word shapes (capitalization, possessives) and the transcript-label shape.
//!
//! Stages import this module and [`crate::doc`]; no stage imports another stage.

pub mod classes;
pub mod form_starts;
pub mod gazetteer;
pub mod given_names;
pub mod labels;
pub mod prefix;
pub mod shape;
pub mod vocab;

pub use classes::WordClasses;
pub use form_starts::FormStarts;
pub use gazetteer::{EntryKind, Gazetteer, Gender, State, Title};
pub use vocab::{Vocab, WordId, UNKNOWN_WORD};
