//! The quote CSV (SPEC §5): RFC 4180, one row per claim.

use super::records::Spans;
use crate::claims::assemble;
use crate::doc::Doc;

/// The CSV header row, with its line ending.
pub fn csv_header() -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
    ])
    .expect("writing to memory");
    w.into_inner().expect("writing to memory")
}

/// The CSV rows of one document's claims (no header); returns the bytes and the row count.
pub fn render_csv(doc: &Doc) -> (Vec<u8>, usize) {
    let spans = Spans::new(&doc.text);
    let claims = assemble(doc);
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for c in &claims {
        let a = c.attribution;
        let speaker = c.speaker.as_ref().map_or("", |s| doc.slice(s.span));
        let name = c.speaker.as_ref().map_or("", |s| s.name);
        let title = c.speaker.as_ref().and_then(|s| s.title).unwrap_or("");
        let cue = a.cue.map_or("", |s| doc.slice(s));
        let content = spans.text_span(a.content);
        let dates = c
            .timexes
            .iter()
            .map(|t| t.value.as_str())
            .collect::<Vec<_>>()
            .join(";");
        w.write_record([
            doc.id.as_str(),
            &format!("{}#{}", doc.id, c.number),
            a.kind.as_str(),
            speaker,
            name,
            title,
            cue,
            content.text,
            &content.start.to_string(),
            &content.end.to_string(),
            &dates,
        ])
        .expect("writing to memory");
    }
    (w.into_inner().expect("writing to memory"), claims.len())
}
