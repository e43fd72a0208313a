//! A small noun-phrase chunker over tokens: speakers ("Sen. Ben Sasse (R-NE)", "the Texas
//! Senator", "officials", "he"), addressees ("reporters", "the Daily Caller").
//!
//! Every function looks at a bounded number of tokens, so chunking is constant time per call.

use super::lexicon::class::*;
use super::lexicon::Classes;
use super::view::View;

/// Longest speaker phrase, in tokens.
const MAX_NP: usize = 18;

fn is_lower_word(v: &View, i: usize) -> bool {
    v.is(i, WORD) && !v.is(i, CAP)
}

/// The speaker phrase ending just before token `p` (not before `lo`): tokens `a..p`. A phrase
/// followed by a comma is an appositive group: "Phil Smith, a spokesman for the union," and
/// "Mr. King, 82," are taken whole (without the last comma).
pub fn left_np(v: &View, p: usize, lo: usize) -> Option<(usize, usize)> {
    if p > lo && v.punct(p - 1, ",") {
        let c = p - 1;
        // "Hillary Clinton, who served as secretary of state when …, conceded": a relative
        // clause between commas; the speaker is the phrase before it
        let mut lo3 = c.saturating_sub(40).max(lo);
        // (never across a quotation: "… the Party, which is …,” Simon Rosenberg, …, told")
        if let Some(q) = (lo3..c).rev().find(|&k| v.in_quote[k] != super::view::NONE) {
            lo3 = q + 1;
        }
        if let Some(r) = (lo3 + 1..c)
            .rev()
            .find(|&k| v.punct(k - 1, ",") && v.is(k, RELATIVE))
        {
            if let Some((a0, _)) = left_np_simple(v, r - 1, lo) {
                return Some((a0, c));
            }
        }
        let short = left_np_simple(v, c, lo)
            .or_else(|| (c > lo && v.is(c - 1, NUMBER)).then(|| (c - 1, c)))
            .or_else(|| {
                // "Mitch McConnell, R-Ky., said": a short affiliation the chunker cannot read
                let lo4 = c.saturating_sub(5).max(lo);
                let c0 = (lo4..c).rev().find(|&k| v.punct(k, ","))?;
                let aff = (c0 + 1..c).any(|k| v.text(k).contains('-'));
                (aff && c0 > lo).then_some((c0 + 1, c))
            });
        let (a, _) = short?;
        // an earlier comma opens the group: "X, a spokesman, said" / "X, at a briefing, said"
        let lo2 = c.saturating_sub(16).max(lo);
        if let Some(c0) = (lo2..a).rev().find(|&k| v.punct(k, ",")) {
            if let Some((a0, _)) = left_np_simple(v, c0, lo) {
                return Some((a0, c));
            }
        }
        if v.is(a, NUMBER) {
            return None;
        }
        return Some((a, c));
    }
    let np = left_np_simple(v, p, lo);
    let np = restrictive_relative(v, np, lo).or(np);
    np.map(|n| opening_head(v, n, lo))
}

/// "Sanders and his aides said", "RNC members and officials said", "Both Democrats and
/// Republicans say": a phrase joined by "and" to a phrase that opens the clause is one
/// coordinated speaker with it (only from the clause's start, so "… met Obama and his aides
/// said" keeps "his aides").
pub fn coordinated_opening(v: &View, np: (usize, usize), lo: usize) -> (usize, usize) {
    let (a, p) = np;
    if a < lo + 2
        || v.text(a - 1) != "and"
        || v.in_quote[a - 1] != super::view::NONE
        || v.is(a, CLAUSAL)
    {
        return np;
    }
    match left_np_simple(v, a - 1, lo) {
        Some((a2, e2))
            if e2 == a - 1
                && opens_clause(v, a2, lo)
                && !v.is(a2, CLAUSAL)
                && !has_past_verb(v, a2 + 1, e2) =>
        {
            (a2, p)
        }
        _ => np,
    }
}

/// "Only about 4 in 10 Republican voters", "More than half of respondents", "Just over a
/// quarter": a speaker phrase that opens with a quantity keeps the "N in" of a ratio, the
/// approximation ("about", "more than") and the limit ("only", "just") before it.
pub fn quantity_opening(v: &View, np: (usize, usize), lo: usize) -> (usize, usize) {
    let (mut a, p) = np;
    let word = |i: usize, class: Classes| v.is(i, WORD) && v.is(i, class);
    let count = |i: usize| v.is(i, NUMBER) || word(i, AMOUNT);
    // "4 in 10": the chunker stops at a number before a preposition
    if a >= lo + 2 && v.is(a, NUMBER) && v.text(a - 1) == "in" && count(a - 2) {
        a -= 2;
    }
    let quantity =
        count(a) || v.text(a).eq_ignore_ascii_case("a") && a + 1 < p && word(a + 1, FRACTION);
    if !quantity {
        return np;
    }
    if a > lo && word(a - 1, APPROX) {
        a -= 1;
    } else if a >= lo + 2 && v.text(a - 1).eq_ignore_ascii_case("than") && word(a - 2, COMPARE) {
        a -= 2;
    }
    if a > lo && word(a - 1, LIMIT) {
        a -= 1;
    }
    (a, p)
}

/// Whether token `a` opens its clause: the clause's first token, or right after a comma or a
/// conjunction or subordinator ("But Sanders and his supporters argue", "where Sanders and his
/// aides believe"), or right after a quotation ("“…,” the senator and the candidate said").
fn opens_clause(v: &View, a: usize, lo: usize) -> bool {
    a == lo
        || (a > lo
            && (v.punct(a - 1, ",")
                || v.is(a - 1, STOP) && v.is(a - 1, WORD)
                || v.quote_close[a - 1] != super::view::NONE))
}

/// Whether a lowercase word in `from..to` looks like a past-tense verb ("The mayor thanked Ann
/// Roe and her aides said": "thanked" makes "Ann Roe" an object, not a conjunct).
fn has_past_verb(v: &View, from: usize, to: usize) -> bool {
    (from..to).any(|k| is_lower_word(v, k) && v.text(k).ends_with("ed"))
}

/// "Officials in Texas said", "Six newspapers in New Jersey endorsed": a phrase that a
/// preposition attaches to a noun phrase opening the clause is that phrase's modifier; the
/// speaker is the whole phrase (only from the clause's start, so a clause before it never
/// joins).
fn opening_head(v: &View, np: (usize, usize), lo: usize) -> (usize, usize) {
    let (mut a, p) = np;
    while a > lo + 1
        && v.is(a - 1, PREP)
        && !v.is(a - 1, DET)
        && v.in_quote[a - 1] == super::view::NONE
    {
        match left_np_simple(v, a - 1, lo) {
            Some((a2, e2)) if e2 == a - 1 && a2 < a - 1 => a = a2,
            _ => break,
        }
    }
    if a == lo || a == np.0 {
        (a, p)
    } else {
        np
    }
}

/// "Even Republicans who have praised his candidacy warned", "Hawkins and others who want to ban
/// abortion said": the phrase before the cue ends a relative clause with no commas; the speaker is
/// the phrase the clause belongs to, clause and all.
fn restrictive_relative(v: &View, np: Option<(usize, usize)>, lo: usize) -> Option<(usize, usize)> {
    let (a, p) = np?;
    let floor = a.saturating_sub(16).max(lo + 1);
    // ("candidates who think …": a cue right after "who" is the clause's own verb)
    let r = (floor..a).rev().find(|&k| {
        v.is(k, WORD) && matches!(v.text(k), "who" | "who’d" | "who'd" | "who’ve" | "who've")
    })?;
    // (a comma after the clause ends it: "Like other owners who …, Mr. Schmidt said")
    let breaks =
        |k: usize| v.in_quote[k] != super::view::NONE || v.punct(k, ";") || v.punct(k, ",");
    if v.punct(r - 1, ",") || (r..p).any(breaks) {
        return None;
    }
    let (a0, _) = left_np_simple(v, r, lo)?;
    (!v.is(a0, PRONOUN)).then_some((a0, p))
}

/// The speaker phrase ending just before token `p`, without comma groups.
pub fn left_np_simple(v: &View, p: usize, lo: usize) -> Option<(usize, usize)> {
    if p <= lo {
        return None;
    }
    if v.is(p - 1, PRONOUN) && v.is(p - 1, WORD) {
        return Some((p - 1, p));
    }
    let mut j = p;
    let mut words = 0;
    let mut saw_and = false;
    while j > lo && p - j < MAX_NP {
        let t = j - 1;
        let f = v.flags[t];
        if f & WORD != 0 {
            // "CBS This Morning": a capitalized determiner inside a name
            if f & DET != 0 && f & CAP != 0 && words > 0 && t > lo && v.is(t - 1, CAP) {
                j = t;
                words += 1;
                continue;
            }
            if f & DET != 0 && f & STOP == 0 {
                j = t;
                // "a spokesman for the campaign": go on through "for the"
                if t >= lo + 2
                    && v.is(t - 1, PREP)
                    && v.is(t - 2, WORD)
                    && !v.is(t - 2, STOP | DET | PRONOUN | CUEWORD)
                    && (is_lower_word(v, t - 2)
                        || common_noun_opening(v, t - 2)
                        || v.text(t - 1).eq_ignore_ascii_case("of"))
                {
                    j = t - 1;
                    continue;
                }
                break;
            }
            // "he and Mr. Allen", "Smith and Jones"
            if v.text(t).eq_ignore_ascii_case("and")
                && words > 0
                && t > lo
                && (v.is(t - 1, WORD) && v.is(t - 1, CAP | PRONOUN) || v.punct(t - 1, ")"))
                && v.is(t + 1, CAP | PRONOUN)
            {
                j = t;
                saw_and = true;
                continue;
            }
            if f & (STOP | PRONOUN | CLAUSAL) != 0 {
                break;
            }
            if f & PREP != 0 {
                let ok = words > 0
                    && t > lo
                    && v.is(t - 1, WORD)
                    && !v.is(t - 1, STOP | DET | PRONOUN | PREP | CUEWORD)
                    && (!v.is(t - 1, CAP)
                        || common_noun_opening(v, t - 1)
                        || v.text(t).eq_ignore_ascii_case("of")
                        || v.is(t + 1, CAP));
                if ok {
                    j = t;
                    continue;
                }
                break;
            }
            j = t;
            words += 1;
        } else if f & NUMBER != 0 {
            j = t;
            words += 1;
        } else {
            let s = v.text(t);
            if s == ")" {
                let lo2 = t.saturating_sub(8).max(lo);
                match (lo2..t).rev().find(|&k| v.text(k) == "(") {
                    Some(k) => j = k,
                    None => break,
                }
            } else if s == ","
                && saw_and
                && t > lo
                && (v.is(t - 1, CAP) || v.punct(t - 1, ")"))
                && v.is(t + 1, CAP)
            {
                // "Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez": a list
                j = t;
            } else if (s == "." && v.abbrev_dot(t))
                || ((s == "’" || s == "'") && t > lo && v.touching(t - 1) && words > 0)
                || s == "&"
                || (t > lo && slash_joins_names(v, t))
                || (s == "%" && t > lo && v.is(t - 1, NUMBER))
            {
                j = t;
            } else {
                break;
            }
        }
    }
    // a phrase never starts with a preposition or punctuation
    while j < p && (v.is(j, PREP) && !v.is(j, DET) || v.is(j, PUNCT) && v.text(j) != "(") {
        j += 1;
    }
    // a phrase needs a word, or a share ("42% say")
    if j < p && (j..p).any(|k| v.is(k, WORD) || v.text(k).ends_with('%')) {
        Some((j, p))
    } else {
        None
    }
}

/// Whether token `i` is capitalized only because it opens its sentence ("Officials from the
/// city's finance department said"): no named entity holds it.
fn common_noun_opening(v: &View, i: usize) -> bool {
    let toks = &v.doc.tokens;
    (i == 0 || toks[i - 1].sentence != toks[i].sentence) && !super::speaker::in_entity(v, i)
}

/// How far a right-hand phrase may reach.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A name or description, with one appositive (", the senator from Ohio").
    Appositive,
    /// A name or description, no appositive (before ", CLAUSE").
    Plain,
}

/// The speaker phrase starting at token `q` (before `hi`): tokens `q..b`.
pub fn right_np(v: &View, q: usize, hi: usize, reach: Reach) -> Option<(usize, usize)> {
    // "said Tuesday": a time expression is no speaker
    if q >= hi || !v.is(q, WORD | NUMBER) || v.is(q, TIMEX) {
        return None;
    }
    if v.is(q, PRONOUN) && !v.is(q, DET) {
        return Some((q, q + 1));
    }
    let mut j = q;
    let mut appositive = false;
    let mut last_word = q;
    while j < hi && j - q < MAX_NP + 6 {
        let f = v.flags[j];
        // inside one name ("Center for Responsive Politics", "State Department") any word goes
        if j > q && (same_entity(v, j - 1, j) || v.is(j, CAP) && same_entity(v, j, j)) {
            last_word = j;
            j += 1;
            continue;
        }
        if f & WORD != 0 {
            if f & DET != 0 && f & STOP == 0 {
                // ("the most recent poll" goes on)
                let superlative = v.text(j).eq_ignore_ascii_case("most")
                    && v.text(j - 1).eq_ignore_ascii_case("the");
                // ("a tally by the Associated Press" goes on, too)
                let after_prep = v.is(j - 1, PREP) || v.text(j - 1).eq_ignore_ascii_case("by");
                if j > q && !after_prep && !v.punct(j - 1, ",") && !superlative {
                    break;
                }
            } else if f & (STOP | CLAUSAL | CUEWORD) != 0
                // "the state Division of …", "a post from …": a cue word after a determiner is a noun
                && !(f & (STOP | CLAUSAL) == 0
                    && j > q
                    && v.is(j - 1, DET)
                    // ("according to the Post,": a capitalized one is a name)
                    && (f & CAP != 0
                        || j + 1 < hi && (v.is(j + 1, CAP | PREP) || v.text(j + 1) == "by")))
            {
                // "Mr. Obama and Hillary Clinton never seem …": two names joined by "and"
                let joins_names = j > q
                    && v.text(j).eq_ignore_ascii_case("and")
                    && v.is(j - 1, CAP)
                    && j + 1 < hi
                    && v.is(j + 1, CAP | TITLE)
                    && !v.is(j + 1, DET | PRONOUN);
                if !joins_names {
                    break;
                }
            } else if f & PREP != 0 {
                let ok = j > q
                    && j + 1 < hi
                    && v.is(j + 1, WORD | NUMBER)
                    && !v.is(j + 1, STOP)
                    && (is_lower_word(v, j - 1) && !v.is(j - 1, DET)
                        || v.text(j).eq_ignore_ascii_case("of") && v.is(j + 1, CAP));
                if !ok {
                    break;
                }
            } else if f & PRONOUN != 0 && j > q && !v.is(j - 1, DET) {
                // ("the most recent poll" goes on)
                break;
            } else if j > q && f & GAP != 0 && f & CAP == 0 && v.is(j - 1, CAP) && {
                // (but "One early supporter", "Obama's first budget director")
                let next = j + 1;
                next < hi
                    && v.is(next, WORD)
                    && (v.is(next, CUEWORD | GAP | BE)
                        || v.text(next).len() > 4 && v.text(next).ends_with("ed"))
            } {
                // "Trump quickly said", "Sanders eventually conceded": an adverb or auxiliary
                // after a name, before a verb, ends the phrase
                break;
            } else if j > q && {
                let t = v.text(j);
                t.ends_with("n't") || t.ends_with("n’t")
            } {
                // "Trump wasn't …": a negated auxiliary ends the phrase
                break;
            } else if j > q && f & CAP == 0 && !v.is(j - 1, DET) && {
                let t = v.text(j);
                t.len() > 4 && t.ends_with("ed")
            } {
                // "Farmers criticized …": a past-tense verb ends the phrase
                break;
            }
            last_word = j;
            j += 1;
        } else if f & NUMBER != 0 {
            last_word = j;
            j += 1;
        } else {
            let s = v.text(j);
            if s == "(" {
                match (j + 1..hi.min(j + 8)).find(|&k| v.text(k) == ")") {
                    Some(k) => {
                        last_word = k;
                        j = k + 1;
                    }
                    None => break,
                }
            } else if (s == "." && v.abbrev_dot(j))
                || ((s == "’" || s == "'") && v.touching(j - 1))
                || s == "&"
                || slash_joins_names(v, j)
            {
                last_word = j;
                j += 1;
            } else if s == ","
                && reach == Reach::Appositive
                && !appositive
                && j + 1 < hi
                && v.is(j + 1, WORD)
                && !v.is(j + 1, STOP | PRONOUN | CUEWORD | PREP | CLAUSAL)
                && !v.is(j + 1, GAP)
            {
                appositive = true;
                j += 1;
            } else {
                break;
            }
        }
    }
    // ("said also …", "said to …": a phrase that takes no word is no speaker)
    if j > q && v.is(q, WORD | NUMBER) {
        Some((q, last_word + 1))
    } else {
        None
    }
}

/// The addressee phrase starting at token `q`: an object pronoun, or a short noun phrase.
pub fn addressee(v: &View, q: usize, hi: usize) -> Option<(usize, usize)> {
    if q >= hi || !v.is(q, WORD) || v.is(q, STOP | PREP | THAT | CLAUSAL) && !v.is(q, DET) {
        return None;
    }
    if v.is(q, OBJECT) {
        return Some((q, q + 1));
    }
    if v.is(q, PRONOUN) {
        return None;
    }
    // "warned last month that …": a time expression is no one spoken to
    let at = v.doc.tokens[q].span.start;
    let t = v.doc.timexes.partition_point(|x| x.span.end <= at);
    if v.doc.timexes.get(t).is_some_and(|x| x.span.start <= at) {
        return None;
    }
    let mut j = q;
    while j < hi && j - q < 6 {
        let f = v.flags[j];
        if f & WORD == 0 {
            if v.text(j) == "." && v.abbrev_dot(j)
                || (v.text(j) == "’" || v.text(j) == "'") && v.touching(j - 1)
            {
                j += 1;
                continue;
            }
            break;
        }
        if f & (STOP | PREP | CLAUSAL | THAT) != 0 && !(f & DET != 0 && j == q) {
            break;
        }
        if f & DET != 0 && j > q {
            break;
        }
        // "tells voters she is …": a subject pronoun opens the reported clause
        if f & PRONOUN != 0 && f & OBJECT == 0 && j > q {
            break;
        }
        j += 1;
    }
    (j > q && !(j == q + 1 && v.is(q, DET))).then_some((q, j))
}

/// Whether the token `i` is a slash between two names, touching both ("CNN/ORC",
/// "New York Times/CBS News").
fn slash_joins_names(v: &View, i: usize) -> bool {
    i > 0
        && v.text(i) == "/"
        && v.touching(i - 1)
        && v.touching(i)
        && v.is(i - 1, CAP)
        && v.is(i + 1, CAP)
}

/// Whether tokens `i` and `k` lie inside the same named entity.
fn same_entity(v: &View, i: usize, k: usize) -> bool {
    let ents = &v.doc.entities;
    let a = v.doc.tokens[i].span.start;
    let e = ents.partition_point(|e| e.span.end <= a);
    ents.get(e)
        .is_some_and(|e| e.span.start <= a && v.doc.tokens[k].span.end <= e.span.end)
}
