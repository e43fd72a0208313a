//! Tests of the lexicon: bad lines, lookups by id, longest phrases.

use super::*;
use crate::rules::{RuleError, RuleFile};

fn lex(text: &str) -> Result<Lexicon, Vec<RuleError>> {
    Lexicon::parse(&RuleFile::new("dates.txt", text.to_string()))
}

#[test]
fn bad_lines_are_errors_not_panics() {
    let e = lex("month | jan | 13\nbogus | x | 1\nunit | yr | Z\nmonth\nmod | x | NOPE\nref | x | NOW\nclock | noon | 25:00\nfuture | will | 3\nmonth | , | 1\n").unwrap_err();
    let lines: Vec<usize> = e.iter().map(|x| x.line).collect();
    assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert!(e[0].to_string().starts_with("dates.txt:1: "));
}

#[test]
fn every_first_word_finds_its_id() {
    let l = Lexicon::parse(crate::rules::RuleSources::embedded().get("dates.txt")).unwrap();
    for (w, &id) in &l.map {
        assert_eq!(l.id(w.as_bytes()), id, "{w}");
    }
    for w in [
        "",
        "x",
        "mayo",
        "jan.",
        "aprill",
        "decembers",
        "nowhere",
        "\0",
        "\0\0",
    ] {
        let want = l.map.get(w).copied().unwrap_or(NONE);
        assert_eq!(l.id(w.as_bytes()), want, "{w:?}");
    }
    assert_ne!(short_key(b"ab"), short_key(b"abb"));
    assert_ne!(short_key(b"a"), short_key(b"a\0"));
}

#[test]
fn phrases_match_longest() {
    let l = lex("number | a, a couple of | 1\nfuture | 'll\n").unwrap();
    let words = ["a", "couple", "of", "days"];
    let h = l.hit(Class::Number, 0, |j| words.get(j).copied()).unwrap();
    assert_eq!(h.end, 3);
    let words = ["'", "ll"];
    assert!(l.hit(Class::Future, 0, |j| words.get(j).copied()).is_some());
}
