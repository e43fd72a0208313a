//! Guards the hand gold in `tests/gold/*.gold.jsonl` (it does not run the pipeline).
//!
//! For every document of every gold file: each span of each layer (timexes, entities, claim
//! content/speaker/cue/addressee) is a character-offset slice of `text` equal to its `text`
//! field; sentences are non-empty, in bounds, sorted and non-overlapping; labels and kinds come
//! from the contract's lists. The corpus files in `corpus/` must be the texts the gold annotates.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const TIMEX_TYPES: &[&str] = &["DATE", "TIME", "DURATION", "SET"];
const ENTITY_LABELS: &[&str] = &[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LAW", "EVENT", "MISC",
];
const CLAIM_KINDS: &[&str] = &["direct", "mixed", "indirect", "according_to", "reported"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `tests/gold/*.gold.jsonl`, sorted by name.
fn gold_files() -> Vec<PathBuf> {
    let dir = root().join("tests").join("gold");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".gold.jsonl"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold files in {}", dir.display());
    files
}

/// One parsed gold document with where it came from.
struct GoldDoc {
    source: String,
    doc: Value,
}

fn read_jsonl(path: &Path) -> Vec<GoldDoc> {
    let data = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let source = format!("{}:{}", path.display(), n + 1);
            let doc = serde_json::from_str(line).unwrap_or_else(|e| panic!("{source}: {e}"));
            GoldDoc { source, doc }
        })
        .collect()
}

fn all_gold_docs() -> Vec<GoldDoc> {
    gold_files().iter().flat_map(|p| read_jsonl(p)).collect()
}

fn offset(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// Checks one `{start, end, text}` span against the document's characters.
fn check_span(chars: &[char], span: &Value, what: &str, errors: &mut Vec<String>) {
    let (Some(start), Some(end)) = (offset(&span["start"]), offset(&span["end"])) else {
        errors.push(format!("{what}: start/end missing or not integers: {span}"));
        return;
    };
    let Some(want) = span["text"].as_str() else {
        errors.push(format!("{what}: text missing: {span}"));
        return;
    };
    if start >= end || end > chars.len() {
        errors.push(format!(
            "{what}: bad range {start}..{end} (document has {} chars)",
            chars.len()
        ));
        return;
    }
    let got: String = chars[start..end].iter().collect();
    if got != want {
        errors.push(format!(
            "{what}: text[{start}..{end}] is {got:?}, span says {want:?}"
        ));
    }
}

fn check_sentences(chars: &[char], sentences: &Value, what: &str, errors: &mut Vec<String>) {
    let Some(list) = sentences.as_array() else {
        errors.push(format!("{what}: sentences is not an array"));
        return;
    };
    let mut prev_end = 0;
    for (i, s) in list.iter().enumerate() {
        let (start, end) = match s {
            Value::Array(pair) if pair.len() == 2 => (offset(&pair[0]), offset(&pair[1])),
            Value::Object(_) => (offset(&s["start"]), offset(&s["end"])),
            _ => (None, None),
        };
        let (Some(start), Some(end)) = (start, end) else {
            errors.push(format!(
                "{what}: sentence {i} is not [start, end] or {{start, end}}: {s}"
            ));
            continue;
        };
        if start >= end || end > chars.len() {
            errors.push(format!(
                "{what}: sentence {i} has bad range {start}..{end} (document has {} chars)",
                chars.len()
            ));
            continue;
        }
        if start < prev_end {
            errors.push(format!(
                "{what}: sentence {i} starts at {start}, before the previous one ends at {prev_end}"
            ));
        }
        let first = chars[start];
        let last = chars[end - 1];
        if first.is_whitespace() || last.is_whitespace() {
            errors.push(format!(
                "{what}: sentence {i} ({start}..{end}) begins or ends with whitespace"
            ));
        }
        prev_end = end;
    }
}

fn check_labelled(
    chars: &[char],
    doc: &Value,
    layer: &str,
    field: &str,
    allowed: &[&str],
    what: &str,
    errors: &mut Vec<String>,
) {
    let Some(items) = doc.get(layer) else { return };
    let Some(items) = items.as_array() else {
        errors.push(format!("{what}: {layer} is not an array"));
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let here = format!("{what}: {layer}[{i}]");
        check_span(chars, item, &here, errors);
        match item[field].as_str() {
            Some(v) if allowed.contains(&v) => {}
            _ => errors.push(format!(
                "{here}: {field} {} not one of {allowed:?}",
                item[field]
            )),
        }
    }
}

fn check_claims(chars: &[char], doc: &Value, what: &str, errors: &mut Vec<String>) {
    let Some(claims) = doc.get("claims") else {
        return;
    };
    let Some(claims) = claims.as_array() else {
        errors.push(format!("{what}: claims is not an array"));
        return;
    };
    for (i, claim) in claims.iter().enumerate() {
        let here = format!("{what}: claims[{i}]");
        match claim["kind"].as_str() {
            Some(k) if CLAIM_KINDS.contains(&k) => {}
            _ => errors.push(format!(
                "{here}: kind {} not one of {CLAIM_KINDS:?}",
                claim["kind"]
            )),
        }
        check_span(chars, &claim["content"], &format!("{here}.content"), errors);
        for part in ["speaker", "cue", "addressee"] {
            match claim.get(part) {
                None | Some(Value::Null) => {}
                Some(span) => check_span(chars, span, &format!("{here}.{part}"), errors),
            }
        }
        if let Some(speaker) = claim.get("speaker").filter(|s| !s.is_null()) {
            if !matches!(speaker.get("name"), Some(Value::Null | Value::String(_))) {
                errors.push(format!("{here}.speaker: name must be a string or null"));
            }
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[test]
fn every_gold_span_is_a_slice_of_its_text() {
    let mut errors = Vec::new();
    let mut spans = 0usize;
    for GoldDoc { source, doc } in all_gold_docs() {
        let what = format!("{source} ({})", doc["id"]);
        let Some(text) = doc["text"].as_str() else {
            errors.push(format!("{what}: no text"));
            continue;
        };
        if doc["id"].as_str().is_none_or(str::is_empty) {
            errors.push(format!("{what}: id missing or not a string"));
        }
        match doc.get("date") {
            None | Some(Value::Null) => {}
            Some(Value::String(d)) if is_iso_date(d) => {}
            Some(d) => errors.push(format!("{what}: date {d} is not YYYY-MM-DD")),
        }
        let chars: Vec<char> = text.chars().collect();
        if let Some(sentences) = doc.get("sentences") {
            check_sentences(&chars, sentences, &what, &mut errors);
        }
        check_labelled(
            &chars,
            &doc,
            "timexes",
            "type",
            TIMEX_TYPES,
            &what,
            &mut errors,
        );
        check_labelled(
            &chars,
            &doc,
            "entities",
            "label",
            ENTITY_LABELS,
            &what,
            &mut errors,
        );
        check_claims(&chars, &doc, &what, &mut errors);
        spans += ["timexes", "entities", "claims"]
            .iter()
            .filter_map(|l| doc[l].as_array().map(Vec::len))
            .sum::<usize>();
    }
    assert!(spans > 0, "the gold files hold no spans at all");
    assert!(
        errors.is_empty(),
        "{} problems in the gold:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn gold_ids_are_unique() {
    let mut seen = BTreeMap::new();
    for GoldDoc { source, doc } in all_gold_docs() {
        let id = doc["id"].as_str().unwrap_or_default().to_string();
        if let Some(first) = seen.insert(id.clone(), source.clone()) {
            panic!("id {id:?} appears in {first} and again in {source}");
        }
    }
}

#[test]
fn corpus_files_are_the_gold_texts() {
    let gold: BTreeMap<String, Value> = all_gold_docs()
        .into_iter()
        .map(|g| (g.doc["id"].as_str().unwrap_or_default().to_string(), g.doc))
        .collect();
    let corpus = root().join("corpus");
    let mut checked = BTreeSet::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(stem) = name.strip_suffix(".txt") {
            let text = fs::read_to_string(&path).expect("corpus text is UTF-8");
            let g = gold
                .get(stem)
                .unwrap_or_else(|| panic!("{}: no gold document with id {stem:?}", path.display()));
            assert_eq!(
                g["text"].as_str(),
                Some(text.as_str()),
                "{}: differs from the text of its gold",
                path.display()
            );
            checked.insert(stem.to_string());
        } else if name == "briefs.jsonl" {
            for GoldDoc { source, doc } in read_jsonl(&path) {
                let id = doc["id"].as_str().unwrap_or_default();
                let g = gold
                    .get(id)
                    .unwrap_or_else(|| panic!("{source}: no gold document with id {id:?}"));
                for field in ["text", "date", "title"] {
                    assert_eq!(
                        doc.get(field),
                        g.get(field),
                        "{source}: {field} differs from the gold"
                    );
                }
                checked.insert(id.to_string());
            }
        }
    }
    assert!(
        checked.len() >= 7,
        "expected the seed and at least six articles in corpus/, found {checked:?}"
    );
}
