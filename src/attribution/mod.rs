//! Stage 4: attributions — direct, mixed and reported speech with speaker, cue and addressee.
//!
//! Data, not code: cue words come from `rules/cue_verbs.txt`, the chunker's word classes from
//! `rules/speaker_words.txt`, and the configurations ("QUOTE ,? SPEAKER CUE", "SPEAKER CUE that?
//! CLAUSE", …) from `rules/attribution.txt`, tried in file order. The stage builds a token
//! [`view::View`] (word classes, quotation and cue positions), matches each configuration outward
//! from its anchor ([`matcher`]), adds cue-less continuation quotes ([`continuation`]), and drops
//! attributions nested inside another's content (PolNeAR annotates the outermost only).

pub mod calibration;
pub mod chunk;
pub mod continuation;
pub mod cues;
mod edges;
mod headline;
pub mod labels;
pub mod lexicon;
pub mod matcher;
pub mod patterns;
mod speaker;
pub mod view;

use crate::doc::{Attribution, ClaimKind, Doc, Span};
use crate::rules::{RuleError, RuleSources};
use crate::words::Vocab;

/// Compiled cue verbs, word classes and attribution configurations.
pub struct AttributionRules {
    /// Cue words.
    pub cues: cues::CueLexicon,
    /// Chunker word classes.
    pub lexicon: lexicon::Lexicon,
    /// Configurations, in file order.
    pub patterns: Vec<patterns::Pattern>,
    /// The map from raw confidence to the chance of being right (`confidence.txt`).
    pub calibration: calibration::Calibration,
}

impl AttributionRules {
    /// Compiles `cue_verbs.txt`, `speaker_words.txt`, `attribution.txt` and `confidence.txt`.
    /// `vocab` is the vocabulary of the tokens' word ids (the cue lexicon looks tokens up by it).
    pub fn compile(src: &RuleSources, vocab: &Vocab) -> Result<AttributionRules, Vec<RuleError>> {
        let mut errors = Vec::new();
        let c = cues::CueLexicon::compile(src, vocab).map_err(|e| errors.extend(e));
        let l = lexicon::Lexicon::compile(src, vocab).map_err(|e| errors.extend(e));
        let p = patterns::compile(src).map_err(|e| errors.extend(e));
        let k = calibration::Calibration::compile(src).map_err(|e| errors.extend(e));
        match (c, l, p, k) {
            (Ok(cues), Ok(lexicon), Ok(patterns), Ok(calibration)) if errors.is_empty() => {
                Ok(AttributionRules {
                    cues,
                    lexicon,
                    patterns,
                    calibration,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Fills the `attributions` layer, in text order of the contents.
pub fn find(rules: &AttributionRules, doc: &mut Doc) {
    doc.attributions = attributions(rules, doc);
    for a in &mut doc.attributions {
        a.confidence = rules.calibration.apply(a.confidence);
    }
}

/// The attributions of a segmented document whose quotes are found.
pub fn attributions(rules: &AttributionRules, doc: &Doc) -> Vec<Attribution> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let v = view::View::new(doc, &rules.lexicon, &rules.cues);
    let mut m = matcher::Matcher::new(&v, &rules.cues);
    for p in rules.patterns.iter().filter(|p| p.continuation.is_none()) {
        m.run(p);
    }
    if let Some(p) = rules
        .patterns
        .iter()
        .find(|p| p.continuation == Some(patterns::Continuation::HeadlineColon))
    {
        headline::run(&mut m, p);
    }
    if let Some(p) = rules
        .patterns
        .iter()
        .find(|p| p.continuation == Some(patterns::Continuation::SpeakerLabel))
    {
        labels::run(&mut m, p);
    }
    let mut out = std::mem::take(&mut m.out);
    drop_nested(&mut out);
    drop_framed_objects(&doc.text, &mut out);
    m.out = out;
    let conts: Vec<&patterns::Pattern> = rules
        .patterns
        .iter()
        .filter(|p| {
            p.continuation.is_some()
                && !matches!(
                    p.continuation,
                    Some(
                        patterns::Continuation::HeadlineColon
                            | patterns::Continuation::SpeakerLabel
                    )
                )
        })
        .collect();
    continuation::run(&mut m, &conts);
    let mut out = m.out;
    out.sort_by_key(|a| (a.content.start, a.content.end));
    out
}

/// Drops an object claim that a participle right after it spells out: in "Republicans have
/// criticized the administration's policy, arguing that …" the claim is what follows "arguing".
///
/// Linear (up to sorting): the -ing cues are sorted by (speaker, cue start) once, and each claim
/// looks up only the cue starts its ", " gap allows.
fn drop_framed_objects(text: &str, out: &mut Vec<Attribution>) {
    // (speaker, cue start, cue end) of every attribution with an -ing cue
    let mut ing: Vec<(Option<Span>, usize, usize)> = out
        .iter()
        .filter_map(|a| {
            let c = a.cue?;
            let w = text.get(c.start..c.end)?;
            w.ends_with("ing").then_some((a.speaker, c.start, c.end))
        })
        .collect();
    if ing.is_empty() {
        return;
    }
    ing.sort_unstable();
    let spelled_out = |r: &Attribution| {
        if r.kind != ClaimKind::Reported || r.speaker.is_none() {
            return false;
        }
        // the cue starts after ", " (any white space around one comma)
        let Some(after) = text.get(r.content.end..) else {
            return false;
        };
        let lead = after.len() - after.trim_start().len();
        if !after[lead..].starts_with(',') {
            return false;
        }
        let comma = r.content.end + lead;
        let rest = &text[comma + 1..];
        let lo = comma + 1;
        let hi = lo + (rest.len() - rest.trim_start().len());
        let k = ing.partition_point(|e| (e.0, e.1) < (r.speaker, lo));
        ing[k..]
            .iter()
            .take_while(|e| e.0 == r.speaker && e.1 <= hi)
            .any(|&(_, start, _)| {
                start > r.content.end
                    && text
                        .get(r.content.end..start)
                        .is_some_and(|gap| gap.trim() == ",")
            })
    };
    let drop: Vec<bool> = out.iter().map(spelled_out).collect();
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Drops reported (non-direct) attributions whose cue lies inside another attribution's content.
fn drop_nested(out: &mut Vec<Attribution>) {
    let mut spans: Vec<(usize, usize)> = out
        .iter()
        .map(|a| (a.content.start, a.content.end))
        .collect();
    spans.sort_unstable();
    let mut max_end = Vec::with_capacity(spans.len());
    let mut m = 0;
    for s in &spans {
        m = m.max(s.1);
        max_end.push(m);
    }
    out.retain(|a| {
        if a.kind == ClaimKind::Direct {
            return true;
        }
        let Some(cue) = a.cue else {
            return true;
        };
        let k = spans.partition_point(|s| s.0 <= cue.start);
        !(k > 0 && max_end[k - 1] > cue.start)
    });
}

#[cfg(test)]
mod tests;
