//! Fiscal years and quarters, and the period a year back that earnings news compares with:
//! "fiscal year 2024", "the second quarter of fiscal 2024", "the same quarter a year earlier".

use super::*;

/// A spring anchor: the first quarter was the last one reported.
const MAY: Option<Date> = Some(date(2024, 5, 14));

#[test]
fn fiscal_years_and_quarters() {
    check(
        MAY,
        &[
            (
                "Revenue for fiscal year 2023 rose.",
                "fiscal year 2023",
                "DATE",
                "2023",
            ),
            (
                "Margins fell in the second quarter of fiscal 2024.",
                "the second quarter of fiscal 2024",
                "DATE",
                "2024-Q2",
            ),
            (
                "Its profit in the fiscal 2023 fourth quarter doubled.",
                "the fiscal 2023 fourth quarter",
                "DATE",
                "2023-Q4",
            ),
            (
                "Sales grew in the fiscal first quarter.",
                "the fiscal first quarter",
                "DATE",
                "2024-Q1",
            ),
            (
                "Shipments fell in the fiscal-first quarter.",
                "the fiscal-first quarter",
                "DATE",
                "2024-Q1",
            ),
            (
                "It expects a loss for the current fiscal year.",
                "the current fiscal year",
                "DATE",
                "2024",
            ),
            (
                "The chain lost money in the last fiscal year.",
                "the last fiscal year",
                "DATE",
                "2023",
            ),
        ],
    );
}

#[test]
fn the_period_a_year_back() {
    check(
        MAY,
        &[
            (
                "Profit beat the year-earlier quarter.",
                "the year-earlier quarter",
                "DATE",
                "2023-Q1",
            ),
            (
                "Orders rose from the same quarter a year earlier.",
                "the same quarter a year earlier",
                "DATE",
                "2023-Q1",
            ),
            (
                "For the quarter a year ago, the bank lost $3 million.",
                "the quarter a year ago",
                "DATE",
                "2023-Q1",
            ),
            (
                "Sales rose from the comparable year-ago quarter.",
                "the comparable year-ago quarter",
                "DATE",
                "2023-Q1",
            ),
            // without a quarter named, a period a year back is the year before
            (
                "Fewer visitors came than in the same period last year.",
                "the same period last year",
                "DATE",
                "2023",
            ),
        ],
    );
    // with a quarter named, it is the quarter a year back
    let v = run(
        "Sales in the first quarter rose from the corresponding period of the previous year.",
        MAY,
    );
    assert_eq!(v[1].0, "the corresponding period of the previous year");
    assert_eq!(v[1].2, "2023-Q1");
}

#[test]
fn prior_is_the_one_before() {
    check(
        Some(date(2024, 5, 14)),
        &[(
            "Costs fell from the prior year.",
            "the prior year",
            "DATE",
            "2023",
        )],
    );
    let v = run("Sales fell in 2019; the prior year they rose.", MAY);
    assert_eq!(v[1], ("the prior year".into(), "DATE", "2018".into()));
}

#[test]
fn the_day_a_period_ends_takes_its_year() {
    let v = run("Sales rose from the year-ago quarter ended March 31.", MAY);
    assert_eq!(v[1], ("March 31".into(), "DATE", "2023-03-31".into()));
    let v = run("For fiscal 2022 ended June 30, the chain lost money.", MAY);
    assert_eq!(v[1], ("June 30".into(), "DATE", "2022-06-30".into()));
    // a duration gives no year: the day is resolved as usual
    let v = run("Net in the nine months ended March 31 rose.", MAY);
    assert_eq!(v[1], ("March 31".into(), "DATE", "2024-03-31".into()));
}
