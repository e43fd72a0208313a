//! What stays with the sentence before it or opens one without a space: footnote citations
//! ("[7]", "fee.12 Yet", "fee. 8 Yet"), glued sentences ("world.Today") and credit lines
//! ("Image: …").

use super::chars::{char_at, char_before, is_closing, mark};
use super::rules::MAX_KEY;
use super::splitter::{Next, Splitter};
use super::words::MAX_PREV;

impl Splitter<'_, '_> {
    /// "… held in Washington D.C. Image: United States Navy.": a credit word and a colon open
    /// a sentence of their own. Returns where the credit word starts.
    pub(super) fn credit(&mut self, k: usize, start: usize) -> Option<usize> {
        if !char_at(self.text, k + 1).is_some_and(char::is_whitespace) {
            return None;
        }
        let mut ws = k;
        while ws > start && self.b[ws - 1].is_ascii_alphabetic() && k - ws <= MAX_KEY {
            ws -= 1;
        }
        if ws == k || ws <= start || !self.b[ws].is_ascii_uppercase() || self.b[ws - 1] != b' ' {
            return None;
        }
        if !self.rules.is_credit(&self.text[ws..k]) || !self.has_content(ws) {
            return None;
        }
        Some(ws)
    }

    /// Footnote citations at `j`: "[7]", "[2–11]", "[15][16]", or with `spaced`, "[1] [2]"
    /// separated by spaces. Returns the end of the last one (`j` when there is none).
    pub(super) fn citations(&self, j: usize, spaced: bool) -> usize {
        let b = self.b;
        let mut end = j;
        let mut i = j;
        loop {
            if b.get(i) != Some(&b'[') || i >= self.end {
                return end;
            }
            let mut e = i + 1;
            let mut digits = 0;
            let mut elided = false;
            // "[...]" and "[…]": words left out at the end of a sentence
            for mark in ["...]", "…]"] {
                if b[i + 1..self.end].starts_with(mark.as_bytes()) {
                    elided = true;
                    digits = 1;
                    e = i + mark.len();
                }
            }
            // "[citation needed]": an editor's note in lowercase
            if !elided && b.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
                if let Some(close) = memchr::memchr(b']', &b[i + 1..self.end.min(i + 41)]) {
                    let note = &b[i + 1..i + 1 + close];
                    if note.iter().all(|c| c.is_ascii_lowercase() || *c == b' ') {
                        elided = true;
                        digits = 1;
                        e = i + 1 + close;
                    }
                }
            }
            while !elided && e < self.end && e - i < 16 {
                match b[e] {
                    b'0'..=b'9' => digits += 1,
                    b',' | b'-' | b' ' => {}
                    0xE2 if b.get(e + 1) == Some(&0x80) && b.get(e + 2) == Some(&0x93) => e += 2,
                    _ => break,
                }
                e += 1;
            }
            if digits == 0 || b.get(e) != Some(&b']') || e >= self.end {
                return end;
            }
            end = e + 1;
            i = if spaced { self.skip_space(end) } else { end };
            if spaced && i < self.end && b[i] != b'[' {
                // a standalone citation must be followed by a space or the paragraph end
                return end;
            }
        }
    }

    /// "consultation.11 12 Take": footnote numbers glued to a period, then a capitalized word.
    pub(super) fn glued_footnote(&self, k: usize, j: usize) -> Option<usize> {
        if j != k + 1 {
            return None;
        }
        let before = char_before(self.text, k)?;
        if !(before.is_alphabetic() || before == ')') {
            return None;
        }
        let mut i = j;
        let mut e;
        loop {
            let s = i;
            while i < self.end && self.b[i].is_ascii_digit() && i - s < 4 {
                i += 1;
            }
            if i == s || i - s > 3 || i >= self.end || self.b[i] != b' ' {
                return None;
            }
            e = i;
            i = self.skip_space(i);
            if i < self.end && self.b[i].is_ascii_digit() {
                continue;
            }
            break;
        }
        let next = self.next_word(i);
        next.upper.then_some(e)
    }

    /// "Hello world.Today is": a period glued between a word and a capitalized word, when the
    /// whole does not look like a web address or a file name ("www.Example.com", "ASP.NET").
    pub(super) fn glued_sentence(&self, k: usize, start: usize) -> bool {
        let text = self.text;
        let (Some(before), Some(first), Some(second)) = (
            char_before(text, k),
            char_at(text, k + 1),
            char_at(text, k + 2),
        ) else {
            return false;
        };
        if !(before.is_lowercase() || before.is_ascii_digit())
            || !first.is_uppercase()
            || !second.is_lowercase()
        {
            return false;
        }
        let Some(prev) = self.prev_word(k, start) else {
            return false;
        };
        let web = |c: char| matches!(c, '.' | '/' | '@' | ':' | '\\' | '_' | '=');
        if prev.chars().count() < 2
            || prev.contains(web)
            || self.rules.abbreviation(prev).is_some()
            || prev.starts_with("www")
        {
            return false;
        }
        // the rest of the word: letters up to the next space, at most a final period
        let e = self.word_end(k + 1);
        let rest = text[k + 1..e].trim_end_matches(|c: char| is_closing(c) || mark(c).is_some());
        !rest.contains(web) && e - (k + 1) < MAX_PREV
    }

    /// "fee. 8 Yet": a one- or two-digit footnote number between a sentence and a capitalized
    /// word stays with the sentence before it. Returns the end of the number.
    pub(super) fn loose_footnote(&self, next: &Next) -> Option<usize> {
        if !next.digit || next.quoted || next.bracket {
            return None;
        }
        let n = next.pos;
        let mut i = n;
        while i < self.end && self.b[i].is_ascii_digit() {
            i += 1;
            if i - n > 2 {
                return None;
            }
        }
        if i >= self.end || self.b[i] != b' ' {
            return None;
        }
        let w = self.next_word(self.skip_space(i));
        (w.upper && !w.quoted && !w.bracket && w.word.len() > 1).then_some(i)
    }
}
