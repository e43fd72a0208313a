//! The tagger: units (gazetteer forms, titles, capitalized words, connectors) per sentence, then
//! segments of units classified into entities.

use super::evidence::{is_all_caps, is_cap_word, strip_possessive, Evidence, FxMap, FxSet};
use super::lexicon::{Lexicon, WordInfo};
use super::EntityRules;
use crate::doc::{Doc, Entity, EntityLabel, Span, Token, TokenKind};
use crate::words::gazetteer::EntryKind;

/// Connector words that may sit inside a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conn {
    /// "of", "for", "on": after a head word ("University of …").
    Of,
    /// "the" after "of"/"on".
    The,
    /// "&" between capitalized words.
    Amp,
    /// "and" inside a head name: "Ministry of Water and Irrigation".
    And,
    /// Name particles: "van", "de", "bin" …
    Particle,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// A gazetteer name.
    Gaz(EntityLabel),
    /// A title (index into the gazetteer's titles).
    Title(u32),
    /// A capitalized word.
    Cap { weak: bool },
    /// An initial: "W" followed by ".".
    Initial,
    /// A connector.
    Conn(Conn),
    /// A number.
    Num,
    /// Anything that ends a name.
    Break,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    /// First token.
    a: usize,
    /// One past the last token.
    b: usize,
    /// Span, possessive 's excluded.
    span: Span,
    kind: Kind,
    /// True when the last token carried a possessive that the span excludes: the name ends here.
    poss: bool,
    /// The lexicon entry of the unit's word, for the kinds [`caches_info`] names (else default).
    info: WordInfo,
}

/// True for the unit kinds whose lexicon entry [`units`] looks up once and stores: name words,
/// which the tagger asks about several times each.
fn caches_info(k: Kind) -> bool {
    matches!(k, Kind::Cap { .. } | Kind::Initial | Kind::Gaz(_))
}

/// The lexicon entry of a unit's word: stored for name words, looked up for the rest.
fn info(lex: &Lexicon, text: &str, u: &Unit) -> WordInfo {
    if caches_info(u.kind) {
        u.info
    } else {
        lex.info(word(text, u))
    }
}

/// A candidate entity before document-level fixes.
#[derive(Clone, Copy, Debug)]
struct Cand {
    span: Span,
    label: EntityLabel,
    /// True for a one-word name labeled by default (no gazetteer, head, title or given name).
    guess: bool,
    /// Set when document-level evidence rejects the candidate.
    drop: bool,
}

fn conn_of(w: &str) -> Option<Conn> {
    if w.len() > 5 {
        return None;
    }
    Some(match w {
        "of" | "for" | "on" | "de" | "du" | "des" => {
            if matches!(w, "de" | "du" | "des") {
                Conn::Particle
            } else {
                Conn::Of
            }
        }
        "the" => Conn::The,
        "and" => Conn::And,
        "van" | "von" | "der" | "den" | "da" | "di" | "del" | "della" | "la" | "le" | "bin"
        | "ibn" | "al" | "el" | "ben" | "y" | "dos" | "das" | "ter" => Conn::Particle,
        _ => return None,
    })
}

/// Builds the units of the tokens `toks` (one sentence, starting at doc token `base`).
fn units(
    rules: &EntityRules,
    text: &str,
    toks: &[Token],
    base: usize,
    ev: &Evidence,
    out: &mut Vec<Unit>,
) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let w = t.span.slice(text);
        let unit = |b: usize, span: Span, kind: Kind, poss: bool| Unit {
            a: base + i,
            b: base + b,
            span,
            kind,
            poss,
            info: if caches_info(kind) {
                rules.lex.info(span.slice(text))
            } else {
                WordInfo::default()
            },
        };
        if t.kind == TokenKind::Word {
            let caps = w.len() >= 2 && is_all_caps(w);
            let exact = rules.gaz.match_at(text, t.span.start);
            let upper = if caps {
                rules.gaz.match_caps_at(text, t.span.start)
            } else {
                None
            };
            let mut matched = None;
            for (mend, e) in exact.into_iter().chain(upper) {
                // the match must end on a token end (or before a possessive 's)
                let mut j = i;
                while j < toks.len() && toks[j].span.end < mend {
                    j += 1;
                }
                if j < toks.len() {
                    let tj = toks[j];
                    let core_end = tj.span.start + strip_possessive(tj.span.slice(text)).len();
                    if tj.span.end == mend || (core_end == mend && core_end != tj.span.end) {
                        let kind = match e.kind {
                            EntryKind::Name(l) => Kind::Gaz(l),
                            EntryKind::Title(x) => Kind::Title(x),
                        };
                        let poss = mend != tj.span.end;
                        out.push(unit(j + 1, Span::new(t.span.start, mend), kind, poss));
                        matched = Some(j + 1);
                        break;
                    }
                }
            }
            if let Some(next) = matched {
                i = next;
                continue;
            }
            // "Jan. 5", "Oct. 6", "No. 9": an abbreviation before a number is no name
            let cap = is_cap_word(w);
            let upper_start = w.as_bytes()[0].is_ascii_uppercase();
            let before_number = upper_start
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.span.start == t.span.end && n.span.slice(text) == ".")
                && toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number);
            // "Ban Ki-moon", "Lee Cheuk-yan": a romanized given name after a capitalized word
            let romanized = !cap
                && upper_start
                && !ev.weak[base + i]
                && out
                    .last()
                    .is_some_and(|u| matches!(u.kind, Kind::Cap { .. }))
                && w.split_once('-').is_some_and(|(a, b)| {
                    a.chars().next().is_some_and(char::is_uppercase)
                        && a.chars().count() <= 6
                        && (2..=5).contains(&b.chars().count())
                        && b.chars().all(|c| c.is_lowercase())
                });
            if (cap || romanized) && !before_number {
                let core = strip_possessive(w);
                let poss = core.len() != w.len();
                let span = Span::new(t.span.start, t.span.start + core.len());
                // "W." initial
                if core.len() == 1
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.span.start == t.span.end && n.span.slice(text) == ".")
                {
                    out.push(unit(
                        i + 2,
                        Span::new(t.span.start, t.span.end + 1),
                        Kind::Initial,
                        false,
                    ));
                    i += 2;
                    continue;
                }
                out.push(unit(
                    i + 1,
                    span,
                    Kind::Cap {
                        weak: ev.weak[base + i],
                    },
                    poss,
                ));
                i += 1;
                continue;
            }
            let kind = conn_of(w).map_or(Kind::Break, Kind::Conn);
            out.push(unit(i + 1, t.span, kind, false));
        } else if t.kind == TokenKind::Number {
            out.push(unit(i + 1, t.span, Kind::Num, false));
        } else {
            let kind = if w == "&" {
                Kind::Conn(Conn::Amp)
            } else {
                Kind::Break
            };
            out.push(unit(i + 1, t.span, kind, false));
        }
        i += 1;
    }
}

/// Tags one document.
pub fn tag(rules: &EntityRules, doc: &mut Doc) {
    let text = doc.text.as_str();
    let ev = Evidence::gather(doc);
    let mut cands: Vec<Cand> = Vec::new();
    let mut buf: Vec<Unit> = Vec::new();
    for r in doc.sentence_token_ranges() {
        units(rules, text, &doc.tokens[r.clone()], r.start, &ev, &mut buf);
        segments(rules, text, &buf, &ev, &mut cands);
    }
    fix_guesses(text, &rules.lex, &mut cands);
    drop_headline_only_persons(rules, doc, &ev, &mut cands);
    doc.entities = cands
        .into_iter()
        .filter(|c| !c.drop)
        .map(|c| Entity {
            span: with_abbreviation_dot(rules, text, c.span, c.label),
            label: c.label,
        })
        .collect();
    add_transcript_labels(doc);
}

/// "Grain Firms Push Back": a PERSON found only in a Title-Case headline, with no given name and
/// none of its words capitalized in the body, is a headline's capitals, not a name.
fn drop_headline_only_persons(rules: &EntityRules, doc: &Doc, ev: &Evidence, cands: &mut [Cand]) {
    let text = doc.text.as_str();
    for c in cands
        .iter_mut()
        .filter(|c| c.label == EntityLabel::Person && !c.drop)
    {
        let t = doc.tokens.partition_point(|t| t.span.start < c.span.start);
        if !ev.headline.get(t).copied().unwrap_or(false) {
            continue;
        }
        let name = c.span.slice(text);
        let given = name
            .split(' ')
            .next()
            .is_some_and(|f| rules.lex.info(f).is_given());
        let in_body = name
            .split(' ')
            .any(|w| ev.seen_strong(super::evidence::strip_possessive(w)));
        if !given && !in_body {
            c.drop = true;
        }
    }
}

/// "Prairie Harvest Grain Co.": an organization whose last word is a head listed with its
/// period in `name_heads.txt` ("Co.", "Inc.", "Corp.") keeps the period.
fn with_abbreviation_dot(rules: &EntityRules, text: &str, span: Span, label: EntityLabel) -> Span {
    if label != EntityLabel::Org || !text[span.end..].starts_with('.') {
        return span;
    }
    let last = text[span.start..span.end]
        .rfind(' ')
        .map_or(span.start, |i| span.start + i + 1);
    match rules.lex.head(&text[last..span.end + 1]) {
        Some(EntityLabel::Org) => Span::new(span.start, span.end + 1),
        _ => span,
    }
}

/// "HALE: We will not raise taxes.": a transcript label in capitals that is the surname of a
/// person named in the document is a mention of that person.
fn add_transcript_labels(doc: &mut Doc) {
    let text = doc.text.as_str();
    let mut found: Vec<Entity> = Vec::new();
    for para in doc.paragraphs.iter().skip(1) {
        let Some((a, b)) = crate::words::labels::label(para.slice(text)) else {
            continue;
        };
        let span = Span::new(para.start + a, para.start + b);
        let label = span.slice(text);
        let surname = label.rsplit(' ').next().unwrap_or(label);
        let known = doc.entities.iter().any(|e| {
            e.label == EntityLabel::Person
                && e.span.slice(text).contains(' ')
                && e.span
                    .slice(text)
                    .rsplit(' ')
                    .next()
                    .is_some_and(|l| l.chars().flat_map(char::to_uppercase).eq(surname.chars()))
        });
        let free = !doc.entities.iter().any(|e| e.span.overlaps(span));
        if known && free {
            found.push(Entity {
                span,
                label: EntityLabel::Person,
            });
        }
    }
    if !found.is_empty() {
        doc.entities.extend(found);
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// The word of a unit (its span's text).
fn word<'t>(text: &'t str, u: &Unit) -> &'t str {
    u.span.slice(text)
}

fn is_name_unit(k: Kind) -> bool {
    matches!(k, Kind::Cap { .. } | Kind::Initial)
}

/// Collects the name that starts at unit `k`, classifies it into `out`, and returns the unit
/// after it.
fn name_at(
    rules: &EntityRules,
    text: &str,
    us: &[Unit],
    k: usize,
    titled: bool,
    ev: &Evidence,
    out: &mut Vec<Cand>,
) -> usize {
    let prev_the = k > 0 && word(text, &us[k - 1]).eq_ignore_ascii_case("the");
    let prev_word = if k > 0 { word(text, &us[k - 1]) } else { "" };
    let e = collect(rules, text, us, k, ev);
    classify(rules, text, &us[k..e], titled, prev_the, prev_word, ev, out);
    e.max(k + 1)
}

/// Walks a sentence's units and emits candidates.
fn segments(rules: &EntityRules, text: &str, us: &[Unit], ev: &Evidence, out: &mut Vec<Cand>) {
    let lex = &rules.lex;
    let mut k = 0;
    // index of the unit right after the last title, if the title directly precedes
    let mut after_title: Option<usize> = None;
    while k < us.len() {
        let u = us[k];
        match u.kind {
            Kind::Title(_)
                if after_title == Some(k)
                    && k > 0
                    && matches!(
                        word(text, &us[k - 1]),
                        "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Miss"
                    )
                    && !word(text, &u).ends_with('.')
                    && !ev.seen_lower(word(text, &u))
                    && !text[u.span.end..].starts_with(',')
                    && !us.get(k + 1).is_some_and(|n| is_name_unit(n.kind)) =>
            {
                // "Mr. King": a title word after an honorific is a surname (not "Mr. President,"
                // nor a word the text also writes in lowercase)
                out.push(Cand {
                    span: u.span,
                    label: EntityLabel::Person,
                    guess: false,
                    drop: false,
                });
                after_title = None;
                k += 1;
            }
            Kind::Title(_) => {
                // a one-word title right after a name and before no name is a surname ("Luther King")
                after_title = Some(k + 1);
                k += 1;
            }
            Kind::Gaz(EntityLabel::Gpe | EntityLabel::Org)
                if !u.poss
                    && us.get(k + 1).is_some_and(|n| {
                        n.kind == Kind::Gaz(EntityLabel::Org)
                            && text.get(u.span.end..n.span.start) == Some(" ")
                    }) =>
            {
                // "US State Department", "U.S. Congress": the country's organization;
                // "United Nations Security Council": an organization's own body
                out.push(Cand {
                    span: Span::new(u.span.start, us[k + 1].span.end),
                    label: EntityLabel::Org,
                    guess: false,
                    drop: false,
                });
                after_title = None;
                k += 2;
            }
            Kind::Gaz(label) => {
                // a gazetteer name followed by capitalized words: one longer name?
                let mut e = k + 1;
                if !u.poss && us.get(k + 1).is_some_and(|n| is_name_unit(n.kind)) {
                    e = collect(rules, text, us, k + 1, ev);
                }
                if e > k + 1 && !matches!(us[k + 1].kind, Kind::Cap { weak: true }) {
                    let last = &us[e - 1];
                    // the head: the last word, else the word before "of"
                    let of_head = us[k + 1..e]
                        .iter()
                        .position(|x| matches!(x.kind, Kind::Conn(Conn::Of)))
                        .filter(|&p| p > 0)
                        .map(|p| &us[k + p]);
                    let head = info(lex, text, last)
                        .head_label()
                        .or_else(|| of_head.and_then(|h| info(lex, text, h).head_label()));
                    let first_given = info(lex, text, &us[k + 1]).is_given();
                    if let Some(h) = head {
                        out.push(Cand {
                            span: Span::new(u.span.start, last.span.end),
                            label: h,
                            guess: false,
                            drop: false,
                        });
                        k = e;
                        after_title = None;
                        continue;
                    }
                    if matches!(label, EntityLabel::Gpe | EntityLabel::Loc) && !first_given {
                        out.push(Cand {
                            span: Span::new(u.span.start, last.span.end),
                            label: EntityLabel::Org,
                            guess: false,
                            drop: false,
                        });
                        k = e;
                        after_title = None;
                        continue;
                    }
                }
                // a gazetteer form that is also a common word ("South") needs "the" before it
                let bare_common = info(lex, text, &u).common
                    && !k
                        .checked_sub(1)
                        .is_some_and(|p| word(text, &us[p]).eq_ignore_ascii_case("the"));
                if !bare_common && (label != EntityLabel::Norp || !names_language(text, us, k)) {
                    out.push(Cand {
                        span: u.span,
                        label,
                        guess: false,
                        drop: false,
                    });
                }
                after_title = None;
                k += 1;
            }
            Kind::Cap { weak } if weak || info(lex, text, &u).common => {
                // a sentence start or common word opens a name only before a head word
                let w = word(text, &u);
                let common = info(lex, text, &u).common;
                let headline_verb = ev.headline[u.a] && w.ends_with('s') && !ev.seen_strong(w);
                let not_name = common || ev.seen_lower(w) || headline_verb;
                if not_name {
                    let e = collect(rules, text, us, k, ev);
                    let head_end = e > k + 1 && info(lex, text, &us[e - 1]).is_head();
                    let head_start = e > k + 1 && info(lex, text, &u).is_head() && !common;
                    if !head_start && (weak || !head_end) {
                        after_title = None;
                        k += 1;
                        continue;
                    }
                }
                k = name_at(rules, text, us, k, after_title == Some(k), ev, out);
                after_title = None;
            }
            Kind::Cap { .. } | Kind::Initial => {
                k = name_at(rules, text, us, k, after_title == Some(k), ev, out);
                after_title = None;
            }
            Kind::Conn(Conn::Particle)
                if us
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.kind, Kind::Cap { weak: false }))
                    && k.checked_sub(1).is_none_or(|p| !is_name_unit(us[p].kind)) =>
            {
                // "van Dam", "de Blasio": a surname with its particle
                let e = collect(rules, text, us, k + 1, ev);
                let titled = after_title == Some(k);
                classify(rules, text, &us[k..e], titled, false, "", ev, out);
                after_title = None;
                k = e;
            }
            _ => {
                after_title = None;
                k += 1;
            }
        }
    }
}

/// True when the demonym at unit `k` names a language ("written in English, by …", "spoke
/// French and …"): a language is not a group of people.
fn names_language(text: &str, us: &[Unit], k: usize) -> bool {
    let prev = k.checked_sub(1).map_or("", |p| word(text, &us[p]));
    let next = us.get(k + 1).map_or(".", |n| word(text, n));
    let language_verb = matches!(
        prev,
        "in" | "In"
            | "into"
            | "speak"
            | "speaks"
            | "spoke"
            | "speaking"
            | "learn"
            | "learned"
            | "taught"
            | "translated"
    );
    let no_noun_after = matches!(
        next,
        "." | ","
            | ";"
            | ":"
            | ")"
            | "by"
            | "is"
            | "was"
            | "are"
            | "were"
            | "which"
            | "and"
            | "or"
            | "that"
            | "it"
            | "as"
            | "to"
            | "for"
            | "with"
            | "fluently"
            | "at"
    );
    language_verb && no_noun_after
}

/// True for a plural whose singular the document also writes ("Polaroids" beside "Polaroid",
/// "Studies" beside "study") or a plural acronym ("LLMs").
fn is_plural_noun(w: &str, ev: &Evidence) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    if stem.len() < 2 || stem.ends_with('s') {
        return false;
    }
    if is_all_caps(stem) {
        return true;
    }
    let y_stem = stem.strip_suffix("ie").map(|s| format!("{s}y"));
    ev.seen_strong(stem)
        || ev.seen_lower(stem)
        || y_stem.is_some_and(|y| ev.seen_lower(&y) || ev.seen_strong(&y))
}

/// The most units one name may hold ("Treaty on the Non-Proliferation of Nuclear Weapons" is 7).
const MAX_NAME_UNITS: usize = 12;

/// The end (exclusive unit index) of the name starting at unit `k`.
fn collect(rules: &EntityRules, text: &str, us: &[Unit], k: usize, ev: &Evidence) -> usize {
    let lex = &rules.lex;
    let first = info(lex, text, &us[k]);
    let mut has_head = first.is_head() && !first.is_given();
    let mut end = k + 1;
    if us[k].poss {
        return end;
    }
    let mut e = k + 1;
    // no name runs longer than this: keeps every call short on pathological capital runs
    let limit = us.len().min(k + MAX_NAME_UNITS);
    while e < limit {
        match us[e].kind {
            Kind::Cap { weak: true }
                if {
                    let w = word(text, &us[e]);
                    info(lex, text, &us[e]).common
                        || ev.seen_lower(w)
                        || (ev.headline[us[e].a] && w.ends_with('s') && !ev.seen_strong(w))
                } =>
            {
                break; // a headline word that is no name ("Bill Heads …", "Talks Stall")
            }
            Kind::Cap { .. } | Kind::Initial => {
                has_head |= info(lex, text, &us[e]).is_head();
                e += 1;
                end = e;
                if us[e - 1].poss {
                    break;
                }
            }
            Kind::Gaz(EntityLabel::Gpe | EntityLabel::Loc) => {
                // "University of Texas", "Michael Jordan"
                e += 1;
                end = e;
                if us[e - 1].poss {
                    break;
                }
            }
            Kind::Num if has_head && info(lex, text, &us[e - 1]).is_head() => {
                e += 1;
                end = e;
            }
            Kind::Conn(Conn::And) if and_to_head(rules, text, us, k, e).is_some() => {
                // "Central and East European Coalition": on to the head word
                e = and_to_head(rules, text, us, k, e).unwrap_or(e) + 1;
                end = e;
                has_head = true;
            }
            Kind::Conn(c) => {
                let ok = match c {
                    Conn::Of | Conn::The => has_head,
                    Conn::And => {
                        // "Ministry of Water and Irrigation": after a literal "of", before a name
                        let after_of = has_head
                            && us[k..e]
                                .iter()
                                .any(|x| x.kind == Kind::Conn(Conn::Of) && word(text, x) == "of");
                        after_of
                            && us
                                .get(e + 1)
                                .is_some_and(|n| matches!(n.kind, Kind::Cap { weak: false }))
                    }
                    Conn::Amp => has_head,
                    Conn::Particle => !has_head,
                };
                if !ok {
                    break;
                }
                // connectors must lead to a name word
                let mut f = e + 1;
                // "Committee for a Responsible Federal Budget"
                if c == Conn::Of
                    && word(text, &us[e]) == "for"
                    && us.get(f).is_some_and(|n| word(text, n) == "a")
                {
                    f += 1;
                }
                while f < us.len() && matches!(us[f].kind, Kind::Conn(Conn::The | Conn::Particle)) {
                    f += 1;
                }
                if f < us.len() && matches!(us[f].kind, Kind::Cap { weak: false } | Kind::Gaz(_)) {
                    e = f;
                } else {
                    break;
                }
            }
            Kind::Title(_) => {
                // "Martin Luther King": a single-word title not followed by a name
                let w = word(text, &us[e]);
                let next_name = us.get(e + 1).is_some_and(|n| is_name_unit(n.kind));
                if us[e].b - us[e].a == 1 && !w.ends_with('.') && !next_name && !has_head {
                    e += 1;
                    end = e;
                }
                break;
            }
            _ => break,
        }
    }
    end
}

/// "United States Citizenship and Immigration Services": an "and" (unit `e`) inside a name that
/// did not open with a given name, followed by capitalized words (or known names: "East
/// European") that end in an organization's head word ("Services", "Coalition") where the name
/// ends. Returns the head word's unit.
fn and_to_head(rules: &EntityRules, text: &str, us: &[Unit], k: usize, e: usize) -> Option<usize> {
    let lex = &rules.lex;
    if info(lex, text, &us[k]).is_given() || us[k..e].iter().any(|u| u.poss) {
        return None;
    }
    let mut f = e + 1;
    while f < us.len()
        && f < e + 5
        && matches!(us[f].kind, Kind::Cap { weak: false } | Kind::Gaz(_))
    {
        if info(lex, text, &us[f]).head_label() == Some(EntityLabel::Org)
            && !us.get(f + 1).is_some_and(|n| is_name_unit(n.kind))
        {
            return Some(f);
        }
        if us[f].poss {
            return None;
        }
        f += 1;
    }
    None
}

/// Classifies the name `seg` (units of one collected name) and emits it.
#[allow(clippy::too_many_arguments)]
fn classify(
    rules: &EntityRules,
    text: &str,
    seg: &[Unit],
    titled: bool,
    prev_the: bool,
    prev_word: &str,
    ev: &Evidence,
    out: &mut Vec<Cand>,
) {
    let lex = &rules.lex;
    let last_head = seg.last().and_then(|u| info(lex, text, u).head_label());
    // drop leading words that are not names here
    let mut s = 0;
    let mut the = prev_the;
    while s < seg.len() {
        let u = &seg[s];
        let w = word(text, u);
        let weak = matches!(u.kind, Kind::Cap { weak: true });
        let u_info = info(lex, text, u);
        let common = u_info.common;
        let head_first = s + 1 < seg.len() && u_info.is_head() && !common;
        let drop = match u.kind {
            Kind::Cap { .. } if head_first => false,
            Kind::Cap { .. } => {
                (common && (weak || last_head.is_none() || seg.len() == 1))
                    || (weak && ev.seen_lower(w))
                    || (weak && is_all_caps(w) && ev.seen_lower(w))
            }
            Kind::Conn(Conn::Particle) => s + 1 >= seg.len(),
            Kind::Conn(_) => true,
            _ => false,
        };
        if !drop {
            break;
        }
        the = w.eq_ignore_ascii_case("the");
        s += 1;
    }
    // trailing connectors or common words
    let mut e = seg.len();
    while e > s {
        let u = &seg[e - 1];
        let after_given = || e >= 2 && info(lex, text, &seg[e - 2]).is_given();
        let trailing_common = matches!(u.kind, Kind::Cap { .. })
            && info(lex, text, u).common
            && last_head.is_none()
            && !after_given();
        if matches!(u.kind, Kind::Conn(_)) || trailing_common {
            e -= 1;
        } else {
            break;
        }
    }
    if s >= e {
        return;
    }
    let mut seg = &seg[s..e];
    // "Crooked Hillary Clinton", "Miss Universe Alicia Machado": a name starts at its given name
    let stray = |u: &Unit| info(lex, text, u).common || ev.seen_lower(word(text, u)) || titled;
    if seg.len() >= 3
        && !info(lex, text, &seg[0]).is_given()
        && stray(&seg[0])
        && !info(lex, text, &seg[seg.len() - 1]).is_head()
    {
        if let Some(p) = (1..seg.len() - 1).find(|&p| {
            matches!(seg[p].kind, Kind::Cap { .. }) && info(lex, text, &seg[p]).is_given()
        }) {
            seg = &seg[p..];
        }
    }
    let first = &seg[0];
    let last = &seg[seg.len() - 1];
    let span = Span::new(first.span.start, last.span.end);
    let first_w = word(text, first);
    let first_info = info(lex, text, first);
    let n_words = seg
        .iter()
        .filter(|u| !matches!(u.kind, Kind::Conn(_)))
        .count();
    let given = first_info.is_given();
    // the head: the last word, else the word before "of", else the first word
    let of_at = seg
        .iter()
        .position(|u| matches!(u.kind, Kind::Conn(Conn::Of)));
    let before_of = of_at.filter(|&p| p > 0).map(|p| &seg[p - 1]);
    let push = |out: &mut Vec<Cand>, label, guess| {
        out.push(Cand {
            span,
            label,
            guess,
            drop: false,
        })
    };

    let particle = seg
        .iter()
        .any(|u| matches!(u.kind, Kind::Conn(Conn::Particle)));
    if particle && !(n_words > 1 && first_info.is_head()) {
        return push(out, EntityLabel::Person, false);
    }
    if n_words == 1 {
        if let Kind::Gaz(l) = first.kind {
            return push(out, l, false);
        }
        if matches!(first.kind, Kind::Initial) || first_w.chars().count() == 1 {
            return; // a lone initial or letter
        }
        if first_info.is_head() && !titled {
            return; // a lone head word ("Street", "University") is not a name
        }
    }
    if n_words > 1 {
        // one lookup each: `Some(None)` is a head word with no label
        if let Some(head) = info(lex, text, last).head {
            if let Some(h) = head {
                push(out, h, false);
            }
            return;
        }
        if let Some(head) = before_of.and_then(|u| info(lex, text, u).head) {
            if let Some(h) = head {
                push(out, h, false);
            }
            return;
        }
        if !given && !titled {
            if let Some(h) = first_info.head_label() {
                if !matches!(h, EntityLabel::Org) {
                    return push(out, h, false);
                }
            }
        }
    }
    let weak_single = n_words == 1 && matches!(first.kind, Kind::Cap { weak: true });
    if titled {
        return push(out, EntityLabel::Person, false);
    }
    if weak_single && (!given || ev.headline[first.a]) && !ev.seen_strong(first_w) {
        return; // a capitalized sentence start with no other sign of being a name
    }
    if given {
        return push(out, EntityLabel::Person, n_words == 1);
    }
    if n_words > 1 {
        let label = if the {
            EntityLabel::Org
        } else {
            EntityLabel::Person
        };
        return push(out, label, false);
    }
    // one unknown capitalized word
    if ev.seen_lower(first_w) || is_plural_noun(first_w, ev) {
        return; // a common noun capitalized for emphasis, or a plural ("Polaroids", "LLMs")
    }
    if is_all_caps(first_w) && first_w.chars().count() <= 6 {
        return push(out, EntityLabel::Org, true);
    }
    if the {
        return push(out, EntityLabel::Org, true);
    }
    if matches!(
        prev_word,
        "in" | "at"
            | "from"
            | "near"
            | "In"
            | "At"
            | "From"
            | "across"
            | "outside"
            | "into"
            | "around"
            | "throughout"
            | "towards"
            | "toward"
            | "via"
            | "inside"
            | "Near"
    ) {
        return push(out, EntityLabel::Gpe, true);
    }
    push(out, EntityLabel::Person, true)
}

/// Document-level consistency: a one-word guess takes the label of a longer name that holds it
/// ("Warhol" after "Andy Warhol"), else the label its other guesses got from context ("in York").
fn fix_guesses(text: &str, lex: &super::Lexicon, cands: &mut [Cand]) {
    // every fix below changes guesses only, and looks up their words only
    let guessed: FxSet<&str> = cands
        .iter()
        .filter(|c| c.guess)
        .map(|c| c.span.slice(text))
        .collect();
    if guessed.is_empty() {
        return;
    }
    let mut known: FxMap<&str, EntityLabel> = FxMap::default();
    // words of full person names first: "Warhol" is a person even inside an organization's name
    for pass in [true, false] {
        for c in cands.iter() {
            if c.guess {
                continue;
            }
            let s = c.span.slice(text);
            if s.contains(' ') {
                let person = c.label == EntityLabel::Person;
                if person == pass && matches!(c.label, EntityLabel::Person | EntityLabel::Org) {
                    for w in s.split(' ') {
                        if guessed.contains(w)
                            && !{
                                let i = lex.info(w);
                                i.is_head() || i.common
                            }
                            && w.chars().count() > 1
                        {
                            known.entry(w).or_insert(c.label);
                        }
                    }
                }
            } else if !pass && guessed.contains(s) {
                known.entry(s).or_insert(c.label);
            }
        }
    }
    // context votes among guesses: a word labeled by context ("in York", "the Onion") in at
    // least a third of its guesses takes that label everywhere
    // "Coron, Palawan", "Tulsa, Oklahoma": a one-word guess before ", <place>" is a place
    for i in 1..cands.len() {
        let (a, b) = (cands[i - 1], cands[i]);
        if a.guess
            && !b.guess
            && b.label == EntityLabel::Gpe
            && text.get(a.span.end..b.span.start) == Some(", ")
        {
            cands[i - 1].label = EntityLabel::Gpe;
        }
    }
    // (all guesses, "in X" GPE guesses, "the X" ORG guesses)
    let mut votes: FxMap<&str, (u32, u32, u32)> = FxMap::default();
    for c in cands.iter() {
        if c.guess {
            let v = votes.entry(c.span.slice(text)).or_insert((0, 0, 0));
            v.0 += 1;
            match c.label {
                EntityLabel::Gpe => v.1 += 1,
                EntityLabel::Org => v.2 += 1,
                _ => {}
            }
        }
    }
    let votes: FxMap<&str, EntityLabel> = votes
        .into_iter()
        .map(|(w, (n, gpe, org))| {
            let label = if (gpe + org) * 3 < n {
                EntityLabel::Person
            } else if org >= gpe {
                EntityLabel::Org
            } else {
                EntityLabel::Gpe
            };
            (w, label)
        })
        .collect();
    // acronyms: kept only when a longer name in the document spells them out
    let mut initials: FxMap<String, EntityLabel> = FxMap::default();
    let acronym_guess =
        |c: &Cand| c.guess && c.label == EntityLabel::Org && is_all_caps(c.span.slice(text));
    let any_acronym = cands.iter().any(acronym_guess);
    for c in cands.iter().filter(|_| any_acronym) {
        let s = c.span.slice(text);
        if !c.guess && s.contains(' ') {
            let ini: String = s
                .split(' ')
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            if ini.chars().count() >= 2 {
                initials.entry(ini).or_insert(c.label);
            }
        }
    }
    for c in cands.iter_mut() {
        if acronym_guess(c) {
            match initials.get(c.span.slice(text)) {
                Some(&l) if l != EntityLabel::Person => {
                    c.label = l;
                    c.guess = false;
                }
                _ => c.drop = true,
            }
        }
    }
    for c in cands.iter_mut() {
        if c.guess {
            let w = c.span.slice(text);
            if let Some(&l) = known.get(w).or_else(|| votes.get(w)) {
                c.label = l;
            }
        }
    }
}
