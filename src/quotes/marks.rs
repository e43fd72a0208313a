//! Compiling `quote_marks.txt` into one automaton over every mark string.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::rules::{RuleError, RuleSources};

/// Whether a pair of marks makes top-level or nested quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A top-level quotation.
    Double,
    /// A quotation nested inside a top-level one.
    Single,
}

/// One pair of quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkPair {
    /// Opening mark.
    pub open: String,
    /// Closing mark.
    pub close: String,
    /// Top-level or nested.
    pub level: Level,
}

/// Compiled quotation-mark rules.
pub struct QuoteRules {
    /// Every pair, in file order.
    pub pairs: Vec<MarkPair>,
    /// The distinct mark strings, indexed like the automaton's patterns.
    pub strings: Vec<String>,
    /// For each mark string, the pairs it opens.
    pub opens: Vec<Vec<usize>>,
    /// For each mark string, the pairs it closes.
    pub closes: Vec<Vec<usize>>,
    /// Leftmost-longest automaton over `strings`.
    pub automaton: AhoCorasick,
}

impl QuoteRules {
    /// Compiles `quote_marks.txt`.
    pub fn compile(src: &RuleSources) -> Result<QuoteRules, Vec<RuleError>> {
        let file = src.get("quote_marks.txt");
        let mut errors = Vec::new();
        let mut pairs = Vec::new();
        for line in file.lines() {
            let f: Vec<&str> = line.fields().collect();
            if f.len() != 3 {
                errors.push(line.error("expected OPEN | CLOSE | LEVEL"));
                continue;
            }
            if f[0].is_empty() || f[1].is_empty() {
                errors.push(line.error("empty quotation mark"));
                continue;
            }
            if f[0].chars().any(char::is_whitespace) || f[1].chars().any(char::is_whitespace) {
                errors.push(line.error("a quotation mark cannot hold whitespace"));
                continue;
            }
            let level = match f[2] {
                "double" => Level::Double,
                "single" => Level::Single,
                other => {
                    errors.push(line.error(format!(
                        "unknown level {other:?} (expected double or single)"
                    )));
                    continue;
                }
            };
            pairs.push(MarkPair {
                open: f[0].to_string(),
                close: f[1].to_string(),
                level,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut strings: Vec<String> = Vec::new();
        let mut opens: Vec<Vec<usize>> = Vec::new();
        let mut closes: Vec<Vec<usize>> = Vec::new();
        for (i, p) in pairs.iter().enumerate() {
            for (s, is_open) in [(&p.open, true), (&p.close, false)] {
                let k = match strings.iter().position(|x| x == s) {
                    Some(k) => k,
                    None => {
                        strings.push(s.clone());
                        opens.push(Vec::new());
                        closes.push(Vec::new());
                        strings.len() - 1
                    }
                };
                if is_open {
                    opens[k].push(i);
                } else {
                    closes[k].push(i);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .map_err(|e| vec![RuleError::new(&file.name, 0, &e.to_string())])?;
        Ok(QuoteRules {
            pairs,
            strings,
            opens,
            closes,
            automaton,
        })
    }
}
