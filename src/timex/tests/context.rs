//! What the surroundings change: the anchor found in the text, tense and deadlines, the narrative reference time, the seed texts.

use super::*;

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
