//! Transcript lines (`@speaker-label` in `attribution.txt`): a paragraph that opens, after an
//! optional quotation mark, with a speaker's name in capitals and a colon ("WALLACE: Let’s start
//! with …", "“PENCE: Well, look, …") holds that speaker's words.
//!
//! The label must be the surname of a person the entity stage found in the document, or come
//! back in a dialogue (two or more labels, this one at least twice); so "BREAKING:" and "Q:"
//! label no one.

use crate::doc::{Attribution, ClaimKind, EntityLabel, Span};

use super::matcher::Matcher;
use super::patterns::Pattern;
use super::view::NONE;

use crate::words::labels::label;

/// Adds an attribution for every transcript line no other configuration claimed.
///
/// Linear in the number of lines and attributions: the lines come in text order and their
/// bodies never overlap, so the attributions found before are swept once, in order of start.
pub fn run(m: &mut Matcher, pat: &Pattern) {
    let v = m.v;
    let doc = v.doc;
    let text = doc.text.as_str();
    let lines: Vec<(Span, usize, usize)> = doc
        .paragraphs
        .iter()
        .skip(1)
        .filter_map(|p| label(p.slice(text)).map(|(a, b)| (*p, a, b)))
        .collect();
    if lines.is_empty() {
        return;
    }
    let label_text = |&(p, a, b): &(Span, usize, usize)| &text[p.start + a..p.start + b];
    // a dialogue: two or more speakers, each labelled more than once
    let mut counts: Vec<(&str, usize)> = Vec::new();
    {
        let mut all: Vec<&str> = lines.iter().map(label_text).collect();
        all.sort_unstable();
        for l in all {
            match counts.last_mut() {
                Some((last, n)) if *last == l => *n += 1,
                _ => counts.push((l, 1)),
            }
        }
    }
    let dialogue = counts.len() >= 2;
    let mut surnames: Option<Vec<String>> = None;
    let mut earlier = Earlier::new(&m.out);
    let mut removed = vec![false; m.out.len()];
    let mut new = Vec::new();
    for line_at in &lines {
        let &(para, a, b) = line_at;
        let line = para.slice(text);
        let this = label_text(line_at);
        let repeated = counts
            .binary_search_by(|(l, _)| l.cmp(&this))
            .is_ok_and(|k| counts[k].1 >= 2);
        let surnames = surnames.get_or_insert_with(|| {
            let mut s: Vec<String> = doc
                .entities
                .iter()
                .filter(|e| e.label == EntityLabel::Person)
                .filter_map(|e| e.span.slice(text).rsplit(' ').next())
                .map(str::to_uppercase)
                .collect();
            s.sort_unstable();
            s.dedup();
            s
        });
        let last = line[a..b].rsplit(' ').next().unwrap_or("");
        if surnames.binary_search_by(|s| s.as_str().cmp(last)).is_err() && !(dialogue && repeated) {
            continue;
        }
        let speaker = Span::new(para.start + a, para.start + b);
        let body_start = speaker.end + 2;
        let mut body = Span::new(body_start, para.end);
        let toks = doc.tokens_in(Span::new(para.start, para.end));
        if toks.is_empty() {
            continue;
        }
        // the quotation the line opens ends the content where it closes
        let qi = v.quote_open[toks.start];
        if qi != NONE && !m.quote_used[qi as usize] {
            let inner = doc.quotes[v.quotes[qi as usize].quote].inner;
            if inner.end > body_start && inner.end <= para.end {
                body.end = inner.end;
            }
        }
        let trimmed = text[body.start..body.end].trim_end();
        body.end = body.start + trimmed.len();
        if body.is_empty() {
            continue;
        }
        // a reported clause inside the turn ("I said that in June") is the speaker's own words;
        // a quotation already attributed there stays, and the turn is left alone
        let overlapping = earlier.overlapping(&m.out, body);
        if overlapping
            .iter()
            .any(|&k| !removed[k] && m.out[k].kind == ClaimKind::Direct)
        {
            continue;
        }
        let mut left = false;
        for &k in &overlapping {
            if removed[k] {
                continue;
            }
            if body.contains(m.out[k].content) {
                removed[k] = true;
            } else {
                left = true;
            }
        }
        if left {
            continue;
        }
        if qi != NONE {
            m.quote_used[qi as usize] = true;
        }
        new.push(Attribution {
            speaker: Some(speaker),
            ..Attribution::new(ClaimKind::Direct, body, pat.name.as_str(), pat.confidence)
        });
    }
    let mut k = 0;
    m.out.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
    m.out.extend(new);
}

/// The attributions found before the transcript lines, swept left to right by bodies that come
/// in text order and never overlap.
struct Earlier {
    /// Indices into the attributions, by content start.
    by_start: Vec<usize>,
    /// How many of `by_start` start before the last body's end.
    next: usize,
    /// Indices that started before the last body's end and may still reach past it.
    open: Vec<usize>,
}

impl Earlier {
    fn new(out: &[Attribution]) -> Earlier {
        let mut by_start: Vec<usize> = (0..out.len()).collect();
        by_start.sort_by_key(|&k| out[k].content.start);
        Earlier {
            by_start,
            next: 0,
            open: Vec::new(),
        }
    }

    /// The attributions whose content overlaps `body`, in their order in `out`. Each body must
    /// start at or after the end of the one before.
    fn overlapping(&mut self, out: &[Attribution], body: Span) -> Vec<usize> {
        // what ended before this body can overlap no later one either
        self.open.retain(|&k| out[k].content.end > body.start);
        while self.next < self.by_start.len()
            && out[self.by_start[self.next]].content.start < body.end
        {
            let k = self.by_start[self.next];
            self.next += 1;
            if out[k].content.end > body.start {
                self.open.push(k);
            }
        }
        let mut hits: Vec<usize> = self
            .open
            .iter()
            .copied()
            .filter(|&k| out[k].content.overlaps(body))
            .collect();
        hits.sort_unstable();
        hits
    }
}
