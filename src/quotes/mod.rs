//! Stage 2a: quotation spans from quotation marks (`rules/quote_marks.txt`).
//!
//! One left-to-right pass over the marks (an Aho-Corasick automaton finds them), so time is linear
//! in the text. Top-level (`double`) quotations never nest in each other; `single` ones nest inside
//! a top-level one only. A quotation stays inside its paragraph, unless the paragraph ends with the
//! quotation still open and the next paragraph opens with a mark: then it goes on (news style for
//! multi-paragraph quotes), and only the final closing mark ends it. A quotation whose closing mark
//! never comes ends with its paragraph (`closed: false`).

mod marks;

pub use marks::{Level, MarkPair, QuoteRules};

use crate::doc::{Doc, Quote, Span};

/// Deepest nesting of single quotations kept inside one top-level quotation.
const MAX_NESTING: usize = 4;

#[derive(Clone, Copy)]
struct Open {
    pair: usize,
    start: usize,
    inner: usize,
}

/// Fills the `quotes` layer, sorted by start (an outer quotation before the ones inside it).
pub fn find(rules: &QuoteRules, doc: &mut Doc) {
    doc.quotes = scan(rules, &doc.text, &doc.paragraphs);
}

/// The quotations of `text`, whose paragraphs are `paragraphs`.
pub fn scan(rules: &QuoteRules, text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    if paragraphs.is_empty() {
        return Vec::new();
    }
    // room for a news text's quotations (one every few hundred bytes): seldom a regrowth
    let mut out = Vec::with_capacity(text.len() / 192 + 4);
    let mut pi = 0usize;
    let mut open: Option<Open> = None;
    let mut singles: Vec<Open> = Vec::new();
    // byte position of the mark that reopens a quotation continued from the previous paragraph
    let mut reopen_at: Option<usize> = None;
    for m in rules.automaton.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        while pi < paragraphs.len() && s >= paragraphs[pi].end {
            end_paragraph(
                rules,
                text,
                paragraphs,
                pi,
                &mut open,
                &mut singles,
                &mut reopen_at,
                &mut out,
            );
            pi += 1;
        }
        if pi >= paragraphs.len() {
            break;
        }
        let para = paragraphs[pi];
        if s < para.start {
            continue;
        }
        let k = m.pattern().as_usize();
        if reopen_at == Some(s) {
            reopen_at = None;
            if open.is_some()
                && rules.opens[k]
                    .iter()
                    .any(|&p| rules.pairs[p].level == Level::Double)
            {
                continue;
            }
        }
        let prev = text[para.start..s].chars().next_back();
        let next = text[e..para.end].chars().next();
        let can_open = !blank(next) && (blank(prev) || prev.is_some_and(is_punct));
        let can_close = !blank(prev) && (blank(next) || next.is_some_and(is_punct));
        match open {
            Some(o) => {
                // a double quotation nested in the open one closes first ("… calls “hell” than …")
                if let Some(top) = singles.last().copied() {
                    if rules.pairs[top.pair].level == Level::Double
                        && rules.closes[k].contains(&top.pair)
                        && can_close
                    {
                        close_nested(&mut singles, &mut out, s, e);
                        continue;
                    }
                }
                let pair = &rules.pairs[o.pair];
                // any top-level closing mark closes a top-level quotation when it looks like one
                // (mixed marks: “…," and "…”)
                let closes_any = rules.closes[k]
                    .iter()
                    .any(|&p| rules.pairs[p].level == Level::Double);
                let closes_it = rules.closes[k].contains(&o.pair)
                    || closes_any && can_close && !can_open && !rules.strings[k].starts_with('\'');
                let opens_double = rules.opens[k]
                    .iter()
                    .any(|&p| rules.pairs[p].level == Level::Double);
                let asymmetric = pair.open != pair.close;
                let closes = closes_it && (can_close || !can_open || asymmetric && !opens_double);
                // an opening mark used to close ("“…“"): it can only close here
                let typo = !closes_it && rules.strings[k] == pair.open && can_close && !can_open;
                if closes || typo {
                    singles.clear();
                    out.push(Quote {
                        outer: Span::new(o.start, e),
                        inner: Span::new(o.inner, s),
                        depth: 0,
                        closed: true,
                    });
                    open = None;
                    continue;
                }
                // a nested quotation closes?
                if let Some(top) = singles.last().copied() {
                    if rules.closes[k].contains(&top.pair)
                        && can_close
                        && !next.is_some_and(char::is_alphanumeric)
                    {
                        close_nested(&mut singles, &mut out, s, e);
                        continue;
                    }
                }
                if opens_double
                    && can_open
                    && singles.len() < MAX_NESTING
                    && nested_double(text, e, para.end, pair)
                {
                    singles.push(Open {
                        pair: o.pair,
                        start: s,
                        inner: e,
                    });
                    continue;
                }
                if opens_double && can_open {
                    // a new quotation starts while one is open: the open one was never closed
                    emit_unclosed(&mut out, o, s, text);
                    singles.clear();
                    open = Some(Open {
                        pair: first_double(rules, k),
                        start: s,
                        inner: e,
                    });
                    continue;
                }
                let single_open = rules.opens[k]
                    .iter()
                    .copied()
                    .find(|&p| rules.pairs[p].level == Level::Single);
                if let Some(p) = single_open {
                    if can_open && !can_close && singles.len() < MAX_NESTING {
                        singles.push(Open {
                            pair: p,
                            start: s,
                            inner: e,
                        });
                    }
                }
            }
            None => {
                let double = rules.opens[k]
                    .iter()
                    .copied()
                    .find(|&p| rules.pairs[p].level == Level::Double);
                if let Some(p) = double {
                    if can_open {
                        open = Some(Open {
                            pair: p,
                            start: s,
                            inner: e,
                        });
                    }
                }
            }
        }
    }
    while pi < paragraphs.len() {
        end_paragraph(
            rules,
            text,
            paragraphs,
            pi,
            &mut open,
            &mut singles,
            &mut reopen_at,
            &mut out,
        );
        pi += 1;
    }
    out.sort_by_key(|q| (q.outer.start, q.depth));
    out
}

/// Ends paragraph `pi`: an open quotation goes on if the next paragraph opens with a mark, else
/// it ends here unclosed.
#[allow(clippy::too_many_arguments)]
fn end_paragraph(
    rules: &QuoteRules,
    text: &str,
    paragraphs: &[Span],
    pi: usize,
    open: &mut Option<Open>,
    singles: &mut Vec<Open>,
    reopen_at: &mut Option<usize>,
    out: &mut Vec<Quote>,
) {
    singles.clear();
    let Some(o) = *open else {
        return;
    };
    if let Some(next) = paragraphs.get(pi + 1) {
        let rest = &text[next.start..next.end];
        let reopens = rules.pairs.iter().any(|p| {
            p.level == Level::Double
                && rest.starts_with(p.open.as_str())
                && !blank(rest[p.open.len()..].chars().next())
        });
        if reopens {
            *reopen_at = Some(next.start);
            return;
        }
    }
    emit_unclosed(out, o, paragraphs[pi].end, text);
    *open = None;
}

fn emit_unclosed(out: &mut Vec<Quote>, o: Open, end: usize, text: &str) {
    let end = end.max(o.inner);
    if text[o.inner..end].trim().is_empty() {
        return;
    }
    out.push(Quote {
        outer: Span::new(o.start, end),
        inner: Span::new(o.inner, end),
        depth: 0,
        closed: false,
    });
}

/// Closes the innermost nested quotation with the mark at bytes `s..e`.
fn close_nested(singles: &mut Vec<Open>, out: &mut Vec<Quote>, s: usize, e: usize) {
    if let Some(top) = singles.pop() {
        out.push(Quote {
            outer: Span::new(top.start, e),
            inner: Span::new(top.inner, s),
            depth: (singles.len() + 1) as u8,
            closed: true,
        });
    }
}

/// How far ahead (bytes) an opening mark inside an open quotation looks for its closing marks.
const NEST_LOOKAHEAD: usize = 600;

/// Whether the open mark of `pair` ending at byte `from`, met inside an open quotation of the same
/// curly pair, opens a nested quotation: within a short bounded window of the paragraph (ending
/// at `para_end`), its closing mark comes, then another one for the outer quotation, before any
/// new opening mark. "“… what he calls “hell” than live …”" nests; "“No.“ He left." is a typo.
fn nested_double(text: &str, from: usize, para_end: usize, pair: &MarkPair) -> bool {
    if pair.open == pair.close {
        return false;
    }
    let mut end = para_end.min(from + NEST_LOOKAHEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[from..end];
    let mut closes = 0;
    let mut i = 0;
    while i < window.len() {
        let rest = &window[i..];
        if rest.starts_with(pair.close.as_str()) {
            closes += 1;
            if closes == 2 {
                return true;
            }
            i += pair.close.len();
        } else if rest.starts_with(pair.open.as_str()) {
            return false;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    false
}

fn first_double(rules: &QuoteRules, k: usize) -> usize {
    rules.opens[k]
        .iter()
        .copied()
        .find(|&p| rules.pairs[p].level == Level::Double)
        .unwrap_or(0)
}

fn blank(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

#[cfg(test)]
mod tests;
