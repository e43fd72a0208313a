//! Classifying one collected name: which of its words belong to it and which label it takes.

use super::evidence::{is_all_caps, Evidence};
use super::rules::EntityRules;
use super::units::{info, word, Conn, Kind, Unit};
use super::word_class;
use crate::doc::{EntityLabel, Span};

/// A candidate entity before document-level fixes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cand {
    /// The name's text.
    pub(super) span: Span,
    /// Its label.
    pub(super) label: EntityLabel,
    /// True for a one-word name labeled by default (no gazetteer, head, title or given name).
    pub(super) guess: bool,
    /// Set when document-level evidence rejects the candidate.
    pub(super) drop: bool,
}

/// Classifies the name `seg` (units of one collected name) and emits it.
#[allow(clippy::too_many_arguments)]
pub(super) fn classify(
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
    let stray = |u: &Unit| {
        let i = info(lex, text, u);
        i.common || i.english || ev.seen_lower(word(text, u)) || titled
    };
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
        if the {
            return push(out, EntityLabel::Org, false);
        }
        // "Social Security", "Dynamic Equivalence", "Best Actor": capitalized words with no given
        // name, title or head, one of which the document also writes lowercase or is an everyday
        // English word, are a term capitalized as a title, not a person's name
        let term = seg.iter().any(|u| {
            let w = word(text, u);
            matches!(u.kind, Kind::Cap { .. })
                && w.len() > 2
                && (ev.seen_lower(w) || info(lex, text, u).english)
        });
        if term {
            return;
        }
        return push(out, EntityLabel::Person, false);
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
    if rules.words.is(prev_word, word_class::PLACE_PREP) {
        return push(out, EntityLabel::Gpe, true);
    }
    push(out, EntityLabel::Person, true)
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
