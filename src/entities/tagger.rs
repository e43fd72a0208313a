//! The tagger: units (gazetteer forms, titles, capitalized words, connectors) per sentence, then
//! segments of units classified into entities, then document-level fixes.

use super::classify::Cand;
use super::document::{drop_headline_only_persons, fix_guesses, with_abbreviation_dot};
use super::evidence::Gathering;
use super::rules::EntityRules;
use super::segments::segments;
use super::transcript::add_transcript_labels;
use super::units::{units, Unit};
use crate::doc::{Doc, Entity};

/// Tags one document.
pub fn tag(rules: &EntityRules, doc: &mut Doc) {
    let text = doc.text.as_str();
    // every sentence's units first, the document's evidence taken from their words on the way;
    // then the names, which ask the evidence of the whole document
    let mut g = Gathering::new(doc, &rules.words, &rules.word_hashes);
    let mut us: Vec<Unit> = Vec::with_capacity(doc.tokens.len() + 8);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(doc.sentences.len());
    for r in doc.sentence_token_ranges() {
        g.sentence(r.clone());
        let a = us.len();
        units(
            rules,
            text,
            &doc.tokens[r.clone()],
            r.start,
            &mut g,
            &mut us,
        );
        ranges.push(a..us.len());
    }
    let ev = g.finish();
    // room for a news text's names: no regrowth for most documents
    let mut cands: Vec<Cand> = Vec::with_capacity(doc.tokens.len() / 16 + 8);
    for r in ranges {
        segments(rules, text, &us[r], &ev, &mut cands);
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
