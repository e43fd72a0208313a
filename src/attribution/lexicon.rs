//! Word classes of `speaker_words.txt`, looked up without allocating.

use crate::rules::{RuleError, RuleSources};
use crate::words::{Vocab, WordId, UNKNOWN_WORD};

/// A set of word classes: the bits of [`class`].
pub type Classes = u64;

/// Bit flags of word classes (and token properties the matcher adds to them).
pub mod class {
    use super::Classes;

    /// Determiner or possessive.
    pub const DET: Classes = 1;
    /// Subject pronoun.
    pub const PRONOUN: Classes = 1 << 1;
    /// Object pronoun or bare-plural addressee.
    pub const OBJECT: Classes = 1 << 2;
    /// Abbreviated title.
    pub const TITLE: Classes = 1 << 3;
    /// Preposition allowed inside a speaker phrase.
    pub const PREP: Classes = 1 << 4;
    /// Never part of a speaker phrase.
    pub const STOP: Classes = 1 << 5;
    /// Allowed between a speaker and its cue.
    pub const GAP: Classes = 1 << 6;
    /// A form of "be".
    pub const BE: Classes = 1 << 7;
    /// Complementizer.
    pub const THAT: Classes = 1 << 8;
    /// Allowed in a short phrase after a cue.
    pub const FILLER: Classes = 1 << 9;
    /// Opens a subordinate clause.
    pub const CLAUSAL: Classes = 1 << 10;
    /// A noun ending in -ly ("family"): never a `GAP` adverb.
    pub const NOUN: Classes = 1 << 11;
    /// Opens an introductory phrase before a sentence's subject ("Inside …,", "Meanwhile,").
    pub const INTRO: Classes = 1 << 12;
    /// A plural noun without a final -s that takes a plural verb ("the police say", "a
    /// quarter say").
    pub const PLURAL: Classes = 1 << 13;
    /// A personal subject pronoun ("he", "we"): it opens a reported clause without "that".
    pub const PERSONAL: Classes = 1 << 14;
    /// Opens an embedded question ("whether", "how").
    pub const QUESTION: Classes = 1 << 15;
    /// An approximation before a quantity ("about", "nearly").
    pub const APPROX: Classes = 1 << 24;
    /// A number word an approximation qualifies ("half", "two").
    pub const AMOUNT: Classes = 1 << 25;
    /// A noun of a part after "a" in a quantity ("third", "dozen").
    pub const FRACTION: Classes = 1 << 26;
    /// A comparative that makes "X than" an approximation ("more than half", "less than a third").
    pub const COMPARE: Classes = 1 << 27;
    /// A word that limits a quantity from before it ("only about 4 in 10", "just 28 percent").
    pub const LIMIT: Classes = 1 << 28;
    /// The token is a word (not a number or punctuation).
    pub const WORD: Classes = 1 << 16;
    /// The word starts with an uppercase letter.
    pub const CAP: Classes = 1 << 17;
    /// The token is punctuation.
    pub const PUNCT: Classes = 1 << 18;
    /// The token is inside a top-level quotation (marks included).
    pub const IN_QUOTE: Classes = 1 << 19;
    /// The token is a number.
    pub const NUMBER: Classes = 1 << 20;
    /// A cue word starts at this token.
    pub const CUEWORD: Classes = 1 << 21;
    /// The token is inside a time expression ("this month", "Tuesday").
    pub const TIMEX: Classes = 1 << 22;
    /// The token is a period the sentence splitter read as an abbreviation's ("Inc. said").
    pub const ABBREV: Classes = 1 << 23;
    /// A raising cue ("seemed"): "seemed to" may stand between a speaker and its cue ("He
    /// appeared to suggest …").
    pub const RAISING: Classes = 1 << 29;
    /// A verb of phase before "to" ("continues to insist", "began to argue"): it may stand
    /// between a speaker and its cue, as a raising verb does.
    pub const ASPECT: Classes = 1 << 30;
    /// Opens a phrase between a cue and "that" ("said after a lunch on Tuesday that", "during").
    pub const OPENER: Classes = 1 << 31;
    /// A first- or second-person pronoun ("we", "you"): as a speaker it belongs to reported
    /// words, not to the narration.
    pub const PERSON12: Classes = 1 << 32;
    /// A first-person subject pronoun ("I", "we").
    pub const FIRST: Classes = 1 << 33;
    /// A quantifier that may float after its subject ("they both said").
    pub const FLOATING: Classes = 1 << 34;
    /// A determiner of one thing ("a", "every"): with a singular head, a phrase is one source.
    pub const SINGLE: Classes = 1 << 35;
    /// A word that makes a phrase a time phrase ("two days later", "a year ago").
    pub const TIMEWORD: Classes = 1 << 36;
    /// A relative pronoun that opens a relative clause after a comma ("…, who said").
    pub const RELATIVE: Classes = 1 << 37;
}

const CLASSES: &[(&str, Classes)] = &[
    ("det", class::DET),
    ("pronoun", class::PRONOUN),
    ("object", class::OBJECT),
    ("title", class::TITLE),
    ("prep", class::PREP),
    ("stop", class::STOP),
    ("gap", class::GAP),
    ("be", class::BE),
    ("that", class::THAT),
    ("filler", class::FILLER),
    ("clausal", class::CLAUSAL),
    ("noun", class::NOUN),
    ("intro", class::INTRO),
    ("plural", class::PLURAL),
    ("personal", class::PERSONAL),
    ("question", class::QUESTION),
    ("approx", class::APPROX),
    ("amount", class::AMOUNT),
    ("fraction", class::FRACTION),
    ("compare", class::COMPARE),
    ("limit", class::LIMIT),
    ("aspect", class::ASPECT),
    ("opener", class::OPENER),
    ("person12", class::PERSON12),
    ("first", class::FIRST),
    ("floating", class::FLOATING),
    ("single", class::SINGLE),
    ("timeword", class::TIMEWORD),
    ("relative", class::RELATIVE),
];

use crate::hash::{short_key, ShortTable, SHORT_MAX};

type WordMap<V> = crate::hash::FxMap<Vec<u8>, V>;

/// Compiled word classes.
pub struct Lexicon {
    words: WordMap<Classes>,
    /// The words of up to [`SHORT_MAX`] bytes again, keyed by [`short_key`]: a cheaper hash and
    /// compare.
    short: ShortTable<Classes>,
    max_len: usize,
    /// Per length and first byte (`& 31`), a bit set of last bytes (`& 31`) of the listed words:
    /// most tokens miss here, before hashing. `& 31` maps both ASCII cases to the same slot.
    shapes: Vec<[u32; 32]>,
    /// The classes of each word id of the tokens' vocabulary: a token's classes are one index.
    by_id: Vec<Classes>,
    /// Some listed word has no id of its own in the vocabulary (it is longer than the vocabulary
    /// holds, or lowercases differently from ASCII folding): tokens of [`UNKNOWN_WORD`] are
    /// looked up by their text.
    unknown_by_text: bool,
}

impl Lexicon {
    /// Compiles `speaker_words.txt`; `vocab` is the vocabulary the tokens' word ids come from.
    pub fn compile(src: &RuleSources, vocab: &Vocab) -> Result<Lexicon, Vec<RuleError>> {
        let file = src.get("speaker_words.txt");
        let mut words: WordMap<Classes> = WordMap::default();
        let mut errors = Vec::new();
        for line in file.lines() {
            let f: Vec<&str> = line.fields().collect();
            if f.len() != 2 {
                errors.push(line.error("expected CLASS | word word …"));
                continue;
            }
            let Some(&(_, bit)) = CLASSES.iter().find(|(n, _)| *n == f[0]) else {
                errors.push(line.error(format!("unknown class {:?}", f[0])));
                continue;
            };
            for w in f[1].split_whitespace() {
                *words.entry(w.to_lowercase().into_bytes()).or_default() |= bit;
            }
        }
        if errors.is_empty() {
            let max_len = words.keys().map(Vec::len).max().unwrap_or(0);
            let mut shapes = vec![[0u32; 32]; max_len + 1];
            for w in words.keys() {
                shapes[w.len()][usize::from(w[0] & 31)] |= 1 << (w[w.len() - 1] & 31);
            }
            let short: Vec<(u64, Classes)> = words
                .iter()
                .filter(|(w, _)| w.len() <= SHORT_MAX)
                .map(|(w, &c)| (short_key(w), c))
                .collect();
            let short = ShortTable::new(&short, 0);
            // a vocabulary word is ASCII-folded, as `classes` folds a token: its classes are
            // those of the listed word it spells
            let by_id: Vec<Classes> = (0..vocab.len())
                .map(|id| match id as WordId {
                    UNKNOWN_WORD => 0,
                    id => words.get(vocab.word(id).as_bytes()).copied().unwrap_or(0),
                })
                .collect();
            let unknown_by_text = words.keys().any(|w| {
                let id = std::str::from_utf8(w).map_or(UNKNOWN_WORD, |w| vocab.id(w));
                id == UNKNOWN_WORD || vocab.word(id).as_bytes() != &w[..]
            });
            Ok(Lexicon {
                words,
                short,
                max_len,
                shapes,
                by_id,
                unknown_by_text,
            })
        } else {
            Err(errors)
        }
    }

    /// The classes of one word (case-insensitive).
    #[inline]
    pub fn classes(&self, word: &str) -> Classes {
        // most words miss here: keep the test inline at the caller
        let b = word.as_bytes();
        let Some(&last) = b.last() else {
            return 0;
        };
        if b.len() > self.max_len
            || self.shapes[b.len()][usize::from(b[0] & 31)] & (1 << (last & 31)) == 0
        {
            return 0;
        }
        self.classes_of_listed_shape(b)
    }

    /// The classes of a token of word id `id` and text `word()`: one index, the same as
    /// [`Lexicon::classes`] of the text.
    #[inline]
    pub fn classes_of_token<'w>(&self, id: WordId, word: impl FnOnce() -> &'w str) -> Classes {
        match self.by_id.get(id as usize) {
            Some(&c) if id != UNKNOWN_WORD || !self.unknown_by_text => c,
            _ => self.classes(word()),
        }
    }

    /// The classes of a non-empty word whose shape some listed word has.
    #[inline(never)]
    fn classes_of_listed_shape(&self, b: &[u8]) -> Classes {
        if b.len() <= SHORT_MAX {
            return self.short.get(ascii_lowercase_word(short_key(b)));
        }
        let mut buf = [0u8; 48];
        if b.len() > buf.len() {
            return 0;
        }
        let lower = &mut buf[..b.len()];
        for (d, s) in lower.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.words.get(&lower[..]).copied().unwrap_or(0)
    }
}

/// `to_ascii_lowercase` of each byte of a [`short_key`], all eight at once.
fn ascii_lowercase_word(key: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = key & !HIGH;
    // per byte, the high bit is set when the low seven bits are at least 'A', or past 'Z'
    let at_least_a = low7 + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = low7 + 0x2525_2525_2525_2525;
    let upper = at_least_a & !past_z & !key & HIGH;
    key | (upper >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lowercasing_matches_byte_lowercasing() {
        for k in 0..7 {
            for b in 0..=255u8 {
                let mut w = *b"AbCdEzZ";
                w[k] = b;
                let lowered: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(ascii_lowercase_word(short_key(&w)), short_key(&lowered));
            }
        }
    }
}
