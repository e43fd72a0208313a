//! The corpus speaker index: claims are gathered per name key (a *part*), parts are linked into
//! identities by the merge rules, and each identity's figures are the sums of its parts. A part
//! keeps every figure it needs to be summed again, so indexes built on shards of a corpus merge
//! into the index of the whole ([`SpeakerIndex::merge`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// Documents (64-bit keys of their ids, hex), for exact document counts after a merge.
    pub docs: BTreeSet<String>,
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
        self.acronyms.extend(o.acronyms.iter().cloned());
        self.docs.extend(o.docs.iter().cloned());
        self.proper |= o.proper;
        self.surname_rule |= o.surname_rule;
        self.first_date = earlier(&self.first_date, &o.first_date, true);
        self.last_date = earlier(&self.last_date, &o.last_date, false);
    }

    fn words(&self) -> Vec<&str> {
        self.key
            .split_once(':')
            .map_or("", |(_, w)| w)
            .split(' ')
            .collect()
    }

    fn kind(&self) -> &str {
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

/// The name key of a claim's speaker and the part it adds to; `None` for a claim with no
/// speaker or an unresolved pronoun.
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
    p.docs
        .insert(hex_key(claim["doc_id"].as_str().unwrap_or("")));
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
    /// The sum of its parts.
    pub total: Part,
}

/// The index: identities in id order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerIndex {
    /// Every identity.
    pub identities: Vec<Identity>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut i = i;
        while self.0[i] != r {
            let next = self.0[i];
            self.0[i] = r;
            i = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
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
        let mut uf = UnionFind((0..parts.len()).collect());
        link(&parts, &mut uf);
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..parts.len() {
            let root = uf.find(i);
            groups.entry(root).or_default().push(i);
        }
        let mut identities: Vec<Identity> = groups
            .into_values()
            .map(|members| {
                let mut total = Part::default();
                let ps: Vec<Part> = members.iter().map(|&i| parts[i].clone()).collect();
                for p in &ps {
                    total.absorb(p);
                }
                total.key = ps[0].key.clone();
                Identity {
                    id: format!("sp{}", hex_key(&ps[0].key)),
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

/// The merge rules (see `speakers/mod.rs`), over parts sorted by key.
fn link(parts: &[Part], uf: &mut UnionFind) {
    // people by first and last word: one middle form (or none) is one person
    let mut by_ends: BTreeMap<(String, String), Vec<(usize, String)>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if p.kind() == "PERSON" && p.proper && w.len() >= 2 {
            let middle = w[1..w.len() - 1].join(" ");
            let first = if p.first_formal.is_empty() {
                w[0]
            } else {
                &p.first_formal
            };
            by_ends
                .entry((first.to_string(), w[w.len() - 1].to_string()))
                .or_default()
                .push((i, middle));
        }
    }
    for members in by_ends.values() {
        let middles: BTreeSet<&str> = members
            .iter()
            .map(|(_, m)| m.as_str())
            .filter(|m| !m.is_empty())
            .collect();
        if middles.len() <= 1 {
            for (i, _) in &members[1..] {
                uf.union(members[0].0, *i);
            }
        }
    }
    // a bare surname joins the one person of that surname, if the corpus has exactly one
    let mut by_last: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if p.kind() == "PERSON" && p.surname_rule && w.len() >= 2 {
            let root = uf.find(i);
            by_last.entry(w[w.len() - 1]).or_default().insert(root);
        }
    }
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if p.kind() == "PERSON" && p.surname_rule && w.len() == 1 {
            if let Some(people) = by_last.get(w[0]) {
                if people.len() == 1 {
                    uf.union(*people.iter().next().expect("one"), i);
                }
            }
        }
    }
    // an acronym the text used for an organization joins it
    let org_index: BTreeMap<&str, usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind() == "ORG")
        .map(|(i, p)| (p.key.as_str(), i))
        .collect();
    for (i, p) in parts.iter().enumerate() {
        for a in &p.acronyms {
            if let Some(&j) = org_index.get(format!("ORG:{a}").as_str()) {
                uf.union(i, j);
            }
        }
    }
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
        SpeakerIndex::from_parts(claims.iter().filter_map(|c| claim_part(c, &rules, None)))
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
        assert_eq!(ix.identities[0].total.docs.len(), 3);
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

    #[test]
    fn an_acronym_used_for_an_organization_joins_it() {
        let ix = index(&[
            claim("a", "EPA", "Environmental Protection Agency", "ORG"),
            claim("b", "EPA", "EPA", "ORG"),
        ]);
        assert_eq!(ix.identities.len(), 1, "{:?}", names(&ix));
    }
}
