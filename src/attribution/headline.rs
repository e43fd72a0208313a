//! The headline configuration "Name: what they said" (`@headline-colon` in `attribution.txt`):
//! "Graham: Trump’s Rhetoric Destroying GOP’s Chance", "Poll: Clinton and Sanders in Dead Heat".
//!
//! Only the first line of a document with more lines, only when the part before the colon is a
//! short phrase that names someone (a person or organization the entity stage found); "BOOM:",
//! "Watch:" and "The Latest:" name no one.

use crate::doc::{Attribution, EntityLabel, Span};

use super::matcher::Matcher;
use super::patterns::Pattern;

/// The longest phrase before the colon, in bytes.
const MAX_SPEAKER: usize = 40;

/// Adds the headline's attribution, if it has one and no other configuration claimed it.
pub fn run(m: &mut Matcher, pat: &Pattern) {
    let doc = m.v.doc;
    let text = doc.text.as_str();
    let [headline, _, ..] = doc.paragraphs[..] else {
        return;
    };
    let line = headline.slice(text);
    let Some(colon) = line.find(": ") else {
        return;
    };
    let speaker = Span::new(headline.start, headline.start + colon);
    let phrase = speaker.slice(text);
    let all_caps = !phrase.chars().any(char::is_lowercase);
    if colon == 0 || colon > MAX_SPEAKER || all_caps || phrase.starts_with("The ") {
        return;
    }
    let names_someone = doc.entities.iter().any(|e| {
        speaker.contains(e.span) && matches!(e.label, EntityLabel::Person | EntityLabel::Org)
    });
    if !names_someone {
        return;
    }
    let body = Span::new(speaker.end + 2, headline.end);
    if m.out.iter().any(|a| a.content.overlaps(body)) {
        return;
    }
    let toks = doc.tokens_in(body);
    if toks.len() < 2 {
        return;
    }
    let (kind, content) = m.classify(pat.kind, toks.start, toks.end);
    if content.is_empty() {
        return;
    }
    m.out.push(Attribution {
        speaker: Some(speaker),
        cue: Some(Span::new(speaker.end, speaker.end + 1)),
        cue_lemma: Some(":".to_string()),
        ..Attribution::new(kind, content, pat.name.as_str(), pat.confidence)
    });
}
