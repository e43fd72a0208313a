//! `claimex speakers` end to end: identities from documents and from claim records agree,
//! every claim's speaker_id is a row of the index, ids do not depend on order or threads, and
//! indexes of shards merge into the index of the whole.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use claimex::io::output::render_claims;
use claimex::speakers::{rows, NameRules, SpeakerIndex};
use claimex::{Pipeline, RawDoc, Rules};
use common::{claimex, json_lines, Scratch};
use proptest::prelude::*;
use serde_json::Value;

/// The claim records of every document of corpus/ (the library, no CLI).
fn corpus_claims() -> Vec<Value> {
    let pipeline = Pipeline::new(Rules::embedded().unwrap());
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let id = p.file_name().unwrap().to_string_lossy().into_owned();
        let (bytes, _) = render_claims(&pipeline.annotate(RawDoc::new(id, text)));
        out.extend(json_lines(&bytes));
    }
    out
}

/// Claims, claims by kind, and documents of one speaker, counted from the claims.
type Tally = (
    u64,
    BTreeMap<String, u64>,
    std::collections::BTreeSet<String>,
);

fn index_of(claims: &[Value], rules: &NameRules) -> SpeakerIndex {
    claimex::speakers::index_of(claims, rules, Some("month"))
}

fn rules() -> NameRules {
    NameRules::compile(&claimex::rules::RuleSources::embedded()).unwrap()
}

/// `claimex speakers corpus/ -o INDEX --claims-out CLAIMS`.
fn index_corpus_with_claims(index: &Path, claims_out: &Path) -> std::process::Output {
    claimex(
        &[
            "speakers",
            "corpus/",
            "-o",
            index.to_str().unwrap(),
            "--claims-out",
            claims_out.to_str().unwrap(),
        ],
        b"",
    )
}

#[test]
fn claims_out_with_a_csv_name_is_refused_not_filled_with_json() {
    let s = Scratch::new("speakers-claims-out-csv");
    let index = s.path("index.jsonl");
    let claims_out = s.path("claims.csv");
    let out = index_corpus_with_claims(&index, &claims_out);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--claims-out writes JSON Lines"));
    assert!(!claims_out.exists() && !index.exists());
}

#[test]
fn claims_out_named_gz_is_compressed() {
    let s = Scratch::new("speakers-claims-out-gz");
    let (index, plain, packed) = (
        s.path("index.jsonl"),
        s.path("claims.jsonl"),
        s.path("claims.jsonl.gz"),
    );
    assert!(index_corpus_with_claims(&index, &plain).status.success());
    assert!(index_corpus_with_claims(&index, &packed).status.success());
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&packed).unwrap()),
        &mut unpacked,
    )
    .unwrap();
    assert_eq!(unpacked, std::fs::read(&plain).unwrap());
}

#[test]
fn the_cli_index_counts_what_the_claims_say() {
    let s = Scratch::new("speakers-cli");
    let index = s.path("index.jsonl");
    let claims_out = s.path("claims.jsonl");
    let out = index_corpus_with_claims(&index, &claims_out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&std::fs::read(&index).unwrap());
    let claims = json_lines(&std::fs::read(&claims_out).unwrap());
    assert!(rows.len() > 10 && claims.len() > 50);
    // counted independently: claims per speaker_id, by kind, and documents
    let mut by_id: BTreeMap<String, Tally> = BTreeMap::new();
    for c in &claims {
        let Some(id) = c["speaker_id"].as_str() else {
            assert!(
                c["speaker"].is_null() || c["speaker"]["type"] == "PRONOUN",
                "{c}"
            );
            continue;
        };
        let e = by_id.entry(id.to_string()).or_default();
        e.0 += 1;
        *e.1.entry(c["kind"].as_str().unwrap().to_string())
            .or_default() += 1;
        e.2.insert(c["doc_id"].as_str().unwrap().to_string());
    }
    assert_eq!(
        by_id.len(),
        rows.len(),
        "every row has claims and every id a row"
    );
    for r in &rows {
        let (n, kinds, docs) = &by_id[r["speaker_id"].as_str().unwrap()];
        assert_eq!(r["claims"].as_u64().unwrap(), *n);
        assert_eq!(r["docs"].as_u64().unwrap(), docs.len() as u64);
        let got: BTreeMap<String, u64> =
            serde_json::from_value(r["claims_by_kind"].clone()).unwrap();
        assert_eq!(&got, kinds);
        // gender only from evidence
        if r["gender"].is_null() {
            assert!(r["gender_evidence"]["decided_by"].is_null());
        }
    }
    // the CSV of the same index has one row per identity
    let csv_path = s.path("index.csv");
    let o = claimex(
        &[
            "speakers",
            "corpus/",
            "-o",
            csv_path.to_str().unwrap(),
            "-q",
        ],
        b"",
    );
    assert!(o.status.success());
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(reader.records().count(), rows.len());
    // and as Parquet: one row per identity, counts as integers
    let pq = s.path("index.parquet");
    let o = claimex(
        &["speakers", "corpus/", "-o", pq.to_str().unwrap(), "-q"],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&pq).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let mut n = 0;
    for batch in reader {
        let batch = batch.unwrap();
        assert!(batch
            .column_by_name("claims")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .is_some());
        n += batch.num_rows();
    }
    assert_eq!(n, rows.len());
    // built from the claim records instead of the documents: the same index
    let extracted = s.path("extracted.jsonl");
    assert!(claimex(
        &[
            "extract",
            "corpus/",
            "-o",
            extracted.to_str().unwrap(),
            "-q"
        ],
        b""
    )
    .status
    .success());
    let again = s.path("again.jsonl");
    assert!(claimex(
        &[
            "speakers",
            extracted.to_str().unwrap(),
            "-o",
            again.to_str().unwrap(),
            "-q"
        ],
        b""
    )
    .status
    .success());
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&index).unwrap()
    );
    // from the CSV and the Parquet claims: the same index, byte for byte
    for table in ["claims.csv", "claims.parquet"] {
        let path = s.path(table);
        assert!(claimex(
            &["extract", "corpus/", "-o", path.to_str().unwrap(), "-q"],
            b""
        )
        .status
        .success());
        let out = s.path(&format!("{table}.index.jsonl"));
        let o = claimex(
            &[
                "speakers",
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "-q",
            ],
            b"",
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            std::fs::read(&out).unwrap(),
            std::fs::read(&index).unwrap(),
            "{table}"
        );
    }
    // and merged from two shard indexes
    let text = std::fs::read_to_string(&extracted).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // cut between two documents (a shard holds whole documents)
    let doc_of = |l: &str| serde_json::from_str::<Value>(l).unwrap()["doc_id"].clone();
    let mut half = lines.len() / 2;
    while half < lines.len() && doc_of(lines[half]) == doc_of(lines[half - 1]) {
        half += 1;
    }
    let (a, b) = (s.path("a.jsonl"), s.path("b.jsonl"));
    std::fs::write(&a, lines[..half].join("\n") + "\n").unwrap();
    std::fs::write(&b, lines[half..].join("\n") + "\n").unwrap();
    let (ia, ib, merged) = (
        s.path("ia.jsonl"),
        s.path("ib.jsonl"),
        s.path("merged.jsonl"),
    );
    for (input, out) in [(&a, &ia), (&b, &ib)] {
        assert!(claimex(
            &[
                "speakers",
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "-q"
            ],
            b""
        )
        .status
        .success());
    }
    let o = claimex(
        &[
            "speakers",
            "--merge",
            ia.to_str().unwrap(),
            ib.to_str().unwrap(),
            "-o",
            merged.to_str().unwrap(),
            "-q",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(&merged).unwrap(),
        std::fs::read(&index).unwrap()
    );
    // --merge refuses claims
    let o = claimex(
        &["speakers", "--merge", extracted.to_str().unwrap(), "-q"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn shards_merge_into_the_index_of_the_whole(
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        seed in any::<u64>(),
    ) {
        let claims = corpus_claims();
        let r = rules();
        let whole = index_of(&claims, &r);
        // the claims of each document together (as extract writes them), documents shuffled
        // (a fixed permutation from the seed), claims within a document too; then cut into
        // shards between documents
        let mut docs: Vec<Vec<Value>> = Vec::new();
        for c in &claims {
            match docs.last_mut() {
                Some(d) if d[0]["doc_id"] == c["doc_id"] => d.push(c.clone()),
                _ => docs.push(vec![c.clone()]),
            }
        }
        let mut x = seed | 1;
        let mut next = move || { x ^= x << 13; x ^= x >> 7; x ^= x << 17; x };
        for i in (1..docs.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            docs.swap(i, j);
        }
        for d in &mut docs {
            for i in (1..d.len()).rev() {
                let j = (next() % (i as u64 + 1)) as usize;
                d.swap(i, j);
            }
        }
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(docs.len() + 1)).collect();
        bounds.push(0);
        bounds.push(docs.len());
        bounds.sort();
        let shards: Vec<SpeakerIndex> = bounds
            .windows(2)
            .map(|w| index_of(&docs[w[0]..w[1]].concat(), &r))
            .collect();
        let shuffled: Vec<Value> = docs.concat();
        let merged = SpeakerIndex::merge(shards);
        prop_assert_eq!(
            rows::to_jsonl(&merged, &r, true),
            rows::to_jsonl(&whole, &r, true)
        );
        // and the order of the claims never changes an id
        prop_assert_eq!(index_of(&shuffled, &r), whole);
    }
}

/// A document whose claims come apart is reported, since its document counts may be high.
#[test]
fn scattered_documents_are_reported() {
    let claim = |doc: &str| {
        format!(
            r#"{{"doc_id":"{doc}","kind":"direct","content":{{"text":"x"}},"speaker":{{"text":"Ann Lee","name":"Ann Lee","type":"PERSON"}}}}"#
        )
    };
    let together = [claim("a"), claim("a"), claim("b")].join("\n") + "\n";
    let apart = [claim("a"), claim("b"), claim("a")].join("\n") + "\n";
    let o = claimex(&["speakers"], together.as_bytes());
    assert!(o.status.success());
    assert!(!String::from_utf8_lossy(&o.stderr).contains("did not come together"));
    let rows = json_lines(&o.stdout);
    assert_eq!(rows[0]["docs"], 2);
    let o = claimex(&["speakers"], apart.as_bytes());
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the claims of 1 documents did not come together"),
        "{err}"
    );
}

/// The merges on polnear-train against the hand check in tests/gold/speaker_merges.tsv.
#[test]
fn merges_on_polnear_train_are_the_hand_checked_ones() {
    let train = std::path::Path::new("../shared/corpus/polnear-train.jsonl");
    if !train.exists() {
        eprintln!("../shared/corpus/polnear-train.jsonl is absent: the hand check is not run");
        return;
    }
    let s = Scratch::new("speakers-hand");
    let index = s.path("index.jsonl");
    let o = claimex(
        &[
            "speakers",
            train.to_str().unwrap(),
            "-o",
            index.to_str().unwrap(),
            "-q",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let checked: BTreeMap<(String, String), String> =
        std::fs::read_to_string("tests/gold/speaker_merges.tsv")
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                ((f[0].to_string(), f[1].to_string()), f[2].to_string())
            })
            .collect();
    let mut same = 0;
    let mut total = 0;
    for row in json_lines(&std::fs::read(&index).unwrap()) {
        let mut names: Vec<String> = row["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let v = p["variants"].as_object().unwrap();
                let best = v
                    .iter()
                    .max_by(|a, b| a.1.as_u64().cmp(&b.1.as_u64()).then(a.0.cmp(b.0)))
                    .unwrap();
                best.0.clone()
            })
            .collect();
        names.sort();
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                let key = (names[i].clone(), names[j].clone());
                let verdict = checked
                    .get(&key)
                    .unwrap_or_else(|| panic!("a merge nobody checked: {key:?}"));
                total += 1;
                same += usize::from(verdict == "same");
            }
        }
    }
    assert!(total >= 40, "{total} merges");
    assert!(
        same * 100 >= total * 97,
        "{same} of {total} merges are one person"
    );
}
