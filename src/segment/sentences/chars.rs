//! Character classes: sentence-final marks, closing and opening marks, bullets, and the
//! vectorized search for mark candidates.

/// Finds the bytes that may start a sentence-final mark: `.` `!` `?`, `:` (after a credit word),
/// and the lead bytes of `…` `‼` `⁇` `⁈` `⁉` (E2), `。` (E3) and the full-width `！` `？` `．` `｡`
/// (EF). Three vectorized searches, each remembering its next hit, so that every byte of a
/// paragraph is searched at most once per search. A lead byte of any other character (curly
/// quotes and dashes start with E2 too) is skipped inside the search, never returned.
pub(super) struct Candidates {
    /// Per search: where it last started and the hit it found there (`end` when none).
    pub(super) next: [(usize, usize); 3],
}

impl Candidates {
    pub(super) fn new() -> Self {
        Candidates {
            next: [(usize::MAX, 0); 3],
        }
    }

    /// The first candidate byte in `b[i..limit]`; `b[..end]` is the paragraph.
    pub(super) fn find(&mut self, b: &[u8], i: usize, limit: usize, end: usize) -> Option<usize> {
        let mut first = end;
        for (n, slot) in self.next.iter_mut().enumerate() {
            let (from, hit) = *slot;
            if !(from <= i && i <= hit) {
                let mut at = i.min(end);
                let hit = loop {
                    let hay = &b[at..end];
                    let k = match n {
                        0 => memchr::memchr3(b'.', b'!', b'?', hay),
                        1 => memchr::memchr3(b':', 0xE3, 0xEF, hay),
                        _ => memchr::memchr(0xE2, hay),
                    };
                    match k {
                        None => break end,
                        Some(k) if n == 0 || b[at + k] == b':' || wide_mark_at(b, at + k) => {
                            break at + k
                        }
                        Some(k) => at += k + 1,
                    }
                };
                *slot = (i, hit);
            }
            first = first.min(slot.1);
        }
        (first < limit && first < end).then_some(first)
    }
}

/// Whether the multi-byte character at `b[p..]` (lead byte E2, E3 or EF) is a sentence-final
/// mark: `…` `‼` `⁇` `⁈` `⁉`, `。`, `！` `？` `．` `｡` (the byte forms of [`mark`]'s characters).
fn wide_mark_at(b: &[u8], p: usize) -> bool {
    matches!(
        (b[p], b.get(p + 1), b.get(p + 2)),
        (0xE2, Some(0x80), Some(0xA6 | 0xBC))
            | (0xE2, Some(0x81), Some(0x87..=0x89))
            | (0xE3, Some(0x80), Some(0x82))
            | (0xEF, Some(0xBC), Some(0x81 | 0x9F | 0x8E))
            | (0xEF, Some(0xBD), Some(0xA1))
    )
}

/// What a sentence-final character is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// `.`
    Dot,
    /// `!` `?` and their combined forms.
    Bang,
    /// `…`
    Ellipsis,
    /// Ideographic and full-width marks: always a boundary, space or not.
    Wide,
}

pub(super) fn mark(c: char) -> Option<Mark> {
    match c {
        '.' => Some(Mark::Dot),
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => Some(Mark::Bang),
        '…' => Some(Mark::Ellipsis),
        '。' | '！' | '？' | '．' | '｡' => Some(Mark::Wide),
        _ => None,
    }
}

pub(super) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〉'
            | '》'
    )
}

pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

pub(super) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
    )
}

pub(super) fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '「' | '『'
    )
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '‣' | '◦' | '▪' | '●' | '∙' | '■' | '□' | '➢' | '►'
    )
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_mark_bytes_are_the_marks() {
        for c in ('\u{2000}'..='\u{2FFF}')
            .chain('\u{3000}'..='\u{3FFF}')
            .chain('\u{F000}'..='\u{FFFF}')
        {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if matches!(b[0], 0xE2 | 0xE3 | 0xEF) {
                assert_eq!(wide_mark_at(b, 0), mark(c).is_some(), "{c:?}");
            }
        }
    }
}
