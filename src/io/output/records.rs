//! The JSON shapes of SPEC §4 (claims) and §6 (annotations), with character offsets.

use serde_json::value::RawValue;

use super::json::Json;
use crate::claims::{assemble, Claim};
use crate::doc::{Doc, Span};
use crate::offsets::CharIndex;

/// A span in character offsets with its text.
pub(crate) struct TextSpan<'d> {
    pub start: usize,
    pub end: usize,
    pub text: &'d str,
}

/// Converts byte spans of one document to output spans, and holds what every claim record
/// of the document repeats.
pub(crate) struct Spans<'d> {
    text: &'d str,
    index: CharIndex<'d>,
    doc_date: Option<String>,
}

/// The document's `meta` as JSON to embed in claim records, read only by the writers that
/// write it; text that is not JSON (the reader writes it from JSON values) is left out.
fn meta_of(doc: &Doc) -> Option<&RawValue> {
    doc.meta
        .as_deref()
        .and_then(|m| serde_json::from_str(m).ok())
}

impl<'d> Spans<'d> {
    pub(crate) fn new(doc: &'d Doc) -> Spans<'d> {
        Spans {
            text: &doc.text,
            index: CharIndex::new(&doc.text),
            doc_date: doc.date.map(|d| d.to_string()),
        }
    }

    /// The document's date as `YYYY-MM-DD`, if it has one.
    pub(crate) fn doc_date(&self) -> Option<&str> {
        self.doc_date.as_deref()
    }

    pub(crate) fn text_span(&self, s: Span) -> TextSpan<'d> {
        TextSpan {
            start: self.index.char_offset(s.start),
            end: self.index.char_offset(s.end),
            text: &self.text[s.start..s.end],
        }
    }

    /// Writes `{"start":S,"end":E}` for a byte span.
    fn write_bounds(&self, j: &mut Json, s: Span) {
        j.open_span(
            self.index.char_offset(s.start),
            self.index.char_offset(s.end),
        );
        j.raw("}");
    }

    /// Writes `{"start":S,"end":E,"text":T` for a byte span (the caller closes it).
    fn open_text_span(&self, j: &mut Json, s: Span) {
        let t = self.text_span(s);
        j.open_span(t.start, t.end);
        j.raw(",\"text\":");
        j.str(t.text);
    }

    /// Writes a span object with its text.
    fn write_text_span(&self, j: &mut Json, s: Span) {
        self.open_text_span(j, s);
        j.raw("}");
    }

    /// Writes a timex object.
    fn write_timex(&self, j: &mut Json, t: &crate::doc::Timex) {
        self.open_text_span(j, t.span);
        j.raw(",\"type\":");
        j.str(t.kind.as_str());
        j.raw(",\"value\":");
        j.str(&t.value);
        if let Some(m) = t.modifier {
            j.raw(",\"mod\":");
            j.str(m);
        }
        j.raw("}");
    }

    /// Writes an entity object.
    fn write_entity(&self, j: &mut Json, e: &crate::doc::Entity) {
        self.open_text_span(j, e.span);
        j.raw(",\"label\":");
        j.str(e.label.as_str());
        j.raw("}");
    }
}

/// A claim's id: `doc_id#n`; for the K-th document (K from 2) of a run with an id seen
/// before, `doc_id~K#n`, so that claim ids stay unique.
pub(crate) fn claim_id(doc: &Doc, c: &Claim) -> String {
    match doc.id_repeat {
        0 => format!("{}#{}", doc.id, c.number),
        k => format!("{}~{}#{}", doc.id, k + 1, c.number),
    }
}

/// The text of the sentences a claim spans.
pub(crate) fn sentence_text<'d>(doc: &'d Doc, c: &Claim) -> &'d str {
    match (
        doc.sentences.get(c.sentences.0),
        doc.sentences.get(c.sentences.1),
    ) {
        (Some(first), Some(last)) => &doc.text[first.start..last.end],
        _ => "",
    }
}

/// A claim's confidence as written: two decimals.
pub(crate) fn confidence(c: &Claim) -> f64 {
    (f64::from(c.attribution.confidence) * 100.0).round() / 100.0
}

/// Writes one claim record (SPEC §4).
fn write_claim(j: &mut Json, doc: &Doc, spans: &Spans, meta: Option<&RawValue>, c: &Claim) {
    let a = c.attribution;
    j.raw("{\"doc_id\":");
    j.str(&doc.id);
    j.raw(",\"id\":");
    j.str(&claim_id(doc, c));
    j.raw(",\"kind\":");
    j.str(a.kind.as_str());
    j.raw(",\"content\":");
    spans.write_text_span(j, a.content);
    j.raw(",\"speaker\":");
    match &c.speaker {
        Some(sp) => {
            spans.open_text_span(j, sp.span);
            j.raw(",\"name\":");
            j.str(sp.name);
            j.raw(",\"title\":");
            j.opt_str(sp.title);
            j.raw(",\"affiliation\":");
            j.opt_str(sp.affiliation);
            j.raw(",\"type\":");
            j.str(sp.kind.as_str());
            j.raw(",\"cluster\":");
            j.opt_uint(sp.cluster);
            j.raw("}");
        }
        None => j.raw("null"),
    }
    j.raw(",\"cue\":");
    match a.cue {
        Some(cue) => {
            spans.open_text_span(j, cue);
            j.raw(",\"lemma\":");
            j.opt_str(a.cue_lemma.as_deref());
            j.raw("}");
        }
        None => j.raw("null"),
    }
    j.raw(",\"addressee\":");
    match a.addressee {
        Some(s) => spans.write_text_span(j, s),
        None => j.raw("null"),
    }
    j.raw(",\"sentences\":");
    j.array([c.sentences.0, c.sentences.1], |j, n| j.uint(n));
    j.raw(",\"timexes\":");
    j.array(c.timexes, |j, t| spans.write_timex(j, t));
    j.raw(",\"entities\":");
    j.array(c.entities, |j, e| spans.write_entity(j, e));
    j.raw(",\"rule\":");
    j.str(&a.rule);
    j.raw(",\"confidence\":");
    j.float(confidence(c));
    j.raw(",\"doc_date\":");
    j.opt_str(spans.doc_date());
    j.raw(",\"title\":");
    j.opt_str(doc.title.as_deref());
    j.raw(",\"url\":");
    j.opt_str(doc.url.as_deref());
    j.raw(",\"meta\":");
    match meta {
        Some(m) => j.raw(m.get()),
        None => j.raw("null"),
    }
    j.raw("}");
}

/// Claim records of one document, one JSON object per line; returns the bytes and claim count.
pub fn render_claims(doc: &Doc) -> (Vec<u8>, usize) {
    let spans = Spans::new(doc);
    let claims = assemble(doc);
    let meta = if claims.is_empty() {
        None
    } else {
        meta_of(doc)
    };
    let mut out = Vec::with_capacity(claims.len() * 1024);
    let mut j = Json::new(&mut out);
    for c in &claims {
        write_claim(&mut j, doc, &spans, meta, c);
        j.raw("\n");
    }
    (out, claims.len())
}

/// The annotation object of one document (SPEC §6) as one line; returns the bytes and claim count.
pub fn render_annotation(doc: &Doc) -> (Vec<u8>, usize) {
    let spans = Spans::new(doc);
    let claims = assemble(doc);
    let meta = if claims.is_empty() {
        None
    } else {
        meta_of(doc)
    };
    let mut out = Vec::with_capacity(doc.text.len() * 6 + 256);
    let mut j = Json::new(&mut out);
    j.raw("{\"id\":");
    j.str(&doc.id);
    j.raw(",\"date\":");
    j.opt_str(spans.doc_date());
    j.raw(",\"title\":");
    j.opt_str(doc.title.as_deref());
    j.raw(",\"url\":");
    j.opt_str(doc.url.as_deref());
    j.raw(",\"sentences\":");
    j.array(&doc.sentences, |j, s| spans.write_bounds(j, *s));
    j.raw(",\"entities\":");
    j.array(&doc.entities, |j, e| spans.write_entity(j, e));
    j.raw(",\"timexes\":");
    j.array(&doc.timexes, |j, t| spans.write_timex(j, t));
    j.raw(",\"quotes\":");
    j.array(&doc.quotes, |j, q| spans.write_text_span(j, q.inner));
    j.raw(",\"speakers\":");
    j.array(&doc.speakers, |j, k| {
        j.raw("{\"name\":");
        j.str(&k.name);
        j.raw(",\"title\":");
        j.opt_str(k.title.as_deref());
        j.raw(",\"affiliation\":");
        j.opt_str(k.affiliation.as_deref());
        j.raw(",\"type\":");
        j.str(k.kind.as_str());
        j.raw(",\"mentions\":");
        j.array(&k.mentions, |j, m| spans.write_bounds(j, *m));
        j.raw("}");
    });
    j.raw(",\"claims\":");
    j.array(&claims, |j, c| write_claim(j, doc, &spans, meta, c));
    j.raw("}\n");
    (out, claims.len())
}
