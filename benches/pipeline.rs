//! Whole-pipeline throughput, one thread, in MB of document text per second.
//!
//! Cases: the bundled `corpus/`, and `../shared/corpus/polnear-train.jsonl` (840 articles,
//! 3.9 MB of text) when it is there; the latter is skipped with a message when it is absent.

use claimex::io::{InputFormat, InputItem, Inputs};
use claimex::{Pipeline, RawDoc, Rules};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const POLNEAR: &str = "../shared/corpus/polnear-train.jsonl";

fn load(paths: &[&str]) -> Vec<RawDoc> {
    let args: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    Inputs::new(&args, InputFormat::Auto)
        .filter_map(|item| match item {
            InputItem::Doc(d) => Some(d),
            InputItem::Error(_) => None,
        })
        .collect()
}

fn bench_docs(c: &mut Criterion, name: &str, docs: &[RawDoc], pipeline: &Pipeline) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut claims = 0;
            for d in docs {
                claims += pipeline.annotate(d.clone()).attributions.len();
            }
            claims
        })
    });
    group.finish();
}

fn pipeline_benches(c: &mut Criterion) {
    let pipeline = Pipeline::new(Rules::embedded().expect("embedded rules compile"));
    let corpus = load(&["corpus"]);
    bench_docs(c, "corpus", &corpus, &pipeline);
    if std::path::Path::new(POLNEAR).exists() {
        let docs = load(&[POLNEAR]);
        bench_docs(c, "polnear-train", &docs, &pipeline);
    } else {
        eprintln!("SKIPPED pipeline/polnear-train: {POLNEAR} is absent (it lives in ../shared, beside the project)");
    }
}

criterion_group!(benches, pipeline_benches);
criterion_main!(benches);
