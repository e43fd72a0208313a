//! The merge rules, from claims to identities (through the gatherer, as `speakers` runs).

use super::index::*;
use super::names::NameRules;
use crate::rules::RuleSources;
use serde_json::Value;

fn claim(doc: &str, text: &str, name: &str, kind: &str) -> Value {
    serde_json::json!({"doc_id": doc, "kind": "direct", "doc_date": "2016-03-01",
        "speaker": {"text": text, "name": name, "type": kind, "title": null, "affiliation": null},
        "cue": {"lemma": "say"}})
}

fn index(claims: &[Value]) -> SpeakerIndex {
    let rules = NameRules::compile(&RuleSources::embedded()).unwrap();
    super::gather::index_of(claims, &rules, None)
}

fn names(ix: &SpeakerIndex) -> Vec<Vec<String>> {
    ix.identities
        .iter()
        .map(|i| i.total.variants.keys().cloned().collect())
        .collect()
}

#[test]
fn middle_initials_titles_and_surnames_merge() {
    let ix = index(&[
        claim("a", "Trump", "Donald Trump", "PERSON"),
        claim("b", "Trump", "Donald J. Trump", "PERSON"),
        claim("c", "Mr. Trump", "Mr. Trump", "PERSON"),
        claim("c", "President Trump", "President Donald Trump", "PERSON"),
    ]);
    assert_eq!(ix.identities.len(), 1, "{:?}", names(&ix));
    assert_eq!(ix.identities[0].docs, 3);
    // a short given name is its formal one
    assert_eq!(ix.identities[0].total.honorifics["male"], 1);
    let ix = index(&[
        claim("a", "Joe Biden", "Joe Biden", "PERSON"),
        claim("b", "Joseph R. Biden", "Joseph R. Biden", "PERSON"),
        claim("c", "Jill Biden", "Jill Biden", "PERSON"),
    ]);
    assert_eq!(ix.identities.len(), 2, "{:?}", names(&ix));
}

#[test]
fn two_people_of_one_surname_stay_apart() {
    let ix = index(&[
        claim("a", "Hillary Clinton", "Hillary Clinton", "PERSON"),
        claim("b", "Bill Clinton", "Bill Clinton", "PERSON"),
        claim("c", "Clinton", "Clinton", "PERSON"),
        claim("d", "George W. Bush", "George W. Bush", "PERSON"),
        claim("e", "George H.W. Bush", "George H.W. Bush", "PERSON"),
        claim("f", "George Bush", "George Bush", "PERSON"),
    ]);
    assert_eq!(ix.identities.len(), 6, "{:?}", names(&ix));
}

#[test]
fn descriptions_never_merge_beyond_their_key() {
    let ix = index(&[
        claim("a", "the release", "the release", "PERSON"),
        claim("b", "Trump release", "Trump release", "PERSON"),
        claim("c", "There", "There", "PERSON"),
        claim("d", "executives there", "executives there", "PERSON"),
        claim("e", "The book", "The book", "PERSON"),
        claim("f", "his book", "his book", "PERSON"),
        claim("g", "Gov. Fallin", "Gov. Fallin", "PERSON"),
        claim("h", "Mary Fallin", "Mary Fallin", "PERSON"),
        claim("i", "Campaign", "Campaign", "PERSON"),
        claim("j", "Ann Lee Campaign", "Ann Lee Campaign", "PERSON"),
        claim("k", "Andres", "Andres", "PERSON"),
        claim("l", "Dog Andres", "Dog Andres", "PERSON"),
    ]);
    assert_eq!(ix.identities.len(), 11, "{:?}", names(&ix));
}

fn many(doc: &str, text: &str, name: &str, n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| claim(&format!("{doc}{i}"), text, name, "PERSON"))
        .collect()
}

#[test]
fn initials_misspellings_and_a_dominant_person_merge() {
    let mut claims = vec![
        claim("a", "Jeb Bush", "Jeb Bush", "PERSON"),
        claim("b", "John Ellis Bush", "John Ellis Bush", "PERSON"),
        claim("c", "B. Hussein Obama", "B. Hussein Obama", "PERSON"),
        claim("e", "Obama", "Obama", "PERSON"),
        claim("f", "Rence Priebus", "Rence Priebus", "PERSON"),
        claim("g", "Mr. Trump", "Trump", "PERSON"),
    ];
    claims.extend(many("o", "Barack Obama", "Barack Obama", 20));
    claims.push(claim("m", "Michelle Obama", "Michelle Obama", "PERSON"));
    claims.extend(many("r", "Reince Priebus", "Reince Priebus", 3));
    // "Mr. Trump" is not Ivanka (20 claims) nor Melania; Donald has 19 x Eric's
    claims.extend(many("t", "Donald Trump", "Donald Trump", 19));
    claims.push(claim("u", "Eric Trump", "Eric Trump", "PERSON"));
    claims.extend(many("i", "Ivanka Trump", "Ivanka Trump", 20));
    let ix = index(&claims);
    let n = names(&ix);
    for group in [
        &["Jeb Bush", "John Ellis Bush"][..],
        &["B. Hussein Obama", "Barack Obama", "Obama"],
        &["Reince Priebus", "Rence Priebus"],
        &["Donald Trump", "Trump"],
    ] {
        assert!(n.iter().any(|g| g == group), "{group:?} in {n:?}");
    }
    assert_eq!(ix.identities.len(), 7, "{n:?}");
}

#[test]
fn near_misses_stay_apart() {
    let mut claims = vec![
        // two Cruzes and neither has 19 times the other's claims
        claim("a", "Cruz", "Cruz", "PERSON"),
        claim("b", "Rafael Cruz", "Rafael Cruz", "PERSON"),
        // a listed given name one letter from another is another person
        claim("c", "Mary Fallin", "Mary Fallin", "PERSON"),
        claim("d", "Mark Fallin", "Mark Fallin", "PERSON"),
        // a suffix is no surname
        claim("e", "Charles Elliott Jr", "Charles Elliott Jr", "PERSON"),
        claim(
            "f",
            "C. Stewart Verdery Jr.",
            "C. Stewart Verdery Jr.",
            "PERSON",
        ),
        claim("g", "Verdery", "Verdery", "PERSON"),
    ];
    claims.extend(many("t", "Ted Cruz", "Ted Cruz", 10));
    let ix = index(&claims);
    assert_eq!(ix.identities.len(), 8, "{:?}", names(&ix));
}

#[test]
fn an_acronym_used_for_an_organization_joins_it() {
    let ix = index(&[
        claim("a", "EPA", "Environmental Protection Agency", "ORG"),
        claim("b", "EPA", "EPA", "ORG"),
    ]);
    assert_eq!(ix.identities.len(), 1, "{:?}", names(&ix));
}
