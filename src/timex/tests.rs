//! Tests of the timex stage, one per expression family, on sentences written for them.

use super::*;
use crate::rules::RuleSources;
use jiff::civil::{date, Date};

fn rules() -> TimexRules {
    TimexRules::compile(&RuleSources::embedded()).expect("dates.txt compiles")
}

/// (text, type, value) of every timex of `text` with anchor `anchor`.
fn run(text: &str, anchor: Option<Date>) -> Vec<(String, &'static str, String)> {
    let mut doc = Doc::new("t", text);
    doc.anchor = anchor;
    tag(&rules(), &mut doc);
    doc.timexes
        .iter()
        .map(|t| {
            (
                doc.slice(t.span).to_string(),
                t.kind.as_str(),
                t.value.clone(),
            )
        })
        .collect()
}

fn one(text: &str, anchor: Option<Date>) -> (String, &'static str, String) {
    let v = run(text, anchor);
    assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
    v.into_iter().next().unwrap()
}

fn check(anchor: Option<Date>, cases: &[(&str, &str, &str, &str)]) {
    for (text, span, kind, value) in cases {
        let got = one(text, anchor);
        assert_eq!(
            (got.0.as_str(), got.1, got.2.as_str()),
            (*span, *kind, *value),
            "in {text:?}"
        );
    }
}

const DCT: Option<Date> = Some(date(2021, 12, 28)); // a Tuesday

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
fn anchor_from_text() {
    let v = run(
        "On December 27, 2021, they agreed to meet on January 10. It was confirmed on December 28.",
        None,
    );
    let vals: Vec<&str> = v.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(vals, vec!["2021-12-27", "2022-01-10", "2021-12-28"]);
}

#[test]
fn seed_timexes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/us-russia-talks.gold.jsonl"
    );
    let Ok(gold) = std::fs::read_to_string(path) else {
        eprintln!("SKIPPED seed_timexes: {path} is absent");
        return;
    };
    let g: serde_json::Value = serde_json::from_str(gold.lines().next().unwrap()).unwrap();
    let text = g["text"].as_str().unwrap();
    let mut doc = Doc::new("seed", text);
    tag(&rules(), &mut doc);
    let idx = crate::offsets::CharIndex::new(text);
    let got: Vec<(usize, usize, &str, &str)> = doc
        .timexes
        .iter()
        .map(|t| {
            (
                idx.char_offset(t.span.start),
                idx.char_offset(t.span.end),
                t.kind.as_str(),
                t.value.as_str(),
            )
        })
        .collect();
    let want: Vec<(usize, usize, &str, &str)> = g["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
                t["type"].as_str().unwrap(),
                t["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn pathological_inputs_do_not_panic() {
    let r = rules();
    let long_token = "9".repeat(3_000_000);
    let mixed =
        "2021年12月 Ｊａｎｕａｒｙ 10 e\u{301} 🎉 January\u{301} 10, 2021-12-2\u{0}7 ".repeat(2000);
    for text in [
        long_token.as_str(),
        mixed.as_str(),
        "",
        "'",
        "the",
        "Q",
        "12:",
        "10 a.",
        "May",
    ] {
        let mut doc = Doc::new("p", text);
        doc.anchor = DCT;
        tag(&r, &mut doc);
        for w in doc.timexes.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for t in &doc.timexes {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}

#[test]
fn narrative_reference_time() {
    let v = run(
        "Born in Leeds in 1782, she moved to York. On July 14 she married. Two years later she left; that year was hard.",
        DCT,
    );
    let vals: Vec<(&str, &str)> = v.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        vals,
        vec![
            ("1782", "1782"),
            ("July 14", "1782-07-14"),
            ("Two years later", "1784"),
            ("that year", "1784")
        ]
    );
    let v = run("The storm hit on May 3, 2020. The next day it rained.", DCT);
    assert_eq!(v[1].2, "2020-05-04");
    let v = run("The storm hit on May 3, 2020. That night it rained.", DCT);
    assert_eq!(v[1].2, "2020-05-03TNI");
    // a word of the time of writing ends the story's time
    let v = run("In 1990 it began. Yesterday it ended, on July 14.", DCT);
    assert_eq!(v[2].2, "2021-07-14");
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

/// Throughput of the stage alone: `cargo test --release --lib timex_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn timex_speed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/polnear-train.jsonl"
    );
    let Ok(corpus) = std::fs::read_to_string(path) else {
        eprintln!("SKIPPED timex_speed: {path} is absent");
        return;
    };
    let mut text = String::new();
    let file = std::env::var_os("TIMEX_FILE");
    if let Some(f) = &file {
        text = std::fs::read_to_string(f).unwrap();
    }
    for line in corpus.lines().filter(|_| file.is_none()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        text.push_str(v["text"].as_str().unwrap_or(""));
        text.push('\n');
    }
    let r = rules();
    let mut doc = Doc::new("big", text);
    doc.anchor = DCT;
    let reps: usize = std::env::var("TIMEX_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let t = std::time::Instant::now();
    for _ in 0..reps {
        tag(&r, &mut doc);
    }
    let secs = t.elapsed().as_secs_f64() / reps.max(1) as f64;
    eprintln!(
        "timex: {} bytes, {} timexes, {:.1} MB/s",
        doc.text.len(),
        doc.timexes.len(),
        doc.text.len() as f64 / secs / 1e6
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any mix of date words, numbers, punctuation and other scripts: no panic, spans on char
    /// boundaries, sorted, never overlapping.
    #[test]
    fn never_panics_on_date_soup(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "May", "the", "last", "3", "1999", "2021-12-27", "12/31/2021", "27.12.2021", ":",
                "p.m.", "a", "ago", "later", "Q", "3rd", "quarter", "’", "'", "90s", "-", "every",
                "Monday", "night", "year", "years", "999999999", "BC", "century", "é", "🎉", "年",
                ",", ".", "of", "early", "more than", "twenty", "four", "o'clock", "noon", "that",
                "\n", "Thanksgiving", "since", "will", "said", "by", "recent", "weeks",
            ]),
            0..40,
        ),
        glue in proptest::collection::vec(proptest::bool::ANY, 40),
        dated in proptest::bool::ANY,
    ) {
        let mut text = String::new();
        for (k, p) in parts.iter().enumerate() {
            text.push_str(p);
            if glue[k % glue.len()] {
                text.push(' ');
            }
        }
        let mut doc = Doc::new("p", text.as_str());
        doc.anchor = if dated { DCT } else { None };
        tag(&rules(), &mut doc);
        for w in doc.timexes.windows(2) {
            proptest::prop_assert!(w[0].span.end <= w[1].span.start);
        }
        for t in &doc.timexes {
            proptest::prop_assert!(t.span.start < t.span.end);
            proptest::prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
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
fn deadlines_point_forward_unless_past_perfect() {
    check(
        DCT,
        &[
            (
                "The repairs should end by Friday.",
                "Friday",
                "DATE",
                "2021-12-31",
            ),
            (
                "They had filed the papers by Friday.",
                "Friday",
                "DATE",
                "2021-12-24",
            ),
            (
                "Leaders will vote on it, aides said Monday.",
                "Monday",
                "DATE",
                "2021-12-27",
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
fn bad_dates_txt_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("claimex-timex-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("dates.txt"),
        "month | jan | 1\nholiday | x | 13-1-1\nfuture | will | 3\nweekday | mon\n",
    )
    .unwrap();
    let src = RuleSources::with_overrides(&dir).expect("known file name");
    let errors = match TimexRules::compile(&src) {
        Ok(_) => panic!("bad lines compiled"),
        Err(e) => e,
    };
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown[0].starts_with("dates.txt:2: "), "{shown:?}");
    assert!(shown[2].starts_with("dates.txt:4: "), "{shown:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_year_ago_is_a_quarter_only_in_earnings_news() {
    let v = run("A quarter of voters left a year ago.", DCT);
    assert_eq!(v.last().map(|t| t.2.as_str()), Some("2020"));
    let v = run("Third-quarter profit fell from a year earlier.", DCT);
    assert_eq!(v.last().map(|t| t.2.as_str()), Some("2020-Q3"));
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
fn plans_and_schedules_point_forward() {
    check(
        DCT,
        &[
            (
                "The union plans to strike on Monday.",
                "Monday",
                "DATE",
                "2022-01-03",
            ),
            (
                "The vote is set to take place on Monday.",
                "Monday",
                "DATE",
                "2022-01-03",
            ),
        ],
    );
}
