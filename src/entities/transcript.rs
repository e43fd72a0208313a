//! Transcript labels as mentions: "HALE: We will not raise taxes." names the person the
//! document calls "Tom Hale".

use crate::doc::{Doc, Entity, EntityLabel, Span};
use crate::hash::FxSet;
use crate::words::labels::label;

/// "HALE: We will not raise taxes.": a transcript label in capitals that is the surname of a
/// person named in the document is a mention of that person.
pub(super) fn add_transcript_labels(doc: &mut Doc) {
    let (found, _) = transcript_labels(&doc.text, &doc.paragraphs, &doc.entities);
    if !found.is_empty() {
        doc.entities.extend(found);
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// What the document's entities say about a label, built once, at the first label.
struct Known {
    /// The last word, in capitals, of every PERSON of more than one word.
    surnames: FxSet<String>,
    /// The entities' (start, end), by start.
    spans: Vec<(usize, usize)>,
    /// `max_end[i]`: the largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Known {
    fn new(text: &str, entities: &[Entity]) -> Known {
        let surnames = entities
            .iter()
            .filter(|e| e.label == EntityLabel::Person)
            .filter_map(|e| {
                let s = e.span.slice(text);
                let (_, last) = s.rsplit_once(' ')?;
                Some(last.chars().flat_map(char::to_uppercase).collect())
            })
            .collect();
        let mut spans: Vec<(usize, usize)> = entities
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0, |m, &(_, end)| {
                *m = end.max(*m);
                Some(*m)
            })
            .collect();
        Known {
            surnames,
            spans,
            max_end,
        }
    }

    /// True when no entity overlaps `span`.
    fn free(&self, span: Span) -> bool {
        // the entities starting before the span ends overlap it when one ends after it starts
        let n = self.spans.partition_point(|&(start, _)| start < span.end);
        n == 0 || self.max_end[n - 1] <= span.start
    }
}

/// The PERSON mentions the transcript labels of `paragraphs` (the first one excepted) make, with
/// the steps taken: one per paragraph, one per entity when some label needs them, and one per
/// halving of a binary search (what the growth test counts).
fn transcript_labels(text: &str, paragraphs: &[Span], entities: &[Entity]) -> (Vec<Entity>, usize) {
    let mut found: Vec<Entity> = Vec::new();
    let mut known: Option<Known> = None;
    let mut steps = 0;
    for para in paragraphs.iter().skip(1) {
        steps += 1;
        let Some((a, b)) = label(para.slice(text)) else {
            continue;
        };
        let span = Span::new(para.start + a, para.start + b);
        let label = span.slice(text);
        let surname = label.rsplit(' ').next().unwrap_or(label);
        let k = known.get_or_insert_with(|| {
            steps += entities.len();
            Known::new(text, entities)
        });
        steps += (usize::BITS - entities.len().leading_zeros()) as usize;
        if k.surnames.contains(surname) && k.free(span) {
            found.push(Entity {
                span,
                label: EntityLabel::Person,
            });
        }
    }
    (found, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` paragraphs naming a person, each followed by a paragraph of that person's label.
    fn transcript(n: usize) -> (String, Vec<Span>, Vec<Entity>) {
        let mut text = String::from("Debate transcript\n");
        let mut paras = vec![Span::new(0, text.len() - 1)];
        let mut ents = Vec::new();
        for i in 0..n {
            let name = format!("Tom Hale{}", (b'a' + (i % 26) as u8) as char);
            let start = text.len();
            text.push_str(&format!("{name} spoke.\n"));
            ents.push(Entity {
                span: Span::new(start, start + name.len()),
                label: EntityLabel::Person,
            });
            paras.push(Span::new(start, text.len() - 1));
            let start = text.len();
            text.push_str(&format!("{}: We will not.\n", name[4..].to_uppercase()));
            paras.push(Span::new(start, text.len() - 1));
        }
        (text, paras, ents)
    }

    #[test]
    fn labels_of_named_persons_are_mentions() {
        let (text, paras, ents) = transcript(3);
        let (found, _) = transcript_labels(&text, &paras, &ents);
        let got: Vec<&str> = found.iter().map(|e| e.span.slice(&text)).collect();
        assert_eq!(got, ["HALEA", "HALEB", "HALEC"]);
        // a label some entity already covers is no new mention
        let mut covered = ents.clone();
        covered.push(Entity {
            span: paras[2],
            label: EntityLabel::Org,
        });
        let (found, _) = transcript_labels(&text, &paras, &covered);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn work_grows_linearly_with_labels_and_entities() {
        let steps = |n: usize| {
            let (text, paras, ents) = transcript(n);
            let (found, steps) = transcript_labels(&text, &paras, &ents);
            assert_eq!(found.len(), n);
            steps
        };
        let (small, large) = (steps(2_000), steps(8_000));
        // labels x entities would be 16 times the work; a log factor stays well under 5
        assert!(large < 5 * small, "{small} -> {large}");
    }
}
