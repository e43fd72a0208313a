//! The numbers a report shows, computed once from the claims and the speaker index; the page
//! draws them and also embeds them as JSON (`<script type="application/json">`), so tests and
//! scripts can check every figure against the claims.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::tally::Tally;
pub use super::tally::{Example, EXAMPLES, KINDS, TYPES};
use crate::speakers::index::{Counts, SpeakerIndex};
use crate::speakers::names::NameRules;
use crate::speakers::rows::{canonical_name, gender, majority_type};

/// Speakers drawn in the top chart (and in each small multiple: [`TOP_PER_VALUE`]).
pub const TOP_SPEAKERS: usize = 25;
/// Speakers per value of `--by` in the small multiples, and values shown.
pub const TOP_PER_VALUE: usize = 10;
/// Values of `--by` drawn.
pub const TOP_VALUES: usize = 12;
/// A value of the `--by` field and its top speakers with their claims.
pub type ValueSpeakers = (String, Vec<(String, u64)>);

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

fn period_of(days: i32, week: bool) -> String {
    let d = jiff::civil::date(1970, 1, 1) + jiff::Span::new().days(i64::from(days));
    if week {
        let w = d.iso_week_date();
        format!("{}-W{:02}", w.year(), w.week())
    } else {
        format!("{:04}-{:02}", d.year(), d.month())
    }
}

fn day_text(days: i32) -> String {
    (jiff::civil::date(1970, 1, 1) + jiff::Span::new().days(i64::from(days))).to_string()
}

/// Computes the figures of the claims in `t`, whose speakers `index` holds.
pub fn figures(t: &Tally, index: &SpeakerIndex, rules: &NameRules, documents: usize) -> Figures {
    let kind_name = |k: u8| KINDS.get(usize::from(k)).copied().unwrap_or("other");
    let dated = t.claims.iter().filter(|c| c.date != i32::MIN);
    let first = dated.clone().map(|c| c.date).min();
    let last = dated.map(|c| c.date).max();
    let week = match (first, last) {
        (Some(a), Some(b)) => b - a <= 26 * 7,
        _ => true,
    };
    // each name key's identity, and each identity's gender
    let by_key = index.ids_by_key();
    let position: BTreeMap<&str, usize> = index
        .identities
        .iter()
        .enumerate()
        .map(|(i, id)| (id.id.as_str(), i))
        .collect();
    let identity_of: Vec<Option<usize>> = t
        .keys
        .iter()
        .map(|k| {
            by_key
                .get(k.as_str())
                .and_then(|id| position.get(id))
                .copied()
        })
        .collect();
    let genders: Vec<Option<&'static str>> = index
        .identities
        .iter()
        .map(|i| gender(&i.total, majority_type(&i.total), rules).0)
        .collect();
    let mut claims_by_kind = Counts::new();
    let mut types = Counts::new();
    let mut timeline: BTreeMap<String, Counts> = BTreeMap::new();
    let mut gender_timeline: BTreeMap<String, Counts> = BTreeMap::new();
    let mut undated = 0;
    let mut periods: HashMap<i32, String> = HashMap::new();
    let mut per_identity: Vec<u64> = vec![0; index.identities.len()];
    let mut by_value: BTreeMap<u32, BTreeMap<usize, u64>> = BTreeMap::new();
    let by_month = t.by() == Some("month");
    for c in &t.claims {
        let kind = kind_name(c.kind);
        *claims_by_kind.entry(kind.to_string()).or_default() += 1;
        let stype = TYPES[usize::from(c.stype)];
        *types.entry(stype.to_string()).or_default() += 1;
        let period = (c.date != i32::MIN).then(|| {
            periods
                .entry(c.date)
                .or_insert_with(|| period_of(c.date, week))
                .clone()
        });
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
        let Some(ident) = identity_of.get(c.key as usize).copied().flatten() else {
            continue;
        };
        per_identity[ident] += 1;
        if stype == "person" {
            if let Some(p) = &period {
                let g = genders[ident].unwrap_or("no evidence");
                *gender_timeline
                    .entry(p.clone())
                    .or_default()
                    .entry(g.to_string())
                    .or_default() += 1;
            }
        }
        if t.by().is_some() && !by_month {
            *by_value.entry(c.by).or_default().entry(ident).or_default() += 1;
        }
    }
    let mut ranked: Vec<usize> = (0..index.identities.len()).collect();
    ranked.sort_by(|&a, &b| {
        per_identity[b]
            .cmp(&per_identity[a])
            .then(index.identities[a].id.cmp(&index.identities[b].id))
    });
    let top = ranked
        .iter()
        .take(TOP_SPEAKERS)
        .filter(|&&i| per_identity[i] > 0)
        .map(|&i| {
            let ident = &index.identities[i];
            let total = &ident.total;
            let mut ex: Vec<&(bool, usize, Example)> = ident
                .parts
                .iter()
                .filter_map(|p| {
                    let k = t.keys.iter().position(|x| *x == p.key)?;
                    t.examples.get(&(k as u32))
                })
                .flatten()
                .collect();
            ex.sort_by_key(|(nd, o, _)| (*nd, *o));
            TopSpeaker {
                id: ident.id.clone(),
                name: canonical_name(total).to_string(),
                claims: total.kinds.values().sum(),
                by_kind: total.kinds.clone(),
                variants: top_counts(&total.variants, 10),
                titles: top_counts(&total.titles, 10),
                affiliations: top_counts(&total.affiliations, 10),
                cues: top_counts(&total.cues, 10),
                examples: ex
                    .iter()
                    .take(EXAMPLES)
                    .map(|(_, _, e)| e.clone())
                    .collect(),
            }
        })
        .collect();
    let by = t.by().map(|field| {
        let mut values: Vec<(String, Counts)> = if by_month {
            month_values(t, &identity_of, index)
        } else {
            by_value
                .into_iter()
                .map(|(v, per)| {
                    let named: Counts = per.iter().fold(Counts::new(), |mut m, (i, n)| {
                        *m.entry(canonical_name(&index.identities[*i].total).to_string())
                            .or_default() += n;
                        m
                    });
                    (t.by_values[v as usize].clone(), named)
                })
                .collect()
        };
        values.sort_by(|a, b| {
            let n = |c: &Counts| c.values().sum::<u64>();
            n(&b.1).cmp(&n(&a.1)).then(a.0.cmp(&b.0))
        });
        values.truncate(TOP_VALUES);
        let per_value = values
            .into_iter()
            .map(|(v, c)| (v, top_counts(&c, TOP_PER_VALUE)))
            .collect();
        (field.to_string(), per_value)
    });
    Figures {
        documents,
        claims: t.claims.len(),
        claims_by_kind,
        speakers: index.identities.len(),
        first_date: first.map(day_text),
        last_date: last.map(day_text),
        top,
        period: if week { "week" } else { "month" },
        timeline: timeline.into_iter().collect(),
        undated,
        types,
        gender_timeline: gender_timeline.into_iter().collect(),
        by,
    }
}

/// `--by month`: claims per month of the document date, by speaker name.
fn month_values(
    t: &Tally,
    identity_of: &[Option<usize>],
    index: &SpeakerIndex,
) -> Vec<(String, Counts)> {
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for c in &t.claims {
        let Some(i) = identity_of.get(c.key as usize).copied().flatten() else {
            continue;
        };
        let month = if c.date == i32::MIN {
            "(none)".to_string()
        } else {
            period_of(c.date, false)
        };
        *out.entry(month)
            .or_default()
            .entry(canonical_name(&index.identities[i].total).to_string())
            .or_default() += 1;
    }
    out.into_iter().collect()
}
