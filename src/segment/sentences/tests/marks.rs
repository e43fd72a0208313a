//! Plain marks, abbreviations and titles, initials, numbers and ellipses.

use super::*;

// --- plain marks -----------------------------------------------------------------------------

#[test]
fn plain_marks() {
    assert_eq!(split("It rained. We left."), vec!["It rained.", "We left."]);
    assert_eq!(split("Why? Because."), vec!["Why?", "Because."]);
    assert_eq!(split("Stop!! Now."), vec!["Stop!!", "Now."]);
    assert_eq!(split("Really?! Yes."), vec!["Really?!", "Yes."]);
    assert_eq!(split("No mark at all"), vec!["No mark at all"]);
}

#[test]
fn lowercase_next_word_does_not_split() {
    one("The firm, Zappo! said it would grow.");
    one("Is it huh? or what? that people say.");
    one("Mix the flour and -- voila! -- the dough rises.");
}

#[test]
fn paragraphs_are_hard_boundaries() {
    assert_eq!(
        split("PARIS MARKETS RALLY\nLONDON (Wire) - Shares rose. Bonds fell.\n\nEnd"),
        vec![
            "PARIS MARKETS RALLY",
            "LONDON (Wire) - Shares rose.",
            "Bonds fell.",
            "End"
        ]
    );
}

// --- abbreviations and titles ----------------------------------------------------------------

#[test]
fn titles_never_end_a_sentence() {
    one("Sen. Maria Lopez met Dr. Chen and Gov. Ortiz on Tuesday.");
    one("The talks, said Prof. Alder, will resume.");
    one("Bring a snack, e.g. Cheddar crackers.");
}

#[test]
fn ambiguous_abbreviations_need_a_sentence_starter() {
    assert_eq!(
        split("Exports to the U.S. rose sharply. Imports from the U.K. The latter fell."),
        vec![
            "Exports to the U.S. rose sharply.",
            "Imports from the U.K.",
            "The latter fell."
        ]
    );
    one("The U.S. Treasury and Acme Corp. Holdings agreed.");
    assert_eq!(
        split("She joined Acme Inc. He followed."),
        vec!["She joined Acme Inc.", "He followed."]
    );
    one("Rates rose in Jan. and fell in Feb. 2020 was calm.");
}

#[test]
fn number_abbreviations() {
    one("He ranked No. 3 in the poll.");
    one("See p. 12 and pp. 40-42 for the table.");
    assert_eq!(
        split("The answer was no. Then came the vote."),
        vec!["The answer was no.", "Then came the vote."]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        split("The polls closed at 8 p.m. Voters then went home."),
        vec!["The polls closed at 8 p.m.", "Voters then went home."]
    );
    one("The vote is at 10 a.m. Tuesday in the hall.");
    one("It starts at 9 a.m. EST sharp.");
    one("At 7 p.m. the doors opened.");
}

#[test]
fn unlisted_dotted_letters_are_ambiguous() {
    one("She holds a Ph.D. from Yale and an M.B.A. degree.");
    assert_eq!(
        split("He moved to the E.U. It was 1995."),
        vec!["He moved to the E.U.", "It was 1995."]
    );
}

// --- initials ---------------------------------------------------------------------------------

#[test]
fn initials() {
    one("J. R. R. Tolkien wrote it.");
    one("George W. Bush spoke to Harry S. Truman's heirs.");
    assert_eq!(
        split("The winner was Plan B. The loser was Plan C."),
        vec!["The winner was Plan B.", "The loser was Plan C."]
    );
    assert_eq!(
        split("Just you and I. Did Albert I. Kern call?"),
        vec!["Just you and I.", "Did Albert I. Kern call?"]
    );
}

// --- numbers ----------------------------------------------------------------------------------

#[test]
fn numbers() {
    one("Inflation hit 3.5 percent, or $1,204.50 a family.");
    assert_eq!(
        split("It cost $40.25. Nobody paid."),
        vec!["It cost $40.25.", "Nobody paid."]
    );
    assert_eq!(split("We sold 600. You?"), vec!["We sold 600.", "You?"]);
}

// --- ellipses -----------------------------------------------------------------------------------

#[test]
fn ellipses() {
    one("It does not reach… to the coast.");
    one("It was ... well, late.");
    assert_eq!(
        split("We waited.... Nobody came."),
        vec!["We waited....", "Nobody came."]
    );
    assert_eq!(
        split("She sighed... Then she left."),
        vec!["She sighed...", "Then she left."]
    );
    one("The plan . . . was dropped.");
    one("Ask him . . . I mean it.");
    assert_eq!(
        split("The plan failed. . . . Nobody knew why."),
        vec!["The plan failed.", ". . . Nobody knew why."]
    );
    assert_eq!(
        split("It ends here . . . . New text."),
        vec!["It ends here . . . .", "New text."]
    );
    one("\"He went [...] to the hall [...]\" (Ortiz 12).");
}
