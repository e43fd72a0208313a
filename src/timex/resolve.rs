//! What a matched expression means ([`Sem`]) and its TIMEX3 value, resolved against an anchor
//! date with jiff's calendar arithmetic.

use jiff::civil::Date;
use jiff::{Span, ToSpan};

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

/// Appends `v` zero-padded to `w` characters, as `format!("{v:0w$}")` writes it, into `out`.
fn push_padded(out: &mut String, v: i64, w: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{v:0w$}");
}

/// A day as TIMEX3 writes it: `1996-04-05`.
fn ymd(d: Date) -> String {
    let mut s = String::with_capacity(12);
    push_year(&mut s, d.year() as i32);
    s.push('-');
    push_padded(&mut s, i64::from(d.month()), 2);
    s.push('-');
    push_padded(&mut s, i64::from(d.day()), 2);
    s
}

/// A year as TIMEX3 writes it: `0420`, `1996`, and `BC0400` for 400 BCE (year -399).
fn year(y: i32) -> String {
    let mut s = String::with_capacity(6);
    push_year(&mut s, y);
    s
}

/// Appends [`year`] of `y` to `out`.
fn push_year(out: &mut String, y: i32) {
    if y > 0 {
        push_padded(out, i64::from(y), 4);
    } else {
        out.push_str("BC");
        push_padded(out, 1 - i64::from(y), 4);
    }
}

fn quarter_of(d: Date) -> i32 {
    (d.month() as i32 - 1) / 3 + 1
}

fn add(d: Date, n: i64, unit: Unit) -> Option<Date> {
    // try_* never panics on an amount past jiff's limits ("999999999 years ago")
    let sp = Span::new();
    let sp = match unit {
        Unit::Year => sp.try_years(n),
        Unit::Month => sp.try_months(n),
        Unit::Week => sp.try_weeks(n),
        Unit::Day => sp.try_days(n),
        Unit::Quarter => sp.try_months(n.checked_mul(3)?),
        Unit::Decade => sp.try_years(n.checked_mul(10)?),
        Unit::Century => sp.try_years(n.checked_mul(100)?),
        Unit::Hour | Unit::Minute | Unit::Second => return Some(d),
    }
    .ok()?;
    d.checked_add(sp).ok()
}

/// The anchor shifted by `n` units, written at the unit's granularity.
fn at_unit(d: Date, unit: Unit) -> String {
    match unit {
        Unit::Year => year(d.year() as i32),
        Unit::Month => {
            let mut s = year(d.year() as i32);
            s.push('-');
            push_padded(&mut s, i64::from(d.month()), 2);
            s
        }
        Unit::Week => {
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Quarter => format!("{}-Q{}", year(d.year() as i32), quarter_of(d)),
        Unit::Decade => format!("{:03}", d.year() / 10),
        Unit::Century => format!("{:02}", d.year() / 100),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => ymd(d),
    }
}

fn ref_for(sign: i32) -> String {
    match sign.signum() {
        0 => "PRESENT_REF",
        s if s < 0 => "PAST_REF",
        _ => "FUTURE_REF",
    }
    .to_string()
}

/// The candidate in years y-1, y, y+1 picked by tense, else the nearest.
/// How far back (days) a bare month is still taken in the past without a tense cue.
const MONTH_PAST_LIMIT: i64 = 183;

fn pick_year(
    anchor: Date,
    future: bool,
    past_limit: i64,
    make: impl Fn(i32) -> Option<Date>,
) -> Option<Date> {
    let y = anchor.year() as i32;
    let cands: Vec<Date> = (y - 1..=y + 1).filter_map(&make).collect();
    let dist = |c: &Date| (anchor.until(*c).ok()?.get_days() as i64).checked_abs();
    let days = |c: &Date| anchor.until(*c).map(|s| s.get_days() as i64).unwrap_or(0);
    let nearest = cands
        .iter()
        .min_by_key(|c| dist(c).unwrap_or(i64::MAX))
        .copied();
    let directed = if future {
        cands.iter().find(|c| days(c) >= 0).copied()
    } else {
        cands.iter().rev().find(|c| days(c) <= 0).copied()
    };
    let limit = if future { 300 } else { past_limit };
    match directed {
        Some(c) if days(&c).abs() <= limit => Some(c),
        _ => nearest,
    }
}

fn weekday_of(anchor: Date, wd: u8, shift: Option<i32>, future: bool) -> Date {
    let cur = anchor.weekday().to_monday_one_offset() as i64;
    let back = (cur - wd as i64).rem_euclid(7); // days back to the most recent (0 = today)
    let fwd = (wd as i64 - cur).rem_euclid(7); // days ahead to the next (0 = today)
    let off = match shift {
        Some(-1) => -(if back == 0 { 7 } else { back }),
        Some(1) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ if future => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => -back,
    };
    anchor.checked_add(off.days()).unwrap_or(anchor)
}

/// The day a day-granular expression names, if it names one and it can be known.
pub fn point(sem: &Sem, ctx: &Ctx) -> Option<Date> {
    match *sem {
        Sem::Date {
            y: Some(y),
            m,
            d: Some(d),
        } => Date::new(y as i16, m as i8, d as i8).ok(),
        Sem::Date {
            y: None,
            m,
            d: Some(d),
        } if ctx.narrative && ctx.reference.is_some() => {
            Date::new(ctx.reference?.year(), m as i8, d as i8).ok()
        }
        Sem::Date {
            y: None,
            m,
            d: Some(d),
        } => pick_year(ctx.anchor?, ctx.future, 270, |y| {
            Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
        }),
        Sem::Weekday { wd, shift } => Some(weekday_of(ctx.anchor?, wd, shift, ctx.future)),
        Sem::Nth { y, m, n, wd } => {
            let make = |y: i32| {
                let w = jiff::civil::Weekday::from_monday_one_offset(wd as i8).ok()?;
                Date::new(i16::try_from(y).ok()?, m as i8, 1)
                    .ok()?
                    .nth_weekday_of_month(n, w)
                    .ok()
            };
            match y {
                Some(y) => make(y),
                None => pick_year(ctx.anchor?, ctx.future, 270, make),
            }
        }
        Sem::RelDay(n) => add(ctx.anchor?, n as i64, Unit::Day),
        Sem::RefUnit {
            unit: Unit::Day,
            shift,
        } => add(ctx.reference.or(ctx.anchor)?, shift as i64, Unit::Day),
        Sem::Ago {
            n,
            unit: Unit::Day,
            sign,
        } if n != X => ctx
            .anchor?
            .checked_add((n as i64 * sign as i64).days())
            .ok(),
        Sem::DayOfMonth(d) => {
            let a = ctx.anchor?;
            let this = Date::new(a.year(), a.month(), d as i8).ok();
            let shifted = |k: i64| {
                let m = a.first_of_month().checked_add(k.months()).ok()?;
                Date::new(m.year(), m.month(), d as i8).ok()
            };
            if ctx.future && (d as i8) < a.day() {
                shifted(1)
            } else if !ctx.future && (d as i8) > a.day() + 1 {
                shifted(-1)
            } else {
                this
            }
        }
        _ => None,
    }
}

fn no_anchor_value(sem: &Sem) -> String {
    match *sem {
        Sem::Date { m, d, .. } => match d {
            Some(d) => format!("XXXX-{m:02}-{d:02}"),
            None => format!("XXXX-{m:02}"),
        },
        Sem::Weekday { wd, .. } => format!("XXXX-WXX-{wd}"),
        Sem::DayOfMonth(d) => format!("XXXX-XX-{d:02}"),
        Sem::Nth { m, .. } => format!("XXXX-{m:02}-XX"),
        Sem::MonthShift { m, .. } | Sem::MonthOfRelYear { m, .. } => format!("XXXX-{m:02}"),
        Sem::RelDay(n) => ref_for(n),
        Sem::RelUnit { shift, .. } => ref_for(shift),
        Sem::Weekend(_) => "XXXX-WXX-WE".to_string(),
        Sem::Ago { sign, .. } | Sem::Shifted { sign, .. } => ref_for(sign),
        Sem::RefUnit { .. } => "XXXX-XX-XX".to_string(),
        Sem::Quarter { q, half, .. } => format!("XXXX-{}{q}", if half { 'H' } else { 'Q' }),
        Sem::QuarterRel(_) => "XXXX-QX".to_string(),
        Sem::Season { s, .. } => format!("XXXX-{s}"),
        _ => "XXXX-XX-XX".to_string(),
    }
}

fn dur_value(n: i32, unit: Unit) -> String {
    let (n, u, t) = match unit {
        Unit::Year => (Some(n), "Y", false),
        Unit::Month => (Some(n), "M", false),
        Unit::Week => (Some(n), "W", false),
        Unit::Day => (Some(n), "D", false),
        Unit::Hour => (Some(n), "H", true),
        Unit::Minute => (Some(n), "M", true),
        Unit::Second => (Some(n), "S", true),
        Unit::Quarter => (Some(n), "Q", false),
        Unit::Decade => (n.checked_mul(10).filter(|_| n != X), "Y", false),
        Unit::Century => (n.checked_mul(100).filter(|_| n != X), "Y", false),
    };
    let t = if t { "T" } else { "" };
    match n {
        Some(n) if n != X => format!("P{t}{n}{u}"),
        _ => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            Unit::Quarter => "PXQ".to_string(),
            _ => format!("P{t}X{u}"),
        },
    }
}

/// The TIMEX3 value of `sem` in context `ctx`.
pub fn value(sem: &Sem, ctx: &Ctx) -> String {
    match sem {
        Sem::Ref(r) => return r.to_string(),
        Sem::Dur { n, unit } => return dur_value(*n, *unit),
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
            let past_limit = if ctx.since { 366 } else { MONTH_PAST_LIMIT };
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
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn years_months_and_days_are_zero_padded() {
        assert_eq!(ymd(jiff::civil::date(996, 4, 5)), "0996-04-05");
        assert_eq!(year(-399), "BC0400");
        assert_eq!(
            at_unit(jiff::civil::date(2021, 3, 9), Unit::Month),
            "2021-03"
        );
    }

    fn ctx(y: i16, m: i8, d: i8, future: bool) -> Ctx {
        Ctx {
            anchor: Some(date(y, m, d)),
            future,
            ..Ctx::default()
        }
    }

    #[test]
    fn month_day_resolves_to_nearest_year() {
        let c = ctx(2021, 12, 28, false);
        let jan10 = Sem::Date {
            y: None,
            m: 1,
            d: Some(10),
        };
        assert_eq!(value(&jan10, &c), "2022-01-10");
        let dec20 = Sem::Date {
            y: None,
            m: 12,
            d: Some(20),
        };
        assert_eq!(value(&dec20, &c), "2021-12-20");
        assert_eq!(value(&jan10, &Ctx::default()), "XXXX-01-10");
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2021-12-28 is a Tuesday
        let past = ctx(2021, 12, 28, false);
        let fut = ctx(2021, 12, 28, true);
        let mon = Sem::Weekday { wd: 1, shift: None };
        assert_eq!(value(&mon, &past), "2021-12-27");
        assert_eq!(value(&mon, &fut), "2022-01-03");
        let tue = Sem::Weekday { wd: 2, shift: None };
        assert_eq!(value(&tue, &past), "2021-12-28");
        let last_tue = Sem::Weekday {
            wd: 2,
            shift: Some(-1),
        };
        assert_eq!(value(&last_tue, &past), "2021-12-21");
    }

    #[test]
    fn relative_units() {
        let c = ctx(2021, 12, 28, false);
        let rel = |unit, shift| value(&Sem::RelUnit { unit, shift }, &c);
        assert_eq!(rel(Unit::Week, -1), "2021-W51");
        assert_eq!(rel(Unit::Month, 1), "2022-01");
        assert_eq!(rel(Unit::Year, 0), "2021");
        assert_eq!(rel(Unit::Quarter, -1), "2021-Q3");
        assert_eq!(rel(Unit::Decade, -1), "201");
        let ago = Sem::Ago {
            n: 2,
            unit: Unit::Year,
            sign: -1,
        };
        assert_eq!(value(&ago, &c), "2019");
        assert_eq!(value(&Sem::RelDay(-1), &c), "2021-12-27");
        assert_eq!(value(&Sem::RelDay(-1), &Ctx::default()), "PAST_REF");
    }

    #[test]
    fn durations() {
        assert_eq!(dur_value(3, Unit::Week), "P3W");
        assert_eq!(dur_value(X, Unit::Week), "PXW");
        assert_eq!(dur_value(48, Unit::Hour), "PT48H");
        assert_eq!(dur_value(1, Unit::Decade), "P10Y");
    }

    #[test]
    fn quarters_and_seasons() {
        let c = ctx(1989, 10, 27, false);
        let q3 = Sem::Quarter {
            q: 3,
            half: false,
            y: None,
            yshift: None,
        };
        assert_eq!(value(&q3, &c), "1989-Q3");
        let c2 = ctx(1990, 2, 1, false);
        let q4 = Sem::Quarter {
            q: 4,
            half: false,
            y: None,
            yshift: None,
        };
        assert_eq!(value(&q4, &c2), "1989-Q4");
        let fall = Sem::Season {
            s: "FA",
            y: None,
            shift: Some(-1),
        };
        assert_eq!(value(&fall, &ctx(1999, 3, 1, false)), "1998-FA");
        let summer = |shift| Sem::Season {
            s: "SU",
            y: None,
            shift: Some(shift),
        };
        assert_eq!(value(&summer(-1), &ctx(2026, 2, 17, false)), "2025-SU");
        assert_eq!(value(&summer(1), &ctx(2026, 2, 17, false)), "2026-SU");
        assert_eq!(value(&summer(-1), &ctx(2025, 12, 1, false)), "2025-SU");
        assert_eq!(value(&summer(1), &ctx(2025, 12, 1, false)), "2026-SU");
    }
}
