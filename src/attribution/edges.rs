//! The edges of attribution parts: where a speaker phrase, a reported clause or an object ends,
//! and which short phrases (auxiliaries, time phrases, "in a statement", datelines) are skipped.
//! Every scan here is bounded, so matching stays linear in the document.

use super::chunk::{addressee, left_np};
use super::cues::{feature, CueLexicon};
use super::lexicon::class::*;
use super::lexicon::Classes;
use super::view::{View, NONE};
use crate::doc::EntityLabel;

/// How many gap words (auxiliaries, adverbs) may stand between a speaker and its cue.
pub(super) const MAX_GAP: usize = 3;
/// Longest reported clause, in tokens (keeps every scan bounded).
pub(super) const MAX_CLAUSE: usize = 300;
/// How many tokens of a short phrase may come before "that" or the end of a sentence.
pub(super) const MAX_FILLER: usize = 7;
/// The most tokens an `INTRO` phrase holds.
pub(super) const MAX_INTRO: usize = 6;

/// A reported clause right of a cue never starts with a preposition or a function word ("spoke
/// for five minutes", "announced which officials"), except "to" after an infinitive cue.
pub(super) fn clause_start_ok(v: &View, q: usize, feats: u16) -> bool {
    if v.is(q, THAT) || v.quote_open.get(q).copied().unwrap_or(NONE) != NONE || !v.is(q, WORD) {
        return v.is(q, THAT | WORD | NUMBER)
            || v.quote_open.get(q).copied().unwrap_or(NONE) != NONE;
    }
    let t = v.text(q);
    // "said them, but …": an object pronoun is no clause (but "calling him “a total stiff”" is
    // a mixed one)
    if v.is(q, OBJECT) && !v.is(q, DET | PRONOUN) {
        return feats & feature::MIXED != 0;
    }
    if t.eq_ignore_ascii_case("to") {
        return feats & feature::TO != 0;
    }
    // "asked whether …", "explained how …", "asked the governor why …": an embedded question
    if v.is(q, QUESTION) {
        return true;
    }
    if approximate_quantity(v, q) {
        return true;
    }
    !v.is(q, STOP | PREP) || v.is(q, DET)
}

/// "said about half of …", "said nearly 40 percent …": an approximation before a quantity opens
/// the clause's subject.
fn approximate_quantity(v: &View, q: usize) -> bool {
    let word = |i: usize, class: Classes| i < v.flags.len() && v.is(i, WORD) && v.is(i, class);
    word(q, APPROX)
        && (q + 1 < v.flags.len() && v.is(q + 1, NUMBER)
            || word(q + 1, AMOUNT)
            || q + 1 < v.flags.len()
                && v.text(q + 1).eq_ignore_ascii_case("a")
                && word(q + 2, FRACTION))
}

/// Confidence of a claim: the pattern's base, lowered for weak cues, bare pronoun speakers,
/// long speaker phrases and missing speakers.
pub fn confidence(v: &View, base: f32, speaker: Option<(usize, usize)>, feats: u16) -> f32 {
    let mut c = base;
    if feats & feature::WEAK != 0 {
        c *= 0.8;
    }
    match speaker {
        None => c *= 0.7,
        Some((a, b)) if b == a + 1 && v.is(a, PRONOUN) => c *= 0.9,
        Some((a, b)) if b - a > 8 => c *= 0.9,
        _ => {}
    }
    (c * 100.0).round() / 100.0
}

/// A rough test for a finite or infinitive verb in tokens `a..b` (no tagger): an auxiliary, a
/// form of "be", a subject pronoun, a cue word, "to", or a lowercase word in -ed.
pub(super) fn has_verb(v: &View, a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        // "the network's": a possessive, not "he's"
        let possessive = matches!(v.text(i), "'s" | "’s") && i > a && !v.is(i - 1, PRONOUN);
        if v.is(i, BE | GAP | PRONOUN | CUEWORD)
            && !v.is(i, DET)
            && !v.text(i).ends_with("ly")
            && !possessive
        {
            return true;
        }
        let t = v.text(i);
        v.is(i, WORD)
            && !v.is(i, CAP)
            && (t == "to" || t.len() > 4 && t.ends_with("ed") && i > a && !v.is(i - 1, DET))
    })
}

pub(super) fn words(v: &View, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| v.is(i, WORD | NUMBER)).count()
}

/// True when a cue ending before token `b` is followed by more of its sentence than a short
/// phrase ("He said he …" rather than "He said.").
pub(super) fn at_cue_end(v: &View, b: usize, feats: u16) -> bool {
    if b >= v.flags.len() {
        return false;
    }
    let (_, hi) = v.unit_of(b.saturating_sub(1));
    let mut k = b;
    if feats & feature::ADDRESSEE != 0 {
        if let Some((_, e)) = addressee(v, b, hi) {
            k = e;
        }
    }
    // a new clause follows ("he …", "that …", "American Jews …"), not a phrase ("to a crowd")
    !at_end(v, k, hi) && !v.punct(k, ",")
}

/// Skips a dateline that opens a paragraph: "WASHINGTON —", "ORLANDO, Fla. (Reuters) -".
pub(super) fn skip_dateline(v: &View, s: usize, p: usize) -> usize {
    let upper = |k: usize| {
        let t = v.text(k);
        t.len() >= 3 && t.chars().all(|c| c.is_uppercase() || c == '.')
    };
    if s >= p || !v.is(s, WORD) || !upper(s) || v.para_start(s) != s {
        return s;
    }
    let lim = p.min(s + 10);
    match (s + 1..lim).find(|&k| matches!(v.text(k), "—" | "-" | "–" | "―")) {
        Some(k) => k + 1,
        None => s,
    }
}

/// Skips an introductory phrase before a sentence's subject: "In 2016, …", "Earlier this
/// week, …", "However, …", "On Tuesday she …".
pub(super) fn skip_intro(v: &View, s: usize, p: usize) -> usize {
    if s >= p || !v.is(s, WORD) {
        return s;
    }
    let t = v.text(s);
    // "Chastened by the analyses, …": a participle with its agent
    let passive = t.len() > 4 && t.ends_with("ed") && s + 1 < p && v.text(s + 1) == "by";
    // ("The Post quoted …": a determiner opens a subject, not an introduction; "This week, …"
    // is a time expression)
    let intro = v.is(s, PREP | GAP | CLAUSAL | INTRO)
        || v.is(s, FILLER) && !v.is(s, DET)
        || v.is(s, TIMEX)
        || v.is(s, STOP) && !v.is(s, DET | PRONOUN)
        || t.ends_with("ing")
        || t.ends_with("ly")
        || passive;
    if !intro {
        return s;
    }
    // "With Democratic leaders increasingly worried about …, Obama …": a prepositional or
    // participial introduction may run longer than an adverb
    let reach = if v.is(s, PREP | INTRO) || t.ends_with("ing") {
        24
    } else {
        14
    };
    let lim = p.min(s + reach);
    if let Some(mut c) = (s..lim).find(|&k| v.punct(k, ",")) {
        // "Following a swiftly called, late-afternoon meeting, the Council …", "…, as well as
        // complaints, Trump …", "On July 6, 2015, Sanders …": a subject opens with a
        // determiner, a name or a pronoun; anything else after the comma (a lowercase word, the
        // rest of a date) still belongs to the introduction
        let lim2 = p.min(c + 14);
        while c + 1 < p
            && (v.is(c + 1, WORD) && !v.is(c + 1, CAP | DET | PRONOUN)
                || v.is(c + 1, TIMEX)
                || place_then_comma(v, c + 1))
        {
            match (c + 1..lim2).find(|&k| v.punct(k, ",")) {
                Some(c2) => c = c2,
                None => break,
            }
        }
        return c + 1;
    }
    if v.is(s, PREP) {
        let mut k = s + 1;
        while k < p && v.is(k, DET | FILLER | NUMBER) && !v.is(k, PRONOUN) {
            k += 1;
        }
        return k;
    }
    s
}

/// "At an event in Ames, Iowa, on Sunday, …": a place name at token `i` followed by a comma
/// (the state after a city) goes on the introduction.
fn place_then_comma(v: &View, i: usize) -> bool {
    let at = v.doc.tokens[i].span.start;
    let k = v.doc.entities.partition_point(|e| e.span.end <= at);
    let Some(e) = v.doc.entities.get(k).filter(|e| e.span.start == at) else {
        return false;
    };
    let after = v.doc.tokens.partition_point(|t| t.span.start < e.span.end);
    matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc) && v.punct(after, ",")
}

/// Skips auxiliaries and adverbs just left of a cue ("has also said").
pub(super) fn skip_gap_left(v: &View, mut p: usize, lo: usize) -> usize {
    let start = p;
    loop {
        while p > lo && start - p < MAX_GAP + 3 && v.is(p - 1, GAP) && !v.is(p - 1, PRONOUN) {
            p -= 1;
        }
        // a time expression: "Wells Fargo just this month announced", "McConnell on Tuesday said"
        if p > lo && v.is(p - 1, TIMEX) && start - p < MAX_GAP + 8 {
            let mut k = p - 1;
            while k > lo && v.is(k - 1, TIMEX) && start - k < MAX_GAP + 8 {
                k -= 1;
            }
            if k > lo && v.is(k - 1, PREP) && !v.is(k - 1, DET) {
                k -= 1;
            }
            p = k;
            continue;
        }
        // "has, however, revealed", "The poll, though, found": an adverb set off by commas
        if p >= lo + 3
            && v.punct(p - 1, ",")
            && v.is(p - 2, GAP | INTRO)
            && !v.is(p - 2, CAP)
            && v.punct(p - 3, ",")
            && start - p < MAX_GAP + 3
        {
            p -= 3;
            continue;
        }
        // "He appeared to suggest", "continues to insist": a raising or phase verb and its "to"
        if p >= lo + 2 && raising_to(v, p - 1) && start - p < MAX_GAP + 3 {
            p -= 2;
            continue;
        }
        // "at the time", "in the past"
        if p >= lo + 3
            && v.is(p - 1, FILLER)
            && v.is(p - 2, DET)
            && v.is(p - 3, PREP)
            && !v.is(p - 3, DET)
            && start - p < MAX_GAP + 3
        {
            p -= 3;
            continue;
        }
        // a short time or place phrase: "on Tuesday", "last week", "on Twitter"
        if p >= lo + 2
            && v.is(p - 1, FILLER | NUMBER)
            && v.is(p - 2, PREP | FILLER)
            && !v.is(p - 2, DET)
            && start - p < MAX_GAP + 3
        {
            p -= 2;
            if p > lo && v.is(p - 1, PREP) && v.is(p, FILLER) && !v.is(p - 1, DET) {
                p -= 1;
            }
            continue;
        }
        break;
    }
    p
}

/// True when token `k` is the "to" after a raising or phase verb ("appeared to", "continues
/// to"): the verb after it is the cue, and the two words may stand between it and its speaker.
pub(super) fn raising_to(v: &View, k: usize) -> bool {
    k > 0 && v.is(k - 1, RAISING | ASPECT) && v.text(k).eq_ignore_ascii_case("to")
}

/// Skips "that", possibly after a short phrase ("in a statement Monday that").
pub(super) fn skip_that(v: &View, q: usize, hi: usize) -> usize {
    let mut i = q;
    // inside a prepositional phrase any noun-phrase word may come ("during Saturday's
    // presidential debate that")
    let mut in_pp = false;
    while i < hi && i - q <= MAX_FILLER {
        if v.is(i, THAT) {
            // "said that, if elected, …"
            return if i + 1 < hi && v.punct(i + 1, ",") {
                i + 2
            } else {
                i + 1
            };
        }
        // ("said after a lunch on Tuesday that": "after", "during" … open a phrase too)
        in_pp |= v.is(i, PREP) && !v.is(i, THAT) || v.is(i, OPENER);
        let np_word = in_pp && v.is(i, WORD) && !v.is(i, STOP | CUEWORD | PRONOUN | CLAUSAL);
        // an apostrophe of a possessive or an abbreviated year ("Sanders’ Senate office", "in
        // ’08") is part of its phrase
        let apostrophe = i > q
            && (v.punct(i, "’") || v.punct(i, "‘") || v.punct(i, "'"))
            && (v.touching(i - 1) || v.touching(i));
        let filler = v.is(i, FILLER | CAP | NUMBER | GAP)
            || np_word
            || apostrophe
            || v.is(i, ABBREV) && i > q
            || v.punct(i, ",") && i > q;
        if !filler || v.is(i, IN_QUOTE) {
            // "said in a statement Thursday night they pulled …": after a prepositional phrase a
            // subject pronoun opens the clause without "that"
            if in_pp
                && i > q
                && v.is(i - 1, FILLER | TIMEX)
                && !v.is(i - 1, PREP | DET)
                && v.is(i, PERSONAL)
            {
                return i;
            }
            break;
        }
        i += 1;
    }
    q
}

/// "said Tuesday his plan …", "promised last month to …": a time expression right after the cue
/// is no part of the reported clause when a clause (a subject and its verb), or an infinitive
/// for a cue that takes one, follows it; returns where the clause opens, else `q`.
pub(super) fn skip_time(v: &View, q: usize, hi: usize, feats: u16) -> usize {
    let mut r = q;
    while r < hi && r - q < 4 && v.is(r, TIMEX) && !v.is(r, IN_QUOTE | PUNCT) {
        r += 1;
    }
    if r == q || r >= hi {
        return q;
    }
    let infinitive =
        feats & feature::TO != 0 && v.is(r, WORD) && v.text(r).eq_ignore_ascii_case("to");
    if infinitive || finite_clause_at(v, r, hi, false) {
        r
    } else {
        q
    }
}

/// "The Ledger claims the council's decision is …", "records show he backed …": a reported clause
/// with no "that" opens at `q` when a subject (a pronoun, or a noun phrase that starts with a
/// determiner, a name or a number) is followed by a finite verb: an auxiliary or form of "be",
/// or a lowercase word in -ed. With `small` (an evidence cue: "the poll shows Trump leading"), a
/// lowercase word in -ing also makes one.
pub(super) fn finite_clause_at(v: &View, q: usize, hi: usize, small: bool) -> bool {
    if q >= hi || !v.is(q, WORD | NUMBER) || v.is(q, IN_QUOTE) {
        return false;
    }
    // (an auxiliary is a gap word that is also a stop word: "has", "would", "did"; "the
    // rights he was giving up", "this faith even though": "even" is no verb)
    let finite = |i: usize| {
        i < hi && v.is(i, WORD) && !v.is(i, CAP) && {
            let t = v.text(i);
            v.is(i, BE) && !v.is(i, DET)
                || v.is(i, GAP) && (v.is(i, STOP) || t.ends_with("n't") || t.ends_with("n’t"))
                || t.len() > 4 && t.ends_with("ed") && !v.is(i - 1, DET)
                || small && t.len() > 5 && t.ends_with("ing") && !v.is(i - 1, DET)
        }
    };
    if v.is(q, PRONOUN) && !v.is(q, DET | OBJECT) {
        // ("she paid", "they won": after a personal subject pronoun any content word is its verb)
        let personal = v.is(q, PERSONAL);
        let k = q + 1;
        return finite(k)
            || personal
                && k < hi
                && v.is(k, WORD)
                && !v.is(
                    k,
                    CAP | STOP | PREP | DET | CLAUSAL | THAT | PRONOUN | IN_QUOTE,
                );
    }
    if !v.is(q, DET | CAP | NUMBER) || v.is(q, STOP | CLAUSAL | PREP) && !v.is(q, DET) {
        return false;
    }
    let lim = hi.min(q + 14);
    let mut i = q + 1;
    while i < lim {
        if finite(i) {
            return true;
        }
        let possessive = matches!(v.text(i), "'s" | "’s");
        // (a pronoun or "to" inside the phrase opens a relative or infinitive clause)
        let np_word = v.is(i, WORD | NUMBER)
            && !v.is(i, STOP | CLAUSAL | THAT | CUEWORD | IN_QUOTE)
            && (!v.is(i, PRONOUN) || v.is(i, DET))
            && !v.text(i).eq_ignore_ascii_case("to");
        if !(np_word || possessive || v.abbrev_dot(i)) {
            return false;
        }
        i += 1;
    }
    false
}

/// True when only a short phrase and closing punctuation remain before `hi`.
pub(super) fn at_end(v: &View, q: usize, hi: usize) -> bool {
    // "…, said a handful of Democrats who point to …": a restrictive relative clause on the speaker
    if q < hi && v.is(q, WORD) && v.text(q).eq_ignore_ascii_case("who") {
        return true;
    }
    // "…, said Lee Epstein, who teaches law": a relative clause on the speaker
    if q + 1 < hi && v.punct(q, ",") && v.is(q + 1, PRONOUN) && v.is(q + 1, WORD) {
        let t = v.text(q + 1);
        if t.eq_ignore_ascii_case("who") || t.eq_ignore_ascii_case("which") {
            return true;
        }
    }
    let mut i = q;
    while i < hi && i - q <= MAX_FILLER {
        if v.is(i, PUNCT) {
            if v.sentence_final(i) || v.quote_close[i] != NONE {
                // the rest must be punctuation
                return (i..hi).all(|k| v.is(k, PUNCT));
            }
            // "…, the ministry announced Tuesday, after reservoirs fell …": a subordinate clause
            if i > q && v.text(i) == "," && i + 1 < hi && v.is(i + 1, CLAUSAL) && v.is(i + 1, WORD)
            {
                return true;
            }
            if i > q && v.text(i) == "," && participle_follows(v, i + 1, hi) {
                // "…, leaders said Monday, setting up a vote": an -ing adjunct, not a content
                return true;
            }
            if !matches!(v.text(i), "," | "(" | ")" | "-" | "—") {
                return false;
            }
        } else if !v.is(i, FILLER | CAP | NUMBER | GAP) || v.is(i, IN_QUOTE) {
            return false;
        }
        i += 1;
    }
    i >= hi
}

/// True when token `i` is a lowercase -ing word: the head of a participial adjunct.
fn participle_follows(v: &View, i: usize, hi: usize) -> bool {
    if i >= hi || !v.is(i, WORD) || v.is(i, CAP | IN_QUOTE) {
        return false;
    }
    let t = v.text(i);
    t.len() > 5 && t.ends_with("ing")
}

/// Where a reported clause starting at `q` ends: the unit's end, or before ", X said" / ", according
/// to" that starts another attribution.
pub(super) fn clause_end(v: &View, cues: &CueLexicon, q: usize, hi: usize) -> usize {
    let hi = hi.min(q + MAX_CLAUSE);
    let mut ci = v.cues.partition_point(|c| c.first < q);
    let mut i = q;
    while i < hi {
        if v.in_quote[i] != NONE {
            i = v.quotes[v.in_quote[i] as usize].end.max(i + 1);
            continue;
        }
        if i > q + 1 && i + 1 < hi && coordinated_cue(v, i) {
            return i;
        }
        if v.is(i, PUNCT) && matches!(v.text(i), "," | ";" | "—" | "(") && i > q {
            while ci < v.cues.len() && v.cues[ci].first <= i {
                ci += 1;
            }
            if ci < v.cues.len() && v.cues[ci].first < hi && v.cues[ci].first <= i + 8 {
                let c = v.cues[ci];
                let feats = cues.forms[c.form].features;
                // ", a report …", ", although it seemed …": no attribution of its own starts
                if feats & (feature::NOUNISH | feature::RAISING) != 0 {
                    i += 1;
                    continue;
                }
                if feats & feature::ACCORDING != 0 && c.first == i + 1 {
                    return i;
                }
                let mut s = i + 1;
                while s < c.first && v.is(s, STOP) && !v.is(s, PRONOUN) {
                    s += 1;
                }
                let p = skip_gap_left(v, c.first, s);
                if let Some((a, _)) = left_np(v, p, s) {
                    if a == s {
                        return i;
                    }
                }
                // ", adding that …", ", saying …": a participle cue opens its own attribution
                if c.first == i + 1 && feats & (feature::FIN | feature::ING) != 0 {
                    return i;
                }
            }
        }
        // "said X and questioned Y", "said X and added Y": a coordinated verb ends the clause
        if i > q + 1
            && v.is(i, WORD)
            && (v.text(i).eq_ignore_ascii_case("and") || v.text(i).eq_ignore_ascii_case("but"))
            && i + 1 < hi
        {
            let mut k = i + 1;
            while k < hi && k < i + 3 && v.is(k, GAP) && !v.is(k, PRONOUN) {
                k += 1;
            }
            // a finite cue ("and said"), not a participle ("and apparently encouraging")
            let finite = v.is(k, CUEWORD) && !v.text(k).ends_with("ing");
            if finite && has_verb(v, q, i) {
                return i;
            }
            // "… mishandled it and Democrats accused the GOP of …": a new subject and its cue
            let c2 = if v.is(i + 1, CAP | DET | PRONOUN) {
                v.cues.partition_point(|c| c.first <= i + 1)
            } else {
                v.cues.len()
            };
            if let Some(c) = v.cues.get(c2).filter(|c| c.first <= i + 6 && c.first < hi) {
                let fin = cues.forms[c.form].features & feature::FIN != 0;
                let p = skip_gap_left(v, c.first, i + 1);
                // a verb before "and", not just a subject ("said both he and Rubio promised")
                let only_subject = (q..i).all(|k| !v.is(k, WORD) || v.is(k, PRONOUN | DET));
                let verb_before = !only_subject && has_verb(v, q, i);
                if fin && left_np(v, p, i + 1).is_some_and(|(a, _)| a == i + 1) && verb_before {
                    return i;
                }
            }
        }
        i += 1;
    }
    hi
}

/// True when token `i` is "and" or "but" right before a cue word: "rejected the offer and said
/// …" — the coordinated cue ends a reported clause or object.
fn coordinated_cue(v: &View, i: usize) -> bool {
    (v.text(i).eq_ignore_ascii_case("and") || v.text(i).eq_ignore_ascii_case("but"))
        && v.is(i + 1, CUEWORD)
}

/// Where a noun-phrase object starting at `q` ends (0 tokens when it is no object).
pub(super) fn object_end(v: &View, q: usize, hi: usize) -> usize {
    if q >= hi
        || !v.is(q, WORD | NUMBER)
        || v.is(q, STOP | PREP | THAT | CLAUSAL | PRONOUN) && !v.is(q, DET)
    {
        return q;
    }
    let mut i = q;
    while i < hi {
        // "mocked Marco Rubio for “having a tough night”": a quotation inside the object is
        // part of it (the claim is mixed)
        let qi = v.quote_open[i];
        if qi != NONE && i > q {
            i = v.quotes[qi as usize].end.max(i + 1);
            continue;
        }
        // ("a $68 billion budget", "a 3% raise": currency and percent signs stay in the object)
        if v.is(i, PUNCT)
            && !v.abbrev_dot(i)
            && !matches!(v.text(i), "’" | "'" | "-" | "(" | ")" | "$" | "%")
        {
            break;
        }
        if v.is(i, THAT | CLAUSAL) && i > q || v.in_quote[i] != NONE {
            return q;
        }
        // "blasted the plan on Monday.": a closing time phrase is no part of the object
        if i > q + 1 && v.is(i, PREP) && v.is(i + 1, TIMEX) && at_end(v, i, hi) {
            break;
        }
        if i > q && coordinated_cue(v, i) {
            break;
        }
        i += 1;
    }
    i
}
