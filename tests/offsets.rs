//! Property test: on arbitrary Unicode text, every span of every emitted layer slices the text
//! exactly as Python's `text[start:end]` (character offsets), and nothing panics.

mod common;

use claimex::io::output::{render_annotation, render_claims};
use claimex::{Pipeline, RawDoc, Rules};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::embedded().expect("embedded rules compile")))
}

/// Pieces that stress segmentation, quoting and offsets: marks, abbreviations, emoji, CJK,
/// combining marks, CRLF, BOMs, NULs.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(" said ".to_string()),
        Just(" told the Daily Caller".to_string()),
        Just(", according to officials, ".to_string()),
        Just("Sen. Ted Cruz (R-TX)".to_string()),
        Just("U.S.".to_string()),
        Just(" on January 10, 2022".to_string()),
        Just(" last Tuesday at 2:30 p.m.".to_string()),
        Just(". ".to_string()),
        Just("… ".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{0}".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("🇺🇦".to_string()),
        Just("東京".to_string()),
        Just("مرحبا".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8} ",
        "\\PC{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(piece(), 0..40)).prop_map(|(bom, parts)| {
        let body = parts.concat();
        if bom {
            format!("\u{FEFF}{body}")
        } else {
            body
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_span_slices_the_text(text in text()) {
        let doc = pipeline().annotate(RawDoc::new("p", text.clone()));
        let (bytes, _) = render_annotation(&doc);
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        common::assert_spans_slice(&value, &text);
        let (claims, n) = render_claims(&doc);
        prop_assert_eq!(common::json_lines(&claims).len(), n);
    }
}
