//! Tests of the entity tagger on sentences written for them.

use crate::doc::RawDoc;
use crate::{Pipeline, Rules};

fn ents(text: &str) -> Vec<(String, &'static str)> {
    let p = Pipeline::new(Rules::embedded().unwrap());
    let doc = p.annotate(RawDoc::new("t", text));
    let mut last = 0;
    for e in &doc.entities {
        assert!(e.span.start >= last, "overlap or unsorted");
        last = e.span.end;
    }
    doc.entities
        .iter()
        .map(|e| (doc.slice(e.span).to_string(), e.label.as_str()))
        .collect()
}

fn has(v: &[(String, &str)], s: &str, l: &str) -> bool {
    v.iter().any(|(a, b)| a == s && *b == l)
}

#[test]
fn titles_stay_outside_person() {
    let v = ents("Yesterday Sen. Maria Lopez (D-NM) met President Tom Walker in Ottawa.");
    assert!(has(&v, "Maria Lopez", "PERSON"), "{v:?}");
    assert!(has(&v, "Tom Walker", "PERSON"), "{v:?}");
    assert!(has(&v, "Ottawa", "GPE"), "{v:?}");
}

#[test]
fn demonym_title_name() {
    let v = ents("A talk with Brazilian Foreign Minister Paulo Rezende ended early.");
    assert!(has(&v, "Brazilian", "NORP"), "{v:?}");
    assert!(has(&v, "Paulo Rezende", "PERSON"), "{v:?}");
}

#[test]
fn determiner_and_possessive_outside() {
    let v = ents(
        "Officials from the United States praised Canada’s plan and the Morning Ledger said so.",
    );
    assert!(has(&v, "United States", "GPE"), "{v:?}");
    assert!(has(&v, "Canada", "GPE"), "{v:?}");
    assert!(has(&v, "Morning Ledger", "ORG"), "{v:?}");
}

#[test]
fn heads_decide_labels() {
    let v = ents(
        "She studied at the University of Nebraska, swam in Lake Tovar and walked down Elm Street.",
    );
    assert!(has(&v, "University of Nebraska", "ORG"), "{v:?}");
    assert!(has(&v, "Lake Tovar", "LOC"), "{v:?}");
    assert!(has(&v, "Elm Street", "FAC"), "{v:?}");
    let v =
        ents("Lawmakers debated the Clean Water Act and the Harlow Widget Corporation objected.");
    assert!(has(&v, "Clean Water Act", "LAW"), "{v:?}");
    assert!(has(&v, "Harlow Widget Corporation", "ORG"), "{v:?}");
}

#[test]
fn sentence_start_needs_evidence() {
    let v = ents("Meanwhile the talks stalled. Nobody came. Grumbles were heard from Oslo.");
    assert_eq!(v, vec![("Oslo".to_string(), "GPE")]);
    let v = ents("Kowalczyk arrived late. Everyone waited for Kowalczyk.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|(_, l)| *l == "PERSON"));
}

#[test]
fn surnames_follow_full_names() {
    let v = ents("Dara Okonkwo won. Later, reporters asked Okonkwo about it.");
    assert!(has(&v, "Dara Okonkwo", "PERSON"));
    assert!(has(&v, "Okonkwo", "PERSON"));
}

#[test]
fn acronyms_and_norp_groups() {
    let v = ents(
        "Republicans and Democrats argued while NATO and the Xavier Yards Zinc Board watched. \
         The XYZB said nothing, and neither did the QQRT.",
    );
    assert!(!v.iter().any(|(s, _)| s == "QQRT"), "{v:?}");
    assert!(has(&v, "Republicans", "NORP"), "{v:?}");
    assert!(has(&v, "Democrats", "NORP"), "{v:?}");
    assert!(has(&v, "NATO", "ORG"), "{v:?}");
    assert!(has(&v, "XYZB", "ORG"), "{v:?}");
}

#[test]
fn hyphenated_lowercase_compound_is_not_a_name() {
    let v = ents("The group attacked Kremlin-backed forces near Sloviansk.");
    assert!(!v.iter().any(|(s, _)| s.contains("backed")), "{v:?}");
}

#[test]
fn pathological_inputs_do_not_panic() {
    let p = Pipeline::new(Rules::embedded().unwrap());
    let mut s = String::new();
    for i in 0..20_000 {
        s.push_str(if i % 3 == 0 { "Zyx " } else { "Qwe " });
    }
    s.push_str(&"a".repeat(100_000));
    s.push_str(" 東京 e\u{301}te 👍🏽 Ẓ\u{301}\u{302}’s ’s 's U.S.’s");
    let doc = p.annotate(RawDoc::new("x", s));
    assert!(!doc.entities.is_empty());
}

#[test]
fn long_runs_of_capitalized_common_words_stay_linear() {
    let p = Pipeline::new(Rules::embedded().unwrap());
    let t = std::time::Instant::now();
    let doc = p.annotate(RawDoc::new("x", format!("x {}", "Monday ".repeat(20_000))));
    let doc2 = p.annotate(RawDoc::new("y", "The University of ".repeat(5_000)));
    assert!(t.elapsed().as_secs_f64() < 10.0);
    assert!(doc.entities.is_empty());
    assert!(doc2.entities.iter().all(|e| e.span.len() < 200));
}

#[test]
fn languages_are_not_groups() {
    let v =
        ents("The poem was written in French, and she spoke German at home with Italian friends.");
    assert!(!has(&v, "French", "NORP"), "{v:?}");
    assert!(!has(&v, "German", "NORP"), "{v:?}");
    assert!(has(&v, "Italian", "NORP"), "{v:?}");
}

#[test]
fn a_country_and_its_organization_are_one_name() {
    let v = ents("The US State Department and the U.S. Senate disagreed with Canada.");
    assert!(has(&v, "US State Department", "ORG"), "{v:?}");
    assert!(has(&v, "U.S. Senate", "ORG"), "{v:?}");
    assert!(has(&v, "Canada", "GPE"), "{v:?}");
}

#[test]
fn romanized_given_names_with_hyphens() {
    let v = ents("Former envoy Ban Ki-moon met Lee Cheuk-yan and Kremlin-backed officials.");
    assert!(has(&v, "Ban Ki-moon", "PERSON"), "{v:?}");
    assert!(has(&v, "Lee Cheuk-yan", "PERSON"), "{v:?}");
    assert!(!v.iter().any(|(s, _)| s.contains("backed")), "{v:?}");
}

#[test]
fn place_context_labels_unknown_names() {
    let v = ents("She flew to Velmora, Italy, and later spoke at Trenlow about it.");
    assert!(has(&v, "Velmora", "GPE"), "{v:?}");
    assert!(has(&v, "Trenlow", "GPE"), "{v:?}");
}

#[test]
fn capitalized_plurals_of_known_words_are_not_names() {
    let v = ents("He kept a Polaroid of it. The Polaroids were sold, and LLMs wrote Zarkovs.");
    assert!(
        !v.iter().any(|(s, _)| s == "Polaroids" || s == "LLMs"),
        "{v:?}"
    );
}

#[test]
fn organization_names_hold_and_or_another_organization() {
    let v = ents("The House Ways and Means Committee met the United Nations Security Council.");
    assert!(has(&v, "House Ways and Means Committee", "ORG"), "{v:?}");
    assert!(has(&v, "United Nations Security Council", "ORG"), "{v:?}");
    // plural heads, known names before the head, "for a"
    let v = ents("Then United States Citizenship and Immigration Services and the Central and East European Coalition wrote to the Committee for a Responsible Federal Budget.");
    assert!(
        has(
            &v,
            "United States Citizenship and Immigration Services",
            "ORG"
        ),
        "{v:?}"
    );
    assert!(
        has(&v, "Central and East European Coalition", "ORG"),
        "{v:?}"
    );
    assert!(
        has(&v, "Committee for a Responsible Federal Budget", "ORG"),
        "{v:?}"
    );
    // a person before "and" stays a person
    let v = ents("Yesterday Tom Hale and Tulsa Police Department officers met.");
    assert!(has(&v, "Tom Hale", "PERSON"), "{v:?}");
}

#[test]
fn a_title_word_after_an_honorific_is_a_surname() {
    let v = ents("Larry King hosts a show. Mr. King said it was over.");
    assert!(has(&v, "King", "PERSON"), "{v:?}");
    // a vocative office is no one's name
    let v = ents("Thank you, Mr. President, for the time. The president left.");
    assert!(
        !v.iter().any(|(s, l)| s == "President" && *l == "PERSON"),
        "{v:?}"
    );
}

#[test]
fn a_transcript_label_is_a_mention_of_the_person_with_that_surname() {
    let v = ents("Hearing\n\nCouncil President Tom Hale spoke.\n\nHALE: We will not raise taxes.");
    assert!(has(&v, "HALE", "PERSON"), "{v:?}");
    // a label that is nobody's surname is no person
    let v = ents("News\n\nBREAKING: The bridge is closed.");
    assert!(!v.iter().any(|(s, _)| s == "BREAKING"), "{v:?}");
}

#[test]
fn a_company_suffix_keeps_its_period() {
    let v = ents("Prairie Harvest Grain Co. said prices would rise, and Acme Foods Inc. agreed.");
    assert!(has(&v, "Prairie Harvest Grain Co.", "ORG"), "{v:?}");
    assert!(has(&v, "Acme Foods Inc.", "ORG"), "{v:?}");
}

#[test]
fn headline_capitals_with_no_support_are_no_person() {
    let v = ents("Grain Firms Push Back on Runoff Fee\nDES MOINES, Iowa — Lawmakers met Monday.");
    assert!(
        !v.iter().any(|(t, l)| t == "Push Back" && *l == "PERSON"),
        "{v:?}"
    );
    // a headline name the body writes stays
    let v = ents("Graham Slams Plan\nSen. Lindsey Graham said the plan would fail.");
    assert!(has(&v, "Graham", "PERSON"), "{v:?}");
}

#[test]
fn a_capitalized_term_the_document_writes_lowercase_is_no_person() {
    let v = ents(
        "Most readers know Dynamic Equivalence from the manuals. A translator chooses dynamic \
         equivalence when meaning matters. Brock Holt disagreed.",
    );
    assert!(!v.iter().any(|(s, _)| s == "Dynamic Equivalence"), "{v:?}");
    // a name none of whose words the document writes lowercase stays a person
    assert!(has(&v, "Brock Holt", "PERSON"), "{v:?}");
    // everyday English words (english_words.txt) make a term, or are no part of the name after
    let v =
        ents("The panel on Natural Language Processing met. Readers can Follow Ann Roe online.");
    assert!(!v.iter().any(|(s, _)| s.contains("Language")), "{v:?}");
    assert!(has(&v, "Ann Roe", "PERSON"), "{v:?}");
    // a lone everyday word is no name, unless a longer name holds it ("Doug Band" … "Band")
    let v = ents("Fans watched Discovery all night. Doug Band spoke. Later Band left.");
    assert!(!v.iter().any(|(s, _)| s == "Discovery"), "{v:?}");
    assert!(has(&v, "Band", "PERSON"), "{v:?}");
}
