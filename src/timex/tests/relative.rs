//! Relative expressions, durations, sets, clock times, modifiers and what is no timex.

use super::*;

#[test]
fn relative_words() {
    check(
        DCT,
        &[
            ("He spoke today.", "today", "DATE", "2021-12-28"),
            ("He spoke yesterday.", "yesterday", "DATE", "2021-12-27"),
            ("He speaks tomorrow.", "tomorrow", "DATE", "2021-12-29"),
            ("He speaks tonight.", "tonight", "TIME", "2021-12-28TNI"),
            ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
            (
                "It is not on the table right now.",
                "right now",
                "DATE",
                "PRESENT_REF",
            ),
            ("He recently left.", "recently", "DATE", "PAST_REF"),
            ("She currently leads.", "currently", "DATE", "PRESENT_REF"),
            ("They met last week.", "last week", "DATE", "2021-W51"),
            ("They meet next month.", "next month", "DATE", "2022-01"),
            ("It closed two years ago.", "two years ago", "DATE", "2019"),
            (
                "Sales grew earlier this year.",
                "earlier this year",
                "DATE",
                "2021",
            ),
            (
                "Troops massed in recent weeks.",
                "recent weeks",
                "DURATION",
                "PXW",
            ),
            (
                "It grew over the past decade.",
                "the past decade",
                "DATE",
                "201",
            ),
            (
                "It grew over the past three years.",
                "the past three years",
                "DURATION",
                "P3Y",
            ),
        ],
    );
}

#[test]
fn durations() {
    check(
        DCT,
        &[
            (
                "The strike lasted three weeks.",
                "three weeks",
                "DURATION",
                "P3W",
            ),
            ("It took a decade to build.", "a decade", "DURATION", "P10Y"),
            (
                "They have 48 hours to leave.",
                "48 hours",
                "DURATION",
                "PT48H",
            ),
            ("A two-year deal was signed.", "two-year", "DURATION", "P2Y"),
            (
                "It took more than four hours.",
                "more than four hours",
                "DURATION",
                "PT4H",
            ),
            (
                "It lasted twenty-four hours.",
                "twenty-four hours",
                "DURATION",
                "PT24H",
            ),
            (
                "They talked for several days.",
                "several days",
                "DURATION",
                "PXD",
            ),
        ],
    );
    assert!(run("A 40-year-old man was held.", DCT).is_empty());
}

#[test]
fn sets() {
    check(
        DCT,
        &[
            ("The paper appears weekly.", "weekly", "SET", "P1W"),
            (
                "They meet every Monday.",
                "every Monday",
                "SET",
                "XXXX-WXX-1",
            ),
            ("Rents rise each year.", "each year", "SET", "P1Y"),
            ("They meet twice a week.", "twice a week", "SET", "P1W"),
            ("He runs on Mondays.", "Mondays", "SET", "XXXX-WXX-1"),
        ],
    );
}

#[test]
fn times() {
    check(
        DCT,
        &[
            (
                "The vote opens at 2:30 p.m. today.",
                "2:30 p.m. today",
                "TIME",
                "2021-12-28T14:30",
            ),
            (
                "They land at noon Thursday.",
                "noon Thursday",
                "TIME",
                "2021-12-23T12:00",
            ),
            (
                "Polls close at 9 a.m.",
                "9 a.m.",
                "TIME",
                "2021-12-28T09:00",
            ),
            (
                "The curfew starts at midnight.",
                "midnight",
                "TIME",
                "2021-12-28T00:00",
            ),
        ],
    );
}

#[test]
fn modifiers_inside_spans() {
    let mut doc = Doc::new("t", "Talks resume in early January.");
    doc.anchor = DCT;
    tag(&rules(), &mut doc);
    assert_eq!(doc.timexes.len(), 1);
    assert_eq!(doc.slice(doc.timexes[0].span), "early January");
    assert_eq!(doc.timexes[0].value, "2022-01");
    assert_eq!(doc.timexes[0].modifier, Some("START"));
}

#[test]
fn not_timexes() {
    for text in [
        "You may go now and march on.",
        "He paid $2000 for 3.5 kilos.",
        "Call 555-1234 or visit room 1201.",
        "A second man fell.",
        "He starred in High Noon and on This Week With David.",
        "Light travels far per second.",
        "The army of 1500 soldiers left.",
        "Server 10.1.2021.5 failed.",
    ] {
        let v = run(text, DCT);
        assert!(v.iter().all(|t| t.0 == "now"), "{text:?} gave {v:?}");
    }
}

#[test]
fn determiners_and_business_periods() {
    check(
        DCT,
        &[
            (
                "It was nineteen ninety-six.",
                "nineteen ninety-six",
                "DATE",
                "1996",
            ),
            (
                "The third-quarter loss widened.",
                "third-quarter",
                "DATE",
                "2021-Q3",
            ),
            (
                "They signed the two-year deal.",
                "two-year",
                "DURATION",
                "P2Y",
            ),
            (
                "Sales beat the year-earlier third quarter.",
                "the year-earlier third quarter",
                "DATE",
                "2020-Q3",
            ),
            (
                "Net rose in the fiscal year ending soon.",
                "the fiscal year",
                "DURATION",
                "P1Y",
            ),
        ],
    );
}

#[test]
fn the_year_after_a_preposition_is_this_year() {
    check(
        DCT,
        &[
            (
                "Profit will rise for the full year.",
                "the full year",
                "DATE",
                "2021",
            ),
            (
                "Cuts come by the end of the year.",
                "the end of the year",
                "DATE",
                "2021",
            ),
        ],
    );
}

#[test]
fn a_year_ago_is_a_quarter_only_in_earnings_news() {
    let v = run("A quarter of voters left a year ago.", DCT);
    assert_eq!(v.last().map(|t| t.2.as_str()), Some("2020"));
    let v = run("Third-quarter profit fell from a year earlier.", DCT);
    assert_eq!(v.last().map(|t| t.2.as_str()), Some("2020-Q3"));
}
