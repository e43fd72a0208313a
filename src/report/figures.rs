//! The numbers a report shows, computed once from the claims and the speaker index; the page
//! draws them and also embeds them as JSON (`<script type="application/json">`), so tests and
//! scripts can check every figure against the claims.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::speakers::index::{Counts, SpeakerIndex};
use crate::speakers::names::NameRules;
use crate::speakers::rows::{canonical_name, gender};

/// Speakers drawn in the top chart (and in each small multiple: [`TOP_PER_VALUE`]).
pub const TOP_SPEAKERS: usize = 25;
/// Speakers per value of `--by` in the small multiples, and values shown.
pub const TOP_PER_VALUE: usize = 10;
/// Values of `--by` drawn.
pub const TOP_VALUES: usize = 12;
/// Example quotes per speaker, and the characters of each.
pub const EXAMPLES: usize = 3;
const EXAMPLE_CHARS: usize = 300;

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

/// A value of the `--by` field and its top speakers with their claims.
pub type ValueSpeakers = (String, Vec<(String, u64)>);

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

/// One speaker of the top chart.
#[derive(Clone, Debug, Serialize)]
pub struct TopSpeaker {
    /// Index id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Claims.
    pub claims: u64,
    /// Claims by kind.
    pub by_kind: Counts,
    /// Variants, titles, affiliations and cue lemmas with counts (most frequent first, ten).
    pub variants: Vec<(String, u64)>,
    /// Titles.
    pub titles: Vec<(String, u64)>,
    /// Affiliations.
    pub affiliations: Vec<(String, u64)>,
    /// Cue lemmas.
    pub cues: Vec<(String, u64)>,
    /// Up to three example quotes, direct quotes first.
    pub examples: Vec<Example>,
}

/// Everything the report draws.
#[derive(Clone, Debug, Serialize)]
pub struct Figures {
    /// Documents read (with or without claims).
    pub documents: usize,
    /// Claims.
    pub claims: usize,
    /// Claims by kind.
    pub claims_by_kind: Counts,
    /// Distinct speakers (identities of the index).
    pub speakers: usize,
    /// Earliest and latest document date of a claim.
    pub first_date: Option<String>,
    /// Latest.
    pub last_date: Option<String>,
    /// The top speakers by claims.
    pub top: Vec<TopSpeaker>,
    /// `month` or `week`, chosen by the date range (weeks up to 26 weeks).
    pub period: &'static str,
    /// Claims per period by kind, in period order.
    pub timeline: Vec<(String, Counts)>,
    /// Claims without a document date (left out of the timeline, counted here).
    pub undated: usize,
    /// Claims by speaker type.
    pub types: Counts,
    /// Claims of persons per period by the speaker's gender: `male`, `female`, `no evidence`.
    pub gender_timeline: Vec<(String, Counts)>,
    /// With `--by`: the field, and per value its top speakers with their claims.
    pub by: Option<(String, Vec<ValueSpeakers>)>,
}

fn top_counts(c: &Counts, n: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = c.iter().map(|(k, n)| (k.clone(), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn period_of(date: &str, week: bool) -> Option<String> {
    let d: jiff::civil::Date = date.parse().ok()?;
    if week {
        let w = d.iso_week_date();
        Some(format!("{}-W{:02}", w.year(), w.week()))
    } else {
        Some(format!("{:04}-{:02}", d.year(), d.month()))
    }
}

fn type_of(claim: &Value) -> &'static str {
    match claim["speaker"]["type"].as_str() {
        _ if claim["speaker"].is_null() => "none",
        Some("PRONOUN") => "unresolved pronoun",
        Some("ORG") => "organization",
        Some("NORP") => "group",
        _ => "person",
    }
}

/// Computes the figures. `claims` pairs each claim with its identity id (or none).
pub fn figures(
    claims: &[(Value, Option<String>)],
    index: &SpeakerIndex,
    rules: &NameRules,
    documents: usize,
    by: Option<&str>,
) -> Figures {
    let mut claims_by_kind = Counts::new();
    let mut types = Counts::new();
    let dates: BTreeSet<&str> = claims
        .iter()
        .filter_map(|(c, _)| c["doc_date"].as_str())
        .collect();
    let first_date = dates.iter().next().map(|d| d.to_string());
    let last_date = dates.iter().next_back().map(|d| d.to_string());
    let span_days = match (&first_date, &last_date) {
        (Some(a), Some(b)) => match (
            a.parse::<jiff::civil::Date>(),
            b.parse::<jiff::civil::Date>(),
        ) {
            (Ok(a), Ok(b)) => (b - a).get_days(),
            _ => 0,
        },
        _ => 0,
    };
    let week = span_days <= 26 * 7;
    let genders: BTreeMap<&str, Option<&'static str>> = index
        .identities
        .iter()
        .map(|i| {
            let kind = i
                .total
                .types
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            let kind = kind.map_or("PERSON", |(k, _)| k.as_str());
            (i.id.as_str(), gender(&i.total, kind, rules).0)
        })
        .collect();
    let mut timeline: BTreeMap<String, Counts> = BTreeMap::new();
    let mut gender_timeline: BTreeMap<String, Counts> = BTreeMap::new();
    let mut undated = 0;
    let mut examples: BTreeMap<&str, Vec<(bool, usize)>> = BTreeMap::new();
    let mut by_value: BTreeMap<String, Counts> = BTreeMap::new();
    for (n, (c, id)) in claims.iter().enumerate() {
        let kind = c["kind"].as_str().unwrap_or("unknown");
        *claims_by_kind.entry(kind.to_string()).or_default() += 1;
        let t = type_of(c);
        *types.entry(t.to_string()).or_default() += 1;
        let period = c["doc_date"].as_str().and_then(|d| period_of(d, week));
        match &period {
            Some(p) => {
                *timeline
                    .entry(p.clone())
                    .or_default()
                    .entry(kind.to_string())
                    .or_default() += 1
            }
            None => undated += 1,
        }
        if let Some(id) = id {
            examples
                .entry(id.as_str())
                .or_default()
                .push((kind != "direct", n));
            if t == "person" {
                if let Some(p) = &period {
                    let g = genders
                        .get(id.as_str())
                        .copied()
                        .flatten()
                        .unwrap_or("no evidence");
                    *gender_timeline
                        .entry(p.clone())
                        .or_default()
                        .entry(g.to_string())
                        .or_default() += 1;
                }
            }
            if let Some(field) = by {
                let v = match crate::speakers::index::meta_field(c, field) {
                    Value::Null => "(none)".to_string(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                *by_value
                    .entry(v)
                    .or_default()
                    .entry(id.clone())
                    .or_default() += 1;
            }
        }
    }
    let names: BTreeMap<&str, &str> = index
        .identities
        .iter()
        .map(|i| (i.id.as_str(), canonical_name(&i.total)))
        .collect();
    let mut ranked: Vec<&crate::speakers::index::Identity> = index.identities.iter().collect();
    ranked.sort_by(|a, b| {
        let n = |i: &crate::speakers::index::Identity| i.total.kinds.values().sum::<u64>();
        n(b).cmp(&n(a)).then(a.id.cmp(&b.id))
    });
    let top = ranked
        .iter()
        .take(TOP_SPEAKERS)
        .map(|i| {
            let t = &i.total;
            let mut ex = examples.get(i.id.as_str()).cloned().unwrap_or_default();
            ex.sort();
            TopSpeaker {
                id: i.id.clone(),
                name: canonical_name(t).to_string(),
                claims: t.kinds.values().sum(),
                by_kind: t.kinds.clone(),
                variants: top_counts(&t.variants, 10),
                titles: top_counts(&t.titles, 10),
                affiliations: top_counts(&t.affiliations, 10),
                cues: top_counts(&t.cues, 10),
                examples: ex
                    .iter()
                    .take(EXAMPLES)
                    .map(|(_, n)| {
                        let c = &claims[*n].0;
                        Example {
                            text: c["content"]["text"]
                                .as_str()
                                .unwrap_or("")
                                .chars()
                                .take(EXAMPLE_CHARS)
                                .collect(),
                            doc_id: c["doc_id"].as_str().unwrap_or("").to_string(),
                            date: c["doc_date"].as_str().map(str::to_string),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let by = by.map(|field| {
        let mut values: Vec<(String, Counts)> = by_value.into_iter().collect();
        values.sort_by(|a, b| {
            let n = |c: &Counts| c.values().sum::<u64>();
            n(&b.1).cmp(&n(&a.1)).then(a.0.cmp(&b.0))
        });
        values.truncate(TOP_VALUES);
        let per_value = values
            .into_iter()
            .map(|(v, c)| {
                let named: Counts = c
                    .iter()
                    .map(|(id, n)| {
                        (
                            names.get(id.as_str()).copied().unwrap_or("").to_string(),
                            *n,
                        )
                    })
                    .fold(Counts::new(), |mut m, (k, n)| {
                        *m.entry(k).or_default() += n;
                        m
                    });
                (v, top_counts(&named, TOP_PER_VALUE))
            })
            .collect();
        (field.to_string(), per_value)
    });
    Figures {
        documents,
        claims: claims.len(),
        claims_by_kind,
        speakers: index.identities.len(),
        first_date,
        last_date,
        top,
        period: if week { "week" } else { "month" },
        timeline: timeline.into_iter().collect(),
        undated,
        types,
        gender_timeline: gender_timeline.into_iter().collect(),
        by,
    }
}
