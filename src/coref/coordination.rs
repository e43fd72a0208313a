//! Coordinated speakers: "Mr. Obama and Hillary Clinton", "Sens. Jeff Merkley (D-Ore.), Sherrod
//! Brown (D-Ohio) and Robert Menendez (D-N.J.)" speak as one, named after all of them.

use super::clusters::EClusters;
use super::rules::{word_class, CorefRules};
use crate::doc::{Doc, EntityLabel, Span};

/// The entities of a coordinated speaker ("Mr. Obama and Hillary Clinton", "Sens. Jeff Merkley
/// (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.)"): two or more people (or two
/// or more organizations) of different clusters joined by commas and "and", with nothing else
/// between them but titles and parenthesized affiliations.
pub fn coordination(
    rules: &CorefRules,
    doc: &Doc,
    ec: &EClusters,
    span: Span,
) -> Option<Vec<usize>> {
    let text = doc.text.as_str();
    // most speakers are one name: no "and", no coordination
    let phrase = text.get(span.start..span.end)?;
    if !phrase
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("and") || w == "&")
    {
        return None;
    }
    let a = doc.entities.partition_point(|e| e.span.start < span.start);
    let mut members: Vec<usize> = Vec::new();
    let mut saw_and = false;
    let mut at = span.start;
    // places and groups that modify a name's title or a description ("Maine Sen. Susan
    // Collins and Texas Rep. Louis Gohmert", "Republican hopefuls Jeb Bush and …"): left out
    // of the gaps, never members
    let mut modifiers: Vec<Span> = Vec::new();
    let mut gap_text = String::new();
    for (k, e) in doc.entities.iter().enumerate().skip(a) {
        if e.span.end > span.end {
            break;
        }
        if matches!(
            e.label,
            EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Loc
        ) && (members.is_empty() || before_title(rules, text, e.span.end))
        {
            modifiers.push(e.span);
            continue;
        }
        gap_text.clear();
        let mut from = at;
        for m in modifiers.drain(..) {
            gap_text.push_str(text.get(from..m.start)?);
            from = m.end;
        }
        gap_text.push_str(text.get(from..e.span.start)?);
        let mut gap = gap_text.as_str();
        // "The Democratic candidates, Hillary Clinton and Bernie Sanders,": the names in
        // apposition after a description
        if members.is_empty() {
            if let Some(c) = gap.rfind(", ") {
                if !joiner(rules, gap, true).0 {
                    gap = &gap[c + 2..];
                }
            }
        }
        // "Council members Ann Roe and …": a short plural description before the first name
        if members.is_empty() && plural_description(gap) {
            gap = "";
        }
        let (ok, and) = joiner(rules, gap, members.is_empty());
        if !ok && members.is_empty() {
            // a name inside the description ("The Democratic candidates, …"): look on
            continue;
        }
        if !ok {
            // the part after the coordination (an appositive, a relative clause) ends it
            break;
        }
        saw_and |= and;
        members.push(k);
        at = e.span.end;
    }
    if members.len() < 2 || !saw_and {
        return None;
    }
    let label = doc.entities[members[0]].label;
    let clusters: Vec<usize> = members
        .iter()
        .map(|&m| ec.of_entity[m])
        .collect::<Option<Vec<_>>>()?;
    let distinct = clusters
        .iter()
        .enumerate()
        .all(|(i, c)| !clusters[..i].contains(c));
    (matches!(label, EntityLabel::Person | EntityLabel::Org)
        && distinct
        && members.iter().all(|&m| doc.entities[m].label == label))
    .then_some(members)
}

/// Whether the word after byte `end` of `text` is a title ("Rep.", "Sen.", "Governor").
fn before_title(rules: &CorefRules, text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let w = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
        .to_lowercase();
    !w.is_empty() && rules.is_title_word(&w)
}

/// Whether the text between two coordinated names only joins them (commas, "and", titles,
/// parenthesized affiliations); and whether it holds "and". `first`: the text before the first
/// name, where only titles and "both" may stand.
fn joiner(rules: &CorefRules, gap: &str, first: bool) -> (bool, bool) {
    let mut and = false;
    let mut depth = 0usize;
    let mut rest = gap;
    while let Some(c) = rest.chars().next() {
        if c == '(' {
            depth += 1;
            rest = &rest[1..];
            continue;
        }
        if c == ')' {
            depth = depth.saturating_sub(1);
            rest = &rest[1..];
            continue;
        }
        if depth > 0 || c.is_whitespace() || c == ',' && !first {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest
            .find(|ch: char| ch.is_whitespace() || ch == '(' || ch == ',')
            .unwrap_or(rest.len());
        let w = &rest[..end];
        rest = &rest[end..];
        let lower = w.to_lowercase();
        if !first && (lower == "and" || w == "&") {
            and = true;
            continue;
        }
        let title = rules.is_title_word(&lower) || rules.words.is(&lower, word_class::PLURAL_TITLE);
        if !title {
            return (false, false);
        }
    }
    (depth == 0 && gap.len() <= 60, and)
}

/// "Council members ", "Sens. ", "Republican senators ": at most three words, the last a plural,
/// none of them "of", "for" or "to" (not "the father of …").
fn plural_description(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 3
        && words
            .last()
            .is_some_and(|w| w.len() > 3 && w.ends_with('s'))
        && !words
            .iter()
            .any(|w| matches!(*w, "of" | "for" | "to" | "and" | "the" | "a"))
        && !gap.contains(',')
}

/// The name of a coordinated speaker: its members' canonical names joined as written in English
/// ("Ann Roe and Bill Shaw", "Ann Roe, Bill Shaw and Carl Dunn").
pub fn joint_name(doc: &Doc, ec: &EClusters, members: &[usize]) -> String {
    let names: Vec<&str> = members
        .iter()
        .filter_map(|&m| ec.of_entity[m])
        .map(|c| {
            doc.text
                .get(ec.clusters[c].name.start..ec.clusters[c].name.end)
                .unwrap_or("")
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// Whether `span` is a group of unlike speakers joined by "and" ("Clinton and the State
/// Department", "Sanders and his aides", "Donald Trump and House Speaker Paul Ryan"): a name
/// (PERSON, ORG or NORP) ends right before an "and" outside every name, and a phrase of its
/// own follows (a determiner, a possessive, "other", or a capitalized word). Such a speaker is
/// named as written; the one-name coordinations go to [`coordination`] first.
pub fn unlike_group(rules: &CorefRules, doc: &Doc, ec: &EClusters, span: Span) -> bool {
    let text = doc.text.as_str();
    let range = doc.tokens_in(span);
    let first = doc.entities.partition_point(|e| e.span.end <= span.start);
    let last = doc.entities.partition_point(|e| e.span.start < span.end);
    // (only the names that meet the span: the look-ups below stay within it)
    let names = &doc.entities[first..last.max(first)];
    for k in range.clone().skip(1) {
        let and = doc.tokens[k].span;
        if and.slice(text) != "and" || k + 1 >= range.end {
            continue;
        }
        // "and" inside a name ("Organization for Economic Cooperation and Development")
        if names
            .iter()
            .take_while(|e| e.span.start < and.start)
            .any(|e| e.span.end > and.start)
        {
            continue;
        }
        let before = doc.tokens[k - 1].span.end;
        let left = names.iter().position(|e| {
            e.span.end == before
                && e.span.start >= span.start
                && matches!(
                    e.label,
                    EntityLabel::Person | EntityLabel::Org | EntityLabel::Norp
                )
        });
        let Some(left) = left else { continue };
        let next = doc.tokens[k + 1].span.slice(text);
        let opens = next.chars().next().is_some_and(char::is_uppercase)
            || rules
                .words
                .is(&next.to_ascii_lowercase(), word_class::GROUP_OPENER);
        // the name right after "and", if one starts there
        let right_start = doc.tokens[k + 1].span.start;
        let right = names
            .iter()
            .position(|e| e.span.start == right_start)
            .map(|j| (j, names[j]));
        // "Ann Roe and Roe": one person named twice is no group
        let cluster = ec.of_entity[first + left];
        let same_person = right.is_some_and(|(j, _)| {
            j > left && cluster.is_some() && ec.of_entity[first + j] == cluster
        });
        // "Ann Roe and Texas": a place is no co-speaker
        let place = right.is_some_and(|(_, e)| {
            e.span.end == span.end && matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc)
        });
        if opens && !same_person && !place {
            return true;
        }
    }
    false
}
