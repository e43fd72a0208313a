//! Calendar patterns: month and day, weekdays, numeric dates, years and decades, quarters,
//! seasons, centuries.

use super::{Core, Matcher};
use crate::doc::TimexType;
use crate::timex::lexicon::{Class, Unit, Val};
use crate::timex::resolve::Sem;
use crate::timex::scan::Kind;

impl<'a> Matcher<'a> {
    /// Month [Day] [, Year] | Month Year | Month last year | Month alone.
    pub(super) fn month_expr(&self, i: usize) -> Option<Core> {
        let (e, m) = self.month(i, false)?;
        let date = |y, d| Sem::Date { y, m, d };
        if let Some((e2, d)) = self.day_num(e) {
            let c = if self.is(e2, ",") { e2 + 1 } else { e2 };
            if let Some(y) = self.year(c) {
                return Some((c + 1, TimexType::Date, date(Some(y), Some(d))));
            }
            return Some((e2, TimexType::Date, date(None, Some(d))));
        }
        let c = if self.is(e, ",") || self.is(e, "of") {
            e + 1
        } else {
            e
        };
        if let Some((e2, y)) = self.any_year(c) {
            return Some((e2, TimexType::Date, date(Some(y), None)));
        }
        if let Some((e2, s)) = self.int(Class::Shift, e) {
            if self.unit(e2).is_some_and(|(_, u)| u == Unit::Year) && !self.plural(e2) {
                return Some((
                    e2 + 1,
                    TimexType::Date,
                    Sem::MonthOfRelYear { m, yshift: s },
                ));
            }
        }
        let (e, _) = self.month(i, true)?;
        // "from March to August 2011": the first month of a range takes the year of the second
        if matches!(
            self.w(e),
            Some("to" | "through" | "until" | "-" | "\u{2013}" | "and")
        ) {
            if let Some((_, _, Sem::Date { y: Some(y), .. })) =
                self.month(e + 1, true).and_then(|_| self.month_expr(e + 1))
            {
                return Some((e, TimexType::Date, date(Some(y), None)));
            }
        }
        Some((e, TimexType::Date, date(None, None)))
    }

    /// Day Month [Year]: "10 January 2022", "the 10th of January".
    pub(super) fn day_month(&self, i: usize) -> Option<Core> {
        let (e, d) = self.day_num(i)?;
        // "8-May-2006": day, month and year joined by hyphens
        let joined = self.is(e, "-") && self.adj(e) && self.adj(e + 1);
        let j = if self.is(e, "of") || joined { e + 1 } else { e };
        let (e2, m) = self.month(j, false)?;
        if joined && !(self.is(e2, "-") && self.adj(e2) && self.adj(e2 + 1)) {
            return None;
        }
        let c = if self.is(e2, ",") || joined {
            e2 + 1
        } else {
            e2
        };
        let y = self.year(c);
        let end = if y.is_some() { c + 1 } else { e2 };
        Some((end, TimexType::Date, Sem::Date { y, m, d: Some(d) }))
    }

    /// A part of day right after a day expression ending at `e`.
    pub(super) fn with_part(&self, core: Core) -> Core {
        let (e, _, ref sem) = core;
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            return (
                e2,
                TimexType::Time,
                Sem::Part {
                    date: Box::new(sem.clone()),
                    part: p,
                },
            );
        }
        core
    }

    pub(super) fn weekday_expr(&self, i: usize) -> Option<Core> {
        if let Some(w) = self.word(i) {
            // plural weekday: a set ("Mondays", "Tuesday nights")
            if let Some(stem) = w.strip_suffix('s') {
                if let Some((1, Val::Int(wd), true)) = self
                    .lex
                    .hit(Class::Weekday, 0, |j| (j == 0).then_some(stem))
                    .map(|h| (h.end, h.val, h.canonical))
                {
                    return Some((
                        i + 1,
                        TimexType::Set,
                        Sem::SetWeekday {
                            wd: wd as u8,
                            part: None,
                        },
                    ));
                }
            }
        }
        let (e, wd) = self.weekday(i)?;
        if let Some(nw) = self.word(e) {
            if let Some(stem) = nw.strip_suffix('s') {
                if let Some(h) = self.lex.hit(Class::Part, 0, |j| (j == 0).then_some(stem)) {
                    if let Val::Str(p) = h.val {
                        return Some((
                            e + 1,
                            TimexType::Set,
                            Sem::SetWeekday { wd, part: Some(p) },
                        ));
                    }
                }
            }
        }
        let c = if self.is(e, ",") { e + 1 } else { e };
        if let Some(m) = self.month_expr(c).or_else(|| self.day_month(c)) {
            if matches!(m.2, Sem::Date { d: Some(_), .. }) {
                return Some(m);
            }
        }
        Some(self.with_part((e, TimexType::Date, Sem::Weekday { wd, shift: None })))
    }

    pub(super) fn numeric(&self, i: usize) -> Option<Core> {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1)?;
        if !matches!(sep, "-" | "/" | ".") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if !self.is(i + 3, sep) || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        // not part of a longer dotted or dashed number
        let longer = self.is(i + 5, sep) && self.adj(i + 6) && self.num(i + 6).is_some();
        if self.adj(i + 5) && (longer || self.word(i + 5).is_some()) {
            return None;
        }
        if i > 0 && self.adj(i) && self.toks[i - 1].kind != Kind::Other && !self.is(i - 1, "(") {
            return None;
        }
        let full_year = |y: i64, d: usize| match d {
            4 => Some(y as i32),
            2 if y < 50 => Some(2000 + y as i32),
            2 => Some(1900 + y as i32),
            _ => None,
        };
        let (y, m, d) = match sep {
            "-" if da == 4 && db <= 2 && dc <= 2 => (a as i32, b, c),
            "/" if da <= 2 && db <= 2 => {
                let y = full_year(c, dc)?;
                if a <= 12 {
                    (y, a, b)
                } else {
                    (y, b, a)
                }
            }
            "." if da <= 2 && db <= 2 && dc == 4 => {
                if b <= 12 {
                    (c as i32, b, a)
                } else {
                    (c as i32, a, b)
                }
            }
            _ => return None,
        };
        jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()?;
        Some((
            i + 5,
            TimexType::Date,
            Sem::Date {
                y: Some(y),
                m: m as u8,
                d: Some(d as u8),
            },
        ))
    }

    /// Years, decades ("1990s", "'90s"), "fiscal 1989".
    pub(super) fn year_expr(&self, i: usize) -> Option<Core> {
        if let Some((e, y)) = self.fiscal_year(i) {
            return Some((e, TimexType::Date, Sem::Year(y)));
        }
        if self.is(i, "'") || self.is(i, "\u{2019}") {
            // "'90s", "’70's"
            let (n, d) = self.num(i + 1)?;
            let mut e = i + 2;
            if self.adj(e) && (self.is(e, "'") || self.is(e, "\u{2019}")) {
                e += 1;
            }
            if d == 2 && n % 10 == 0 && self.is(e, "s") && self.adj(i + 1) && self.adj(e) {
                return Some((e + 1, TimexType::Date, Sem::Decade(190 + n as i32 / 10)));
            }
            // "'71": a year of the last century (or of this one, below 30)
            if d == 2 && self.adj(i + 1) && self.word(i + 2).is_none_or(|_| !self.adj(i + 2)) {
                let y = if n < 30 { 2000 } else { 1900 } + n as i32;
                return Some((i + 2, TimexType::Date, Sem::Year(y)));
            }
            return None;
        }
        if let Some((e, hi)) = self.int(Class::Number, i) {
            // "nineteen ninety-six", "twenty twenty-one"
            if (11..=20).contains(&hi) && self.num(e).is_none() {
                if let Some((e2, lo)) = self.amount(e) {
                    if (10..=99).contains(&lo) {
                        return Some((e2, TimexType::Date, Sem::Year(hi * 100 + lo)));
                    }
                }
            }
        }
        let (n, d) = self.num(i)?;
        if d == 2 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "s") {
            // "the 90s"
            return Some((i + 2, TimexType::Date, Sem::Decade(190 + n as i32 / 10)));
        }
        if d == 4 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "s") {
            return Some((i + 2, TimexType::Date, Sem::Decade(n as i32 / 10)));
        }
        if d == 4 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "'") && self.is(i + 2, "s") {
            return Some((i + 3, TimexType::Date, Sem::Decade(n as i32 / 10)));
        }
        let y = self.year(i)?;
        // a bare year must look like one: 1800–2199, or earlier after "in"/"since"/…, or before
        // anything but a noun ("1500 soldiers")
        let after_prep = i > 0
            && matches!(
                self.w(i - 1),
                Some("in" | "since" | "of" | "from" | "until" | "by" | "before" | "after" | "(")
            );
        // "(1894 – 96)", "1640 and 1656", "1704, when …": a year among years or in brackets
        let listed = matches!(
            self.w(i + 1),
            Some("," | ")" | "-" | "and" | "to" | "\u{2013}")
        ) || (i > 0 && matches!(self.w(i - 1), Some("," | "and" | "\u{2013}")));
        let glued_to_number =
            i > 1 && self.adj(i) && self.is(i - 1, "-") && self.toks[i - 2].kind == Kind::Num;
        let noun_next = self.word(i + 1).is_some_and(|w| {
            !matches!(
                w,
                "and"
                    | "or"
                    | "to"
                    | "until"
                    | "when"
                    | "where"
                    | "as"
                    | "by"
                    | "in"
                    | "the"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "was"
                    | "were"
                    | "a"
                    | "at"
                    | "with"
                    | "on"
                    | "for"
                    | "after"
                    | "before"
                    | "during"
                    | "his"
                    | "her"
            )
        });
        if y < 1800 && (glued_to_number || noun_next || !(after_prep || listed)) {
            return None;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                Some("no" | "#" | "number" | "route" | "flight")
            )
        {
            return None;
        }
        Some((i + 1, TimexType::Date, Sem::Year(y)))
    }

    /// "fiscal 1989", "fiscal year 2015", "FY2015": the end and the year.
    fn fiscal_year(&self, i: usize) -> Option<(usize, i32)> {
        let (e, _, _) = self.hit(Class::Fiscal, i)?;
        let e = if self.is(e, "year") && self.year(e + 1).is_some() {
            e + 1
        } else {
            e
        };
        Some((e + 1, self.year(e)?))
    }

    /// Ordinal quarter or half: "third quarter", "third-quarter", "Q3", "the 1988 second quarter",
    /// "the fiscal third quarter", "the fiscal 2015 first half", "the second quarter of fiscal
    /// 2015".
    pub(super) fn quarter_expr(&self, i: usize) -> Option<Core> {
        if let Some((e, _, _)) = self.hit(Class::Fiscal, i) {
            // a fiscal quarter carries the number and year the company gives it
            let (j, y) = match self.fiscal_year(i) {
                Some((e2, y)) => (e2, Some(y)),
                None => (e, None),
            };
            // "the fiscal-first quarter"
            let j = if self.is(j, "-") && self.adj(j) {
                j + 1
            } else {
                j
            };
            let (end, t, sem) = self.quarter_expr(j)?;
            return match (sem, y) {
                (
                    Sem::Quarter {
                        q,
                        half,
                        y: None,
                        yshift,
                    },
                    Some(y),
                ) => Some((
                    end,
                    t,
                    Sem::Quarter {
                        q,
                        half,
                        y: Some(y),
                        yshift,
                    },
                )),
                (sem, None) => Some((end, t, sem)),
                _ => None,
            };
        }
        let (e, q, half) = if self.is(i, "q") && self.cap(i) && self.adj(i + 1) {
            let (n, d) = self.num(i + 1)?;
            ((d == 1 && (1..=4).contains(&n)).then_some((i + 2, n as u8, false)))?
        } else {
            let (e, n) = self
                .int(Class::Ordinal, i)
                .or_else(|| self.ddth(i).map(|(e, n)| (e, n as i32)))?;
            let j = if self.is(e, "-") && self.adj(e) {
                e + 1
            } else {
                e
            };
            let w = self.word(j)?;
            let half = match w {
                "quarter" => false,
                "half" => true,
                _ => return None,
            };
            let max = if half { 2 } else { 4 };
            if !(1..=max).contains(&n) {
                return None;
            }
            (j + 1, n as u8, half)
        };
        let mut end = e;
        let mut y = None;
        let mut yshift = None;
        let c = if self.is(e, "of") || self.is(e, ",") {
            e + 1
        } else {
            e
        };
        if let Some(yy) = self.year(c) {
            y = Some(yy);
            end = c + 1;
        } else if let Some((e2, yy)) = self.fiscal_year(c) {
            // "the second quarter of fiscal 2015", "Q2 fiscal 2015"
            y = Some(yy);
            end = e2;
        } else if self.is(e, "of") {
            if let Some((e2, s)) = self.int(Class::Shift, c) {
                if self.is(e2, "year") {
                    yshift = Some(s);
                    end = e2 + 1;
                }
            }
        }
        Some((end, TimexType::Date, Sem::Quarter { q, half, y, yshift }))
    }

    pub(super) fn season_expr(&self, i: usize) -> Option<Core> {
        let (e, v, _) = self.hit(Class::Season, i)?;
        let Val::Str(s) = v else { return None };
        let c = if self.is(e, "of") { e + 1 } else { e };
        if let Some((e2, y)) = self.any_year(c) {
            return Some((
                e2,
                TimexType::Date,
                Sem::Season {
                    s,
                    y: Some(y),
                    shift: None,
                },
            ));
        }
        // "fall" alone is a verb far more often than a season
        if self.is(i, "fall") {
            return None;
        }
        Some((
            e,
            TimexType::Date,
            Sem::Season {
                s,
                y: None,
                shift: None,
            },
        ))
    }

    /// "19th century", "the sixteenth century", "17th-century".
    pub(super) fn century_expr(&self, i: usize) -> Option<Core> {
        let (e, n) = self
            .ddth(i)
            .map(|(e, n)| (e, n as i32))
            .or_else(|| self.int(Class::Ordinal, i))?;
        let j = if self.is(e, "-") && self.adj(e) {
            e + 1
        } else {
            e
        };
        (self.is(j, "century") && (1..=30).contains(&n)).then_some((
            j + 1,
            TimexType::Date,
            Sem::Century(n - 1),
        ))
    }
}
