//! The invariants the fuzz targets check (`fuzz/`), kept in the library so that the stable
//! smoke test (`tests/fuzz_smoke.rs`) drives exactly the same code: on any bytes nothing
//! panics, every span slices the text as Python's `text[start:end]`, and every output parses.
//! Each function panics when an invariant fails; that is how a fuzzer sees a bug.

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use serde_json::Value;

use crate::io::output::arrow::claims_batch;
use crate::io::output::{
    csv_header_with, render_annotation, render_claims, render_csv_with, CsvOptions, COLUMNS,
};
use crate::io::{InputFormat, InputItem, InputOptions, Inputs};
use crate::rules::{RuleSources, EMBEDDED};
use crate::{Pipeline, RawDoc, Rules};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::embedded().expect("embedded rules compile")))
}

/// Annotates `bytes` (as UTF-8, invalid sequences replaced) and checks every writer: the
/// annotation's spans slice the text, claim lines parse and count right, the CSV parses with
/// one field per column, the Arrow batch has one row per claim.
pub fn annotate_and_write(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut raw = RawDoc::new("fuzz", text.clone());
    // the first byte picks an anchor date, so relative dates resolve in some runs
    if bytes.first().is_some_and(|b| b % 2 == 0) {
        raw.date = Some("2021-12-28".into());
    }
    let doc = pipeline().annotate(raw);
    let (annotation, n) = render_annotation(&doc);
    let value: Value = serde_json::from_slice(&annotation).expect("annotation is JSON");
    assert_spans_slice(&value, &text);
    let (claims, m) = render_claims(&doc);
    assert_eq!(n, m);
    let lines: Vec<Value> = claims
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("claim line is JSON"))
        .collect();
    assert_eq!(lines.len(), n);
    let options = CsvOptions::default();
    let mut csv_bytes = csv_header_with(&options);
    csv_bytes.extend(render_csv_with(&doc, &options).0);
    let mut reader = csv::Reader::from_reader(&csv_bytes[..]);
    let mut rows = 0;
    for row in reader.records() {
        assert_eq!(row.expect("CSV row parses").len(), COLUMNS.len());
        rows += 1;
    }
    assert_eq!(rows, n);
    assert_eq!(
        claims_batch(std::slice::from_ref(&doc), &options).num_rows(),
        n
    );
}

/// Reads `bytes` as a JSON Lines file, as the same file gzip-compressed, and as a (probably
/// broken) gzip stream: every item is a document or an error record, and the reads end.
pub fn read_inputs(bytes: &[u8]) {
    let options = InputOptions {
        max_doc_bytes: 1 << 16,
        ..InputOptions::default()
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("writing to memory");
    let compressed = gz.finish().expect("writing to memory");
    for (data, name, format) in [
        (bytes.to_vec(), "f.jsonl", InputFormat::Jsonl),
        (bytes.to_vec(), "f", InputFormat::Auto),
        (compressed, "f.jsonl.gz", InputFormat::Jsonl),
        (bytes.to_vec(), "f.jsonl.gz", InputFormat::Jsonl),
    ] {
        let inputs =
            Inputs::from_reader(Box::new(Cursor::new(data)), name, format, options.clone());
        for item in inputs {
            match item {
                InputItem::Doc(d) => assert!(d.text.len() <= options.max_doc_bytes),
                InputItem::Error(e) => {
                    assert!(!e.source.is_empty());
                    serde_json::from_str::<Value>(&e.to_json()).expect("error record is JSON");
                }
            }
        }
    }
}

/// Puts `bytes` in place of one rule file (the first byte picks which) and compiles: the rules
/// compile or every error names a file, never a panic.
pub fn compile_rules(bytes: &[u8]) {
    let Some((pick, body)) = bytes.split_first() else {
        return;
    };
    let (name, _) = EMBEDDED[usize::from(*pick) % EMBEDDED.len()];
    let mut sources = RuleSources::embedded();
    assert!(sources.replace(name, String::from_utf8_lossy(body).into_owned()));
    if let Err(errors) = Rules::compile(&sources) {
        assert!(!errors.is_empty());
        for e in &errors {
            assert!(!e.file.is_empty(), "an error without a file: {e}");
        }
    }
}

/// Checks that every span of an annotation object slices `text` by character offsets.
pub fn assert_spans_slice(doc: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let check = |s: &Value| {
        let a = s["start"].as_u64().expect("start") as usize;
        let b = s["end"].as_u64().expect("end") as usize;
        assert!(
            a <= b && b <= chars.len(),
            "span {a}..{b} outside {}",
            chars.len()
        );
        if let Some(t) = s.get("text").and_then(Value::as_str) {
            let sliced: String = chars[a..b].iter().collect();
            assert_eq!(sliced, t, "span {a}..{b}");
        }
    };
    fn each<'v>(v: &'v Value) -> std::slice::Iter<'v, Value> {
        v.as_array().map_or([].iter(), |a| a.iter())
    }
    for layer in ["sentences", "entities", "timexes", "quotes"] {
        each(&doc[layer]).for_each(check);
    }
    for sp in each(&doc["speakers"]) {
        each(&sp["mentions"]).for_each(check);
    }
    for c in each(&doc["claims"]) {
        for key in ["content", "speaker", "cue", "addressee"] {
            if !c[key].is_null() {
                check(&c[key]);
            }
        }
        for key in ["timexes", "entities"] {
            each(&c[key]).for_each(check);
        }
    }
}
