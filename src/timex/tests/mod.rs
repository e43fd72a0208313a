//! Tests of the timex stage, one per expression family, on sentences written for them: the
//! helpers here, the tests by topic in the submodules.

use super::*;
use crate::rules::RuleSources;
use crate::words::Vocab;
use jiff::civil::{date, Date};

fn rules() -> TimexRules {
    let src = RuleSources::embedded();
    TimexRules::compile(&src, &mut Vocab::from_rules(&src)).expect("dates.txt compiles")
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

mod calendar;
mod context;
mod durations;
mod fiscal;
mod quarters;
mod relative;
mod robust;
mod tense;
