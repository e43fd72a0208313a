//! Pathological inputs: no panic, linear time, and the output invariants on random texts.

use super::*;
use std::time::{Duration, Instant};

// --- pathological inputs: no panic, linear time ---------------------------------------------

fn timed(t: &str) -> (usize, Duration) {
    let start = Instant::now();
    let n = check_invariants(t);
    (n, start.elapsed())
}

#[test]
fn huge_paragraph_without_newline() {
    let unit = "The U.S. Sen. Smith said “no.” It ends... Or not?! See www.a.com. 1. a b) ";
    let t = unit.repeat(20_000_000 / unit.len());
    let (n, d) = timed(&t);
    assert!(n > 100_000);
    assert!(d < Duration::from_secs(60), "took {d:?}");
}

#[test]
fn single_huge_token() {
    for unit in ["a", "a.", "ab.", ".", "!?", "…", "“", "”.", "1.", "[1]"] {
        let t = unit.repeat(3_000_000 / unit.len());
        let (_, d) = timed(&t);
        assert!(d < Duration::from_secs(30), "{unit}: took {d:?}");
    }
}

#[test]
fn abbreviations_without_sentence_marks() {
    let words = [
        "the", "U.S.", "and", "Mr.", "Lee", "met", "Inc.", "in", "D.C.",
    ];
    let mut t = String::new();
    let mut x: u32 = 12345;
    for _ in 0..400_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        t.push_str(words[(x >> 16) as usize % words.len()]);
        t.push(' ');
    }
    let (_, d) = timed(&t);
    assert!(d < Duration::from_secs(30), "took {d:?}");
}

#[test]
fn many_quote_marks_and_dots() {
    for t in [
        "“".repeat(20_000),
        format!("Yes.{}", "”".repeat(20_000)),
        format!("Yes.{} Next", "”".repeat(20_000)),
        ". ".repeat(200_000),
        "a. ".repeat(200_000),
        "1. ".repeat(200_000),
        "• ".repeat(200_000),
        "(i) ".repeat(100_000),
        "[1] ".repeat(100_000),
        " .".repeat(200_000),
    ] {
        let (_, d) = timed(&t);
        assert!(d < Duration::from_secs(30), "took {d:?}");
    }
}

#[test]
fn every_prefix_of_a_mixed_text_is_safe() {
    let t = "Zoë said “No.” Ph.D. 3.5 … e\u{301}! 東京。 (a) x b) y. 😀? [1] Fig. 2.1 A";
    for (i, _) in t.char_indices() {
        check_invariants(&t[..i]);
        check_invariants(&t[i..]);
    }
}

#[test]
fn random_texts_keep_the_invariants() {
    let atoms = [
        ".",
        "!",
        "?",
        "…",
        "...",
        ". . .",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "[1]",
        "•",
        "1.",
        "2.",
        "a)",
        "b)",
        "(i)",
        "U.S.",
        "Mr.",
        "p.m.",
        "Yahoo!",
        "e\u{301}",
        "東京",
        "。",
        "😀",
        " ",
        " ",
        " ",
        "\n",
        ":",
        "Image:",
        "-",
        "—",
        "The",
        "he",
        "I",
        "J.",
        "No.",
        "5",
        "3.5",
        "www.a.com",
        "Figure 2.1",
        "Monday, May 5, 2014",
        "x",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut step = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..3000 {
        let n = (step() % 40) as usize;
        let mut t = String::new();
        for _ in 0..n {
            let r = step();
            t.push_str(atoms[(r % atoms.len() as u64) as usize]);
            if r % 3 == 0 {
                t.push(' ');
            }
        }
        check_invariants(&t);
    }
}

#[test]
fn no_sentence_is_longer_than_the_bound() {
    let cases = [
        "word ".repeat(10_000),
        "x".repeat(10_000),
        "é".repeat(6_000),
        format!("{} end. Short one.", "and then ".repeat(2_000)),
    ];
    for t in &cases {
        let r = rules();
        let s = sentences(&r, t, &paragraphs(t));
        check_invariants(t);
        assert!(s.len() >= 2, "{} sentences", s.len());
        for x in &s {
            assert!(x.end - x.start <= MAX_SENTENCE_BYTES, "{}", x.end - x.start);
        }
        // pieces of one run of words cover it whole: only white space lies between them
        for w in s.windows(2) {
            assert!(t[w[0].end..w[1].start].chars().all(char::is_whitespace));
        }
    }
    let r = rules();
    let t = cases[3].as_str();
    let s = sentences(&r, t, &paragraphs(t));
    assert_eq!(s.last().unwrap().slice(t), "Short one.");
    // a cut at white space, not inside a word
    assert!(s[0].slice(t).ends_with("then"));
}
