//! The tagger: units (gazetteer forms, titles, capitalized words, connectors) per sentence, then
//! segments of units classified into entities, then document-level fixes.

use super::classify::Cand;
use super::document::{drop_headline_only_persons, fix_guesses, with_abbreviation_dot};
use super::evidence::Evidence;
use super::rules::EntityRules;
use super::segments::segments;
use super::transcript::add_transcript_labels;
use super::units::{units, Unit};
use crate::doc::{Doc, Entity};

/// Tags one document.
pub fn tag(rules: &EntityRules, doc: &mut Doc) {
    let text = doc.text.as_str();
    let ev = Evidence::gather(doc, &rules.words, &rules.word_hashes);
    // room for a news text's names and a long sentence's units: no regrowth for most documents
    let mut cands: Vec<Cand> = Vec::with_capacity(doc.tokens.len() / 16 + 8);
    let mut buf: Vec<Unit> = Vec::with_capacity(doc.tokens.len().min(128));
    for r in &ev.sentences {
        units(rules, text, &doc.tokens[r.clone()], r.start, &ev, &mut buf);
        segments(rules, text, &buf, &ev, &mut cands);
    }
    fix_guesses(text, &rules.lex, &mut cands);
    drop_headline_only_persons(rules, doc, &ev, &mut cands);
    doc.entities = cands
        .into_iter()
        .filter(|c| !c.drop)
        .map(|c| Entity {
            span: with_abbreviation_dot(rules, text, c.span, c.label),
            label: c.label,
        })
        .collect();
    add_transcript_labels(doc);
}
