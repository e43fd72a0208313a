//! List labels ("1." "a)" "(iii)" "2.1." "A.)") and bullets at the start of a sentence, and
//! finding the next label or bullet of the same list.

use super::chars::{char_at, char_before};
use super::splitter::Splitter;

/// How far a list's next label may be from the previous one, in bytes.
pub(super) const LIST_WINDOW: usize = 2000;

pub(super) const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// How a label is written; two labels are of one list when their styles are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct LabelStyle {
    /// 0 digits, 1 lowercase letter, 2 uppercase letter, 3 lowercase roman, 4 uppercase roman.
    pub(super) kind: u8,
    /// Opens with "(".
    pub(super) paren: bool,
    /// 0 ".", 1 ")", 2 ".)".
    pub(super) close: u8,
}

/// A list label: where it ends, its style and value(s) (a letter that is also a roman numeral,
/// "i", "v", "x", has both readings).
#[derive(Clone, Copy, Debug)]
pub(super) struct Label {
    /// Byte after the label's last character.
    pub(super) end: usize,
    /// The label's final period, if it has one.
    pub(super) dot: Option<usize>,
    /// Readings: (style, value); the second is `None` unless the label is ambiguous.
    pub(super) readings: [Option<(LabelStyle, u32)>; 2],
    /// "2.1." style: a sub-numbered label, never part of a sequence.
    pub(super) nested: bool,
}

pub(super) fn parse_label(text: &str, q: usize, end: usize) -> Option<Label> {
    let b = &text.as_bytes()[..end];
    let mut j = q;
    let paren = b.get(j) == Some(&b'(');
    if paren {
        j += 1;
    }
    let body = j;
    let mut nested = false;
    let readings: [Option<(u8, u32)>; 2];
    if b.get(j).is_some_and(u8::is_ascii_digit) {
        while j < b.len() && b[j].is_ascii_digit() && j - body < 4 {
            j += 1;
        }
        if j - body > 3 {
            return None;
        }
        let value: u32 = text[body..j].parse().ok()?;
        // "2.1." sub-numbering
        while j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            let s = j + 1;
            j = s;
            while j < b.len() && b[j].is_ascii_digit() && j - s < 4 {
                j += 1;
            }
            if j - s > 3 {
                return None;
            }
            nested = true;
        }
        readings = [Some((0, value)), None];
    } else {
        while j < b.len() && b[j].is_ascii_alphabetic() && j - body < 6 {
            j += 1;
        }
        let word = &text[body..j];
        if word.is_empty() || word.len() > 5 {
            return None;
        }
        let lower = word.bytes().all(|c| c.is_ascii_lowercase());
        let upper = word.bytes().all(|c| c.is_ascii_uppercase());
        if !lower && !upper {
            return None;
        }
        let mut buf = [0u8; 5];
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lw = &buf[..word.len()];
        let roman = ROMAN
            .iter()
            .position(|r| r.as_bytes() == lw)
            .map(|p| ((if lower { 3 } else { 4 }), p as u32 + 1));
        let letter =
            (word.len() == 1).then(|| (if lower { 1 } else { 2 }, (lw[0] - b'a') as u32 + 1));
        readings = match (letter, roman) {
            (Some(l), r) => [Some(l), r],
            (None, Some(r)) => [Some(r), None],
            (None, None) => return None,
        };
    }
    let mut dot = None;
    let close = if b.get(j) == Some(&b'.') {
        dot = Some(j);
        j += 1;
        if b.get(j) == Some(&b')') {
            j += 1;
            2
        } else {
            0
        }
    } else if b.get(j) == Some(&b')') {
        j += 1;
        1
    } else {
        return None;
    };
    if paren && close == 0 {
        return None;
    }
    // A label stands alone: whitespace after it (the end of a paragraph is no list).
    if !char_at(text, j).is_some_and(|c| c.is_whitespace()) || j >= end {
        return None;
    }
    let style = |(kind, v): (u8, u32)| (LabelStyle { kind, paren, close }, v);
    Some(Label {
        end: j,
        dot,
        readings: [readings[0].map(style), readings[1].map(style)],
        nested,
    })
}

impl Splitter<'_, '_> {
    /// The next `bullet` after `from` that follows whitespace.
    pub(super) fn next_bullet(&mut self, bullet: char, from: usize) -> Option<usize> {
        if let Some((c, searched, found)) = self.bullet_cache {
            if c == bullet && from >= searched && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let mut enc = [0u8; 4];
        let needle = bullet.encode_utf8(&mut enc).as_bytes();
        let mut found = None;
        let mut at = from;
        while let Some(k) = memchr::memmem::find(&self.b[at..self.end], needle) {
            let pos = at + k;
            if char_before(self.text, pos).is_some_and(char::is_whitespace) {
                found = Some(pos);
                break;
            }
            at = pos + needle.len();
        }
        self.bullet_cache = Some((bullet, from, found));
        found
    }

    /// Every label of the paragraph, sorted by (style, value, position).
    pub(super) fn label_index(&mut self) -> &[(LabelStyle, u32, usize)] {
        if self.labels.is_none() {
            let mut v = Vec::new();
            let mut prev_space = true;
            let mut i = self.start;
            while i < self.end {
                let c = self.b[i];
                if prev_space && (c == b'(' || c.is_ascii_alphanumeric()) {
                    if let Some(l) = parse_label(self.text, i, self.end) {
                        for (style, value) in l.readings.into_iter().flatten() {
                            if !l.nested {
                                v.push((style, value, i));
                            }
                        }
                    }
                }
                prev_space = c.is_ascii_whitespace()
                    || (c >= 0x80 && char_at(self.text, i).is_some_and(char::is_whitespace));
                i += 1;
                while i < self.end && !self.text.is_char_boundary(i) {
                    i += 1;
                }
            }
            v.sort_unstable();
            self.labels = Some(v);
        }
        self.labels.as_deref().unwrap_or(&[])
    }

    /// Where the label after `l` in its list starts, if it is near enough.
    pub(super) fn successor(&mut self, l: &Label) -> Option<usize> {
        let after = l.end;
        let readings = l.readings;
        let index = self.label_index();
        let mut best: Option<usize> = None;
        for (style, value) in readings.into_iter().flatten() {
            let key = (style, value + 1, after);
            let k = index.partition_point(|e| *e < key);
            if let Some(&(s, v, pos)) = index.get(k) {
                if s == style && v == value + 1 && pos - after <= LIST_WINDOW {
                    best = Some(best.map_or(pos, |b: usize| b.min(pos)));
                }
            }
        }
        best
    }

    /// A lowercase label that opens a list ("Smith. a. here it is b. another").
    pub(super) fn label_opens_list(&mut self, n: usize) -> bool {
        match parse_label(self.text, n, self.end) {
            Some(l) if !l.nested && l.readings[0].is_some_and(|(s, _)| s.kind != 0) => {
                self.successor(&l).is_some()
            }
            _ => false,
        }
    }
}
