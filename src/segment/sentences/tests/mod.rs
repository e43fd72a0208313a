//! Unit tests of the sentence splitter, one file per rule family, with our own sentences.

mod linear;
mod lists;
mod marks;
mod news;
mod quotes;
mod rule_files;

use super::*;
use crate::rules::RuleSources;
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

fn one(t: &str) {
    assert_eq!(split(t), vec![t], "expected one sentence");
}

/// Checks the output invariants: trimmed, sorted, non-overlapping, on char boundaries, inside
/// a paragraph.
fn check_invariants(t: &str) -> usize {
    let r = rules();
    let paras = paragraphs(t);
    let s = sentences(&r, t, &paras);
    let mut last = 0;
    for sp in &s {
        assert!(sp.start >= last && sp.start < sp.end, "bad span {sp:?}");
        assert!(t.is_char_boundary(sp.start) && t.is_char_boundary(sp.end));
        let txt = sp.slice(t);
        assert_eq!(txt, txt.trim());
        assert!(
            paras.iter().any(|p| p.contains(*sp)),
            "{sp:?} crosses a paragraph"
        );
        last = sp.end;
    }
    // nothing lost: every non-space character of a paragraph is in a sentence
    let visible = |x: &Span| x.slice(t).chars().filter(|c| !c.is_whitespace()).count();
    let covered: usize = s.iter().map(visible).sum();
    let all: usize = paras.iter().map(visible).sum();
    assert_eq!(covered, all, "text lost in {t:?}");
    s.len()
}
