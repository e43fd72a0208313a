//! The shape of a transcript label: a speaker's name in capitals and a colon at the start of a
//! line ("WALLACE: Let’s start …"). The entity stage skips such labels, attribution reads them.

/// The longest label, in bytes.
const MAX_LABEL: usize = 30;

/// The label of a transcript line: 1 to 3 words in capitals before a colon (byte range in the
/// line).
pub fn label(line: &str) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start_matches(['"', '“', '\'', '‘']).len();
    let rest = &line[lead..];
    let mut window = rest.len().min(MAX_LABEL + 2);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    // the first ": " of the window, byte by byte (no substring searcher to set up per line)
    let colon = rest.as_bytes()[..window]
        .windows(2)
        .position(|p| p == b": ")?;
    let label = &rest[..colon];
    let words = label.split(' ').count();
    let caps = label.split(' ').all(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '’' | '\''))
    });
    (colon > 0 && colon <= MAX_LABEL && words <= 3 && caps).then_some((lead, lead + colon))
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_are_short_capitals_before_a_colon() {
        assert_eq!(label("WALLACE: Let’s start."), Some((0, 7)));
        assert_eq!(label("“PENCE: Well, look."), Some((3, 8)));
        assert_eq!(label("Wallace: no capitals."), None);
        assert_eq!(label("Q: one letter."), None);
        assert_eq!(label("THE VERY LONG HEADLINE WORDS: no."), None);
    }
}
