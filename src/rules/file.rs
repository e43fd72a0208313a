//! One rule file and its lines, and the `file:line: reason` error every rule parser reports.

use std::fmt;

/// A rule file that does not parse: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// Rule file name, relative to the rules directory.
    pub file: String,
    /// 1-based line number; 0 when the error concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

impl RuleError {
    /// An error at `file:line`.
    pub fn new(file: &str, line: usize, reason: &str) -> RuleError {
        RuleError {
            file: file.to_string(),
            line,
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

impl std::error::Error for RuleError {}

/// Every error of a set of rule files (what compiling rules returns): an error type of its own,
/// so that `Rules::embedded()?` works in a function returning `Box<dyn Error>`; it reads as a
/// slice of [`RuleError`] and displays one `file:line: reason` per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl From<Vec<RuleError>> for RuleErrors {
    fn from(errors: Vec<RuleError>) -> RuleErrors {
        RuleErrors(errors)
    }
}

impl std::ops::Deref for RuleErrors {
    type Target = [RuleError];
    fn deref(&self) -> &[RuleError] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a RuleErrors {
    type Item = &'a RuleError;
    type IntoIter = std::slice::Iter<'a, RuleError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for RuleErrors {
    type Item = RuleError;
    type IntoIter = std::vec::IntoIter<RuleError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// The text of one rule file and its name.
#[derive(Clone, Debug)]
pub struct RuleFile {
    /// Name relative to the rules directory ("gazetteers/countries.txt").
    pub name: String,
    /// Full text.
    pub text: String,
}

/// One entry line of a rule file: comment stripped, whitespace trimmed, never blank.
#[derive(Clone, Copy, Debug)]
pub struct RuleLine<'a> {
    /// The rule file it comes from.
    pub file: &'a str,
    /// 1-based line number.
    pub number: usize,
    /// The entry, without comment and surrounding whitespace.
    pub text: &'a str,
}

impl RuleLine<'_> {
    /// An error pointing at this line.
    pub fn error(&self, reason: impl AsRef<str>) -> RuleError {
        RuleError::new(self.file, self.number, reason.as_ref())
    }

    /// The fields of the line split on `|`, each trimmed.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.text.split('|').map(str::trim)
    }
}

impl RuleFile {
    /// A rule file named `name` holding `text`. A UTF-8 byte order mark at its start (as some
    /// Windows editors write) is dropped; CRLF line ends read as LF (see [`RuleFile::lines`]).
    pub fn new(name: &str, text: String) -> RuleFile {
        let text = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        RuleFile {
            name: name.to_string(),
            text,
        }
    }

    /// The entry lines: `#` starts a comment (write `\#` for a literal `#`), blank lines skipped.
    pub fn lines(&self) -> impl Iterator<Item = RuleLine<'_>> {
        self.text.lines().enumerate().filter_map(|(i, raw)| {
            let text = strip_comment(raw).trim();
            (!text.is_empty()).then_some(RuleLine {
                file: &self.name,
                number: i + 1,
                text,
            })
        })
    }
}

fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1] != b'\\') {
            return &line[..i];
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let f = RuleFile::new("x.txt", "# header\n\nMr.  # title\n  Dr.\n".to_string());
        let lines: Vec<_> = f.lines().map(|l| (l.number, l.text)).collect();
        assert_eq!(lines, vec![(3, "Mr."), (4, "Dr.")]);
    }

    #[test]
    fn bom_and_crlf_read_as_plain_lines() {
        let plain = RuleFile::new("x.txt", "# c\nMr. | a\n\nDr.\n".to_string());
        let windows = RuleFile::new("x.txt", "\u{FEFF}# c\r\nMr. | a\r\n\r\nDr.\r\n".to_string());
        let bom_first = RuleFile::new("x.txt", "\u{FEFF}Mr. | a\n".to_string());
        let got = |f: &RuleFile| -> Vec<(usize, Vec<String>)> {
            f.lines()
                .map(|l| (l.number, l.fields().map(str::to_string).collect()))
                .collect()
        };
        assert_eq!(got(&plain), got(&windows));
        assert_eq!(
            got(&bom_first),
            vec![(1, vec!["Mr.".to_string(), "a".to_string()])]
        );
        assert_eq!(RuleFile::new("e.txt", String::new()).lines().count(), 0);
    }

    #[test]
    fn error_display() {
        let f = RuleFile::new("a.txt", "x\n".to_string());
        let l = f.lines().next().unwrap();
        assert_eq!(l.error("bad").to_string(), "a.txt:1: bad");
    }
}
