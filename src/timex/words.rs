//! `timex_words.txt`: the words the patterns look for beside those of `dates.txt`, each with its
//! classes (a bit each), every bad line a `timex_words.txt:LINE: reason` error.

use crate::hash::FxMap;
use crate::rules::{RuleError, RuleFile};

/// Words not in `dates.txt` that may start an expression ("Q3", "once a week").
pub const OPENS: u8 = 1;
/// Words not in `dates.txt` that carry an expression on ("the latest quarter", "two hundred").
pub const CONTINUES: u8 = 2;
/// Words after a number that may make it part of an expression ("10th", "5 pm", "300 BC").
pub const AFTER_NUMBER: u8 = 4;

const CLASSES: &[(&str, u8)] = &[
    ("opens", OPENS),
    ("continues", CONTINUES),
    ("after_number", AFTER_NUMBER),
];

/// Every word of `timex_words.txt` with its class bits.
#[derive(Clone, Debug, Default)]
pub struct TimexWords {
    map: FxMap<Box<str>, u8>,
}

impl TimexWords {
    /// Parses `timex_words.txt`; every bad line becomes an error.
    pub fn parse(file: &RuleFile) -> Result<TimexWords, Vec<RuleError>> {
        let mut map: FxMap<Box<str>, u8> = FxMap::default();
        let mut errors = Vec::new();
        for line in file.lines() {
            let f: Vec<&str> = line.fields().collect();
            if f.len() != 2 {
                errors.push(line.error("expected CLASS | word word …"));
                continue;
            }
            let Some(&(_, bit)) = CLASSES.iter().find(|(n, _)| *n == f[0]) else {
                let names: Vec<&str> = CLASSES.iter().map(|(n, _)| *n).collect();
                errors.push(line.error(format!(
                    "unknown class {:?} (one of {})",
                    f[0],
                    names.join(" ")
                )));
                continue;
            };
            let mut any = false;
            for w in f[1].split_whitespace() {
                if !w.bytes().all(|b| b.is_ascii_lowercase()) {
                    errors.push(
                        line.error(format!("word {w:?} is not plain lowercase ASCII letters")),
                    );
                    continue;
                }
                any = true;
                *map.entry(w.into()).or_default() |= bit;
            }
            if !any {
                errors.push(line.error("no word"));
            }
        }
        if errors.is_empty() {
            Ok(TimexWords { map })
        } else {
            Err(errors)
        }
    }

    /// The class bits of `w` (lowercase), 0 for a word not listed.
    pub fn bits(&self, w: &str) -> u8 {
        self.map.get(w).copied().unwrap_or(0)
    }

    /// Every word listed, each once.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.map.keys().map(|w| &**w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_errors() {
        let f = RuleFile::new(
            "timex_words.txt",
            "opens | q once\nbogus | x\ncontinues | Latest\nafter_number\nopens |\n".into(),
        );
        let e = TimexWords::parse(&f).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|x| x.line).collect();
        assert_eq!(lines, vec![2, 3, 3, 4, 5], "{e:?}");
        assert!(e[0].to_string().starts_with("timex_words.txt:2: "));
    }

    #[test]
    fn embedded_words_have_their_classes() {
        let src = crate::rules::RuleSources::embedded();
        let w = TimexWords::parse(src.get("timex_words.txt")).unwrap();
        assert_eq!(w.bits("q"), OPENS);
        assert_eq!(w.bits("half"), OPENS | CONTINUES);
        assert_eq!(w.bits("oclock"), CONTINUES | AFTER_NUMBER);
        assert_eq!(w.bits("said"), 0);
    }
}
