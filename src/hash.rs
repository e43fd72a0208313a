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

#[cfg(test)]
mod tests {
    use super::*;

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
