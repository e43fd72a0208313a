//! End-to-end tests of the command line: inputs, outputs, errors, exit codes, determinism.

mod common;

use common::{assert_spans_slice, claimex, json_lines, Scratch};
use std::io::Write;

const ARTICLE: &str = "“We will not back down,” the minister said on Tuesday. Officials agreed.\n";

fn jsonl_doc(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": "2021-12-28"}).to_string()
}

#[test]
fn annotate_reads_stdin_jsonl_and_keeps_order_and_metadata() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": ARTICLE, "date": "2021-12-28", "title": "T", "url": "http://x"}),
        jsonl_doc("b", "Second doc.")
    );
    let out = claimex(&["annotate", "--progress", "never"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["date"], "2021-12-28");
    assert_eq!(docs[0]["title"], "T");
    assert_eq!(docs[0]["url"], "http://x");
    assert_eq!(docs[1]["id"], "b");
    assert_spans_slice(&docs[0], ARTICLE);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 documents read"), "{summary}");
    assert!(summary.contains("0 errors"), "{summary}");
}

#[test]
fn txt_files_directories_and_ids() {
    let s = Scratch::new("dirs");
    s.write("in/b.txt", "Bee text.");
    s.write("in/a/z.txt", "Zed text.");
    s.write("in/notes.md", "ignored");
    s.write("in/c.jsonl", format!("{}\n", jsonl_doc("c1", "Cee.")));
    let dir = s.path("in");
    let out = claimex(&["annotate", dir.to_str().unwrap()], b"");
    assert!(out.status.success());
    let ids: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    // sorted by path: a/z.txt, b.txt, c.jsonl
    assert_eq!(ids, vec!["a/z.txt", "b.txt", "c1"]);
    let file = s.path("in/b.txt");
    let out = claimex(&["annotate", file.to_str().unwrap()], b"");
    assert_eq!(json_lines(&out.stdout)[0]["id"], file.to_str().unwrap());
}

#[test]
fn gzip_inputs_and_sniffing() {
    let s = Scratch::new("gz");
    let enc = flate2_like_gzip(
        format!("{}\n{}\n", jsonl_doc("g1", "One."), jsonl_doc("g2", "Two.")).as_bytes(),
    );
    let gz = s.write("docs.jsonl.gz", &enc);
    let out = claimex(&["annotate", &gz], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout).len(), 2);
    // a name that says nothing: sniffed as JSON Lines from its first byte
    let other = s.write("docs.data", format!("\n  {}\n", jsonl_doc("x", "Ex.")));
    let out = claimex(&["annotate", &other], b"");
    assert_eq!(json_lines(&out.stdout)[0]["id"], "x");
    // ... or as text, and --input-format text forces one document
    let out = claimex(&["annotate", "--input-format", "text", &other], b"");
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], other.as_str());
}

/// Gzip-compresses `data` (flate2 is already a dependency of the library).
fn flate2_like_gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn bad_inputs_give_error_records_and_the_run_goes_on() {
    let s = Scratch::new("bad");
    let bad_utf8 = s.write("bad.txt", b"He said \xff\xfe it was over.\n");
    let empty = s.write("empty.txt", b"");
    let lines = [
        jsonl_doc("ok-1", ARTICLE),
        "not json at all".to_string(),
        r#"{"id": "no-text"}"#.to_string(),
        r#"{"id": "text-not-string", "text": 42}"#.to_string(),
        jsonl_doc("nul", "A NUL \u{0} inside, “quoted,” he said."),
        r#"{"id": "lone-surrogate", "text": "bad \ud800 escape"}"#.to_string(),
        r#"{"id": "truncated", "text": "unterminated"#.to_string(),
        jsonl_doc("ok-last", "The end."),
    ];
    let jsonl = s.write("mixed.jsonl", lines.join("\n"));
    let big_text = format!(
        "President Joe Biden said “{}” on Monday.",
        "The talks will go on. ".repeat(950_000)
    );
    let big = s.write("big.jsonl", format!("{}\n", jsonl_doc("big", &big_text)));
    let mut gz = flate2_like_gzip(
        (0..200)
            .map(|i| jsonl_doc(&format!("g{i}"), &ARTICLE.repeat(5)) + "\n")
            .collect::<String>()
            .as_bytes(),
    );
    gz.truncate(gz.len() / 2);
    let gz = s.write("cut.jsonl.gz", gz);
    let errors = s.path("errors.jsonl");
    let out = claimex(
        &[
            "annotate",
            "--progress",
            "never",
            "--errors",
            errors.to_str().unwrap(),
            &bad_utf8,
            &empty,
            &jsonl,
            &big,
            &gz,
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..4], &[empty.as_str(), "ok-1", "nul", "ok-last"]);
    assert_eq!(ids[4], "big");
    assert!(
        ids.len() > 5
            && ids[5..]
                .iter()
                .enumerate()
                .all(|(i, id)| *id == format!("g{i}"))
    );
    let errs = json_lines(&std::fs::read(&errors).unwrap());
    let reasons: Vec<(String, String)> = errs
        .iter()
        .map(|e| {
            (
                e["doc_id"].as_str().unwrap().to_string(),
                e["error"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // (a missing input is a usage error before anything is read: tests/output.rs)
    assert_eq!(reasons.len(), 7, "{reasons:?}");
    assert!(reasons[0].1.contains("invalid UTF-8"));
    assert!(reasons[1].0.ends_with("mixed.jsonl:2") && reasons[1].1.contains("JSON"));
    assert_eq!(reasons[2].0, "no-text");
    assert_eq!(reasons[3].0, "text-not-string");
    // the id is read even when the text's escapes are broken
    assert!(
        reasons[4].0 == "lone-surrogate" && reasons[4].1.contains("\"text\""),
        "lone surrogate: {:?}",
        reasons[4]
    );
    assert!(
        reasons[5].0.ends_with("mixed.jsonl:7"),
        "truncated line: {:?}",
        reasons[5]
    );
    assert!(
        reasons[6].1.contains("truncated") || reasons[6].1.contains("corrupt"),
        "{:?}",
        reasons[6]
    );
    for e in &errs {
        assert!(e["source"].as_str().is_some_and(|s| !s.is_empty()));
    }
    // stderr carries the same records and the summary counts them
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().filter(|l| l.starts_with('{')).count(), 7);
    assert!(stderr.contains(" 7 errors"), "{stderr}");
    // the NUL document is processed with its spans intact
    let nul_text = "A NUL \u{0} inside, “quoted,” he said.";
    assert_spans_slice(&docs[2], nul_text);
}

#[test]
fn output_is_byte_identical_at_any_thread_count() {
    let s = Scratch::new("det");
    let mut f = std::fs::File::create(s.path("many.jsonl")).unwrap();
    let texts = [
        ARTICLE,
        "Sen. Ted Cruz (R-TX) said Monday that the deal was “a disaster.” The U.S. agreed.",
        "According to a Reuters report, the talks will resume on January 10.\n\n“It is over,” he said.",
        "Zoë said “東京 👩‍👩‍👧” — then left. Officials declined to comment.",
    ];
    for i in 0..3000 {
        writeln!(
            f,
            "{}",
            jsonl_doc(&format!("d{i}"), &texts[i % texts.len()].repeat(1 + i % 3))
        )
        .unwrap();
    }
    drop(f);
    let input = s.path("many.jsonl");
    let input = input.to_str().unwrap();
    for cmd in [
        &["extract"][..],
        &["extract", "--format", "csv"],
        &["annotate"],
    ] {
        let run = |j: &str| {
            let mut args = cmd.to_vec();
            args.extend(["-j", j, "--progress", "never", input]);
            let out = claimex(&args, b"");
            assert!(out.status.success());
            out.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("2"), "{cmd:?}: -j 1 and -j 2 differ");
    }
}

#[test]
fn csv_has_the_spec_header_and_parses_back() {
    let out = claimex(
        &["extract", "--format", "csv", "--progress", "never", "-"],
        format!("{}\n", jsonl_doc("q", ARTICLE)).as_bytes(),
    );
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..11],
        [
            "doc_id",
            "claim_id",
            "kind",
            "speaker",
            "speaker_name",
            "speaker_title",
            "cue",
            "content",
            "start",
            "end",
            "dates"
        ],
        "SPEC §5's columns come first, in order"
    );
    for row in r.records() {
        let row = row.unwrap();
        assert_eq!(row.len(), claimex::io::output::COLUMNS.len());
        assert_eq!(&row[0], "q");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        claimex(&["extract", "--format", "xml"], b"").status.code(),
        Some(2)
    );
    assert_eq!(
        claimex(&["annotate", "--dct", "soon"], b"").status.code(),
        Some(2)
    );
    assert_eq!(claimex(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn rules_check_reports_file_and_line() {
    let out = claimex(&["rules", "check"], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let s = Scratch::new("rules");
    s.write("r/abbreviations.txt", b"# ok\nMr.\n\xff\xfe\n");
    s.write("r/no_such_rules.txt", "x\n");
    let dir = s.path("r");
    let out = claimex(&["rules", "check", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("abbreviations.txt:3: not valid UTF-8"),
        "{report}"
    );
    assert!(
        report.contains("no_such_rules.txt: unknown rule file"),
        "{report}"
    );
    // the same rules stop extract before any document is read
    let out = claimex(
        &["extract", "--rules", dir.to_str().unwrap(), "-"],
        b"{\"text\":\"x\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn progress_bar_goes_to_stderr_and_output_to_the_file() {
    let s = Scratch::new("progress");
    let out_path = s.path("out.jsonl");
    let out = claimex(
        &[
            "annotate",
            "--progress",
            "always",
            "-o",
            out_path.to_str().unwrap(),
            "-",
        ],
        format!("{}\n", jsonl_doc("p", ARTICLE)).as_bytes(),
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout when -o is given");
    let docs = json_lines(&std::fs::read(&out_path).unwrap());
    assert_eq!(docs.len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 documents read"));
}

#[test]
fn rules_dir_replaces_a_file_by_name() {
    let text = "The bill passed, said Sen. Smith of Ohio.";
    let input = format!("{}\n", jsonl_doc("r", text));
    let sentences = |args: &[&str]| -> usize {
        let out = claimex(args, input.as_bytes());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout)[0]["sentences"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(
        sentences(&["annotate", "-"]),
        1,
        "Sen. is a title by default"
    );
    // an abbreviation list that makes "Sen." end a sentence before any capitalized word
    let s = Scratch::new("override");
    s.write("r/abbreviations.txt", "# only one entry\nSen. | usually\n");
    let dir = s.path("r");
    assert_eq!(
        claimex(&["rules", "check", dir.to_str().unwrap()], b"")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        sentences(&["annotate", "--rules", dir.to_str().unwrap(), "-"]),
        2
    );
    // a bad class is reported with its file and line
    s.write("r/abbreviations.txt", "Sen. | never\nDr. | sometimes\n");
    let out = claimex(&["rules", "check", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("abbreviations.txt:2: "));
}

#[test]
fn the_bundled_rules_directory_checks_clean() {
    // every file in rules/ is one claimex reads (and so is embedded), and each parses
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let out = claimex(&["rules", "check", dir], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
