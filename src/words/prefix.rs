//! The longest written form starting at a byte of a text, found in a sorted array: forms are
//! sorted by their bytes, and each form knows its longest proper prefix that is also a form. A
//! query binary-searches the largest form that is not greater than the text from the start byte
//! on; if that form is no prefix of the text, the longest form that is one is a prefix of it
//! too, reached through the prefix links. Forms are bucketed by their first two bytes and compared
//! on eight bytes after the first at once.
//!
//! Building it is a sort of a few thousand short strings: no automaton to construct at start-up.

use std::cmp::Ordering;

use super::vocab::fold_lanes;

/// No form (an empty prefix link).
const NONE: u32 = u32::MAX;

/// Each byte ASCII-lowercased, as one table lookup.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// A set of forms, each with an id, answering longest-prefix queries; exact or ASCII
/// case-insensitive.
pub struct PrefixIndex {
    /// ASCII case-insensitive: forms are stored folded and the text is folded as it is read.
    fold: bool,
    /// The bytes of the forms, concatenated in sorted order.
    bytes: Vec<u8>,
    /// Per sorted form: its end in [`PrefixIndex::bytes`] (it starts at the previous end).
    ends: Vec<u32>,
    /// Per sorted form: its id.
    ids: Vec<u32>,
    /// Per sorted form: [`head`] of its bytes, which orders most forms without reading them.
    heads: Vec<u64>,
    /// Per sorted form: the sorted index of its longest proper prefix that is a form, or
    /// [`NONE`].
    parent: Vec<u32>,
    /// Forms starting with the bytes `b0 b1` are the sorted forms `pairs[p]..pairs[p + 1]`, for
    /// `p = b0 << 8 | b1` (a one-byte form counts as `b1 = 0`; it sorts first of that pair).
    pairs: Vec<u32>,
}

impl PrefixIndex {
    /// An index of `forms` (form `i` has id `i`). Forms that are equal (after folding) keep the
    /// lowest id. Empty forms are never matched.
    pub fn new(forms: &[&str], fold: bool) -> PrefixIndex {
        // folded copies in one buffer, when folding
        let mut folded = Vec::new();
        let mut starts = Vec::new();
        if fold {
            starts.reserve(forms.len() + 1);
            for f in forms {
                starts.push(folded.len() as u32);
                folded.extend(f.bytes().map(|b| FOLD[b as usize]));
            }
            starts.push(folded.len() as u32);
        }
        let key = |i: u32| -> &[u8] {
            if fold {
                &folded[starts[i as usize] as usize..starts[i as usize + 1] as usize]
            } else {
                forms[i as usize].as_bytes()
            }
        };
        // (first byte, head) orders as the bytes do, up to ties the bytes break
        let sort_key: Vec<(u8, u64)> = (0..forms.len() as u32)
            .map(|i| {
                let k = key(i);
                (k.first().copied().unwrap_or(0), head(k, &FOLD_IF[0]))
            })
            .collect();
        let mut order: Vec<u32> = (0..forms.len() as u32)
            .filter(|&i| !key(i).is_empty())
            .collect();
        // of equal keys, the lowest id comes first
        order.sort_unstable_by(|&a, &b| {
            sort_key[a as usize]
                .cmp(&sort_key[b as usize])
                .then_with(|| key(a).cmp(key(b)))
                .then(a.cmp(&b))
        });
        order.dedup_by(|b, a| key(*a) == key(*b));
        let mut bytes = Vec::with_capacity(order.iter().map(|&i| key(i).len()).sum());
        let mut ends = Vec::with_capacity(order.len());
        let mut parent = Vec::with_capacity(order.len());
        let mut heads = Vec::with_capacity(order.len());
        let mut pairs = vec![0u32; PAIRS + 1];
        // pairs[..filled] are set: each is the first sorted form of its pair or a later pair
        let mut filled = 0;
        // the forms before the current one that are prefixes of it, shortest first
        let mut stack: Vec<u32> = Vec::new();
        for (n, &i) in order.iter().enumerate() {
            let k = key(i);
            while let Some(&top) = stack.last() {
                if k.starts_with(key(order[top as usize])) {
                    break;
                }
                stack.pop();
            }
            parent.push(stack.last().copied().unwrap_or(NONE));
            stack.push(n as u32);
            bytes.extend_from_slice(k);
            ends.push(bytes.len() as u32);
            heads.push(sort_key[i as usize].1);
            let p = pair(k[0], k.get(1).copied().unwrap_or(0));
            if p >= filled {
                pairs[filled..=p].fill(n as u32);
                filled = p + 1;
            }
        }
        pairs[filled..].fill(order.len() as u32);
        PrefixIndex {
            fold,
            bytes,
            ends,
            ids: order,
            heads,
            parent,
            pairs,
        }
    }

    /// Every form (folded, for a folding index), each once, in byte order.
    pub fn forms(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.ends.len()).map(|n| self.form(n))
    }

    /// The bytes of sorted form `n`.
    #[inline]
    fn form(&self, n: usize) -> &[u8] {
        let a = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.bytes[a..self.ends[n] as usize]
    }

    /// True when sorted form `n` is not greater than `s`; with the length of their common
    /// prefix.
    #[inline(always)]
    fn le(&self, n: usize, s: &[u8]) -> (bool, usize) {
        let f = self.form(n);
        let m = f.len().min(s.len());
        let mut i = 0;
        // eight bytes at a time up to the first that differs (little-endian: the lowest lane
        // that differs is the first byte that does)
        while i + 8 <= m {
            let a = u64::from_le_bytes(f[i..i + 8].try_into().unwrap());
            let mut b = u64::from_le_bytes(s[i..i + 8].try_into().unwrap());
            if self.fold {
                b = fold_lanes(b);
            }
            let x = a ^ b;
            if x != 0 {
                i += (x.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        if self.fold {
            while i < m && f[i] == FOLD[s[i] as usize] {
                i += 1;
            }
            if i < m {
                return (f[i] < FOLD[s[i] as usize], i);
            }
        } else {
            while i < m && f[i] == s[i] {
                i += 1;
            }
            if i < m {
                return (f[i] < s[i], i);
            }
        }
        // one is a prefix of the other: the form is not greater when it is no longer
        (f.len() <= s.len(), i)
    }

    /// The longest form that is a prefix of `s` (folded, for a folding index), as (its length,
    /// its id).
    pub fn longest(&self, s: &[u8]) -> Option<(usize, u32)> {
        let fold = &FOLD_IF[self.fold as usize];
        let b0 = fold[*s.first()? as usize];
        let first = pair(b0, 0);
        let (lo, hi) = match s.get(1) {
            Some(&b1) => {
                let p = pair(b0, fold[b1 as usize]);
                (self.pairs[p] as usize, self.pairs[p + 1] as usize)
            }
            None => (self.pairs[first] as usize, self.pairs[first + 256] as usize),
        };
        // the first sorted form greater than `s`
        let t = head(s, fold);
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = (a + b) / 2;
            let le = match self.heads[mid].cmp(&t) {
                Ordering::Less => true,
                Ordering::Greater => false,
                Ordering::Equal => {
                    let n = self.form(mid).len();
                    if n <= HEAD_END {
                        n <= s.len()
                    } else {
                        self.le(mid, s).0
                    }
                }
            };
            if le {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if a == lo {
            // no form of the first two bytes is a prefix of `s`: only the one-byte form can be
            let f = self.pairs[first] as usize;
            return (s.len() >= 2 && f < self.pairs[first + 1] as usize && self.form(f).len() == 1)
                .then(|| (1, self.ids[f]));
        }
        let n = a - 1;
        let (_, common) = self.le(n, s);
        let mut c = n as u32;
        while c != NONE && self.form(c as usize).len() > common {
            c = self.parent[c as usize];
        }
        if c == NONE {
            return None;
        }
        let c = c as usize;
        Some((self.form(c).len(), self.ids[c]))
    }
}

/// The number of two-byte pairs.
const PAIRS: usize = 1 << 16;

/// The index of the pair of bytes `b0 b1` in [`PrefixIndex::pairs`].
#[inline]
fn pair(b0: u8, b1: u8) -> usize {
    (b0 as usize) << 8 | b1 as usize
}

/// The bytes a [`head`] holds end here.
const HEAD_END: usize = 9;

/// Bytes 1 to [`HEAD_END`] of `k` mapped through `map`, big-endian, zero-padded: where the heads
/// of a form and of a text differ they order the two as their bytes do (a zero pad sorts as
/// the end of the shorter); where they are equal the bytes past them decide.
#[inline]
fn head(k: &[u8], map: &[u8; 256]) -> u64 {
    if let Some(c) = k.get(1..HEAD_END).and_then(|r| r.first_chunk::<8>()) {
        // eight bytes at once: `map` is the identity or ASCII lowercasing, which
        // [`fold_lanes`] does to every byte of a word in one go
        let v = u64::from_be_bytes(*c);
        return if map[usize::from(b'A')] == b'A' {
            v
        } else {
            fold_lanes(v)
        };
    }
    let mut b = [0u8; 8];
    let end = k.len().min(HEAD_END);
    if end > 1 {
        for (d, &c) in b.iter_mut().zip(&k[1..end]) {
            *d = map[c as usize];
        }
    }
    u64::from_be_bytes(b)
}

/// [`FOLD`] for a folding index, the identity for an exact one.
static FOLD_IF: [[u8; 256]; 2] = {
    let mut t = [[0u8; 256]; 2];
    let mut b = 0;
    while b < 256 {
        t[0][b] = b as u8;
        t[1][b] = FOLD[b];
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest form that is a prefix of `s`, by trying every form.
    fn naive(forms: &[&str], s: &[u8], fold: bool) -> Option<(usize, u32)> {
        let mut best: Option<(usize, u32)> = None;
        for (i, f) in forms.iter().enumerate() {
            let f = f.as_bytes();
            let hit = !f.is_empty()
                && s.len() >= f.len()
                && if fold {
                    s[..f.len()].eq_ignore_ascii_case(f)
                } else {
                    &s[..f.len()] == f
                };
            if hit && best.is_none_or(|(l, _)| f.len() > l) {
                best = Some((f.len(), i as u32));
            }
        }
        best
    }

    #[test]
    fn agrees_with_trying_every_form() {
        let forms = [
            "United",
            "United States",
            "United States Army",
            "Un",
            "U",
            "US",
            "U.S.",
            "Uni",
            "united states",
            "Ab",
            "Abc",
            "Abd",
            "Abcd",
            "B",
            "Bz",
            "x",
            "Democratic Republic of the Congo",
            "Democratic Republic",
            "Democratic Party",
            "DEMOCRATIC REPUBLIC OF",
        ];
        let texts = [
            "United States Army base",
            "United Statesman",
            "United Kingdom",
            "Unix",
            "U.S. Army",
            "USA",
            "U",
            "Abce",
            "Abcd",
            "Abd",
            "Ab",
            "A",
            "Bzz",
            "B.",
            "UNITED STATES",
            "Ü",
            "xy",
            "",
            "Democratic Republic of the Congo's",
            "democratic republic of the congo",
            "Democratic Republic of Korea",
            "Democratic Republik",
            "Democratic Partyline",
            "DEMOCRATIC REPUBLIC OF THE",
            "Democratic",
        ];
        for fold in [false, true] {
            let ix = PrefixIndex::new(&forms, fold);
            for t in texts {
                assert_eq!(
                    ix.longest(t.as_bytes()),
                    naive(&forms, t.as_bytes(), fold),
                    "{t}"
                );
            }
        }
    }
}
