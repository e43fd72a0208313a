//! Character classes: sentence-final marks, closing and opening marks, bullets, and the
//! vectorized search for mark candidates.

/// Finds the bytes that may start a sentence-final mark: `.` `!` `?`, `:` (after a credit word),
/// and the lead bytes of `…` `‼` `⁇` `⁈` `⁉` (E2), `。` (E3) and the full-width `！` `？` `．` `｡`
/// (EF). Three vectorized searches, each remembering its next hit, so that every byte of a
/// paragraph is searched at most once per search.
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
                let hay = &b[i.min(end)..end];
                let k = match n {
                    0 => memchr::memchr3(b'.', b'!', b'?', hay),
                    1 => memchr::memchr3(b':', 0xE2, 0xE3, hay),
                    _ => memchr::memchr(0xEF, hay),
                };
                *slot = (i, k.map_or(end, |k| i + k));
            }
            first = first.min(slot.1);
        }
        (first < limit && first < end).then_some(first)
    }
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
