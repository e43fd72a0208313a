//! Speaker phrases: what the chunker takes as the source, and what it refuses.

use super::*;

#[test]
fn a_time_phrase_before_the_cue_is_skipped_not_the_speaker() {
    let t = "Harbor Bank just this month announced it would end the bonuses in January.";
    assert_eq!(speaker_of(t, "announced"), some("Harbor Bank"));
    let t = "The mayor at the time said the bridge was safe.";
    assert_eq!(speaker_of(t, "said"), some("The mayor"));
}

#[test]
fn a_floating_quantifier_hands_on_to_the_subject_before_it() {
    let t = "Senators Ann Roe (D-Ore.) and Bill Shaw (D-Ohio) have both argued that the fund is broken.";
    let sp = speaker_of(t, "argued").unwrap();
    assert!(sp.ends_with("Bill Shaw (D-Ohio)"), "{sp}");
    assert!(sp.contains("Ann Roe"), "{sp}");
}

#[test]
fn an_adjective_before_a_noun_cue_is_no_speaker() {
    // "a false claim that …": "claim" is a noun here; "a false" cannot be its subject
    let c = claims("He repeated a false claim that he had opposed the war from the start.");
    assert!(c.iter().all(|r| r.2.as_deref() != Some("a false")), "{c:?}");
    // a plural subject still takes the bare verb
    let t = "Some analysts claim that the deal will collapse within a year.";
    assert_eq!(speaker_of(t, "claim"), some("Some analysts"));
}

#[test]
fn an_opening_participle_is_no_speaker() {
    let t =
        "Having announced that he would not send me to prison, Judge Berman smiled at the room.";
    let c = claims(t);
    assert!(c.iter().all(|r| r.2.as_deref() != Some("Having")), "{c:?}");
}

#[test]
fn an_introduction_with_commas_is_skipped_before_the_subject() {
    let t = "Chastened by the analyses, as well as complaints over its costs, Mayor Dan Ortiz revised his plan, promising to focus on renters.";
    assert_eq!(speaker_of(t, "promising"), some("Mayor Dan Ortiz"));
}

#[test]
fn a_quotation_after_a_sentence_about_a_named_person_is_theirs() {
    let t = "On Sunday, Sen. Rita Vale, who lost the primary, named fatigue as the reason. \
             “The young are tired of waiting for change.”";
    let c = one(t);
    assert_eq!(c.2, some("Sen. Rita Vale"));
    assert_eq!(c.5, "quote-introduced");
    // a paragraph ending in a colon introduces the quotation that opens the next one
    let t = "The Daily Ledger reports:\n\n“Only a quarter of the donors gave less than two hundred dollars.”";
    let c = one(t);
    assert_eq!(c.2, some("The Daily Ledger"));
    // a sentence about a thing introduces nobody
    let t = "The storm closed the port. “Nobody expected it to last four days.”";
    assert_eq!(one(t).2, None);
}

#[test]
fn a_new_subject_and_cue_after_and_end_the_reported_clause() {
    let t = "Republicans said the agency mishandled the case and Democrats accused the party of stoking it.";
    let c = claims(t);
    let said = c.iter().find(|r| r.3.as_deref() == Some("said")).unwrap();
    assert_eq!(said.1, "the agency mishandled the case");
}

#[test]
fn transcript_lines_belong_to_their_labels() {
    let t = "Debate night\n\nWALLACE: Why would he do that?\n\nREYES: Well, look, it was a stunt.\n\nWALLACE: Do you see them as equal?\n\nREYES: No, I do not.";
    let c = claims(t);
    let rows: Vec<(&str, &str)> = c
        .iter()
        .filter(|r| r.5 == "speaker-label")
        .map(|r| (r.2.as_deref().unwrap(), r.1.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("WALLACE", "Why would he do that?"),
            ("REYES", "Well, look, it was a stunt."),
            ("WALLACE", "Do you see them as equal?"),
            ("REYES", "No, I do not."),
        ]
    );
    // one capitalized label that names no one found in the text is a heading, not a speaker
    let c = claims("News\n\nBREAKING: The bridge is closed until Friday.");
    assert!(c.iter().all(|r| r.5 != "speaker-label"), "{c:?}");
}

#[test]
fn a_name_with_a_long_appositive_after_a_quotation_speaks() {
    let t = "“It has the virtue of being responsible,” Leonard E. Burman, director of the Tax Policy Center and a professor at the Maxwell School, said of the plan.";
    let c = one(t);
    assert_eq!(c.5, "quote-speaker-cue");
    let sp = c.2.unwrap();
    assert!(sp.starts_with("Leonard E. Burman, director"), "{sp}");
}

#[test]
fn a_name_that_opens_the_sentence_keeps_its_long_appositive() {
    let t = "Ann Kowal, a nurse from Ava, Mo., who leads the local union and backs Mr. Hale, said the wards were short of staff.";
    let c = one(t);
    assert_eq!(c.5, "speaker-cue-clause");
    let sp = c.2.unwrap();
    assert!(sp.starts_with("Ann Kowal, a nurse"), "{sp}");
    // titles before the name and a participle phrase in the appositive
    let t = "Sen. Ted Marsh, R-Fla., appearing on a radio show after the speech, said the plan would fail.";
    let sp = one(t).2.unwrap();
    assert!(sp.starts_with("Sen. Ted Marsh, R-Fla., appearing"), "{sp}");
    // an opening phrase before the name is no name
    let t = "In a statement, the agency, which runs the program, said it would act.";
    let sp = one(t).2.unwrap();
    assert!(!sp.starts_with("In"), "{sp}");
}

#[test]
fn a_slash_joins_two_names_in_a_speaker() {
    let c = one("The race is tied, according to a New York Times/CBS News poll.");
    assert_eq!(c.2, some("a New York Times/CBS News poll"));
    let c = one("A CNN/WMUR poll found that Sanders leads.");
    assert_eq!(c.2, some("A CNN/WMUR poll"));
}

#[test]
fn an_according_to_source_reads_through_by_and_a_noun_cue() {
    let c = one("Turnout was high, according to a tally by the Associated Press.");
    assert_eq!(c.2, some("a tally by the Associated Press"));
    let c = one("Revenue fell, according to the state Division of Gaming Enforcement.");
    assert_eq!(c.2, some("the state Division of Gaming Enforcement"));
    let c = one("The news is biased, according to a post from Ann Rowe.");
    assert_eq!(c.2, some("a post from Ann Rowe"));
}

#[test]
fn a_sentence_subject_is_found_after_its_opening() {
    // a determiner opens the subject, not an introduction
    let c = one("The Gazette quoted Ann Rowe, a local nurse, as saying that the ward was closed.");
    assert_eq!(c.2, some("The Gazette"));
    // a time phrase before a comma opens the sentence
    let c =
        one("Minutes later, the campaign issued a statement saying that the remark was a joke.");
    assert_eq!(c.2, some("the campaign"));
    // an interjection, and a negated auxiliary after the subject
    let c = one("Well, if you read closely, Hale wasn't saying that the plan would fail.");
    assert_eq!(c.2, some("Hale"));
    // a name in apposition completes a description before a cue-less quotation
    let c =
        claims("His former partner at Lenox, Tom Hale, called him a master. “He made deals work.”");
    let last = c.last().unwrap();
    assert_eq!(last.5, "quote-introduced");
    assert_eq!(last.2, some("His former partner at Lenox, Tom Hale"));
}

#[test]
fn a_restrictive_relative_clause_belongs_to_the_speaker() {
    let c = one("Even Republicans who have praised his candidacy warned that the party may split.");
    assert_eq!(c.2, some("Even Republicans who have praised his candidacy"));
    // a cue right after "who" is the relative clause's own verb
    let c = claims("She met candidates who think they can outsource the job.");
    assert!(c.iter().any(|r| r.2.as_deref() == Some("who")), "{c:?}");
}

#[test]
fn the_phrase_after_told_is_an_addressee_never_a_speaker() {
    let t = "Sanders “is tapping into something deep inside the Party, which is tired of the system,” Ann Rowe, a Clinton supporter, told the New Yorker.";
    let c = one(t);
    assert_eq!(c.5, "quote-speaker-cue");
    assert_eq!(c.2, some("Ann Rowe, a Clinton supporter,"));
    assert!(claims("The plan is dead, told the New Yorker.")
        .iter()
        .all(|r| r.2.as_deref() != Some("the New Yorker")));
}

#[test]
fn a_time_expression_after_the_cue_is_no_speaker() {
    let c = claims("The veto will be overridden, said Tuesday in a statement.");
    assert!(c.iter().all(|r| r.2.as_deref() != Some("Tuesday")), "{c:?}");
}

#[test]
fn a_long_prepositional_introduction_is_skipped() {
    let t = "With Democratic leaders increasingly worried about a lack of passion among young voters, President Tom Hale is rolling out a new message: “It is about me now.”";
    let c = claims(t);
    let q = c.iter().find(|r| r.1 == "It is about me now.").unwrap();
    assert_eq!(q.2, some("President Tom Hale"));
}

#[test]
fn a_list_of_names_joined_by_and_is_one_speaker() {
    let t = "Sens. Ann Roe (D-Ore.), Bill Shaw (D-Ohio) and Carl Dunn (D-N.J.) all suggested that the claims were grounds for a case.";
    let sp = speaker_of(t, "suggested").unwrap();
    assert!(sp.starts_with("Ann Roe (D-Ore.), Bill Shaw"), "{sp}");
}

#[test]
fn a_party_and_state_affiliation_stays_with_the_speaker() {
    let t = "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
    let c = one(t);
    assert_eq!(c.5, "quote-speaker-cue");
    assert_eq!(c.2, some("Senate Majority Leader Mitch McConnell, R-Ky.,"));
}

#[test]
fn an_opening_according_to_source_runs_to_its_comma() {
    let t = "According to early results of exit polls conducted for the Daily Ledger by Edison Research, most voters were angry.";
    let c = one(t);
    assert_eq!(c.0, ClaimKind::AccordingTo);
    assert_eq!(c.1, "most voters were angry");
    assert_eq!(
        c.2,
        some("early results of exit polls conducted for the Daily Ledger by Edison Research")
    );
}

#[test]
fn verbs_of_praise_and_blame_report_their_object() {
    let c = one("Mayor Ann Roe blasted the council's budget plan on Monday.");
    assert_eq!(c.2, some("Mayor Ann Roe"));
    assert_eq!(c.3, some("blasted"));
    assert_eq!(c.1, "the council's budget plan");
}

#[test]
fn a_subject_of_two_names_joined_by_and_is_whole() {
    let t = "Mayor Ann Roe and Governor Bill Shaw appeared together on Monday, saying that the bridge would reopen.";
    assert_eq!(
        speaker_of(t, "saying"),
        some("Mayor Ann Roe and Governor Bill Shaw")
    );
}

#[test]
fn a_name_after_a_dash_before_a_colon_speaks() {
    let t = "Digest\n\nHIGH TURNOUT CHANGES LITTLE IN OTHER STATES - Michael P. Dunn: “Higher turnout is not a sign of anything at all.”";
    let c = claims(t);
    let q = c
        .iter()
        .find(|r| r.1.starts_with("Higher turnout"))
        .unwrap();
    assert_eq!(q.2, some("Michael P. Dunn"));
    // a place or medium before the colon is no speaker
    let t = "Mayor Ann Roe wrote on Twitter: “We will rebuild the bridge this year.”";
    let c = claims(t);
    assert!(c.iter().all(|r| r.2.as_deref() != Some("Twitter")), "{c:?}");
}

#[test]
fn an_according_to_source_reads_through_names_and_superlatives() {
    let c = one("The emails were deleted in 2014, according to a State Department spokesman.");
    assert_eq!(c.2, some("a State Department spokesman"));
    let c = one("Clinton raised $20 million, according to the Center for Responsive Politics.");
    assert_eq!(c.2, some("the Center for Responsive Politics"));
    let c = one("Roe leads by 10 points, according to the most recent average of national polls.");
    assert_eq!(c.2, some("the most recent average of national polls"));
}

#[test]
fn a_cue_and_colon_ending_a_paragraph_take_the_next_paragraphs_quotation() {
    let t =
        "Mayor Ann Roe told reporters:\n\n“We will rebuild the bridge before the winter comes.”";
    let c = one(t);
    assert_eq!(c.2, some("Mayor Ann Roe"));
    assert_eq!(c.5, "speaker-cue-colon");
}

#[test]
fn the_name_before_a_participle_after_with_is_its_subject() {
    let t = "The interview ended with Rachel Maddow asking the mayor whether she would run again.";
    assert_eq!(speaker_of(t, "asking"), some("Rachel Maddow"));
}

#[test]
fn a_quotation_signed_by_the_next_paragraph_is_the_signers() {
    let t = "Fact check\n\n“Almost all new income is going to the top 1 percent.”\n\n- Ann Roe\n\nWe looked into it.";
    let c = one(t);
    assert_eq!(c.2, some("Ann Roe"));
    assert_eq!(c.5, "quote-byline");
}

#[test]
fn according_to_a_source_and_a_colon_introduce_a_quotation() {
    let c = one("According to the Daily Ledger: “The senator has had a mixed record on taxes.”");
    assert_eq!(
        (c.0, c.2.as_deref()),
        (ClaimKind::Direct, Some("the Daily Ledger"))
    );
    assert_eq!(c.5, "according-to-colon");
}

#[test]
fn an_opening_adverb_before_the_speaker_is_no_content() {
    let c = one("Still, he said, officials have to decide who gets extra scrutiny.");
    assert_eq!(c.1, "officials have to decide who gets extra scrutiny");
    assert_eq!(c.2, some("he"));
}

#[test]
fn a_speaker_after_the_cue_may_carry_a_relative_clause() {
    let c = one("Defending that terrain is squarely his strength, said a handful of Democrats who point to his record.");
    assert_eq!(c.2, some("a handful of Democrats"));
    assert_eq!(c.1, "Defending that terrain is squarely his strength");
}

#[test]
fn an_adverb_between_commas_stands_between_speaker_and_cue() {
    let c = one("The county survey has, however, revealed that most residents want the park.");
    assert_eq!(c.2, some("The county survey"));
    assert_eq!(c.1, "most residents want the park");
    let c = one("Inspectors never quite realized that the pumps had failed.");
    assert_eq!(c.2, some("Inspectors"));
}

#[test]
fn the_subject_of_an_absolute_participle_is_the_phrase_before_it() {
    let t = "The measure passed 51 to 38, with 10 percent of members not planning to vote.";
    let c = claims(t);
    let r = c
        .iter()
        .find(|r| r.3.as_deref() == Some("planning"))
        .expect("a claim");
    assert_eq!(r.2, some("10 percent of members"));
    let c = one("The two are tied, with polls showing the mayor's lead has vanished.");
    assert_eq!(c.2, some("polls"));
}

#[test]
fn a_name_the_chunker_cannot_read_between_quotation_and_cue() {
    let c = one("“Prices keep rising,” Fight for $20 organizer Dana Lopez told the station.");
    assert_eq!(c.2, some("Fight for $20 organizer Dana Lopez"));
    assert_eq!(c.5, "quote-speaker-cue");
    // a conjunction opens a clause, not a speaker
    let c = claims("“We will win,” and Dana Lopez told the station so.");
    assert!(
        c.iter().all(|r| r.2.as_deref() != Some("and Dana Lopez")),
        "{c:?}"
    );
}

#[test]
fn reported_and_vowed_follow_a_quotation() {
    let c = one("“The plant will close in May,” the Daily Ledger reported.");
    assert_eq!(
        (c.2.as_deref(), c.5.as_str()),
        (Some("the Daily Ledger"), "quote-speaker-cue")
    );
    let c = one("“We will rebuild the bridge,” the mayor vowed.");
    assert_eq!(c.2, some("the mayor"));
}

#[test]
fn a_capitalized_cue_form_inside_a_name_is_no_cue() {
    let c = one("“The levee will hold,” said State Senator Ana Ruiz.");
    assert_eq!(c.2, some("State Senator Ana Ruiz"));
}

#[test]
fn coordinated_descriptions_after_a_quotation() {
    let c = one("“The levee will hold,” the county engineer and the mayor said.");
    assert_eq!(c.2, some("the county engineer and the mayor"));
}

#[test]
fn a_letter_reads() {
    let c = one("“We regret the delay,” the letter read.");
    assert_eq!(
        (c.2.as_deref(), c.3.as_deref()),
        (Some("the letter"), Some("read"))
    );
}

#[test]
fn a_capitalized_function_word_opens_a_name() {
    let c = one("“Costs keep rising,” said Will Doyle, a professor at the state college.");
    assert_eq!(c.2, some("Will Doyle, a professor at the state college"));
}
