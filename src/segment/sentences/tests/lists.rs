//! Lists, bullets, captions and date lines, web addresses, other scripts.

use super::*;

// --- lists ------------------------------------------------------------------------------------

#[test]
fn numbered_and_lettered_lists() {
    assert_eq!(
        split("1. Pack the bags 2. Lock the door 3. Leave"),
        vec!["1. Pack the bags", "2. Lock the door", "3. Leave"]
    );
    assert_eq!(
        split("a) red b) green c) blue"),
        vec!["a) red", "b) green", "c) blue"]
    );
    assert_eq!(
        split("(i) Read it. (ii) Sign it."),
        vec!["(i) Read it.", "(ii) Sign it."]
    );
    assert_eq!(
        split("First step done. 1.) Tea 2.) Milk"),
        vec!["First step done.", "1.) Tea", "2.) Milk"]
    );
    one("Pay 10 for 1. above and 20 for 2. above.");
    one("3. Results and discussion");
}

#[test]
fn bullets() {
    assert_eq!(
        split("• 4. Fold it • 5. Seal it"),
        vec!["• 4. Fold it", "• 5. Seal it"]
    );
}

#[test]
fn captions_and_date_lines() {
    assert_eq!(
        split("Figure 2.1 The flood plain in 1990."),
        vec!["Figure 2.1", "The flood plain in 1990."]
    );
    assert_eq!(
        split("Monday, June 3, 2019 Rescuers reached the village."),
        vec!["Monday, June 3, 2019", "Rescuers reached the village."]
    );
    one("Figure 2 shows the flood plain.");
}

// --- web addresses and e-mail --------------------------------------------------------------

#[test]
fn web_and_email() {
    assert_eq!(
        split("Write to press@example.org. We reply fast."),
        vec!["Write to press@example.org.", "We reply fast."]
    );
    one("Visit www.example.com or http://news.Example.org/a.html today.");
    assert_eq!(
        split("It closed.Nobody knew why."),
        vec!["It closed.", "Nobody knew why."]
    );
    one("She codes in ASP.NET daily.");
}

// --- other scripts ------------------------------------------------------------------------

#[test]
fn wide_marks_and_other_scripts() {
    assert_eq!(
        split("東京は晴れ。大阪は雨。"),
        vec!["東京は晴れ。", "大阪は雨。"]
    );
    assert_eq!(
        split("Test one．Test two．"),
        vec!["Test one．", "Test two．"]
    );
    assert_eq!(
        split("Zoë ate crêpes. Émile 😀 did not."),
        vec!["Zoë ate crêpes.", "Émile 😀 did not."]
    );
    check_invariants("e\u{301}. \u{301}. 😀. 👍🏽! ‼ ⁉ … 。");
}
