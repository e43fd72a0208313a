//! The tense around an expression: past-tense verbs, future cues and what a date without a year
//! or a weekday then means.

use super::*;

#[test]
fn past_tense_keeps_months_back_up_to_ten_months() {
    let nov = Some(date(2021, 11, 2));
    check(
        nov,
        &[
            // eight months back: past after "stepped down", else the nearer March ahead
            ("He stepped down in March.", "March", "DATE", "2021-03"),
            ("The office opens in March.", "March", "DATE", "2022-03"),
            (
                "The chain bought the stores in February.",
                "February",
                "DATE",
                "2021-02",
            ),
            // a participle after "be" is no past tense
            ("It will be completed in March.", "March", "DATE", "2022-03"),
        ],
    );
    check(
        Some(date(2021, 10, 31)),
        &[(
            "The offer ended Jan. 31, the firm said.",
            "Jan. 31",
            "DATE",
            "2021-01-31",
        )],
    );
    // more than ten months back is too far: the date ahead is meant
    check(
        Some(date(2021, 10, 26)),
        &[(
            "The board declared a dividend, payable Dec. 15.",
            "Dec. 15",
            "DATE",
            "2021-12-15",
        )],
    );
}

#[test]
fn plans_point_forward() {
    check(
        DCT,
        &[
            (
                "The team planned to leave on Thursday.",
                "Thursday",
                "DATE",
                "2021-12-30",
            ),
            (
                "The team left on Thursday.",
                "Thursday",
                "DATE",
                "2021-12-23",
            ),
            (
                "The new rate is effective Jan. 3.",
                "Jan. 3",
                "DATE",
                "2022-01-03",
            ),
        ],
    );
}

/// The values of every timex of `text` with the test anchor.
fn values(text: &str) -> Vec<String> {
    run(text, DCT).into_iter().map(|t| t.2).collect()
}

#[test]
fn story_year_yields_to_future_and_years_ahead() {
    // the year told of is kept in its paragraph ...
    assert_eq!(
        values("The mill closed in 1998 and reopened in March."),
        ["1998", "1998-03"]
    );
    // ... but not for a date a future cue looks ahead to
    assert_eq!(
        values("They were invited in July 2015 and will join on March 12."),
        ["2015-07", "2022-03-12"]
    );
    // a year ahead ("notes due 2030") tells no story
    assert_eq!(
        values("It sold notes due 2030; the rights expire Dec. 30."),
        ["2030", "2021-12-30"]
    );
}

#[test]
fn month_range_takes_the_year_of_its_end() {
    assert_eq!(
        values("Output was low from March to August 2011."),
        ["2011-03", "2011-08"]
    );
}

#[test]
fn the_weekend_is_the_one_just_gone_unless_ahead() {
    // the anchor is a Tuesday of ISO week 52: the weekend gone closed week 51
    check(
        DCT,
        &[
            (
                "Talks went on over the weekend.",
                "the weekend",
                "DATE",
                "2021-W51-WE",
            ),
            (
                "Traders sold ahead of the weekend.",
                "the weekend",
                "DATE",
                "2021-W52-WE",
            ),
            (
                "They will meet over the weekend.",
                "the weekend",
                "DATE",
                "2021-W52-WE",
            ),
        ],
    );
    // on a Saturday the weekend is the present one
    check(
        Some(date(2021, 12, 25)),
        &[(
            "Crowds came over the weekend.",
            "the weekend",
            "DATE",
            "2021-W51-WE",
        )],
    );
}

#[test]
fn last_before_a_month_and_day_leaves_the_date() {
    check(
        Some(date(2021, 4, 19)),
        &[(
            "He was hurt last Oct. 23 at home.",
            "Oct. 23",
            "DATE",
            "2020-10-23",
        )],
    );
}

#[test]
fn a_plan_in_the_past_perfect_lies_behind() {
    check(
        DCT,
        &[
            (
                "The offer had been due to expire Friday.",
                "Friday",
                "DATE",
                "2021-12-24",
            ),
            (
                "The offer is due to expire Friday.",
                "Friday",
                "DATE",
                "2021-12-31",
            ),
        ],
    );
}

#[test]
fn this_weekday_is_the_day_of_the_anchor_week() {
    // DCT is a Tuesday: "this Friday" is three days ahead, "this Monday" the day before
    check(
        DCT,
        &[
            (
                "The club meets this Friday.",
                "this Friday",
                "DATE",
                "2021-12-31",
            ),
            (
                "The club met this Monday.",
                "this Monday",
                "DATE",
                "2021-12-27",
            ),
        ],
    );
    // "a present" is a gift, not this week
    assert_eq!(
        run("She sent him a present Saturday.", DCT)[0].0,
        "Saturday"
    );
}

#[test]
fn intentions_point_forward() {
    check(
        DCT,
        &[
            (
                "We are supposed to hike on Thursday.",
                "Thursday",
                "DATE",
                "2021-12-30",
            ),
            (
                "I look forward to our talk on Friday.",
                "Friday",
                "DATE",
                "2021-12-31",
            ),
            (
                "The ferry is about to resume service on Sunday.",
                "Sunday",
                "DATE",
                "2022-01-02",
            ),
        ],
    );
}
