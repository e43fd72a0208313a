//! Calendar dates, weekdays, quarters, seasons, centuries, eras and holidays.

use super::*;

#[test]
fn calendar_dates() {
    check(
        DCT,
        &[
            (
                "The ministers met on January 10.",
                "January 10",
                "DATE",
                "2022-01-10",
            ),
            (
                "It was signed Dec. 3, 2019, in Oslo.",
                "Dec. 3, 2019",
                "DATE",
                "2019-12-03",
            ),
            (
                "The vote is set for 14 February 2022.",
                "14 February 2022",
                "DATE",
                "2022-02-14",
            ),
            ("Prices rose in July 2020.", "July 2020", "DATE", "2020-07"),
            ("Sales fell in November.", "November", "DATE", "2021-11"),
            ("The law passed in 1996.", "1996", "DATE", "1996"),
            ("It began in the 1980s.", "the 1980s", "DATE", "198"),
            (
                "The file is dated 2021-12-27.",
                "2021-12-27",
                "DATE",
                "2021-12-27",
            ),
            (
                "The form says 12/27/2021 at the top.",
                "12/27/2021",
                "DATE",
                "2021-12-27",
            ),
            (
                "The stamp reads 27.12.2021 in ink.",
                "27.12.2021",
                "DATE",
                "2021-12-27",
            ),
            ("He left on the 27th.", "the 27th", "DATE", "2021-12-27"),
            (
                "They married on Christmas.",
                "Christmas",
                "DATE",
                "2021-12-25",
            ),
        ],
    );
}

#[test]
fn no_anchor_gives_x() {
    check(
        None,
        &[
            (
                "They meet on January 10.",
                "January 10",
                "DATE",
                "XXXX-01-10",
            ),
            ("They met Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
        ],
    );
}

#[test]
fn weekdays_follow_tense() {
    check(
        DCT,
        &[
            (
                "The minister resigned on Monday.",
                "Monday",
                "DATE",
                "2021-12-27",
            ),
            (
                "The minister will resign on Monday.",
                "Monday",
                "DATE",
                "2022-01-03",
            ),
            // the anchor's own weekday, ahead: that very day (the anchor is a Tuesday)
            (
                "The report is due by Tuesday.",
                "Tuesday",
                "DATE",
                "2021-12-28",
            ),
            (
                "Talks are scheduled for Friday.",
                "Friday",
                "DATE",
                "2021-12-31",
            ),
            (
                "He spoke last Tuesday.",
                "last Tuesday",
                "DATE",
                "2021-12-21",
            ),
            (
                "They meet next Tuesday.",
                "next Tuesday",
                "DATE",
                "2022-01-04",
            ),
            (
                "Police arrived Sunday night.",
                "Sunday night",
                "TIME",
                "2021-12-26TNI",
            ),
        ],
    );
}

#[test]
fn quarters_seasons_parts() {
    check(
        DCT,
        &[
            (
                "Profit rose in the third quarter.",
                "the third quarter",
                "DATE",
                "2021-Q3",
            ),
            ("Profit rose in Q3.", "Q3", "DATE", "2021-Q3"),
            (
                "Third-quarter profit rose.",
                "Third-quarter",
                "DATE",
                "2021-Q3",
            ),
            (
                "It will open this spring.",
                "this spring",
                "DATE",
                "2021-SP",
            ),
            (
                "Snow fell this morning.",
                "this morning",
                "TIME",
                "2021-12-28TMO",
            ),
        ],
    );
}

#[test]
fn centuries_decades_holidays_clock() {
    check(
        DCT,
        &[
            (
                "It was dated 27.12.2021.",
                "27.12.2021",
                "DATE",
                "2021-12-27",
            ),
            (
                "Music of 19th-century Vienna thrived.",
                "19th-century",
                "DATE",
                "18",
            ),
            ("Music of the ’70s thrived.", "the ’70s", "DATE", "197"),
            (
                "The fort fell in 1704 after a siege.",
                "1704",
                "DATE",
                "1704",
            ),
            (
                "We met at five o'clock.",
                "five o'clock",
                "TIME",
                "2021-12-28T05:00",
            ),
            (
                "They met on Thanksgiving Day.",
                "Thanksgiving Day",
                "DATE",
                "2021-11-25",
            ),
            (
                "He will speak on Memorial Day.",
                "Memorial Day",
                "DATE",
                "2022-05-30",
            ),
        ],
    );
}

#[test]
fn eras() {
    check(
        DCT,
        &[
            ("The city fell in 400 BCE.", "400 BCE", "DATE", "BC0400"),
            (
                "The walls date from 900 CE onward.",
                "900 CE",
                "DATE",
                "0900",
            ),
        ],
    );
}

#[test]
fn spelled_years_after_months_and_seasons_quarter_durations() {
    check(
        DCT,
        &[
            (
                "It snowed in the winter of nineteen ninety-four.",
                "the winter of nineteen ninety-four",
                "DATE",
                "1994-WI",
            ),
            (
                "It began in January nineteen ninety-seven.",
                "January nineteen ninety-seven",
                "DATE",
                "1997-01",
            ),
            (
                "Sales fell over the past two quarters.",
                "the past two quarters",
                "DURATION",
                "P2Q",
            ),
        ],
    );
}

#[test]
fn a_month_after_since_lies_in_the_past() {
    // nine months back from October: without "since" the nearest January (ahead) would win
    let dct = Some(date(2025, 10, 14));
    check(
        dct,
        &[(
            "Revenue has fallen 6 percent since January.",
            "January",
            "DATE",
            "2025-01",
        )],
    );
}

#[test]
fn big_counts_short_years_same_year() {
    check(
        DCT,
        &[
            (
                "It formed ten thousand years ago.",
                "ten thousand years ago",
                "DATE",
                "BC7980",
            ),
            (
                "It formed 13 billion years ago.",
                "13 billion years ago",
                "DATE",
                "PAST_REF",
            ),
            ("He graduated in '71 with honors.", "'71", "DATE", "1971"),
        ],
    );
    let v = run("It opened in 1990. That same year it closed.", DCT);
    assert_eq!(v[1].0, "That same year");
    assert_eq!(v[1].2, "1990");
}

#[test]
fn day_month_year_joined_by_hyphens() {
    check(
        DCT,
        &[
            (
                "The letter of 8-May-2006 was filed.",
                "8-May-2006",
                "DATE",
                "2006-05-08",
            ),
            (
                "A 12-Jan-2010 memo said so.",
                "12-Jan-2010",
                "DATE",
                "2010-01-12",
            ),
        ],
    );
}
