//! Amounts and shifts: durations, "two years ago", "last week", "every other day", "the day
//! before".

use super::{Core, Matcher};
use crate::doc::TimexType;
use crate::timex::lexicon::{Class, Unit, Val, X};
use crate::timex::resolve::Sem;

impl<'a> Matcher<'a> {
    /// Number + unit (+ ago): durations and "two years ago".
    pub(super) fn amount_expr(&self, i: usize) -> Option<Core> {
        let (e, n) = self.amount(i)?;
        // "5 1/2 hours", "six and a half months"
        let (e, mut half) = match self.half_after(e) {
            Some(h) => (h, true),
            None => (e, false),
        };
        // "two more years", "ten straight quarters"
        let e = match self.hit(Class::Filler, e) {
            Some((f, _, _)) if !half && n != X && self.unit(f).is_some() => f,
            _ => e,
        };
        // "two-year", "16-hour": adjectival durations
        let j = if self.is(e, "-") && self.adj(e) && self.adj(e + 1) {
            e + 1
        } else {
            e
        };
        let (mut e2, unit) = self.unit(j)?;
        // "a minute and a half"
        if let Some(h) = self.half_after(e2).filter(|_| !half && !self.plural(j)) {
            (e2, half) = (h, true);
        }
        if n >= 1000 && !self.plural(j) {
            return None;
        }
        let article = matches!(self.w(i), Some("a" | "an" | "one"));
        if article && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        // ages are not durations: "40-year-old", "20 years old"
        if self.is(e2, "old") || (self.is(e2, "-") && self.is(e2 + 1, "old")) {
            return None;
        }
        // "a year and a half ago": eighteen months
        let months = half && n != X && unit == Unit::Year;
        let (n2, unit2) = if months {
            (12 * n + 6, Unit::Month)
        } else {
            (n, unit)
        };
        // "a year-earlier loss": the hyphen joins the unit to "earlier" / "ago"
        let e2 = if self.is(e2, "-")
            && self.adj(e2)
            && self.adj(e2 + 1)
            && (self.int(Class::Ago, e2 + 1).is_some() || self.int(Class::After, e2 + 1).is_some())
        {
            e2 + 1
        } else {
            e2
        };
        if let Some((e3, sign)) = self.int(Class::Ago, e2) {
            let sem = Sem::Ago {
                n: n2,
                unit: unit2,
                sign,
            };
            return Some((e3, TimexType::Date, sem));
        }
        if let Some((e3, sign)) = self.int(Class::After, e2) {
            let sem = Sem::Shifted {
                n: n2,
                unit: unit2,
                sign,
            };
            return Some((e3, TimexType::Date, sem));
        }
        // "a week or so ago"
        if self.is(e2, "or") && self.is(e2 + 1, "so") {
            if let Some((e3, sign)) = self.int(Class::Ago, e2 + 2) {
                return Some((e3, TimexType::Date, Sem::Ago { n, unit, sign }));
            }
        }
        if half && n != X {
            return Some((e2, TimexType::Duration, Sem::HalfDur { n, unit }));
        }
        Some((e2, TimexType::Duration, Sem::Dur { n, unit }))
    }

    /// The end of a half written after an amount: "1/2" ("5 1/2") or "and a half".
    fn half_after(&self, e: usize) -> Option<usize> {
        let frac = self.num(e).is_some_and(|(n, _)| n == 1)
            && self.is(e + 1, "/")
            && self.adj(e + 1)
            && self.adj(e + 2)
            && self.num(e + 2).is_some_and(|(n, d)| n == 2 && d == 1);
        if frac {
            return Some(e + 3);
        }
        (self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half")).then_some(e + 3)
    }

    /// "half an hour", "half a year": half of one unit.
    pub(super) fn half_unit(&self, i: usize) -> Option<Core> {
        if !self.is(i, "half") || !matches!(self.w(i + 1), Some("a" | "an")) {
            return None;
        }
        let (e, unit) = self.unit(i + 2).filter(|_| !self.plural(i + 2))?;
        Some((e, TimexType::Duration, Sem::HalfDur { n: 0, unit }))
    }

    /// "for years", "in weeks": a bare plural unit after for / in / over.
    pub(super) fn bare_plural(&self, i: usize) -> Option<Core> {
        if i == 0 || !matches!(self.w(i - 1), Some("for" | "in" | "over" | "within")) {
            return None;
        }
        let (e, unit) = self.unit(i)?;
        if !self.plural(i) || self.is(e, "of") || matches!(unit, Unit::Quarter | Unit::Second) {
            return None;
        }
        Some((e, TimexType::Duration, Sem::Dur { n: X, unit }))
    }

    /// last / this / next + unit, weekday, month, season, weekend, part of day.
    pub(super) fn shift_expr(&self, i: usize) -> Option<Core> {
        let (e, s) = self.int(Class::Shift, i)?;
        // "last fiscal year", "the current fiscal quarter"
        let e = match self.hit(Class::Fiscal, e) {
            Some((f, _, _)) if matches!(self.unit(f), Some((_, Unit::Year | Unit::Quarter))) => f,
            _ => e,
        };
        let shift_word = self.w(i).unwrap_or("");
        let the = i > 0 && self.is(i - 1, "the");
        let from_ref =
            the && matches!(shift_word, "following" | "previous" | "preceding" | "prior");
        if let Some((e2, unit)) = self.unit(e) {
            // "the following year", "the next day": counted from the last date written
            let next_day = the && shift_word == "next" && unit == Unit::Day;
            if (from_ref || next_day) && !self.plural(e) {
                return Some((e2, TimexType::Date, Sem::RefUnit { unit, shift: s }));
            }
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            if from_ref || (the && shift_word == "next") {
                let day = Sem::RefUnit {
                    unit: Unit::Day,
                    shift: s,
                };
                let sem = Sem::Part {
                    date: Box::new(day),
                    part: p,
                };
                return Some((e2, TimexType::Time, sem));
            }
        }
        if let Some((e2, Unit::Year)) = self.unit(e).filter(|_| !self.plural(e)) {
            // "next year's first quarter", "last year's quarter"
            if matches!(self.w(e2), Some("'" | "\u{2019}")) && self.is(e2 + 1, "s") {
                if let Some((
                    e3,
                    t,
                    Sem::Quarter {
                        q, half, y: None, ..
                    },
                )) = self.quarter_expr(e2 + 2)
                {
                    let sem = Sem::Quarter {
                        q,
                        half,
                        y: None,
                        yshift: Some(s),
                    };
                    return Some((e3, t, sem));
                }
                if self.is(e2 + 2, "quarter") {
                    let sem = Sem::SameQuarter { y: None, yshift: s };
                    return Some((e2 + 3, TimexType::Date, sem));
                }
            }
        }
        if let Some((e2, unit)) = self.unit(e) {
            if self.plural(e) {
                // "the past weeks", "coming months": a vague duration
                return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
            }
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                return Some((e2, TimexType::Duration, Sem::Dur { n: 1, unit }));
            }
            if s != 0 && unit == Unit::Day {
                return None;
            }
            return Some((e2, TimexType::Date, Sem::RelUnit { unit, shift: s }));
        }
        // "the past three years", "the next two weeks"
        if s != 0 {
            if let Some((e2, TimexType::Duration, sem)) = self.amount_expr(e) {
                return Some((e2, TimexType::Duration, sem));
            }
        }
        // "this Friday", but not "a present Saturday" (a gift)
        if let Some((e2, wd)) = self.weekday(e).filter(|_| s != 0 || shift_word == "this") {
            let core = (e2, TimexType::Date, Sem::Weekday { wd, shift: Some(s) });
            return Some(self.with_part(core));
        }
        if let Some((e2, m)) = self.month(e, true) {
            // "last Oct. 23": the date is the expression and lies in the past, as a month and
            // day without a cue does
            if s == -1 && self.day_num(e2).is_some() {
                return None;
            }
            return Some((e2, TimexType::Date, Sem::MonthShift { m, shift: s }));
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Season, e) {
            return Some((
                e2,
                TimexType::Date,
                Sem::Season {
                    s: p,
                    y: None,
                    shift: Some(s),
                },
            ));
        }
        if self.is(e, "weekend") {
            return Some((e + 1, TimexType::Date, Sem::Weekend(s)));
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            if shift_word == "this" {
                return Some((
                    e2,
                    TimexType::Time,
                    Sem::Part {
                        date: Box::new(Sem::RelDay(0)),
                        part: p,
                    },
                ));
            }
        }
        None
    }

    pub(super) fn every_expr(&self, i: usize) -> Option<Core> {
        let (e, step) = if matches!(self.w(i), Some("once" | "twice")) {
            let j = e_after(self, i + 1, &["a", "an", "per", "every", "each"])?;
            (j, 1)
        } else if let Some((e, _)) = self.amount(i).filter(|_| self.num(i).is_none()) {
            if !self.is(e, "times") {
                return None;
            }
            (
                e_after(self, e + 1, &["a", "an", "per", "every", "each"])?,
                1,
            )
        } else {
            self.int(Class::Every, i)?
        };
        if let Some((e2, n)) = self.amount(e) {
            if let Some((e3, unit)) = self.unit(e2) {
                return Some((e3, TimexType::Set, Sem::Every { n: n * step, unit }));
            }
        }
        if let Some((e2, unit)) = self.unit(e) {
            // "per second", "per hour" are rates, not recurrences
            if self.is(i, "per") && matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            return Some((e2, TimexType::Set, Sem::Every { n: step, unit }));
        }
        if let Some((e2, wd)) = self.weekday(e) {
            return Some((e2, TimexType::Set, Sem::SetWeekday { wd, part: None }));
        }
        None
    }

    /// "the day before", "the year after": a unit next to the last date written.
    pub(super) fn unit_before(&self, i: usize) -> Option<Core> {
        if !self.is(i, "the") {
            return None;
        }
        let (e, unit) = self.unit(i + 1)?;
        if self.plural(i + 1) || !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            return None;
        }
        let shift = match self.w(e)? {
            "before" => -1,
            "after" => 1,
            _ => return None,
        };
        Some((e + 1, TimexType::Date, Sem::RefUnit { unit, shift }))
    }
}

fn e_after(m: &Matcher, i: usize, words: &[&str]) -> Option<usize> {
    let w = m.w(i)?;
    words.contains(&w).then_some(i + 1)
}
