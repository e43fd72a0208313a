//! The elements right of a pattern's anchor with more than a token test, matched left to
//! right: each takes the tokens that start at `q` and returns where they end, or `None`.

use super::super::chunk::{right_np, Reach};
use super::super::cues::feature;
use super::super::edges::*;
use super::super::lexicon::class::*;
use super::super::patterns::Elem;
use super::super::speaker::in_entity;
use super::super::view::NONE;
use super::{Attempt, Found, Matcher};

impl Matcher<'_, '_> {
    /// `Speaker` (element `k`) starting at `q`: an inverted speaker or an "according to" source.
    pub(super) fn right_speaker(
        &self,
        t: &Attempt,
        k: usize,
        q: usize,
        found: &mut Found,
    ) -> Option<usize> {
        let v = self.v;
        let Attempt {
            pat,
            feats,
            uhi,
            phi,
            ..
        } = *t;
        if feats & feature::NOINVERT != 0 {
            return None;
        }
        let reach = if feats & feature::ACCORDING != 0 {
            Reach::Plain
        } else {
            Reach::Appositive
        };
        let (_, mut e0) = right_np(v, q, phi, reach)?;
        // "According to early results of exit polls conducted by Edison Research for
        // the AP, …": an opening source runs to its comma
        if feats & feature::ACCORDING != 0
            && matches!(pat.elems.get(k + 1), Some(Elem::Literal(l, false)) if l == ",")
            && !v.punct(e0, ",")
        {
            let lim = uhi.min(q + 32);
            if let Some(c) = (e0..lim)
                .take_while(|&i| !v.sentence_final(i) && v.in_quote[i] == NONE)
                .find(|&i| v.punct(i, ","))
            {
                e0 = c;
            }
        }
        // "According to a spokeswoman for the authority, Teresa Gomez, …": the
        // source's name in apposition belongs to it
        if feats & feature::ACCORDING != 0 && v.punct(e0, ",") {
            let name = e0 + 1;
            let end = (name..uhi.min(name + 6)).find(|&i| v.punct(i, ","));
            if let Some(end) = end.filter(|&end| {
                end > name
                    && v.is(name, CAP)
                    && (name..end).all(|i| in_entity(v, i) || v.is(i, PUNCT))
            }) {
                e0 = end;
            }
        }
        // "The World Bank … confirmed the meeting": after a cue that takes an
        // object, a phrase with no name is that object, not an inverted speaker
        if feats & feature::OBJECT != 0
            && feats & feature::ACCORDING == 0
            && !(q..e0).any(|i| v.is(i, CAP))
        {
            return None;
        }
        found.speaker = Some((q, e0));
        Some(e0)
    }

    /// `Clause` starting at `q`: the reported clause after the cue; `after_literal` when it
    /// continues a clause split by the attribution (", she said, is that …").
    pub(super) fn right_clause(
        &self,
        t: &Attempt,
        q: usize,
        after_literal: bool,
        found: &mut Found,
    ) -> Option<usize> {
        let v = self.v;
        let Attempt {
            a, feats, ulo, uhi, ..
        } = *t;
        let mut end = clause_end(v, self.cues, q, uhi);
        // "When X said that Y, Z …": a cue inside an opening subordinate clause
        // reports up to that clause's comma
        let mut s = ulo;
        while s < a && v.is(s, PUNCT) {
            s += 1;
        }
        if s < a && v.is(s, CLAUSAL) && !(s..a).any(|k| v.punct(k, ",")) {
            if let Some(c) = (q..end).find(|&k| v.punct(k, ",") && v.in_quote[k] == NONE) {
                end = c;
            }
        }
        if end <= q || words(v, q, end) < 2 && v.quote_open.get(q).copied().unwrap_or(NONE) == NONE
        {
            return None;
        }
        // "the changes, which officials said will take effect …": after a relative
        // pronoun the reported clause opens with its verb
        let relative_gap = found.speaker.is_some_and(|(s0, _)| {
            s0 > 0
                && ["which", "that"]
                    .iter()
                    .any(|w| v.text(s0 - 1).eq_ignore_ascii_case(w))
        }) && v.is(q, GAP)
            && v.is(q, WORD);
        if !after_literal && !relative_gap && !clause_start_ok(v, q, feats) {
            return None;
        }
        // (and the relative clause ends at its comma)
        if relative_gap {
            if let Some(c) = (q..end).find(|&k| v.punct(k, ",") && v.in_quote[k] == NONE) {
                end = c;
            }
        }
        found.contents.push(((q, end), None));
        Some(end)
    }
}
