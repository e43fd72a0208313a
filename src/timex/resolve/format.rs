//! How TIMEX3 writes values: zero-padded years, months and days, `BC` years, a unit's
//! granularity, vague references, durations, and values with no anchor (`XXXX-…`).

use jiff::civil::Date;

use super::calendar::quarter_of;
use super::Sem;
use crate::timex::lexicon::{Unit, X};

/// Appends `v` zero-padded to `w` characters, as `format!("{v:0w$}")` writes it, into `out`.
pub(super) fn push_padded(out: &mut String, v: i64, w: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{v:0w$}");
}

/// A day as TIMEX3 writes it: `1996-04-05`.
pub(super) fn ymd(d: Date) -> String {
    let mut s = String::with_capacity(12);
    push_year(&mut s, d.year() as i32);
    s.push('-');
    push_padded(&mut s, i64::from(d.month()), 2);
    s.push('-');
    push_padded(&mut s, i64::from(d.day()), 2);
    s
}

/// A year as TIMEX3 writes it: `0420`, `1996`, and `BC0400` for 400 BCE (year -399).
pub(super) fn year(y: i32) -> String {
    let mut s = String::with_capacity(6);
    push_year(&mut s, y);
    s
}

/// Appends [`year`] of `y` to `out`.
pub(super) fn push_year(out: &mut String, y: i32) {
    if y > 0 {
        push_padded(out, i64::from(y), 4);
    } else {
        out.push_str("BC");
        push_padded(out, 1 - i64::from(y), 4);
    }
}

/// The anchor shifted by `n` units, written at the unit's granularity.
pub(super) fn at_unit(d: Date, unit: Unit) -> String {
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

pub(super) fn ref_for(sign: i32) -> String {
    match sign.signum() {
        0 => "PRESENT_REF",
        s if s < 0 => "PAST_REF",
        _ => "FUTURE_REF",
    }
    .to_string()
}

pub(super) fn no_anchor_value(sem: &Sem) -> String {
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
        Sem::Weekend(_) | Sem::TheWeekend => "XXXX-WXX-WE".to_string(),
        Sem::Ago { sign, .. } | Sem::Shifted { sign, .. } => ref_for(sign),
        Sem::RefUnit { .. } => "XXXX-XX-XX".to_string(),
        Sem::Quarter { q, half, .. } => format!("XXXX-{}{q}", if half { 'H' } else { 'Q' }),
        Sem::QuarterRel(_) => "XXXX-QX".to_string(),
        Sem::Season { s, .. } => format!("XXXX-{s}"),
        _ => "XXXX-XX-XX".to_string(),
    }
}

pub(super) fn dur_value(n: i32, unit: Unit) -> String {
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

/// The value of `n` and a half units: the half in the next smaller unit where one is exact
/// (`P2Y6M`, `PT5H30M`, `P1DT12H`), else as a decimal (`P1.5W`); `n` 0 is half a unit (`PT30M`).
pub(super) fn half_dur_value(n: i32, unit: Unit) -> String {
    let whole = |u: &str| {
        if n > 0 {
            format!("{n}{u}")
        } else {
            String::new()
        }
    };
    match unit {
        Unit::Year => format!("P{}6M", whole("Y")),
        Unit::Day => format!("P{}T12H", whole("D")),
        Unit::Hour => format!("PT{}30M", whole("H")),
        Unit::Minute => format!("PT{}30S", whole("M")),
        Unit::Decade => format!("P{}Y", 10 * n + 5),
        Unit::Century => format!("P{}Y", 100 * n + 50),
        Unit::Second => format!("PT{n}.5S"),
        Unit::Month => format!("P{n}.5M"),
        Unit::Week => format!("P{n}.5W"),
        Unit::Quarter => format!("P{n}.5Q"),
    }
}
