//! Units: the pieces a sentence's names are built from (gazetteer forms, titles, capitalized
//! words, initials, connectors, numbers, breaks), one per token or run of tokens.

use super::evidence::{is_all_caps, is_cap_word, strip_possessive, Gathering};
use super::lexicon::{Lexicon, WordInfo};
use super::rules::EntityRules;
use super::word_class;
use crate::doc::{EntityLabel, Span, Token, TokenKind};
use crate::words::gazetteer::EntryKind;
use crate::words::WordClasses;

/// Connector words that may sit inside a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Conn {
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

/// What a unit is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
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

/// One piece of a sentence: a token, or the tokens of one gazetteer form or initial.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    /// First token.
    pub(super) a: usize,
    /// One past the last token.
    pub(super) b: usize,
    /// Span, possessive 's excluded.
    pub(super) span: Span,
    /// What the unit is.
    pub(super) kind: Kind,
    /// True when the last token carried a possessive that the span excludes: the name ends here.
    pub(super) poss: bool,
    /// The lexicon entry of the unit's word, for the kinds [`caches_info`] names (else default).
    pub(super) info: WordInfo,
}

/// True for the unit kinds whose lexicon entry [`units`] looks up once and stores: name words,
/// which the tagger asks about several times each.
fn caches_info(k: Kind) -> bool {
    matches!(k, Kind::Cap { .. } | Kind::Initial | Kind::Gaz(_))
}

/// The lexicon entry of a unit's word: stored for name words, looked up for the rest.
pub(super) fn info(lex: &Lexicon, text: &str, u: &Unit) -> WordInfo {
    if caches_info(u.kind) {
        u.info
    } else {
        lex.info(word(text, u))
    }
}

/// The connector a lowercase word is, if it is one ("the" and "and" are grammar; the words
/// that join names and the name particles are `entity_words.txt`'s `of` and `particle`).
fn conn_of(words: &WordClasses, t: &Token, w: &str) -> Option<Conn> {
    match w {
        "the" => return Some(Conn::The),
        "and" => return Some(Conn::And),
        _ => {}
    }
    if !words.token_is(t.word, w, word_class::OF | word_class::PARTICLE) {
        None
    } else if words.is(w, word_class::OF) {
        Some(Conn::Of)
    } else {
        Some(Conn::Particle)
    }
}

/// Builds the units of the tokens `toks` (one sentence, starting at doc token `base`, whose
/// weak positions `ev` has marked) after those in `out`, noting every word token in `ev`.
pub(super) fn units<'t>(
    rules: &EntityRules,
    text: &'t str,
    toks: &[Token],
    base: usize,
    ev: &mut Gathering<'t>,
    out: &mut Vec<Unit>,
) {
    // this sentence's units are `out[first..]`
    let first = out.len();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let w: &'t str = t.span.slice(text);
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
            let cap = is_cap_word(w);
            ev.word(base + i, w, || cap);
            let caps = w.len() >= 2 && is_all_caps(w);
            // the byte filters first (most tokens stop there), then the token's word
            let may_start = || {
                let next = text.as_bytes().get(t.span.end).copied();
                rules.starts.may_start(t.word, next)
            };
            let exact = if rules.gaz.may_match_at(text, t.span.start) && may_start() {
                rules.gaz.find_at(text, t.span.start)
            } else {
                None
            };
            let upper = if caps && may_start() {
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
                // the form's other words go into the evidence too
                for (k, n) in toks.iter().enumerate().take(next).skip(i + 1) {
                    if n.kind == TokenKind::Word {
                        let nw: &'t str = n.span.slice(text);
                        ev.word(base + k, nw, || is_cap_word(nw));
                    }
                }
                i = next;
                continue;
            }
            // "Jan. 5", "Oct. 6", "No. 9": an abbreviation before a number is no name
            let upper_start = w.as_bytes()[0].is_ascii_uppercase();
            let before_number = upper_start
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.span.start == t.span.end && n.span.slice(text) == ".")
                && toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number);
            // "Ban Ki-moon", "Lee Cheuk-yan": a romanized given name after a capitalized word
            let romanized = !cap
                && upper_start
                && !ev.weak(base + i)
                && out[first..]
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
                        weak: ev.weak(base + i),
                    },
                    poss,
                ));
                i += 1;
                continue;
            }
            let kind = conn_of(&rules.words, &t, w).map_or(Kind::Break, Kind::Conn);
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

/// The word of a unit (its span's text).
pub(super) fn word<'t>(text: &'t str, u: &Unit) -> &'t str {
    u.span.slice(text)
}

/// True for the units a person's name is made of: capitalized words and initials.
pub(super) fn is_name_unit(k: Kind) -> bool {
    matches!(k, Kind::Cap { .. } | Kind::Initial)
}
