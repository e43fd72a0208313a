//! Claims into parts as they stream, with memory that follows distinct names, not claims or
//! documents' name lists: a claim adds to its name key's part at once, and the document a
//! claim belongs to is held open only while its claims keep coming (as `extract` writes
//! them, one document after another). When the next document starts, the open one is
//! counted into each of its keys' parts under its *companions*, the other keys of the same
//! block it names ([`super::index::block`]); an identity's document count is exact from these
//! ([`super::index::doc_count`]), whatever the merge rules decide at the end.
//!
//! A document whose claims come apart (others in between) is counted once per stretch; the
//! number of such documents is kept ([`Gather::scattered`]) so the CLI can say so. Closed
//! documents are remembered by a 64-bit key each, for that check alone.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::index::{block, claim_part, Part, SpeakerIndex};
use super::names::NameRules;

/// Parts gathered from a stream of claims.
#[derive(Default)]
pub struct Gather {
    parts: HashMap<String, Part>,
    /// The document whose claims are arriving, and its name keys.
    open: Option<(u64, BTreeSet<String>)>,
    closed: HashSet<u64>,
    scattered: usize,
}

impl Gather {
    /// Nothing gathered yet.
    pub fn new() -> Gather {
        Gather::default()
    }

    /// Adds one claim (every claim, also those without a speaker: they mark where documents
    /// end); the name key of its speaker, if it has one.
    pub fn add(&mut self, claim: &Value, rules: &NameRules, by: Option<&str>) -> Option<String> {
        let doc = crate::hash::stable_key(claim["doc_id"].as_str().unwrap_or(""));
        if self.open.as_ref().is_none_or(|(d, _)| *d != doc) {
            self.close();
            if !self.closed.insert(doc) {
                self.scattered += 1;
            }
            self.open = Some((doc, BTreeSet::new()));
        }
        let p = claim_part(claim, rules, by)?;
        let key = p.key.clone();
        match self.parts.get_mut(&key) {
            Some(have) => have.absorb(&p),
            None => {
                self.parts.insert(key.clone(), p);
            }
        }
        if let Some((_, keys)) = &mut self.open {
            if !keys.contains(&key) {
                keys.insert(key.clone());
            }
        }
        Some(key)
    }

    /// Counts the open document into the parts of its keys.
    fn close(&mut self) {
        let Some((_, keys)) = self.open.take() else {
            return;
        };
        let mut blocks: BTreeMap<String, Vec<&String>> = BTreeMap::new();
        for k in &keys {
            blocks.entry(block(k)).or_default().push(k);
        }
        for members in blocks.values() {
            for k in members {
                let with: Vec<&str> = members
                    .iter()
                    .filter(|o| *o != k)
                    .map(|o| o.as_str())
                    .collect();
                let part = self.parts.get_mut(*k).expect("an open key has a part");
                *part.docs.entry(with.join("\n")).or_insert(0) += 1;
            }
        }
    }

    /// Documents whose claims did not come together (each counted once per stretch).
    pub fn scattered(&self) -> usize {
        self.scattered
    }

    /// The parts, every document counted.
    pub fn finish(mut self) -> Vec<Part> {
        self.close();
        self.parts.into_values().collect()
    }

    /// The index of the claims gathered.
    pub fn index(self) -> SpeakerIndex {
        SpeakerIndex::from_parts(self.finish())
    }
}

/// The index of `claims` (claims of a document together, in any order of documents).
pub fn index_of<'c>(
    claims: impl IntoIterator<Item = &'c Value>,
    rules: &NameRules,
    by: Option<&str>,
) -> SpeakerIndex {
    let mut g = Gather::new();
    for c in claims {
        g.add(c, rules, by);
    }
    g.index()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    fn claim(doc: &str, name: &str) -> Value {
        serde_json::json!({"doc_id": doc, "kind": "direct", "doc_date": "2016-03-01",
            "speaker": {"text": name, "name": name, "type": "PERSON"}})
    }

    #[test]
    fn a_document_counts_once_per_identity_and_scattering_is_seen() {
        let rules = NameRules::compile(&RuleSources::embedded()).unwrap();
        let claims = [
            claim("a", "Donald Trump"),
            claim("a", "Donald J. Trump"),
            claim("a", "Eric Trump"),
            claim("b", "Donald J. Trump"),
            claim("c", "Eric Trump"),
        ];
        let ix = index_of(&claims, &rules, None);
        let docs: Vec<(String, u64)> = ix
            .identities
            .iter()
            .map(|i| (i.parts[0].key.clone(), i.docs))
            .collect();
        assert_eq!(
            docs.iter().map(|d| d.1).sum::<u64>(),
            4,
            "Donald Trump in a and b, Eric in a and c: {docs:?}"
        );
        let mut g = Gather::new();
        for c in [claim("a", "X Y"), claim("b", "X Y"), claim("a", "X Y")] {
            g.add(&c, &rules, None);
        }
        assert_eq!(g.scattered(), 1);
    }
}
