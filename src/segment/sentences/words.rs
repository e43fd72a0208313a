//! The words around a period: the word before it (abbreviation, initial, number) and the word
//! after it (lowercase, a sentence starter, a continuation, a speaker and a speech verb).

use super::chars::{char_at, char_before, is_open_quote, is_opening, mark};
use super::rules::{AbbrevClass, MAX_KEY};
use super::splitter::{Next, Splitter};

/// How far back a word before a period is read, in bytes.
pub(super) const MAX_PREV: usize = 64;

impl<'t> Splitter<'_, 't> {
    /// Does the period at `k` end a sentence, given the word before it and `next`?
    pub(super) fn after_period(&self, k: usize, start: usize, next: &Next) -> bool {
        let prev = self.prev_word(k, start);
        let Some(prev) = prev else {
            return !next.lower;
        };
        if prev.is_empty() {
            return !next.lower;
        }
        if prev.ends_with(|c: char| c.is_ascii_digit()) {
            return !next.lower || next.bracket;
        }
        let mut chars = prev.chars();
        let first = chars.next();
        let single = first.is_some_and(char::is_alphabetic) && chars.next().is_none();
        if single && first.is_some_and(char::is_uppercase) {
            // an initial ("Oscar P. Quintero"), even when a lowercase abbreviation ("p.") is
            // spelt the same; an opening quote after it is a nickname ("Robert C. “Bobby” Scott")
            return !next.quoted && self.starts_sentence(next);
        }
        // "ex-Gov.", "then-Sen.": the part after the last hyphen
        let class = self.rules.abbreviation(prev).or_else(|| {
            prev.rsplit_once('-')
                .and_then(|(_, last)| self.rules.abbreviation(last))
        });
        match class {
            Some(AbbrevClass::Never) => false,
            Some(AbbrevClass::Number) => next.upper || next.quoted,
            Some(AbbrevClass::Ambiguous) => self.starts_sentence(next),
            Some(AbbrevClass::Usually) => self.usually_ends(next),
            Some(AbbrevClass::Place) if self.after_city(k - prev.len()) => self.usually_ends(next),
            Some(AbbrevClass::Place) => self.starts_sentence(next),
            None => {
                if single || dotted_letters(prev) {
                    // "Gov. C.L. “Butch” Otter": a quote after initials is a nickname
                    let initials = prev
                        .split('.')
                        .all(|g| g.len() == 1 && g.chars().all(char::is_uppercase));
                    !(initials && next.quoted) && self.starts_sentence(next)
                } else {
                    // "a year. (credit: Ken Thomas)": a bracket after a period opens a sentence
                    !next.lower || next.bracket
                }
            }
        }
    }

    /// After a `usually` abbreviation: a capitalized word that is not a continuation, or a quote.
    pub(super) fn usually_ends(&self, next: &Next) -> bool {
        !next.dashed
            && !next.bracket
            && (next.quoted || (next.upper && !self.rules.is_continuation(next.word)))
    }

    /// Is the word starting at `w` written after "City, "?
    pub(super) fn after_city(&self, w: usize) -> bool {
        let b = self.b;
        if w < 4 || &b[w - 2..w] != b", " {
            return false;
        }
        let mut s = w - 2;
        while s > 0 && b[s - 1].is_ascii_alphabetic() && w - 2 - s < 32 {
            s -= 1;
        }
        s < w - 2 && b[s].is_ascii_uppercase()
    }

    /// A sentence starter after an ambiguous abbreviation: a listed word or an opening quote.
    pub(super) fn starts_sentence(&self, next: &Next) -> bool {
        next.upper
            && !next.bracket
            && !next.dashed
            && (next.quoted || self.rules.is_starter(next.word))
    }

    /// The word before the period at `k`, without opening marks; `None` when it is too long to
    /// be an abbreviation.
    pub(super) fn prev_word(&self, k: usize, start: usize) -> Option<&'t str> {
        let mut lo = k.saturating_sub(MAX_PREV).max(start);
        while !self.text.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &self.text[lo..k];
        let w = match window.rfind(char::is_whitespace) {
            Some(p) => {
                let ws = window[p..].chars().next().map_or(1, char::len_utf8);
                &window[p + ws..]
            }
            None if lo == start => window,
            None => return None,
        };
        Some(w.trim_start_matches(is_opening))
    }

    /// The next word's shape, from its first character at `n`.
    pub(super) fn next_word(&self, n: usize) -> Next<'t> {
        let text = self.text;
        let mut next = Next {
            pos: n,
            lower: false,
            upper: false,
            digit: false,
            quoted: false,
            bracket: false,
            dashed: false,
            word: "",
        };
        let mut i = n;
        let mut guard = 0;
        while let Some(c) = char_at(text, i) {
            if i >= self.end || guard > 6 {
                return next;
            }
            if is_open_quote(c) {
                next.quoted = true;
            } else if c == '(' || c == '[' {
                next.bracket |= c == '(';
            } else if !matches!(c, '-' | '–' | '—' | ' ') || guard == 0 && c == ' ' {
                // dashes (and the space after them) are looked through: "voila! -- you have"
                break;
            } else {
                next.dashed |= c != ' ';
            }
            i += c.len_utf8();
            guard += 1;
        }
        let Some(c) = char_at(text, i) else {
            return next;
        };
        if i >= self.end {
            return next;
        }
        next.lower = c.is_lowercase();
        next.upper = c.is_uppercase();
        next.digit = c.is_ascii_digit();
        if c.is_alphabetic() {
            let lim = (i + MAX_KEY).min(self.end);
            let mut e = i;
            let mut prev_letter = false;
            for (off, ch) in text[i..].char_indices() {
                let p = i + off;
                if p >= lim {
                    break;
                }
                if ch.is_alphabetic() {
                    prev_letter = true;
                    e = p + ch.len_utf8();
                } else if (ch == '\'' || ch == '’') && prev_letter {
                    prev_letter = false;
                } else {
                    break;
                }
            }
            next.word = &text[i..e];
        }
        next
    }

    /// After a quotation that closes on "?", "!" or "…": a capitalized speaker of one or two
    /// words, then a speech verb (`“Are you there?” I called.`, `“No!” Pete Smith said.`).
    pub(super) fn speaker_follows(&self, n: usize) -> bool {
        let mut i = n;
        for nth in 0..3 {
            if i >= self.end {
                return false;
            }
            let w = self.next_word(i);
            if w.word.is_empty() || w.quoted || w.bracket {
                return false;
            }
            if nth > 0 && self.rules.is_speech_verb(w.word) {
                return true;
            }
            // the speaker: a subject pronoun or a name, not "The answer is"
            let pronoun = self.rules.is_speaker_pronoun(w.word);
            if !w.upper || (nth == 0 && !pronoun && self.rules.is_starter(w.word)) {
                return false;
            }
            let e = self.word_end(i);
            // a word that ends a sentence or a clause stops the search
            if char_before(self.text, e).is_some_and(|c| mark(c).is_some() || c == ',' || c == ';')
            {
                return false;
            }
            i = self.skip_space(e);
        }
        false
    }

    /// The end of the whitespace-delimited word at `i` (at most 64 bytes on).
    pub(super) fn word_end(&self, i: usize) -> usize {
        let lim = (i + MAX_PREV).min(self.end);
        let mut e = i;
        for (off, c) in self.text[i..].char_indices() {
            if i + off >= lim || c.is_whitespace() {
                break;
            }
            e = i + off + c.len_utf8();
        }
        e.max(i + 1).min(self.end)
    }
}

/// "U.S", "i.v", "Ph.D": two or more groups of one or two letters joined by periods.
pub(super) fn dotted_letters(w: &str) -> bool {
    let mut groups = 0;
    for g in w.split('.') {
        let n = g.chars().count();
        if n == 0 || n > 2 || !g.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}
