//! The index as rows: JSON Lines (every figure, and the parts a merge needs) and CSV (one
//! flat row per identity).

use serde_json::{json, Map, Value};

use super::index::{Counts, Identity, Part, SpeakerIndex};
use super::names::NameRules;
use super::part::majority;
use crate::words::gazetteer::Gender;

/// The claim kinds, in the CSV's column order.
const KINDS: [&str; 5] = ["direct", "mixed", "indirect", "according_to", "reported"];

/// The canonical name: the most frequent variant; on a tie the longer, then the first in order.
pub fn canonical_name(p: &Part) -> &str {
    p.variants
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map_or("", |(k, _)| k.as_str())
}

/// The gender of an identity and what decided it: honorifics first, then coreferent pronouns,
/// then (for a person with a given and a family name) the given-name list; `None` without
/// evidence. Never a guess beyond that.
pub fn gender(p: &Part, kind: &str, rules: &NameRules) -> (Option<&'static str>, Value) {
    let given = if kind == "PERSON" {
        let words = rules.key(canonical_name(p));
        (words.len() >= 2)
            .then(|| rules.given_name_gender(&words[0]))
            .flatten()
    } else {
        None
    };
    let given_name = given.map(|g| if g == Gender::Male { "male" } else { "female" });
    let (decided, by) = if let Some(g) = majority(&p.honorifics) {
        (Some(g), Some("honorific"))
    } else if let Some(g) = majority(&p.pronouns) {
        (Some(g), Some("pronoun"))
    } else if let Some(g) = given_name {
        (Some(g), Some("given_name"))
    } else {
        (None, None)
    };
    let evidence = json!({
        "honorific": p.honorifics,
        "pronoun": p.pronouns,
        "given_name": given_name,
        "decided_by": by,
    });
    (decided, evidence)
}

fn counted(c: &Counts, label: &str) -> Value {
    let mut v: Vec<(&String, &u64)> = c.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    Value::Array(
        v.into_iter()
            .map(|(k, n)| json!({ label: k, "count": n }))
            .collect(),
    )
}

/// The speaker type most of a part's (or an identity's) claims give, `PERSON` when none.
pub fn majority_type(p: &Part) -> &str {
    p.types
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or("PERSON", |(k, _)| k.as_str())
}

/// One identity as a JSON object; `with_parts` adds what a merge needs.
pub fn row(i: &Identity, rules: &NameRules, with_by: bool, with_parts: bool) -> Value {
    let t = &i.total;
    let kind = majority_type(t);
    let (g, evidence) = gender(t, kind, rules);
    let mut top_cues = counted(&t.cues, "lemma");
    if let Value::Array(a) = &mut top_cues {
        a.truncate(5);
    }
    let mut o = Map::new();
    o.insert("speaker_id".into(), json!(i.id));
    o.insert("name".into(), json!(canonical_name(t)));
    o.insert("variants".into(), counted(&t.variants, "name"));
    o.insert("type".into(), json!(kind));
    o.insert("titles".into(), counted(&t.titles, "value"));
    o.insert("affiliations".into(), counted(&t.affiliations, "value"));
    o.insert("gender".into(), json!(g));
    o.insert("gender_evidence".into(), evidence);
    o.insert("claims".into(), json!(t.kinds.values().sum::<u64>()));
    o.insert("claims_by_kind".into(), json!(t.kinds));
    o.insert("docs".into(), json!(i.docs));
    o.insert("first_date".into(), json!(t.first_date));
    o.insert("last_date".into(), json!(t.last_date));
    o.insert("top_cues".into(), top_cues);
    if with_by {
        o.insert("by".into(), json!(t.by));
    }
    if with_parts {
        o.insert("parts".into(), json!(i.parts));
    }
    Value::Object(o)
}

/// The index as JSON Lines, identities in id order.
pub fn to_jsonl(ix: &SpeakerIndex, rules: &NameRules, with_by: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_jsonl(ix, rules, with_by, &mut out).expect("JSON to memory");
    out
}

/// Writes the index as JSON Lines to `out` row by row (no copy of the whole file in memory).
pub fn write_jsonl(
    ix: &SpeakerIndex,
    rules: &NameRules,
    with_by: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // each row serialized into one buffer, then written whole (a `dyn Write` per token is slow)
    let mut line = Vec::new();
    for i in &ix.identities {
        line.clear();
        serde_json::to_writer(&mut line, &row(i, rules, with_by, true)).expect("JSON to memory");
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}

fn joined(c: &Counts) -> String {
    let mut v: Vec<(&String, &u64)> = c.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{k} ({n})"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The flat table of the index (CSV and Parquet): the header and one row of cells per
/// identity; lists as `value (count); …`.
pub fn table(
    ix: &SpeakerIndex,
    rules: &NameRules,
    with_by: bool,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let mut header = vec![
        "speaker_id",
        "name",
        "type",
        "variants",
        "titles",
        "affiliations",
        "gender",
        "gender_evidence",
        "claims",
    ];
    header.extend(KINDS);
    header.extend(["docs", "first_date", "last_date", "top_cues"]);
    if with_by {
        header.push("by");
    }
    let mut rows = Vec::with_capacity(ix.identities.len());
    for i in &ix.identities {
        let t = &i.total;
        let kind = majority_type(t);
        let (g, evidence) = gender(t, kind, rules);
        let mut cells = vec![
            i.id.clone(),
            canonical_name(t).to_string(),
            kind.to_string(),
            joined(&t.variants),
            joined(&t.titles),
            joined(&t.affiliations),
            g.unwrap_or("").to_string(),
            evidence.to_string(),
            t.kinds.values().sum::<u64>().to_string(),
        ];
        cells.extend(
            KINDS
                .iter()
                .map(|k| t.kinds.get(*k).copied().unwrap_or(0).to_string()),
        );
        let mut cues: Vec<(&String, &u64)> = t.cues.iter().collect();
        cues.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        cells.extend([
            i.docs.to_string(),
            t.first_date.clone().unwrap_or_default(),
            t.last_date.clone().unwrap_or_default(),
            cues.iter()
                .take(5)
                .map(|(k, n)| format!("{k} ({n})"))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
        if with_by {
            cells.push(joined(&t.by));
        }
        rows.push(cells);
    }
    (header, rows)
}

/// The index as CSV: one row per identity.
pub fn to_csv(ix: &SpeakerIndex, rules: &NameRules, with_by: bool) -> Vec<u8> {
    let (header, rows) = table(ix, rules, with_by);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).expect("CSV to memory");
    for cells in rows {
        w.write_record(&cells).expect("CSV to memory");
    }
    w.into_inner().expect("CSV to memory")
}

/// The index as a Parquet file: the CSV's columns, counts as int64, empty cells as nulls.
pub fn to_parquet(ix: &SpeakerIndex, rules: &NameRules, with_by: bool) -> Result<Vec<u8>, String> {
    use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
    use std::sync::Arc;
    let (header, rows) = table(ix, rules, with_by);
    let numeric = |h: &str| h == "claims" || h == "docs" || KINDS.contains(&h);
    let columns: Vec<(&str, ArrayRef)> = header
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let array: ArrayRef = if numeric(h) {
                Arc::new(Int64Array::from_iter(
                    rows.iter().map(|r| r[c].parse::<i64>().ok()),
                ))
            } else {
                Arc::new(StringArray::from_iter(
                    rows.iter()
                        .map(|r| (!r[c].is_empty()).then(|| r[c].as_str())),
                ))
            };
            (*h, array)
        })
        .collect();
    let batch = RecordBatch::try_from_iter(columns).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut out, batch.schema(), None)
        .map_err(|e| e.to_string())?;
    w.write(&batch).map_err(|e| e.to_string())?;
    w.close().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Parts from index rows written by [`to_jsonl`] (for `--merge`).
pub fn parts_of_row(row: &Value) -> Result<Vec<Part>, String> {
    serde_json::from_value(row["parts"].clone()).map_err(|e| format!("not an index row: {e}"))
}
