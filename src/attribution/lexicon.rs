//! Word classes of `speaker_words.txt`, looked up without allocating.

use crate::rules::{RuleError, RuleSources};

/// Bit flags of word classes (and token properties the matcher adds to them).
pub mod class {
    /// Determiner or possessive.
    pub const DET: u32 = 1;
    /// Subject pronoun.
    pub const PRONOUN: u32 = 1 << 1;
    /// Object pronoun or bare-plural addressee.
    pub const OBJECT: u32 = 1 << 2;
    /// Abbreviated title.
    pub const TITLE: u32 = 1 << 3;
    /// Preposition allowed inside a speaker phrase.
    pub const PREP: u32 = 1 << 4;
    /// Never part of a speaker phrase.
    pub const STOP: u32 = 1 << 5;
    /// Allowed between a speaker and its cue.
    pub const GAP: u32 = 1 << 6;
    /// A form of "be".
    pub const BE: u32 = 1 << 7;
    /// Complementizer.
    pub const THAT: u32 = 1 << 8;
    /// Allowed in a short phrase after a cue.
    pub const FILLER: u32 = 1 << 9;
    /// Opens a subordinate clause.
    pub const CLAUSAL: u32 = 1 << 10;
    /// A noun ending in -ly ("family"): never a `GAP` adverb.
    pub const NOUN: u32 = 1 << 11;
    /// Opens an introductory phrase before a sentence's subject ("Inside …,", "Meanwhile,").
    pub const INTRO: u32 = 1 << 12;
    /// The token is a word (not a number or punctuation).
    pub const WORD: u32 = 1 << 16;
    /// The word starts with an uppercase letter.
    pub const CAP: u32 = 1 << 17;
    /// The token is punctuation.
    pub const PUNCT: u32 = 1 << 18;
    /// The token is inside a top-level quotation (marks included).
    pub const IN_QUOTE: u32 = 1 << 19;
    /// The token is a number.
    pub const NUMBER: u32 = 1 << 20;
    /// A cue word starts at this token.
    pub const CUEWORD: u32 = 1 << 21;
    /// The token is inside a time expression ("this month", "Tuesday").
    pub const TIMEX: u32 = 1 << 22;
}

const CLASSES: &[(&str, u32)] = &[
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
];

type WordMap<V> = crate::hash::FxMap<Vec<u8>, V>;

/// Compiled word classes.
pub struct Lexicon {
    words: WordMap<u32>,
    /// The words of up to 7 bytes again, keyed by [`short_key`]: a cheaper hash and compare.
    short: crate::hash::FxMap<u64, u32>,
    max_len: usize,
    /// Per length and first byte (`& 31`), a bit set of last bytes (`& 31`) of the listed words:
    /// most tokens miss here, before hashing. `& 31` maps both ASCII cases to the same slot.
    shapes: Vec<[u32; 32]>,
}

impl Lexicon {
    /// Compiles `speaker_words.txt`.
    pub fn compile(src: &RuleSources) -> Result<Lexicon, Vec<RuleError>> {
        let file = src.get("speaker_words.txt");
        let mut words: WordMap<u32> = WordMap::default();
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
            let short = words
                .iter()
                .filter(|(w, _)| w.len() <= 7)
                .map(|(w, &c)| (short_key(w), c))
                .collect();
            Ok(Lexicon {
                words,
                short,
                max_len,
                shapes,
            })
        } else {
            Err(errors)
        }
    }

    /// The classes of one word (case-insensitive).
    pub fn classes(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        let Some(&last) = b.last() else {
            return 0;
        };
        if b.len() > self.max_len
            || self.shapes[b.len()][usize::from(b[0] & 31)] & (1 << (last & 31)) == 0
        {
            return 0;
        }
        if b.len() <= 7 {
            let mut key = (b.len() as u64) << 56;
            for (k, &c) in b.iter().enumerate() {
                key |= u64::from(c.to_ascii_lowercase()) << (8 * k);
            }
            return self.short.get(&key).copied().unwrap_or(0);
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

/// A word of up to 7 (already lowercase) bytes packed into one integer, its length in the top byte.
fn short_key(w: &[u8]) -> u64 {
    let mut key = (w.len() as u64) << 56;
    for (k, &c) in w.iter().enumerate() {
        key |= u64::from(c) << (8 * k);
    }
    key
}
