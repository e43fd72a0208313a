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
