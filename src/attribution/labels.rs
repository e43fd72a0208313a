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
    let mut distinct: Vec<&str> = lines.iter().map(label_text).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let dialogue = distinct.len() >= 2;
    let mut surnames: Option<Vec<String>> = None;
    for line_at in &lines {
        let &(para, a, b) = line_at;
        let line = para.slice(text);
        let this = label_text(line_at);
        let repeated = lines.iter().filter(|l| label_text(l) == this).count() >= 2;
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
        if surnames.binary_search(&last.to_string()).is_err() && !(dialogue && repeated) {
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
        if m.out
            .iter()
            .any(|o| o.content.overlaps(body) && o.kind == ClaimKind::Direct)
        {
            continue;
        }
        m.out
            .retain(|o| !(o.content.overlaps(body) && body.contains(o.content)));
        if m.out.iter().any(|o| o.content.overlaps(body)) {
            continue;
        }
        if qi != NONE {
            m.quote_used[qi as usize] = true;
        }
        m.out.push(Attribution {
            speaker: Some(speaker),
            ..Attribution::new(ClaimKind::Direct, body, pat.name.as_str(), pat.confidence)
        });
    }
}
