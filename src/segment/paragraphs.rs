//! Paragraphs: the lines of the text, whitespace trimmed, blank lines dropped.

use crate::doc::Span;

/// Every non-blank line of `text` as a span trimmed of surrounding whitespace. News text puts
/// one paragraph (headline, dateline, body paragraph) per line; a paragraph break is a hard
/// sentence boundary.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // room for a news text's paragraphs (a line every 100 to 200 bytes): seldom a regrowth
    let mut out = Vec::with_capacity(text.len() / 96 + 8);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        if let Some(span) = trim(text, start, end) {
            out.push(span);
        }
        start = end + 1;
    }
    out
}

/// `text[start..end]` without leading and trailing whitespace, or `None` if nothing is left.
pub(crate) fn trim(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs() {
        let t = "Title\r\n\r\n  Body one.\nBody two.  \n\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(p, vec!["Title", "Body one.", "Body two."]);
    }
}
