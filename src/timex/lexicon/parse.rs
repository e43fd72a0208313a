//! Reading `dates.txt`: classes, values and phrases, every bad line a `dates.txt:LINE: reason`
//! error; then the lookup tables built from the phrases.

use super::{
    follower_bit, shape, Class, Entry, Lexicon, Unit, Val, WordId, ALONE, NONE, SHAPES, X,
};
use crate::hash::{short_key, ShortTable, SHORT_MAX};
use crate::rules::{RuleError, RuleFile};
use crate::timex::scan::{tokenize, Kind};

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
        Class::Ago | Class::After => match v {
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
        Class::Holiday => {
            let parts: Vec<&str> = v.split('-').collect();
            if parts.len() == 3 {
                let bad = || format!("value must be MM-DD or MM-N-D, not {v:?}");
                let m: u8 = parts[0].parse().map_err(|_| bad())?;
                let n: i8 = if parts[1] == "L" {
                    -1
                } else {
                    parts[1].parse().map_err(|_| bad())?
                };
                let d: u8 = parts[2].parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m)
                    || !(-1..=5).contains(&n)
                    || n == 0
                    || !(1..=7).contains(&d)
                {
                    return Err(bad());
                }
                Ok(Val::Nth(m, n, d))
            } else {
                pair('-', 12, 31, "MM-DD or MM-N-D")
            }
        }
        Class::Future
        | Class::Past
        | Class::Deadline
        | Class::Zone
        | Class::Fiscal
        | Class::Like
        | Class::Filler => {
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
        "after" => Class::After,
        "set" => Class::Set,
        "every" => Class::Every,
        "mod" => Class::Mod,
        "future" => Class::Future,
        "deadline" => Class::Deadline,
        "past" => Class::Past,
        "zone" => Class::Zone,
        "fiscal" => Class::Fiscal,
        "like" => Class::Like,
        "filler" => Class::Filler,
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
                let next = lex.lists.len() as WordId;
                let id = *lex.map.entry(first.clone()).or_insert(next);
                if id == next {
                    lex.lists.push(Vec::new());
                }
                lex.max_len = lex.max_len.max(first.len());
                if lex.shapes.is_empty() {
                    lex.shapes = vec![0; SHAPES / 64];
                }
                let sh = shape(first.as_bytes());
                lex.shapes[sh / 64] |= 1 << (sh % 64);
                lex.lists[id as usize].push(Entry {
                    rest: rest.to_vec(),
                    class,
                    val,
                    canonical: k == 0,
                });
            }
            if !any {
                errors.push(line.error("no phrase"));
            }
        }
        // the longest phrases first; a stable sort keeps the file's order among equals
        for list in &mut lex.lists {
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        let mut by_shape: Vec<(Box<str>, WordId)> =
            lex.map.iter().map(|(w, &id)| (w.clone(), id)).collect();
        by_shape.sort_by_key(|(w, _)| shape(w.as_bytes()));
        // where each shape's run starts: the number of words of a smaller shape
        let mut shape_start = vec![0u32; SHAPES + 1];
        for (w, _) in &by_shape {
            shape_start[shape(w.as_bytes()) + 1] += 1;
        }
        for sh in 0..SHAPES {
            shape_start[sh + 1] += shape_start[sh];
        }
        lex.shape_start = shape_start;
        lex.by_shape = by_shape;
        let short: Vec<(u64, WordId)> = lex
            .map
            .iter()
            .filter(|(w, _)| w.len() <= SHORT_MAX)
            .map(|(w, &id)| (short_key(w.as_bytes()), id))
            .collect();
        lex.short = ShortTable::new(&short, NONE);
        lex.alone = lex
            .lists
            .iter()
            .map(|l| {
                l.iter()
                    .any(|e| e.rest.is_empty() && ALONE & (1 << e.class as u32) != 0)
            })
            .collect();
        lex.followers = lex
            .lists
            .iter()
            .map(|l| {
                l.iter()
                    .filter_map(|e| e.rest.first())
                    .fold(0, |bits, w| bits | follower_bit(w))
            })
            .collect();
        lex.masks = lex
            .lists
            .iter()
            .map(|l| l.iter().fold(0, |m, e| m | 1 << e.class as u32))
            .collect();
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }
}
