//! Amounts with a half: "5 1/2 hours", "six and a half months", "a year and a half ago".

use super::*;

#[test]
fn halves_of_units() {
    check(
        DCT,
        &[
            (
                "The talks lasted 5 1/2 hours.",
                "5 1/2 hours",
                "DURATION",
                "PT5H30M",
            ),
            (
                "They lived there for 2 1/2 years.",
                "2 1/2 years",
                "DURATION",
                "P2Y6M",
            ),
            (
                "He paused for a minute and a half.",
                "a minute and a half",
                "DURATION",
                "PT1M30S",
            ),
            (
                "The drive takes half an hour.",
                "half an hour",
                "DURATION",
                "PT30M",
            ),
            (
                "It rained for a day and a half.",
                "a day and a half",
                "DURATION",
                "P1DT12H",
            ),
            (
                "She trained for six and a half months.",
                "six and a half months",
                "DURATION",
                "P6.5M",
            ),
            (
                "The book came out a year and a half ago.",
                "a year and a half ago",
                "DATE",
                "2020-06",
            ),
        ],
    );
}

#[test]
fn numbers_and_fractions_that_are_no_halves() {
    // "1/2" without a unit after it, and "and" between counts, start nothing
    assert!(run("Mix 2 1/2 cups of flour.", DCT).is_empty());
    assert_eq!(one("He won 2 and 3 sets in May.", DCT).0, "May");
}

#[test]
fn words_between_an_amount_and_its_unit() {
    check(
        DCT,
        &[
            (
                "The lease runs at least 20 more years.",
                "at least 20 more years",
                "DURATION",
                "P20Y",
            ),
            (
                "Sales grew for 10 straight quarters.",
                "10 straight quarters",
                "DURATION",
                "P10Q",
            ),
            (
                "Prices fell for three consecutive days.",
                "three consecutive days",
                "DURATION",
                "P3D",
            ),
        ],
    );
    assert!(run("She asked for two more.", DCT).is_empty());
}
