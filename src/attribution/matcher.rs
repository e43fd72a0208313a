//! Matching the configurations of `attribution.txt` around each cue (or quotation).

use crate::doc::{Attribution, ClaimKind, Span};

use super::chunk::{addressee, left_np, left_np_simple, right_np, Reach};
use super::cues::{feature, CueLexicon};
use super::edges::*;
use super::lexicon::class::*;
use super::patterns::{Elem, Pattern};
use super::speaker::{
    absolute_subject, appositive_after_quote, appositive_after_start, in_entity, name_before_colon,
    opening_participle, sentence_subject, skip_floating_quantifier, speaker_fits_cue,
};
use super::view::{View, NONE};

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
        }
    }

    /// Tries one pattern at every unused anchor.
    pub fn run(&mut self, pat: &Pattern) {
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
                    if !self.cue_ok(ci) {
                        continue;
                    }
                    if let Some(found) = self.match_at(pat, c.first, c.end, feats) {
                        self.cue_used[ci] = true;
                        self.emit(pat, Some(ci), found);
                    }
                }
            }
            _ => {
                for qi in 0..self.v.quotes.len() {
                    if self.quote_used[qi] {
                        continue;
                    }
                    let q = self.v.quotes[qi];
                    if let Some(found) = self.match_at(pat, q.first, q.first, 0) {
                        self.emit(pat, None, found);
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
                let w = &v.doc.text[sp.start..sp.end];
                !["we", "i", "you", "us"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
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
        // "the report", "a claim" (but "another tweeted", "some say")
        if v.is(prev, DET) && !v.is(prev, STOP | PRONOUN) {
            return false;
        }
        if v.is(prev, BE) && feats & feature::FIN != 0 {
            return false;
        }
        if v.is(prev, WORD) && v.text(prev).eq_ignore_ascii_case("to") {
            return false;
        }
        // "the United States", "The Washington Post": a capitalized cue inside a sentence is a name
        // (except in a title-case headline: "Obama Seeks More Refugees")
        if v.is(c.first, CAP)
            && v.unit_of(c.first).0 != c.first
            && !v.is(prev, PUNCT)
            && !v.title_case(c.first)
        {
            return false;
        }
        true
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
    fn match_at(&self, pat: &Pattern, a: usize, b: usize, feats: u16) -> Option<Found> {
        let v = self.v;
        let mut found = Found::default();
        let (ulo, uhi) = v.unit_of(a);
        let plo = v.para_start(a);
        let phi = v.para_end(a.min(v.flags.len() - 1));
        // the anchor itself
        let (mut p, mut q) = (a, b);
        if pat.elems[pat.anchor] == Elem::Quote {
            q = self.take_quote(v.quote_open[a], &mut found)?;
        }
        // left of the anchor, right to left
        for (k, e) in pat.elems[..pat.anchor].iter().enumerate().rev() {
            let at_cue = k + 1 == pat.anchor && matches!(pat.elems[pat.anchor], Elem::Cue(_));
            match e {
                Elem::Speaker => {
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
                        left_np(v, p, lo)
                    } else {
                        left_np_simple(v, p, lo)
                    };
                    // “…,” Leonard Burman, director of … and a professor at …, said: a name
                    // right after the quotation with a long appositive up to the cue
                    let quote_before = pat.elems[..k]
                        .iter()
                        .rev()
                        .find(|e| !matches!(e, Elem::Literal(..)))
                        == Some(&Elem::Quote);
                    let long = if at_cue && quote_before {
                        appositive_after_quote(v, p, lo)
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
                    found.speaker = Some((s, p));
                    p = s;
                }
                Elem::Subject => {
                    let colon_next =
                        matches!(pat.elems.get(k + 1), Some(Elem::Literal(l, false)) if l == ":");
                    if let Some(s0) = colon_next
                        .then(|| name_before_colon(v, p, ulo.max(plo)))
                        .flatten()
                    {
                        found.speaker = Some((s0, p));
                        p = s0;
                        continue;
                    }
                    if let Some(s0) = (feats & feature::ING != 0 && p == a)
                        .then(|| absolute_subject(v, p, ulo.max(plo)))
                        .flatten()
                    {
                        found.speaker = Some((s0, p));
                        p = s0;
                        continue;
                    }
                    // "…,” he told the group, adding that …": the speaker of the attribution
                    // before the cue in the same sentence
                    let prior = self.prior_speaker(ulo, a);
                    if let Some(sp) = prior {
                        let s0 = v.doc.tokens.partition_point(|t| t.span.start < sp.start);
                        let e0 = v.doc.tokens.partition_point(|t| t.span.start < sp.end);
                        found.speaker = Some((s0, e0.max(s0 + 1)));
                        p = s0;
                        continue;
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
                        p = s0;
                        continue;
                    }
                    let (s0, e0) = sentence_subject(v, ulo, p)?;
                    if e0 > p || opening_participle(v, s0, e0) {
                        return None;
                    }
                    // "Then, later that month on CNN: “…”": before a colon, a subject with no
                    // name that opens with no determiner or pronoun is no speaker
                    if colon_next && !(s0..e0).any(|k| in_entity(v, k)) && !v.is(s0, DET | PRONOUN)
                    {
                        return None;
                    }
                    found.speaker = Some((s0, e0));
                    p = s0;
                }
                Elem::Quote => {
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
                    let ends_sentence =
                        v.doc.text[inner.start..inner.end].trim_end().ends_with('.');
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
                    let opens = qt.first <= qlo
                        || v.sentence_final(qt.first - 1)
                        || v.punct(qt.first - 1, ":");
                    if !opens && words(v, qlo, qt.first) >= 3 {
                        found.contents.push(((qlo, qt.end), None));
                        p = qlo;
                    } else {
                        found.contents.push(((qt.first, qt.end), Some(qi as usize)));
                        p = qt.first;
                    }
                }
                Elem::Clause => {
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
                        p = s;
                        continue;
                    }
                    if p <= s || words(v, s, p) < 2 {
                        return None;
                    }
                    found.contents.push(((s, p), None));
                    p = s;
                }
                Elem::Start => {
                    if p != ulo {
                        return None;
                    }
                }
                Elem::Literal(l, opt) => {
                    if p > plo && v.text(p - 1).eq_ignore_ascii_case(l) {
                        p -= 1;
                    } else if !opt {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        // right of the anchor, left to right
        let mut saw_that = false;
        for (k, e) in pat.elems.iter().enumerate().skip(pat.anchor + 1) {
            // a clause after a literal (", she said, is that …") continues a split clause
            let after_literal = matches!(pat.elems[k - 1], Elem::Literal(..)) || saw_that;
            match e {
                Elem::Speaker => {
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
                    q = e0;
                }
                Elem::Addressee(opt) => {
                    if feats & feature::ADDRESSEE != 0 {
                        if let Some((s0, e0)) = addressee(v, q, uhi) {
                            found.addressee = Some((s0, e0));
                            q = e0;
                            continue;
                        }
                    }
                    if !opt {
                        return None;
                    }
                }
                Elem::That => {
                    let q2 = skip_that(v, q, uhi);
                    if q2 == q
                        && feats & (feature::THAT | feature::NOUNISH) != 0
                        && v.quote_open.get(q).copied().unwrap_or(NONE) == NONE
                    {
                        return None;
                    }
                    saw_that = q2 > q;
                    q = q2;
                }
                Elem::Quote => {
                    // "as the foundation's website notes: ¶ “…”": after a colon that ends its
                    // paragraph, the quotation that opens the next one
                    let next_para = q == phi && q > 0 && v.punct(q - 1, ":");
                    if q >= phi && !next_para {
                        return None;
                    }
                    q = self.take_quote(*v.quote_open.get(q)?, &mut found)?;
                }
                Elem::Clause => {
                    let mut end = clause_end(v, self.cues, q, uhi);
                    // "When X said that Y, Z …": a cue inside an opening subordinate clause
                    // reports up to that clause's comma
                    let mut s = ulo;
                    while s < a && v.is(s, PUNCT) {
                        s += 1;
                    }
                    if s < a && v.is(s, CLAUSAL) && !(s..a).any(|k| v.punct(k, ",")) {
                        if let Some(c) =
                            (q..end).find(|&k| v.punct(k, ",") && v.in_quote[k] == NONE)
                        {
                            end = c;
                        }
                    }
                    if end <= q
                        || words(v, q, end) < 2
                            && v.quote_open.get(q).copied().unwrap_or(NONE) == NONE
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
                        if let Some(c) =
                            (q..end).find(|&k| v.punct(k, ",") && v.in_quote[k] == NONE)
                        {
                            end = c;
                        }
                    }
                    found.contents.push(((q, end), None));
                    q = end;
                }
                Elem::Object => {
                    let end = object_end(v, q, uhi);
                    if end <= q {
                        return None;
                    }
                    found.contents.push(((q, end), None));
                    q = end;
                }
                Elem::End => {
                    if !at_end(v, q, uhi) {
                        return None;
                    }
                }
                Elem::Literal(l, opt) => {
                    if q < phi && v.text(q).eq_ignore_ascii_case(l) {
                        q += 1;
                    } else if let Some(c) = (l == "," && pat.elems.get(k + 1) == Some(&Elem::Quote))
                        .then(|| pp_before_comma(v, q, phi))
                        .flatten()
                    {
                        // "says of Clinton, “…”": a short phrase between the cue and its quotation
                        q = c + 1;
                    } else if !opt {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(found)
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
        for ((a, b), quote) in found.contents {
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

/// "Rubio: I Still Believe Trump Can’t Be Trusted": a first-person speaker after the colon of a
/// headline is the headline's named speaker talking (`@headline-colon`), not the narrator.
fn first_person_after_headline_colon(v: &View, s: usize, p: usize) -> bool {
    let doc = v.doc;
    if p != s + 1 || v.para[s] != 0 || doc.paragraphs.len() < 2 {
        return false;
    }
    let w = v.text(s);
    ["i", "we"].iter().any(|x| w.eq_ignore_ascii_case(x))
        && (v.para_start(s)..s).any(|k| v.punct(k, ":"))
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
