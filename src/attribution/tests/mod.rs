use crate::doc::ClaimKind;
use crate::{Pipeline, RawDoc, Rules};

/// (kind, content, speaker, cue, addressee, rule) of every attribution of `text`.
type Row = (
    ClaimKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// One pipeline for all tests (compiling the rules is the slow part).
pub(super) fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::embedded().unwrap()))
}

fn claims(text: &str) -> Vec<Row> {
    let doc = pipeline().annotate(RawDoc::new("t", text));
    let s = |sp: Option<crate::Span>| sp.map(|x| x.slice(text).to_string());
    doc.attributions
        .iter()
        .map(|a| {
            (
                a.kind,
                a.content.slice(text).to_string(),
                s(a.speaker),
                s(a.cue),
                s(a.addressee),
                a.rule.clone(),
            )
        })
        .collect()
}

fn one(text: &str) -> Row {
    let c = claims(text);
    assert_eq!(c.len(), 1, "{c:?}");
    c.into_iter().next().unwrap()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn quote_then_speaker_then_cue() {
    let c = one("“The budget is dead,” the committee chairwoman said on Friday.");
    assert_eq!(c.0, ClaimKind::Direct);
    assert_eq!(c.1, "The budget is dead,");
    assert_eq!(c.2, some("the committee chairwoman"));
    assert_eq!(c.3, some("said"));
    assert_eq!(c.5, "quote-speaker-cue");
}

#[test]
fn quote_then_cue_then_speaker_with_appositive() {
    let c = one("“We have the votes,” said Mary Quill, the senator from Vermont.");
    assert_eq!(c.1, "We have the votes,");
    assert_eq!(c.2, some("Mary Quill, the senator from Vermont"));
    assert_eq!(c.5, "quote-cue-speaker");
}

#[test]
fn speaker_cue_colon_and_comma() {
    let c = one("Gov. Tom Birch (D-OR) said: “The bridge will open in May.”");
    assert_eq!(
        (c.0, c.1.as_str()),
        (ClaimKind::Direct, "The bridge will open in May.")
    );
    assert_eq!(c.2, some("Gov. Tom Birch (D-OR)"));
    assert_eq!(c.5, "speaker-cue-colon");
    let c = one("The mayor told reporters, “Nobody will lose a job.”");
    assert_eq!(c.1, "Nobody will lose a job.");
    assert_eq!(c.4, some("reporters"));
    assert_eq!(c.5, "speaker-cue-comma");
}

#[test]
fn continuation_in_the_same_paragraph_and_the_next() {
    let c = claims(
        "“The vote is close,” Ms. Pell said. “We will know more by Tuesday night.”\n“Until then we wait for every ballot.”",
    );
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[1].1, "We will know more by Tuesday night.");
    assert_eq!(
        (c[1].2.as_deref(), c[1].3.as_deref()),
        (Some("Ms. Pell"), None)
    );
    assert_eq!(c[1].5, "quote-continuation");
    assert_eq!(c[2].2.as_deref(), Some("Ms. Pell"));
    assert_eq!(c[2].5, "paragraph-continuation");
}

#[test]
fn quote_then_dash_speaker() {
    let c = one("“Every vote counts in this county.” — Ana Ortiz");
    assert_eq!(c.2, some("Ana Ortiz"));
    assert_eq!(c.5, "quote-dash-speaker");
}

#[test]
fn mixed_reported_clause_with_a_fragment() {
    let c = one("The governor said that raising the toll is “simply not an option.” Traffic grew.");
    assert_eq!(c.0, ClaimKind::Mixed);
    assert_eq!(c.1, "raising the toll is “simply not an option.”");
    assert_eq!(c.2, some("The governor"));
}

#[test]
fn indirect_speech_both_orders() {
    let c = one("Local officials said the plant would close next year.");
    assert_eq!(
        (c.0, c.1.as_str()),
        (ClaimKind::Indirect, "the plant would close next year")
    );
    assert_eq!(c.2, some("Local officials"));
    let c = one("The plant will close next year, a company spokeswoman said.");
    assert_eq!(c.1, "The plant will close next year");
    assert_eq!(c.2, some("a company spokeswoman"));
    assert_eq!(c.5, "clause-speaker-cue");
}

#[test]
fn according_to_both_orders() {
    let c = one("According to the county clerk, turnout reached a record.");
    assert_eq!(
        (c.0, c.1.as_str()),
        (ClaimKind::AccordingTo, "turnout reached a record")
    );
    assert_eq!(c.2, some("the county clerk"));
    assert_eq!(c.3, some("According to"));
    let c = one("Turnout reached a record, according to a county report.");
    assert_eq!(c.1, "Turnout reached a record");
    assert_eq!(c.2, some("a county report"));
}

#[test]
fn told_with_addressee() {
    let c = one("Ms. Vance told the Tribune that the audit had found nothing.");
    assert_eq!(c.1, "the audit had found nothing");
    assert_eq!(c.2, some("Ms. Vance"));
    assert_eq!(c.4, some("the Tribune"));
    assert_eq!(c.5, "speaker-cue-addressee-clause");
}

#[test]
fn participle_cue_takes_the_subject() {
    // the criticism is framed by what follows "arguing": one claim (as in the seed article)
    let c = one("Farmers criticized the new tariff, arguing that it would raise feed prices.");
    assert_eq!(c.1, "it would raise feed prices");
    assert_eq!(c.2, some("Farmers"));
    assert_eq!(c.3, some("arguing"));
}

#[test]
fn reported_noun_phrase_object() {
    let c = one("The district attorney confirmed the arrest.");
    assert_eq!((c.0, c.1.as_str()), (ClaimKind::Reported, "the arrest"));
    assert_eq!(c.2, some("The district attorney"));
}

#[test]
fn nested_attribution_keeps_the_outer_one() {
    let c = one("The mayor said the chief told aides that the budget was short.");
    assert_eq!(c.2, some("The mayor"));
}

#[test]
fn nouns_and_names_are_not_cues() {
    assert!(
        claims("The United States and the Washington Post report card were discussed.").is_empty()
    );
    assert!(claims("Her claims were strong and the report was long.").is_empty());
}

#[test]
fn cues_inside_quotes_are_ignored() {
    let c = one("“I said we would win, and we did,” the coach said.");
    assert_eq!(c.2, some("the coach"));
}

#[test]
fn pathological_inputs_do_not_panic() {
    let mut t = String::from("President Ann Lee said “");
    t.push_str(&"The talks will go on. ".repeat(20_000));
    t.push_str("” on Monday.");
    let c = claims(&t);
    assert_eq!(c.len(), 1);
    let t = "“".repeat(2000) + &"”".repeat(2000);
    let _ = claims(&t);
    let t = "“a” ‘b’ \"c\" «d» ".repeat(2000);
    let _ = claims(&t);
    let t = "He said “unclosed. ".repeat(2000);
    let _ = claims(&t);
    let t = "😀 said 東京 e\u{301} told “x” according to\n".repeat(500);
    let _ = claims(&t);
}

/// The seed article (read from the shared folder when it is there; never copied into the repo).
#[test]
fn seed_claims() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(dir.join("us-russia-talks.txt")),
        std::fs::read_to_string(dir.join("us-russia-talks.gold.jsonl")),
    ) else {
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(gold.lines().next().unwrap()).unwrap();
    let pipeline = Pipeline::new(Rules::embedded().unwrap());
    let doc = pipeline.annotate(RawDoc::new("seed", text.clone()));
    let chars = |b: usize| text[..b].chars().count() as u64;
    for g in gold["claims"].as_array().unwrap() {
        if g["optional"].as_bool() == Some(true) {
            continue;
        }
        let (gs, ge) = (
            g["content"]["start"].as_u64().unwrap(),
            g["content"]["end"].as_u64().unwrap(),
        );
        let found = doc.attributions.iter().find(|a| {
            let (s, e) = (chars(a.content.start), chars(a.content.end));
            s.max(gs) < e.min(ge) && 2 * (e.min(ge) - s.max(gs)) >= ge - gs
        });
        let a = found.unwrap_or_else(|| panic!("missed {}", g["content"]["text"]));
        assert_eq!(a.kind.as_str(), g["kind"].as_str().unwrap());
        let sp = a.speaker.expect("speaker");
        let (ss, se) = (
            g["speaker"]["start"].as_u64().unwrap(),
            g["speaker"]["end"].as_u64().unwrap(),
        );
        assert!(
            chars(sp.start) < se && ss < chars(sp.end),
            "speaker of {}",
            g["content"]["text"]
        );
        if let Some(ga) = g.get("addressee").filter(|x| !x.is_null()) {
            let pa = a.addressee.expect("addressee");
            let (gs, ge) = (ga["start"].as_u64().unwrap(), ga["end"].as_u64().unwrap());
            assert_eq!((chars(pa.start), chars(pa.end)), (gs, ge));
        }
    }
}

#[test]
fn split_clause_around_the_attribution() {
    let c = claims("The new levy, the treasurer said, would hit small firms hardest.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].1, "The new levy");
    assert_eq!(c[1].1, "would hit small firms hardest");
    assert!(c.iter().all(|x| x.2.as_deref() == Some("the treasurer")));
    assert_eq!(c[0].5, "clause-speaker-cue-clause");
}

#[test]
fn coordinated_cue_takes_the_subject() {
    let c = claims("In March, the union rejected the offer and said the strike would go on.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].1, "the offer");
    let c = &c[1];
    assert_eq!(c.1, "the strike would go on");
    assert_eq!(c.2, some("the union"));
    assert_eq!(c.5, "subject-and-cue");
}

#[test]
fn colon_introduces_a_quote() {
    let c = one("The coach had one message for the fans: “We will be back next season.”");
    assert_eq!(c.1, "We will be back next season.");
    assert_eq!(c.2, some("The coach"));
    assert_eq!(c.3, None);
    assert_eq!(c.5, "subject-colon-quote");
}

#[test]
fn second_part_of_an_interrupted_quote() {
    let c = claims("“The roads are open,” the mayor said, “and the schools reopen Monday.”");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].1, "and the schools reopen Monday.");
    assert_eq!(
        (c[1].2.as_deref(), c[1].3.as_deref()),
        (Some("the mayor"), None)
    );
}

#[test]
fn a_new_sentence_does_not_attribute_the_quote_before_it() {
    let c = claims("She called the vote “a disgrace to the chamber.” He said he would appeal.");
    assert!(
        c.iter()
            .all(|x| x.2.as_deref() != Some("He") || x.0 != ClaimKind::Direct),
        "{c:?}"
    );
}

#[test]
fn sentence_final_quote_in_a_clause_is_mixed() {
    let c = one("Cutting the budget now “would be a grave mistake,” the senator said.");
    assert_eq!(c.0, ClaimKind::Mixed);
    assert_eq!(c.1, "Cutting the budget now “would be a grave mistake,”");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any mix of words, marks, cues and odd characters: no panic, spans on char boundaries.
    #[test]
    fn random_text_never_panics(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "He", "said", "told", "“", "”", "\"", "'", "‘", "’", "''", "«", "»", ",", ".", ":",
            "—", "according to", "that", "Sen.", "(R-NE)", "\n", " ", "😀", "東京", "e\u{301}",
            "officials", "the", "adding", "arguing", "Trump", "-", "?", "…",
        ]),
        0..80,
    )) {
        let text = parts.join(" ");
        let doc = pipeline().annotate(RawDoc::new("p", text.clone()));
        for a in &doc.attributions {
            for s in [Some(a.content), a.speaker, a.cue, a.addressee].into_iter().flatten() {
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
            }
        }
    }
}

#[test]
fn clause_then_attribution_then_quote() {
    // an opening phrase with no verb is no claim of its own
    let c = claims("Despite the storm, the mayor said, “the parade will go ahead as planned.”");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, ClaimKind::Direct);
    let c = claims("The budget is sound, the mayor said, “and the parade will go ahead.”");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].1, "The budget is sound");
    assert!(c.iter().all(|x| x.2.as_deref() == Some("the mayor")));
}

#[test]
fn participle_without_comma_takes_the_subject() {
    let c = one("The union issued a statement calling the cuts “a betrayal of workers.”");
    assert_eq!(c.2, some("The union"));
    assert_eq!(c.3, some("calling"));
}

#[test]
fn time_phrase_between_speaker_and_cue() {
    let c = one("The governor on Tuesday said the bridge would reopen in May.");
    assert_eq!(c.2, some("The governor"));
    assert_eq!(c.1, "the bridge would reopen in May");
}

#[test]
fn dateline_and_intro_before_the_subject() {
    let c = one(
        "BOSTON — Late on Friday, the council approved the budget, saying it protects schools.",
    );
    assert_eq!(c.2, some("the council"));
    assert_eq!(c.1, "it protects schools");
}

#[test]
fn quote_speaker_told_addressee() {
    let c = one("“The deal is done,” the envoy told reporters in Geneva.");
    assert_eq!(c.2, some("the envoy"));
    assert_eq!(c.4, some("reporters"));
    assert_eq!(c.5, "quote-speaker-cue");
}

#[test]
fn a_time_expression_is_never_the_addressee() {
    let c = one("The union warned last month that the strike could spread to the ports.");
    assert_eq!(c.1, "the strike could spread to the ports");
    assert_eq!(c.2, some("The union"));
    assert_eq!(c.4, None);
}

#[test]
fn headline_name_colon_is_an_attribution() {
    let text = "Lindsey Graham: Trade Deal Will Cost Ohio Jobs.\nThe senator spoke on Monday.";
    let c = one(text);
    assert_eq!(c.0, ClaimKind::Indirect);
    assert_eq!(c.1, "Trade Deal Will Cost Ohio Jobs");
    assert_eq!(c.2, some("Lindsey Graham"));
    assert_eq!(c.3, some(":"));
    assert_eq!(c.5, "headline-colon");
    // a mixed one: the quoted fragment stays in the content
    let c = one("Maria Alvarez: Rail Rule Is “Overdue.”\nShe spoke Monday.");
    assert_eq!(c.0, ClaimKind::Mixed);
}

#[test]
fn headline_colons_that_name_no_one_are_not_attributions() {
    for text in [
        "BOOM: Senate Passes Rail Bill.\nThe vote was close.",
        "The Latest: Senate Passes Rail Bill.\nThe vote was close.",
        "Watch: Senate Passes Rail Bill.\nThe vote was close.",
        "Lindsey Graham: Trade Deal Will Cost Ohio Jobs.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

/// The speaker of the only attribution whose cue is `cue`.
fn speaker_of(text: &str, cue: &str) -> Option<String> {
    let c = claims(text);
    let row = c.iter().find(|r| r.3.as_deref() == Some(cue));
    row.unwrap_or_else(|| panic!("no {cue:?} claim in {c:?}"))
        .2
        .clone()
}

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
    let c = claims("She attacked candidates who think they can outsource the job.");
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

mod growth;
