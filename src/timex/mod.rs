//! Stage 3b: temporal expressions (TIMEX3) with values resolved against the document's anchor date.
//!
//! `rules/dates.txt` gives the words ([`lexicon`]); the document's tokens are cut into the
//! smaller tokens the patterns read ([`cut`], [`scan`]), each word's lexicon id read from its word
//! id; the patterns of [`grammar`] find the longest expression at each token, and
//! [`resolve`] turns its meaning into a TIMEX3 value against `doc.anchor`, else the latest full
//! date written earlier in the text. Weekdays and bare months point back in time unless a word of
//! the `future` class ("will", "scheduled") stands shortly before them.

pub mod cut;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;
pub mod words;

use crate::doc::{Doc, Span, Timex, Token};
use crate::rules::{RuleError, RuleSources};
use crate::words::Vocab;

use grammar::{Cand, Matcher};
use lexicon::{Class, Lexicon};
use resolve::{Ctx, Sem};
use scan::Tok;

/// Compiled date and time rules.
pub struct TimexRules {
    lex: Lexicon,
    /// The words of `timex_words.txt`.
    tw: words::TimexWords,
    /// The lexicon id of each word of the vocabulary.
    words: cut::Words,
}

impl TimexRules {
    /// Compiles `dates.txt` and `timex_words.txt`. The first words of the phrases and the words
    /// are added to `vocab`, the vocabulary the tokens' word ids come from, so that they are read
    /// by word id.
    pub fn compile(src: &RuleSources, vocab: &mut Vocab) -> Result<TimexRules, Vec<RuleError>> {
        let lex = Lexicon::parse(src.get("dates.txt"));
        let tw = words::TimexWords::parse(src.get("timex_words.txt"));
        let (lex, tw) = match (lex, tw) {
            (Ok(l), Ok(t)) => (l, t),
            (l, t) => {
                let mut errors = l.err().unwrap_or_default();
                errors.extend(t.err().unwrap_or_default());
                return Err(errors);
            }
        };
        let words = cut::Words::new(&lex, &tw, vocab);
        Ok(TimexRules { lex, tw, words })
    }

    /// The timex tokens of each line of `text` that holds any, with the line's index and each
    /// token's lexicon id, cut from `tokens` (the document's tokens of `text`; none at all is
    /// allowed): what the patterns read, for tests and tools.
    pub fn cut(
        &self,
        text: &str,
        tokens: &[Token],
    ) -> Vec<(usize, Vec<Tok>, Vec<lexicon::WordId>)> {
        let low = text.to_ascii_lowercase();
        let mut out = Vec::new();
        cut::lines(&self.words, &self.lex, &self.tw, text, &low, tokens, |l| {
            out.push((
                l.index,
                l.toks.clone(),
                l.toks.iter().map(|t| t.id).collect(),
            ));
        });
        out
    }
}

/// How many words before an expression are searched for a future cue.
const FUTURE_WINDOW: usize = 10;

/// The tense the words around the expression at tokens `start..end` give it.
#[derive(Clone, Copy, PartialEq)]
enum Tense {
    /// A future cue ("will", "by Friday") and no nearer past verb.
    Future,
    /// The nearest cue is a verb in the past tense ("said", "bought").
    Past,
    /// No cue.
    Unknown,
}

/// What the words around the expression at tokens `start..end` say of its tense.
fn tense(m: &Matcher, start: usize, end: usize) -> Tense {
    // "by Friday", "until March": a deadline lies ahead, unless a past perfect frames it ("had
    // filed by Wednesday", "until Thursday, they had described")
    if start > 0 && m.hit(Class::Deadline, start - 1).is_some() {
        let had = |j: usize| m.w(j) == Some("had");
        let mut around = (start.saturating_sub(2 * FUTURE_WINDOW)..start)
            .chain(end..(end + FUTURE_WINDOW).min(m.toks.len()));
        if !around.any(had) {
            return Tense::Future;
        }
    }
    let mut words = 0;
    for j in (start.saturating_sub(3 * FUTURE_WINDOW)..start).rev() {
        let t = m.toks[j];
        // ";", "?", "!", "\"" and "." are punctuation tokens, one ASCII byte each
        if t.kind == scan::Kind::Punct {
            match m.low.as_bytes()[t.start] {
                b';' | b'?' | b'!' | b'"' => return Tense::Unknown,
                b'.' if ends_sentence(m, j) => return Tense::Unknown,
                _ => {}
            }
        }
        // a cue is a word of the lexicon: most tokens are none
        if t.id != lexicon::NONE {
            if m.hit(Class::Future, j).is_some_and(|h| h.0 <= start) {
                // "had been due to expire Friday": a plan in a past perfect is a past one
                let had = (j.saturating_sub(3)..j).any(|k| m.w(k) == Some("had"));
                return if had { Tense::Past } else { Tense::Future };
            }
            // the nearest verb in the past tense wins over a future cue farther away
            // ("will be completed in March": a participle after "be" is no past tense)
            if m.hit(Class::Past, j).is_some()
                && !(j > 0 && matches!(m.w(j - 1), Some("be" | "been" | "being")))
            {
                return Tense::Past;
            }
        }
        if t.kind == scan::Kind::Word {
            words += 1;
            if words >= FUTURE_WINDOW {
                break;
            }
        }
    }
    Tense::Unknown
}

/// True when token `j` ends a sentence: `?`, `!`, or a period not of "P." or "Mr.".
fn ends_sentence(m: &Matcher, j: usize) -> bool {
    match m.w(j) {
        Some("?" | "!") => true,
        Some(".") => j > 0 && m.w(j - 1).is_some_and(|w| w.len() > 3),
        _ => false,
    }
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
            | Sem::TheWeekend
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

/// Fills the `timexes` layer, resolving values against `doc.anchor`. Reads `doc.tokens` (whose
/// word ids must come from the vocabulary the rules were compiled with); text the tokens leave
/// out is read too, so that a document without tokens gets the same expressions.
pub fn tag(rules: &TimexRules, doc: &mut Doc) {
    doc.timexes.clear();
    let found = find(rules, &doc.text, &doc.tokens);
    doc.timexes = resolve_all(found, doc.anchor);
}

/// An expression found, with what its surroundings say, before resolution.
struct Found {
    span: Span,
    kind: crate::doc::TimexType,
    sem: Sem,
    modifier: Option<&'static str>,
    /// What the words around it say of its tense.
    tense: Tense,
    /// Right after "since" (a range's start, not a reference time).
    since: bool,
    /// Right after "ended" / "ending" after another expression: the day a period ends ("the
    /// year-ago quarter ended Oct. 31").
    ends_period: bool,
    /// Index of its paragraph (line).
    line: usize,
}

/// Pass 1: every expression of `text` (whose document tokens are `tokens`), line by line, left
/// to right, longest first.
fn find(rules: &TimexRules, text: &str, tokens: &[Token]) -> (Vec<Found>, bool) {
    let low = text.to_ascii_lowercase();
    let mut out = Vec::new();
    cut::lines(
        &rules.words,
        &rules.lex,
        &rules.tw,
        text,
        &low,
        tokens,
        |l| {
            let m = Matcher {
                lex: &rules.lex,
                text,
                low: &low,
                toks: &l.toks,
                title: std::cell::OnceCell::new(),
            };
            // the first token not yet inside an expression
            let mut next = 0;
            // the end of the line's last expression
            let mut last_end = None;
            for &i in &l.starts {
                if i < next {
                    continue;
                }
                let Some(c) = m.match_at(i) else {
                    continue;
                };
                let Cand {
                    start,
                    end,
                    kind,
                    sem,
                    modifier,
                } = c;
                out.push(Found {
                    span: Span::new(l.toks[start].start, l.toks[end - 1].end),
                    kind,
                    sem,
                    modifier,
                    tense: tense(&m, start, end),
                    since: start > 0 && m.w(start - 1) == Some("since"),
                    ends_period: start >= 1
                        && last_end == Some(start - 1)
                        && matches!(m.w(start - 1), Some("ended" | "ending")),
                    line: l.index,
                });
                last_end = Some(end);
                next = end.max(i + 1);
            }
        },
    );
    // earnings news (a quarter named anywhere): "a year earlier" then means the same quarter of
    // the year before
    let quarters = out.iter().any(|f| {
        matches!(
            f.sem,
            Sem::Quarter { half: false, .. }
                | Sem::QuarterRel(_)
                | Sem::SameQuarter { .. }
                | Sem::RelUnit {
                    unit: lexicon::Unit::Quarter,
                    ..
                }
        )
    });
    (out, quarters)
}

/// The year an expression writes out, if any.
fn written_year(sem: &Sem) -> Option<i32> {
    match *sem {
        Sem::Year(y)
        | Sem::Date { y: Some(y), .. }
        | Sem::Quarter { y: Some(y), .. }
        | Sem::Season { y: Some(y), .. } => Some(y),
        _ => None,
    }
}

/// The year of a value that names a year, a quarter or a half ("1988", "1988-Q3").
fn period_year(v: &str) -> Option<i32> {
    let b = v.as_bytes();
    let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    let part = b.len() == 4 || (b.len() == 7 && b[4] == b'-' && matches!(b[5], b'Q' | b'H'));
    (year && part).then(|| v[..4].parse().ok()).flatten()
}

/// Pass 2: values, left to right, tracking the text's anchor and reference time.
fn resolve_all(
    (found, quarters): (Vec<Found>, bool),
    doc_anchor: Option<jiff::civil::Date>,
) -> Vec<Timex> {
    // a history or a biography: most years written are far from the document date, so days and
    // months without a year belong to the story's time across paragraphs
    let historical = doc_anchor.is_some_and(|a| {
        let years: Vec<i32> = found
            .iter()
            .filter(|f| !f.since)
            .filter_map(|f| written_year(&f.sem))
            .collect();
        let far = years
            .iter()
            .filter(|&&y| (y - a.year() as i32).abs() >= 2)
            .count();
        far >= 3 && far * 10 >= years.len() * 7
    });
    let mut out = Vec::with_capacity(found.len());
    let mut text_anchor = None;
    let mut reference: Option<jiff::civil::Date> = None;
    let mut narrative = false;
    let mut reference_line = 0;
    // the year of the last value written, when it names a year or a part of one
    let mut last_year: Option<i32> = None;
    for mut f in found {
        if let (true, Some(year), Sem::Date { y: None, m, d }) = (f.ends_period, last_year, &f.sem)
        {
            // "the year-ago quarter ended Oct. 31": the day ends that quarter, in its year
            f.sem = Sem::Date {
                y: Some(year),
                m: *m,
                d: *d,
            };
        }
        let anchor = doc_anchor.or(text_anchor);
        let ctx = Ctx {
            anchor,
            future: f.tense == Tense::Future,
            past: f.tense == Tense::Past,
            since: f.since,
            quarters,
            reference,
            // a date without a year takes the reference's year within its paragraph (or
            // anywhere in a history), unless a future cue looks ahead from the time of writing
            // ("were invited in July 1997, will join on March 12")
            narrative: narrative
                && (historical || (reference_line == f.line && f.tense != Tense::Future)),
        };
        let value = resolve::value(&f.sem, &ctx);
        if let Sem::Date {
            y: Some(_),
            d: Some(_),
            ..
        } = f.sem
        {
            if let Some(d) = resolve::point(&f.sem, &ctx) {
                text_anchor = Some(d);
            }
        }
        // "since 1990" opens a range: it is no reference time
        if sets_reference(&f.sem) && !f.since {
            if let Some(d) = parse_value_date(&value) {
                reference = Some(d);
                reference_line = f.line;
                // a year far back tells of another time; one far ahead ("bonds due 1993") does not,
                // except in a history
                narrative = doc_anchor.or(text_anchor).or(anchor).is_none_or(|a| {
                    a.year() - d.year() >= 2 || (historical && d.year() - a.year() >= 2)
                });
            }
        } else {
            if is_deictic(&f.sem) {
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
        last_year = period_year(&value);
        out.push(Timex {
            span: f.span,
            kind: f.kind,
            value,
            modifier: f.modifier,
        });
    }
    out
}

#[cfg(test)]
mod tests;
