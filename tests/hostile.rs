//! End-to-end tests of inputs a hostile or careless user gives (issue: reliability): link
//! loops, FIFOs, oversized documents, absurd thread counts, closed or full output streams, a
//! JSON Lines stream with a bad first line, ids that do not fit a number.

mod common;

use common::{claimex, json_lines, Scratch};
use std::process::{Command, Stdio};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_walk_is_skipped_with_a_warning() {
    let s = Scratch::new("hostile-loop");
    s.write("c/a.txt", "“Taxes rose,” Ann Lee said.");
    std::os::unix::fs::symlink("..", s.path("c/up")).unwrap();
    let dir = s.path("c").to_string_lossy().into_owned();
    let out = claimex(&["annotate", "--progress", "never", &dir], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out.stdout).len(), 1);
    assert!(stderr(&out).contains("not followed"), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 warning"), "{}", stderr(&out));
    // followed, each directory once: still one document
    let out = claimex(&["annotate", "--progress", "never", "--follow", &dir], b"");
    assert_eq!(json_lines(&out.stdout).len(), 1, "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_walk_is_skipped_not_waited_for() {
    let s = Scratch::new("hostile-fifo");
    s.write("d/a.txt", "Officials agreed.");
    let fifo = s.path("d/b.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|m| m.success()) {
        return; // no mkfifo on this machine: nothing to test
    }
    let dir = s.path("d").to_string_lossy().into_owned();
    let out = claimex(&["annotate", "--progress", "never", &dir], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out.stdout).len(), 1);
    assert!(stderr(&out).contains("a FIFO"), "{}", stderr(&out));
}

#[test]
fn a_document_over_the_size_limit_is_an_error_record_and_the_run_goes_on() {
    let s = Scratch::new("hostile-size");
    let big = s.write("big.txt", "word ".repeat(400));
    let small = s.write("small.txt", "Officials agreed.");
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "long", "text": "x ".repeat(300)}),
        serde_json::json!({"id": "short", "text": "Officials agreed."})
    );
    let jsonl = s.write("docs.jsonl", lines);
    let out = claimex(
        &[
            "annotate",
            "--progress",
            "never",
            "--max-doc-bytes",
            "500",
            &big,
            &small,
            &jsonl,
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let docs = json_lines(&out.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec![small.as_str(), "short"]);
    let err = stderr(&out);
    assert_eq!(err.matches("--max-doc-bytes").count(), 2, "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn thousands_of_threads_are_capped_at_the_cores() {
    let out = claimex(
        &["annotate", "--progress", "never", "-j", "5000"],
        b"Officials agreed.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("-j 5000 is more than"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out.stdout).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_closed_stderr_or_a_full_disk_never_panics() {
    // stderr closed: the run still writes its output and exits normally
    let out = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["annotate", "--progress", "never", "-"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(std::fs::File::open("/dev/null").unwrap())) // read-only: writes fail
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(101));
    assert!(out.status.success());
    if std::path::Path::new("/dev/full").exists() {
        let out = claimex(
            &["annotate", "--progress", "never", "-o", "/dev/full"],
            b"Officials agreed.",
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    }
}

#[test]
fn a_bad_first_line_does_not_turn_json_lines_into_text() {
    let lines = format!(
        "garbage line\n{}\n{}\n",
        serde_json::json!({"id": "a", "text": "Officials agreed."}),
        serde_json::json!({"id": "b", "text": "Taxes rose."})
    );
    let out = claimex(&["annotate", "--progress", "never"], lines.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert!(stderr(&out).contains("-:1"), "{}", stderr(&out));
}

#[test]
fn a_numeric_id_keeps_every_digit() {
    let out = claimex(
        &["annotate", "--progress", "never"],
        b"{\"id\": 12345678901234567890123, \"text\": \"Officials agreed.\"}\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out.stdout)[0]["id"], "12345678901234567890123");
}

#[test]
fn repeated_document_ids_get_unique_claim_ids_and_a_warning() {
    let line = serde_json::json!({"id": "a", "text": "Bob Jones said the plan failed. Ann Smith said it worked."})
        .to_string();
    let input = format!("{line}\n{line}\n{line}\n");
    let out = claimex(&["extract", "--progress", "never", "-"], input.as_bytes());
    assert!(out.status.success());
    let claims = json_lines(&out.stdout);
    let ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a#1", "a#2", "a~2#1", "a~2#2", "a~3#1", "a~3#2"]);
    assert!(
        claims.iter().all(|c| c["doc_id"] == "a"),
        "doc_id stays as given"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a~2#N") && stderr.contains("2 warnings"),
        "{stderr}"
    );
    // the same at another thread count
    let again = claimex(
        &["extract", "--progress", "never", "-j", "1", "-"],
        input.as_bytes(),
    );
    assert_eq!(again.stdout, out.stdout);
}
