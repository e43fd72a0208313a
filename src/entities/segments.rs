//! Walking a sentence's units: where names start, gazetteer names with what follows them,
//! titles before and after names.

use super::classify::{classify, Cand};
use super::collect::collect;
use super::evidence::Evidence;
use super::rules::EntityRules;
use super::units::{info, is_name_unit, word, Conn, Kind, Unit};
use super::word_class;
use crate::doc::{EntityLabel, Span};
use crate::words::WordClasses;

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
pub(super) fn segments(
    rules: &EntityRules,
    text: &str,
    us: &[Unit],
    ev: &Evidence,
    out: &mut Vec<Cand>,
) {
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
                    && rules
                        .words
                        .is(word(text, &us[k - 1]), word_class::HONORIFIC)
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
                if !bare_common
                    && (label != EntityLabel::Norp || !names_language(&rules.words, text, us, k))
                {
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
fn names_language(words: &WordClasses, text: &str, us: &[Unit], k: usize) -> bool {
    let prev = k.checked_sub(1).map_or("", |p| word(text, &us[p]));
    let next = us.get(k + 1).map_or(".", |n| word(text, n));
    words.is(prev, word_class::LANGUAGE_VERB) && words.is(next, word_class::AFTER_LANGUAGE)
}
