//! The corpus speaker index: claims are gathered per name key (a *part*), parts are linked into
//! identities by the merge rules, and each identity's figures are the sums of its parts. A part
//! keeps every figure it needs to be summed again, so indexes built on shards of a corpus merge
//! into the index of the whole ([`SpeakerIndex::merge`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::link::{link, UnionFind};
use super::names::{initials, NameRules};
pub use super::part::{Counts, Part};
use crate::words::gazetteer::Gender;

fn gender_name(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
        _ => "unknown",
    }
}

/// A stable 64-bit key of a text (SipHash with fixed keys), as 16 hex digits.
pub fn hex_key(text: &str) -> String {
    format!("{:016x}", crate::hash::stable_key(text))
}

/// The value of an input field in a claim's `meta`; a dotted name reads inside objects
/// (`meta.publisher`). Null when absent.
pub fn meta_field<'v>(claim: &'v Value, field: &str) -> &'v Value {
    field.split('.').fold(&claim["meta"], |v, k| &v[k])
}

/// The name key of a claim's speaker and the part it adds to (its document not yet counted:
/// the gatherer counts documents); `None` for a claim with no speaker or an
/// unresolved pronoun.
pub fn claim_part(claim: &Value, rules: &NameRules, by: Option<&str>) -> Option<Part> {
    let sp = claim.get("speaker").filter(|s| !s.is_null())?;
    let kind = sp["type"].as_str().unwrap_or("PERSON");
    if kind == "PRONOUN" {
        return None;
    }
    let name = sp["name"].as_str().unwrap_or("");
    let words = rules.key(name);
    if words.is_empty() {
        return None;
    }
    let mut p = Part {
        key: format!("{kind}:{}", words.join(" ")),
        proper: rules.is_proper(name),
        surname_rule: rules.is_full_name(name, &words) || rules.is_surname(name, &words),
        first_formal: rules.formal(&words[0]).to_string(),
        given_gender: (words.len() >= 2)
            .then(|| rules.given_name_gender(&words[0]))
            .flatten()
            .map_or("", gender_name)
            .to_string(),
        listed: rules.is_given_name(&words[0]),
        surname: rules.surname(&words),
        ..Part::default()
    };
    let one = |c: &mut Counts, k: &str| *c.entry(k.to_string()).or_insert(0) += 1;
    one(&mut p.variants, name);
    one(&mut p.types, kind);
    if let Some(t) = sp["title"].as_str() {
        one(&mut p.titles, t);
    }
    if let Some(a) = sp["affiliation"].as_str() {
        one(&mut p.affiliations, a);
    }
    one(&mut p.kinds, claim["kind"].as_str().unwrap_or("unknown"));
    if let Some(l) = claim["cue"]["lemma"].as_str() {
        one(&mut p.cues, l);
    }
    let text = sp["text"].as_str().unwrap_or("");
    let title = sp["title"].as_str().unwrap_or("");
    if let Some(g) = rules
        .honorific_gender(text)
        .or_else(|| rules.honorific_gender(title))
    {
        one(&mut p.honorifics, gender_name(g));
    }
    if let Some(g) = rules.pronoun_gender(text) {
        one(&mut p.pronouns, gender_name(g));
    }
    let acronym = text.trim();
    if kind == "ORG"
        && (2..=8).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && initials(&words) == acronym.to_ascii_lowercase()
    {
        p.acronyms.insert(acronym.to_ascii_lowercase());
    }
    let date = claim["doc_date"].as_str().map(str::to_string);
    if let Some(field) = by {
        let value = if field == "month" {
            date.as_deref().map(|d| d[..d.len().min(7)].to_string())
        } else {
            match meta_field(claim, field) {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            }
        };
        one(&mut p.by, value.as_deref().unwrap_or("(none)"));
    }
    p.first_date = date.clone();
    p.last_date = date;
    Some(p)
}

/// One identity: the parts linked into one person or organization.
#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    /// `sp` + 16 hex digits of its smallest part key: the same corpus gives the same id in any
    /// order and at any thread count.
    pub id: String,
    /// Its parts, in key order.
    pub parts: Vec<Part>,
    /// Its documents, each counted once ([`doc_count`]).
    pub docs: u64,
    /// The sum of its parts.
    pub total: Part,
}

/// The index: identities in id order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerIndex {
    /// Every identity.
    pub identities: Vec<Identity>,
}

impl SpeakerIndex {
    /// Links parts (any order, one key possibly several times) into identities.
    pub fn from_parts(parts: impl IntoIterator<Item = Part>) -> SpeakerIndex {
        let mut by_key: BTreeMap<String, Part> = BTreeMap::new();
        for p in parts {
            match by_key.get_mut(&p.key) {
                Some(have) => have.absorb(&p),
                None => {
                    by_key.insert(p.key.clone(), p);
                }
            }
        }
        let parts: Vec<Part> = by_key.into_values().collect();
        let mut uf = UnionFind::new(parts.len());
        link(&parts, &mut uf);
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..parts.len() {
            let root = uf.find(i);
            groups.entry(root).or_default().push(i);
        }
        // parts move into their identity (in key order: members are ascending indexes)
        let mut slots: Vec<Option<Part>> = parts.into_iter().map(Some).collect();
        let mut identities: Vec<Identity> = groups
            .into_values()
            .map(|members| {
                let ps: Vec<Part> = members
                    .iter()
                    .map(|&i| slots[i].take().expect("each part in one identity"))
                    .collect();
                let mut total = Part::default();
                for p in &ps {
                    total.absorb(p);
                }
                total.docs.clear();
                total.key = ps[0].key.clone();
                Identity {
                    id: format!("sp{}", hex_key(&ps[0].key)),
                    docs: doc_count(&ps),
                    parts: ps,
                    total,
                }
            })
            .collect();
        identities.sort_by(|a, b| a.id.cmp(&b.id));
        SpeakerIndex { identities }
    }

    /// Merges indexes built on parts of a corpus: the same as the index of the whole.
    pub fn merge(indexes: impl IntoIterator<Item = SpeakerIndex>) -> SpeakerIndex {
        SpeakerIndex::from_parts(
            indexes
                .into_iter()
                .flat_map(|ix| ix.identities.into_iter().flat_map(|i| i.parts)),
        )
    }

    /// The identity id of each part key.
    pub fn ids_by_key(&self) -> BTreeMap<&str, &str> {
        self.identities
            .iter()
            .flat_map(|i| i.parts.iter().map(move |p| (p.key.as_str(), i.id.as_str())))
            .collect()
    }
}

/// The block of a name key: the keys that may ever end in one identity share it (every merge
/// rule of `link` links keys of one block). A person's is the last word ("PERSON:trump" for
/// Donald Trump, Mr. Trump and Eric Trump), an organization's its initials or its one word
/// ("ORG:epa" for the EPA and the Environmental Protection Agency); any other key is its own.
pub fn block(key: &str) -> String {
    let (kind, words) = key.split_once(':').unwrap_or(("", key));
    let w: Vec<String> = words.split(' ').map(str::to_string).collect();
    match kind {
        "PERSON" => format!("PERSON:{}", w[w.len() - 1]),
        "ORG" if w.len() > 1 => format!("ORG:{}", initials(&w)),
        _ => key.to_string(),
    }
}

/// The documents of an identity made of `parts`: each document once, even when several of
/// its name keys occur in it. A document is counted by the smallest of the identity's keys
/// that occur in it: a part's entry counts unless one of its companions is a smaller key of
/// the identity.
pub fn doc_count(parts: &[Part]) -> u64 {
    let keys: BTreeSet<&str> = parts.iter().map(|p| p.key.as_str()).collect();
    parts
        .iter()
        .flat_map(|p| p.docs.iter().map(move |(with, n)| (p, with, n)))
        .filter(|(p, with, _)| {
            with.is_empty()
                || !with
                    .split('\n')
                    .any(|c| c < p.key.as_str() && keys.contains(c))
        })
        .map(|(_, _, n)| n)
        .sum()
}
