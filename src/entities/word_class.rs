//! The classes of `entity_words.txt` (see its header): bits of `EntityRules::words`.

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
