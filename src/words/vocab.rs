//! One vocabulary of every word the rule files name, built once when the rules compile: each word
//! gets a [`WordId`], and the segment stage gives every token the id of its word, so that later
//! stages look tokens up by id (an array index) instead of hashing the word's text again.
//!
//! Words are compared with ASCII letters folded to lowercase ("Said", "SAID" and "said" share one
//! id); other characters are kept as they are. A word the rule files never name gets
//! [`UNKNOWN_WORD`]. Words longer than [`MAX_WORD`] bytes are never in the vocabulary.
//!
//! A look-up reads the word eight bytes (one lane) at a time, folds each lane once and hashes
//! it; the table's slot holds the hash, the length and the last folded lane of its word, so a
//! word of up to eight bytes (most) is checked without reading anything else.

use crate::rules::RuleSources;

pub use crate::doc::{WordId, UNKNOWN_WORD};

/// The longest word, in bytes, that the vocabulary holds.
pub const MAX_WORD: usize = 48;

/// The case-folded words of every rule file, each with its id.
#[derive(Clone, Debug)]
pub struct Vocab {
    /// Open addressing, linear probing, at most half full.
    slots: Vec<Slot>,
    /// The id of each one-byte ASCII word, by its folded byte: punctuation marks, "a" and "I"
    /// are found without hashing.
    ascii: [WordId; 128],
    /// log2 of the number of slots.
    bits: u32,
    /// Every id's folded word as zero-padded lanes, concatenated: id `i` has
    /// `lanes[lane_ends[i - 1]..lane_ends[i]]`.
    lanes: Vec<u64>,
    /// Per id: where its lanes end in [`Vocab::lanes`].
    lane_ends: Vec<u32>,
    /// Every id's folded word, concatenated: id `i` has `folded[word_ends[i - 1]..word_ends[i]]`.
    folded: String,
    /// Per id: where its word ends in [`Vocab::folded`]; index 0 is [`UNKNOWN_WORD`]'s empty
    /// word.
    word_ends: Vec<u32>,
}

/// One slot of the table.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// [`folded_hash`] of the word.
    hash: u64,
    /// The folded word's last lane.
    last: u64,
    /// The word's length in bytes.
    len: u32,
    /// Its id; [`UNKNOWN_WORD`] in an empty slot.
    id: WordId,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            slots: vec![Slot::default(); 16],
            ascii: [UNKNOWN_WORD; 128],
            bits: 4,
            lanes: Vec::new(),
            lane_ends: vec![0],
            folded: String::new(),
            word_ends: vec![0],
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
pub(crate) fn fold_lanes(v: u64) -> u64 {
    let low = v & lanes(0x7F);
    let at_least_a = low + lanes(0x80 - b'A');
    let above_z = low + lanes(0x80 - b'Z' - 1);
    let capital = at_least_a & !above_z & !v & lanes(0x80);
    v | (capital >> 2)
}

/// The one to seven bytes of `r` as a little-endian word, zero-padded, read without a copy (two
/// overlapping reads put the same byte twice where they overlap).
#[inline]
fn tail_lane(r: &[u8]) -> u64 {
    let n = r.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else {
        u64::from(r[0])
            | u64::from(r[n / 2]) << (8 * (n / 2))
            | u64::from(r[n - 1]) << (8 * (n - 1))
    }
}

/// Folded lane `k` of `w`: bytes `8k..8k + 8`, zero-padded past the end, ASCII lowercased.
#[inline]
fn lane(w: &[u8], k: usize) -> u64 {
    let r = &w[8 * k..];
    let v = match r.first_chunk::<8>() {
        Some(c) => u64::from_le_bytes(*c),
        None => tail_lane(r),
    };
    fold_lanes(v)
}

/// The multiplier of one hash round.
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A 64-bit hash of `w` (not empty) with ASCII letters folded to lowercase, a lane a round; with
/// the last folded lane.
#[inline(always)]
fn folded_hash(w: &[u8]) -> (u64, u64) {
    let mut h = w.len() as u64;
    if w.len() <= 8 {
        // most words: one lane, one round (the loop below gives the same)
        let last = fold_lanes(match w.first_chunk::<8>() {
            Some(c) => u64::from_le_bytes(*c),
            None => tail_lane(w),
        });
        return ((h.rotate_left(5) ^ last).wrapping_mul(K), last);
    }
    let mut last = 0;
    for k in 0..w.len().div_ceil(8) {
        last = lane(w, k);
        h = (h.rotate_left(5) ^ last).wrapping_mul(K);
    }
    (h, last)
}

impl Vocab {
    /// The vocabulary of every word in every rule file but `gazetteers/english_words.txt`
    /// (looked up by text only): each `|` field of each line, split at whitespace and at
    /// commas, which separate the forms of a list ("said, says" gives two words, "Secretary of
    /// State" three and "U.S." one).
    pub fn from_rules(src: &RuleSources) -> Vocab {
        // room for the rule files' words from the start (about ten thousand): no table to
        // rebuild again and again as they go in
        let mut v = Vocab {
            slots: vec![Slot::default(); 1 << 15],
            bits: 15,
            ..Vocab::default()
        };
        // the everyday-word list is looked up by text, once per capitalized phrase; as word ids
        // it would only slow every class look-up of the tokens it names
        for file in src
            .files()
            .filter(|f| f.name != "gazetteers/english_words.txt")
        {
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

    /// The slot holding hash `h`, or the empty slot where it would go.
    #[inline]
    fn slot(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        loop {
            let s = &self.slots[i];
            if s.id == UNKNOWN_WORD || s.hash == h {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when `w`, whose last folded lane is `last`, is the word of slot `s` (which holds
    /// its hash).
    #[inline(always)]
    fn holds(&self, s: &Slot, w: &[u8], last: u64) -> bool {
        if s.len as usize != w.len() || s.last != last {
            return false;
        }
        w.len() <= 8 || self.holds_long(s, w)
    }

    /// [`Vocab::holds`] for a word of more than eight bytes whose length and last lane match:
    /// every other lane compared.
    #[inline(never)]
    fn holds_long(&self, s: &Slot, w: &[u8]) -> bool {
        let id = s.id as usize;
        let stored = &self.lanes[self.lane_ends[id - 1] as usize..self.lane_ends[id] as usize];
        stored.iter().enumerate().all(|(k, &v)| v == lane(w, k))
    }

    /// The id of `w`, adding it when it is new (and not longer than [`MAX_WORD`]). Two words
    /// whose folded hashes collide (about one chance in 10^12 for the rule files) cannot both
    /// have an id: the second stays [`UNKNOWN_WORD`].
    pub fn intern(&mut self, w: &str) -> WordId {
        if w.is_empty() || w.len() > MAX_WORD {
            return UNKNOWN_WORD;
        }
        let b = w.as_bytes();
        let (h, last) = folded_hash(b);
        let i = self.slot(h);
        let s = self.slots[i];
        if s.id != UNKNOWN_WORD {
            return if self.holds(&s, b, last) {
                s.id
            } else {
                UNKNOWN_WORD
            };
        }
        let id = self.word_ends.len() as WordId;
        self.slots[i] = Slot {
            hash: h,
            last,
            len: w.len() as u32,
            id,
        };
        let at = self.folded.len();
        self.folded.push_str(w);
        self.folded[at..].make_ascii_lowercase();
        self.word_ends.push(self.folded.len() as u32);
        self.lanes
            .extend((0..w.len().div_ceil(8)).map(|k| lane(b, k)));
        self.lane_ends.push(self.lanes.len() as u32);
        if let [b] = *b {
            if b.is_ascii() {
                self.ascii[b.to_ascii_lowercase() as usize] = id;
            }
        }
        if self.word_ends.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the table and puts every word back.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![Slot::default(); 1 << self.bits];
        for s in old.into_iter().filter(|s| s.id != UNKNOWN_WORD) {
            let i = self.slot(s.hash);
            self.slots[i] = s;
        }
    }

    /// The id of `w` (any ASCII case), or [`UNKNOWN_WORD`].
    // always: the tokenizer's call is the hot one, and with the rule compilers' calls beside it
    // the compiler's choice went either way from one build to the next (2 M instructions)
    #[inline(always)]
    pub fn id(&self, w: &str) -> WordId {
        self.id_of_bytes(w.as_bytes())
    }

    /// [`Vocab::id`] of a word given as its bytes (the tokenizer's call: no slicing of a `str`
    /// at char boundaries to check).
    #[inline(always)]
    pub fn id_of_bytes(&self, b: &[u8]) -> WordId {
        if b.is_empty() || b.len() > MAX_WORD {
            return UNKNOWN_WORD;
        }
        if let [c] = *b {
            if c.is_ascii() {
                return self.ascii[c.to_ascii_lowercase() as usize];
            }
        }
        let (h, last) = folded_hash(b);
        let s = &self.slots[self.slot(h)];
        if s.id != UNKNOWN_WORD && self.holds(s, b, last) {
            s.id
        } else {
            UNKNOWN_WORD
        }
    }

    /// The folded word of `id` (empty for [`UNKNOWN_WORD`] or an id out of range).
    pub fn word(&self, id: WordId) -> &str {
        match (id as usize).checked_sub(1) {
            Some(p) if (id as usize) < self.word_ends.len() => {
                &self.folded[self.word_ends[p] as usize..self.word_ends[id as usize] as usize]
            }
            _ => "",
        }
    }

    /// How many ids there are, [`UNKNOWN_WORD`] included: a table indexed by id has this length.
    pub fn len(&self) -> usize {
        self.word_ends.len()
    }

    /// True when the vocabulary holds no word (only [`UNKNOWN_WORD`]).
    pub fn is_empty(&self) -> bool {
        self.word_ends.len() == 1
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
        assert_ne!(folded_hash(b"said").0, folded_hash(b"says").0);
        assert_ne!(folded_hash(b"a").0, folded_hash(b"a\0").0);
    }

    #[test]
    fn lanes_are_the_zero_padded_bytes() {
        let w = b"Secretary-General of the United Nations";
        for n in 1..=w.len() {
            for k in 0..n.div_ceil(8) {
                let mut b = [0u8; 8];
                let part = &w[8 * k..n.min(8 * k + 8)];
                b[..part.len()].copy_from_slice(part);
                b.make_ascii_lowercase();
                assert_eq!(lane(&w[..n], k), u64::from_le_bytes(b), "{n} {k}");
            }
        }
        let mut v = Vocab::default();
        let long = v.intern("Secretary-General");
        assert_eq!(v.id("SECRETARY-GENERAL"), long);
        assert_eq!(v.id("Secretary-Generax"), UNKNOWN_WORD);
        assert_eq!(v.id("Tecretary-General"), UNKNOWN_WORD);
        let a = v.intern("A");
        assert_eq!((v.id("a"), v.id("A"), v.intern("a")), (a, a, a));
        let comma = v.intern(",");
        assert_eq!(v.id(","), comma);
        assert_eq!(v.id("."), UNKNOWN_WORD);
    }
}
