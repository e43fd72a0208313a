//! Document-level evidence about capitalized words: which words the document also writes in
//! lowercase, which it capitalizes in the middle of a sentence, and which positions are "weak"
//! (sentence starts, after an opening quote, Title-Case headlines) where capitals say little.

use super::word_class;
use crate::doc::{Doc, Token, TokenKind, UNKNOWN_WORD};
use crate::words::{Vocab, WordClasses};

pub use crate::hash::{FxMap, FxSet};
pub use crate::words::shape::{is_all_caps, is_cap_word, strip_possessive};

/// Each byte ASCII-lowercased, as one table lookup.
static ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// FxHash of a word with ASCII letters lowercased.
fn folded_hash(w: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let step =
        |h: u64, b: u8| (h.rotate_left(5) ^ u64::from(ASCII_LOWER[b as usize])).wrapping_mul(K);
    // two bytes a loop turn: the same rounds in the same order, half the loop overhead
    let mut pairs = w.as_bytes().chunks_exact(2);
    let h = (&mut pairs).fold(0u64, |h, p| step(step(h, p[0]), p[1]));
    pairs.remainder().iter().fold(h, |h, &b| step(h, b))
}

/// The [`folded_hash`] of every word of `vocab`, by id (0 for [`crate::doc::UNKNOWN_WORD`]): a
/// vocabulary word is folded already, as a token of it is when hashed.
pub(super) fn word_hashes(vocab: &Vocab) -> Vec<u64> {
    (0..vocab.len() as crate::doc::WordId)
        .map(|id| match vocab.word(id) {
            "" => 0,
            w => folded_hash(w),
        })
        .collect()
}

/// A set of words of one text, each kept with the [`folded_hash`] the evidence pass took of it,
/// which is not taken again: open addressing, linear probing, at most half full.
struct WordSet<'t> {
    /// (hash, word) per slot; an empty word marks an empty slot.
    slots: Vec<(u64, &'t [u8])>,
    /// How many words the set holds.
    len: usize,
}

impl<'t> WordSet<'t> {
    /// An empty set of `slots` slots (a power of two) to start with.
    fn new(slots: usize) -> WordSet<'t> {
        WordSet {
            slots: vec![(0, &[][..]); slots],
            len: 0,
        }
    }

    /// The slot where the probe for hash `h` starts (the hash's middle bits: well mixed).
    #[inline]
    fn home(&self, h: u64) -> usize {
        h.rotate_left(32) as usize & (self.slots.len() - 1)
    }

    /// Adds `w` (not empty), whose [`folded_hash`] is `h`.
    fn insert(&mut self, h: u64, w: &'t [u8]) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let (sh, sw) = self.slots[i];
            if sw.is_empty() {
                break;
            }
            if sh == h && sw == w {
                return;
            }
            i = (i + 1) & mask;
        }
        self.slots[i] = (h, w);
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let slots = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![(0, &[][..]); slots]);
            self.len = 0;
            for (h, w) in old.into_iter().filter(|(_, w)| !w.is_empty()) {
                self.insert(h, w);
            }
        }
    }

    /// True when the set holds a word of hash `h` for which `eq` holds.
    #[inline]
    fn contains_by(&self, h: u64, eq: impl Fn(&[u8]) -> bool) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let (sh, sw) = self.slots[i];
            if sw.is_empty() {
                return false;
            }
            if sh == h && eq(sw) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A one-hash Bloom filter sized to the document.
struct Bloom {
    bits: Vec<u64>,
    mask: u64,
}

impl Bloom {
    fn new(tokens: usize) -> Bloom {
        let n = (tokens * 4).next_power_of_two().clamp(1 << 10, 1 << 24);
        Bloom {
            bits: vec![0; n / 64],
            mask: n as u64 - 1,
        }
    }
    fn set(&mut self, h: u64) {
        let b = (h >> 20) & self.mask;
        self.bits[(b / 64) as usize] |= 1 << (b % 64);
    }
    fn get(&self, h: u64) -> bool {
        let b = (h >> 20) & self.mask;
        self.bits[(b / 64) as usize] & (1 << (b % 64)) != 0
    }
}

/// Per-document evidence, borrowed from the document's text.
pub struct Evidence<'t> {
    /// Words the document writes starting lowercase (their bytes: looked up by bytes).
    lower: WordSet<'t>,
    /// Capitalized words (possessive stripped) seen in strong positions.
    strong: WordSet<'t>,
    /// Per token: true when the token stands in a weak position.
    pub weak: Vec<bool>,
    /// Per token: true inside a Title-Case or ALL-CAPS line.
    pub headline: Vec<bool>,
    /// The token index range of each sentence that has tokens, in order (as
    /// [`Doc::sentence_token_ranges`] gives them).
    pub sentences: Vec<std::ops::Range<usize>>,
}

fn opens_clause(t: &str) -> bool {
    matches!(
        t,
        "“" | "\"" | "‘" | "'" | "(" | "[" | ":" | "—" | "–" | "-" | "•" | "*" | "«" | "…" | "|"
    )
}

/// The evidence of a document while its words go in, sentence by sentence: the weak positions
/// of a sentence are marked before its words are noted, and the words written in lowercase are
/// sorted out once every word is in. [`Evidence::gather`] notes every word token itself; the
/// tagger notes them as it builds a sentence's units, reading the shapes it takes of them anyway.
pub(super) struct Gathering<'t> {
    /// The document's text.
    text: &'t str,
    /// The document's tokens.
    toks: &'t [Token],
    /// The grammar's word classes (for headlines).
    words: &'t WordClasses,
    /// [`super::rules::EntityRules::word_hashes`].
    word_hashes: &'t [u64],
    /// The evidence so far ([`Evidence::lower`] still empty).
    ev: Evidence<'t>,
    /// The hashes of the words that do not start lowercase.
    bloom: Bloom,
    /// Lowercase words (possessive stripped) with their folded hash, for [`Gathering::finish`].
    lows: Vec<(&'t str, u64)>,
}

impl<'t> Gathering<'t> {
    /// Starts the evidence of `doc`; `word_hashes` is [`super::rules::EntityRules::word_hashes`]
    /// of the vocabulary the tokens' word ids come from.
    pub(super) fn new(doc: &'t Doc, words: &'t WordClasses, word_hashes: &'t [u64]) -> Self {
        let n = doc.tokens.len();
        Gathering {
            text: doc.text.as_str(),
            toks: &doc.tokens,
            words,
            word_hashes,
            ev: Evidence {
                // room for a typical document's distinct words: no regrowth while they go in
                lower: WordSet::new(64),
                strong: WordSet::new(128),
                weak: vec![false; n],
                headline: vec![false; n],
                sentences: Vec::with_capacity(doc.sentences.len()),
            },
            bloom: Bloom::new(n),
            lows: Vec::with_capacity(n),
        }
    }

    /// Marks the weak and headline tokens of the sentence of tokens `r`, the next one.
    pub(super) fn sentence(&mut self, r: std::ops::Range<usize>) {
        let (i, j) = (r.start, r.end);
        self.ev.sentences.push(r);
        let weak = &mut self.ev.weak[i..j];
        if mark_sentence(self.words, self.text, &self.toks[i..j], weak) {
            self.ev.headline[i..j].fill(true);
        }
    }

    /// True when token `k` (of a sentence already marked) stands in a weak position.
    #[inline]
    pub(super) fn weak(&self, k: usize) -> bool {
        self.ev.weak[k]
    }

    /// Notes word token `k` (of a sentence already marked), whose text is `w`; `cap` says
    /// whether `w` is a capitalized word ([`is_cap_word`]), asked only when it matters.
    #[inline]
    pub(super) fn word(&mut self, k: usize, w: &'t str, cap: impl FnOnce() -> bool) {
        let t = &self.toks[k];
        let first = w.as_bytes()[0];
        let core = strip_possessive(w);
        // a known word's hash was taken when the rules compiled
        let h = match self.word_hashes.get(t.word as usize) {
            Some(&h) if t.word != UNKNOWN_WORD && core.len() == w.len() => h,
            _ => folded_hash(core),
        };
        if first.is_ascii_lowercase() {
            self.lows.push((core, h));
        } else {
            self.bloom.set(h);
            if !self.ev.weak[k] && cap() {
                self.ev.strong.insert(h, core.as_bytes());
            }
        }
    }

    /// The evidence, once every word token of the document is noted.
    pub(super) fn finish(mut self) -> Evidence<'t> {
        // lowercase words, kept only when some capitalized word may be the same word
        for &(core, h) in &self.lows {
            if self.bloom.get(h) {
                self.ev.lower.insert(h, core.as_bytes());
            }
        }
        self.ev
    }
}

impl<'t> Evidence<'t> {
    /// Gathers the evidence of one document (the tagger gathers it while it builds units).
    ///
    /// `word_hashes` is [`super::rules::EntityRules::word_hashes`] of the vocabulary the tokens'
    /// word ids come from.
    #[cfg(test)]
    pub fn gather(doc: &'t Doc, words: &'t WordClasses, word_hashes: &'t [u64]) -> Evidence<'t> {
        let text = doc.text.as_str();
        let mut g = Gathering::new(doc, words, word_hashes);
        for r in doc.sentence_token_ranges() {
            g.sentence(r.clone());
            for k in r {
                let t = &doc.tokens[k];
                if t.kind == TokenKind::Word {
                    let w = t.span.slice(text);
                    g.word(k, w, || is_cap_word(w));
                }
            }
        }
        g.finish()
    }

    /// True when the document also writes `w` (capitalized or all caps) in lowercase.
    pub fn seen_lower(&self, w: &str) -> bool {
        if w.len() > 40 || !w.is_ascii() {
            return false;
        }
        // the stored word is `w` with its ASCII capitals lowercased, which hash as `w` does
        self.lower.contains_by(folded_hash(w), |s| {
            s.len() == w.len()
                && s.iter()
                    .zip(w.bytes())
                    .all(|(&a, b)| a == ASCII_LOWER[b as usize])
        })
    }

    /// True when the document capitalizes `w` somewhere a capital means a name.
    pub fn seen_strong(&self, w: &str) -> bool {
        self.strong
            .contains_by(folded_hash(w), |s| s == w.as_bytes())
    }
}

/// Marks the weak tokens of one sentence: its first word, words after an opening quote or colon,
/// and every word of a Title-Case or ALL-CAPS line. True for such a headline.
fn mark_sentence(classes: &WordClasses, text: &str, toks: &[Token], weak: &mut [bool]) -> bool {
    // a headline: every content word capitalized (most sentences fail within a few words)
    let mut words = 0usize;
    let mut headline = true;
    for t in toks {
        if t.kind == TokenKind::Word {
            let w = t.span.slice(text);
            let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) else {
                continue;
            };
            words += 1;
            if words >= 30 || (c.is_lowercase() && !classes.is(w, word_class::HEADLINE_MINOR)) {
                headline = false;
                break;
            }
        }
    }
    let headline = headline && words >= 2;
    let mut at_start = true;
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            TokenKind::Punct => {
                if opens_clause(t.span.slice(text)) {
                    at_start = true;
                }
            }
            _ => {
                weak[k] = headline || at_start;
                at_start = false;
            }
        }
    }
    headline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_words() {
        assert!(is_cap_word("Biden"));
        assert!(is_cap_word("Bailey-Ross"));
        assert!(!is_cap_word("Russian-backed"));
        assert!(is_cap_word("al-Assad"));
        assert!(!is_cap_word("also"));
        assert!(is_all_caps("NATO"));
        assert!(!is_all_caps("I"));
        assert_eq!(strip_possessive("Navalny’s"), "Navalny");
        assert!(!is_cap_word("I’m"));
        assert!(!is_cap_word("Don't"));
        assert!(is_cap_word("O'Brien"));
        assert!(!is_cap_word("Q3"));
        assert_eq!(strip_possessive("’s"), "’s");
    }

    #[test]
    fn all_caps_agrees_with_a_char_count() {
        let by_chars = |w: &str| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        };
        for w in [
            "NATO", "Biden", "U.S.", "I", "ÉCOLE", "École", "ÉCOLe", "Ab\u{e9}", "AB\u{e9}", "G20",
            "U-2", "DC’S", "ÖL", "—", "", "AÉb", "X1Y",
        ] {
            assert_eq!(is_all_caps(w), by_chars(w), "{w}");
        }
    }
}
