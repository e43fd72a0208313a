//! Sentence splitting, driven by `rules/abbreviations.txt`, `rules/sentence_starters.txt` and
//! `rules/speech_verbs.txt`.
//!
//! One left-to-right pass over each paragraph. Only `.`, `!`, `?`, `…` and their full-width and
//! ideographic forms can end a sentence, plus a few shapes that run into the next sentence without
//! a mark: the next label of a list ("1. … 2. …"), the next bullet, a caption number ("Figure
//! 1.3 This map"), a date line ("Tuesday, May 5, 2015") and a credit ("Image: …"). At each mark
//! the splitter looks at the word before it (abbreviation? initial? number? list label?) and the
//! word after it (lowercase? a sentence starter? a speaker and a speech verb after a closing
//! quote?). Closing quotation marks, brackets and footnote citations after the mark stay with the
//! sentence they close. Every look-back and look-ahead is bounded and every cache only moves
//! forward, so the pass is linear in the text whatever its shape, and it allocates only the
//! output (and, for a paragraph that holds a list, one index of its labels).
//!
//! The rule files' formats are documented in `rules/README.md` ("Sentence splitter").

mod chars;
mod footnotes;
mod labels;
mod rules;
mod splitter;
mod words;

pub use rules::{AbbrevClass, SegmentRules};

use crate::doc::Span;

use splitter::Splitter;

/// The longest sentence, in bytes: a longer run without a sentence end (a text with no
/// punctuation, a pasted table) is cut at the last white space before this length (or, with
/// none in its second half, at the last character boundary), so that what every later stage
/// does per sentence stays bounded. News sentences run to about 1,100 bytes.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// The sentences of `text`, never crossing a paragraph, whitespace trimmed, in order, none
/// longer than `MAX_SENTENCE_BYTES` (4,096).
pub fn sentences(rules: &SegmentRules, text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() + text.len() / 120);
    for p in paragraphs {
        match trailing_date(rules, text, *p) {
            Some(d) => {
                Splitter::new(rules, text, Span::new(p.start, d)).run(&mut out);
                Splitter::new(rules, text, Span::new(d, p.end)).run(&mut out);
            }
            None => Splitter::new(rules, text, *p).run(&mut out),
        }
    }
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE_BYTES) {
        out = bound_length(text, out, MAX_SENTENCE_BYTES);
    }
    out
}

/// `sentences` with every span longer than `max` bytes cut into pieces of at most `max`.
fn bound_length(text: &str, sentences: Vec<Span>, max: usize) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(sentences.len() + text.len() / max);
    for s in sentences {
        let mut start = s.start;
        while s.end - start > max {
            let limit = start + max;
            // the last white space in the second half of the piece, else a character boundary
            let cut = (start + max / 2..limit)
                .rev()
                .find(|&i| b[i].is_ascii_whitespace())
                .unwrap_or_else(|| {
                    (start + 1..=limit)
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(limit)
                });
            let mut end = cut;
            while end > start && b[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            if end > start {
                out.push(Span::new(start, end));
            }
            start = cut;
            while start < s.end && b[start].is_ascii_whitespace() {
                start += 1;
            }
        }
        if start < s.end {
            out.push(Span::new(start, s.end));
        }
    }
    out
}

/// A date line that ends a paragraph after a headline, "… about ants Tuesday, September 1,
/// 2015": where the weekday starts.
fn trailing_date(rules: &SegmentRules, text: &str, p: Span) -> Option<usize> {
    let b = &text.as_bytes()[p.start..p.end];
    let digits_back = |e: usize, min: usize, max: usize| {
        let mut s = e;
        while s > 0 && b[s - 1].is_ascii_digit() && e - s <= max {
            s -= 1;
        }
        (e - s >= min && e - s <= max).then_some(s)
    };
    let word_back = |e: usize| {
        let mut s = e;
        while s > 0 && b[s - 1].is_ascii_alphabetic() && e - s < 12 {
            s -= 1;
        }
        (s < e && b[s].is_ascii_uppercase()).then_some(s)
    };
    let year = digits_back(b.len(), 4, 4)?;
    let comma = year.checked_sub(2).filter(|&c| &b[c..year] == b", ")?;
    let day = digits_back(comma, 1, 2)?;
    let month_end = day.checked_sub(1).filter(|&c| b[c] == b' ')?;
    let month = word_back(month_end)?;
    let comma = month.checked_sub(2).filter(|&c| &b[c..month] == b", ")?;
    let weekday = word_back(comma)?;
    if !rules.is_weekday(&text[p.start + weekday..p.start + comma]) {
        return None;
    }
    let before = weekday.checked_sub(1)?;
    (b[before] == b' ' && b[..before].iter().any(u8::is_ascii_alphanumeric))
        .then_some(p.start + weekday)
}

#[cfg(test)]
mod tests;
