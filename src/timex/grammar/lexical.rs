//! Words that are expressions on their own ("today", "weekly", "Christmas") and what may
//! follow "the" ("the third quarter", "the 27th", "the year").

use super::{longest, Core, Matcher};
use crate::doc::TimexType;
use crate::timex::lexicon::{Class, Unit, Val, X};
use crate::timex::resolve::Sem;

impl<'a> Matcher<'a> {
    /// Words of the lexicon that are whole expressions: "today", "now", "weekly", "Christmas".
    pub(super) fn lexical(&self, i: usize) -> Option<Core> {
        if let Some((e, Val::Int(n), _)) = self.hit(Class::Day, i) {
            return Some(self.with_part((e, TimexType::Date, Sem::RelDay(n))));
        }
        if let Some((e, Val::Int(n), _)) = self.hit(Class::Night, i) {
            return Some((
                e,
                TimexType::Time,
                Sem::Part {
                    date: Box::new(Sem::RelDay(n)),
                    part: "NI",
                },
            ));
        }
        if let Some((e, Val::Str(s), _)) = self.hit(Class::Set, i) {
            // "Daily Caller", "Weekly Standard" are names
            if self.cap(i) && self.cap(e) && self.word(e).is_some() && !self.title() {
                return None;
            }
            return Some((e, TimexType::Set, Sem::Set(s)));
        }
        if let Some((e, Val::Nth(m, n, wd), _)) = self.hit(Class::Holiday, i) {
            if !self.cap(i) {
                return None;
            }
            let c = if self.is(e, ",") { e + 1 } else { e };
            let y = self.year(c);
            let end = if y.is_some() { c + 1 } else { e };
            return Some((end, TimexType::Date, Sem::Nth { y, m, n, wd }));
        }
        if let Some((e, Val::Pair(m, d), _)) = self.hit(Class::Holiday, i) {
            if !self.cap(i) {
                return None;
            }
            let c = if self.is(e, ",") { e + 1 } else { e };
            let y = self.year(c);
            let end = if y.is_some() { c + 1 } else { e };
            return Some((end, TimexType::Date, Sem::Date { y, m, d: Some(d) }));
        }
        if self.is(i, "recent") && self.plural(i + 1) {
            if let Some((e2, unit)) = self.unit(i + 1) {
                return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
            }
        }
        if let Some((e, Val::Str(r), _)) = self.hit(Class::Ref, i) {
            // "recent weeks", "recent years": a vague duration
            if r == "PAST_REF" {
                if let Some((e2, unit)) = self.unit(e) {
                    if self.plural(e) {
                        return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
                    }
                }
            }
            return Some((e, TimexType::Date, Sem::Ref(r)));
        }
        None
    }

    /// The end of a year back written after a period at token `k`: "a year earlier", "a year
    /// ago", "last year", "of the previous year", "the year before".
    fn year_back(&self, k: usize) -> Option<usize> {
        if let Some((e, 1)) = self.amount(k) {
            if let Some((e2, Unit::Year)) = self.unit(e).filter(|_| !self.plural(e)) {
                let back = matches!(self.int(Class::Ago, e2), Some((_, -1)))
                    || matches!(self.int(Class::After, e2), Some((_, -1)));
                if back || self.is(e2, "before") {
                    return Some(e2 + 1);
                }
            }
        }
        let k = if self.is(k, "of") { k + 1 } else { k };
        if self.is(k, "the") && self.is(k + 1, "year") && self.is(k + 2, "before") {
            return Some(k + 3);
        }
        let k = if self.is(k, "the") { k + 1 } else { k };
        match self.int(Class::Shift, k) {
            Some((e, -1)) if self.is(e, "year") => Some(e + 1),
            _ => None,
        }
    }

    /// Expressions that may follow "the": "the third quarter", "the 27th", "the 1990s",
    /// "the first nine months", "the quarter", "the 20th century".
    pub(super) fn after_the(&self, i: usize) -> Option<Core> {
        let mut best = None;
        // "the first nine months", "the first half"
        if self.is(i, "first") || self.is(i, "last") {
            if let Some((e, TimexType::Duration, sem)) = self.amount_expr(i + 1) {
                best = longest(best, Some((e, TimexType::Duration, sem)));
            }
        }
        if let Some((e, TimexType::Duration, sem)) = self.amount_expr(i) {
            if !matches!(self.w(i), Some("a" | "an")) {
                best = longest(best, Some((e, TimexType::Duration, sem)));
            }
        }
        let q = if self.is(i, "latest") || self.is(i, "recent") {
            i + 1
        } else if self.is(i, "most") && self.is(i + 1, "recent") {
            i + 2
        } else {
            i
        };
        if self.is(q, "quarter") && !self.is(q + 1, "of") && !self.is(q + 1, "-") {
            best = longest(best, Some((q + 1, TimexType::Date, Sem::QuarterRel(-1))));
        }
        // "for the year", "in the fiscal year", "by the end of the year": the current year
        let y1 = if matches!(self.w(i), Some("fiscal" | "full" | "whole" | "entire")) {
            i + 1
        } else {
            i
        };
        if i >= 2
            && matches!(
                self.w(i - 2),
                Some("for" | "throughout" | "during" | "in" | "of")
            )
            && self.is(y1, "year")
            && !matches!(
                self.w(y1 + 1),
                Some("-" | "ago" | "earlier" | "ended" | "ending" | "before" | "after" | "two")
            )
        {
            let sem = Sem::RelUnit {
                unit: Unit::Year,
                shift: 0,
            };
            best = longest(best, Some((y1 + 1, TimexType::Date, sem)));
        }
        // "the year ended June 30", "the fiscal year ending tomorrow": a year-long period
        let y0 = if matches!(self.w(i), Some("fiscal" | "full")) {
            i + 1
        } else {
            i
        };
        if self.is(y0, "year") && matches!(self.w(y0 + 1), Some("ended" | "ending")) {
            let sem = Sem::Dur {
                n: 1,
                unit: Unit::Year,
            };
            best = longest(best, Some((y0 + 1, TimexType::Duration, sem)));
        }
        // "the same quarter a year earlier", "the comparable period last year", "the quarter a
        // year ago": the period reported, a year back
        let p = if self.hit(Class::Like, i).is_some() {
            i + 1
        } else {
            i
        };
        if matches!(self.w(p), Some("quarter" | "period")) {
            if let Some(e) = self.year_back(p + 1) {
                let sem = if self.is(p, "quarter") {
                    Sem::SameQuarter {
                        y: None,
                        yshift: -1,
                    }
                } else {
                    Sem::Ago {
                        n: 1,
                        unit: Unit::Year,
                        sign: -1,
                    }
                };
                best = longest(best, Some((e, TimexType::Date, sem)));
            }
        }
        let i = p;
        if self.is(i, "year")
            && self.is(i + 1, "-")
            && matches!(self.w(i + 2), Some("earlier" | "ago"))
        {
            // "the year-earlier third quarter"
            if let Some((e, t, Sem::Quarter { q, half, .. })) = self.quarter_expr(i + 3) {
                let sem = Sem::Quarter {
                    q,
                    half,
                    y: None,
                    yshift: Some(-1),
                };
                best = longest(best, Some((e, t, sem)));
            }
            // "the year-ago quarter" is a quarter wherever it stands; "the year-earlier period"
            // one in earnings news
            let sem = if self.is(i + 3, "quarter") {
                Sem::SameQuarter {
                    y: None,
                    yshift: -1,
                }
            } else {
                Sem::Ago {
                    n: 1,
                    unit: Unit::Year,
                    sign: -1,
                }
            };
            let e = if matches!(self.w(i + 3), Some("quarter" | "period")) {
                i + 4
            } else {
                i + 3
            };
            best = longest(best, Some((e, TimexType::Date, sem)));
        }
        // "the last half of 1989", "the last quarter of 1989": the final one of the year
        if self.is(i, "last") && matches!(self.w(i + 1), Some("half" | "quarter")) {
            let half = self.is(i + 1, "half");
            if let Some(y) = self.is(i + 2, "of").then(|| self.year(i + 3)).flatten() {
                let q = if half { 2 } else { 4 };
                let sem = Sem::Quarter {
                    q,
                    half,
                    y: Some(y),
                    yshift: None,
                };
                best = longest(best, Some((i + 4, TimexType::Date, sem)));
            }
        }
        // "the 1988 quarter": the quarter reported, in that year
        if let Some(y) = self.year(i).filter(|_| self.is(i + 1, "quarter")) {
            let sem = Sem::SameQuarter {
                y: Some(y),
                yshift: 0,
            };
            best = longest(best, Some((i + 2, TimexType::Date, sem)));
        }
        if let Some(y) = self.year(i) {
            if let Some((
                e,
                t,
                Sem::Quarter {
                    q, half, y: None, ..
                },
            )) = self.quarter_expr(i + 1)
            {
                // "the 1988 second quarter"
                let sem = Sem::Quarter {
                    q,
                    half,
                    y: Some(y),
                    yshift: None,
                };
                best = longest(best, Some((e, t, sem)));
            }
        }
        // ordinal day or century
        let ord = self
            .ddth(i)
            .map(|(e, n)| (e, n as i32))
            .or_else(|| self.int(Class::Ordinal, i));
        if let Some((e, n)) = ord {
            if self.is(e, "century") {
                best = longest(best, Some((e + 1, TimexType::Date, Sem::Century(n - 1))));
            } else if self.ddth(i).is_some() && (1..=31).contains(&n) {
                let next_is_word = self.word(e).is_some() && !self.is(e, "of");
                if let Some(c) = self.day_month(i) {
                    best = longest(best, Some(c));
                } else if !next_is_word {
                    best = longest(best, Some((e, TimexType::Date, Sem::DayOfMonth(n as u8))));
                }
            }
        }
        best = longest(best, self.quarter_expr(i));
        if let Some(c) = self
            .season_expr(i)
            .filter(|c| matches!(c.2, Sem::Season { y: Some(_), .. }))
        {
            best = longest(best, Some(c));
        }
        if self.is(i, "weekend") {
            best = longest(best, Some((i + 1, TimexType::Date, Sem::TheWeekend)));
        }
        if let Some(c) = self.year_expr(i).filter(|c| matches!(c.2, Sem::Decade(_))) {
            best = longest(best, Some(c));
        }
        best
    }
}
