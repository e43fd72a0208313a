//! One vocabulary of every word the rule files name, built once when the rules compile: each word
//! gets a [`WordId`], and the segment stage gives every token the id of its word, so that later
//! stages look tokens up by id (an array index) instead of hashing the word's text again.
//!
//! Words are compared with ASCII letters folded to lowercase ("Said", "SAID" and "said" share one
//! id); other characters are kept as they are. A word the rule files never name gets
//! [`UNKNOWN_WORD`]. Words longer than [`MAX_WORD`] bytes are never in the vocabulary.

use crate::hash::FxMap;
use crate::rules::RuleSources;

/// The id of a word in the [`Vocab`]: an index, dense from 0.
pub type WordId = u32;

/// The id of every word no rule file names (and of punctuation and numbers).
pub const UNKNOWN_WORD: WordId = 0;

/// The longest word, in bytes, that the vocabulary holds.
pub const MAX_WORD: usize = 48;

/// The case-folded words of every rule file, each with its id.
#[derive(Clone, Debug)]
pub struct Vocab {
    ids: FxMap<Box<[u8]>, WordId>,
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

/// `w` with ASCII letters lowercased, in `buf`; `None` when it is longer than [`MAX_WORD`].
#[inline]
fn fold<'b>(w: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let b = w.as_bytes();
    if b.len() > MAX_WORD {
        return None;
    }
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    Some(out)
}

impl Vocab {
    /// The vocabulary of every word in every rule file: each `|` field of each line, split at
    /// whitespace (so "Secretary of State" gives three words and "U.S." one).
    pub fn from_rules(src: &RuleSources) -> Vocab {
        let mut v = Vocab::default();
        for file in src.files() {
            for line in file.lines() {
                for field in line.fields() {
                    for w in field.split_whitespace() {
                        v.intern(w);
                    }
                }
            }
        }
        v
    }

    /// The id of `w`, adding it when it is new (and not longer than [`MAX_WORD`]).
    pub fn intern(&mut self, w: &str) -> WordId {
        let mut buf = [0u8; MAX_WORD];
        let Some(key) = fold(w, &mut buf) else {
            return UNKNOWN_WORD;
        };
        if key.is_empty() {
            return UNKNOWN_WORD;
        }
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.ids.insert(key.into(), id);
        // the folded bytes of a `str` are valid UTF-8: only ASCII letters changed
        self.words
            .push(String::from_utf8_lossy(key).into_owned().into_boxed_str());
        id
    }

    /// The id of `w` (any ASCII case), or [`UNKNOWN_WORD`].
    #[inline]
    pub fn id(&self, w: &str) -> WordId {
        let mut buf = [0u8; MAX_WORD];
        match fold(w, &mut buf) {
            Some(key) => self.ids.get(key).copied().unwrap_or(UNKNOWN_WORD),
            None => UNKNOWN_WORD,
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
}
