//! Word shapes every stage tests the same way: capitalization, all-capitals, contractions and
//! the possessive 's.

/// Strips a possessive `'s` / `’s` from the end of a word, if it has one.
pub fn strip_possessive(w: &str) -> &str {
    if !w.ends_with('s') {
        return w; // most words, decided on their last byte
    }
    for suf in ["'s", "’s"] {
        if w.len() > suf.len() + 1 {
            if let Some(core) = w.strip_suffix(suf) {
                return core;
            }
        }
    }
    w
}

/// True when a word token starts with an uppercase letter and its last hyphen-part is not
/// lowercase ("Bailey-Ross" yes, "Russian-backed" no); "al-Assad" counts too.
#[inline]
pub fn is_cap_word(w: &str) -> bool {
    let b = w.as_bytes();
    let b0 = b.first().copied().unwrap_or(b'a');
    if b0.is_ascii_digit() {
        return false;
    }
    // the common case, decided on one byte: a lowercase word is a name word only as "al-…"
    // or "el-…"
    if b0.is_ascii_lowercase() && !(matches!(b0, b'a' | b'e') && b.get(1..3) == Some(b"l-")) {
        return false;
    }
    cap_word_rest(w, b0)
}

/// One byte repeated in every lane of a `u64`.
const fn lanes(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// True when every byte of `b` is an ASCII letter: eight bytes at a time (the last eight
/// overlapping the ones before) for a word of eight or more.
#[inline]
fn all_ascii_alphabetic(b: &[u8]) -> bool {
    // a lane is a letter when, its 0x20 bit set, it is at least `a`, at most `z` and ASCII
    let letters = |c: &[u8; 8]| {
        let v = u64::from_le_bytes(*c) | lanes(0x20);
        let low = v & lanes(0x7F);
        let at_least_a = low + lanes(0x80 - b'a');
        let above_z = low + lanes(0x80 - b'z' - 1);
        at_least_a & !above_z & !v & lanes(0x80) == lanes(0x80)
    };
    match b.last_chunk::<8>() {
        None => b.iter().all(u8::is_ascii_alphabetic),
        Some(last) => {
            let mut chunks = b.chunks_exact(8);
            chunks.all(|c| letters(c.try_into().unwrap())) && letters(last)
        }
    }
}

/// [`is_cap_word`] past its one-byte check.
fn cap_word_rest(w: &str, b0: u8) -> bool {
    if all_ascii_alphabetic(w.as_bytes()) {
        return b0.is_ascii_uppercase(); // no hyphen, digit or clitic: the first letter decides
    }
    let mut chars = w.chars();
    let Some(c) = chars.next() else { return false };
    let last_part = w.rsplit(['-', '‐']).next().unwrap_or(w);
    let last_ok = last_part.chars().next().is_some_and(|c| !c.is_lowercase());
    if w.bytes().any(|b| b.is_ascii_digit()) || is_contraction(w) {
        return false;
    }
    if c.is_uppercase() {
        return last_ok;
    }
    (w.starts_with("al-") || w.starts_with("el-")) && last_ok && w.len() > 3
}

/// True for "I'm", "I’ve", "Don't", "We'll": a word with a clitic that is no name.
pub fn is_contraction(w: &str) -> bool {
    let Some(p) = w.find(['\'', '’']) else {
        return false;
    };
    let tail = &w[p + w[p..].chars().next().map_or(1, char::len_utf8)..];
    matches!(tail, "m" | "ve" | "ll" | "d" | "re" | "t") || w[..p].ends_with('n') && tail == "t"
}

/// True when every letter of `w` is uppercase and it has at least two letters.
#[inline]
pub fn is_all_caps(w: &str) -> bool {
    if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false; // the common case, decided on one byte
    }
    all_caps_rest(w)
}

/// [`is_all_caps`] past its one-byte check.
fn all_caps_rest(w: &str) -> bool {
    // ASCII bytes first: a lowercase letter answers at once ("Biden" on its second byte); the
    // first non-ASCII byte sends the word to the char-by-char count below
    let mut letters = 0;
    for &b in w.as_bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        if !b.is_ascii() {
            return all_caps_chars(w);
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters >= 2
}

/// [`is_all_caps`] for a word with non-ASCII characters, one char at a time.
fn all_caps_chars(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_alphabetic_agrees_with_a_byte_test() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        let word = b"Washingtonian-Republicans";
        for n in 0..=word.len() {
            for at in 0..n {
                for &b in &bytes {
                    let mut w = word[..n].to_vec();
                    w[at] = b;
                    assert_eq!(
                        all_ascii_alphabetic(&w),
                        w.iter().all(u8::is_ascii_alphabetic),
                        "{w:?}"
                    );
                }
            }
            let w = &word[..n];
            assert_eq!(
                all_ascii_alphabetic(w),
                w.iter().all(u8::is_ascii_alphabetic)
            );
        }
    }
}
