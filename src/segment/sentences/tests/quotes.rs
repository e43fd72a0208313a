//! Quotations, parentheses and citations after a mark.

use super::*;

// --- quotations -------------------------------------------------------------------------------

#[test]
fn boundary_goes_after_the_closing_quote() {
    assert_eq!(
        split("He said the plan was “dead on arrival.” Then he left."),
        vec!["He said the plan was “dead on arrival.”", "Then he left."]
    );
    assert_eq!(
        split("She wrote, \"We won.\" Others disagreed."),
        vec!["She wrote, \"We won.\"", "Others disagreed."]
    );
    one("“We won,” she said, “and we will win again.”");
    one("'It works.' he insisted.");
}

#[test]
fn quotes_with_several_sentences_are_split_inside() {
    assert_eq!(
        split("Ortiz said. “The deal is off. We walk away. Nobody wins.”"),
        vec![
            "Ortiz said.",
            "“The deal is off.",
            "We walk away.",
            "Nobody wins.”"
        ]
    );
}

#[test]
fn speaker_after_a_question_or_exclamation() {
    one("“Are you coming?” Dana asked.");
    one("“Not again!” I yelled.");
    one("“Where to?” Mary Lee wondered.");
    assert_eq!(
        split("“Is it over?” Nobody knew that night."),
        vec!["“Is it over?”", "Nobody knew that night."]
    );
}

// --- parentheses and citations -----------------------------------------------------------------

#[test]
fn parentheses() {
    one("The mayor (She took office in May.) spoke first.");
    assert_eq!(
        split("The mayor spoke. (Her aides did not.) Then it rained."),
        vec![
            "The mayor spoke.",
            "(Her aides did not.)",
            "Then it rained."
        ]
    );
    assert_eq!(
        split("It rained all week. (source: city records)"),
        vec!["It rained all week.", "(source: city records)"]
    );
    one("The pact (signed in Oslo!) held.");
}

#[test]
fn citations_stay_with_their_sentence() {
    assert_eq!(
        split("The river froze.[3][4] Boats stopped."),
        vec!["The river froze.[3][4]", "Boats stopped."]
    );
    assert_eq!(
        split("The river froze. [12] [13] Boats stopped."),
        vec!["The river froze. [12] [13]", "Boats stopped."]
    );
    assert_eq!(
        split("The river froze. [citation needed] Boats stopped."),
        vec!["The river froze. [citation needed]", "Boats stopped."]
    );
    assert_eq!(
        split("Fees are high.12 Few pay."),
        vec!["Fees are high.12", "Few pay."]
    );
}
