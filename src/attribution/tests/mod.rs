mod clauses;
mod growth;
mod speakers;

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
fn a_cue_form_opens_only_a_whole_token() {
    // "state’s" is one token (a curly apostrophe joins it), never the cue verb "state"
    let c =
        one("Nick Barbknecht, a candidate from the state’s 2nd District, said taxes will rise.");
    assert_eq!(
        c.2,
        some("Nick Barbknecht, a candidate from the state’s 2nd District,")
    );
    assert_eq!(c.3, some("said"));
    // a form of several words: the longest form at a token wins
    let c = one("Officials pointed out that the bridge was closed.");
    assert_eq!(c.3, some("pointed out"));
    assert_eq!(c.1, "the bridge was closed");
    // a form joined to the next word by a hyphen is no cue ("said-so" is one token)
    assert!(claims("The said-so of the board was enough.").is_empty());
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
