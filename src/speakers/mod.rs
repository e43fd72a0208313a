//! `claimex speakers`: one identity per person or organization across a corpus, with the
//! figures researchers count by (claims by kind, documents, dates, titles, cues, gender with
//! its evidence), built from claim records or straight from documents.
//!
//! Merge rules (the words come from rule files, see [`names`]):
//! - one key per name: case, dots, a possessive and leading titles or honorifics do not count
//!   ("President Trump", "Mr. Trump's", "TRUMP" → `trump`);
//! - people with the same first and last word are one when the corpus has at most one middle
//!   form for them ("Donald J. Trump" = "Donald Trump"); with two or more ("George W. Bush",
//!   "George H. W. Bush") every form stays its own identity, and so does the bare one;
//! - a given name made of a full name's initials is that person ("Jeb Bush" = "John Ellis
//!   Bush"), and so is a given name written as its initial when one person of that surname has
//!   a given name with that letter ("B. Hussein Obama" = "Barack Obama");
//! - a given name the list does not know, one letter from a listed one with the same other
//!   words and less quoted, is its misspelling ("Rence Priebus" = "Reince Priebus");
//! - a bare surname joins a full name when the corpus has one person of that surname whose
//!   gender evidence does not contradict the surname's honorifics ("Mr. Trump" is not Ivanka
//!   Trump), or when one of them has 19 times the claims of the others together
//!   ([`link::DOMINANT`]: "Obama" = Barack Obama, 115 claims, not Michelle Obama, 2); else it
//!   stays apart ("Clinton" from Hillary and Bill Clinton, "Cruz" from Ted and Rafael Cruz).
//!   Within an article, coreference has already named "he" and "Clinton" after the full name
//!   where it could. The surname is the last word, or the word before a generational suffix
//!   with it (`name_suffixes.txt`: "Verdery Jr");
//! - an acronym joins an organization when a claim's text used it for that organization
//!   ("EPA" spoken as the Environmental Protection Agency);
//! - unsure means apart: nothing else merges.
//!
//! Every figure of an identity is a sum over its *parts* (one per name key), and the JSON
//! Lines rows keep their parts, so `--merge` of indexes built on shards equals the index of
//! the whole corpus. Documents are counted without keeping them ([`gather`]): memory follows
//! distinct names, not claims.

pub mod gather;
pub mod index;
pub mod link;
pub mod names;
pub mod part;
pub mod rows;
pub mod tables;
#[cfg(test)]
mod tests;

use std::io::{BufRead, BufReader, Cursor, Read, Write};
use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

use crate::io::output::render_claims;
use crate::io::{InputFormat, InputItem, InputOptions, Inputs};
use crate::pipeline::Pipeline;
pub use gather::{index_of, Gather};
pub use index::{claim_part, Part, SpeakerIndex};
pub use names::NameRules;

/// What one input line was.
enum Line {
    Claim(Value),
    Row(Value),
    Doc(crate::RawDoc),
}

/// Reads `paths` in order: directories and `.txt` files as documents (as `extract` reads
/// them); `.csv` and `.parquet` files as `extract`'s claim tables; every other file (or `-`)
/// line by line, each line a claim record, an index row (for
/// a merge) or a JSON document; `.gz` is decompressed. Bad lines are counted.
fn read_lines(paths: &[String], mut each: impl FnMut(Line), bad: &mut usize) -> Result<(), String> {
    let mut files: Vec<String> = Vec::new();
    for p in paths {
        let lower = p.to_ascii_lowercase();
        if Path::new(p).is_dir() || lower.ends_with(".txt") || lower.ends_with(".txt.gz") {
            // documents, read as `extract` reads them (so their ids are the same)
            for item in Inputs::new(std::slice::from_ref(p), InputFormat::Auto) {
                match item {
                    InputItem::Doc(d) => each(Line::Doc(d)),
                    InputItem::Error(_) => *bad += 1,
                }
            }
        } else if lower.ends_with(".csv") || lower.ends_with(".csv.gz") {
            tables::csv_claims(Path::new(p))?
                .into_iter()
                .for_each(|c| each(Line::Claim(c)));
        } else if lower.ends_with(".parquet") || lower.ends_with(".pq") {
            tables::parquet_claims(Path::new(p))?
                .into_iter()
                .for_each(|c| each(Line::Claim(c)));
        } else {
            files.push(p.clone());
        }
    }
    if paths.is_empty() {
        files.push("-".into());
    }
    for f in files {
        let raw: Box<dyn Read> = if f == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(&f).map_err(|e| format!("cannot read input {f}: {e}"))?)
        };
        let reader: Box<dyn BufRead> = if f.to_ascii_lowercase().ends_with(".gz") {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(raw)))
        } else {
            Box::new(BufReader::new(raw))
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| format!("cannot read {f}: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let Ok(v) = serde_json::from_str::<Value>(&line) else {
                *bad += 1;
                continue;
            };
            if v.get("kind").is_some() && v.get("content").is_some() {
                each(Line::Claim(v));
            } else if v.get("speaker_id").is_some() && v.get("parts").is_some() {
                each(Line::Row(v));
            } else if v.get("text").is_some() {
                let name = format!("{f}:{}", n + 1);
                let items = Inputs::from_reader(
                    Box::new(Cursor::new(line.into_bytes())),
                    &name,
                    InputFormat::Jsonl,
                    InputOptions::default(),
                );
                for item in items {
                    match item {
                        InputItem::Doc(mut d) => {
                            if d.id == format!("{name}:1") {
                                d.id = name.clone();
                            }
                            each(Line::Doc(d))
                        }
                        InputItem::Error(_) => *bad += 1,
                    }
                }
            } else {
                *bad += 1;
            }
        }
    }
    Ok(())
}

/// The result of building an index.
pub struct Built {
    /// The index.
    pub index: SpeakerIndex,
    /// Lines that were neither claims, index rows nor documents (or did not parse).
    pub bad_lines: usize,
    /// Index rows read (a merge).
    pub rows_read: usize,
    /// Claim records and documents read.
    pub others_read: usize,
    /// Distinct documents: those read, and those the claim records name.
    pub documents: usize,
    /// Documents whose claims did not come together (see [`Gather`]): their document counts
    /// may count them more than once.
    pub scattered: usize,
}

/// Builds the index of `paths`: claim records are read as they are, documents run through
/// `pipeline` (in parallel, in order), index rows are merged. `by` is the field to count
/// claims by (`month`, or a field of the input's `meta`). `spill`, when given, receives every
/// claim as one JSON line `[name key or null, claim]`, in input order (for `--claims-out`, which
/// adds the ids once the index is built: the claims wait on disk, not in memory); `on_claim`
/// sees each claim as it goes, with its name key (for a report).
pub fn build(
    paths: &[String],
    pipeline: &Pipeline,
    rules: &NameRules,
    by: Option<&str>,
    mut spill: Option<&mut dyn Write>,
    on_claim: &mut dyn FnMut(&Value, Option<&str>),
) -> Result<Built, String> {
    // one part per name key, summed as claims come: memory follows distinct names, not claims
    let mut gather = Gather::new();
    let mut spill_error: Option<std::io::Error> = None;
    let mut docs: Vec<crate::RawDoc> = Vec::new();
    let mut bad = 0;
    let mut take = |c: Value, gather: &mut Gather| {
        let key = gather.add(&c, rules, by);
        on_claim(&c, key.as_deref());
        if let Some(w) = spill.as_mut().filter(|_| spill_error.is_none()) {
            let line = serde_json::to_vec(&(key.as_deref(), &c)).expect("JSON to memory");
            if let Err(e) = w.write_all(&line).and_then(|()| w.write_all(b"\n")) {
                spill_error = Some(e);
            }
        }
    };
    let flush = |docs: &mut Vec<crate::RawDoc>| -> Vec<Value> {
        let rendered: Vec<Vec<u8>> = std::mem::take(docs)
            .into_par_iter()
            .map(|d| render_claims(&pipeline.annotate(d)).0)
            .collect();
        rendered
            .iter()
            .flat_map(|b| b.split(|c| *c == b'\n').filter(|l| !l.is_empty()))
            .map(|l| serde_json::from_slice(l).expect("claim records are JSON"))
            .collect()
    };
    let mut rows_parts: Vec<Part> = Vec::new();
    let (mut rows_read, mut others_read, mut bad_read) = (0, 0, 0);
    // 8 bytes a document, for the count of distinct documents
    let mut doc_ids: std::collections::HashSet<u64> = std::collections::HashSet::new();
    read_lines(
        paths,
        |line| match line {
            Line::Claim(c) => {
                others_read += 1;
                if let Some(d) = c["doc_id"].as_str() {
                    doc_ids.insert(crate::hash::stable_key(d));
                }
                take(c, &mut gather)
            }
            Line::Row(r) => match rows::parts_of_row(&r) {
                Ok(ps) => {
                    rows_read += 1;
                    rows_parts.extend(ps)
                }
                Err(_) => bad += 1,
            },
            Line::Doc(d) => {
                others_read += 1;
                doc_ids.insert(crate::hash::stable_key(&d.id));
                docs.push(d);
                if docs.len() >= 256 {
                    for c in flush(&mut docs) {
                        take(c, &mut gather);
                    }
                }
            }
        },
        &mut bad_read,
    )?;
    for c in flush(&mut docs) {
        take(c, &mut gather);
    }
    if let Some(e) = spill_error {
        return Err(format!("cannot hold the claims for --claims-out: {e}"));
    }
    let scattered = gather.scattered();
    let parts = gather.finish().into_iter().chain(rows_parts);
    Ok(Built {
        scattered,
        index: SpeakerIndex::from_parts(parts),
        bad_lines: bad + bad_read,
        rows_read,
        others_read,
        documents: doc_ids.len(),
    })
}
