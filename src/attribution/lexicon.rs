//! Word classes of `speaker_words.txt`, looked up without allocating.

use std::collections::HashMap;

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

/// FNV-1a: a fast hash for the short keys of the word-class table.
#[derive(Clone, Copy, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<V> = HashMap<Vec<u8>, V, std::hash::BuildHasherDefault<Fnv>>;

/// Compiled word classes.
pub struct Lexicon {
    words: FnvMap<u32>,
    max_len: usize,
    /// `(length, first byte)` pairs of the listed words: most tokens miss here, before hashing.
    starts: Vec<[bool; 256]>,
}

impl Lexicon {
    /// Compiles `speaker_words.txt`.
    pub fn compile(src: &RuleSources) -> Result<Lexicon, Vec<RuleError>> {
        let file = src.get("speaker_words.txt");
        let mut words: FnvMap<u32> = FnvMap::default();
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
            let mut starts = vec![[false; 256]; max_len + 1];
            for w in words.keys() {
                starts[w.len()][w[0] as usize] = true;
            }
            Ok(Lexicon {
                words,
                max_len,
                starts,
            })
        } else {
            Err(errors)
        }
    }

    /// The classes of one word (case-insensitive).
    pub fn classes(&self, word: &str) -> u32 {
        let mut buf = [0u8; 48];
        let b = word.as_bytes();
        if b.is_empty()
            || b.len() > self.max_len
            || b.len() > buf.len()
            || !self.starts[b.len()][b[0].to_ascii_lowercase() as usize]
        {
            return 0;
        }
        let lower = &mut buf[..b.len()];
        for (d, s) in lower.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.words.get(&lower[..]).copied().unwrap_or(0)
    }
}
