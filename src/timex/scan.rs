//! The timex tokens as bytes make them: ASCII words, digit runs, single punctuation bytes and
//! runs of other characters, each remembering whether whitespace stands before it. [`super::cut`]
//! takes most tokens from the document's token layer and cuts only the others here ("2:30",
//! "p.m."); the phrases of `dates.txt` are cut here too.

use super::lexicon::{WordId, NONE};

/// What a timex token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ASCII letters.
    Word,
    /// ASCII digits.
    Num,
    /// One ASCII punctuation byte.
    Punct,
    /// A run of non-ASCII characters (never matched, never split).
    Other,
}

/// One token: byte span, kind, and whether whitespace precedes it; with its lexicon id and
/// `timex_words.txt` classes once [`super::cut`] has read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The lexicon id of the token ([`NONE`] for numbers, other characters and unknown words,
    /// and for every token [`scan`] makes: [`super::cut`] sets it).
    pub id: WordId,
    /// What it is made of.
    pub kind: Kind,
    /// True when whitespace (or the start of the segment) stands right before it.
    pub gap: bool,
    /// The `timex_words.txt` classes of the token (0 but for words, and from [`scan`]; see
    /// [`super::words`]).
    pub bits: u8,
}

/// Byte classes: 0 space, 1 letter, 2 digit, 3 other ASCII, 4 non-ASCII.
const CLASS: [u8; 256] = {
    let mut t = [4u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            0
        } else if c.is_ascii_alphabetic() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            3
        };
        b += 1;
    }
    t
};

/// Appends the tokens of `text[from..to]` to `out` (offsets stay relative to `text`).
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    scan(text, from, to, |t| out.push(t));
}

/// Calls `emit` with each token of `text[from..to]`, in order (offsets relative to `text`):
/// [`tokenize`] for callers that look at each token as it is cut.
#[inline]
pub fn scan(text: &str, from: usize, to: usize, mut emit: impl FnMut(Tok)) {
    let b = &text.as_bytes()[..to];
    let mut i = from;
    let mut gap = true;
    while i < to {
        let class = CLASS[b[i] as usize];
        if class == 0 {
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let kind = match class {
            1 => {
                while i < to && CLASS[b[i] as usize] == 1 {
                    i += 1;
                }
                Kind::Word
            }
            2 => {
                while i < to && CLASS[b[i] as usize] == 2 {
                    i += 1;
                }
                Kind::Num
            }
            3 => Kind::Punct,
            _ => {
                // a run of non-ASCII bytes: always ends on a char boundary, since ASCII bytes
                // never occur inside a multi-byte UTF-8 sequence
                while i < to && b[i] >= 0x80 {
                    i += 1;
                }
                Kind::Other
            }
        };
        emit(Tok {
            start,
            end: i,
            id: NONE,
            kind,
            gap,
            bits: 0,
        });
        gap = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_punct() {
        let t = "Jan. 10, 2:30 p.m. — ok";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let s: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            s,
            vec!["Jan", ".", "10", ",", "2", ":", "30", "p", ".", "m", ".", "—", "ok"]
        );
        assert!(v[0].gap && !v[1].gap && v[2].gap && !v[5].gap);
        assert_eq!(v[11].kind, Kind::Other);
    }
}
