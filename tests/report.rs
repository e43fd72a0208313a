//! `claimex report`: every figure of the page against counts computed here from the JSONL
//! claims, article text escaped, the same bytes for the same input.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{claimex, json_lines, Scratch};
use serde_json::Value;

/// The figures the page embeds (`<script type="application/json" id="claimex-data">`).
fn data_of(html: &str) -> Value {
    let start = html.find("id=\"claimex-data\">").unwrap() + "id=\"claimex-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

/// The ISO week (`2024-W02`) or month (`2024-01`) of a `YYYY-MM-DD` date, computed here
/// independently of the report.
fn period(date: &str, week: bool) -> String {
    if week {
        let w = date.parse::<jiff::civil::Date>().unwrap().iso_week_date();
        format!("{}-W{:02}", w.year(), w.week())
    } else {
        date[..7].to_string()
    }
}

fn count<'a>(it: impl Iterator<Item = &'a str>) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for k in it {
        *m.entry(k.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn every_section_counts_what_the_claims_say() {
    let s = Scratch::new("report");
    let p = |n: &str| s.path(n).to_string_lossy().into_owned();
    assert!(
        claimex(&["extract", "corpus/", "-o", &p("claims.jsonl"), "-q"], b"")
            .status
            .success()
    );
    let o = claimex(
        &[
            "speakers",
            &p("claims.jsonl"),
            "-o",
            &p("index.jsonl"),
            "--claims-out",
            &p("ids.jsonl"),
            "-q",
        ],
        b"",
    );
    assert!(o.status.success());
    let o = claimex(
        &[
            "report",
            &p("claims.jsonl"),
            "-o",
            &p("r.html"),
            "--by",
            "month",
            "-q",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(p("r.html")).unwrap();
    let d = data_of(&html);
    let claims = json_lines(&std::fs::read(p("ids.jsonl")).unwrap());
    let index = json_lines(&std::fs::read(p("index.jsonl")).unwrap());

    // summary
    let docs: BTreeSet<&str> = claims
        .iter()
        .map(|c| c["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(d["documents"], docs.len());
    assert_eq!(d["claims"], claims.len());
    assert_eq!(d["speakers"], index.len());
    let kinds = count(claims.iter().map(|c| c["kind"].as_str().unwrap()));
    assert_eq!(d["claims_by_kind"], serde_json::json!(kinds));
    let dates: BTreeSet<&str> = claims
        .iter()
        .filter_map(|c| c["doc_date"].as_str())
        .collect();
    assert_eq!(d["first_date"].as_str(), dates.iter().next().copied());
    assert_eq!(d["last_date"].as_str(), dates.iter().next_back().copied());
    assert!(html.contains(&format!("<b id=\"n-claims\">{}</b>", claims.len())));

    // top speakers: claims per speaker_id, by kind
    let mut per: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    for c in &claims {
        if let Some(id) = c["speaker_id"].as_str() {
            *per.entry(id)
                .or_default()
                .entry(c["kind"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let top = d["top"].as_array().unwrap();
    assert_eq!(top.len(), per.len().min(25));
    for t in top {
        let want = &per[t["id"].as_str().unwrap()];
        assert_eq!(t["by_kind"], serde_json::json!(want));
        assert_eq!(t["claims"].as_u64().unwrap(), want.values().sum::<u64>());
        assert!(t["examples"].as_array().unwrap().len() <= 3);
        assert!(html.contains(&format!("<article id=\"{}\">", t["id"].as_str().unwrap())));
    }
    let totals: Vec<u64> = top.iter().map(|t| t["claims"].as_u64().unwrap()).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "sorted by claims");

    // speaker types
    let types = count(claims.iter().map(|c| match c["speaker"]["type"].as_str() {
        _ if c["speaker"].is_null() => "none",
        Some("PRONOUN") => "unresolved pronoun",
        Some("ORG") => "organization",
        Some("NORP") => "group",
        _ => "person",
    }));
    assert_eq!(d["types"], serde_json::json!(types));

    // timeline: by week or month of doc_date, by kind; undated counted apart
    let week = d["period"] == "week";
    let mut timeline: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut undated = 0;
    for c in &claims {
        match c["doc_date"].as_str() {
            Some(date) => {
                let key = period(date, week);
                *timeline
                    .entry(key)
                    .or_default()
                    .entry(c["kind"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
            None => undated += 1,
        }
    }
    let got: BTreeMap<String, BTreeMap<String, u64>> = d["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                serde_json::from_value(p[1].clone()).unwrap(),
            )
        })
        .collect();
    assert_eq!(got, timeline);
    assert_eq!(d["undated"], undated);

    // gender: person claims with a date, by their identity's gender; no evidence kept as such
    let gender: BTreeMap<&str, Option<&str>> = index
        .iter()
        .map(|r| (r["speaker_id"].as_str().unwrap(), r["gender"].as_str()))
        .collect();
    let mut g: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for c in &claims {
        let (Some(id), Some(date)) = (c["speaker_id"].as_str(), c["doc_date"].as_str()) else {
            continue;
        };
        if c["speaker"]["type"] != "PERSON" {
            continue;
        }
        let key = period(date, week);
        let value = gender[id].unwrap_or("no evidence");
        *g.entry(key)
            .or_default()
            .entry(value.to_string())
            .or_default() += 1;
    }
    let got: BTreeMap<String, BTreeMap<String, u64>> = d["gender_timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                serde_json::from_value(p[1].clone()).unwrap(),
            )
        })
        .collect();
    assert_eq!(got, g);

    // --by month: per value, the top speakers' claims
    let by = &d["by"];
    assert_eq!(by[0], "month");
    for value in by[1].as_array().unwrap() {
        let v = value[0].as_str().unwrap();
        let names: BTreeMap<&str, &str> = index
            .iter()
            .map(|r| {
                (
                    r["speaker_id"].as_str().unwrap(),
                    r["name"].as_str().unwrap(),
                )
            })
            .collect();
        let mut want: BTreeMap<&str, u64> = BTreeMap::new();
        for c in &claims {
            let month = c["doc_date"].as_str().map(|d| &d[..7]).unwrap_or("(none)");
            if let (Some(id), true) = (c["speaker_id"].as_str(), month == v) {
                *want.entry(names[id]).or_default() += 1;
            }
        }
        for pair in value[1].as_array().unwrap() {
            assert_eq!(
                pair[1].as_u64().unwrap(),
                want[pair[0].as_str().unwrap()],
                "{v}"
            );
        }
    }

    // same input, same bytes; and the same from the documents at another thread count
    let o = claimex(
        &[
            "report",
            &p("claims.jsonl"),
            "-o",
            &p("again.html"),
            "--by",
            "month",
            "-q",
        ],
        b"",
    );
    assert!(o.status.success());
    assert_eq!(std::fs::read(p("again.html")).unwrap(), html.as_bytes());
    let o = claimex(
        &["report", "corpus/", "-o", &p("docs.html"), "-j", "1", "-q"],
        b"",
    );
    assert!(o.status.success());
    let from_docs = data_of(&std::fs::read_to_string(p("docs.html")).unwrap());
    assert_eq!(from_docs["claims"], d["claims"]);
    assert_eq!(from_docs["top"], d["top"]);
}

#[test]
fn article_text_is_escaped_and_nothing_is_fetched() {
    let s = Scratch::new("report-escape");
    let text =
        "“<script>alert(1)</script> & <img src=x onerror=alert(2)>,” Ann Smith said on Monday.\n";
    let input = s.write(
        "a.jsonl",
        serde_json::json!({"id": "<b>x</b>", "text": text, "date": "2024-01-08"}).to_string()
            + "\n",
    );
    let out = s.path("r.html");
    let o = claimex(&["report", &input, "-o", out.to_str().unwrap(), "-q"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the quote shows as text"
    );
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>x</b>"));
    // one <script> element only: the JSON data block, which a browser does not run
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script type=\"application/json\""));
    for external in ["http://", "https://", "src=\"//", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(
        html.contains("default-src 'none'"),
        "a CSP forbids every request"
    );
}
