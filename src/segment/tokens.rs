//! Tokens: words, numbers and punctuation marks, within sentences.

use crate::doc::{Span, Token, TokenKind};

/// Tokens of every sentence, in order, each tagged with its sentence index.
pub fn tokenize(text: &str, sentences: &[Span]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (n, s) in sentences.iter().enumerate() {
        tokenize_span(text, *s, n as u32, &mut out);
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

fn tokenize_span(text: &str, span: Span, sentence: u32, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
                sentence,
            });
            continue;
        }
        let number = c.is_ascii_digit();
        let mut end = i + c.len_utf8();
        let mut dotted = false;
        loop {
            match it.peek() {
                Some(&(_, d)) if is_word_char(d) => {
                    it.next();
                    end += d.len_utf8();
                }
                Some(&(j, d)) if is_joiner(d, number) => {
                    let next = s[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        dotted |= d == '.';
                        it.next();
                        end = j + d.len_utf8();
                    } else {
                        if d == '.' && dotted {
                            // "U.S." and "p.m.": the final period belongs to the abbreviation
                            it.next();
                            end = j + 1;
                        }
                        break;
                    }
                }
                _ => break,
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
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t, &[Span::new(0, t.len())])
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
