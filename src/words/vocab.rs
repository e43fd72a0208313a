//! One vocabulary of every word the rule files name, built once when the rules compile: each word
//! gets a [`WordId`], and the segment stage gives every token the id of its word, so that later
//! stages look tokens up by id (an array index) instead of hashing the word's text again.
//!
//! Words are compared with ASCII letters folded to lowercase ("Said", "SAID" and "said" share one
//! id); other characters are kept as they are. A word the rule files never name gets
//! [`UNKNOWN_WORD`]. Words longer than [`MAX_WORD`] bytes are never in the vocabulary.

use crate::hash::FxMap;
use crate::rules::RuleSources;

pub use crate::doc::{WordId, UNKNOWN_WORD};

/// The longest word, in bytes, that the vocabulary holds.
pub const MAX_WORD: usize = 48;

/// The case-folded words of every rule file, each with its id.
#[derive(Clone, Debug)]
pub struct Vocab {
    /// [`folded_hash`] of a word → its id (the word itself is checked in `words`).
    ids: FxMap<u64, WordId>,
    /// Each id's folded word; index 0 is [`UNKNOWN_WORD`]'s empty word.
    words: Vec<Box<str>>,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            ids: FxMap::default(),
            words: vec!["".into()],
        }
    }
}

/// One byte repeated in every lane of a `u64`.
const fn lanes(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The eight bytes of `v` with ASCII capitals lowercased (other bytes as they are), all lanes at
/// once: a lane is a capital when its low seven bits are at least `A`, at most `Z`, and its top
/// bit is clear.
#[inline]
fn fold_lanes(v: u64) -> u64 {
    let low = v & lanes(0x7F);
    let at_least_a = low + lanes(0x80 - b'A');
    let above_z = low + lanes(0x80 - b'Z' - 1);
    let capital = at_least_a & !above_z & !v & lanes(0x80);
    v | (capital >> 2)
}

/// A 64-bit hash of `w` with ASCII letters folded to lowercase, eight bytes a round, no copy.
#[inline]
fn folded_hash(w: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = w.len() as u64;
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ fold_lanes(v)).wrapping_mul(K);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let mut b = [0u8; 8];
        b[..r.len()].copy_from_slice(r);
        h = (h.rotate_left(5) ^ fold_lanes(u64::from_le_bytes(b))).wrapping_mul(K);
    }
    h
}

impl Vocab {
    /// The vocabulary of every word in every rule file: each `|` field of each line, split at
    /// whitespace and at commas, which separate the forms of a list ("said, says" gives two
    /// words, "Secretary of State" three and "U.S." one).
    pub fn from_rules(src: &RuleSources) -> Vocab {
        let mut v = Vocab::default();
        for file in src.files() {
            for line in file.lines() {
                for field in line.fields() {
                    for w in field.split(|c: char| c.is_whitespace() || c == ',') {
                        v.intern(w);
                    }
                }
            }
        }
        v
    }

    /// The id of `w`, adding it when it is new (and not longer than [`MAX_WORD`]). Two words
    /// whose folded hashes collide (about one chance in 10^12 for the rule files) cannot both
    /// have an id: the second stays [`UNKNOWN_WORD`].
    pub fn intern(&mut self, w: &str) -> WordId {
        if w.is_empty() || w.len() > MAX_WORD {
            return UNKNOWN_WORD;
        }
        let h = folded_hash(w.as_bytes());
        if let Some(&id) = self.ids.get(&h) {
            return if self.words[id as usize].eq_ignore_ascii_case(w) {
                id
            } else {
                UNKNOWN_WORD
            };
        }
        let id = self.words.len() as WordId;
        self.ids.insert(h, id);
        self.words.push(w.to_ascii_lowercase().into_boxed_str());
        id
    }

    /// The id of `w` (any ASCII case), or [`UNKNOWN_WORD`].
    #[inline]
    pub fn id(&self, w: &str) -> WordId {
        if w.len() > MAX_WORD {
            return UNKNOWN_WORD;
        }
        match self.ids.get(&folded_hash(w.as_bytes())) {
            Some(&id) if self.words[id as usize].eq_ignore_ascii_case(w) => id,
            _ => UNKNOWN_WORD,
        }
    }

    /// The folded word of `id` (empty for [`UNKNOWN_WORD`] or an id out of range).
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// How many ids there are, [`UNKNOWN_WORD`] included: a table indexed by id has this length.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the vocabulary holds no word (only [`UNKNOWN_WORD`]).
    pub fn is_empty(&self) -> bool {
        self.words.len() == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_rule_files_have_ids_and_case_is_folded() {
        let v = Vocab::from_rules(&RuleSources::embedded());
        assert!(v.len() > 1000, "{}", v.len());
        let said = v.id("said");
        assert_ne!(said, UNKNOWN_WORD);
        assert_eq!(v.id("Said"), said);
        assert_eq!(v.id("SAID"), said);
        assert_eq!(v.word(said), "said");
        assert_ne!(v.id("U.S."), UNKNOWN_WORD);
        assert_eq!(v.id("qwzxv"), UNKNOWN_WORD);
        assert_eq!(v.id(&"a".repeat(MAX_WORD + 1)), UNKNOWN_WORD);
    }

    #[test]
    fn interning_is_stable() {
        let mut v = Vocab::default();
        let a = v.intern("Biden");
        assert_eq!(v.intern("biden"), a);
        assert_ne!(v.intern("Harris"), a);
        assert_eq!(v.intern(""), UNKNOWN_WORD);
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn folding_lowercases_ascii_capitals_only() {
        let all: Vec<u8> = (0..=255u8).collect();
        for chunk in all.chunks(8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap());
            let want: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(fold_lanes(v).to_le_bytes().to_vec(), want);
        }
        for (a, b) in [
            ("Said", "said"),
            ("SECRETARY-GENERAL", "secretary-general"),
            ("É", "É"),
        ] {
            assert_eq!(folded_hash(a.as_bytes()), folded_hash(b.as_bytes()));
        }
        assert_ne!(folded_hash(b"said"), folded_hash(b"says"));
        assert_ne!(folded_hash(b"a"), folded_hash(b"a\0"));
    }
}
