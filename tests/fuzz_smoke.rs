//! The fuzz targets' invariants (src/fuzzing.rs) on the stable toolchain: every file of
//! `corpus/` and `rules/`, cut and spliced, and random bytes from proptest. The coverage-guided
//! runs of the same functions are `scripts/fuzz.sh` (cargo-fuzz, nightly).

use claimex::fuzzing::{annotate_and_write, compile_rules, read_inputs};
use proptest::prelude::*;

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["corpus", "rules"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        out.extend(paths.iter().map(|p| std::fs::read(p).unwrap()));
    }
    out
}

/// Each seed whole, its halves, and a splice of two seeds at odd byte offsets (inside a
/// multi-byte character, inside a JSON string).
fn cuts(seeds: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (i, s) in seeds.iter().enumerate() {
        out.push(s.clone());
        let mid = s.len() / 2 + 1;
        out.push(s[..mid.min(s.len())].to_vec());
        out.push(s[mid.min(s.len())..].to_vec());
        let other = &seeds[(i + 1) % seeds.len()];
        let mut spliced = s[..s.len() / 3].to_vec();
        spliced.extend_from_slice(&other[other.len() / 3..]);
        out.push(spliced);
    }
    out
}

#[test]
fn seeds_and_their_cuts_keep_every_invariant() {
    let all = cuts(&seeds());
    assert!(all.len() > 40);
    for bytes in &all {
        annotate_and_write(bytes);
        read_inputs(bytes);
    }
    for (i, bytes) in all.iter().enumerate().take(60) {
        let mut with_pick = vec![i as u8];
        with_pick.extend_from_slice(bytes);
        compile_rules(&with_pick);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_keep_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        annotate_and_write(&bytes);
        read_inputs(&bytes);
        compile_rules(&bytes);
    }

    #[test]
    fn random_json_lines_keep_every_invariant(
        lines in prop::collection::vec("\\{\"(id|text|date)\":(\"[^\"]{0,30}\"|[0-9]{1,25}|null)(,\"text\":\"[^\"]{0,40}\")?\\}", 0..8)
    ) {
        read_inputs(lines.join("\n").as_bytes());
    }
}
