//! Tests of value formatting and resolution against an anchor.

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
