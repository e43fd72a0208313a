//! Growth: for each adversarial shape of text, 1 MB costs at most 12 times what 100 KB costs,
//! counted in bytes of output (sizes, never wall-clock seconds), and the output stays under a
//! fixed multiple of the input. Instruction counts of the same shapes at 100 KB, 1 MB and 10 MB:
//! `scripts/growth.sh`.

mod common;

use common::claimex;

/// Each shape: a unit repeated to the size wanted.
const SHAPES: [(&str, &str); 7] = [
    (
        "no punctuation",
        "Ann Lee said taxes rose and John Smith said Austin grew on Monday and ",
    ),
    (
        "transcript labels",
        "WALLACE: Let us start with the budget\nPENCE: Well, look, the budget is fine\n",
    ),
    ("quote storm", "“a” “b,” he said “c” ‘d’ \"e\" "),
    (
        "one long sentence of names and dates",
        "Sen. Ann Lee of Texas met John Smith on Tuesday, May 5, 2015 in Austin and ",
    ),
    (
        "deeply nested quotes",
        "“She said ‘he told them “we said ‘no’ ” ’ ” ",
    ),
    ("many tiny paragraphs", "A.\n\n"),
    (
        "one long document",
        "“We will not raise taxes,” Sen. Ann Lee said on Tuesday. Officials agreed. ",
    ),
];

/// The output bytes of `command` on one document of `unit` repeated to about `bytes`.
fn output_bytes(command: &str, unit: &str, bytes: usize) -> (usize, usize) {
    let text = unit.repeat(bytes / unit.len());
    let doc = serde_json::json!({"id": "g", "text": text}).to_string() + "\n";
    let out = claimex(&[command, "--progress", "never", "-j", "1"], doc.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (text.len(), out.stdout.len())
}

/// The longest line of `command`'s output on `unit` repeated to about `bytes`.
fn longest_line(command: &str, unit: &str, bytes: usize) -> usize {
    let text = unit.repeat(bytes / unit.len());
    let doc = serde_json::json!({"id": "g", "text": text}).to_string() + "\n";
    let out = claimex(&[command, "--progress", "never", "-j", "1"], doc.as_bytes());
    out.stdout
        .split(|&b| b == b'\n')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// Text with no sentence end is cut into sentences of at most 4 KB, so one claim record no
/// longer lists every entity of the whole text (it did: one 1.9 MB record for 500 KB).
#[test]
fn a_text_without_sentence_ends_gives_bounded_claim_records() {
    let unit = SHAPES[0].1;
    let line = longest_line("extract", unit, 500_000);
    assert!(line < 100_000, "a claim record of {line} bytes");
}

fn grows_linearly(command: &str) {
    for (name, unit) in SHAPES {
        let (in_small, small) = output_bytes(command, unit, 100_000);
        let (in_large, large) = output_bytes(command, unit, 1_000_000);
        assert!(
            large <= 12 * small.max(1_000),
            "{command}, {name}: {small} bytes of output for {in_small}, {large} for {in_large}"
        );
        assert!(
            large <= 20 * in_large,
            "{command}, {name}: {large} bytes of output for {in_large} of text"
        );
    }
}

#[test]
fn annotate_output_grows_linearly_for_every_shape() {
    grows_linearly("annotate");
}

#[test]
fn extract_output_grows_linearly_for_every_shape() {
    grows_linearly("extract");
}
