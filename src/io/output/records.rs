//! The JSON shapes of SPEC §4 (claims) and §6 (annotations), with character offsets.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::claims::{assemble, Claim};
use crate::doc::{Doc, Span};
use crate::offsets::CharIndex;

/// A span in character offsets with its text.
#[derive(Serialize)]
pub(crate) struct TextSpan<'d> {
    pub start: usize,
    pub end: usize,
    pub text: &'d str,
}

#[derive(Serialize)]
struct Bounds {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LabeledSpan<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    label: &'static str,
}

#[derive(Serialize)]
struct TimexOut<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'d str,
    #[serde(skip_serializing_if = "Option::is_none", rename = "mod")]
    modifier: Option<&'static str>,
}

#[derive(Serialize)]
struct SpeakerOut<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    name: &'d str,
    title: Option<&'d str>,
    affiliation: Option<&'d str>,
    #[serde(rename = "type")]
    kind: &'static str,
    cluster: Option<usize>,
}

#[derive(Serialize)]
struct CueOut<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    lemma: Option<&'d str>,
}

#[derive(Serialize)]
struct ClaimOut<'d> {
    doc_id: &'d str,
    id: String,
    kind: &'static str,
    content: TextSpan<'d>,
    speaker: Option<SpeakerOut<'d>>,
    cue: Option<CueOut<'d>>,
    addressee: Option<TextSpan<'d>>,
    sentences: [usize; 2],
    timexes: Vec<TimexOut<'d>>,
    entities: Vec<LabeledSpan<'d>>,
    rule: &'d str,
    confidence: f64,
    doc_date: Option<&'d str>,
    title: Option<&'d str>,
    url: Option<&'d str>,
    meta: Option<&'d RawValue>,
}

#[derive(Serialize)]
struct ClusterOut<'d> {
    name: &'d str,
    title: Option<&'d str>,
    affiliation: Option<&'d str>,
    #[serde(rename = "type")]
    kind: &'static str,
    mentions: Vec<Bounds>,
}

#[derive(Serialize)]
struct AnnotationOut<'d> {
    id: &'d str,
    date: Option<String>,
    title: Option<&'d str>,
    url: Option<&'d str>,
    sentences: Vec<Bounds>,
    entities: Vec<LabeledSpan<'d>>,
    timexes: Vec<TimexOut<'d>>,
    quotes: Vec<TextSpan<'d>>,
    speakers: Vec<ClusterOut<'d>>,
    claims: Vec<ClaimOut<'d>>,
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

    fn bounds(&self, s: Span) -> Bounds {
        Bounds {
            start: self.index.char_offset(s.start),
            end: self.index.char_offset(s.end),
        }
    }

    fn timex(&self, t: &'d crate::doc::Timex) -> TimexOut<'d> {
        let s = self.text_span(t.span);
        TimexOut {
            start: s.start,
            end: s.end,
            text: s.text,
            kind: t.kind.as_str(),
            value: &t.value,
            modifier: t.modifier,
        }
    }

    fn entity(&self, e: &crate::doc::Entity) -> LabeledSpan<'d> {
        let s = self.text_span(e.span);
        LabeledSpan {
            start: s.start,
            end: s.end,
            text: s.text,
            label: e.label.as_str(),
        }
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

fn claim_out<'d>(
    doc: &'d Doc,
    spans: &'d Spans<'d>,
    meta: Option<&'d RawValue>,
    c: &Claim<'d>,
) -> ClaimOut<'d> {
    let a = c.attribution;
    ClaimOut {
        doc_id: &doc.id,
        id: claim_id(doc, c),
        kind: a.kind.as_str(),
        content: spans.text_span(a.content),
        speaker: c.speaker.as_ref().map(|sp| {
            let s = spans.text_span(sp.span);
            SpeakerOut {
                start: s.start,
                end: s.end,
                text: s.text,
                name: sp.name,
                title: sp.title,
                affiliation: sp.affiliation,
                kind: sp.kind.as_str(),
                cluster: sp.cluster,
            }
        }),
        cue: a.cue.map(|cue| {
            let s = spans.text_span(cue);
            CueOut {
                start: s.start,
                end: s.end,
                text: s.text,
                lemma: a.cue_lemma.as_deref(),
            }
        }),
        addressee: a.addressee.map(|s| spans.text_span(s)),
        sentences: [c.sentences.0, c.sentences.1],
        timexes: c.timexes.iter().map(|t| spans.timex(t)).collect(),
        entities: c.entities.iter().map(|e| spans.entity(e)).collect(),
        rule: &a.rule,
        confidence: confidence(c),
        doc_date: spans.doc_date.as_deref(),
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
        meta,
    }
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
    let mut out = Vec::new();
    for c in &claims {
        serde_json::to_writer(&mut out, &claim_out(doc, &spans, meta, c))
            .expect("claims serialize");
        out.push(b'\n');
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
    let out = AnnotationOut {
        id: &doc.id,
        date: doc.date.map(|d| d.to_string()),
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
        sentences: doc.sentences.iter().map(|s| spans.bounds(*s)).collect(),
        entities: doc.entities.iter().map(|e| spans.entity(e)).collect(),
        timexes: doc.timexes.iter().map(|t| spans.timex(t)).collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| spans.text_span(q.inner))
            .collect(),
        speakers: doc
            .speakers
            .iter()
            .map(|k| ClusterOut {
                name: &k.name,
                title: k.title.as_deref(),
                affiliation: k.affiliation.as_deref(),
                kind: k.kind.as_str(),
                mentions: k.mentions.iter().map(|m| spans.bounds(*m)).collect(),
            })
            .collect(),
        claims: claims
            .iter()
            .map(|c| claim_out(doc, &spans, meta, c))
            .collect(),
    };
    let mut buf = serde_json::to_vec(&out).expect("annotations serialize");
    buf.push(b'\n');
    (buf, claims.len())
}
