//! One fast, non-cryptographic hasher (FxHash) for the word tables of every stage.
//!
//! The keys are short words from rule files and documents, never attacker-chosen table sizes
//! that matter: SipHash's DoS resistance buys nothing here and cost ~15% of the pipeline.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: eight bytes at a time, rotate-xor-multiply; a tail of one to seven bytes is read as
/// one more word (two overlapping reads), so a short word costs one or two rounds, not one a byte.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

/// The multiplier of one FxHash round.
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One FxHash round: mixes the word `v` into the state `h`.
#[inline]
fn round(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// The last one to seven bytes of a key as one word: every byte of `r` is read, and its length
/// sits in the top byte.
#[inline]
fn tail_word(r: &[u8]) -> u64 {
    let n = r.len();
    let v = if n >= 4 {
        let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
        u64::from(lo) | u64::from(hi) << 32
    } else {
        u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16
    };
    v ^ (n as u64) << 59
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = round(h, v);
        }
        let r = chunks.remainder();
        if !r.is_empty() {
            h = round(h, tail_word(r));
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = round(self.0, u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = round(self.0, u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = round(self.0, i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = round(self.0, i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub type FxSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// The longest word a [`ShortTable`] holds.
pub const SHORT_MAX: usize = 7;

/// A word of one to [`SHORT_MAX`] bytes packed into one integer: its bytes, little-endian, with
/// its length in the top byte (never 0, which marks an empty slot).
#[inline]
pub fn short_key(w: &[u8]) -> u64 {
    let n = w.len();
    debug_assert!((1..=SHORT_MAX).contains(&n));
    // two overlapping reads cover every byte; where they overlap they agree
    let bytes = if n >= 4 {
        let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else {
        u64::from(w[0])
            | u64::from(w[n / 2]) << (8 * (n / 2))
            | u64::from(w[n - 1]) << (8 * (n - 1))
    };
    bytes | (n as u64) << 56
}

/// An open-addressing table from [`short_key`] to a value (linear probing, at most a quarter
/// full): a short word is found with one multiply and a probe or two, no string compare.
#[derive(Clone, Debug, Default)]
pub struct ShortTable<V> {
    keys: Vec<u64>,
    vals: Vec<V>,
    /// What [`ShortTable::get`] returns for a key it does not hold.
    missing: V,
    /// Bits of the slot index.
    bits: u32,
}

impl<V: Copy> ShortTable<V> {
    /// A table holding `entries` (distinct keys); `missing` answers every other key.
    pub fn new(entries: &[(u64, V)], missing: V) -> ShortTable<V> {
        let bits = (entries.len() * 4)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut t = ShortTable {
            keys: vec![0; 1 << bits],
            vals: vec![missing; 1 << bits],
            missing,
            bits,
        };
        for &(key, v) in entries {
            let mut i = t.slot(key);
            while t.keys[i] != 0 {
                i = (i + 1) & (t.keys.len() - 1);
            }
            t.keys[i] = key;
            t.vals[i] = v;
        }
        t
    }

    /// The home slot of a key.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    /// The value stored for `key`, or the table's `missing` value.
    #[inline]
    pub fn get(&self, key: u64) -> V {
        if self.keys.is_empty() {
            return self.missing;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.vals[i],
                0 => return self.missing,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// A 64-bit key of a text that is the same in every run and on every machine (SipHash with
/// fixed keys), for keys that are written out or must not collide by accident (document ids,
/// speaker ids); the word tables use the faster [`FxHasher`].
pub fn stable_key(text: &str) -> u64 {
    use std::hash::BuildHasher;
    let mut h =
        BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().build_hasher();
    h.write(text.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_table_finds_what_it_holds() {
        let words: Vec<String> = (0..500u32).map(|n| format!("w{n}")).collect();
        let entries: Vec<(u64, u32)> = words
            .iter()
            .enumerate()
            .map(|(k, w)| (short_key(w.as_bytes()), k as u32))
            .collect();
        let t = ShortTable::new(&entries, u32::MAX);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(t.get(short_key(w.as_bytes())), k as u32);
        }
        assert_eq!(t.get(short_key(b"said")), u32::MAX);
        assert_ne!(short_key(b"ab"), short_key(b"abb"));
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
        assert_eq!(ShortTable::<u8>::default().get(short_key(b"x")), 0);
    }

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxMap<&str, u32> = FxMap::default();
        m.insert("said", 1);
        m.insert("told", 2);
        assert_eq!(m.get("said"), Some(&1));
        assert_eq!(m.get("sad"), None);
        let h = |s: &str| {
            let mut x = FxHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("said"), h("told"));
    }
}
