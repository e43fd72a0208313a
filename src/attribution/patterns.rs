//! Configurations of `attribution.txt`: named patterns over quotes, speakers, cues and clauses.

use crate::doc::ClaimKind;
use crate::rules::{RuleError, RuleSources};

use super::cues::feature_bit;

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A top-level quotation.
    Quote,
    /// The noun phrase naming the source.
    Speaker,
    /// The noun phrase that opens the sentence (left of the cue only).
    Subject,
    /// A cue with all of these feature bits.
    Cue(u16),
    /// The addressee noun phrase; optional when the flag is true.
    Addressee(bool),
    /// A reported clause.
    Clause,
    /// A noun-phrase object.
    Object,
    /// An optional complementizer ("that"), possibly after a short phrase.
    That,
    /// The end of the sentence (after a short phrase at most).
    End,
    /// The start of the sentence.
    Start,
    /// A short introductory phrase with no verb, from the start of the sentence ("In
    /// addition", "About 10 p.m."; left of the anchor only): a content of its own.
    Intro,
    /// A literal token (case-insensitive); optional when the flag is true.
    Literal(String, bool),
}

/// What a continuation line continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Continuation {
    /// A quotation opening a sentence after an attributed one in the same paragraph.
    SameParagraph,
    /// A quotation opening a paragraph after a paragraph with an attribution.
    NextParagraph,
    /// A quotation that fills its paragraph, signed by the next one ("¶ - Bernie Sanders").
    Byline,
    /// A quotation that opens a sentence right after a sentence whose subject names a person
    /// (same paragraph), or opens a paragraph after one ending in a colon ("The Times reports:").
    Introduced,
    /// A quotation that opens a paragraph with no attribution before it: speaker unknown.
    Unattributed,
    /// A transcript line "WALLACE: what he said"; built in like a continuation.
    SpeakerLabel,
    /// A headline "Name: what they said" (the colon is the cue); not a quote continuation, but
    /// built in like one.
    HeadlineColon,
}

/// One configuration.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Name, reported as the claim's `rule`.
    pub name: String,
    /// Kind of a plain clause content (a content that is one quotation becomes `direct`, one that
    /// holds a quotation `mixed`).
    pub kind: ClaimKind,
    /// Base confidence.
    pub confidence: f32,
    /// The elements, left to right (empty for a continuation).
    pub elems: Vec<Elem>,
    /// Set for the built-in continuation configurations.
    pub continuation: Option<Continuation>,
    /// Index of the anchor element (the cue, else the quotation).
    pub anchor: usize,
}

/// Parses `attribution.txt`.
pub fn compile(src: &RuleSources) -> Result<Vec<Pattern>, Vec<RuleError>> {
    let file = src.get("attribution.txt");
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for line in file.lines() {
        let f: Vec<&str> = line.fields().collect();
        if f.len() != 4 {
            errors.push(line.error("expected NAME | KIND | CONFIDENCE | PATTERN"));
            continue;
        }
        let kind = match f[1] {
            "direct" => ClaimKind::Direct,
            "indirect" => ClaimKind::Indirect,
            "mixed" => ClaimKind::Mixed,
            "according_to" => ClaimKind::AccordingTo,
            "reported" => ClaimKind::Reported,
            k => {
                errors.push(line.error(format!("unknown kind {k:?}")));
                continue;
            }
        };
        let confidence = match f[2].parse::<f32>() {
            Ok(c) if (0.0..=1.0).contains(&c) => c,
            _ => {
                errors.push(line.error("confidence must be a number from 0 to 1"));
                continue;
            }
        };
        let continuation = match f[3] {
            "@same-paragraph" => Some(Continuation::SameParagraph),
            "@next-paragraph" => Some(Continuation::NextParagraph),
            "@unattributed" => Some(Continuation::Unattributed),
            "@introduced" => Some(Continuation::Introduced),
            "@byline" => Some(Continuation::Byline),
            "@headline-colon" => Some(Continuation::HeadlineColon),
            "@speaker-label" => Some(Continuation::SpeakerLabel),
            _ => None,
        };
        if let Some(c) = continuation {
            out.push(Pattern {
                name: f[0].to_string(),
                kind,
                confidence,
                elems: Vec::new(),
                continuation: Some(c),
                anchor: 0,
            });
            continue;
        }
        match parse_elems(f[3]) {
            Ok(elems) => {
                let cue = elems.iter().position(|e| matches!(e, Elem::Cue(_)));
                let quote = elems.iter().position(|e| *e == Elem::Quote);
                let Some(anchor) = cue.or(quote) else {
                    errors.push(line.error("a pattern needs a CUE or a QUOTE"));
                    continue;
                };
                if elems.iter().filter(|e| matches!(e, Elem::Cue(_))).count() > 1 {
                    errors.push(line.error("a pattern has at most one CUE"));
                    continue;
                }
                let contents = elems
                    .iter()
                    .filter(|e| matches!(e, Elem::Clause | Elem::Object))
                    .count();
                if contents == 0 && quote.is_none() {
                    errors.push(line.error("a pattern needs a QUOTE, CLAUSE or OBJECT"));
                    continue;
                }
                if elems[..anchor].iter().any(|e| {
                    matches!(
                        e,
                        Elem::Object | Elem::Addressee(_) | Elem::That | Elem::End
                    )
                }) {
                    errors.push(
                        line.error("OBJECT, ADDRESSEE, that? and END go right of the anchor"),
                    );
                    continue;
                }
                if elems[anchor..]
                    .iter()
                    .any(|e| matches!(e, Elem::Subject | Elem::Start | Elem::Intro))
                {
                    errors.push(line.error("SUBJECT, START and INTRO go left of the anchor"));
                    continue;
                }
                out.push(Pattern {
                    name: f[0].to_string(),
                    kind,
                    confidence,
                    elems,
                    continuation: None,
                    anchor,
                });
            }
            Err(e) => errors.push(line.error(e)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn parse_elems(s: &str) -> Result<Vec<Elem>, String> {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let e = match w {
            "QUOTE" => Elem::Quote,
            "SPEAKER" => Elem::Speaker,
            "SUBJECT" => Elem::Subject,
            "ADDRESSEE" => Elem::Addressee(false),
            "ADDRESSEE?" => Elem::Addressee(true),
            "CLAUSE" => Elem::Clause,
            "OBJECT" => Elem::Object,
            "that?" => Elem::That,
            "END" => Elem::End,
            "START" => Elem::Start,
            "INTRO" => Elem::Intro,
            "CUE" => Elem::Cue(0),
            _ if w.starts_with("CUE[") && w.ends_with(']') => {
                let mut bits = 0;
                for name in w[4..w.len() - 1].split(',').filter(|x| !x.is_empty()) {
                    bits |=
                        feature_bit(name).ok_or_else(|| format!("unknown cue feature {name:?}"))?;
                }
                Elem::Cue(bits)
            }
            _ if w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_ascii_uppercase() || c == '?') =>
            {
                return Err(format!("unknown element {w:?}"));
            }
            // "--" is two "-" tokens
            _ if w.chars().count() > 1
                && w.chars().all(|c| c.is_ascii_punctuation())
                && !w.ends_with('?') =>
            {
                out.extend(w.chars().map(|c| Elem::Literal(c.to_string(), false)));
                continue;
            }
            _ => match w.strip_suffix('?') {
                Some(lit) if !lit.is_empty() => Elem::Literal(lit.to_lowercase(), true),
                _ => Elem::Literal(w.to_lowercase(), false),
            },
        };
        out.push(e);
    }
    if out.is_empty() {
        return Err("empty pattern".to_string());
    }
    Ok(out)
}
