use super::*;
use crate::rules::RuleSources;

/// The paragraphs of `text`, as the pipeline's segment stage cuts them.
fn paragraphs(text: &str) -> Vec<crate::doc::Span> {
    use crate::pipeline::{Pipeline, Rules};
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::embedded().unwrap()))
        .annotate(crate::RawDoc::new("t", text))
        .paragraphs
}

fn quotes(text: &str) -> Vec<(String, u8, bool)> {
    let rules = QuoteRules::compile(&RuleSources::embedded()).unwrap();
    scan(&rules, text, &paragraphs(text))
        .iter()
        .map(|q| (q.inner.slice(text).to_string(), q.depth, q.closed))
        .collect()
}

fn inner(text: &str) -> Vec<String> {
    quotes(text).into_iter().map(|q| q.0).collect()
}

#[test]
fn curly_straight_and_guillemets() {
    assert_eq!(
        inner("“We won,” he said. \"Again,\" she said. «Oui» et „ja“ ok."),
        vec!["We won,", "Again,", "Oui", "ja"]
    );
}

#[test]
fn nested_singles_and_apostrophes() {
    let q = quotes("“‘Go big’ is the Democrats’ plan for the ’90s, rock ’n’ roll,” he said.");
    assert_eq!(
        q,
        vec![
            (
                "‘Go big’ is the Democrats’ plan for the ’90s, rock ’n’ roll,".to_string(),
                0,
                true
            ),
            ("Go big".to_string(), 1, true),
        ]
    );
    // single marks at the top level are apostrophes, never quotations
    assert!(quotes("The Democrats’ plan for the ’90s.").is_empty());
    // straight singles inside straight doubles
    assert_eq!(
        inner("\"It's 'fine' now,\" she said."),
        vec!["It's 'fine' now,", "fine"]
    );
}

#[test]
fn multi_paragraph_quote() {
    let t = "“First part.\n“Second part.\n“Third part,” she said.\nNext.";
    assert_eq!(
        quotes(t),
        vec![(
            "First part.\n“Second part.\n“Third part,".to_string(),
            0,
            true
        )]
    );
}

#[test]
fn unclosed_quote_stays_in_its_paragraph() {
    let t = "He said “this never ends.\nA new paragraph with “a real quote” here.";
    assert_eq!(
        quotes(t),
        vec![
            ("this never ends.".to_string(), 0, false),
            ("a real quote".to_string(), 0, true)
        ]
    );
}

#[test]
fn typo_opening_mark_closes() {
    assert_eq!(inner("“We agree,“ he said."), vec!["We agree,"]);
}

#[test]
fn nyt_double_apostrophes() {
    assert_eq!(
        inner("''It is over,'' he said, ''the 'old' way.''"),
        vec!["It is over,", "the 'old' way.", "old"]
    );
}

#[test]
fn stray_closing_marks_are_ignored() {
    assert_eq!(inner("Oops” and “yes” then”."), vec!["yes"]);
}

#[test]
fn pathological_inputs_are_linear_and_safe() {
    let mut t = String::from("President Joe Biden said “");
    for _ in 0..20_000 {
        t.push_str("The talks will go on. ");
    }
    t.push_str("” on Monday.");
    assert_eq!(quotes(&t).len(), 1);
    let t = "“".repeat(20_000) + &"”".repeat(20_000);
    let _ = quotes(&t);
    let t = "“a” ‘b’ \"c\" «d» ".repeat(1000);
    assert_eq!(quotes(&t).len(), 3000);
    let t = "😀 “東京 e\u{301}” ‘".repeat(500);
    let _ = quotes(&t);
}

#[test]
fn mixed_straight_and_curly_marks_pair_up() {
    assert_eq!(
        inner("“We won,\" said Ann. \"They lost,” said Bo."),
        vec!["We won,", "They lost,"]
    );
}

proptest::proptest! {
    /// Any string: no panic, every quotation inside the text, on char boundaries, inner in outer.
    #[test]
    fn any_text_gives_sane_quotes(text in "[a-z “”\"'‘’«»„\n,.😀é]{0,200}") {
        let rules = QuoteRules::compile(&RuleSources::embedded()).unwrap();
        for q in scan(&rules, &text, &paragraphs(&text)) {
            proptest::prop_assert!(q.outer.contains(q.inner));
            proptest::prop_assert!(q.outer.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(q.inner.start) && text.is_char_boundary(q.inner.end));
        }
    }
}

#[test]
fn a_double_quotation_nests_when_both_closing_marks_follow() {
    // the author used “…” inside “…”: the inner pair nests, the outer one goes on
    let t = "“I’d rather live in what he calls “hell” than live here.” ― A reader";
    assert_eq!(
        quotes(t),
        vec![
            (
                "I’d rather live in what he calls “hell” than live here.".to_string(),
                0,
                true
            ),
            ("hell".to_string(), 1, true)
        ]
    );
    // an opening mark with no second closing mark after it starts a new quotation
    assert_eq!(
        inner("“It is over. “We go on,” she said."),
        vec!["It is over. ", "We go on,"]
    );
}
