//! Whole-pipeline throughput, one thread, in MB of document text per second, and each stage
//! alone (`stage/NAME`, over documents already annotated by the stages before it).
//!
//! Cases: the bundled `corpus/`, and `../shared/corpus/polnear-train.jsonl` (840 articles,
//! 3.9 MB of text) when it is there; the latter is skipped with a message when it is absent.

use claimex::io::{InputFormat, InputItem, Inputs};
use claimex::pipeline::Rules as CompiledRules;
use claimex::{Doc, Pipeline, RawDoc, Rules};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

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

type Stage = fn(&CompiledRules, &mut Doc);

const STAGES: &[(&str, Stage)] = &[
    ("segment", |r, d| {
        claimex::segment::segment(&r.segment, &r.vocab, d)
    }),
    ("quotes", |r, d| claimex::quotes::find(&r.quotes, d)),
    ("entities", |r, d| claimex::entities::tag(&r.entities, d)),
    ("timex", |r, d| claimex::timex::tag(&r.timex, d)),
    ("attribution", |r, d| {
        claimex::attribution::find(&r.attribution, d)
    }),
    ("coref", |r, d| claimex::coref::resolve(&r.coref, d)),
];

fn bench_stages(c: &mut Criterion, docs: &[RawDoc], rules: &CompiledRules) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let mut ready: Vec<Doc> = docs
        .iter()
        .map(|d| Doc::new(d.id.clone(), d.text.clone()))
        .collect();
    for (name, stage) in STAGES {
        group.bench_function(*name, |b| {
            b.iter_batched(
                || ready.clone(),
                |mut batch| {
                    for d in &mut batch {
                        stage(rules, d);
                    }
                    batch
                },
                BatchSize::PerIteration,
            )
        });
        for d in &mut ready {
            stage(rules, d);
        }
    }
    group.finish();
}

fn pipeline_benches(c: &mut Criterion) {
    let pipeline = Pipeline::new(Rules::embedded().expect("embedded rules compile"));
    let corpus = load(&["corpus"]);
    bench_docs(c, "corpus", &corpus, &pipeline);
    if std::path::Path::new(POLNEAR).exists() {
        let docs = load(&[POLNEAR]);
        bench_docs(c, "polnear-train", &docs, &pipeline);
        bench_stages(c, &docs, pipeline.rules());
    } else {
        eprintln!("SKIPPED pipeline/polnear-train: {POLNEAR} is absent (it lives in ../shared, beside the project)");
    }
}

criterion_group!(benches, pipeline_benches);
criterion_main!(benches);
