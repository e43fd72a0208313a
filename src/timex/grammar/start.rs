//! Cheap tests before the patterns: may an expression start at a token, or go on through it.

use super::Matcher;
use crate::timex::lexicon::{Class, NONE};
use crate::timex::scan::Kind;
use crate::timex::words::{AFTER_NUMBER, CONTINUES, OPENS};

impl<'a> Matcher<'a> {
    /// True when token `i` may continue an expression: a number, a hyphen, a word that is an
    /// expression on its own, one of the few words patterns name, or (up to `depth` words deep)
    /// a word that may start one and leads on itself.
    pub(super) fn leads_on(&self, i: usize, depth: u8) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            Kind::Num => true,
            Kind::Other => self.is(i, "\u{2019}") && self.num(i + 1).is_some(),
            Kind::Punct => self.is(i, "-") || (self.is(i, "'") && self.num(i + 1).is_some()),
            Kind::Word => {
                let id = t.id;
                if t.bits & CONTINUES != 0 {
                    return true;
                }
                if id == NONE {
                    return false;
                }
                // "the comparable quarter a year ago", "two more years"
                if self.lex.classes(id) & (Class::Like.bit() | Class::Filler.bit()) != 0 {
                    return true;
                }
                if !self.lex.starter(id) {
                    return false;
                }
                let phrase = || self.lex.may_follow(id, self.w(i + 1));
                self.lex.continues(id)
                    || (phrase() && self.lex.phrase_alone_at(id, i, |j| self.w(j)))
                    || (depth > 0
                        && (self.leads_on(i + 1, depth - 1)
                            || (phrase()
                                && self
                                    .lex
                                    .phrase_end(id, i, |j| self.w(j))
                                    .is_some_and(|e| e > i + 1 && self.leads_on(e, depth - 1)))))
            }
        }
    }

    /// True when an expression may start at token `i` (a cheap test before the patterns).
    pub(super) fn can_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            // a year, or a number before a separator, a suffix or a word of an expression
            Kind::Num => {
                t.end - t.start == 4
                    || self.toks.get(i + 1).is_some_and(|n| match n.kind {
                        // "5 1/2 hours"
                        Kind::Num => self.is(i + 1, "1") && self.is(i + 2, "/"),
                        Kind::Other => false,
                        Kind::Punct => matches!(self.w(i + 1), Some(":" | "-" | "/" | "." | "'")),
                        Kind::Word => n.id != NONE || n.bits & AFTER_NUMBER != 0,
                    })
            }
            Kind::Other | Kind::Punct => self.leads_on(i, 0) && !self.is(i, "-"),
            Kind::Word => {
                let id = t.id;
                let Some(w) = self.w(i) else {
                    return false;
                };
                if id == NONE {
                    // weekday plurals ("Mondays"), "Q3", "once a week", "that year"
                    (w.len() >= 7
                        && w.ends_with("days")
                        && self.lex.id(&w.as_bytes()[..w.len() - 1]) != NONE)
                        || t.bits & OPENS != 0
                        || (w == "that" && self.leads_on(i + 1, 0))
                } else {
                    // a phrase of several words needs its second word next
                    self.lex.starter(id)
                        && (self.lex.standalone(id)
                            || self.leads_on(i + 1, 1)
                            || (self.lex.may_follow(id, self.w(i + 1))
                                && (self.lex.phrase_alone_at(id, i, |j| self.w(j))
                                    || self
                                        .lex
                                        .phrase_end(id, i, |j| self.w(j))
                                        .is_some_and(|e| e > i + 1 && self.leads_on(e, 1)))))
                }
            }
        }
    }
}
