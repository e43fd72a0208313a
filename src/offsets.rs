//! Byte ↔ character offsets: the one place that counts characters.
//!
//! Internally every span is in bytes; outputs use Unicode scalar value offsets, so that Python's
//! `text[start:end]` slices the same text. [`CharIndex`] is built once per document.

/// Bytes per checkpoint: a lookup scans at most this many bytes.
const BLOCK: usize = 16;

/// Converts byte offsets of one text to character offsets in O(1) memory per 16 bytes.
pub struct CharIndex<'t> {
    text: &'t str,
    /// Character count before each block of `BLOCK` bytes; empty when the text is ASCII.
    checkpoints: Vec<u32>,
}

impl<'t> CharIndex<'t> {
    /// Builds the index for `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0u32;
        let mut blocks = bytes.chunks_exact(BLOCK);
        for b in &mut blocks {
            checkpoints.push(chars);
            // two words a block: their continuation bits, one count (the second word's bits
            // moved one place down, so that they do not meet the first's)
            let word = |k: usize| u64::from_le_bytes(b[k..k + 8].try_into().expect("eight bytes"));
            let both = continuations(word(0)) | continuations(word(8)) >> 1;
            chars += BLOCK as u32 - both.count_ones();
        }
        if !blocks.remainder().is_empty() {
            checkpoints.push(chars);
        }
        CharIndex { text, checkpoints }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        if block >= self.checkpoints.len() {
            // byte == text.len() on a block boundary
            let last = self.checkpoints.len() - 1;
            let start = last * BLOCK;
            return self.checkpoints[last] as usize
                + count_chars(&self.text.as_bytes()[start..byte]);
        }
        let start = block * BLOCK;
        self.checkpoints[block] as usize + count_chars(&self.text.as_bytes()[start..byte])
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// The top bit of each byte of `v` (eight bytes of text) that is a continuation byte: its top bit
/// set and the next one clear.
#[inline]
fn continuations(v: u64) -> u64 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    v & !(v << 1) & TOP
}

/// The characters that start in `bytes`: the bytes that are no continuation byte, counted
/// eight at a time (a continuation byte has its top bit set and the next one clear).
fn count_chars(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        n += 8 - continuations(v).count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| !is_continuation(b))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello world");
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(11), 11);
    }

    #[test]
    fn matches_char_indices_everywhere() {
        let text = "Zoë “東京” 👩‍👩‍👧 e\u{301}te ".repeat(40);
        let ix = CharIndex::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_offset(b), n, "byte {b}");
        }
        assert_eq!(ix.char_offset(text.len()), text.chars().count());
    }
}
