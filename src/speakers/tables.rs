//! Claim records from `extract`'s CSV and Parquet outputs, as the JSON claim records
//! `speakers` and `report` read (the fields they use; `--keep` columns go to `meta`).

use std::collections::HashMap;
use std::path::Path;

use arrow_array::{Array, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use serde_json::{json, Map, Value};

use crate::io::output::COLUMNS;

/// One claim from named cells; `get` gives a cell's text (empty is absent).
fn claim_of(get: &dyn Fn(&str) -> Option<String>, extra: &[(String, Option<String>)]) -> Value {
    let text = |k: &str| get(k).filter(|s| !s.is_empty());
    let num = |k: &str| text(k).and_then(|s| s.parse::<u64>().ok());
    let speaker = text("speaker_name").map(|name| {
        json!({"text": text("speaker").unwrap_or_default(), "name": name,
               "title": text("speaker_title"), "affiliation": text("speaker_affiliation"),
               "type": text("speaker_type").unwrap_or_else(|| "PERSON".into())})
    });
    let cue = text("cue").map(|c| json!({"text": c, "lemma": text("cue_lemma")}));
    let mut meta = Map::new();
    for (k, v) in extra {
        meta.insert(k.clone(), v.clone().map_or(Value::Null, Value::String));
    }
    json!({
        "doc_id": text("doc_id").unwrap_or_default(),
        "id": text("claim_id"),
        "kind": text("kind").unwrap_or_default(),
        "content": {"start": num("start"), "end": num("end"), "text": text("content").unwrap_or_default()},
        "speaker": speaker,
        "cue": cue,
        "confidence": text("confidence").and_then(|s| s.parse::<f64>().ok()),
        "doc_date": text("doc_date"),
        "title": text("title"),
        "url": text("url"),
        "meta": meta,
    })
}

/// The claims of a claims CSV (`extract --format csv`), in row order.
pub fn csv_claims(path: &Path) -> Result<Vec<Value>, String> {
    let cannot = |e: csv::Error| format!("cannot read {}: {e}", path.display());
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let reader: Box<dyn std::io::Read> =
        if path.to_string_lossy().to_ascii_lowercase().ends_with(".gz") {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
    let mut r = csv::Reader::from_reader(reader);
    let header: Vec<String> = r
        .headers()
        .map_err(cannot)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    if !header.iter().any(|h| h == "claim_id") {
        return Err(format!(
            "{}: not a claims CSV (no claim_id column)",
            path.display()
        ));
    }
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.as_str(), i))
        .collect();
    let extra: Vec<&String> = header
        .iter()
        .filter(|h| !COLUMNS.contains(&h.as_str()))
        .collect();
    let mut out = Vec::new();
    for row in r.records() {
        let row = row.map_err(cannot)?;
        let get = |k: &str| index.get(k).and_then(|&i| row.get(i)).map(str::to_string);
        let kept: Vec<(String, Option<String>)> = extra
            .iter()
            .map(|k| ((*k).clone(), get(k).filter(|s| !s.is_empty())))
            .collect();
        out.push(claim_of(&get, &kept));
    }
    Ok(out)
}

/// A cell of a batch column as text (strings, integers, floats, dates); `None` for null.
fn cell(batch: &RecordBatch, name: &str, row: usize) -> Option<String> {
    let col = batch.column_by_name(name)?;
    if col.is_null(row) {
        return None;
    }
    let any = col.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        return Some(a.value(row).to_string());
    }
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        return Some(a.value(row).to_string());
    }
    if let Some(a) = any.downcast_ref::<Float64Array>() {
        return Some(a.value(row).to_string());
    }
    if let Some(a) = any.downcast_ref::<Date32Array>() {
        return a.value_as_date(row).map(|d| d.to_string());
    }
    None
}

/// The claims of a claims Parquet file (`extract --format parquet`), in row order.
pub fn parquet_claims(path: &Path) -> Result<Vec<Value>, String> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let cannot = |e: &dyn std::fmt::Display| format!("cannot read {}: {e}", path.display());
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| cannot(&e))?
        .build()
        .map_err(|e| cannot(&e))?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| cannot(&e))?;
        let schema = batch.schema();
        let extra: Vec<String> = schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .filter(|n| !COLUMNS.contains(&n.as_str()) && n != "timexes" && n != "entities")
            .collect();
        for row in 0..batch.num_rows() {
            let get = |k: &str| cell(&batch, k, row);
            let kept: Vec<(String, Option<String>)> =
                extra.iter().map(|k| (k.clone(), get(k))).collect();
            out.push(claim_of(&get, &kept));
        }
    }
    Ok(out)
}
