//! Golden tests: the pipeline over the bundled corpus's hand gold (`tests/gold/*.gold.jsonl`),
//! scored layer by layer with the matching rules of `../shared/eval/score.py`. Each layer has a
//! floor at what the pipeline reaches; a change that lowers one fails here.

mod common;

use claimex::io::output::render_annotation;
use claimex::{Pipeline, RawDoc, Rules};
use common::score::{score, Scores};
use serde_json::Value;

mod floors {
    pub const SENTENCES_EXACT: f64 = 1.0;
    pub const ENTITIES_F1: f64 = 0.97;
    pub const TIMEXES_F1: f64 = 0.99;
    pub const TIMEX_VALUES: f64 = 1.0;
    pub const CLAIMS_F1: f64 = 0.99;
    pub const SPEAKER_SPAN: f64 = 1.0;
    pub const SPEAKER_NAME: f64 = 0.98;
}

fn gold_docs() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.to_string_lossy().ends_with(".gold.jsonl"));
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        for line in std::fs::read_to_string(&p)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            out.push((p.display().to_string(), serde_json::from_str(line).unwrap()));
        }
    }
    out
}

#[test]
fn corpus_gold_scores_hold_their_floors() {
    let pipeline = Pipeline::new(Rules::embedded().unwrap());
    let docs = gold_docs();
    if docs.is_empty() {
        eprintln!("no gold files in tests/gold yet");
        return;
    }
    let mut total = Scores::default();
    for (path, gold) in &docs {
        let mut raw = RawDoc::new(gold["id"].as_str().unwrap(), gold["text"].as_str().unwrap());
        raw.date = gold["date"].as_str().map(String::from);
        let (bytes, _) = render_annotation(&pipeline.annotate(raw));
        let pred: Value = serde_json::from_slice(&bytes).unwrap();
        let s = score(gold, &pred);
        for m in &s.misses {
            eprintln!("{path}: {m}");
        }
        total.add(&s);
    }
    let report = format!(
        "sentences exact {:.3} | entities F1 {:.3} | timexes F1 {:.3}, values {:.3} | claims F1 {:.3} | speaker span {:.3}, name {:.3}",
        total.sentences_exact.acc(),
        total.entities.f1(),
        total.timexes.f1(),
        total.timex_values.acc(),
        total.claims.f1(),
        total.speaker_span.acc(),
        total.speaker_name.acc()
    );
    eprintln!("{report}");
    assert!(
        total.sentences_exact.acc() >= floors::SENTENCES_EXACT,
        "{report}"
    );
    assert!(total.entities.f1() >= floors::ENTITIES_F1, "{report}");
    assert!(total.timexes.f1() >= floors::TIMEXES_F1, "{report}");
    assert!(total.timex_values.acc() >= floors::TIMEX_VALUES, "{report}");
    assert!(total.claims.f1() >= floors::CLAIMS_F1, "{report}");
    assert!(total.speaker_span.acc() >= floors::SPEAKER_SPAN, "{report}");
    assert!(total.speaker_name.acc() >= floors::SPEAKER_NAME, "{report}");
}
