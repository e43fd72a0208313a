//! Claim records: attributions with their sentences, timexes, entities and speaker cluster.

use crate::doc::{Attribution, Doc, Entity, Span, SpeakerType, Timex};

/// The speaker a claim shows: the span as written and what coreference says of it. This is the
/// one place the name fallback is decided (every writer reads it).
pub struct ClaimSpeaker<'d> {
    /// The speaker span as written.
    pub span: Span,
    /// The canonical name of its cluster, else the span's text.
    pub name: &'d str,
    /// Title of the cluster, if one was seen.
    pub title: Option<&'d str>,
    /// Affiliation of the cluster, if one was seen.
    pub affiliation: Option<&'d str>,
    /// Type of the cluster (`PERSON` when coreference gave none).
    pub kind: SpeakerType,
    /// Index of the cluster in [`Doc::speakers`].
    pub cluster: Option<usize>,
}

/// One claim, ready to serialize (SPEC §4).
pub struct Claim<'d> {
    /// 1-based number within the document (the id is `doc_id#n`).
    pub number: usize,
    /// The attribution it comes from.
    pub attribution: &'d Attribution,
    /// Its speaker, if it has one.
    pub speaker: Option<ClaimSpeaker<'d>>,
    /// First and last sentence index the claim spans.
    pub sentences: (usize, usize),
    /// Timexes inside the claim's sentences.
    pub timexes: &'d [Timex],
    /// Entities inside the claim's sentences.
    pub entities: &'d [Entity],
}

/// The claims of a document, in text order of their content.
pub fn assemble(doc: &Doc) -> Vec<Claim<'_>> {
    let mut order: Vec<(usize, &Attribution)> = doc.attributions.iter().enumerate().collect();
    order.sort_by_key(|(_, a)| (a.content.start, a.content.end));
    order
        .into_iter()
        .enumerate()
        .map(|(i, (ai, a))| {
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
                speaker: a.speaker.map(|span| speaker(doc, ai, span)),
                sentences: (s0, s1),
                timexes: within(&doc.timexes, lo, hi, |t| (t.span.start, t.span.end)),
                entities: within(&doc.entities, lo, hi, |e| (e.span.start, e.span.end)),
            }
        })
        .collect()
}

/// The speaker of attribution `ai`, its name taken from its cluster when it has one.
fn speaker(doc: &Doc, ai: usize, span: Span) -> ClaimSpeaker<'_> {
    let cluster = doc.speaker_of(ai);
    ClaimSpeaker {
        span,
        name: cluster.map_or_else(|| doc.slice(span), |(_, k)| k.name.as_str()),
        title: cluster.and_then(|(_, k)| k.title.as_deref()),
        affiliation: cluster.and_then(|(_, k)| k.affiliation.as_deref()),
        kind: cluster.map_or(SpeakerType::Person, |(_, k)| k.kind),
        cluster: cluster.map(|(k, _)| k),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ClaimKind, EntityLabel, Span, TimexType};

    fn attribution(content: Span, speaker: Option<Span>) -> Attribution {
        Attribution {
            speaker,
            ..Attribution::new(ClaimKind::Direct, content, "test", 0.5)
        }
    }

    #[test]
    fn claims_take_the_sentences_timexes_and_entities_around_them() {
        let text = "Monday came. “We won,” Ruiz said in Lima. Later, Ana left.";
        let mut doc = Doc::new("d", text);
        doc.sentences = vec![Span::new(0, 12), Span::new(13, 45), Span::new(46, 62)];
        let at = |s: &str| text.find(s).unwrap();
        doc.timexes = vec![Timex {
            span: Span::new(0, 6),
            kind: TimexType::Date,
            value: "2024-01-01".into(),
            modifier: None,
        }];
        doc.entities = vec![
            Entity {
                span: Span::new(at("Ruiz"), at("Ruiz") + 4),
                label: EntityLabel::Person,
            },
            Entity {
                span: Span::new(at("Lima"), at("Lima") + 4),
                label: EntityLabel::Gpe,
            },
            Entity {
                span: Span::new(at("Ana"), at("Ana") + 3),
                label: EntityLabel::Person,
            },
        ];
        // given out of text order: claims come out in text order, numbered from 1
        doc.attributions = vec![
            attribution(Span::new(at("Ana"), at("Ana") + 8), None),
            attribution(
                Span::new(at("We"), at("We") + 6),
                Some(Span::new(at("Ruiz"), at("Ruiz") + 4)),
            ),
        ];
        let claims = assemble(&doc);
        assert_eq!(claims.len(), 2);
        assert_eq!((claims[0].number, claims[0].sentences), (1, (1, 1)));
        let names: Vec<&str> = claims[0]
            .entities
            .iter()
            .map(|e| doc.slice(e.span))
            .collect();
        assert_eq!(names, vec!["Ruiz", "Lima"]);
        assert!(claims[0].timexes.is_empty());
        assert_eq!((claims[1].number, claims[1].sentences), (2, (2, 2)));
        assert_eq!(claims[1].entities.len(), 1);
    }

    #[test]
    fn a_claim_over_several_sentences_spans_them_all() {
        let text = "Monday: “One. Two.” Three.";
        let mut doc = Doc::new("d", text);
        doc.sentences = vec![Span::new(0, 13), Span::new(14, 19), Span::new(20, 26)];
        doc.timexes = vec![Timex {
            span: Span::new(0, 6),
            kind: TimexType::Date,
            value: "XXXX-WXX-1".into(),
            modifier: None,
        }];
        doc.attributions = vec![attribution(Span::new(11, 18), None)];
        let claims = assemble(&doc);
        assert_eq!(claims[0].sentences, (0, 1));
        assert_eq!(claims[0].timexes.len(), 1);
    }
}
