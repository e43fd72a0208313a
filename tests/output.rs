//! End-to-end tests of what a run writes (issue 17): a run never destroys data, the format
//! follows the output name, claims carry their article, the CSV is full, Parquet reads back.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use common::{claimex, json_lines, Scratch};

const ARTICLE: &str = "“We will not back down,” Senator Ann Smith said on Tuesday. \
                       Bob Jones said the plan had failed.\n";

fn doc_line(id: &str) -> String {
    serde_json::json!({"id": id, "text": ARTICLE, "date": "2021-12-28", "title": "T", "url": "u", "outlet": "AP", "n": 7})
        .to_string()
        + "\n"
}

fn corpus(s: &Scratch, name: &str, docs: usize) -> String {
    s.write(
        name,
        (0..docs)
            .map(|i| doc_line(&format!("d{i}")))
            .collect::<String>(),
    )
}

/// Runs `claimex COMMAND --progress never ARGS...`.
fn run(args: &[&str]) -> std::process::Output {
    claimex(
        &[&args[..1], &["--progress", "never"], &args[1..]].concat(),
        b"",
    )
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_is_untouched() {
    let s = Scratch::new("out-is-in");
    let input = corpus(&s, "b.jsonl", 3);
    let before = std::fs::read(&input).unwrap();
    let o = run(&["extract", &input, "-o", &input]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("refusing to write over it"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // through a symbolic link, and as a file found in a directory walk
    #[cfg(unix)]
    {
        let link = s.path("link.jsonl");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let o = run(&["extract", &input, "-o", link.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(std::fs::read(&input).unwrap(), before);
        let dir = s.0.to_str().unwrap();
        let o = run(&["annotate", dir, "-o", &input]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
    // and as --errors
    let o = run(&[
        "extract",
        &input,
        "-o",
        s.path("out.jsonl").to_str().unwrap(),
        "--errors",
        &input,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert!(
        !s.path("out.jsonl").exists(),
        "nothing is written on a refused run"
    );
}

#[test]
fn output_and_errors_cannot_be_one_file() {
    let s = Scratch::new("out-is-errors");
    let input = corpus(&s, "b.jsonl", 1);
    let out = s.path("o.jsonl");
    let o = run(&[
        "extract",
        &input,
        "-o",
        out.to_str().unwrap(),
        "--errors",
        &format!("{}/./o.jsonl", s.0.display()),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn an_interrupted_run_leaves_the_old_output_as_it_was() {
    let s = Scratch::new("interrupted");
    let out = s.path("claims.jsonl");
    std::fs::write(&out, "old output\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args([
            "extract",
            "--progress",
            "never",
            "-o",
            out.to_str().unwrap(),
            "-",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..50 {
        stdin
            .write_all(doc_line(&format!("d{i}")).as_bytes())
            .unwrap();
    }
    stdin.flush().unwrap();
    // past the one-second flush: the claims are in the temporary file, not the target
    std::thread::sleep(std::time::Duration::from_millis(1600));
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old output\n");
    // a run that fails (bad rules) also leaves it
    let rules = s.path("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(rules.join("cue_verbs.txt"), "say\tnot-a-class\tx\ty\tz\n").unwrap();
    let input = corpus(&s, "in.jsonl", 2);
    let o = run(&[
        "extract",
        &input,
        "-o",
        out.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old output\n");
    // a run that ends well replaces it
    let o = run(&["extract", &input, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json_lines(&std::fs::read(&out).unwrap()).len(), 4);
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let s = Scratch::new("epipe");
    let input = corpus(&s, "big.jsonl", 3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["extract", "--progress", "never", &input])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // the reader is dropped here: stdout is closed, as `| head -1` does
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(first.starts_with('{'));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
}

#[test]
fn a_full_disk_is_one_error_line_and_exit_2() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let s = Scratch::new("full");
    let input = corpus(&s, "b.jsonl", 200);
    let o = run(&["extract", &input, "-o", "/dev/full"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("/dev/full") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn a_missing_input_is_a_usage_error_and_an_empty_one_says_so() {
    let s = Scratch::new("missing");
    let out = s.path("o.jsonl");
    let missing = s.path("nope.jsonl");
    let o = run(&[
        "extract",
        missing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.jsonl"));
    assert!(!out.exists());
    std::fs::create_dir_all(s.path("empty")).unwrap();
    let o = run(&["extract", s.path("empty").to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("no documents"), "{}", stderr(&o));
}

#[test]
fn the_format_follows_the_output_name() {
    let s = Scratch::new("by-name");
    let input = corpus(&s, "b.jsonl", 2);
    let path = |n: &str| s.path(n).to_string_lossy().into_owned();
    assert!(run(&["extract", &input, "-o", &path("c.csv")])
        .status
        .success());
    assert!(std::fs::read_to_string(path("c.csv"))
        .unwrap()
        .starts_with("doc_id,claim_id,"));
    assert!(run(&["extract", &input, "-o", &path("c.jsonl.gz")])
        .status
        .success());
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path("c.jsonl.gz")).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(json_lines(text.as_bytes()).len(), 4);
    assert!(run(&["extract", &input, "-o", &path("c.csv.gz")])
        .status
        .success());
    assert!(run(&["extract", &input, "-o", &path("c.parquet")])
        .status
        .success());
    assert!(std::fs::read(path("c.parquet"))
        .unwrap()
        .starts_with(b"PAR1"));
    for bad in [
        vec!["--format", "csv", "-o", "x.jsonl"],
        vec!["-o", "x.parquet.gz"],
        vec!["--format", "parquet", "-o", "x.csv"],
    ] {
        let mut args = vec!["extract", input.as_str()];
        args.extend(bad.iter().copied());
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
    let o = run(&["annotate", &input, "-o", &path("a.csv")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn claims_carry_their_article_and_other_schemas_are_read() {
    let s = Scratch::new("article");
    let input = corpus(&s, "b.jsonl", 1);
    let o = run(&["extract", &input]);
    let claims = json_lines(&o.stdout);
    assert_eq!(claims.len(), 2);
    for c in &claims {
        assert_eq!(c["doc_date"], "2021-12-28");
        assert_eq!(c["title"], "T");
        assert_eq!(c["url"], "u");
        assert_eq!(c["meta"], serde_json::json!({"outlet": "AP", "n": 7}));
    }
    let o = run(&["annotate", &input]);
    let doc = &json_lines(&o.stdout)[0];
    assert_eq!(doc["claims"][0]["meta"]["outlet"], "AP");
    // another schema, an epoch-milliseconds date
    let other = s.write(
        "other.jsonl",
        serde_json::json!({"article_id": 12, "body": ARTICLE, "published_at": 1640649600000u64})
            .to_string()
            + "\n",
    );
    let o = run(&[
        "extract",
        &other,
        "--text-field",
        "body",
        "--id-field",
        "article_id",
        "--date-field",
        "published_at",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let claims = json_lines(&o.stdout);
    assert_eq!(claims[0]["doc_id"], "12");
    assert_eq!(claims[0]["doc_date"], "2021-12-28");
    // without the flag: an error record that names the fields there are
    let o = run(&["extract", &other]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--text-field"), "{}", stderr(&o));
    // a date that cannot be read is a warning, counted, and the document still runs
    let bad = s.write(
        "bad.jsonl",
        serde_json::json!({"id": "x", "text": ARTICLE, "date": "sometime"}).to_string() + "\n",
    );
    let o = run(&["extract", &bad]);
    assert!(o.status.success());
    assert_eq!(json_lines(&o.stdout).len(), 2);
    assert!(
        stderr(&o).contains("\"sometime\"") && stderr(&o).contains("1 warning"),
        "{}",
        stderr(&o)
    );
    assert!(json_lines(&o.stdout)[0]["doc_date"].is_null());
}

#[test]
fn the_csv_is_full_and_excel_mode_guards_formulas() {
    let s = Scratch::new("csv-full");
    let text = "=HYPERLINK(\"x\") was the reply, Ann Smith said.\n";
    let input = s.write(
        "b.jsonl",
        serde_json::json!({"id": "d", "text": text, "date": "2021-12-28", "outlet": "AP"})
            .to_string()
            + "\n",
    );
    let o = run(&[
        "extract",
        &input,
        "--format",
        "csv",
        "--keep",
        "outlet,missing",
    ]);
    let mut r = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let want: Vec<&str> = claimex::io::output::COLUMNS
        .iter()
        .copied()
        .chain(["outlet", "missing"])
        .collect();
    assert_eq!(header, want);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("outlet")], "AP");
    assert_eq!(&rows[0][col("doc_date")], "2021-12-28");
    assert_eq!(&rows[0][col("sentence")], text.trim_end());
    assert!(rows[0][col("confidence")].parse::<f64>().is_ok());
    let o = run(&["extract", &input, "--format", "csv", "--csv-excel"]);
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBFdoc_id,"));
    let body = String::from_utf8_lossy(&o.stdout);
    assert!(body.contains("'=HYPERLINK"), "{body}");
}

#[test]
fn parquet_reads_back_with_the_claims_of_jsonl() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let s = Scratch::new("parquet");
    let input = corpus(&s, "b.jsonl", 5);
    let pq = s.path("c.parquet");
    assert!(run(&[
        "extract",
        &input,
        "-o",
        pq.to_str().unwrap(),
        "--keep",
        "outlet"
    ])
    .status
    .success());
    let jsonl = json_lines(&run(&["extract", &input]).stdout);
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&pq).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut ids = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let col = batch
            .column_by_name("claim_id")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .unwrap()
            .clone();
        ids.extend(col.iter().map(|v| v.unwrap().to_string()));
        assert!(batch.column_by_name("outlet").is_some());
        assert!(batch.column_by_name("timexes").is_some());
    }
    let want: Vec<String> = jsonl
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, want);
}

#[test]
fn quiet_silences_the_summary_and_progress_logs_off_a_terminal() {
    let s = Scratch::new("quiet");
    let input = corpus(&s, "b.jsonl", 2);
    let o = claimex(&["extract", "-q", "--progress", "never", &input], b"");
    assert!(o.status.success());
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let o = claimex(&["extract", "--progress", "always", &input], b"");
    let err = stderr(&o);
    assert!(
        err.lines()
            .any(|l| l.contains("documents") && l.contains("ETA")),
        "{err}"
    );
}
