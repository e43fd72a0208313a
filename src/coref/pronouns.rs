//! Pronoun speakers: "he", "she", "they", "who" resolved to an entity cluster: the speaker or
//! subject of a nearby sentence, a person named ahead in the main clause (cataphora), a group
//! speaker for plurals.

use super::clusters::EClusters;
use super::rules::{word_class, CorefRules, Pronoun};
use crate::doc::{Doc, EntityLabel, Span};
use crate::words::Gender;

/// Person entities in the sentence `s`, before byte `before` (at most the last 64 entities, in
/// text order).
pub(super) fn persons_in(doc: &Doc, ec: &EClusters, s: usize, before: usize) -> Vec<usize> {
    let sent = doc.sentences[s];
    let end = doc
        .entities
        .partition_point(|e| e.span.start < before.min(sent.end));
    let mut out: Vec<usize> = doc.entities[..end]
        .iter()
        .enumerate()
        .rev()
        .take(64)
        .take_while(|(_, e)| e.span.start >= sent.start)
        .filter(|&(i, e)| e.label == EntityLabel::Person && ec.of_entity[i].is_some())
        .map(|(i, _)| i)
        .collect();
    out.reverse();
    out
}

fn gender_ok(want: Gender, have: Gender) -> bool {
    want == Gender::Unknown || have == Gender::Unknown || want == have
}

/// Resolves a pronoun at `span` to an entity cluster: the most recent speaker in a nearby
/// sentence, else the first person (the likely subject) of the nearest sentence naming one.
pub fn resolve_pronoun(
    rules: &CorefRules,
    doc: &Doc,
    ec: &EClusters,
    span: Span,
    p: Pronoun,
    speaker_heads: &[bool],
    speaker_groups: &[(usize, usize)],
) -> Option<usize> {
    let text = doc.text.as_str();
    let s = doc.sentence_at(span.start)?;
    let w = span.slice(text).to_ascii_lowercase();
    if matches!(w.as_str(), "i" | "we" | "me" | "us" | "you" | "it" | "its") {
        return None;
    }
    if p.plural {
        return latest_group(doc, span, speaker_groups).map(|(_, c)| c);
    }
    if w == "who" {
        return persons_in(doc, ec, s, span.start)
            .last()
            .and_then(|&i| ec.of_entity[i]);
    }
    if let Some(c) = cataphora(rules, doc, ec, s, span, p) {
        return Some(c);
    }
    for back in 0..6 {
        let Some(si) = s.checked_sub(back) else { break };
        let mut cands: Vec<usize> = persons_in(doc, ec, si, span.start)
            .into_iter()
            .filter(|&i| {
                ec.of_entity[i].is_some_and(|c| gender_ok(p.gender, ec.clusters[c].gender))
            })
            .collect();
        if cands.is_empty() {
            continue;
        }
        // "Sanders's campaign manager, Jeff Weaver, … how he thinks": a possessive modifier is
        // not the antecedent when someone else is named
        let possessive = |i: &usize| {
            let e = doc.entities[*i].span;
            doc.text[e.end..].starts_with(['’', '\''])
        };
        if cands.iter().any(|i| !possessive(i)) {
            cands.retain(|i| !possessive(i));
        }
        if let Some(&i) = cands.iter().rev().find(|&&i| speaker_heads[i]) {
            return ec.of_entity[i];
        }
        return ec.of_entity[cands[0]];
    }
    None
}

/// The latest group speaker `(position, index)` of `groups` (in text order) before the plural
/// pronoun at `span`, in its sentence or the two before.
pub fn latest_group(doc: &Doc, span: Span, groups: &[(usize, usize)]) -> Option<(usize, usize)> {
    let s = doc.sentence_at(span.start)?;
    for &(pos, c) in groups.iter().rev() {
        let ps = doc.sentence_at(pos)?;
        if ps + 2 < s {
            return None;
        }
        if pos < span.start {
            return Some((pos, c));
        }
    }
    None
}

/// "Even as he accused the department …, Giuliani wouldn't …": a pronoun in a subordinate clause
/// that opens its sentence points ahead to the person who begins the main clause.
fn cataphora(
    rules: &CorefRules,
    doc: &Doc,
    ec: &EClusters,
    s: usize,
    span: Span,
    p: Pronoun,
) -> Option<usize> {
    let text = doc.text.as_str();
    let sent = doc.sentences[s];
    let head = text.get(sent.start..span.start)?.trim_start();
    let opener = head.split_whitespace().next()?.to_ascii_lowercase();
    let subordinate = rules.words.is(&opener, word_class::SUBORDINATOR);
    if !subordinate || head.split_whitespace().nth(3).is_some() {
        return None;
    }
    // the first comma after the pronoun ends the subordinate clause
    let rest = text.get(span.end..sent.end)?;
    let comma = span.end + rest.find(", ")? + 2;
    let i = doc.entities.partition_point(|e| e.span.start < comma);
    let e = doc.entities.get(i)?;
    let gap = text.get(comma..e.span.start)?;
    let c = ec.of_entity[i]?;
    (e.label == EntityLabel::Person
        && gap.split_whitespace().count() <= 3
        && gender_ok(p.gender, ec.clusters[c].gender))
    .then_some(c)
}
