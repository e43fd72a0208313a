//! The patterns of temporal expressions over timex tokens: at each token, every pattern is tried
//! and the longest match wins.

mod calendar;
mod clock;
mod lexical;
mod relative;
mod start;
mod tokens;

use super::lexicon::{Class, Lexicon, Unit, Val, NONE};
use super::resolve::Sem;
use super::scan::{Kind, Tok};
use crate::doc::TimexType;

/// A matched expression: token range, type, meaning and mod.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Meaning.
    pub sem: Sem,
    /// TIMEX3 mod.
    pub modifier: Option<&'static str>,
}

type Core = (usize, TimexType, Sem);

/// The tokens of one segment and what is needed to read them.
pub struct Matcher<'a> {
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Original text (for capitalization).
    pub text: &'a str,
    /// ASCII-lowercased text, same offsets.
    pub low: &'a str,
    /// Tokens of the segment, each with its lexicon id ([`NONE`] when unknown) and its
    /// `timex_words.txt` classes (see [`crate::timex::words`]).
    pub toks: &'a [Tok],
    /// The segment is a title-case headline: capitals say nothing about names there.
    pub title: std::cell::OnceCell<bool>,
}

/// True when most longer words of `toks` are capitalized and no period closes them (a
/// headline).
pub fn is_title(text: &str, toks: &[Tok]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks {
        if t.kind == Kind::Word && t.end - t.start > 3 {
            words += 1;
            caps += usize::from(text.as_bytes()[t.start].is_ascii_uppercase());
        }
    }
    // a headline has no closing period
    let closed = toks.last().is_some_and(|t| &text[t.start..t.end] == ".");
    words >= 2 && caps * 10 >= words * 7 && !closed
}

const QTY_MODS: &[&str] = &[
    "MORE_THAN",
    "LESS_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "APPROX",
];

fn longest(a: Option<Core>, b: Option<Core>) -> Option<Core> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

impl<'a> Matcher<'a> {
    fn core(&self, i: usize) -> Option<Core> {
        let tok = *self.toks.get(i)?;
        let w = self.w(i).unwrap_or("");
        let mut best = None;
        // Each pattern is tried only where its first token passes the test the pattern itself
        // makes first (a lexicon class, a word, a digit count): most patterns cannot start at a
        // given token, and ties still go to the earlier pattern.
        if tok.kind == Kind::Num {
            let digits = tok.end - tok.start;
            let ordinal = self.ddth(i).is_some();
            if digits <= 2 {
                best = longest(best, self.time_expr(i));
            }
            best = longest(best, self.day_month(i));
            best = longest(best, self.numeric(i));
            if digits == 2 || digits == 4 {
                best = longest(best, self.year_expr(i));
            }
            if ordinal {
                best = longest(best, self.quarter_expr(i));
            }
            best = longest(best, self.amount_expr(i));
            if ordinal {
                best = longest(best, self.century_expr(i));
            }
        } else {
            let classes = self.lex.classes(self.toks.get(i).map_or(NONE, |t| t.id));
            let has = |mask: u32| classes & mask != 0;
            if has(Class::Clock.bit() | Class::Number.bit()) {
                best = longest(best, self.time_expr(i));
            }
            let lexical = Class::Day.bit()
                | Class::Night.bit()
                | Class::Set.bit()
                | Class::Holiday.bit()
                | Class::Ref.bit();
            if has(lexical) || w == "recent" {
                best = longest(best, self.lexical(i));
            }
            if has(Class::Month.bit()) {
                best = longest(best, self.month_expr(i));
            }
            // plural weekdays ("Mondays") are not in the lexicon
            if has(Class::Weekday.bit()) || (tok.kind == Kind::Word && w.ends_with('s')) {
                best = longest(best, self.weekday_expr(i));
            }
            if has(Class::Fiscal.bit() | Class::Number.bit()) || matches!(w, "'" | "\u{2019}") {
                best = longest(best, self.year_expr(i));
            }
            if has(Class::Ordinal.bit() | Class::Fiscal.bit()) || w == "q" {
                best = longest(best, self.quarter_expr(i));
            }
            if has(Class::Season.bit()) {
                best = longest(best, self.season_expr(i));
            }
            if has(Class::Shift.bit()) {
                best = longest(best, self.shift_expr(i));
            }
            if has(Class::Number.bit()) {
                best = longest(best, self.amount_expr(i));
            }
            if has(Class::Number.bit() | Class::Every.bit()) || matches!(w, "once" | "twice") {
                best = longest(best, self.every_expr(i));
            }
            if has(Class::Unit.bit()) {
                best = longest(best, self.bare_plural(i));
            }
            if has(Class::Ordinal.bit()) {
                best = longest(best, self.century_expr(i));
            }
            if w == "the" {
                best = longest(best, self.unit_before(i));
            }
            if w == "half" {
                best = longest(best, self.half_unit(i));
            }
        }
        let that = if w == "that" && self.is(i + 1, "same") {
            Some(i + 2)
        } else if w == "that" {
            Some(i + 1)
        } else if w == "the" && self.is(i + 1, "same") {
            Some(i + 2)
        } else {
            None
        };
        if let Some((e, unit)) = that.and_then(|j| self.unit(j).filter(|_| !self.plural(j))) {
            if matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Day) {
                best = longest(
                    best,
                    Some((e, TimexType::Date, Sem::RefUnit { unit, shift: 0 })),
                );
            }
        }
        // "that night", "that same morning": a part of the day last written
        if let Some((e, Val::Str(p), _)) = that.and_then(|j| self.hit(Class::Part, j)) {
            let day = Sem::RefUnit {
                unit: Unit::Day,
                shift: 0,
            };
            let sem = Sem::Part {
                date: Box::new(day),
                part: p,
            };
            best = longest(best, Some((e, TimexType::Time, sem)));
        }
        let plain = if tok.kind == Kind::Num {
            self.plain_num(i)
        } else {
            None
        };
        if let Some((n, d)) = plain {
            let j = i + 1;
            let era = self.w(j).unwrap_or("");
            let dotted = self.is(j, "b") && self.is(j + 1, ".") && self.is(j + 2, "c");
            if d <= 4 && n > 0 && (matches!(era, "bc" | "bce") || dotted) {
                let e = if dotted {
                    j + 3 + usize::from(self.is(j + 3, "."))
                } else {
                    j + 1
                };
                best = longest(best, Some((e, TimexType::Date, Sem::Bc(n as i32))));
            }
            if d <= 4 && n > 0 && matches!(era, "ad" | "ce") && self.cap(j) {
                best = longest(best, Some((j + 1, TimexType::Date, Sem::Year(n as i32))));
            }
        }
        if w == "year" && self.is(i + 1, "-") && matches!(self.w(i + 2), Some("earlier" | "ago")) {
            best = longest(
                best,
                Some((
                    i + 3,
                    TimexType::Date,
                    Sem::Ago {
                        n: 1,
                        unit: Unit::Year,
                        sign: -1,
                    },
                )),
            );
        }
        if w == "the" {
            let mut with_the = self.after_the(i + 1);
            with_the = longest(with_the, self.shift_expr(i + 1));
            // "the third-quarter loss", "the two-week trip": the article belongs to the noun the
            // hyphenated expression qualifies, not to the expression
            let adjectival = with_the
                .as_ref()
                .is_some_and(|c| c.0 >= 2 && self.is(c.0 - 2, "-") && self.word(c.0).is_some());
            if !adjectival {
                best = longest(best, with_the);
            }
        }
        best
    }

    /// True when the expression at `start..end` sits in a title or a name ("High Noon",
    /// "This Week With David Brinkley", "VOA Today"): a common word of it is capitalized after a
    /// capitalized word, or its second word is capitalized after a common first word.
    fn in_name(&self, start: usize, end: usize) -> bool {
        // capitalized, not all capitals
        let common = |j: usize| {
            self.toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word
                    && self.text.as_bytes()[t.start + 1..t.end]
                        .iter()
                        .any(|b| b.is_ascii_lowercase())
            }) && self.cap(j)
                && !self.lex.proper(self.toks[j].id)
        };
        if common(start)
            && start > 0
            && self.toks[start - 1].kind == Kind::Word
            && self.cap(start - 1)
        {
            return true;
        }
        end > start + 1
            && self.toks[start].kind == Kind::Word
            && !self.lex.proper(self.toks[start].id)
            && common(start + 1)
    }

    /// The longest expression starting at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Cand> {
        let c = self.match_at_inner(i)?;
        if self.in_name(c.start, c.end) && !self.title() {
            return None;
        }
        Some(c)
    }

    fn match_at_inner(&self, i: usize) -> Option<Cand> {
        if !self.can_start(i) {
            return None;
        }
        if let Some((e, Val::Str(m), _)) = self.hit(Class::Mod, i) {
            let j = if self.is(e, "-") && self.adj(e) {
                e + 1
            } else {
                e
            };
            if let Some((end, kind, sem)) = self.core(j) {
                let qty = QTY_MODS.contains(&m);
                let adverb = matches!(self.w(i), Some("earlier" | "later"));
                let ok = if adverb {
                    matches!(sem, Sem::RelUnit { .. } | Sem::Part { .. })
                } else if qty {
                    matches!(
                        sem,
                        Sem::Dur { .. }
                            | Sem::HalfDur { .. }
                            | Sem::Ago { .. }
                            | Sem::Shifted { .. }
                    ) && self.amount(j).is_some()
                } else {
                    matches!(kind, TimexType::Date | TimexType::Time)
                        && !matches!(sem, Sem::Ref(_) | Sem::Ago { .. } | Sem::Shifted { .. })
                };
                if ok {
                    return Some(Cand {
                        start: i,
                        end,
                        kind,
                        sem,
                        modifier: Some(m),
                    });
                }
            }
        }
        let (end, kind, sem) = self.core(i)?;
        Some(Cand {
            start: i,
            end,
            kind,
            sem,
            modifier: None,
        })
    }
}
