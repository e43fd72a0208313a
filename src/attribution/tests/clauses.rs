//! Speaker phrases in longer sentences: subjects after openings, lists, affiliations, clauses.

use super::*;

#[test]
fn shares_and_fractions_say_things() {
    let c = one("On economic issues, 42% say they are liberal.");
    assert_eq!(c.2, some("42%"));
    let c = one("A quarter, 26 percent, say they will vote for someone else.");
    assert_eq!(c.2, some("A quarter, 26 percent,"));
    assert_eq!(c.1, "they will vote for someone else");
}

#[test]
fn a_coordinated_subject_after_said_stays_in_the_clause() {
    let c = one("Cruz said both he and Rubio promised as candidates to lead the fight.");
    assert_eq!(
        c.1,
        "both he and Rubio promised as candidates to lead the fight"
    );
}

#[test]
fn an_opening_prepositional_phrase_is_no_content() {
    let t = "On property taxes, Donnelly, a Democrat, said, “Seniors have been taxed out of their homes.”";
    let c = one(t);
    assert_eq!(c.1, "Seniors have been taxed out of their homes.");
    assert_eq!(c.2, some("Donnelly, a Democrat,"));
}

#[test]
fn a_subordinate_clause_after_the_cue_ends_the_attribution() {
    let t = "Households will lose water every Monday, the ministry announced Tuesday, after reservoir levels fell to a record low.";
    let c = one(t);
    assert_eq!(c.1, "Households will lose water every Monday");
    assert_eq!(c.2, some("the ministry"));
}

#[test]
fn an_object_after_a_cue_is_no_inverted_speaker() {
    let c = claims("The World Bank, one of the donors, confirmed the meeting.");
    assert!(
        c.iter().all(|r| r.2.as_deref() != Some("the meeting")),
        "{c:?}"
    );
}

#[test]
fn an_according_to_source_keeps_its_name_in_apposition() {
    let t = "According to a spokeswoman for the authority, Teresa Gomez, the two sides will meet again Monday.";
    let c = one(t);
    assert_eq!(c.2, some("a spokeswoman for the authority, Teresa Gomez"));
    assert_eq!(c.1, "the two sides will meet again Monday");
}

#[test]
fn a_participle_and_comma_introduce_a_quotation() {
    let t = "An architect said he was stiffed after he designed a clubhouse, saying, “Maybe he didn’t like my work.”";
    let c = claims(t);
    let q = c
        .iter()
        .find(|r| r.1 == "Maybe he didn’t like my work.")
        .unwrap();
    assert_eq!(q.5, "subject-participle-quote");
    assert_eq!(q.2, some("An architect"));
}

#[test]
fn a_short_phrase_may_stand_between_the_cue_and_its_quotation() {
    let t =
        "The businessman says of the mayor, “If she gets the chance, she will sell the city hall.”";
    let c = one(t);
    assert_eq!(c.5, "speaker-cue-comma");
    assert_eq!(c.2, some("The businessman"));
}

#[test]
fn an_opening_as_for_phrase_is_no_content() {
    let t = "As for the network's political bent, he said, “What media outlet doesn't have one?”";
    let c = one(t);
    assert_eq!(c.1, "What media outlet doesn't have one?");
}

#[test]
fn a_first_person_speaker_inside_reported_words_hands_nothing_on() {
    let t = "Mayor Ann Roe told the audience that she believes we must keep pushing, saying that “race still matters.”";
    // the last speaker of the narration ("she", who is the mayor), not "we"
    assert_eq!(speaker_of(t, "saying"), some("she"));
}

#[test]
fn as_someone_put_it_introduces_a_quotation() {
    let c =
        one("As the analyst David Byler put it, “No campaign has to worry about delegates yet.”");
    assert_eq!(c.2, some("the analyst David Byler"));
    let t = "The campaign shrugged off the remarks, telling reporters, “Nobody has ever asked for that endorsement.”";
    let c = claims(t);
    let q = c.iter().find(|r| r.1.starts_with("Nobody")).unwrap();
    assert_eq!(q.2, some("The campaign"));
}

#[test]
fn what_or_which_someone_called_a_quotation_is_theirs() {
    let c = one("They formed what they called “financial supermarkets,” all-in-one shops.");
    assert_eq!(
        (c.1.as_str(), c.2.as_deref()),
        ("financial supermarkets,", Some("they"))
    );
    let c = one(
        "He backed a law against accreditors, which he called “a cartel for higher education.”",
    );
    assert_eq!(c.2, some("he"));
    // a naming without a speaker stays no claim
    assert!(claims("The film was called “Sons” and won.").is_empty());
}

#[test]
fn a_mixed_cue_takes_an_object_pronoun_before_the_quotation() {
    let t = "Trump went after Bush at the event, calling him “a total stiff.”";
    let c = one(t);
    assert_eq!(c.0, ClaimKind::Mixed);
    assert_eq!(c.1, "him “a total stiff.”");
    let c = one("Bush referred to Rubio as “a bright, charismatic leader” on Tuesday.");
    assert_eq!((c.0, c.2.as_deref()), (ClaimKind::Mixed, Some("Bush")));
}

#[test]
fn a_title_in_quotation_marks_before_the_speaker_is_no_quotation() {
    let t = "On the network’s “Sunday Morning Futures,” Rep. Tom Hale said the mayor’s “judgment” is in question.";
    let c = one(t);
    assert_eq!(c.0, ClaimKind::Mixed);
    assert_eq!(c.1, "the mayor’s “judgment” is in question");
}

#[test]
fn a_city_and_state_stay_in_the_introduction() {
    let t = "At a campaign event in Ames, Iowa, on Sunday, Mayor Ann Roe tried to explain, saying that the city should lead.";
    assert_eq!(speaker_of(t, "saying"), some("Mayor Ann Roe"));
}

#[test]
fn an_adverb_and_participle_opening_a_sentence_are_no_speaker() {
    let c = claims(
        "Hastily politicizing the attack, the mayor blamed the council and said it had failed.",
    );
    assert!(
        c.iter()
            .all(|r| r.2.as_deref() != Some("Hastily politicizing")),
        "{c:?}"
    );
}

#[test]
fn a_phrase_opened_by_after_may_stand_before_that() {
    let t = "Sen. Ann Roe said after a lunch on Tuesday that she had not read the plan.";
    let c = one(t);
    assert_eq!(c.1, "she had not read the plan");
}

#[test]
fn parenthetical_and_relative_attributions() {
    let c = one("Bob, they said, ordered them to wait.");
    assert_eq!(
        (c.1.as_str(), c.2.as_deref()),
        ("ordered them to wait", Some("they"))
    );
    let t = "The policy changes, which officials said will go into effect in a few months, are sweeping.";
    let c = one(t);
    assert_eq!(
        (c.1.as_str(), c.2.as_deref()),
        ("will go into effect in a few months", Some("officials"))
    );
}

#[test]
fn a_question_or_exclamation_does_not_end_the_attribution() {
    let c = one("“It looks like we won’t get along, who knows?” Roe told the radio station in an interview.");
    assert_eq!(c.2, some("Roe"));
    let c = one("“Compare him to the others,” Hale urged.");
    assert_eq!(
        (c.2.as_deref(), c.3.as_deref()),
        (Some("Hale"), Some("urged"))
    );
    let c = one("“You know, it happens, right?” Hale went on, as if he had not heard her.");
    assert_eq!(c.2, some("Hale"));
}

#[test]
fn a_transcript_turn_keeps_its_own_reported_words() {
    let t = "Hearing\n\nCouncil President Tom Hale opened.\n\nHALE: We will not raise taxes this year. I said that in June.\n\nROE: Then where does the money come from?";
    let c = claims(t);
    let turn = c
        .iter()
        .find(|r| r.5 == "speaker-label" && r.2.as_deref() == Some("HALE"))
        .unwrap();
    assert_eq!(
        turn.1,
        "We will not raise taxes this year. I said that in June."
    );
    assert!(c.iter().all(|r| r.2.as_deref() != Some("I")), "{c:?}");
}

#[test]
fn a_capitalized_cue_after_a_sentence_ending_quotation_opens_a_new_sentence() {
    let text = "A ministry spokesman called the meeting “constructive.” State media also said \
                the talks would resume in March.";
    let c = claims(text);
    assert!(
        c.iter().all(|r| r.3.as_deref() != Some("State")),
        "“…” State …: 'State' is no cue: {c:?}"
    );
    assert!(
        c.iter()
            .any(|r| r.2 == some("State media") && r.3 == some("said")),
        "{c:?}"
    );
}

#[test]
fn a_phrase_that_takes_no_word_is_no_inverted_speaker() {
    // "said also": a stop word right after the cue is no speaker
    let c = claims("The talks will resume in March, said also the spokesman.");
    assert!(c.iter().all(|r| r.2 != some("also")), "{c:?}");
}

#[test]
fn an_abbreviation_inside_the_speaker_is_no_sentence_end() {
    let c = one("Acme Foods Inc. said in a statement that it supported the measure.");
    assert_eq!(c.1, "it supported the measure");
    assert_eq!(c.2, some("Acme Foods Inc."));
}

#[test]
fn a_participle_takes_its_addressee_before_the_reported_clause() {
    let c = claims("The mayor disagreed, telling reporters the city had a plan that works.");
    assert!(
        c.iter().any(|r| r.1 == "the city had a plan that works"
            && r.2 == some("The mayor")
            && r.4 == some("reporters")
            && r.5 == "subject-participle-addressee"),
        "{c:?}"
    );
}

#[test]
fn an_adverb_after_a_name_ends_the_speaker() {
    let c = one("Sanders eventually conceded that the race was over.");
    assert_eq!(c.2, some("Sanders"));
    // an -ly adjective before a noun stays in the phrase
    let c = one("One early supporter said the race was over.");
    assert_eq!(c.2, some("One early supporter"));
}

#[test]
fn a_common_noun_opening_the_sentence_takes_its_prepositional_phrase() {
    let c = one("Officials from the city's finance department said the deficit was smaller.");
    assert_eq!(c.2, some("Officials from the city's finance department"));
    let c = one("Six in 10 voters said the deficit was smaller.");
    assert_eq!(c.2, some("Six in 10 voters"));
}

#[test]
fn a_capitalized_cue_word_after_a_determiner_is_a_name() {
    let c = one("The talks collapsed, according to the Post.");
    assert_eq!(c.2, some("the Post"));
}

#[test]
fn a_first_person_speaker_after_a_headline_colon_is_the_named_speaker() {
    let text = "Rubio: I Still Believe the Deal Is Dead\nSen. Marco Rubio spoke on Tuesday.";
    let c = claims(text);
    assert!(c.iter().all(|r| r.2 != some("I")), "{c:?}");
    assert!(
        c.iter()
            .any(|r| r.2 == some("Rubio") && r.5 == "headline-colon"),
        "{c:?}"
    );
}

#[test]
fn a_subject_before_a_colon_must_name_someone() {
    let c = claims("Then, later that month on television: “I never said that.”");
    assert!(c.iter().all(|r| r.2 != some("later")), "{c:?}");
    let c = claims("The campaign’s manager wrote: “We will win.”");
    assert!(c.iter().any(|r| r.1 == "We will win."), "{c:?}");
}

#[test]
fn a_participle_belongs_to_the_nearest_coordinated_clause() {
    let c = one(
        "A bill stalled in committee on Monday, and state Rep. Curtis Brandt, its sponsor, met \
         with holdouts, telling reporters the fee would pay for water.",
    );
    assert_eq!(c.1, "the fee would pay for water");
    assert_eq!(c.2, some("Rep. Curtis Brandt"));
}

#[test]
fn an_approximate_quantity_opens_a_reported_clause() {
    let c = one("The budget office said about half of the adjustment reflected lost revenue.");
    assert_eq!(c.1, "about half of the adjustment reflected lost revenue");
}

#[test]
fn a_subject_pronoun_after_a_filler_phrase_opens_the_clause_without_that() {
    let c = one("United Gun Group said in a statement Thursday night they pulled the listing.");
    assert_eq!(c.1, "they pulled the listing");
    // (but "urged him to veto it" stays one clause)
    let c = one("The mayor urged the council to veto it in the future.");
    assert!(
        c.1.starts_with("to veto") || c.1.starts_with("the council"),
        "{c:?}"
    );
}

#[test]
fn an_intro_phrase_has_no_verb_and_is_short() {
    // "In the spring" is an introductory phrase; "The mill closed" has a verb
    let n = |t: &str| {
        claims(t)
            .iter()
            .filter(|c| c.5 == "according-to-intro")
            .count()
    };
    assert_eq!(
        n("In the spring, according to the clerk, the mill reopened."),
        2
    );
    assert_eq!(
        n("The mill closed, according to the clerk, in the spring."),
        0
    );
    assert_eq!(
        n("In the long cold wet spring of that hard year, according to the clerk, the mill reopened."),
        0
    );
}

#[test]
fn a_phrase_joined_by_and_to_the_clause_opening_is_one_speaker() {
    let c = one("Mayor Roe and her aides said the plan would work.");
    assert_eq!(c.2, some("Mayor Roe and her aides"));
    let c = one("Council members and officials said the vote was fair.");
    assert_eq!(c.2, some("Council members and officials"));
    // not from inside the clause: the object of an earlier verb is no conjunct
    let c = one("The mayor thanked Ann Roe and her aides said the plan would work.");
    assert_eq!(c.2, some("her aides"));
}

#[test]
fn a_quantity_speaker_keeps_its_approximation_and_limit() {
    let c = one("Only about 4 in 10 voters said the race was fair.");
    assert_eq!(c.2, some("Only about 4 in 10 voters"));
    let c = one("More than half of the members said the vote was fair.");
    assert_eq!(c.2, some("More than half of the members"));
    let c = one("Just over a quarter said they would stay home.");
    assert_eq!(c.2, some("Just over a quarter"));
}

#[test]
fn a_raising_verb_names_no_speaker() {
    // the subject of "seemed" is what the impression is about, not who holds it
    let c = one("The mayor seemed to be losing ground in the poorer wards.");
    assert_eq!(c.1, "to be losing ground in the poorer wards");
    assert_eq!(c.2, None);
    assert_eq!(c.5, "raising");
    let c = one("It appears the ferry will not run this winter.");
    assert_eq!(c.1, "the ferry will not run this winter");
    assert_eq!(c.2, None);
}

#[test]
fn a_cue_after_a_raising_verb_keeps_its_speaker() {
    let c = one("The clerk appeared to suggest that the records had been moved.");
    assert_eq!(c.1, "the records had been moved");
    assert_eq!(c.2, some("The clerk"));
    assert_eq!(c.3, some("suggest"));
    // a noun-like cue form counts too: "seem to show"
    let c = one("The ledgers seem to show that the mill lost money.");
    assert_eq!(c.2, some("The ledgers"));
    assert_eq!(c.1, "the mill lost money");
}

#[test]
fn a_raising_verb_inside_a_clause_does_not_end_it() {
    let c = claims("Engineers noted that the gauge had been reset, although it did not appear that any reading was lost.");
    let outer = c
        .iter()
        .find(|r| r.3 == some("noted"))
        .expect("the noted claim");
    assert_eq!(
        outer.1,
        "the gauge had been reset, although it did not appear that any reading was lost"
    );
}

#[test]
fn a_claim_of_the_writer_does_not_break_a_speaker_continuation() {
    let c = claims("Mayor Ann Roe said the count was fair. The measure seemed to be heading for a narrow win. “We counted every single ballot twice.”");
    let quote = c
        .iter()
        .find(|r| r.1.starts_with("We counted"))
        .expect("the quotation");
    assert_eq!(quote.2, some("Mayor Ann Roe"));
}

#[test]
fn a_currency_sign_stays_inside_an_object() {
    let c = one("The mayor proposed a $68 million budget.");
    assert_eq!(c.1, "a $68 million budget");
    assert_eq!(c.3, some("proposed"));
}

#[test]
fn a_possessive_or_a_year_may_stand_between_cue_and_that() {
    let c = one("The league wrote to the mayor’s office that it had no permit.");
    assert_eq!(c.1, "it had no permit");
    let c = one("The senator said in ’08 that the plan would fail.");
    assert_eq!(c.1, "the plan would fail");
}

#[test]
fn an_infinitive_needs_no_that() {
    let c = one("On Monday, the council decided to close the bridge.");
    assert_eq!(
        (c.2.as_deref(), c.1.as_str()),
        (Some("the council"), "to close the bridge")
    );
}

#[test]
fn was_asked_to_names_no_speaker() {
    let c = one("The mayor was asked to name a single achievement.");
    assert_eq!((c.2, c.1.as_str()), (None, "to name a single achievement"));
}

#[test]
fn a_passive_with_an_adverb_names_no_speaker() {
    let c = claims("The meeting was first reported by the Ledger.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_time_expression_alone_is_no_content() {
    let c = claims("As the Ledger reported just today, the inspector issued subpoenas.");
    assert!(c.iter().all(|r| r.1 != "just today"), "{c:?}");
}

#[test]
fn as_the_source_reported_takes_the_clause_after_the_comma() {
    let c = one("As the Ledger reported, the inspector issued subpoenas to the foundation.");
    assert_eq!(c.1, "the inspector issued subpoenas to the foundation");
    assert_eq!(
        (c.2.as_deref(), c.5.as_str()),
        (Some("the Ledger"), "as-speaker-cue-clause")
    );
}

#[test]
fn a_quotation_inside_an_object_makes_it_mixed() {
    let c = one("The mayor decried the council for “turning its back” on workers.");
    assert_eq!(c.0, ClaimKind::Mixed);
    assert_eq!(c.1, "the council for “turning its back” on workers");
}

#[test]
fn note_show_and_mention_take_a_clause_without_that() {
    let c = one("The senator noted the plan had failed.");
    assert_eq!(c.1, "the plan had failed");
    let c = one("The poll showed voters were angry.");
    assert_eq!(c.1, "voters were angry");
}

#[test]
fn citing_after_a_quotation_reports_its_object() {
    let c = claims("“It is anger,” the senator said, citing low growth and unemployment.");
    let r = c
        .iter()
        .find(|r| r.3.as_deref() == Some("citing"))
        .expect("a claim");
    assert_eq!(
        (r.1.as_str(), r.2.as_deref()),
        ("low growth and unemployment", Some("the senator"))
    );
}
