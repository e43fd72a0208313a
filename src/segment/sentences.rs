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

/// The sentences of `text`, never crossing a paragraph, whitespace trimmed, in order.
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
