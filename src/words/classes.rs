//! Word classes read from a rule file of `CLASS | word word …` lines, matched exactly as written
//! (case and punctuation count): the small closed lists a stage's grammar consults ("Mr." before
//! a surname, the prepositions before a place), kept in `rules/` where a linguist edits them.

use super::vocab::Vocab;
use crate::doc::{WordId, UNKNOWN_WORD};
use crate::hash::{short_key, FxMap, ShortTable, SHORT_MAX};
use crate::rules::{RuleError, RuleFile};

/// Compiled word classes: each word's class bits, looked up by its exact text.
#[derive(Clone, Debug, Default)]
pub struct WordClasses {
    /// Words of up to [`SHORT_MAX`] bytes, by [`short_key`].
    short: ShortTable<u32>,
    /// Longer words.
    long: FxMap<Box<str>, u32>,
    /// Per length, per first byte (`& 31`), a bit set of the last bytes (`& 31`) of the listed
    /// words: most words miss here, before any hashing.
    shapes: Vec<[u32; 32]>,
    /// Per word id of the tokens' vocabulary, the classes of the listed words that fold to it
    /// (empty until [`WordClasses::index`]).
    by_id: Vec<u32>,
    /// The classes with a word that a word token's id cannot stand for (punctuation, a word
    /// the vocabulary holds no id of its own for): tokens of the unknown id are looked up by
    /// their text for these.
    unknown_by_text: u32,
    /// The words and their classes, as listed (for [`WordClasses::index`]).
    listed: Vec<(Box<str>, u32)>,
}

impl WordClasses {
    /// Reads `file`: each line `CLASS | word word …`, `CLASS` one of `names` (its bit beside
    /// it); a class may take several lines and a word may be in several classes. Every class
    /// of `names` must have a word (a list left empty by mistake would turn a rule off
    /// silently), except a class of bit 0: one this reader knows by name only and skips.
    pub fn compile(file: &RuleFile, names: &[(&str, u32)]) -> Result<WordClasses, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut words: FxMap<&str, u32> = FxMap::default();
        let mut used = 0u32;
        for line in file.lines() {
            let fields: Vec<&str> = line.text.split('|').map(str::trim).collect();
            if fields.len() != 2 {
                errors.push(line.error("expected CLASS | word word …"));
                continue;
            }
            let Some(&(_, bit)) = names.iter().find(|(n, _)| *n == fields[0]) else {
                let known: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
                errors.push(line.error(format!(
                    "unknown class {:?} (known: {})",
                    fields[0],
                    known.join(", ")
                )));
                continue;
            };
            let mut any = false;
            for w in fields[1].split_whitespace() {
                *words.entry(w).or_default() |= bit;
                any = true;
            }
            if any {
                used |= bit;
            } else {
                errors.push(line.error("no words after the class"));
            }
        }
        // a class of bit 0 is one this reader skips (another reader of the file checks it)
        for (name, bit) in names {
            if *bit != 0 && used & bit == 0 {
                errors.push(RuleError::new(
                    &file.name,
                    0,
                    &format!("class {name:?} has no words"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let short: Vec<(u64, u32)> = words
            .iter()
            .filter(|(w, _)| w.len() <= SHORT_MAX)
            .map(|(w, &c)| (short_key(w.as_bytes()), c))
            .collect();
        let long = words
            .iter()
            .filter(|(w, _)| w.len() > SHORT_MAX)
            .map(|(w, &c)| (Box::from(*w), c))
            .collect();
        let max_len = words.keys().map(|w| w.len()).max().unwrap_or(0);
        let mut shapes = vec![[0u32; 32]; max_len + 1];
        for w in words.keys().map(|w| w.as_bytes()) {
            shapes[w.len()][usize::from(w[0] & 31)] |= 1 << (w[w.len() - 1] & 31);
        }
        let mut listed: Vec<(Box<str>, u32)> =
            words.iter().map(|(w, &c)| (Box::from(*w), c)).collect();
        listed.sort();
        Ok(WordClasses {
            short: ShortTable::new(&short, 0),
            long,
            shapes,
            by_id: Vec::new(),
            unknown_by_text: u32::MAX,
            listed,
        })
    }

    /// Adds the word-id index of `vocab` (the vocabulary the tokens' ids come from), for
    /// [`WordClasses::token_is`].
    pub fn index(mut self, vocab: &Vocab) -> WordClasses {
        self.by_id = vec![0; vocab.len()];
        self.unknown_by_text = 0;
        for (w, c) in &self.listed {
            let id = vocab.id(w);
            if id == UNKNOWN_WORD || !w.chars().all(char::is_alphabetic) {
                self.unknown_by_text |= c;
            } else {
                self.by_id[id as usize] |= c;
            }
        }
        self
    }

    /// The class bits of `word` (0 for a word in no class).
    #[inline]
    pub fn get(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        match self.shapes.get(b.len()) {
            Some(shape) if shape[usize::from(first & 31)] & (1 << (last & 31)) != 0 => {}
            _ => return 0,
        }
        if b.len() <= SHORT_MAX {
            self.short.get(short_key(b))
        } else {
            self.long.get(word).copied().unwrap_or(0)
        }
    }

    /// True when `word` is in a class of `bits`.
    #[inline]
    pub fn is(&self, word: &str, bits: u32) -> bool {
        self.get(word) & bits != 0
    }

    /// [`WordClasses::is`] for a word token of word id `id` and text `word`: most tokens are
    /// answered by one index (their id, case folded, is no listed word's), the others by the
    /// exact text.
    #[inline]
    pub fn token_is(&self, id: WordId, word: &str, bits: u32) -> bool {
        let maybe = match self.by_id.get(id as usize) {
            _ if id == UNKNOWN_WORD => self.unknown_by_text & bits != 0,
            Some(&c) => c & bits != 0,
            None => true,
        };
        maybe && self.is(word, bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[(&str, u32)] = &[("a", 1), ("b", 2)];

    fn compile(text: &str) -> Result<WordClasses, Vec<RuleError>> {
        WordClasses::compile(&RuleFile::new("t.txt", text.to_string()), NAMES)
    }

    #[test]
    fn exact_words_and_several_classes() {
        let c = compile("# comment\na | in In Mr. throughout )\nb | in\n").unwrap();
        assert_eq!(c.get("in"), 3);
        assert_eq!(c.get("In"), 1);
        assert_eq!(c.get("IN"), 0);
        assert!(c.is("Mr.", 1) && !c.is("Mr", 1));
        assert!(c.is("throughout", 1) && !c.is("Throughout", 1));
        assert!(c.is(")", 1));
        assert_eq!(c.get(""), 0);
    }

    #[test]
    fn token_ids_answer_as_the_text_does() {
        let c = compile("a | of In\nb | ) zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n").unwrap();
        let mut v = Vocab::default();
        let of = v.intern("of");
        let the = v.intern("the");
        let in_ = v.intern("in");
        let c = c.index(&v);
        assert!(c.token_is(of, "of", 1) && !c.token_is(of, "Of", 1));
        assert!(c.token_is(in_, "In", 1) && !c.token_is(in_, "in", 1));
        assert!(!c.token_is(the, "the", 3));
        // punctuation and words without an id of their own go by their text
        assert!(c.token_is(UNKNOWN_WORD, ")", 2));
        assert!(!c.token_is(UNKNOWN_WORD, "of", 1));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = compile("a | x\nc | y\nb\nb |\n").unwrap_err();
        let text: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            [
                "t.txt:2: unknown class \"c\" (known: a, b)",
                "t.txt:3: expected CLASS | word word …",
                "t.txt:4: no words after the class",
                "t.txt: class \"b\" has no words",
            ]
        );
    }
}
