//! End-to-end tests of reported-speech constructions, on invented sentences: the whole pipeline
//! runs, and each test checks the content, speaker and cue of the claim a construction makes.

use claimex::{Pipeline, RawDoc, Rules};

/// (content, speaker, cue, rule) of every attribution of `text`.
fn claims(text: &str) -> Vec<(String, Option<String>, Option<String>, String)> {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    let p = P.get_or_init(|| Pipeline::new(Rules::embedded().unwrap()));
    let doc = p.annotate(RawDoc::new("t", text));
    let s = |sp: Option<claimex::Span>| sp.map(|x| x.slice(text).to_string());
    doc.attributions
        .iter()
        .map(|a| {
            (
                a.content.slice(text).to_string(),
                s(a.speaker),
                s(a.cue),
                a.rule.clone(),
            )
        })
        .collect()
}

/// The claim whose cue is `cue`.
fn by_cue(text: &str, cue: &str) -> (String, Option<String>, Option<String>, String) {
    let all = claims(text);
    all.iter()
        .find(|c| c.2.as_deref() == Some(cue))
        .cloned()
        .unwrap_or_else(|| panic!("no claim with cue {cue:?} in {all:?}"))
}

#[test]
fn an_addressee_ends_before_a_subject_pronoun() {
    let c = by_cue(
        "The harbor master tells sailors she is staying put.",
        "tells",
    );
    assert_eq!(c.0, "she is staying put");
    assert_eq!(c.1.as_deref(), Some("The harbor master"));
}

#[test]
fn an_embedded_question_is_a_reported_clause() {
    let c = by_cue(
        "A reporter asked the harbor master how the storm had damaged the pier.",
        "asked",
    );
    assert_eq!(c.0, "how the storm had damaged the pier");
    assert_eq!(c.1.as_deref(), Some("A reporter"));
    let c = by_cue(
        "The engineer explained why the old bridge could not carry trucks.",
        "explained",
    );
    assert_eq!(c.0, "why the old bridge could not carry trucks");
}

#[test]
fn a_cue_that_wants_that_takes_a_finite_clause_without_it() {
    let c = by_cue("County records show she paid the fine in March.", "show");
    assert_eq!(c.0, "she paid the fine in March");
    assert_eq!(c.1.as_deref(), Some("County records"));
    let c = by_cue(
        "The Valley Courier claims the zoning board's decision was rushed.",
        "claims",
    );
    assert_eq!(c.0, "the zoning board's decision was rushed");
    assert_eq!(c.1.as_deref(), Some("The Valley Courier"));
    let c = by_cue(
        "The ferry captain added the crossing would resume on Sunday.",
        "added",
    );
    assert_eq!(c.0, "the crossing would resume on Sunday");
}

#[test]
fn a_that_cue_takes_no_bare_noun_phrase() {
    // "added a clause" is no reported clause: no subject and verb follow the cue
    assert!(
        claims("The committee added a new clause to the ferry contract.")
            .iter()
            .all(|c| c.2.as_deref() != Some("added"))
    );
}

#[test]
fn an_evidence_cue_takes_a_small_clause_in_ing() {
    let c = by_cue(
        "The latest survey shows the harbor master leading the race by nine points.",
        "shows",
    );
    assert_eq!(c.0, "the harbor master leading the race by nine points");
    assert_eq!(c.1.as_deref(), Some("The latest survey"));
}

#[test]
fn a_cue_opening_a_when_clause_reports_up_to_its_comma() {
    let c = by_cue(
        "When asked whether the pier would reopen, most fishermen said they doubted it.",
        "asked",
    );
    assert_eq!(c.0, "whether the pier would reopen");
    assert_eq!(c.1, None);
    assert_eq!(c.3, "when-cue-clause");
    let c = by_cue(
        "When asked whether the pier would reopen, most fishermen said they doubted it.",
        "said",
    );
    assert_eq!(c.0, "they doubted it");
}

#[test]
fn an_opening_asked_reports_its_question() {
    let c = by_cue(
        "Asked if she would seek another term, the harbor master said she would.",
        "Asked",
    );
    assert_eq!(c.0, "if she would seek another term");
    assert_eq!(c.1, None);
    assert_eq!(c.3, "start-cue-clause");
}

#[test]
fn a_passive_cue_reports_its_infinitive_with_no_speaker() {
    let c = by_cue(
        "The new ferry is expected to carry its first passengers in the spring.",
        "expected",
    );
    assert_eq!(c.0, "to carry its first passengers in the spring");
    assert_eq!(c.1, None);
    assert_eq!(c.3, "passive-to");
    // adverbs and "not" may stand between "be" and the participle
    let c = by_cue(
        "The old mill was not originally expected to reopen before the harvest.",
        "expected",
    );
    assert_eq!(c.0, "to reopen before the harvest");
    let c = by_cue(
        "The reclusive painter is said to own a dozen unsold canvases.",
        "said",
    );
    assert_eq!(c.0, "to own a dozen unsold canvases");
    assert_eq!(c.1, None);
}

#[test]
fn a_passive_cue_needs_be_before_and_to_after() {
    // an active cue keeps its speaker; "expected in" takes no infinitive
    let all = claims("The ferry company expects to carry more passengers this year.");
    assert!(all.iter().all(|c| c.3 != "passive-to"), "{all:?}");
    let all = claims("A ruling on the harbor dispute is expected in the coming weeks.");
    assert!(all.iter().all(|c| c.3 != "passive-to"), "{all:?}");
}

#[test]
fn a_source_inside_a_sentence_splits_its_content() {
    let all = claims(
        "Since early spring, according to the harbor office, nine ferries have been taken out of service.",
    );
    let got: Vec<&str> = all
        .iter()
        .filter(|c| c.3 == "according-to-intro")
        .map(|c| c.0.as_str())
        .collect();
    assert_eq!(
        got,
        [
            "Since early spring",
            "nine ferries have been taken out of service"
        ],
        "{all:?}"
    );
    assert!(all
        .iter()
        .all(|c| c.3 != "according-to-intro" || c.1.as_deref() == Some("the harbor office")));
    // a clause before the source is no introductory phrase
    let all = claims("The ferry was late, according to the harbor office, because of fog.");
    assert!(all.iter().all(|c| c.3 != "according-to-intro"), "{all:?}");
}

#[test]
fn a_time_right_after_the_cue_stays_out_of_the_clause() {
    let c = by_cue(
        "The harbor master said Tuesday the east pier was unsafe.",
        "said",
    );
    assert_eq!(c.0, "the east pier was unsafe");
    let c = by_cue(
        "The harbor master promised last month to rebuild the east pier.",
        "promised",
    );
    assert_eq!(c.0, "to rebuild the east pier");
    // a time that is the clause's subject stays in it
    let c = by_cue(
        "The harbor master said Tuesday was the calmest day.",
        "said",
    );
    assert_eq!(c.0, "Tuesday was the calmest day");
}
