//! A *part*: everything the claims with one name key said about their speaker, kept so that it
//! can be summed again (parts of one identity, or the same key from two shards).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

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
    /// Documents by their *companions*: the other name keys of the same block (see [`block`](super::index::block))
    /// that the document's claims also name, sorted and joined by a newline (`""` for none),
    /// with the number of documents. An identity counts a document once from these alone
    /// ([`doc_count`](super::index::doc_count)), so memory follows distinct names and their co-occurrences, not
    /// documents; counts of shards add up when no document is split between them.
    pub docs: Counts,
    /// Earliest and latest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// A variant reads as a proper name (see [`NameRules::is_proper`](super::names::NameRules::is_proper)): only then do the
    /// middle-form and surname rules apply.
    #[serde(default)]
    pub proper: bool,
    /// A variant is a full name a bare surname may join, or (for a one-word key) a surname
    /// (see [`NameRules::is_full_name`](super::names::NameRules::is_full_name), [`NameRules::is_surname`](super::names::NameRules::is_surname)).
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
    /// The surname the merge rules compare ([`NameRules::surname`](super::names::NameRules::surname)); empty is the last word.
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

/// `male` or `female` when one has more evidence in `c` (counts by gender), else `None`.
pub fn majority(c: &Counts) -> Option<&'static str> {
    let male = c.get("male").copied().unwrap_or(0);
    let female = c.get("female").copied().unwrap_or(0);
    match male.cmp(&female) {
        std::cmp::Ordering::Greater => Some("male"),
        std::cmp::Ordering::Less => Some("female"),
        std::cmp::Ordering::Equal => None,
    }
}
