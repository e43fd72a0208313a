//! The corpus speaker index: claims are gathered per name key (a *part*), parts are linked into
//! identities by the merge rules, and each identity's figures are the sums of its parts. A part
//! keeps every figure it needs to be summed again, so indexes built on shards of a corpus merge
//! into the index of the whole ([`SpeakerIndex::merge`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::link::{link, UnionFind};
use super::names::{initials, NameRules};
use crate::words::gazetteer::Gender;

/// Counts by a text value, in a stable order.
pub type Counts = BTreeMap<String, u64>;

/// Everything the claims with one name key said about their speaker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// `TYPE:word word` ("PERSON:donald j trump").
    pub key: String,
    /// Surface names (the claims' `speaker.name`) with their counts.
    pub variants: Counts,
    /// Speaker types seen.
    pub types: Counts,
    /// Titles seen.
    pub titles: Counts,
    /// Affiliations seen.
    pub affiliations: Counts,
    /// Claims by kind.
    pub kinds: Counts,
    /// Cue lemmas.
    pub cues: Counts,
    /// Honorifics by gender (`male`, `female`).
    pub honorifics: Counts,
    /// Pronoun speakers resolved to this name, by gender.
    pub pronouns: Counts,
    /// Acronyms the text used for this name ("EPA" spoken as the Environmental Protection Agency).
    pub acronyms: BTreeSet<String>,
    /// Claims per value of the `--by` field.
    pub by: Counts,
    /// Documents by their *companions*: the other name keys of the same block (see [`block`])
    /// that the document's claims also name, sorted and joined by a newline (`""` for none),
    /// with the number of documents. An identity counts a document once from these alone
    /// ([`doc_count`]), so memory follows distinct names and their co-occurrences, not
    /// documents; counts of shards add up when no document is split between them.
    pub docs: Counts,
    /// Earliest and latest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// A variant reads as a proper name (see [`NameRules::is_proper`]): only then do the
    /// middle-form and surname rules apply.
    #[serde(default)]
    pub proper: bool,
    /// A variant is a full name a bare surname may join, or (for a one-word key) a surname
    /// (see [`NameRules::is_full_name`], [`NameRules::is_surname`]).
    #[serde(default)]
    pub surname_rule: bool,
    /// The formal form of the key's first word ("joe" → "joseph", `nicknames.txt`), which
    /// the middle-form rule compares.
    #[serde(default)]
    pub first_formal: String,
    /// The gender the given-name list gives the key's first word (`male`, `female`, or empty;
    /// only for keys of two or more words).
    #[serde(default)]
    pub given_gender: String,
    /// The key's first word is a listed given name (`gazetteers/given_names.txt`).
    #[serde(default)]
    pub listed: bool,
    /// The surname the merge rules compare ([`NameRules::surname`]); empty is the last word.
    #[serde(default)]
    pub surname: String,
}

fn add(into: &mut Counts, from: &Counts) {
    for (k, v) in from {
        *into.entry(k.clone()).or_insert(0) += v;
    }
}

fn earlier(a: &Option<String>, b: &Option<String>, min: bool) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if (x <= y) == min {
            x.clone()
        } else {
            y.clone()
        }),
        (x, None) => x.clone(),
        (None, y) => y.clone(),
    }
}

impl Part {
    /// Adds another part's figures (same key, or parts of one identity).
    pub fn absorb(&mut self, o: &Part) {
        for (into, from) in [
            (&mut self.variants, &o.variants),
            (&mut self.types, &o.types),
            (&mut self.titles, &o.titles),
            (&mut self.affiliations, &o.affiliations),
            (&mut self.kinds, &o.kinds),
            (&mut self.cues, &o.cues),
            (&mut self.honorifics, &o.honorifics),
            (&mut self.pronouns, &o.pronouns),
            (&mut self.by, &o.by),
        ] {
            add(into, from);
        }
        add(&mut self.docs, &o.docs);
        self.acronyms.extend(o.acronyms.iter().cloned());
        self.listed |= o.listed;
        if self.surname.is_empty() {
            self.surname.clone_from(&o.surname);
        }
        if self.given_gender.is_empty() {
            self.given_gender.clone_from(&o.given_gender);
        }
        self.proper |= o.proper;
        self.surname_rule |= o.surname_rule;
        self.first_date = earlier(&self.first_date, &o.first_date, true);
        self.last_date = earlier(&self.last_date, &o.last_date, false);
    }

    /// The claims of this part.
    pub fn claims(&self) -> u64 {
        self.kinds.values().sum()
    }

    pub(crate) fn words(&self) -> Vec<&str> {
        self.key
            .split_once(':')
            .map_or("", |(_, w)| w)
            .split(' ')
            .collect()
    }

    /// The surname the merge rules compare, and how many of the key's words it takes.
    pub(crate) fn family(&self) -> (&str, usize) {
        if self.surname.is_empty() {
            let w = self.key.rsplit(' ').next().unwrap_or("");
            (w.split_once(':').map_or(w, |(_, x)| x), 1)
        } else {
            (&self.surname, self.surname.split(' ').count())
        }
    }

    pub(crate) fn kind(&self) -> &str {
        self.key.split_once(':').map_or("", |(t, _)| t)
    }
}

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
/// [`super::gather::Gather`] counts documents); `None` for a claim with no speaker or an
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    fn claim(doc: &str, text: &str, name: &str, kind: &str) -> Value {
        serde_json::json!({"doc_id": doc, "kind": "direct", "doc_date": "2016-03-01",
            "speaker": {"text": text, "name": name, "type": kind, "title": null, "affiliation": null},
            "cue": {"lemma": "say"}})
    }

    fn index(claims: &[Value]) -> SpeakerIndex {
        let rules = NameRules::compile(&RuleSources::embedded()).unwrap();
        super::super::gather::index_of(claims, &rules, None)
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
}
