//! Linear time: the attribution stage on texts of n and 4n bytes, for shapes that once made it
//! quadratic (a run-on sentence, transcript lines, participle chains, many cues in one unit).

use super::pipeline;
use crate::attribution::attributions;
use crate::doc::Doc;
use crate::RawDoc;

/// The least times (seconds) of seven runs of the attribution stage on `small` and on `large`,
/// run in turn so that both see the same load of the machine, and their attribution counts.
fn timed(small: &Doc, large: &Doc) -> ((f64, usize), (f64, usize)) {
    let rules = &pipeline().rules().attribution;
    let (mut best1, mut best4, mut n1, mut n4) = (f64::MAX, f64::MAX, 0, 0);
    for _ in 0..7 {
        let t = std::time::Instant::now();
        n1 = attributions(rules, small).len();
        best1 = best1.min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        n4 = attributions(rules, large).len();
        best4 = best4.min(t.elapsed().as_secs_f64());
    }
    ((best1, n1), (best4, n4))
}

/// Asserts that 4 times the text takes well under 16 times as long (a generous bound for
/// linear time), and finds 4 times the attributions when `scales`.
fn grows_linearly(unit: &str, bytes: usize, scales: bool) {
    let small = unit.repeat(bytes / unit.len());
    let large = unit.repeat(4 * (bytes / unit.len()));
    let d1 = pipeline().annotate(RawDoc::new("small", small));
    let d4 = pipeline().annotate(RawDoc::new("large", large));
    // a floor of 1 ms keeps timer noise on tiny runs out of the ratio; the ratio is measured
    // up to five times, because a busy machine can stall one measurement (a quadratic stage
    // fails every one)
    let mut last = String::new();
    for _ in 0..5 {
        let ((t1, n1), (t4, n4)) = timed(&d1, &d4);
        if scales {
            assert!(n1 > 0 && n4 >= 3 * n1, "{n1} → {n4} attributions");
        }
        if t4 < 10.0 * t1.max(1e-3) {
            return;
        }
        last = format!(
            "{unit:?}: {t1:.4}s for {} bytes, {t4:.4}s for 4 times as many",
            d1.text.len()
        );
    }
    panic!("{last}");
}

#[test]
fn a_run_on_sentence_takes_linear_time() {
    grows_linearly("officials said the plan would work and ", 200_000, false);
}

#[test]
fn transcript_lines_take_linear_time() {
    grows_linearly(
        "WALLACE: Let us start with the budget\nPENCE: Well, look, the budget is fine\n",
        200_000,
        true,
    );
}

#[test]
fn participles_after_objects_take_linear_time() {
    grows_linearly(
        "Republicans criticized the policy, arguing that it failed. ",
        200_000,
        true,
    );
}

#[test]
fn many_cues_in_one_unit_take_linear_time() {
    grows_linearly(
        "“we will win,” he told the group, adding that taxes rose, ",
        200_000,
        false,
    );
}
