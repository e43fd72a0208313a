//! Document-level fixes of the candidates: labels agreed across the document, headline-only
//! persons dropped, abbreviation periods kept.

use super::classify::Cand;
use super::evidence::{is_all_caps, strip_possessive, Evidence, FxMap, FxSet};
use super::lexicon::Lexicon;
use super::rules::EntityRules;
use crate::doc::{Doc, EntityLabel, Span};

/// "Grain Firms Push Back": a PERSON found only in a Title-Case headline, with no given name and
/// none of its words capitalized in the body, is a headline's capitals, not a name.
pub(super) fn drop_headline_only_persons(
    rules: &EntityRules,
    doc: &Doc,
    ev: &Evidence,
    cands: &mut [Cand],
) {
    let text = doc.text.as_str();
    for c in cands
        .iter_mut()
        .filter(|c| c.label == EntityLabel::Person && !c.drop)
    {
        let t = doc.tokens.partition_point(|t| t.span.start < c.span.start);
        if !ev.headline.get(t).copied().unwrap_or(false) {
            continue;
        }
        let name = c.span.slice(text);
        let given = name
            .split(' ')
            .next()
            .is_some_and(|f| rules.lex.info(f).is_given());
        let in_body = name.split(' ').any(|w| ev.seen_strong(strip_possessive(w)));
        if !given && !in_body {
            c.drop = true;
        }
    }
}

/// "Prairie Harvest Grain Co.": an organization whose last word is a head listed with its
/// period in `name_heads.txt` ("Co.", "Inc.", "Corp.") keeps the period.
pub(super) fn with_abbreviation_dot(
    rules: &EntityRules,
    text: &str,
    span: Span,
    label: EntityLabel,
) -> Span {
    if label != EntityLabel::Org || !text[span.end..].starts_with('.') {
        return span;
    }
    let last = text[span.start..span.end]
        .rfind(' ')
        .map_or(span.start, |i| span.start + i + 1);
    match rules.lex.head(&text[last..span.end + 1]) {
        Some(EntityLabel::Org) => Span::new(span.start, span.end + 1),
        _ => span,
    }
}

/// Document-level consistency: a one-word guess takes the label of a longer name that holds it
/// ("Warhol" after "Andy Warhol"), else the label its other guesses got from context ("in York").
pub(super) fn fix_guesses(text: &str, lex: &Lexicon, cands: &mut [Cand]) {
    // every fix below changes guesses only, and looks up their words only
    let guessed: FxSet<&str> = cands
        .iter()
        .filter(|c| c.guess)
        .map(|c| c.span.slice(text))
        .collect();
    if guessed.is_empty() {
        return;
    }
    let mut known: FxMap<&str, EntityLabel> = FxMap::default();
    // words of full person names first: "Warhol" is a person even inside an organization's name
    for pass in [true, false] {
        for c in cands.iter() {
            if c.guess {
                continue;
            }
            let s = c.span.slice(text);
            if s.contains(' ') {
                let person = c.label == EntityLabel::Person;
                if person == pass && matches!(c.label, EntityLabel::Person | EntityLabel::Org) {
                    for w in s.split(' ') {
                        if guessed.contains(w)
                            && !{
                                let i = lex.info(w);
                                i.is_head() || i.common
                            }
                            && w.chars().count() > 1
                        {
                            known.entry(w).or_insert(c.label);
                        }
                    }
                }
            } else if !pass && guessed.contains(s) {
                known.entry(s).or_insert(c.label);
            }
        }
    }
    // context votes among guesses: a word labeled by context ("in York", "the Onion") in at
    // least a third of its guesses takes that label everywhere
    // "Coron, Palawan", "Tulsa, Oklahoma": a one-word guess before ", <place>" is a place
    for i in 1..cands.len() {
        let (a, b) = (cands[i - 1], cands[i]);
        if a.guess
            && !b.guess
            && b.label == EntityLabel::Gpe
            && text.get(a.span.end..b.span.start) == Some(", ")
        {
            cands[i - 1].label = EntityLabel::Gpe;
        }
    }
    // (all guesses, "in X" GPE guesses, "the X" ORG guesses)
    let mut votes: FxMap<&str, (u32, u32, u32)> = FxMap::default();
    for c in cands.iter() {
        if c.guess {
            let v = votes.entry(c.span.slice(text)).or_insert((0, 0, 0));
            v.0 += 1;
            match c.label {
                EntityLabel::Gpe => v.1 += 1,
                EntityLabel::Org => v.2 += 1,
                _ => {}
            }
        }
    }
    let votes: FxMap<&str, EntityLabel> = votes
        .into_iter()
        .map(|(w, (n, gpe, org))| {
            let label = if (gpe + org) * 3 < n {
                EntityLabel::Person
            } else if org >= gpe {
                EntityLabel::Org
            } else {
                EntityLabel::Gpe
            };
            (w, label)
        })
        .collect();
    // acronyms: kept only when a longer name in the document spells them out (the initials of
    // the longer names are kept only where they spell an acronym guess: no other is asked for)
    let acronym_guess =
        |c: &Cand| c.guess && c.label == EntityLabel::Org && is_all_caps(c.span.slice(text));
    let acronyms: FxSet<&str> = cands
        .iter()
        .filter(|c| acronym_guess(c))
        .map(|c| c.span.slice(text))
        .collect();
    let mut initials: FxMap<&str, EntityLabel> = FxMap::default();
    let mut ini = String::new();
    for c in cands.iter().filter(|_| !acronyms.is_empty()) {
        let s = c.span.slice(text);
        if !c.guess && s.contains(' ') {
            ini.clear();
            ini.extend(
                s.split(' ')
                    .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())),
            );
            if ini.chars().count() >= 2 {
                if let Some(&a) = acronyms.get(ini.as_str()) {
                    initials.entry(a).or_insert(c.label);
                }
            }
        }
    }
    for c in cands.iter_mut() {
        if acronym_guess(c) {
            match initials.get(c.span.slice(text)) {
                Some(&l) if l != EntityLabel::Person => {
                    c.label = l;
                    c.guess = false;
                }
                _ => c.drop = true,
            }
        }
    }
    for c in cands.iter_mut() {
        if c.guess {
            let w = c.span.slice(text);
            if let Some(&l) = known.get(w) {
                c.label = l;
            } else if lex.info(w).english {
                // "Discovery", "Series", "Wild": an everyday word no longer name holds
                c.drop = true;
            } else if let Some(&l) = votes.get(w) {
                c.label = l;
            }
        }
    }
}
