//! The splitter proper: one left-to-right pass over a paragraph, planning each sentence's
//! start (bullets, list labels, headings) and deciding at every candidate mark.

use crate::doc::Span;

use super::super::paragraphs::trim;
use super::chars::{char_at, char_before, is_bullet, is_closing, is_quote, mark, Candidates, Mark};
use super::labels::{parse_label, LabelStyle};
use super::rules::{AbbrevClass, SegmentRules, MAX_KEY};

/// What is known about the sentence that starts at `start`.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Plan {
    /// The period of a list label that opens the sentence: never a boundary.
    pub(super) label_dot: Option<usize>,
    /// A list label or bullet further on that must start a new sentence.
    pub(super) forced: Option<usize>,
}

/// The next word after a candidate boundary.
#[derive(Clone, Copy, Debug)]
pub(super) struct Next<'t> {
    /// Where it starts (its first non-space character).
    pub(super) pos: usize,
    /// Its first letter or digit is lowercase.
    pub(super) lower: bool,
    /// Its first letter is uppercase (after any opening quotes).
    pub(super) upper: bool,
    /// It starts with a digit.
    pub(super) digit: bool,
    /// It starts with an opening quotation mark.
    pub(super) quoted: bool,
    /// It starts with "(".
    pub(super) bracket: bool,
    /// It starts with a dash ("FAIRVIEW, W.Va. - The coal").
    pub(super) dashed: bool,
    /// Its leading run of letters and apostrophes ("He's"), maybe empty.
    pub(super) word: &'t str,
}

pub(super) struct Splitter<'r, 't> {
    pub(super) rules: &'r SegmentRules,
    pub(super) text: &'t str,
    pub(super) b: &'t [u8],
    pub(super) start: usize,
    pub(super) end: usize,
    /// Sorted (style, value, position) of every label in the paragraph, built when first needed.
    pub(super) labels: Option<Vec<(LabelStyle, u32, usize)>>,
    /// Cache of the last bullet search: (bullet, searched from, found).
    pub(super) bullet_cache: Option<(char, usize, Option<usize>)>,
    /// How far the current sentence was searched for a letter or digit, and whether one was found.
    pub(super) content: (usize, bool),
}

impl<'r, 't> Splitter<'r, 't> {
    pub(super) fn new(rules: &'r SegmentRules, text: &'t str, p: Span) -> Self {
        Splitter {
            rules,
            text,
            b: text.as_bytes(),
            start: p.start,
            end: p.end,
            labels: None,
            bullet_cache: None,
            content: (p.start, false),
        }
    }

    pub(super) fn run(mut self, out: &mut Vec<Span>) {
        let mut start = self.start;
        let mut plan = self.plan(start);
        let mut i = start;
        let mut candidates = Candidates::new();
        loop {
            let limit = match plan.forced {
                Some(f) if f > i => f.min(self.end),
                _ => self.end,
            };
            let found = candidates.find(self.b, i, limit, self.end);
            let (boundary, resume) = match found {
                None if limit < self.end => (Some(limit), limit),
                None => break,
                Some(k) => self.decide(k, start, &plan),
            };
            if let Some(e) = boundary {
                if let Some(s) = trim(self.text, start, e) {
                    out.push(s);
                }
                let old = plan.forced;
                start = e;
                self.content = (e, false);
                plan = self.plan(start);
                if plan.forced.is_none() {
                    plan.forced = old.filter(|&f| f > start);
                }
            }
            debug_assert!(resume > i || boundary.is_some());
            i = resume.max(i + usize::from(boundary.is_none()));
        }
        if let Some(s) = trim(self.text, start, self.end) {
            out.push(s);
        }
    }

    /// Bullets and list labels at the start of the sentence that begins at `s`.
    pub(super) fn plan(&mut self, s: usize) -> Plan {
        let mut plan = Plan::default();
        let mut q = self.skip_space(s);
        if q >= self.end {
            return plan;
        }
        let first = char_at(self.text, q).unwrap_or(' ');
        if is_bullet(first) {
            plan.forced = self.next_bullet(first, q + first.len_utf8());
            q = self.skip_space(q + first.len_utf8());
            if let Some(l) = parse_label(self.text, q, self.end) {
                plan.label_dot = l.dot;
            }
            return plan;
        }
        if let Some(l) = parse_label(self.text, q, self.end) {
            plan.label_dot = l.dot;
            if !l.nested {
                plan.forced = self.successor(&l);
            }
        } else if first.is_uppercase() {
            plan.forced = self.heading_end(q);
        }
        plan
    }

    /// A caption label or a date line that opens a paragraph's first sentence and runs into
    /// the next one without a period: "Figure 1.3 This map shows", "Tuesday, May 5, 2015 On
    /// Tuesday". Returns where the label ends.
    pub(super) fn heading_end(&self, q: usize) -> Option<usize> {
        let b = self.b;
        let word_end = |i: usize| {
            let mut e = i;
            while e < self.end && b[e].is_ascii_alphabetic() && e - i < 16 {
                e += 1;
            }
            e
        };
        let digits = |i: usize, max: usize| {
            let mut e = i;
            while e < self.end && b[e].is_ascii_digit() && e - i <= max {
                e += 1;
            }
            (e > i && e - i <= max).then_some(e)
        };
        let w = word_end(q);
        let word = &self.text[q..w];
        // the shapes first, the word lists only when one fits: "Figure 1", "Fig. 2", "Tuesday, "
        let dot = w + usize::from(b.get(w) == Some(&b'.'));
        let caption_shape =
            b.get(dot) == Some(&b' ') && b.get(dot + 1).is_some_and(u8::is_ascii_digit);
        if !caption_shape && !self.text[w..].starts_with(", ") {
            return None;
        }
        let mut e;
        if self.rules.is_caption(word) {
            // "Figure 1.3", "Fig. 2", "Table 4b"
            e = w + usize::from(b.get(w) == Some(&b'.'));
            if b.get(e) != Some(&b' ') {
                return None;
            }
            e = digits(e + 1, 4)?;
            while b.get(e) == Some(&b'.') {
                e = digits(e + 1, 4)?;
            }
            if e < self.end && b[e].is_ascii_lowercase() {
                e += 1;
            }
        } else if self.rules.is_weekday(word) {
            // "Thursday, March 15, 2012"
            if !self.text[w..].starts_with(", ") {
                return None;
            }
            let m = w + 2;
            let me = word_end(m);
            if me == m || !b[m].is_ascii_uppercase() || b.get(me) != Some(&b' ') {
                return None;
            }
            let d = digits(me + 1, 2)?;
            if !self.text[d..].starts_with(", ") {
                return None;
            }
            e = digits(d + 2, 4)?;
            if e - (d + 2) != 4 {
                return None;
            }
        } else {
            return None;
        }
        if e >= self.end || !char_at(self.text, e).is_some_and(char::is_whitespace) {
            return None;
        }
        let next = self.next_word(self.skip_space(e));
        (next.upper && !next.quoted).then_some(e)
    }

    pub(super) fn skip_space(&self, mut i: usize) -> usize {
        while i < self.end {
            let b = self.b[i];
            if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match char_at(self.text, i) {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    /// Decides on the candidate mark at `k`: the boundary (end of the sentence), if any, and
    /// where to scan on.
    pub(super) fn decide(&mut self, k: usize, start: usize, plan: &Plan) -> (Option<usize>, usize) {
        let text = self.text;
        let Some(c0) = char_at(text, k) else {
            return (None, k + 1);
        };
        if c0 == ':' {
            return (self.credit(k, start), k + 1);
        }
        let Some(m0) = mark(c0) else {
            return (None, k + c0.len_utf8());
        };
        // "“..." and "! ! !": a sentence needs a letter or a digit before it can end
        if !self.has_content(k) {
            let mut j = k;
            while let Some(m) = char_at(text, j).filter(|&c| mark(c).is_some()) {
                j += m.len_utf8();
            }
            return (None, j.max(k + 1));
        }

        // 1. The run of marks: "." "?!" "..." ". . . ." "…" "。"
        let mut j = k;
        let (mut dots, mut bang, mut ellipsis, mut wide, mut spaced) =
            (0, false, false, false, false);
        let mut consecutive = 0;
        while j < self.end {
            let Some(c) = char_at(text, j) else { break };
            match mark(c) {
                Some(Mark::Dot) => {
                    dots += 1;
                    consecutive += 1;
                    if consecutive >= 3 {
                        ellipsis = true;
                    }
                    j += 1;
                    continue;
                }
                Some(Mark::Bang) => bang = true,
                Some(Mark::Ellipsis) => {
                    ellipsis = true;
                    dots += 3;
                }
                Some(Mark::Wide) => wide = true,
                None => {
                    // ". . ." spaced ellipsis: a space, then a dot standing alone
                    if c == ' '
                        && !bang
                        && !wide
                        && j > k
                        && self.b[j - 1] == b'.'
                        && self.b.get(j + 1) == Some(&b'.')
                        && j + 1 < self.end
                        && !char_at(text, j + 2).is_some_and(|c| c == '.' || c.is_alphanumeric())
                    {
                        spaced = true;
                        consecutive = 0;
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
            consecutive = 0;
            j += c.len_utf8();
        }
        let run_end = j;
        // "[...]" and "(…)" stand for words left out, never for a sentence end
        if ellipsis
            && matches!(self.b.get(run_end), Some(b']' | b')'))
            && char_before(text, k).is_some_and(|c| c == '[' || c == '(')
        {
            return (None, run_end);
        }
        let attached = char_before(text, k).is_some_and(|c| !c.is_whitespace()) && k > self.start;

        // 2. Closing quotes and brackets, and marks after them: `.”` `?)` `!”.`
        let mut quote_closed = false;
        let mut closed = false;
        while j < self.end {
            let Some(c) = char_at(text, j) else { break };
            if is_closing(c) {
                // an apostrophe that starts a word ("Jr.'s") is no closing mark
                quote_closed |= is_quote(c);
                closed = true;
                j += c.len_utf8();
            } else if mark(c).is_some_and(|m| m != Mark::Wide) && j > run_end {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        // 3. Footnote citations glued on: "large.[7][8]"
        j = self.citations(j, false);

        if j >= self.end {
            return (None, self.end);
        }
        let after = char_at(text, j).unwrap_or(' ');
        if !after.is_whitespace() {
            if wide {
                return (Some(j), j);
            }
            // footnote numbers glued on: "a consultation.11 12 Take"
            if m0 == Mark::Dot && dots == 1 && !bang && run_end == k + 1 {
                if let Some(e) = self.glued_footnote(k, j) {
                    return (Some(e), e);
                }
                if self.glued_sentence(k, start) {
                    return (Some(k + 1), k + 1);
                }
            }
            return (None, j.max(k + 1));
        }

        // 4. The next word, after citations standing alone: "1971. [1] Fillmore"
        let mut end = j;
        let mut n = self.skip_space(j);
        let mut cited = self.citations(n, true);
        // "days. [1]." : marks after the citation stay with it
        while let Some(c) = char_at(text, cited).filter(|&c| mark(c).is_some() || is_closing(c)) {
            if cited >= self.end || cited == n {
                break;
            }
            cited += c.len_utf8();
        }
        if cited > n {
            end = cited;
            n = self.skip_space(cited);
        }
        if n >= self.end {
            return (Some(end), end);
        }
        let next = self.next_word(n);

        // 5. Decide by the kind of run
        let boundary = if wide {
            true
        } else if quote_closed && next.dashed && next.upper {
            // `“…yes.” — Dana Whitfield, festival director`: the quote's attribution
            false
        } else if spaced {
            if attached && self.b.get(k + 1) == Some(&b' ') {
                // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next
                if !next.lower {
                    return (Some(k + 1), k + 1);
                }
                false
            } else {
                // ". . . ." ends a sentence; ". . ." stands for words left out
                dots >= 4 && !next.lower
            }
        } else if bang {
            // "Viva Maria! (1965)": a title, not a sentence
            let title = (next.bracket && !closed) || self.named_bang(k, run_end, start);
            let speaker = quote_closed && self.speaker_follows(n);
            !(next.lower || title || speaker)
        } else if ellipsis || dots >= 2 {
            let speaker = quote_closed && self.speaker_follows(n);
            !(next.lower || speaker)
        } else if plan.label_dot == Some(k) {
            false
        } else {
            self.after_period(k, start, &next)
        };

        let boundary = boundary || (next.lower && self.label_opens_list(n));
        if !boundary {
            return (None, j.max(k + 1));
        }
        // footnote numbers standing alone: "a publication fee. 8 Yet some"
        if let Some(e) = self.loose_footnote(&next) {
            return (Some(e), e);
        }
        (Some(end), end)
    }

    /// "Yahoo! Research": a name listed with its "!" in `abbreviations.txt` as `never`.
    pub(super) fn named_bang(&self, k: usize, run_end: usize, start: usize) -> bool {
        if run_end != k + 1 || self.b[k] != b'!' {
            return false;
        }
        let Some(prev) = self.prev_word(k, start) else {
            return false;
        };
        let mut key = [0u8; MAX_KEY];
        if prev.is_empty() || prev.len() + 1 > MAX_KEY {
            return false;
        }
        key[..prev.len()].copy_from_slice(prev.as_bytes());
        key[prev.len()] = b'!';
        std::str::from_utf8(&key[..=prev.len()])
            .is_ok_and(|w| self.rules.abbreviation(w) == Some(AbbrevClass::Never))
    }

    /// Is there a letter or digit between the current sentence's start and `k`? Each byte is
    /// looked at once per sentence.
    pub(super) fn has_content(&mut self, k: usize) -> bool {
        let (mut i, found) = self.content;
        if found {
            return true;
        }
        while i < k {
            let b = self.b[i];
            if b.is_ascii_alphanumeric() {
                self.content = (i, true);
                return true;
            }
            if b >= 0xC0 {
                if let Some(c) = char_at(self.text, i) {
                    if c.is_alphanumeric() {
                        self.content = (i, true);
                        return true;
                    }
                }
            }
            i += 1;
        }
        self.content = (i.max(k), false);
        false
    }
}
