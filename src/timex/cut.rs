//! The timex tokens of a text, cut from the document's token layer rather than from its bytes.
//!
//! The matcher reads finer tokens than the segment stage makes: "2:30", "p.m.", "10th", "U.S."
//! and "mid-March" are one token of the document each and several timex tokens ("2", ":",
//! "30"). A document token that is one timex token already (ASCII letters only, ASCII digits only,
//! or one ASCII punctuation mark: most tokens) is taken as it is, and a word's lexicon id is
//! read from its word id, an index; only the other tokens, and whatever the document's tokens
//! leave out besides ASCII spaces, are cut by [`scan`]. Runs that [`scan`] would have made of
//! pieces side by side (letters, digits, other characters) are joined again, so that the tokens
//! are exactly those [`scan`] gives for each line of the text.

use super::lexicon::{Lexicon, WordId as LexId, NONE};
use super::scan::{self, Kind, Tok};
use super::words::{TimexWords, OPENS};
use crate::doc::{Token, TokenKind, UNKNOWN_WORD};
use crate::words::Vocab;

/// The timex side of each word of the vocabulary, by word id.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Per word id: what a token of the word is to the matcher.
    info: Vec<Info>,
    /// Some first word of the lexicon has no word id of its own: tokens of [`UNKNOWN_WORD`] are
    /// then looked up by their text.
    by_text: bool,
}

/// What a word of the vocabulary is to the matcher.
#[derive(Clone, Copy, Debug)]
struct Info {
    /// The lexicon id of the word ([`NONE`] when no phrase starts with it).
    lex: LexId,
    /// The word is ASCII letters only: a token of it is one timex token.
    letters: bool,
    /// An expression may start at a token of it (see [`may_start`]).
    starts: bool,
    /// Its `timex_words.txt` classes (see [`super::words`]).
    bits: u8,
}

const NO_INFO: Info = Info {
    lex: NONE,
    letters: false,
    starts: false,
    bits: 0,
};

impl Words {
    /// Registers the first words of `lex`'s phrases and the words of `tw` in `vocab`, so that a
    /// token of one of them carries an id of its own, then reads every word of `vocab`.
    pub fn new(lex: &Lexicon, tw: &TimexWords, vocab: &mut Vocab) -> Words {
        let mut by_text = false;
        for w in lex.first_words().chain(tw.words()) {
            let id = vocab.intern(w);
            by_text |= id == UNKNOWN_WORD || vocab.word(id) != w;
        }
        let info = (0..vocab.len() as crate::doc::WordId)
            .map(|id| {
                let w = vocab.word(id);
                if id == UNKNOWN_WORD || w.is_empty() {
                    return NO_INFO;
                }
                let letters = w.bytes().all(|b| b.is_ascii_alphabetic());
                let lex_id = lex.id(w.as_bytes());
                let bits = if letters { tw.bits(w) } else { 0 };
                Info {
                    lex: lex_id,
                    letters,
                    starts: letters && word_starts(lex, w, lex_id, bits),
                    bits,
                }
            })
            .collect();
        Words { info, by_text }
    }
}

/// True when an expression may start at the word `w` (lowercase ASCII letters) of lexicon id
/// `id` and `timex_words.txt` classes `bits`: a lexicon word when it is not a mere cue such as
/// "said" (see [`Lexicon::starter`]); else an `opens` word ("Q3", "once a week"), "that"
/// ("that year") or a plural weekday ("Mondays").
fn word_starts(lex: &Lexicon, w: &str, id: LexId, bits: u8) -> bool {
    if id == NONE {
        bits & OPENS != 0 || w == "that" || (w.len() >= 7 && w.ends_with("days"))
    } else {
        lex.starter(id)
    }
}

/// True when an expression may start at token `t` of lexicon id `id` (`low` is the text
/// lowercased): most tokens are words the lexicon does not know. Punctuation starts one only as
/// the apostrophe of "'90s", other characters only as the one of "’90s", a word as
/// [`word_starts`] says; every number may.
fn may_start(lex: &Lexicon, low: &str, t: &Tok, id: LexId, bits: u8) -> bool {
    match t.kind {
        Kind::Word => word_starts(lex, &low[t.start..t.end], id, bits),
        Kind::Punct => low.as_bytes()[t.start] == b'\'',
        Kind::Other => &low[t.start..t.end] == "\u{2019}",
        Kind::Num => true,
    }
}

/// One byte repeated in every lane of a `u64`.
const fn lanes(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// True when `b[start..end]` (not empty) is ASCII letters only: up to eight bytes are tested
/// at once (a lane is a letter when its top bit is clear and, with bit 5 set, it lies in
/// `a..=z`), longer words and the end of the text a byte at a time.
#[inline(always)]
fn ascii_letters(b: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    match b.get(start..).and_then(|r| r.first_chunk::<8>()) {
        Some(chunk) if n <= 8 => {
            let v = u64::from_le_bytes(*chunk);
            let folded = (v & lanes(0x7F)) | lanes(0x20);
            let letter = (folded + lanes(0x80 - b'a')) & !(folded + lanes(0x7F - b'z')) & !v;
            let wanted = lanes(0x80) >> (8 * (8 - n));
            letter & wanted == wanted
        }
        _ => b[start..end].iter().all(u8::is_ascii_alphabetic),
    }
}

/// The timex tokens of one line, with their lexicon ids and classes.
#[derive(Default)]
pub struct Line {
    /// The tokens, in order, each with its lexicon id ([`NONE`] for numbers, other characters
    /// and unknown words) and its `timex_words.txt` classes (0 but for words).
    pub toks: Vec<Tok>,
    /// The indexes of the tokens where an expression may start, in order.
    pub starts: Vec<usize>,
    /// The line's first byte.
    from: usize,
    /// The line's index (lines are separated by `\n`).
    pub index: usize,
}

impl Line {
    /// An empty line with room for `n` tokens.
    fn with_capacity(n: usize) -> Line {
        Line {
            toks: Vec::with_capacity(n),
            starts: Vec::with_capacity(n / 4),
            ..Line::default()
        }
    }
}

/// Cuts a text into lines of timex tokens.
struct Cutter<'a, F> {
    lex: &'a Lexicon,
    tw: &'a TimexWords,
    text: &'a str,
    low: &'a str,
    line: Line,
    each: F,
}

/// Calls `each` with every line of `text` that holds a token, in order: its timex tokens, cut
/// from `tokens` (the document's tokens of `text`, in order, with word ids from the vocabulary
/// `words` was built with). `low` is `text` ASCII-lowercased.
pub fn lines(
    words: &Words,
    lex: &Lexicon,
    tw: &TimexWords,
    text: &str,
    low: &str,
    tokens: &[Token],
    each: impl FnMut(&Line),
) {
    let mut c = Cutter {
        lex,
        tw,
        text,
        low,
        // room for a long paragraph's tokens from the start: no growing per document
        line: Line::with_capacity(tokens.len().min(512)),
        each,
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    for t in tokens {
        let s = t.span;
        // a token out of order or out of the text is left to the scanner
        if s.start < pos || s.end > bytes.len() || s.start >= s.end {
            continue;
        }
        // most tokens follow the last one or one space after it
        let spaced = s.start == pos + 1 && bytes[pos] == b' ';
        if s.start != pos && !spaced {
            if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                continue;
            }
            c.between(pos, s.start);
        }
        let b = &bytes[s.start..s.end];
        // the id of a word no rule names is UNKNOWN_WORD, whose info is NO_INFO
        let info = words.info.get(t.word as usize).copied().unwrap_or(NO_INFO);
        let gap = spaced || c.gap_at(s.start);
        match t.kind {
            TokenKind::Word if info.letters => c.push(
                Tok {
                    start: s.start,
                    end: s.end,
                    id: info.lex,
                    kind: Kind::Word,
                    gap,
                    bits: info.bits,
                },
                info.starts,
            ),
            TokenKind::Word if t.word == UNKNOWN_WORD && ascii_letters(bytes, s.start, s.end) => {
                let w = &low[s.start..s.end];
                let (id, bits) = if words.by_text {
                    (lex.id(w.as_bytes()), tw.bits(w))
                } else {
                    (NONE, 0)
                };
                let starts = word_starts(lex, w, id, bits);
                c.push(
                    Tok {
                        start: s.start,
                        end: s.end,
                        id,
                        kind: Kind::Word,
                        gap,
                        bits,
                    },
                    starts,
                );
            }
            TokenKind::Number if b.iter().all(u8::is_ascii_digit) => c.push(
                Tok {
                    start: s.start,
                    end: s.end,
                    id: NONE,
                    kind: Kind::Num,
                    gap,
                    bits: 0,
                },
                true,
            ),
            TokenKind::Punct if b.len() == 1 && b[0].is_ascii() => {
                let id = if t.word == UNKNOWN_WORD && words.by_text {
                    lex.id(b)
                } else {
                    info.lex
                };
                c.push(
                    Tok {
                        start: s.start,
                        end: s.end,
                        id,
                        kind: Kind::Punct,
                        gap,
                        bits: 0,
                    },
                    b[0] == b'\'',
                );
            }
            // a mark of one character that is no ASCII ("“", "—", "’"): what the scanner makes of
            // it, a run of other characters
            TokenKind::Punct
                if b[0] >= 0xC0 && b.iter().all(|&x| x >= 0x80) && text.is_char_boundary(s.end) =>
            {
                c.push(
                    Tok {
                        start: s.start,
                        end: s.end,
                        id: NONE,
                        kind: Kind::Other,
                        gap,
                        bits: 0,
                    },
                    b == "\u{2019}".as_bytes(),
                );
            }
            _ if text.is_char_boundary(s.start) && text.is_char_boundary(s.end) => {
                c.scan(s.start, s.end)
            }
            _ => continue,
        }
        pos = s.end;
    }
    c.between(pos, text.len());
    c.flush();
}

impl<F: FnMut(&Line)> Cutter<'_, F> {
    /// The bytes `a..b` between two document tokens: spaces, line breaks, and what the document's
    /// tokens leave out.
    #[inline(never)]
    fn between(&mut self, mut a: usize, b: usize) {
        let bytes = self.text.as_bytes();
        while a < b {
            match memchr::memchr(b'\n', &bytes[a..b]) {
                Some(k) => {
                    self.scan(a, a + k);
                    self.flush();
                    self.line.index += 1;
                    a += k + 1;
                    self.line.from = a;
                }
                None => {
                    self.scan(a, b);
                    break;
                }
            }
        }
    }

    /// The timex tokens [`scan`] cuts `a..b` into.
    #[inline(never)]
    fn scan(&mut self, a: usize, b: usize) {
        let text = self.text;
        scan::scan(text, a, b, |mut t| {
            t.id = match t.kind {
                Kind::Word | Kind::Punct => self.lex.id(&self.low.as_bytes()[t.start..t.end]),
                _ => NONE,
            };
            t.bits = match t.kind {
                Kind::Word => self.tw.bits(&self.low[t.start..t.end]),
                _ => 0,
            };
            t.gap = self.gap_at(t.start);
            let starts = may_start(self.lex, self.low, &t, t.id, t.bits);
            self.push(t, starts);
        });
    }

    /// True when a token at `start` has whitespace (or the start of its line) before it.
    #[inline(always)]
    fn gap_at(&self, start: usize) -> bool {
        start == self.line.from || self.text.as_bytes()[start - 1].is_ascii_whitespace()
    }

    /// Appends `tok` (where an expression may start when `starts`), or extends the last token
    /// when both are of a run [`scan`] would have made one token of (which no whitespace parts).
    #[inline(always)]
    fn push(&mut self, tok: Tok, starts: bool) {
        if !tok.gap && tok.kind != Kind::Punct {
            if let Some(last) = self.line.toks.last() {
                if last.end == tok.start && last.kind == tok.kind {
                    self.extend(tok.end);
                    return;
                }
            }
        }
        if starts {
            self.line.starts.push(self.line.toks.len());
        }
        self.line.toks.push(tok);
    }

    /// Extends the last token to `end`: a word is looked up again, and whether an expression
    /// may start there is asked again.
    #[cold]
    fn extend(&mut self, end: usize) {
        let n = self.line.toks.len() - 1;
        let t = &mut self.line.toks[n];
        t.end = end;
        if t.kind == Kind::Word {
            t.id = self.lex.id(&self.low.as_bytes()[t.start..end]);
            t.bits = self.tw.bits(&self.low[t.start..end]);
        }
        if self.line.starts.last() == Some(&n) {
            self.line.starts.pop();
        }
        if may_start(self.lex, self.low, t, t.id, t.bits) {
            self.line.starts.push(n);
        }
    }

    /// Hands the line on, if it holds a token, and empties it.
    fn flush(&mut self) {
        if !self.line.toks.is_empty() {
            (self.each)(&self.line);
            self.line.toks.clear();
            self.line.starts.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ascii_letters;

    #[test]
    fn ascii_letters_tests_every_byte() {
        let mut text = Vec::new();
        for b in 0..=255u8 {
            text.extend_from_slice(b"abYZ");
            text.push(b);
            text.extend_from_slice(b"qrstuvwxyzABCDEFGHIJ");
        }
        for start in 0..text.len() {
            for end in start + 1..(start + 12).min(text.len()) {
                let want = text[start..end].iter().all(u8::is_ascii_alphabetic);
                assert_eq!(ascii_letters(&text, start, end), want, "{start} {end}");
            }
        }
    }
}
