//! What may stand as a speaker: the checks the matcher applies to a candidate phrase (no
//! participle clause, no adjective before a noun cue, quantifiers that float after the subject)
//! and the long-appositive reading between a quotation and its cue.

use super::chunk::{left_np_simple, right_np, Reach};
use super::cues::CueLexicon;
use super::edges::{skip_dateline, skip_gap_left, skip_intro};
use super::lexicon::class::*;
use super::view::{View, NONE};
use crate::doc::EntityLabel;

/// Where the speaker phrase before a cue at `p` ends: before a floating quantifier that follows
/// its subject ("Cruz and Rubio have both urged", "… (D-N.J.) all suggested"), else at `p`.
pub(super) fn skip_floating_quantifier(v: &View, p: usize, lo: usize) -> usize {
    if p < lo + 2 || !floating_quantifier(v, p - 1) {
        return p;
    }
    let p2 = skip_gap_left(v, p - 1, lo);
    let subject_ends = p2 > lo
        && (v.is(p2 - 1, CAP | NUMBER) && !v.is(p2 - 1, DET | PRONOUN)
            || v.is(p2 - 1, WORD)
                && v.text(p2 - 1).ends_with('s')
                && !v.is(p2 - 1, STOP | DET | PRONOUN | PREP)
            || v.punct(p2 - 1, ")")
            || v.punct(p2 - 1, ","));
    if subject_ends {
        p2
    } else {
        p
    }
}

/// The start of a person's name right before a colon at `p` that opens the phrase (`lo`) or
/// follows a dash: "… IN OTHER STATES - Michael P. McDonald: “…”"; not "wrote on Twitter:".
pub(super) fn name_before_colon(v: &View, p: usize, lo: usize) -> Option<usize> {
    let (s0, _) = left_np_simple(v, p, lo)?;
    let after_dash = s0 == lo || s0 > 0 && matches!(v.text(s0 - 1), "-" | "—" | "–" | "―");
    let at = v.doc.tokens[s0].span.start;
    let e = v.doc.entities.partition_point(|e| e.span.end <= at);
    let person = v.doc.entities.get(e).is_some_and(|e| {
        e.label == EntityLabel::Person && e.span.end == v.doc.tokens[p - 1].span.end
    });
    (after_dash && person).then_some(s0)
}

/// The subject of a participle at `p` in an absolute phrase: "ended with Maddow asking …", "a
/// speech that included Trump vowing …", "with 10 percent not planning …", "with polls
/// showing …" (a name, or any short noun phrase when the gap adverbs before the participle are
/// skipped).
pub(super) fn absolute_subject(v: &View, p: usize, lo: usize) -> Option<(usize, usize)> {
    let absolute = |k: usize| {
        let opener = v.text(k);
        [
            "with",
            "including",
            "included",
            "includes",
            "amid",
            "between",
            "without",
        ]
        .iter()
        .any(|w| opener.eq_ignore_ascii_case(w))
    };
    let mut s0 = p;
    while s0 > lo && p - s0 < 8 && (v.is(s0 - 1, CAP) || in_entity(v, s0 - 1)) {
        s0 -= 1;
    }
    if s0 < p && s0 > 0 && absolute(s0 - 1) && (s0..p).any(|i| v.is(i, CAP)) {
        return Some((s0, p));
    }
    let mut e0 = p;
    while e0 > lo && p - e0 < 2 && v.is(e0 - 1, GAP) && !v.is(e0 - 1, PRONOUN | CAP) {
        e0 -= 1;
    }
    let (a0, b0) = super::chunk::left_np_simple(v, e0, lo)?;
    (b0 == e0 && a0 > lo && a0 < e0 && absolute(a0 - 1)).then_some((a0, e0))
}

/// "both", "all", "each": a quantifier that may float after its subject.
fn floating_quantifier(v: &View, i: usize) -> bool {
    v.is(i, FLOATING)
}

/// "Having", "Rattling off": a phrase `s..p` opened by an -ing word with no name in it is a
/// participle clause, not a speaker.
pub(super) fn opening_participle(v: &View, s: usize, p: usize) -> bool {
    // "Hastily politicizing …": an adverb before the participle
    let s = if s + 1 < p && v.text(s).ends_with("ly") && v.is(s, WORD) {
        s + 1
    } else {
        s
    };
    let first = v.text(s);
    v.is(s, WORD)
        && first.len() > 5
        && first.ends_with("ing")
        && !v.is(s, PRONOUN)
        && (!v.is(s, CAP) || v.unit_of(s).0 == s)
        && !(s..p).any(|k| in_entity(v, k) || k > s && v.is(k, CAP))
}

/// Whether the phrase `s..p` can be the subject of the cue at tokens `a..b`: not an opening
/// participle ("Having announced …"), and not an adjective phrase before a cue that is a noun
/// ("a false claim that", "the most telling promise"), which a singular phrase before a bare
/// verb form gives away.
pub(super) fn speaker_fits_cue(
    v: &View,
    cues: &CueLexicon,
    s: usize,
    p: usize,
    a: usize,
    b: usize,
) -> bool {
    if opening_participle(v, s, p) {
        return false;
    }
    // cheap tests first: most speakers are names or plurals
    if !v.is(s, DET) {
        return true;
    }
    let Some(last) = (s..p).rev().find(|&k| v.is(k, WORD)) else {
        return true;
    };
    let w = v.text(last);
    let singular = !v.is(last, CAP | PRONOUN)
        && (!w.ends_with('s') || w.ends_with("ss"))
        && !v.is(last, PLURAL);
    if !singular || (s..p).filter(|&k| v.is(k, WORD)).count() < 2 {
        return true;
    }
    let singular_det = v.is(s, SINGLE);
    // "his constant", "the most telling": a possessive or "the" before an adjective
    let adjective = ["al", "ic", "ive", "ous", "ful", "ant", "ent", "ing"]
        .iter()
        .any(|x| w.ends_with(x));
    if !singular_det && !adjective {
        return true;
    }
    // only a bare verb form ("claim", not "claims"/"claimed") disagrees with a singular phrase
    let ci = v.cues.partition_point(|c| c.first < a);
    let Some(cue) = v.cues.get(ci).filter(|c| c.first == a && c.end == b) else {
        return true;
    };
    let form = &v.doc.text[cue.span.start..cue.span.end];
    !form.eq_ignore_ascii_case(&cues.lemmas[cues.forms[cue.form].lemma])
}

/// Whether token `i` lies inside a named entity.
pub(super) fn in_entity(v: &View, i: usize) -> bool {
    let at = v.doc.tokens[i].span.start;
    let k = v.doc.entities.partition_point(|e| e.span.end <= at);
    v.doc.entities.get(k).is_some_and(|e| e.span.start <= at)
}

/// The speaker between a quotation and its cue when it is a name with a long appositive:
/// “…,” NAME, APPOSITIVE, CUE. Tokens from the name to the last comma before `p` (at most 45
/// tokens back, none of them sentence-final or quoted).
pub(super) fn appositive_after_quote(v: &View, p: usize, lo: usize) -> Option<(usize, usize)> {
    if p < lo + 3 || !v.punct(p - 1, ",") {
        return None;
    }
    let floor = p.saturating_sub(45).max(lo);
    let mut t = p - 1;
    while t > floor {
        t -= 1;
        if v.quote_close[t] != NONE {
            break;
        }
        if v.in_quote[t] != NONE || v.sentence_final(t) {
            return None;
        }
    }
    if v.quote_close[t] == NONE {
        return None;
    }
    let mut a = t + 1;
    if v.punct(a, ",") {
        a += 1;
    }
    name_with_appositive(v, a, p)
}

/// The speaker between a quotation and its cue when the chunker cannot read it but it ends in a
/// name: “…,” Fight for $15 organizing director Kendall Fells told …. Every token from the
/// quotation (and its comma) to `p`, at most twelve, with no clause punctuation, quotation or
/// cue among them, the first a capitalized word or a determiner, the last one capitalized.
pub(super) fn name_after_quote(v: &View, p: usize, lo: usize) -> Option<(usize, usize)> {
    let floor = p.saturating_sub(13).max(lo);
    let mut a = p;
    while a > floor && v.quote_close[a - 1] == NONE {
        a -= 1;
    }
    if a == floor || v.quote_close[a - 1] == NONE {
        return None;
    }
    if v.punct(a, ",") {
        a += 1;
    }
    let plain = |k: usize| {
        v.in_quote[k] == NONE
            && !v.is(k, CUEWORD)
            && (v.is(k, WORD | NUMBER) || v.punct(k, "$") || v.punct(k, "-") || v.abbrev_dot(k))
    };
    // (a phrase opened by a conjunction, preposition or relative is a clause of its own: "and I
    // said", "as Cruz put it", "in the way the United States …")
    let opens = v.is(a, CAP | DET) && !v.is(a, STOP | PREP | CLAUSAL | RELATIVE);
    (a + 1 < p && opens && v.is(p - 1, CAP) && (a..p).all(plain)).then_some((a, p))
}

/// The speaker that opens its clause as a name with a long appositive: NAME, APPOSITIVE, CUE
/// ("Larry Cohen, a senior adviser to Mr. Sanders and past president of …, said"; "Sen. Marco
/// Rubio, R-Fla., appearing on Fox News …, said"). `s` is where the clause's subject starts.
pub(super) fn appositive_after_start(v: &View, s: usize, p: usize) -> Option<(usize, usize)> {
    if p < s + 3 || !v.punct(p - 1, ",") || p - s > 45 {
        return None;
    }
    // (`s..p` lies in one sentence: a period here closes an abbreviation, "R-Fla.")
    if (s..p).any(|k| v.in_quote[k] != NONE || v.is(k, CUEWORD)) {
        return None;
    }
    // the titles before a name ("Sen.", "Former Maryland Gov.") are part of the phrase
    let mut a = s;
    while a < p && (v.is(a, TITLE) || v.punct(a, ".") && v.abbrev_dot(a)) && !in_entity(v, a) {
        a += 1;
    }
    name_with_appositive(v, a, p).map(|(_, e)| (s, e))
}

/// `a..p-1` when a name runs from `a` to the first comma and an appositive follows it up to the
/// comma before `p`.
fn name_with_appositive(v: &View, a: usize, p: usize) -> Option<(usize, usize)> {
    let e = (a..p - 1).find(|&k| v.punct(k, ","))?;
    (v.is(a, CAP) && e + 1 < p - 1 && (a..e).all(|k| in_entity(v, k) || v.is(k, PUNCT)))
        .then_some((a, p - 1))
}

/// The subject phrase of the sentence unit starting at `ulo`, before token `p`: after a dateline
/// and an introduction ("In 2016, …", "However, …"). "Minutes later, the campaign …": a time
/// phrase, or a phrase with no name or capital, that ends at a comma opens the sentence and the
/// subject comes after it. "His partner at Lenox, Lawrence Cummings, …": a name in apposition
/// completes a description.
pub(super) fn sentence_subject(v: &View, ulo: usize, p: usize) -> Option<(usize, usize)> {
    let mut s = skip_dateline(v, ulo, p);
    s = skip_intro(v, s, p);
    while s < p && (v.is(s, STOP | CLAUSAL) || v.is(s, PUNCT)) {
        s += 1;
    }
    s = skip_intro(v, s, p);
    let (mut s0, mut e0) = right_np(v, s, p, Reach::Plain)?;
    if e0 + 1 >= p || !v.punct(e0, ",") {
        return Some((s0, e0));
    }
    let time_phrase = (s0..e0).any(|k| v.is(k, TIMEX | TIMEWORD));
    let named = (s0..e0).any(|k| in_entity(v, k));
    let s1 = skip_intro(v, e0 + 1, p);
    let opens = s1 < p && v.is(s1, CAP | DET | PRONOUN) && !v.is(s1, STOP);
    if let Some((s2, e2)) = opens.then(|| right_np(v, s1, p, Reach::Plain)).flatten() {
        let appositive_name =
            s1 == e0 + 1 && v.punct(e2, ",") && (s2..e2).all(|k| in_entity(v, k)) && v.is(s0, DET);
        if appositive_name {
            e0 = e2;
        } else if !named && (time_phrase || !v.is(s0, CAP)) && !v.punct(e2, ",") {
            (s0, e0) = (s2, e2);
        }
    }
    Some((s0, e0))
}
