//! Sentence splitter throughput, one thread, in bytes of text per second.
//!
//! Times `segment::sentences()` alone (paragraphs are found once, before timing) over the texts
//! of `../shared/corpus/polnear-train.jsonl` (840 news articles, 3.9 MB); the case is skipped
//! with a message when the file is absent. A second case times a pathological text: 400k words
//! with "U.S." and "Mr." and no sentence-final mark.

use claimex::doc::Span;
use claimex::rules::RuleSources;
use claimex::segment::{paragraphs, sentences, SegmentRules};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const POLNEAR: &str = "../shared/corpus/polnear-train.jsonl";

fn load_texts(path: &str) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
            .collect(),
    )
}

fn bench_texts(c: &mut Criterion, name: &str, texts: &[String], rules: &SegmentRules) {
    let paras: Vec<Vec<Span>> = texts.iter().map(|t| paragraphs(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, p) in texts.iter().zip(&paras) {
                n += sentences(rules, t, p).len();
            }
            n
        })
    });
    group.finish();
}

fn segment_benches(c: &mut Criterion) {
    let rules = SegmentRules::compile(&RuleSources::embedded()).expect("embedded rules compile");
    match load_texts(POLNEAR) {
        Some(texts) => bench_texts(c, "polnear-train", &texts, &rules),
        None => eprintln!(
            "SKIPPED segment/polnear-train: {POLNEAR} is absent (it lives in ../shared, beside the project)"
        ),
    }
    let words = [
        "the",
        "U.S.",
        "said",
        "Mr.",
        "Smith",
        "of",
        "Inc.",
        "a",
        "“quote”",
    ];
    let mut t = String::new();
    for i in 0..400_000usize {
        t.push_str(words[(i * 7 + i / 3) % words.len()]);
        t.push(' ');
    }
    bench_texts(c, "abbreviations-no-marks", &[t], &rules);
}

criterion_group!(benches, segment_benches);
criterion_main!(benches);
