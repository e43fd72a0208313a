//! Bad rule files, pathological inputs, random date soup, and the stage's throughput.

use super::*;

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
    let errors = match TimexRules::compile(&src, &mut Vocab::default()) {
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
