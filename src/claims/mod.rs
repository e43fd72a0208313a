//! Claim records: attributions with their sentences, timexes, entities and speaker cluster.

use crate::doc::{Attribution, Doc, Entity, Timex};

/// One claim, ready to serialize (SPEC §4).
pub struct Claim<'d> {
    /// 1-based number within the document (the id is `doc_id#n`).
    pub number: usize,
    /// The attribution it comes from.
    pub attribution: &'d Attribution,
    /// First and last sentence index the claim spans.
    pub sentences: (usize, usize),
    /// Timexes inside the claim's sentences.
    pub timexes: &'d [Timex],
    /// Entities inside the claim's sentences.
    pub entities: &'d [Entity],
}

/// The claims of a document, in text order.
pub fn assemble(doc: &Doc) -> Vec<Claim<'_>> {
    doc.attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut first = a.content.start;
            let mut last = a.content.end.saturating_sub(1).max(a.content.start);
            for s in [a.speaker, a.cue].into_iter().flatten() {
                first = first.min(s.start);
                last = last.max(s.end.saturating_sub(1));
            }
            let s0 = doc.sentence_at(first).unwrap_or(0);
            let s1 = doc.sentence_at(last).unwrap_or(s0).max(s0);
            let (lo, hi) = match (doc.sentences.get(s0), doc.sentences.get(s1)) {
                (Some(a), Some(b)) => (a.start, b.end),
                _ => (first, last + 1),
            };
            Claim {
                number: i + 1,
                attribution: a,
                sentences: (s0, s1),
                timexes: within(&doc.timexes, lo, hi, |t| (t.span.start, t.span.end)),
                entities: within(&doc.entities, lo, hi, |e| (e.span.start, e.span.end)),
            }
        })
        .collect()
}

/// The sorted-by-start items that lie inside `[lo, hi)`.
fn within<T>(items: &[T], lo: usize, hi: usize, span: impl Fn(&T) -> (usize, usize)) -> &[T] {
    let a = items.partition_point(|x| span(x).0 < lo);
    let b = items.partition_point(|x| span(x).0 < hi);
    let b = b.max(a);
    let mut end = a;
    while end < b && span(&items[end]).1 <= hi {
        end += 1;
    }
    // items are sorted by start; one that starts inside but runs past `hi` ends the run
    &items[a..end.max(a)]
}
