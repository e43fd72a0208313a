//! What a matched expression means ([`Sem`]) and its TIMEX3 value, resolved against an anchor
//! date with jiff's calendar arithmetic.

use jiff::civil::Date;

use super::lexicon::{Unit, X};

/// The meaning of a matched expression, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A calendar date; a missing year is resolved to the nearest one in the tense's direction.
    Date {
        /// Year, if written.
        y: Option<i32>,
        /// Month 1–12.
        m: u8,
        /// Day, if written.
        d: Option<u8>,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 = the 20th century).
    Century(i32),
    /// "the 27th": a day of the anchor's month (or the one before or after).
    DayOfMonth(u8),
    /// A weekday, with last (-1) / this (0) / next (1) if written.
    Weekday {
        /// Monday = 1.
        wd: u8,
        /// The written shift.
        shift: Option<i32>,
    },
    /// "last April" (-1), "this April" (0), "next April" (1).
    MonthShift {
        /// Month.
        m: u8,
        /// Shift.
        shift: i32,
    },
    /// "June last year".
    MonthOfRelYear {
        /// Month.
        m: u8,
        /// Year offset.
        yshift: i32,
    },
    /// "today" (0), "yesterday" (-1).
    RelDay(i32),
    /// "last week" (Week, -1), "this year" (Year, 0).
    RelUnit {
        /// Unit.
        unit: Unit,
        /// Shift.
        shift: i32,
    },
    /// "this weekend" (0), "last weekend" (-1).
    Weekend(i32),
    /// "the weekend": in the past the one just gone (the ISO week before a weekday anchor's),
    /// after a future cue the coming one.
    TheWeekend,
    /// "two years ago" (n 2, Year, -1); n may be X.
    Ago {
        /// Count.
        n: i32,
        /// Unit.
        unit: Unit,
        /// -1 ago, 1 later.
        sign: i32,
    },
    /// "two years later", "a week earlier": counted from the last date written (else the anchor).
    Shifted {
        /// Count.
        n: i32,
        /// Unit.
        unit: Unit,
        /// -1 earlier, 1 later.
        sign: i32,
    },
    /// "that year" (0), "the following year" (1): a unit around the last date written.
    RefUnit {
        /// Unit.
        unit: Unit,
        /// Shift.
        shift: i32,
    },
    /// A floating holiday: the nth weekday of a month ("Thanksgiving").
    Nth {
        /// Year, if written.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// 1–5, or -1 for the last.
        n: i8,
        /// Monday = 1.
        wd: u8,
    },
    /// A year before the common era ("400 BCE").
    Bc(i32),
    /// A quarter or half of a year: "the third quarter", "Q3 2021", "the first half".
    Quarter {
        /// 1–4 (quarter) or 1–2 (half).
        q: u8,
        /// True for halves.
        half: bool,
        /// Written year.
        y: Option<i32>,
        /// Year relative to the anchor ("of last year" = -1).
        yshift: Option<i32>,
    },
    /// The quarter last reported, in a written year ("the 1988 quarter") or a year away from the
    /// anchor's ("last year's quarter": -1).
    SameQuarter {
        /// Written year.
        y: Option<i32>,
        /// Year offset from the anchor's, when no year is written.
        yshift: i32,
    },
    /// "the quarter" (-1: the last reported one), "this quarter" (0), "next quarter" (1).
    QuarterRel(i32),
    /// A season, optionally with a year or a shift.
    Season {
        /// SP SU FA WI.
        s: &'static str,
        /// Written year.
        y: Option<i32>,
        /// Written shift.
        shift: Option<i32>,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// An amount of time; n may be X.
    Dur {
        /// Count.
        n: i32,
        /// Unit.
        unit: Unit,
    },
    /// An amount and a half ("5 1/2 hours", "a year and a half"; n 0 for "half an hour").
    HalfDur {
        /// Whole units.
        n: i32,
        /// Unit.
        unit: Unit,
    },
    /// A fixed set value ("P1W").
    Set(&'static str),
    /// "every 2 weeks": step and unit.
    Every {
        /// Step.
        n: i32,
        /// Unit.
        unit: Unit,
    },
    /// "every Monday", "Tuesday nights".
    SetWeekday {
        /// Monday = 1.
        wd: u8,
        /// Part of day, if written.
        part: Option<&'static str>,
    },
    /// A clock time, on a date if one is written.
    Time {
        /// The date.
        date: Option<Box<Sem>>,
        /// Hour 0–23.
        h: u8,
        /// Minute.
        min: u8,
    },
    /// A part of a day: "Friday night", "this morning".
    Part {
        /// The day.
        date: Box<Sem>,
        /// MO AF EV NI.
        part: &'static str,
    },
}

/// What resolution knows about the expression's surroundings.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ctx {
    /// The anchor date.
    pub anchor: Option<Date>,
    /// The sentence points to the future ("will", "scheduled").
    pub future: bool,
    /// The nearest verb before it is in the past tense ("bought it in February"): a date without
    /// a year then lies up to a year back.
    pub past: bool,
    /// The expression follows "since" ("has fallen since January"): it lies in the past.
    pub since: bool,
    /// The sentence speaks of quarters (earnings news): "a year earlier" is then a quarter.
    pub quarters: bool,
    /// The last date written before the expression (the reference time), if any.
    pub reference: Option<Date>,
    /// The text tells of another time than the anchor's (the last year written is two or more
    /// years away from it): dates without a year take the reference's year.
    pub narrative: bool,
}

mod calendar;
mod format;

pub use calendar::point;
use calendar::*;
use format::*;

/// The TIMEX3 value of `sem` in context `ctx`.
pub fn value(sem: &Sem, ctx: &Ctx) -> String {
    match sem {
        Sem::Ref(r) => return r.to_string(),
        Sem::Dur { n, unit } => return dur_value(*n, *unit),
        Sem::HalfDur { n, unit } => return half_dur_value(*n, *unit),
        Sem::Set(s) => return s.to_string(),
        Sem::Every { n, unit } => return dur_value(*n, *unit),
        Sem::SetWeekday { wd, part } => {
            return match part {
                Some(p) => format!("XXXX-WXX-{wd}T{p}"),
                None => format!("XXXX-WXX-{wd}"),
            }
        }
        Sem::Year(y) => return format!("{y:04}"),
        Sem::Bc(y) => return format!("BC{y:04}"),
        Sem::Decade(d) => return format!("{d:03}"),
        Sem::Century(c) => return format!("{c:02}"),
        Sem::Date { y: Some(y), m, d } => {
            // "{y:04}-{m:02}" and "-{d:02}" when the day is written
            let mut s = String::with_capacity(12);
            push_padded(&mut s, i64::from(*y), 4);
            s.push('-');
            push_padded(&mut s, i64::from(*m), 2);
            if let Some(d) = d {
                s.push('-');
                push_padded(&mut s, i64::from(*d), 2);
            }
            return s;
        }
        Sem::Quarter {
            q,
            half,
            y: Some(y),
            ..
        } => return format!("{y:04}-{}{q}", if *half { 'H' } else { 'Q' }),
        Sem::Season { s, y: Some(y), .. } => return format!("{y:04}-{s}"),
        Sem::Time { date, h, min } => {
            let day = match date {
                Some(d) => point(d, ctx).map(ymd),
                None => ctx.anchor.map(ymd),
            };
            let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_string());
            return format!("{day}T{h:02}:{min:02}");
        }
        Sem::Part { date, part } => {
            let day = point(date, ctx).map(ymd);
            let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_string());
            return format!("{day}T{part}");
        }
        _ => {}
    }
    if let Some(r) = ctx.reference {
        match *sem {
            Sem::Shifted { n, unit, sign } if n != X && !(ctx.quarters && unit == Unit::Year) => {
                if let Some(d) = add(r, n as i64 * sign as i64, unit) {
                    return at_unit(d, unit);
                }
            }
            Sem::RefUnit { unit, shift } => {
                if let Some(d) = add(r, shift as i64, unit) {
                    return at_unit(d, unit);
                }
            }
            Sem::Date {
                y: None,
                m,
                d: None,
            } if ctx.narrative => {
                return format!("{:04}-{m:02}", r.year());
            }
            _ => {}
        }
    }
    let Some(a) = ctx.anchor else {
        return no_anchor_value(sem);
    };
    let y = a.year() as i32;
    match *sem {
        Sem::Date {
            y: None,
            m,
            d: None,
        } => {
            // ("since January" looks back up to a year)
            // (and after a verb in the past tense: "bought it in February")
            let past_limit = if ctx.since {
                366
            } else if ctx.past {
                PAST_TENSE_LIMIT
            } else {
                MONTH_PAST_LIMIT
            };
            let c = pick_year(
                a.first_of_month(),
                ctx.future && !ctx.since,
                past_limit,
                |y| Date::new(i16::try_from(y).ok()?, m as i8, 1).ok(),
            );
            c.map(|c| format!("{:04}-{m:02}", c.year()))
                .unwrap_or_else(|| no_anchor_value(sem))
        }
        Sem::MonthShift { m, shift } => {
            let am = a.month() as u8;
            let yy = match shift {
                -1 if m < am => y,
                -1 => y - 1,
                1 if m > am => y,
                1 => y + 1,
                _ => y,
            };
            format!("{yy:04}-{m:02}")
        }
        Sem::MonthOfRelYear { m, yshift } => format!("{:04}-{m:02}", y + yshift),
        Sem::RelUnit { unit, shift } => match add(a, shift as i64, unit) {
            Some(d) => at_unit(d, unit),
            None => ref_for(shift),
        },
        Sem::TheWeekend => {
            let weekday = a.weekday().to_monday_one_offset() <= 5;
            let shift = if weekday && !ctx.future { -1 } else { 0 };
            match add(a, shift, Unit::Week) {
                Some(d) => format!("{}-WE", at_unit(d, Unit::Week)),
                None => ref_for(shift as i32),
            }
        }
        Sem::Weekend(shift) => match add(a, shift as i64, Unit::Week) {
            Some(d) => format!("{}-WE", at_unit(d, Unit::Week)),
            None => ref_for(shift),
        },
        Sem::RefUnit { unit, shift } => match add(a, shift as i64, unit) {
            Some(d) => at_unit(d, unit),
            None => ref_for(shift),
        },
        Sem::Ago { n, unit, sign } | Sem::Shifted { n, unit, sign } => {
            if n == X {
                return ref_for(sign);
            }
            if ctx.quarters && unit == Unit::Year && n == 1 {
                // earnings news: "a year earlier" is the same quarter of the year before
                let q = add(a, -1, Unit::Quarter).and_then(|d| add(d, sign as i64, Unit::Year));
                if let Some(d) = q {
                    return at_unit(d, Unit::Quarter);
                }
            }
            match add(a, n as i64 * sign as i64, unit) {
                Some(d) => at_unit(d, unit),
                None => ref_for(sign),
            }
        }
        Sem::Quarter {
            q, half, yshift, ..
        } => {
            let cur = if half {
                (a.month() as i32 - 1) / 6 + 1
            } else {
                quarter_of(a)
            };
            let yy = match yshift {
                Some(s) => y + s,
                None if (q as i32) > cur && !ctx.future => y - 1,
                None => y,
            };
            format!("{yy:04}-{}{q}", if half { 'H' } else { 'Q' })
        }
        Sem::SameQuarter { y: yy, yshift } => {
            // the quarter last completed, moved to the year meant
            let last = add(a, -1, Unit::Quarter).unwrap_or(a);
            let yy = yy.unwrap_or(last.year() as i32 + yshift);
            format!("{yy:04}-Q{}", quarter_of(last))
        }
        Sem::QuarterRel(shift) => match add(a, shift as i64, Unit::Quarter) {
            Some(d) => at_unit(d, Unit::Quarter),
            None => ref_for(shift),
        },
        Sem::Season { s, shift, .. } => {
            let idx = |s: &str| match s {
                "SP" => 1,
                "SU" => 2,
                "FA" => 3,
                _ => 4,
            };
            let cur = match a.month() {
                3..=5 => 1,
                6..=8 => 2,
                9..=11 => 3,
                _ => 4,
            };
            // January and February close the winter that began the year before: "last
            // summer" in February 2026 is 2025's
            let sy = if a.month() <= 2 { y - 1 } else { y };
            let yy = match shift {
                Some(-1) if idx(s) < cur => sy,
                Some(-1) => sy - 1,
                Some(1) if idx(s) > cur => sy,
                Some(1) => sy + 1,
                _ => y,
            };
            format!("{yy:04}-{s}")
        }
        _ => match point(sem, ctx) {
            Some(d) => ymd(d),
            None => no_anchor_value(sem),
        },
    }
}

#[cfg(test)]
mod tests;
