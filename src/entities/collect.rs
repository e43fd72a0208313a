//! Collecting a name: how far a run of name units reaches past connectors, numbers and titles.

use super::evidence::Evidence;
use super::rules::EntityRules;
use super::units::{info, is_name_unit, word, Conn, Kind, Unit};
use crate::doc::EntityLabel;

/// The most units one name may hold ("Treaty on the Non-Proliferation of Nuclear Weapons" is 7).
const MAX_NAME_UNITS: usize = 12;

/// The end (exclusive unit index) of the name starting at unit `k`.
pub(super) fn collect(
    rules: &EntityRules,
    text: &str,
    us: &[Unit],
    k: usize,
    ev: &Evidence,
) -> usize {
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
