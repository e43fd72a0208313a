//! Tokens: words, numbers and punctuation marks, within sentences.

use crate::doc::{Span, Token, TokenKind};
use crate::words::Vocab;

/// Tokens of every sentence, in order, each tagged with its sentence index and the id of its word
/// in `vocab` (looked up here once, so that no later stage hashes a token's text again).
pub fn tokenize(text: &str, sentences: &[Span], vocab: &Vocab) -> Vec<Token> {
    // a token every five or six bytes in news text: room for a dense one too, seldom a regrowth
    let mut out = Vec::with_capacity(text.len() / 4 + 16);
    for (n, s) in sentences.iter().enumerate() {
        tokenize_span(text, *s, n as u32, vocab, &mut out);
    }
    out
}

/// True for punctuation and symbols that stand as tokens of their own.
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c,
        '\u{00A1}'..='\u{00BF}' // ¡ ¢ £ … « » ¿ (and a few signs)
        | '\u{2010}'..='\u{205E}' // dashes, quotes, bullets, ellipsis, primes
        | '\u{3000}'..='\u{303F}' // CJK punctuation
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' // fullwidth punctuation
        | '\u{00D7}' | '\u{00F7}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !is_punct(c)
}

/// Characters that join two word parts when a word character follows: "U.S", "don't", "R-NE".
fn is_joiner(c: char, number: bool) -> bool {
    match c {
        '.' | '\'' | '’' | '-' | '‐' | '&' => true,
        ',' | ':' => number,
        _ => false,
    }
}

/// ASCII byte classes: what each byte below 0x80 is to the tokenizer.
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const PUNCT: u8 = 2;
const OTHER: u8 = 3;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else if c.is_ascii_punctuation() {
            PUNCT
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// True for the bytes of ASCII letters and digits (one lookup, no range check first).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_CLASS[b] == ALNUM;
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (which must be a char boundary) and its length.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    s[i..].chars().next().map(|c| (c, c.len_utf8()))
}

fn tokenize_span(text: &str, span: Span, sentence: u32, vocab: &Vocab, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len, alnum) = if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                SPACE => {
                    i += 1;
                    continue;
                }
                PUNCT => {
                    out.push(Token {
                        span: Span::new(span.start + i, span.start + i + 1),
                        kind: TokenKind::Punct,
                        sentence,
                        word: vocab.id_of_bytes(&bytes[i..i + 1]),
                    });
                    // and the space after it ("said, he"), without another turn of the loop
                    i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
                    continue;
                }
                // an ASCII letter or digit is a word character: no need to ask below
                ALNUM => (b as char, 1, true),
                _ => (b as char, 1, false),
            }
        } else {
            match char_at(s, i) {
                Some((c, len)) => (c, len, false),
                None => break,
            }
        };
        if !alnum && c.is_whitespace() {
            i += len;
            continue;
        }
        let start = span.start + i;
        if !alnum && !is_word_char(c) {
            out.push(Token {
                span: Span::new(start, start + len),
                kind: TokenKind::Punct,
                sentence,
                word: vocab.id_of_bytes(&bytes[i..i + len]),
            });
            i += len;
            continue;
        }
        let number = c.is_ascii_digit();
        let mut end = i + len;
        let mut dotted = false;
        loop {
            // ASCII letters and digits: the common case, one table lookup a byte
            while end < bytes.len() && ASCII_ALNUM[bytes[end] as usize] {
                end += 1;
            }
            let Some((d, dlen)) = char_at(s, end) else {
                break;
            };
            if d.is_ascii_whitespace() {
                break;
            }
            if is_word_char(d) {
                end += dlen;
            } else if is_joiner(d, number) {
                let after = end + dlen;
                if char_at(s, after).is_some_and(|(n, _)| n.is_alphanumeric()) {
                    dotted |= d == '.';
                    end = after;
                } else {
                    if d == '.' && dotted {
                        // "U.S." and "p.m.": the final period belongs to the abbreviation
                        end = after;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Token {
            span: Span::new(start, span.start + end),
            kind: if number {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            sentence,
            word: vocab.id_of_bytes(&bytes[i..end]),
        });
        // the space after a word, skipped here rather than by another turn of the loop
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t, &[Span::new(0, t.len())], &Vocab::default())
            .iter()
            .map(|k| k.span.slice(t))
            .collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(
            toks("“The U.S. can’t,” said Sen. Ben Sasse (R-NE) at 2:30 p.m. on 1,000 days."),
            vec![
                "“", "The", "U.S.", "can’t", ",", "”", "said", "Sen", ".", "Ben", "Sasse", "(",
                "R-NE", ")", "at", "2:30", "p.m.", "on", "1,000", "days", "."
            ]
        );
    }

    #[test]
    fn trailing_apostrophe_is_separate() {
        assert_eq!(toks("Democrats’ views"), vec!["Democrats", "’", "views"]);
    }

    #[test]
    fn unicode_words() {
        assert_eq!(
            toks("Zoë e\u{301}te 東京."),
            vec!["Zoë", "e\u{301}te", "東京", "."]
        );
    }
}
