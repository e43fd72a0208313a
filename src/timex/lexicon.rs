//! `dates.txt` parsed into a lexicon: phrase → (class, value), looked up token by token.

use std::collections::HashMap;

use super::scan::{tokenize, Kind};
use crate::rules::{RuleError, RuleFile};

/// Word classes of `dates.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Month names.
    Month,
    /// Weekday names.
    Weekday,
    /// Cardinal words.
    Number,
    /// Ordinal words.
    Ordinal,
    /// Units of time.
    Unit,
    /// Seasons.
    Season,
    /// Parts of the day.
    Part,
    /// Named clock times.
    Clock,
    /// Day offsets ("yesterday").
    Day,
    /// Night offsets ("tonight").
    Night,
    /// Vague references ("now").
    Ref,
    /// last / this / next.
    Shift,
    /// ago / later.
    Ago,
    /// One-word sets.
    Set,
    /// every / each.
    Every,
    /// Modifiers taken into the span.
    Mod,
    /// Words pointing to the future.
    Future,
    /// Time zones.
    Zone,
    /// "fiscal".
    Fiscal,
    /// Fixed holidays.
    Holiday,
}

/// A time unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Year.
    Year,
    /// Month.
    Month,
    /// Week.
    Week,
    /// Day.
    Day,
    /// Hour.
    Hour,
    /// Minute.
    Minute,
    /// Second.
    Second,
    /// Decade.
    Decade,
    /// Century.
    Century,
    /// Quarter.
    Quarter,
}

/// The value of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// No value.
    None,
    /// An integer (month, weekday, number, offset…); `i32::MIN` stands for X (unknown count).
    Int(i32),
    /// A unit.
    Unit(Unit),
    /// A fixed string (season code, part of day, TIMEX3 mod, set value, ref value).
    Str(&'static str),
    /// A clock time or month-day: two numbers.
    Pair(u8, u8),
}

/// The unknown count ("several").
pub const X: i32 = i32::MIN;

#[derive(Clone, Debug)]
struct Entry {
    rest: Vec<Box<str>>,
    class: Class,
    val: Val,
    /// The first phrase of its line (the full name, not an abbreviation).
    canonical: bool,
}

/// Every phrase of `dates.txt`, keyed by its first word.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    map: HashMap<Box<str>, Vec<Entry>>,
}

/// One lexicon hit: the class, the value, the token index after the phrase, and whether the
/// phrase is its line's full name.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// Token index after the phrase.
    pub end: usize,
    /// Value.
    pub val: Val,
    /// True for the first phrase of a line.
    pub canonical: bool,
}

const MODS: &[&str] = &[
    "START",
    "END",
    "MID",
    "MORE_THAN",
    "LESS_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
];

fn intern(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|x| *x == s)
}

fn parse_val(class: Class, v: &str) -> Result<Val, String> {
    let int = |lo: i32, hi: i32| -> Result<Val, String> {
        match v.parse::<i32>() {
            Ok(n) if (lo..=hi).contains(&n) => Ok(Val::Int(n)),
            _ => Err(format!(
                "value must be an integer from {lo} to {hi}, not {v:?}"
            )),
        }
    };
    let pair = |sep: char, a_max: u8, b_max: u8, what: &str| -> Result<Val, String> {
        let bad = || format!("value must be {what}, not {v:?}");
        let (a, b) = v.split_once(sep).ok_or_else(bad)?;
        let a: u8 = a.parse().map_err(|_| bad())?;
        let b: u8 = b.parse().map_err(|_| bad())?;
        if a > a_max || b > b_max {
            return Err(bad());
        }
        Ok(Val::Pair(a, b))
    };
    let one_of = |list: &[&'static str]| -> Result<Val, String> {
        intern(v, list)
            .map(Val::Str)
            .ok_or_else(|| format!("value must be one of {}, not {v:?}", list.join(" ")))
    };
    match class {
        Class::Month => int(1, 12),
        Class::Weekday => int(1, 7),
        Class::Number => {
            if v == "X" {
                Ok(Val::Int(X))
            } else {
                int(0, 1_000_000)
            }
        }
        Class::Ordinal => int(1, 1000),
        Class::Day | Class::Night => int(-7, 7),
        Class::Shift => int(-1, 1),
        Class::Ago => match v {
            "-1" => Ok(Val::Int(-1)),
            "1" => Ok(Val::Int(1)),
            _ => Err(format!("value must be -1 or 1, not {v:?}")),
        },
        Class::Every => int(1, 100),
        Class::Unit => Ok(Val::Unit(match v {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "Q" => Unit::Quarter,
            _ => {
                return Err(format!(
                    "unit must be one of Y M W D H MIN S DE CE Q, not {v:?}"
                ))
            }
        })),
        Class::Season => one_of(&["SP", "SU", "FA", "WI"]),
        Class::Part => one_of(&["MO", "AF", "EV", "NI"]),
        Class::Ref => one_of(&["PRESENT_REF", "PAST_REF", "FUTURE_REF"]),
        Class::Set => one_of(&[
            "P1D", "P1W", "P1M", "P1Y", "PT1H", "P3M", "P2W", "P2Y", "P2M", "P2D", "PT1M",
        ]),
        Class::Mod => one_of(MODS),
        Class::Clock => pair(':', 23, 59, "HH:MM"),
        Class::Holiday => pair('-', 12, 31, "MM-DD"),
        Class::Future | Class::Zone | Class::Fiscal => {
            if v.is_empty() || v == "-" {
                Ok(Val::None)
            } else {
                Err(format!("this class takes no value, not {v:?}"))
            }
        }
    }
}

fn parse_class(s: &str) -> Option<Class> {
    Some(match s {
        "month" => Class::Month,
        "weekday" => Class::Weekday,
        "number" => Class::Number,
        "ordinal" => Class::Ordinal,
        "unit" => Class::Unit,
        "season" => Class::Season,
        "part" => Class::Part,
        "clock" => Class::Clock,
        "day" => Class::Day,
        "night" => Class::Night,
        "ref" => Class::Ref,
        "shift" => Class::Shift,
        "ago" => Class::Ago,
        "set" => Class::Set,
        "every" => Class::Every,
        "mod" => Class::Mod,
        "future" => Class::Future,
        "zone" => Class::Zone,
        "fiscal" => Class::Fiscal,
        "holiday" => Class::Holiday,
        _ => return None,
    })
}

impl Lexicon {
    /// Parses a rule file; every bad line becomes an error.
    pub fn parse(file: &RuleFile) -> Result<Lexicon, Vec<RuleError>> {
        let mut lex = Lexicon::default();
        let mut errors = Vec::new();
        let mut toks = Vec::new();
        for line in file.lines() {
            let fields: Vec<&str> = line.fields().collect();
            if !(2..=3).contains(&fields.len()) {
                errors.push(line.error("expected CLASS | phrases | VALUE"));
                continue;
            }
            let Some(class) = parse_class(fields[0]) else {
                errors.push(line.error(format!("unknown class {:?}", fields[0])));
                continue;
            };
            let val = match parse_val(class, fields.get(2).copied().unwrap_or("")) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(line.error(e));
                    continue;
                }
            };
            let mut any = false;
            for (k, phrase) in fields[1].split(',').map(str::trim).enumerate() {
                if phrase.is_empty() {
                    continue;
                }
                let low = phrase.to_lowercase();
                toks.clear();
                tokenize(&low, 0, low.len(), &mut toks);
                if toks.iter().any(|t| t.kind == Kind::Other) {
                    errors.push(line.error(format!("phrase {phrase:?} is not plain ASCII")));
                    continue;
                }
                let words: Vec<Box<str>> =
                    toks.iter().map(|t| low[t.start..t.end].into()).collect();
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                any = true;
                let list = lex.map.entry(first.clone()).or_default();
                list.push(Entry {
                    rest: rest.to_vec(),
                    class,
                    val,
                    canonical: k == 0,
                });
                list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
            }
            if !any {
                errors.push(line.error("no phrase"));
            }
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    /// The longest phrase of `class` starting at token `i`; `word(j)` gives token j's lowercase
    /// text (or None past the end).
    pub fn hit<'w>(
        &self,
        class: Class,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<Hit> {
        let w = word(i)?;
        if w.len() > 24 {
            return None;
        }
        let list = self.map.get(w)?;
        list.iter()
            .filter(|e| e.class == class)
            .find(|e| {
                e.rest
                    .iter()
                    .enumerate()
                    .all(|(k, r)| word(i + 1 + k) == Some(&**r))
            })
            .map(|e| Hit {
                end: i + 1 + e.rest.len(),
                val: e.val,
                canonical: e.canonical,
            })
    }

    /// True when some phrase of any class starts with this word.
    pub fn knows(&self, w: &str) -> bool {
        w.len() <= 24 && self.map.contains_key(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> Result<Lexicon, Vec<RuleError>> {
        Lexicon::parse(&RuleFile::new("dates.txt", text.to_string()))
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        let e = lex("month | jan | 13\nbogus | x | 1\nunit | yr | Z\nmonth\nmod | x | NOPE\nref | x | NOW\nclock | noon | 25:00\nfuture | will | 3\nmonth | , | 1\n").unwrap_err();
        let lines: Vec<usize> = e.iter().map(|x| x.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert!(e[0].to_string().starts_with("dates.txt:1: "));
    }

    #[test]
    fn phrases_match_longest() {
        let l = lex("number | a, a couple of | 1\nfuture | 'll\n").unwrap();
        let words = ["a", "couple", "of", "days"];
        let h = l.hit(Class::Number, 0, |j| words.get(j).copied()).unwrap();
        assert_eq!(h.end, 3);
        let words = ["'", "ll"];
        assert!(l.hit(Class::Future, 0, |j| words.get(j).copied()).is_some());
    }
}
