//! The longest written form starting at a byte of a text, found in a sorted array: forms are
//! sorted by their bytes, bucketed by their first two bytes, and each form knows its longest
//! proper prefix that is also a form. A query binary-searches the largest form that is not
//! greater than the text from the start byte on; if that form is no prefix of the text, the
//! longest form that is one is a prefix of it too, reached through the prefix links.
//!
//! Building it is a sort of a few thousand short strings: no automaton to construct at start-up.

/// No form (an empty prefix link, an empty one-byte slot).
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
pub(super) struct PrefixIndex {
    /// ASCII case-insensitive: forms are stored folded and the text is folded as it is read.
    fold: bool,
    /// The bytes of the forms of two bytes or more, concatenated in sorted order.
    bytes: Vec<u8>,
    /// Per sorted form: its end in [`PrefixIndex::bytes`] (it starts at the previous end).
    ends: Vec<u32>,
    /// Per sorted form: its id.
    ids: Vec<u32>,
    /// Per sorted form: the sorted index of its longest proper prefix that is a form of two
    /// bytes or more, or [`NONE`].
    parent: Vec<u32>,
    /// Forms starting with bytes `b0 b1` are the sorted forms `buckets[i]..buckets[i + 1]`
    /// with `i = b0 * 256 + b1`.
    buckets: Vec<u32>,
    /// Per byte: the id of the one-byte form of that byte, or [`NONE`].
    single: Vec<u32>,
}

impl PrefixIndex {
    /// An index of `forms` (form `i` has id `i`). Forms that are equal (after folding) keep the
    /// lowest id. Empty forms are never matched.
    pub(super) fn new(forms: &[&str], fold: bool) -> PrefixIndex {
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
        let pair = |k: &[u8]| ((k[0] as usize) << 8 | k[1] as usize) + 1;
        let mut single = vec![NONE; 256];
        let mut counts = vec![0u32; 65536 + 1];
        let mut long = 0;
        for i in 0..forms.len() as u32 {
            match key(i) {
                [] => {}
                [b] => {
                    let s = &mut single[*b as usize];
                    *s = (*s).min(i);
                }
                k => {
                    counts[pair(k)] += 1;
                    long += 1;
                }
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        // by first two bytes (ids ascending within each), then each bucket by its bytes
        let mut order = vec![0u32; long];
        let mut next = counts.clone();
        for i in 0..forms.len() as u32 {
            let k = key(i);
            if k.len() >= 2 {
                let slot = &mut next[pair(k) - 1];
                order[*slot as usize] = i;
                *slot += 1;
            }
        }
        for w in counts.windows(2) {
            // stable: of equal keys, the lowest id comes first
            order[w[0] as usize..w[1] as usize].sort_by(|&a, &b| key(a).cmp(key(b)));
        }
        order.dedup_by(|b, a| key(*a) == key(*b));
        let mut bytes = Vec::with_capacity(order.iter().map(|&i| key(i).len()).sum());
        let mut ends = Vec::with_capacity(order.len());
        let mut parent = Vec::with_capacity(order.len());
        counts.fill(0);
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
            counts[pair(k)] += 1;
        }
        // counts → bucket starts
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        PrefixIndex {
            fold,
            bytes,
            ends,
            ids: order,
            parent,
            buckets: counts,
            single,
        }
    }

    /// The bytes of sorted form `n`.
    #[inline]
    fn form(&self, n: usize) -> &[u8] {
        let a = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.bytes[a..self.ends[n] as usize]
    }

    /// True when sorted form `n` is not greater than `s`; with the length of their common
    /// prefix.
    #[inline]
    fn le(&self, n: usize, s: &[u8]) -> (bool, usize) {
        let f = self.form(n);
        let m = f.len().min(s.len());
        let mut i = 0;
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
    pub(super) fn longest(&self, s: &[u8]) -> Option<(usize, u32)> {
        let b0 = *s.first()?;
        let one = || {
            let id = self.single[FOLD_IF[self.fold as usize][b0 as usize] as usize];
            (id != NONE).then_some((1, id))
        };
        let Some(&b1) = s.get(1) else {
            return one();
        };
        let fold = &FOLD_IF[self.fold as usize];
        let i = (fold[b0 as usize] as usize) << 8 | fold[b1 as usize] as usize;
        let (lo, hi) = (self.buckets[i] as usize, self.buckets[i + 1] as usize);
        // the first sorted form greater than `s`
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = (a + b) / 2;
            if self.le(mid, s).0 {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if a == lo {
            return one();
        }
        let n = a - 1;
        let (_, common) = self.le(n, s);
        let mut c = n as u32;
        while c != NONE && self.form(c as usize).len() > common {
            c = self.parent[c as usize];
        }
        if c == NONE {
            return one();
        }
        let c = c as usize;
        Some((self.form(c).len(), self.ids[c]))
    }
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
