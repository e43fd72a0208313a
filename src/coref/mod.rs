//! Stage 5: speaker coreference — "Biden", "he", "the Texas Senator" → one cluster with a
//! canonical name.
//!
//! Every PERSON, ORG, GPE and NORP entity of the document is first grouped into entity clusters
//! (surnames join full names, abbreviations join their organization); each attribution's speaker
//! span is then classified (name, pronoun, office description, other) and linked to a cluster.
//! The `speakers` layer holds the clusters that some attribution refers to.

mod clusters;
mod coordination;
mod index;
mod pronouns;
mod rules;
mod speakers;
mod surnames;

pub use rules::{CorefRules, Pronoun};

use crate::hash::FxMap;

use crate::doc::{Doc, EntityLabel, Span, SpeakerCluster, SpeakerType};
use clusters::{ECluster, EClusters};
use speakers::Mention;

fn kind_of(label: EntityLabel) -> SpeakerType {
    match label {
        EntityLabel::Person => SpeakerType::Person,
        EntityLabel::Norp => SpeakerType::Norp,
        _ => SpeakerType::Org,
    }
}

fn from_entity_cluster(text: &str, c: &ECluster) -> SpeakerCluster {
    SpeakerCluster {
        name: c.name.slice(text).to_string(),
        title: c.title.map(|t| t.slice(text).to_string()),
        affiliation: c.affiliation.map(|a| a.slice(text).to_string()),
        kind: kind_of(c.label),
        mentions: Vec::with_capacity(4),
    }
}

/// A speaker cluster tied to no entity cluster (a description, a pronoun left unresolved, a
/// coordination).
fn standalone(name: String, kind: SpeakerType) -> SpeakerCluster {
    SpeakerCluster {
        name,
        title: None,
        affiliation: None,
        kind,
        mentions: Vec::with_capacity(4),
    }
}

/// The text of a span, or "" for a span that does not fit the text (never panics).
fn text_of(doc: &Doc, span: Span) -> &str {
    doc.text.get(span.start..span.end).unwrap_or("")
}

/// The surface name of an unresolved speaker: as written, without a possessive.
fn surface_name(s: &str) -> &str {
    crate::words::shape::strip_possessive(s.trim())
}

/// Fills the `speakers` and `attribution_speakers` layers.
pub fn resolve(rules: &CorefRules, doc: &mut Doc) {
    doc.speakers.clear();
    doc.attribution_speakers.clear();
    let ec = clusters::build(rules, doc);
    let mut order: Vec<(Span, usize)> = doc
        .attributions
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.speaker.map(|s| (s, i)))
        .collect();
    order.sort_by_key(|&(s, i)| (s.start, s.end, i));

    // at most one speaker and one assignment per attribution: no regrowth
    let mut speakers: Vec<SpeakerCluster> = Vec::with_capacity(order.len());
    let mut of_ec: FxMap<usize, usize> = FxMap::default();
    let mut of_span: FxMap<Span, usize> = FxMap::default();
    let mut used_ec: Vec<(usize, usize)> = Vec::new();
    let mut heads = vec![false; doc.entities.len()];
    let mut groups: Vec<(usize, usize)> = Vec::new();
    // plural descriptions that name no entity ("Officials from the finance department"), by
    // position and speaker index: a later "they" is theirs
    let mut described_groups: Vec<(usize, usize)> = Vec::new();
    let mut assigned: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for &(span, ai) in &order {
        if let Some(&k) = of_span.get(&span) {
            assigned.push((ai, k));
            continue;
        }
        // "Mr. Obama and Hillary Clinton": one speaker named after all of them
        let k = if let Some(members) = coordination::coordination(rules, doc, &ec, span) {
            speakers.push(standalone(
                coordination::joint_name(doc, &ec, &members),
                kind_of(doc.entities[members[0]].label),
            ));
            speakers.len() - 1
        } else if coordination::unlike_group(rules, doc, &ec, span) {
            let first = doc.entities.partition_point(|e| e.span.end <= span.start);
            let kind = doc
                .entities
                .get(first)
                .map_or(SpeakerType::Person, |e| kind_of(e.label));
            let name = surface_name(text_of(doc, speakers::description_span(doc, span)));
            speakers.push(standalone(name.to_string(), kind));
            speakers.len() - 1
        } else {
            let m = speakers::classify(rules, doc, &ec, span);
            // "Officials … said X. They added Y.": a plural pronoun after a group description
            // nearer than any group entity joins the description's speaker
            if let Mention::Pronoun(p) = m {
                let described = pronouns::latest_group(doc, span, &described_groups);
                let entity = pronouns::latest_group(doc, span, &groups);
                if let Some((pos, k)) = described.filter(|_| p.plural) {
                    if entity.is_none_or(|(epos, _)| epos < pos) {
                        speakers[k].mentions.push(span);
                        of_span.insert(span, k);
                        assigned.push((ai, k));
                        continue;
                    }
                }
            }
            let target = match m {
                Mention::Entity(i) => {
                    heads[i] = true;
                    ec.of_entity[i].map(Ok).unwrap_or(Err(SpeakerType::Person))
                }
                Mention::Pronoun(p) => {
                    pronouns::resolve_pronoun(rules, doc, &ec, span, p, &heads, &groups)
                        .map(Ok)
                        .unwrap_or(Err(SpeakerType::Pronoun))
                }
                Mention::Nominal {
                    title,
                    state,
                    party,
                } => speakers::resolve_nominal(rules, doc, &ec, span.start, title, state, party)
                    .map(Ok)
                    .unwrap_or(Err(SpeakerType::Person)),
                Mention::Other => Err(speakers::description_kind(rules, doc, span)),
            };
            if let Ok(c) = target {
                if ec.clusters[c].label != EntityLabel::Person {
                    groups.push((span.start, c));
                }
            }
            match target {
                Ok(c) => *of_ec.entry(c).or_insert_with(|| {
                    speakers.push(from_entity_cluster(&doc.text, &ec.clusters[c]));
                    used_ec.push((speakers.len() - 1, c));
                    speakers.len() - 1
                }),
                Err(kind) => {
                    let name = match kind {
                        SpeakerType::Pronoun => text_of(doc, span),
                        _ => surface_name(text_of(doc, speakers::description_span(doc, span))),
                    };
                    speakers.push(standalone(name.to_string(), kind));
                    if kind == SpeakerType::Norp {
                        described_groups.push((span.start, speakers.len() - 1));
                    }
                    speakers.len() - 1
                }
            }
        };
        speakers[k].mentions.push(span);
        of_span.insert(span, k);
        assigned.push((ai, k));
    }
    add_entity_mentions(doc, &ec, &used_ec, &mut speakers);
    drop(ec);
    let mut of_attribution = vec![None; doc.attributions.len()];
    for (ai, k) in assigned {
        of_attribution[ai] = Some(k);
    }
    doc.attribution_speakers = of_attribution;
    doc.speakers = speakers;
}

/// Adds every entity mention of the clusters speakers were linked to; sorts and dedups.
fn add_entity_mentions(
    doc: &Doc,
    ec: &EClusters,
    used: &[(usize, usize)],
    speakers: &mut [SpeakerCluster],
) {
    for &(k, c) in used {
        speakers[k].mentions.reserve(ec.clusters[c].mentions.len());
        for &m in &ec.clusters[c].mentions {
            speakers[k].mentions.push(doc.entities[m].span);
        }
    }
    for s in speakers.iter_mut() {
        s.mentions.sort_unstable();
        s.mentions.dedup();
    }
}

#[cfg(test)]
mod tests;
