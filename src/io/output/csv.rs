//! The quote CSV (SPEC §5): RFC 4180, UTF-8, one row per claim. The first eleven columns are
//! SPEC §5's, in its order; the rest are appended after them (see [`COLUMNS`]).

use serde_json::value::RawValue;

use super::records::{claim_id, confidence, sentence_text, Spans};
use crate::claims::assemble;
use crate::doc::Doc;

/// The columns, in order; `--keep` columns follow them.
pub const COLUMNS: [&str; 21] = [
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
    "dates",
    "speaker_type",
    "speaker_affiliation",
    "cue_lemma",
    "addressee",
    "confidence",
    "rule",
    "sentence",
    "doc_date",
    "title",
    "url",
];

/// What a CSV carries besides its fixed columns, and for whom it is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Input fields (from the document's `meta`) copied into columns of their own, after the
    /// fixed ones: a string as its text, any other JSON value as its JSON text, absent as empty.
    pub keep: Vec<String>,
    /// For spreadsheets: a UTF-8 byte order mark before the header, and a `'` before any cell
    /// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (formula injection).
    pub excel: bool,
}

/// The CSV header row of the default columns, with its line ending.
pub fn csv_header() -> Vec<u8> {
    csv_header_with(&CsvOptions::default())
}

/// The CSV header row for `options` (a BOM first when `excel`), with its line ending.
pub fn csv_header_with(options: &CsvOptions) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = COLUMNS
        .iter()
        .copied()
        .chain(options.keep.iter().map(String::as_str));
    w.write_record(header.map(|c| guard(c, options.excel).into_owned()))
        .expect("writing to memory");
    let mut out = w.into_inner().expect("writing to memory");
    if options.excel {
        out.splice(0..0, *b"\xEF\xBB\xBF");
    }
    out
}

/// The CSV rows of one document's claims in the default columns (no header).
pub fn render_csv(doc: &Doc) -> (Vec<u8>, usize) {
    render_csv_with(doc, &CsvOptions::default())
}

/// The CSV rows of one document's claims (no header); returns the bytes and the row count.
pub fn render_csv_with(doc: &Doc, options: &CsvOptions) -> (Vec<u8>, usize) {
    let spans = Spans::new(doc);
    let claims = assemble(doc);
    let kept = kept_values(doc, &options.keep);
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for c in &claims {
        let a = c.attribution;
        let speaker = c.speaker.as_ref();
        let content = spans.text_span(a.content);
        let dates = c
            .timexes
            .iter()
            .map(|t| t.value.as_str())
            .collect::<Vec<_>>()
            .join(";");
        let confidence = confidence(c).to_string();
        let fixed = [
            doc.id.as_str(),
            &claim_id(doc, c),
            a.kind.as_str(),
            speaker.map_or("", |s| doc.slice(s.span)),
            speaker.map_or("", |s| s.name),
            speaker.and_then(|s| s.title).unwrap_or(""),
            a.cue.map_or("", |s| doc.slice(s)),
            content.text,
            &content.start.to_string(),
            &content.end.to_string(),
            &dates,
            speaker.map_or("", |s| s.kind.as_str()),
            speaker.and_then(|s| s.affiliation).unwrap_or(""),
            a.cue_lemma.as_deref().unwrap_or(""),
            a.addressee.map_or("", |s| doc.slice(s)),
            &confidence,
            &a.rule,
            sentence_text(doc, c),
            spans.doc_date().unwrap_or(""),
            doc.title.as_deref().unwrap_or(""),
            doc.url.as_deref().unwrap_or(""),
        ];
        let cells = fixed
            .iter()
            .copied()
            .chain(kept.iter().map(|k| k.as_deref().unwrap_or("")));
        if options.excel {
            w.write_record(cells.map(|c| guard(c, true).into_owned()))
        } else {
            w.write_record(cells)
        }
        .expect("writing to memory");
    }
    (w.into_inner().expect("writing to memory"), claims.len())
}

/// The `keep` fields of the document's `meta`, as cell text; `None` when absent or null.
pub(crate) fn kept_values(doc: &Doc, keep: &[String]) -> Vec<Option<String>> {
    if keep.is_empty() {
        return Vec::new();
    }
    let meta: std::collections::HashMap<&str, &RawValue> = doc
        .meta
        .as_deref()
        .and_then(|m| serde_json::from_str(m).ok())
        .unwrap_or_default();
    keep.iter()
        .map(|k| match meta.get(k.as_str()).map(|v| v.get()) {
            None | Some("null") => None,
            Some(raw) if raw.starts_with('"') => serde_json::from_str::<String>(raw).ok(),
            Some(raw) => Some(raw.to_string()),
        })
        .collect()
}

/// A cell as written: in Excel mode a cell that a spreadsheet would run as a formula gets a
/// leading `'`.
fn guard(cell: &str, excel: bool) -> std::borrow::Cow<'_, str> {
    if excel && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_columns_are_the_spec_ones_in_order() {
        let header = String::from_utf8(csv_header()).unwrap();
        assert!(header.starts_with(
            "doc_id,claim_id,kind,speaker,speaker_name,speaker_title,cue,content,start,end,dates,"
        ));
        assert!(header.trim_end().ends_with("doc_date,title,url"));
    }

    #[test]
    fn excel_mode_guards_formulas_and_writes_a_bom() {
        assert_eq!(guard("=1+1", true), "'=1+1");
        assert_eq!(guard("-5 degrees", true), "'-5 degrees");
        assert_eq!(guard("=1+1", false), "=1+1");
        assert_eq!(guard("plain", true), "plain");
        let opts = CsvOptions {
            keep: vec!["outlet".into()],
            excel: true,
        };
        let header = csv_header_with(&opts);
        assert!(header.starts_with(b"\xEF\xBB\xBFdoc_id,"));
        assert!(String::from_utf8_lossy(&header)
            .trim_end()
            .ends_with(",url,outlet"));
    }

    #[test]
    fn kept_fields_are_text_or_json() {
        let doc = Doc {
            meta: Some(r#"{"outlet":"AP","n":3,"tags":["a"],"none":null}"#.into()),
            ..Doc::default()
        };
        let keep: Vec<String> = ["outlet", "n", "tags", "none", "absent"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got = kept_values(&doc, &keep);
        let want = [Some("AP"), Some("3"), Some("[\"a\"]"), None, None];
        assert_eq!(got.iter().map(|v| v.as_deref()).collect::<Vec<_>>(), want);
    }
}
