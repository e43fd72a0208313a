//! Fiscal quarters and halves named through a year: "next year's first quarter", "the 1988
//! quarter", "the last half of 1989", "a year-earlier loss".

use super::*;

/// An earnings-season anchor: the third quarter was the last one reported.
const OCT: Option<Date> = Some(date(2021, 10, 28));

#[test]
fn quarters_through_a_year() {
    check(
        OCT,
        &[
            (
                "It may close in next year's first quarter.",
                "next year's first quarter",
                "DATE",
                "2022-Q1",
            ),
            (
                "Sales in last year's quarter fell.",
                "last year's quarter",
                "DATE",
                "2020-Q3",
            ),
            (
                "Profit rose in the 2019 quarter.",
                "the 2019 quarter",
                "DATE",
                "2019-Q3",
            ),
            (
                "Costs rise in the last half of 2021.",
                "the last half of 2021",
                "DATE",
                "2021-H2",
            ),
            (
                "Costs rise in the last quarter of 2022.",
                "the last quarter of 2022",
                "DATE",
                "2022-Q4",
            ),
        ],
    );
}

#[test]
fn year_earlier_joined_by_a_hyphen() {
    let v = run("It had a year-earlier loss in the third quarter.", OCT);
    let got: Vec<(&str, &str)> = v.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("a year-earlier", "2020-Q3"),
            ("the third quarter", "2021-Q3")
        ]
    );
}
