//! Stage 3b: temporal expressions (TIMEX3) with values resolved against the document's anchor date.
//!
//! `rules/dates.txt` gives the words ([`lexicon`]); the text is cut into small tokens of its own
//! ([`scan`]), the patterns of [`grammar`] find the longest expression at each token, and
//! [`resolve`] turns its meaning into a TIMEX3 value against `doc.anchor`, else the latest full
//! date written earlier in the text. Weekdays and bare months point back in time unless a word of
//! the `future` class ("will", "scheduled") stands shortly before them.

pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;

use crate::doc::{Doc, Span, Timex};
use crate::rules::{RuleError, RuleSources};

use grammar::{Cand, Matcher};
use lexicon::{Class, Lexicon};
use resolve::{Ctx, Sem};
use scan::{Kind, Tok};

/// Compiled date and time rules.
pub struct TimexRules {
    lex: Lexicon,
}

impl TimexRules {
    /// Compiles `dates.txt`.
    pub fn compile(src: &RuleSources) -> Result<TimexRules, Vec<RuleError>> {
        Ok(TimexRules {
            lex: Lexicon::parse(src.get("dates.txt"))?,
        })
    }
}

/// How many tokens before an expression are searched for a future cue.
const FUTURE_WINDOW: usize = 8;

fn is_future(m: &Matcher, start: usize) -> bool {
    let lo = start.saturating_sub(FUTURE_WINDOW);
    for j in (lo..start).rev() {
        if matches!(m.w(j), Some("." | ";" | "?" | "!" | "\"")) {
            return false;
        }
        if m.hit(Class::Future, j).is_some_and(|h| h.0 <= start) {
            return true;
        }
    }
    false
}

/// Fills the `timexes` layer, resolving values against `doc.anchor`.
pub fn tag(rules: &TimexRules, doc: &mut Doc) {
    doc.timexes.clear();
    let low = doc.text.to_ascii_lowercase();
    let text = doc.text.as_str();
    let mut toks: Vec<Tok> = Vec::new();
    let mut out = Vec::new();
    let mut text_anchor = None;
    let mut from = 0;
    while from < text.len() {
        let to = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |k| from + k);
        toks.clear();
        scan::tokenize(text, from, to, &mut toks);
        let m = Matcher {
            lex: &rules.lex,
            text,
            low: &low,
            toks: &toks,
        };
        let quarters = toks.iter().any(|t| {
            t.kind == Kind::Word && matches!(&low[t.start..t.end], "quarter" | "quarters")
        });
        let mut i = 0;
        while i < toks.len() {
            let Some(c) = m.match_at(i) else {
                i += 1;
                continue;
            };
            let ctx = Ctx {
                anchor: doc.anchor.or(text_anchor),
                future: is_future(&m, i),
                quarters,
            };
            let value = resolve::value(&c.sem, &ctx);
            if let Sem::Date {
                y: Some(_),
                d: Some(_),
                ..
            } = c.sem
            {
                if let Some(d) = resolve::point(&c.sem, &ctx) {
                    text_anchor = Some(d);
                }
            }
            let Cand {
                start,
                end,
                kind,
                modifier,
                ..
            } = c;
            out.push(Timex {
                span: Span::new(toks[start].start, toks[end - 1].end),
                kind,
                value,
                modifier,
            });
            i = end.max(i + 1);
        }
        from = to + 1;
    }
    doc.timexes = out;
}

#[cfg(test)]
mod tests;
