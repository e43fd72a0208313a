//! The elements left of a pattern's anchor, matched right to left: each takes the tokens that
//! end at `p` and returns where they start, or `None` when the element is not there.

use super::super::chunk::{coordinated_opening, left_np, left_np_simple, quantity_opening};
use super::super::cues::feature;
use super::super::edges::*;
use super::super::lexicon::class::*;
use super::super::patterns::Elem;
use super::super::speaker::{
    absolute_subject, appositive_after_quote, appositive_after_start, in_entity, name_after_quote,
    name_before_colon, opening_participle, sentence_subject, skip_floating_quantifier,
    speaker_fits_cue,
};
use super::super::view::{View, NONE};
use super::{Attempt, Found, Matcher};

impl Matcher<'_, '_> {
    /// `Speaker` (element `k`) ending at `p`: the noun phrase before the cue, or a long appositive
    /// speaker after a quotation or at the sentence start.
    pub(super) fn left_speaker(
        &self,
        t: &Attempt,
        k: usize,
        p: usize,
        found: &mut Found,
    ) -> Option<usize> {
        let v = self.v;
        let Attempt {
            pat,
            a,
            b,
            feats,
            ulo,
            plo,
            ..
        } = *t;
        let at_cue = k + 1 == pat.anchor && matches!(pat.elems[pat.anchor], Elem::Cue(_));
        let mut p = p;
        if at_cue {
            let p0 = p;
            p = skip_gap_left(v, p, plo);
            // a participle's speaker is right before it only in a progressive
            // ("is saying"); "issued a statement calling …" is the subject's
            if feats & feature::ING != 0
                && !(p..p0).any(|k| v.is(k, BE))
                && !pat.elems.contains(&Elem::Quote)
            {
                return None;
            }
        }
        // a speaker never reaches back into an earlier sentence
        let lo = plo.max(ulo);
        if at_cue {
            p = skip_floating_quantifier(v, p, lo);
        }
        let np = if feats & feature::FIN != 0 {
            self.left_nps
                .borrow_mut()
                .entry((p, lo))
                .or_insert_with(|| left_np(v, p, lo))
                .map(|n| coordinated_opening(v, n, lo))
        } else {
            left_np_simple(v, p, lo)
        }
        .map(|n| quantity_opening(v, n, lo));
        // “…,” Leonard Burman, director of … and a professor at …, said: a name
        // right after the quotation with a long appositive up to the cue
        let quote_before = pat.elems[..k]
            .iter()
            .rev()
            .find(|e| !matches!(e, Elem::Literal(..)))
            == Some(&Elem::Quote);
        let long = if at_cue && quote_before {
            appositive_after_quote(v, p, lo).or_else(|| name_after_quote(v, p, lo))
        } else if at_cue && feats & feature::FIN != 0 && v.punct(p - 1, ",") {
            let mut s = skip_intro(v, skip_dateline(v, lo, p), p);
            while s < p && v.is(s, PUNCT) {
                s += 1;
            }
            appositive_after_start(v, s, p)
        } else {
            None
        };
        let (s, _) = match (np, long) {
            (Some(n), Some(l)) if l.0 < n.0 => l,
            (None, Some(l)) => l,
            (n, _) => n?,
        };
        if at_cue && !speaker_fits_cue(v, self.cues, s, p, a, b) {
            return None;
        }
        if first_person_after_headline_colon(v, s, p) {
            return None;
        }
        // "… that day, who all lived outside New Hampshire, seemed to know": a time expression
        // opens no speaker
        if v.is(s, TIMEX) && !v.is(s, CAP) {
            return None;
        }
        found.speaker = Some((s, p));
        Some(s)
    }

    /// `Subject` (element `k`) ending at `p`: a name before a colon, an absolute subject, the
    /// speaker of an earlier attribution in the sentence, a coordinated subject or the
    /// sentence's subject.
    pub(super) fn left_subject(
        &self,
        t: &Attempt,
        k: usize,
        p: usize,
        found: &mut Found,
    ) -> Option<usize> {
        let v = self.v;
        let Attempt {
            pat,
            a,
            feats,
            ulo,
            plo,
            ..
        } = *t;
        let colon_next = matches!(pat.elems.get(k + 1), Some(Elem::Literal(l, false)) if l == ":");
        if let Some(s0) = colon_next
            .then(|| name_before_colon(v, p, ulo.max(plo)))
            .flatten()
        {
            found.speaker = Some((s0, p));
            return Some(s0);
        }
        if let Some((s0, e0)) = (feats & feature::ING != 0 && p == a)
            .then(|| absolute_subject(v, p, ulo.max(plo)))
            .flatten()
        {
            found.speaker = Some((s0, e0));
            return Some(s0);
        }
        // "…,” he told the group, adding that …": the speaker of the attribution
        // before the cue in the same sentence
        let prior = self.prior_speaker(ulo, a);
        if let Some(sp) = prior {
            let s0 = v.doc.tokens.partition_point(|t| t.span.start < sp.start);
            let e0 = v.doc.tokens.partition_point(|t| t.span.start < sp.end);
            found.speaker = Some((s0, e0.max(s0 + 1)));
            return Some(s0);
        }
        if v.quote_open[ulo] != NONE {
            return None;
        }
        // "A bill stalled …, and Rep. Curtis Brandt, its sponsor, met …, telling
        // reporters …": a participle belongs to the nearest coordinated clause
        if let Some((s0, e0)) = (feats & feature::ING != 0)
            .then(|| coordinated_subject(v, ulo.max(plo), p))
            .flatten()
        {
            found.speaker = Some((s0, e0));
            return Some(s0);
        }
        let (s0, e0) = sentence_subject(v, ulo, p)?;
        if e0 > p || opening_participle(v, s0, e0) {
            return None;
        }
        // "Then, later that month on CNN: “…”": before a colon, a subject with no
        // name that opens with no determiner or pronoun is no speaker
        if colon_next && !(s0..e0).any(|k| in_entity(v, k)) && !v.is(s0, DET | PRONOUN) {
            return None;
        }
        found.speaker = Some((s0, e0));
        Some(s0)
    }

    /// `Quote` (element `k`) ending at `p`: the unused quotation that closes there, or the
    /// reported clause it ends (a mixed claim).
    pub(super) fn left_quote(
        &self,
        t: &Attempt,
        k: usize,
        p: usize,
        found: &mut Found,
    ) -> Option<usize> {
        let v = self.v;
        let Attempt {
            pat,
            a,
            b,
            feats,
            plo,
            ..
        } = *t;
        if p <= plo {
            return None;
        }
        let qi = v
            .quote_close
            .get(p.checked_sub(1)?)
            .copied()
            .unwrap_or(NONE);
        if qi == NONE || self.quote_used[qi as usize] {
            return None;
        }
        let qt = v.quotes[qi as usize];
        found.quotes.push(qi as usize);
        // a quotation that ends a reported clause ("Not paying taxes “makes me
        // smart,” he said") makes a mixed claim of the whole clause
        // “… a leader.” He also said he …: a quotation that ends its sentence is
        // not attributed by a capitalized speaker that opens a new sentence with more
        // to say
        let inner = v.doc.quotes[qt.quote].inner;
        let ends_sentence = v.doc.text[inner.start..inner.end].trim_end().ends_with('.');
        if let Some((s0, _)) = found.speaker {
            if ends_sentence && v.is(s0, CAP) && at_cue_end(v, b, feats) {
                return None;
            }
        } else if ends_sentence
            && matches!(pat.elems[pat.anchor], Elem::Cue(_))
            && pat.elems[k + 1..pat.anchor]
                .iter()
                .all(|e| matches!(e, Elem::Literal(..)))
            && v.is(a, CAP)
        {
            // “… “constructive.” State also said …: a capitalized cue after a
            // quotation that ends its sentence opens a new sentence
            return None;
        }
        // On “Sunday Morning Futures,” Issa said …: a short title in capitals is
        // no quotation of the speaker when the cue has a clause of its own
        let inside = qt.first + 1..qt.end.saturating_sub(1);
        let title = inside.clone().filter(|&i| v.is(i, WORD)).count() <= 5
            && inside.clone().any(|i| v.is(i, WORD))
            && inside
                .filter(|&i| v.is(i, WORD))
                .all(|i| v.is(i, CAP) || v.text(i).len() <= 3);
        if title && at_cue_end(v, b, feats) {
            return None;
        }
        let qlo = v.unit_of(qt.first).0;
        let opens = qt.first <= qlo || v.sentence_final(qt.first - 1) || v.punct(qt.first - 1, ":");
        if !opens && words(v, qlo, qt.first) >= 3 {
            found.contents.push(((qlo, qt.end), None));
            Some(qlo)
        } else {
            found.contents.push(((qt.first, qt.end), Some(qi as usize)));
            Some(qt.first)
        }
    }

    /// `Clause` ending at `p`: the reported clause before the cue (an opening adverb or phrase
    /// is skipped when more content follows the cue).
    pub(super) fn left_clause(&self, t: &Attempt, p: usize, found: &mut Found) -> Option<usize> {
        let v = self.v;
        let Attempt { pat, ulo, .. } = *t;
        let s = ulo.max(p.saturating_sub(MAX_CLAUSE));
        // "Still, he said, officials …": an opening adverb is no content, but the
        // clause after the cue is
        // ("On property taxes, Donnelly said, “…”": an opening phrase, neither)
        let more = pat.elems[pat.anchor + 1..]
            .iter()
            .any(|e| matches!(e, Elem::Clause | Elem::Quote));
        let opening_phrase = words(v, s, p) <= 6
            && v.is(s, PREP | CLAUSAL | INTRO)
            && !v.is(s, DET)
            && !has_verb(v, s, p);
        // ("Bob, they said, ordered them to wait": a one-word subject, too)
        let adverb = (words(v, s, p) == 1 || opening_phrase) && more;
        if adverb {
            return Some(s);
        }
        if p <= s || words(v, s, p) < 2 {
            return None;
        }
        found.contents.push(((s, p), None));
        Some(s)
    }
}

/// "Rubio: I Still Believe Trump Can’t Be Trusted": a first-person speaker after the colon of a
/// headline is the headline's named speaker talking (`@headline-colon`), not the narrator.
fn first_person_after_headline_colon(v: &View, s: usize, p: usize) -> bool {
    let doc = v.doc;
    if p != s + 1 || v.para[s] != 0 || doc.paragraphs.len() < 2 {
        return false;
    }
    v.is(s, FIRST) && (v.para_start(s)..s).any(|k| v.punct(k, ":"))
}

/// The subject of the last clause joined by ", and" / ", but" before token `p` (a participle):
/// a name or determiner phrase with an entity, followed by more words of its clause.
fn coordinated_subject(v: &View, lo: usize, p: usize) -> Option<(usize, usize)> {
    let k = (lo + 1..p.saturating_sub(2)).rev().find(|&k| {
        v.punct(k - 1, ",")
            && v.in_quote[k] == NONE
            && (v.text(k).eq_ignore_ascii_case("and") || v.text(k).eq_ignore_ascii_case("but"))
    })?;
    let mut s0 = k + 1;
    // ("and state Rep. Curtis Brandt": a lowercase modifier before a title)
    if s0 + 1 < p && v.is(s0, WORD) && !v.is(s0, CAP | STOP | DET) && v.is(s0 + 1, TITLE | CAP) {
        s0 += 1;
    }
    if !v.is(s0, CAP | TITLE) || v.is(s0, STOP | PRONOUN | TIMEX) {
        return None;
    }
    // the name itself: entity words, capitalized words, titles and their periods
    let mut e0 = s0;
    while e0 < p && (in_entity(v, e0) || v.is(e0, CAP | TITLE) || v.abbrev_dot(e0)) {
        e0 += 1;
    }
    let named = (s0..e0).any(|i| in_entity(v, i));
    let clause_goes_on = e0 + 1 < p && (v.punct(e0, ",") || v.is(e0, WORD) && !v.is(e0, CAP));
    (named && clause_goes_on).then_some((s0, e0))
}
