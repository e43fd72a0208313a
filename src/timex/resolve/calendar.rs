//! Calendar arithmetic on the anchor: adding units, picking the year of a date written without
//! one, the weekday meant, and the day a day-granular expression names.

use jiff::civil::Date;
use jiff::{Span, ToSpan};

use super::{Ctx, Sem};
use crate::timex::lexicon::{Unit, X};

pub(super) fn quarter_of(d: Date) -> i32 {
    (d.month() as i32 - 1) / 3 + 1
}

pub(super) fn add(d: Date, n: i64, unit: Unit) -> Option<Date> {
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

/// How far back (days) a bare month is still taken in the past without a tense cue.
pub(super) const MONTH_PAST_LIMIT: i64 = 183;

/// The candidate in years y-1, y, y+1 picked by tense, else the nearest.
pub(super) fn pick_year(
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

pub(super) fn weekday_of(
    anchor: Date,
    wd: u8,
    shift: Option<i32>,
    future: bool,
    past: bool,
) -> Date {
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
        // "this Saturday": the day of the anchor's week, unless the tense says which way
        Some(0) if !future && !past => wd as i64 - cur,
        _ if future => fwd,
        _ => -back,
    };
    anchor.checked_add(off.days()).unwrap_or(anchor)
}

/// How far back (days) a bare month is taken in the past after a verb in the past tense, and a
/// month and day is: ten months ("bought it in February", "the year ended Jan. 31" in October).
pub(super) const PAST_TENSE_LIMIT: i64 = 300;

/// How far back (days) a month and day without a year is taken in the past: about nine months,
/// ten after a verb in the past tense.
fn day_past_limit(ctx: &Ctx) -> i64 {
    if ctx.past {
        PAST_TENSE_LIMIT
    } else {
        270
    }
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
        } => pick_year(ctx.anchor?, ctx.future, day_past_limit(ctx), |y| {
            Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
        }),
        Sem::Weekday { wd, shift } => {
            Some(weekday_of(ctx.anchor?, wd, shift, ctx.future, ctx.past))
        }
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
                None => pick_year(ctx.anchor?, ctx.future, day_past_limit(ctx), make),
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
