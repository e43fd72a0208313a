//! Unit tests of the sentence splitter, one group per rule family.

use super::*;
use crate::segment::paragraphs;

fn rules() -> SegmentRules {
    SegmentRules::compile(&RuleSources::embedded()).expect("embedded rules compile")
}

fn split(t: &str) -> Vec<&str> {
    let r = rules();
    sentences(&r, t, &paragraphs(t))
        .iter()
        .map(|s| s.slice(t))
        .collect()
}

#[test]
fn plain_marks() {
    assert_eq!(split("It rained. We left."), vec!["It rained.", "We left."]);
    assert_eq!(split("Why? Because."), vec!["Why?", "Because."]);
    assert_eq!(split("Stop!! Now."), vec!["Stop!!", "Now."]);
}
