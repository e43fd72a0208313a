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
use scan::Tok;

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

/// How many words before an expression are searched for a future cue.
const FUTURE_WINDOW: usize = 10;

fn is_future(m: &Matcher, start: usize) -> bool {
    // "by Friday", "until March": a deadline lies ahead
    if start > 0 && m.hit(Class::Deadline, start - 1).is_some() {
        return true;
    }
    let mut words = 0;
    for j in (start.saturating_sub(3 * FUTURE_WINDOW)..start).rev() {
        if matches!(m.w(j), Some(";" | "?" | "!" | "\"")) {
            return false;
        }
        // a sentence end, not the period of "P." or "Mr."
        if m.w(j) == Some(".") && j > 0 && m.w(j - 1).is_some_and(|w| w.len() > 3) {
            return false;
        }
        if m.hit(Class::Future, j).is_some_and(|h| h.0 <= start) {
            return true;
        }
        // the nearest verb in the past tense wins over a future cue farther away
        if m.hit(Class::Past, j).is_some() {
            return false;
        }
        if m.toks[j].kind == scan::Kind::Word {
            words += 1;
            if words >= FUTURE_WINDOW {
                break;
            }
        }
    }
    false
}

/// Words outside the lexicon that may start an expression: "Q3", "once a week", "that year",
/// "recent weeks", "fiscal 1989", "Mondays".
fn special(w: &str) -> bool {
    matches!(
        w,
        "q" | "once" | "twice" | "recent" | "fiscal" | "full" | "that"
    ) || (w.len() >= 7 && w.ends_with("days"))
}

/// True for expressions that name their own time (a written year) or count from the reference:
/// those become the reference time for what follows.
fn sets_reference(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Date { y: Some(_), .. }
            | Sem::Year(_)
            | Sem::Quarter { y: Some(_), .. }
            | Sem::Season { y: Some(_), .. }
            | Sem::Shifted { .. }
            | Sem::RefUnit { .. }
    )
}

/// True for expressions counted from the time of writing ("yesterday", "last week", "now").
fn is_deictic(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::RelDay(_)
            | Sem::RelUnit { .. }
            | Sem::Weekday { .. }
            | Sem::Ago { .. }
            | Sem::Ref("PRESENT_REF")
            | Sem::Weekend(_)
            | Sem::QuarterRel(_)
            | Sem::MonthShift { .. }
            | Sem::Part { .. }
    )
}

/// The first day a value `YYYY`, `YYYY-MM` or `YYYY-MM-DD…` names.
fn parse_value_date(v: &str) -> Option<jiff::civil::Date> {
    let num = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<i16>().ok());
    let y = num(0..4)?;
    let (m, d) = match (v.as_bytes().get(4), num(5..7)) {
        (Some(b'-'), Some(m)) => (
            m,
            if v.as_bytes().get(7) == Some(&b'-') {
                num(8..10).unwrap_or(1)
            } else {
                1
            },
        ),
        _ => (1, 1),
    };
    jiff::civil::Date::new(y, m as i8, d as i8).ok()
}

/// Fills the `timexes` layer, resolving values against `doc.anchor`.
pub fn tag(rules: &TimexRules, doc: &mut Doc) {
    doc.timexes.clear();
    let low = doc.text.to_ascii_lowercase();
    let text = doc.text.as_str();
    let mut toks: Vec<Tok> = Vec::new();
    let mut ids: Vec<lexicon::WordId> = Vec::new();
    let mut out = Vec::new();
    let mut text_anchor = None;
    let mut reference: Option<jiff::civil::Date> = None;
    let mut narrative = false;
    let mut reference_line = 0;
    let mut line = 0;
    // earnings news: "a year earlier" then means the same quarter of the year before
    let quarters = memchr::memmem::find(low.as_bytes(), b"quarter").is_some();
    let mut from = 0;
    while from < text.len() {
        let to = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |k| from + k);
        toks.clear();
        scan::tokenize(text, from, to, &mut toks);
        if toks.is_empty() {
            from = to + 1;
            line += 1;
            continue;
        }
        ids.clear();
        ids.extend(toks.iter().map(|t| match t.kind {
            scan::Kind::Word | scan::Kind::Punct => rules.lex.id(&low[t.start..t.end]),
            _ => lexicon::NONE,
        }));
        let m = Matcher {
            lex: &rules.lex,
            text,
            low: &low,
            toks: &toks,
            ids: &ids,
            title: std::cell::OnceCell::new(),
        };
        let mut i = 0;
        while i < toks.len() {
            // most tokens are words the lexicon does not know: pass them at once
            let t = toks[i];
            if ids[i] == lexicon::NONE
                && t.kind == scan::Kind::Word
                && !special(&low[t.start..t.end])
            {
                i += 1;
                continue;
            }
            let Some(c) = m.match_at(i) else {
                i += 1;
                continue;
            };
            let anchor = doc.anchor.or(text_anchor);
            let ctx = Ctx {
                anchor,
                future: is_future(&m, i),
                quarters,
                reference,
                // a date without a year takes the reference's year only within its paragraph
                narrative: narrative && reference_line == line,
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
            // "since 1990" opens a range: it is no reference time
            if sets_reference(&c.sem) && !(c.start > 0 && m.w(c.start - 1) == Some("since")) {
                if let Some(d) = parse_value_date(&value) {
                    reference = Some(d);
                    reference_line = line;
                    narrative = doc
                        .anchor
                        .or(text_anchor)
                        .or(anchor)
                        .is_none_or(|a| (a.year() - d.year()).abs() >= 2);
                }
            } else {
                if is_deictic(&c.sem) {
                    // back to the time of writing
                    narrative = false;
                }
                // a day named is the new reference time
                if value.len() >= 10 && value.as_bytes()[4] == b'-' {
                    if let Some(d) = parse_value_date(&value) {
                        reference = Some(d);
                    }
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
        line += 1;
    }
    doc.timexes = out;
}

#[cfg(test)]
mod tests;
