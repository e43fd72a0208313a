//! What a report keeps of each claim while the corpus streams by: a dozen bytes (its speaker's
//! name key, date, kind, speaker type and `--by` value, each interned), and at most three example
//! quotes per name key. A million claims hold tens of megabytes, not gigabytes.

use std::collections::HashMap;

use serde_json::Value;

use crate::speakers::index::meta_field;
use serde::Serialize;

/// Example quotes per speaker, and the characters of each.
pub const EXAMPLES: usize = 3;

/// The claim kinds in drawing order.
pub const KINDS: [&str; 5] = ["direct", "mixed", "indirect", "according_to", "reported"];
/// Speaker types in drawing order.
pub const TYPES: [&str; 5] = [
    "person",
    "organization",
    "group",
    "unresolved pronoun",
    "none",
];

/// One example quote.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// Its content (cut to 300 characters).
    pub text: String,
    /// The document.
    pub doc_id: String,
    /// The document's date.
    pub date: Option<String>,
}

const NONE: u32 = u32::MAX;
const NO_DATE: i32 = i32::MIN;
const EXAMPLE_CHARS: usize = 300;

/// One claim, compact.
#[derive(Clone, Copy, Debug)]
pub struct Compact {
    /// Index into [`Tally::keys`], or none.
    pub key: u32,
    /// Days since 1970-01-01 of the document date, or none.
    pub date: i32,
    /// Index into [`KINDS`] (5: another kind).
    pub kind: u8,
    /// Index into [`TYPES`].
    pub stype: u8,
    /// Index into [`Tally::by_values`], or none.
    pub by: u32,
}

/// The compact claims of a corpus and their examples.
#[derive(Debug, Default)]
pub struct Tally {
    by: Option<String>,
    key_index: HashMap<String, u32>,
    /// Interned name keys.
    pub keys: Vec<String>,
    by_index: HashMap<String, u32>,
    /// Interned `--by` values.
    pub by_values: Vec<String>,
    /// Every claim, in input order.
    pub claims: Vec<Compact>,
    /// Per name key, its best examples: (not direct, order, example).
    pub examples: HashMap<u32, Vec<(bool, usize, Example)>>,
}

fn intern(index: &mut HashMap<String, u32>, list: &mut Vec<String>, s: &str) -> u32 {
    if let Some(&i) = index.get(s) {
        return i;
    }
    let i = list.len() as u32;
    list.push(s.to_string());
    index.insert(s.to_string(), i);
    i
}

/// The speaker type of a claim, as [`TYPES`] names them.
pub fn type_of(claim: &Value) -> &'static str {
    match claim["speaker"]["type"].as_str() {
        _ if claim["speaker"].is_null() => "none",
        Some("PRONOUN") => "unresolved pronoun",
        Some("ORG") => "organization",
        Some("NORP") => "group",
        _ => "person",
    }
}

impl Tally {
    /// An empty tally counting by `by` (`month`, or a field of `meta`).
    pub fn new(by: Option<&str>) -> Tally {
        Tally {
            by: by.map(str::to_string),
            ..Tally::default()
        }
    }

    /// Adds one claim; `key` is its speaker's name key, if it has one.
    pub fn add(&mut self, claim: &Value, key: Option<&str>) {
        let kind = claim["kind"].as_str().unwrap_or("");
        let kind = KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len()) as u8;
        let stype = TYPES.iter().position(|t| *t == type_of(claim)).unwrap_or(0) as u8;
        let date = claim["doc_date"]
            .as_str()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .map_or(NO_DATE, |d| (d - jiff::civil::date(1970, 1, 1)).get_days());
        let by = match &self.by {
            None => NONE,
            Some(f) if f == "month" => NONE,
            Some(f) => {
                let v = match meta_field(claim, f) {
                    Value::Null => "(none)".to_string(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                intern(&mut self.by_index, &mut self.by_values, &v)
            }
        };
        let key = key.map_or(NONE, |k| intern(&mut self.key_index, &mut self.keys, k));
        if key != NONE {
            let order = self.claims.len();
            let direct = kind == 0;
            let list = self.examples.entry(key).or_default();
            if list.len() < EXAMPLES || list.iter().any(|(nd, _, _)| *nd && direct) {
                list.push((
                    !direct,
                    order,
                    Example {
                        text: claim["content"]["text"]
                            .as_str()
                            .unwrap_or("")
                            .chars()
                            .take(EXAMPLE_CHARS)
                            .collect(),
                        doc_id: claim["doc_id"].as_str().unwrap_or("").to_string(),
                        date: claim["doc_date"].as_str().map(str::to_string),
                    },
                ));
                list.sort_by_key(|(nd, o, _)| (*nd, *o));
                list.truncate(EXAMPLES);
            }
        }
        self.claims.push(Compact {
            key,
            date,
            kind,
            stype,
            by,
        });
    }

    /// The `--by` field, if any.
    pub fn by(&self) -> Option<&str> {
        self.by.as_deref()
    }
}
