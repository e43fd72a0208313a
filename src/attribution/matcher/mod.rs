//! Matching the configurations of `attribution.txt` around each cue (or quotation).

use std::cell::RefCell;

use crate::doc::{Attribution, ClaimKind, Span};
use crate::hash::FxMap;

use super::chunk::addressee;
use super::cues::{feature, CueLexicon};
use super::edges::*;
use super::lexicon::class::*;
use super::patterns::{Elem, Pattern};
use super::view::{View, NONE};

mod left;
mod right;

/// A token range `a..b`, as `(a, b)`.
type TokRange = (usize, usize);

/// What one successful match found, in token terms.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// Speaker tokens.
    pub speaker: Option<(usize, usize)>,
    /// Addressee tokens.
    pub addressee: Option<(usize, usize)>,
    /// Contents: token ranges, with the quotation (index into `View::quotes`) when the content
    /// is one quotation's inside.
    pub contents: Vec<((usize, usize), Option<usize>)>,
    /// Quotations the match consumed.
    pub quotes: Vec<usize>,
}

impl Found {
    /// Empties it for another attempt, keeping its buffers.
    fn clear(&mut self) {
        self.speaker = None;
        self.addressee = None;
        self.contents.clear();
        self.quotes.clear();
    }
}

/// One attempt to match a pattern at an anchor: the pattern, the anchor's tokens `a..b` and its
/// cue's features, the sentence unit `ulo..uhi` and the paragraph `plo..phi` around it.
#[derive(Clone, Copy)]
struct Attempt<'p> {
    pat: &'p Pattern,
    a: usize,
    b: usize,
    feats: u16,
    ulo: usize,
    uhi: usize,
    plo: usize,
    phi: usize,
}

/// State shared by the matching of all patterns over one document.
pub struct Matcher<'v, 'd> {
    /// The document view.
    pub v: &'v View<'d>,
    /// The cue lexicon.
    pub cues: &'v CueLexicon,
    /// Cues already used, by index into `v.cues`.
    pub cue_used: Vec<bool>,
    /// Quotations already used, by index into `v.quotes`.
    pub quote_used: Vec<bool>,
    /// Attributions found so far.
    pub out: Vec<Attribution>,
    /// Per cue (index into `v.cues`): the speaker of the attribution it made, and when (the
    /// count of such cues before it).
    cue_speaker: Vec<Option<(u32, Span)>>,
    /// How many cues have a speaker so far.
    spoken: u32,
    /// The noun phrases [`left_np`](super::chunk::left_np) found, by its (end, limit): the
    /// patterns of one cue ask for the same phrase again and again.
    left_nps: RefCell<FxMap<TokRange, Option<TokRange>>>,
    /// The `Found` the attempts of [`Matcher::run`] fill (kept for its buffers).
    scratch: Found,
}

impl<'v, 'd> Matcher<'v, 'd> {
    /// A matcher with nothing used yet.
    pub fn new(v: &'v View<'d>, cues: &'v CueLexicon) -> Self {
        Matcher {
            v,
            cues,
            cue_used: vec![false; v.cues.len()],
            quote_used: vec![false; v.quotes.len()],
            out: Vec::new(),
            cue_speaker: vec![None; v.cues.len()],
            spoken: 0,
            left_nps: RefCell::default(),
            scratch: Found::default(),
        }
    }

    /// Tries one pattern at every unused anchor.
    pub fn run(&mut self, pat: &Pattern) {
        // one `Found` for every attempt: a failed one leaves only its buffers behind
        let mut scratch = std::mem::take(&mut self.scratch);
        self.run_with(pat, &mut scratch);
        self.scratch = scratch;
    }

    fn run_with(&mut self, pat: &Pattern, scratch: &mut Found) {
        match pat.elems[pat.anchor] {
            Elem::Cue(need) => {
                for ci in 0..self.v.cues.len() {
                    if self.cue_used[ci] {
                        continue;
                    }
                    let c = self.v.cues[ci];
                    let feats = self.cues.forms[c.form].features;
                    if feats & need != need {
                        continue;
                    }
                    // "a Reuters report", "the Post report card": a noun-like form needs "that"
                    if feats & feature::NOUNISH != 0 && pat.elems.contains(&Elem::Object) {
                        continue;
                    }
                    // "is expected to …": a passive cue is taken only after "be", before "to"
                    let passive = need & feature::PASSIVE != 0;
                    if passive {
                        if feats & feature::FIN == 0 || !self.passive_at(ci) {
                            continue;
                        }
                    } else if !self.cue_ok(ci) {
                        continue;
                    }
                    // "appeared to suggest …": the inner cue makes the claim, with a speaker
                    if feats & feature::RAISING != 0
                        && c.end + 1 < self.v.flags.len()
                        && self.v.text(c.end).eq_ignore_ascii_case("to")
                        && self.cue_starts_at(c.end + 1)
                    {
                        continue;
                    }
                    let feats = if passive { feats | feature::TO } else { feats };
                    if self.match_at(pat, c.first, c.end, feats, scratch).is_some() {
                        self.cue_used[ci] = true;
                        self.emit(pat, Some(ci), std::mem::take(scratch));
                    }
                }
            }
            _ => {
                for qi in 0..self.v.quotes.len() {
                    if self.quote_used[qi] {
                        continue;
                    }
                    let q = self.v.quotes[qi];
                    if self.match_at(pat, q.first, q.first, 0, scratch).is_some() {
                        self.emit(pat, None, std::mem::take(scratch));
                    }
                }
            }
        }
    }

    /// The speaker of the latest attribution whose cue lies in tokens `lo..a` (one sentence
    /// unit), when that speaker is not first or second person ("… she believes we must …,
    /// saying": such a speaker belongs to reported words, not to the narration).
    fn prior_speaker(&self, lo: usize, a: usize) -> Option<Span> {
        let v = self.v;
        let k = v.cues.partition_point(|c| c.first < lo);
        v.cues[k..]
            .iter()
            .zip(&self.cue_speaker[k..])
            .take_while(|(c, _)| c.first < a)
            .filter_map(|(_, s)| *s)
            .filter(|(_, sp)| {
                // a one-token speaker of the `person12` class
                let t = v.doc.tokens.partition_point(|t| t.span.start < sp.start);
                let one = v.doc.tokens.get(t).is_some_and(|t| t.span == *sp);
                !(one && v.is(t, PERSON12))
            })
            .max_by_key(|&(seq, _)| seq)
            .map(|(_, sp)| sp)
    }

    /// A cue used as a noun ("the report", "a claim") or a passive ("was told") is no cue.
    fn cue_ok(&self, ci: usize) -> bool {
        let v = self.v;
        let c = v.cues[ci];
        let feats = self.cues.forms[c.form].features;
        if feats & feature::ACCORDING != 0 || c.first == 0 {
            return true;
        }
        let prev = c.first - 1;
        if v.para[prev] != v.para[c.first] {
            return true;
        }
        // ("the report", "a claim": `View` holds no cue right after a determiner)
        // "was reported", "was first reported", "is also claimed": a passive names no speaker
        // before it
        let mut b = prev;
        while b > 0 && c.first - b < 3 && v.is(b, GAP) && !v.is(b, BE | CAP) {
            b -= 1;
        }
        if v.is(b, BE) && feats & feature::FIN != 0 && v.para[b] == v.para[c.first] {
            return false;
        }
        // "plans to say" (but "appeared to suggest": the raising verb is no cue of its own)
        if v.is(prev, WORD) && v.text(prev).eq_ignore_ascii_case("to") && !raising_to(v, prev) {
            return false;
        }
        // (a capitalized cue inside a sentence is a name: `View` holds no such cue)
        true
    }

    /// True when a cue (any form, a noun-like one too: "seem to show") starts at token `t`.
    fn cue_starts_at(&self, t: usize) -> bool {
        let cues = &self.v.cues;
        cues.get(cues.partition_point(|c| c.first < t))
            .is_some_and(|c| c.first == t)
    }

    /// True when cue `ci` is a past participle after a form of "be" (adverbs and "not" may come
    /// between: "is also expected", "was not expected") and before "to".
    fn passive_at(&self, ci: usize) -> bool {
        let v = self.v;
        let c = v.cues[ci];
        if c.end >= v.flags.len()
            || !v.is(c.end, WORD)
            || !v.text(c.end).eq_ignore_ascii_case("to")
            || v.is(c.first, CAP)
        {
            return false;
        }
        let mut p = c.first;
        while p > 0 && c.first - p < 4 && v.para[p - 1] == v.para[c.first] {
            p -= 1;
            if v.is(p, BE) {
                return true;
            }
            let t = v.text(p);
            let adverb = v.is(p, WORD)
                && !v.is(p, CAP)
                && (v.is(p, GAP) || t.ends_with("ly") || t.eq_ignore_ascii_case("not"));
            if !adverb {
                return false;
            }
        }
        false
    }

    /// Takes the unused quotation `qi` (an index into `View::quotes`, or `NONE`) as a content of
    /// `found`; returns the token after it.
    fn take_quote(&self, qi: u32, found: &mut Found) -> Option<usize> {
        if qi == NONE || self.quote_used[qi as usize] {
            return None;
        }
        let qt = self.v.quotes[qi as usize];
        found.contents.push(((qt.first, qt.end), Some(qi as usize)));
        found.quotes.push(qi as usize);
        Some(qt.end)
    }

    /// Matches `pat` with its anchor covering tokens `a..b`.
    fn match_at(
        &self,
        pat: &Pattern,
        a: usize,
        b: usize,
        feats: u16,
        found: &mut Found,
    ) -> Option<()> {
        let v = self.v;
        found.clear();
        let (ulo, uhi) = v.unit_of(a);
        let t = Attempt {
            pat,
            a,
            b,
            feats,
            ulo,
            uhi,
            plo: v.para_start(a),
            phi: v.para_end(a.min(v.flags.len() - 1)),
        };
        let (plo, phi) = (t.plo, t.phi);
        // the anchor itself
        let (mut p, mut q) = (a, b);
        if pat.elems[pat.anchor] == Elem::Quote {
            q = self.take_quote(v.quote_open[a], found)?;
        }
        // left of the anchor, right to left
        for (k, e) in pat.elems[..pat.anchor].iter().enumerate().rev() {
            p = match e {
                Elem::Speaker => self.left_speaker(&t, k, p, found)?,
                Elem::Subject => self.left_subject(&t, k, p, found)?,
                Elem::Quote => self.left_quote(&t, k, p, found)?,
                Elem::Clause => self.left_clause(&t, p, found)?,
                Elem::Start if p == ulo => p,
                // (PolNeAR splits a content around its source: the phrase is a content too)
                Elem::Intro if intro_phrase(v, ulo, p) => {
                    found.contents.push(((ulo, p), None));
                    ulo
                }
                Elem::Literal(l, _) if p > plo && v.text(p - 1).eq_ignore_ascii_case(l) => p - 1,
                Elem::Literal(_, true) => p,
                _ => return None,
            };
        }
        // right of the anchor, left to right
        let mut saw_that = false;
        for (k, e) in pat.elems.iter().enumerate().skip(pat.anchor + 1) {
            // a clause after a literal (", she said, is that …") continues a split clause
            let after_literal = matches!(pat.elems[k - 1], Elem::Literal(..)) || saw_that;
            q = match e {
                Elem::Speaker => self.right_speaker(&t, k, q, found)?,
                Elem::Addressee(opt) => {
                    match (feats & feature::ADDRESSEE != 0)
                        .then(|| addressee(v, q, uhi))
                        .flatten()
                    {
                        Some((s0, e0)) => {
                            found.addressee = Some((s0, e0));
                            e0
                        }
                        None if *opt => q,
                        None => return None,
                    }
                }
                Elem::That => {
                    let mut q2 = skip_that(v, q, uhi);
                    if q2 == q {
                        q2 = skip_time(v, q, uhi, feats);
                    }
                    // ("decided to …": an infinitive needs no "that")
                    let infinitive = feats & feature::TO != 0
                        && q < uhi
                        && v.is(q, WORD)
                        && v.text(q).eq_ignore_ascii_case("to");
                    if q2 == q
                        && feats & (feature::THAT | feature::NOUNISH) != 0
                        && !infinitive
                        && v.quote_open.get(q).copied().unwrap_or(NONE) == NONE
                        && !finite_clause_at(v, q, uhi, feats & feature::WEAK != 0)
                    {
                        return None;
                    }
                    saw_that = q2 > q;
                    q2
                }
                Elem::Quote => {
                    // "as the foundation's website notes: ¶ “…”": after a colon that ends its
                    // paragraph, the quotation that opens the next one
                    let next_para = q == phi && q > 0 && v.punct(q - 1, ":");
                    if q >= phi && !next_para {
                        return None;
                    }
                    self.take_quote(*v.quote_open.get(q)?, found)?
                }
                Elem::Clause => self.right_clause(&t, q, after_literal, found)?,
                Elem::Object => {
                    let end = object_end(v, q, uhi);
                    if end <= q {
                        return None;
                    }
                    found.contents.push(((q, end), None));
                    end
                }
                Elem::End if at_end(v, q, uhi) => q,
                Elem::Literal(l, opt) => {
                    if q < phi && v.text(q).eq_ignore_ascii_case(l) {
                        q + 1
                    } else if let Some(c) = (l == "," && pat.elems.get(k + 1) == Some(&Elem::Quote))
                        .then(|| pp_before_comma(v, q, phi))
                        .flatten()
                    {
                        // "says of Clinton, “…”": a short phrase between the cue and its quotation
                        c + 1
                    } else if *opt {
                        q
                    } else {
                        return None;
                    }
                }
                _ => return None,
            };
        }
        Some(())
    }

    /// Turns a match into attributions (one per content).
    fn emit(&mut self, pat: &Pattern, cue: Option<usize>, found: Found) {
        let v = self.v;
        let (cue_span, lemma, feats) = match cue {
            Some(ci) => {
                let c = v.cues[ci];
                let form = &self.cues.forms[c.form];
                (
                    Some(c.span),
                    Some(self.cues.lemmas[form.lemma].clone()),
                    form.features,
                )
            }
            None => (None, None, 0),
        };
        let speaker = found.speaker.map(|(a, b)| v.span(a, b));
        if let (Some(ci), Some(sp)) = (cue, speaker) {
            self.cue_speaker[ci] = Some((self.spoken, sp));
            self.spoken += 1;
        }
        let addressee = found.addressee.map(|(a, b)| v.span(a, b));
        let confidence = confidence(v, pat.confidence, found.speaker, feats);
        for &qi in &found.quotes {
            self.quote_used[qi] = true;
        }
        // a cue word inside the speaker or addressee ("according to a Reuters report") is used up
        for (a, b) in found.speaker.iter().chain(found.addressee.iter()).copied() {
            let k = v.cues.partition_point(|c| c.first < a);
            for ci in k..v.cues.len() {
                if v.cues[ci].first >= b {
                    break;
                }
                self.cue_used[ci] = true;
            }
        }
        // "As the Post reported just today, …": a time expression or adverb alone is no content
        let bare = |i: usize| v.is(i, TIMEX | PUNCT) || v.is(i, GAP) && !v.is(i, CAP | STOP | BE);
        for ((a, b), quote) in found.contents {
            if quote.is_none() && (a..b).all(bare) {
                continue;
            }
            let (kind, content) = match quote {
                Some(qi) => (ClaimKind::Direct, v.doc.quotes[v.quotes[qi].quote].inner),
                None => self.classify(pat.kind, a, b),
            };
            // a `mixed` cue needs a quotation in its content, and one that is not the very next
            // thing: "called him a “liar”", not the naming "a film called “Sons”"
            // ("what they called “financial supermarkets”": a relative with a speaker names
            // nothing, it characterizes)
            let relative = matches!(pat.elems.first(), Some(Elem::Literal(w, false)) if w == "what" || w == "which");
            let naming = feats & feature::MIXED != 0
                && !relative
                && (kind != ClaimKind::Mixed && kind != ClaimKind::Direct
                    || v.quote_open.get(a).is_some_and(|&q| q != NONE));
            if content.is_empty() || naming {
                continue;
            }
            self.out.push(Attribution {
                kind,
                content,
                speaker,
                cue: cue_span,
                cue_lemma: lemma.clone(),
                addressee,
                rule: pat.name.clone(),
                confidence,
            });
        }
    }

    /// The kind and span of a clause content `a..b`: one quotation → direct (its inside);
    /// holding quotations → mixed (and they are used).
    pub(super) fn classify(&mut self, kind: ClaimKind, a: usize, b: usize) -> (ClaimKind, Span) {
        let v = self.v;
        let mut b2 = b;
        while b2 > a
            && v.is(b2 - 1, PUNCT)
            && matches!(v.text(b2 - 1), "." | "," | ";" | ":" | "!" | "?")
        {
            b2 -= 1;
        }
        if b2 <= a {
            return (kind, v.span(a, b));
        }
        let qa = v.quote_open[a];
        if qa != NONE && v.quotes[qa as usize].end == b2 {
            if self.quote_used[qa as usize] {
                return (kind, Span::new(0, 0));
            }
            self.quote_used[qa as usize] = true;
            return (
                ClaimKind::Direct,
                v.doc.quotes[v.quotes[qa as usize].quote].inner,
            );
        }
        let mut mixed = false;
        let mut i = a;
        while i < b2 {
            let qi = v.quote_open[i];
            if qi != NONE {
                mixed = true;
                self.quote_used[qi as usize] = true;
                i = v.quotes[qi as usize].end.max(i + 1);
            } else {
                i += 1;
            }
        }
        let kind = if mixed && kind != ClaimKind::AccordingTo {
            ClaimKind::Mixed
        } else if kind == ClaimKind::Indirect && !has_verb(v, a, b2) {
            ClaimKind::Reported
        } else if kind == ClaimKind::Reported && has_verb(v, a, b2) {
            // an "object" with a verb is a clause: "polls show whites could decide it"
            ClaimKind::Indirect
        } else {
            kind
        };
        (kind, v.span(a, b2))
    }
}

/// The comma ending a short prepositional phrase that starts at `q` ("of Clinton", "in a
/// statement", "on Twitter"): at most six tokens, no other punctuation, before `hi`.
fn pp_before_comma(v: &View, q: usize, hi: usize) -> Option<usize> {
    if q >= hi || !v.is(q, PREP) || v.is(q, DET) {
        return None;
    }
    (q + 1..hi.min(q + 7))
        .take_while(|&i| v.is(i, WORD | NUMBER) || v.punct(i, ",") || v.abbrev_dot(i))
        .find(|&i| v.punct(i, ","))
}

/// True when tokens `lo..p` (a sentence's start, up to a comma) are a short introductory phrase
/// with no verb: at most [`MAX_INTRO`] tokens after any opening punctuation, no form of "be", no
/// auxiliary, personal pronoun or cue word, no lowercase word in -ed ("In addition", "Since last
/// November", "About 10 p.m.", but not "Trump leads in Ohio").
fn intro_phrase(v: &View, lo: usize, p: usize) -> bool {
    let mut a = lo;
    while a < p && v.is(a, PUNCT) {
        a += 1;
    }
    if a >= p || p - a > MAX_INTRO {
        return false;
    }
    (a..p).all(|i| {
        let t = v.text(i);
        let aux = v.is(i, GAP) && v.is(i, STOP) && !v.is(i, CLAUSAL | CAP);
        let verb = v.is(i, BE | PERSONAL | CUEWORD | IN_QUOTE)
            || aux
            || v.is(i, WORD) && !v.is(i, CAP) && t.len() > 4 && t.ends_with("ed");
        !verb && (v.is(i, WORD | NUMBER) || v.abbrev_dot(i))
    })
}
