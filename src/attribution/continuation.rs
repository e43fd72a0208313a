//! Quotations with no cue of their own: they continue the speaker before them (same paragraph,
//! or the paragraph before), or stand unattributed.

use crate::doc::{Attribution, ClaimKind, Span};

use super::lexicon::class::*;
use super::matcher::Matcher;
use super::patterns::{Continuation, Pattern};
use super::speaker::sentence_subject;
use super::view::View;

/// Fewest words a quotation needs to be a claim on its own (shorter ones are scare quotes or
/// titles).
const MIN_WORDS: usize = 4;

/// Does the quotation starting at token `first` open a sentence?
fn opens_sentence(v: &View, first: usize) -> bool {
    if first == 0 || v.para[first - 1] != v.para[first] {
        return true;
    }
    let p = first - 1;
    if v.sentence_final(p) || v.punct(p, ":") {
        return true;
    }
    // after another quotation that ended a sentence: “… .” “…”
    v.quote_close[p] != super::view::NONE && p >= 1 && v.sentence_final(p - 1)
}

/// Adds continuation claims for the unused quotations, per the continuation patterns.
pub fn run(m: &mut Matcher, pats: &[&Pattern]) {
    if pats.is_empty() {
        return;
    }
    let find = |c: Continuation| pats.iter().copied().find(|p| p.continuation == Some(c));
    let same = find(Continuation::SameParagraph);
    let next = find(Continuation::NextParagraph);
    let none = find(Continuation::Unattributed);
    let introduced = find(Continuation::Introduced);
    let byline = find(Continuation::Byline);
    let v = m.v;
    let mut existing: Vec<(usize, Option<Span>, usize)> = m
        .out
        .iter()
        .map(|a| {
            let end = a
                .content
                .end
                .max(a.speaker.map_or(0, |s| s.end))
                .max(a.cue.map_or(0, |s| s.end));
            (a.content.start, a.speaker, end)
        })
        .collect();
    existing.sort_by_key(|e| e.0);
    let para_of = |byte: usize| {
        let k = v
            .doc
            .tokens
            .partition_point(|t| t.span.start < byte)
            .min(v.para.len().saturating_sub(1));
        v.para.get(k).copied().unwrap_or(0)
    };
    let mut ei = 0;
    // (paragraph, speaker) of the last attribution seen
    let mut last: Option<(u32, Option<Span>)> = None;
    let mut last_end = 0usize;
    let mut new = Vec::new();
    for qi in 0..v.quotes.len() {
        let q = v.quotes[qi];
        let qstart = v.doc.tokens[q.first].span.start;
        while ei < existing.len() && existing[ei].0 < qstart {
            // a relative clause's attribution ("said X, who has called on …") does not hand its
            // "who" on to the next quotation
            let relative = existing[ei].1.is_some_and(|s| {
                let t = &v.doc.text[s.start..s.end];
                t.eq_ignore_ascii_case("who") || t.eq_ignore_ascii_case("which")
            });
            // an attribution with no speaker (the writer's: "is expected to", "seems to") hands
            // no speaker on, nor takes away the one before it
            if !relative && existing[ei].1.is_some() {
                // the paragraph where the attribution ends (a multi-paragraph quote ends late)
                last = Some((para_of(existing[ei].2.saturating_sub(1)), existing[ei].1));
                last_end = last_end.max(existing[ei].2);
            }
            ei += 1;
        }
        if m.quote_used[qi] {
            continue;
        }
        let words = (q.first..q.end).filter(|&i| v.is(i, WORD | NUMBER)).count();
        // "“…,” he said, “…”": the second part right after the attribution
        let comma = v.doc.tokens[q.first.saturating_sub(1)].span.start;
        let after_cue = q.first > 0
            && v.punct(q.first - 1, ",")
            && comma >= last_end
            && comma < last_end + 60
            && !(v.doc.tokens.partition_point(|t| t.span.start < last_end)..q.first - 1)
                .any(|k| v.sentence_final(k));
        // after an attribution in the same paragraph even a short quotation goes on
        let same_para = matches!(last, Some((lp, Some(_))) if lp == v.para[q.first]);
        let min_words = if same_para { 2 } else { MIN_WORDS };
        if !(after_cue || words >= min_words && opens_sentence(v, q.first)) {
            continue;
        }
        let para = v.para[q.first];
        let para_initial = q.first == 0 || v.para[q.first - 1] != para;
        let intro = || {
            let pat = introduced?;
            let (a, b) = introducer(v, q.first, para_initial)?;
            Some((pat, Some(v.span(a, b))))
        };
        let signed = byline.and_then(|p| signature(v, q).map(|(a, b)| (p, Some(v.span(a, b)))));
        let choice = match last {
            _ if signed.is_some() => signed,
            Some((lp, Some(sp))) if lp == para && same.is_some() => same.map(|p| (p, Some(sp))),
            _ if introduced.is_some() && intro().is_some() => intro(),
            Some((lp, Some(sp))) if para_initial && lp + 3 >= para && next.is_some() => {
                next.map(|p| (p, Some(sp)))
            }
            _ => none.map(|p| (p, None)),
        };
        let Some((pat, speaker)) = choice else {
            continue;
        };
        let content = v.doc.quotes[q.quote].inner;
        m.quote_used[qi] = true;
        if speaker.is_some() {
            last = Some((v.para[q.end - 1], speaker));
        }
        new.push(Attribution {
            kind: ClaimKind::Direct,
            content,
            speaker,
            cue: None,
            cue_lemma: None,
            addressee: None,
            rule: pat.name.clone(),
            confidence: pat.confidence,
        });
    }
    m.out.extend(new);
}

/// The speaker that introduces the quotation starting at token `first`: the subject of the
/// sentence before it in the same paragraph when that subject names a person ("Sanders, who
/// lost the primaries, identified … . “…”"), or the subject of a paragraph ending in a colon
/// right before a paragraph-initial quotation ("The New York Times reports:").
fn introducer(v: &View, first: usize, para_initial: bool) -> Option<(usize, usize)> {
    let prev = first.checked_sub(1)?;
    let colon = v.punct(prev, ":");
    if para_initial && !colon || !para_initial && !v.sentence_final(prev) {
        return None;
    }
    let (ulo, uhi) = v.unit_of(prev);
    // a sentence that quotes someone is theirs; a short title in quotation marks is no quote
    let quoting = (ulo..uhi).any(|k| {
        let q = v.quote_open[k];
        q != super::view::NONE && {
            let qt = v.quotes[q as usize];
            (qt.first..qt.end)
                .filter(|&i| v.is(i, WORD))
                .nth(4)
                .is_some()
        }
    });
    if v.in_quote[ulo] != super::view::NONE || quoting {
        return None;
    }
    let (a, mut b) = sentence_subject(v, ulo, uhi)?;
    // "The Times reports:": a noun-like cue ends the phrase
    let c = v.cues.partition_point(|c| c.first <= a);
    if let Some(cue) = v.cues.get(c).filter(|c| c.first < b) {
        b = cue.first;
    }
    let labels: &[crate::doc::EntityLabel] = if colon {
        &[
            crate::doc::EntityLabel::Person,
            crate::doc::EntityLabel::Org,
        ]
    } else {
        &[crate::doc::EntityLabel::Person]
    };
    let start = v.doc.tokens[a].span.start;
    let end = v.doc.tokens[b - 1].span.end;
    let k = v.doc.entities.partition_point(|e| e.span.end <= start);
    let named = v.doc.entities[k..]
        .iter()
        .take_while(|e| e.span.start < end)
        .any(|e| labels.contains(&e.label));
    named.then_some((a, b))
}

/// The signature of a quotation that fills its paragraph: the next paragraph is a dash and a
/// short capitalized name ("“…” ¶ - Bernie Sanders", "¶ — Hillary Clinton").
fn signature(v: &View, q: super::view::QTok) -> Option<(usize, usize)> {
    let first_of_para = q.first == 0 || v.para[q.first - 1] != v.para[q.first];
    let end = v.para_end(q.first);
    if !first_of_para || (q.end..end).any(|k| !v.is(k, PUNCT)) || end >= v.flags.len() {
        return None;
    }
    let (a, b) = (end, v.para_end(end));
    if !matches!(v.text(a), "-" | "—" | "–" | "―") || b - a > 9 || b - a < 2 {
        return None;
    }
    let name = a + 1;
    (v.is(name, CAP)
        && (name..b).all(|k| v.is(k, WORD | PUNCT) && !v.sentence_final(k) || k + 1 == b))
    .then_some((name, b))
}
