//! The patterns of temporal expressions over timex tokens: at each token, every pattern is tried
//! and the longest match wins.

use super::lexicon::{Class, Lexicon, Unit, Val, WordId, NONE, X};
use super::resolve::Sem;
use super::scan::{Kind, Tok};
use crate::doc::TimexType;

/// A matched expression: token range, type, meaning and mod.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Meaning.
    pub sem: Sem,
    /// TIMEX3 mod.
    pub modifier: Option<&'static str>,
}

type Core = (usize, TimexType, Sem);

/// The tokens of one segment and what is needed to read them.
pub struct Matcher<'a> {
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Original text (for capitalization).
    pub text: &'a str,
    /// ASCII-lowercased text, same offsets.
    pub low: &'a str,
    /// Tokens of the segment.
    pub toks: &'a [Tok],
    /// Lexicon id of each token ([`NONE`] when unknown).
    pub ids: &'a [WordId],
    /// The segment is a title-case headline: capitals say nothing about names there.
    pub title: std::cell::OnceCell<bool>,
}

/// True when most longer words of `toks` are capitalized and no period closes them (a
/// headline).
pub fn is_title(text: &str, toks: &[Tok]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks {
        if t.kind == Kind::Word && t.end - t.start > 3 {
            words += 1;
            caps += usize::from(text.as_bytes()[t.start].is_ascii_uppercase());
        }
    }
    // a headline has no closing period
    let closed = toks.last().is_some_and(|t| &text[t.start..t.end] == ".");
    words >= 2 && caps * 10 >= words * 7 && !closed
}

const QTY_MODS: &[&str] = &[
    "MORE_THAN",
    "LESS_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "APPROX",
];

fn longest(a: Option<Core>, b: Option<Core>) -> Option<Core> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

impl<'a> Matcher<'a> {
    /// True when the segment is a headline (computed once, when first asked).
    fn title(&self) -> bool {
        *self.title.get_or_init(|| is_title(self.text, self.toks))
    }

    /// Lowercase text of token `i`.
    pub fn w(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        self.low.get(t.start..t.end)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            self.low.get(t.start..t.end)
        } else {
            None
        }
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == Some(s)
    }

    /// True when token `i` exists and touches the one before it.
    fn adj(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start))
            .is_some_and(|b| b.is_ascii_uppercase())
    }

    /// A lexicon hit of `class` at token `i`.
    pub fn hit(&self, class: Class, i: usize) -> Option<(usize, Val, bool)> {
        let id = *self.ids.get(i)?;
        if id == NONE {
            return None;
        }
        self.lex
            .hit_id(id, class, i, |j| self.w(j))
            .map(|h| (h.end, h.val, h.canonical))
    }

    fn int(&self, class: Class, i: usize) -> Option<(usize, i32)> {
        match self.hit(class, i)? {
            (e, Val::Int(n), _) => Some((e, n)),
            _ => None,
        }
    }

    /// A digit run of at most 9 digits: (value, number of digits).
    fn num(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        let s = &self.low[t.start..t.end];
        Some((s.parse().ok()?, s.len()))
    }

    /// A digit run not glued to a decimal point or a thousands separator after it.
    fn plain_num(&self, i: usize) -> Option<(i64, usize)> {
        let n = self.num(i)?;
        if (self.is(i + 1, ".") || self.is(i + 1, ",") || self.is(i + 1, ":"))
            && self.adj(i + 1)
            && self.num(i + 2).is_some()
            && self.adj(i + 2)
        {
            return None;
        }
        if i > 0 && self.adj(i) && (self.is(i - 1, ".") || self.is(i - 1, "$")) {
            return None;
        }
        Some(n)
    }

    /// "27th", "1st": (value, end).
    fn ddth(&self, i: usize) -> Option<(usize, i64)> {
        let (n, _) = self.num(i)?;
        let suf = self.word(i + 1)?;
        (self.adj(i + 1) && matches!(suf, "st" | "nd" | "rd" | "th")).then_some((i + 2, n))
    }

    /// A cardinal: digits or number words ("twenty four", "twenty-four", "a few").
    fn amount(&self, i: usize) -> Option<(usize, i32)> {
        let (e, n) = self.amount_base(i)?;
        // "ten thousand", "13 billion": a count too large to resolve stays unknown (X)
        let mult: i64 = match self.w(e) {
            Some("hundred") => 100,
            Some("thousand") => 1_000,
            Some("million") => 1_000_000,
            Some("billion") => 1_000_000_000,
            _ => return Some((e, n)),
        };
        if n == X {
            return Some((e + 1, X));
        }
        Some((e + 1, i32::try_from(n as i64 * mult).unwrap_or(X)))
    }

    fn amount_base(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((n, _)) = self.plain_num(i) {
            if self.is(i + 1, ",") && self.adj(i + 1) && self.num(i + 2).is_some() {
                return None;
            }
            return Some((i + 1, i32::try_from(n).ok()?));
        }
        let (e, n) = self.int(Class::Number, i)?;
        if n != X && (20..100).contains(&n) && n % 10 == 0 {
            let j = if self.is(e, "-") && self.adj(e) {
                e + 1
            } else {
                e
            };
            if let Some((e2, k)) = self.int(Class::Number, j) {
                if (1..10).contains(&k) {
                    return Some((e2, n + k));
                }
            }
        }
        if n == 1 {
            // "a few", "a couple of" are their own phrases; "a" + another count is not a count
            if let Some((e2, k)) = self.int(Class::Number, e) {
                if k == X {
                    return Some((e2, X));
                }
            }
        }
        Some((e, n))
    }

    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        match self.hit(Class::Unit, i)? {
            (e, Val::Unit(u), _) => Some((e, u)),
            _ => None,
        }
    }

    fn plural(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.ends_with('s') || w == "centuries")
    }

    /// A four-digit year (1000–2199) that is not part of a bigger number.
    fn year(&self, i: usize) -> Option<i32> {
        let (n, d) = self.plain_num(i)?;
        if d != 4 || !(1000..2200).contains(&n) {
            return None;
        }
        if self.adj(i + 1) && (self.is(i + 1, "%") || self.word(i + 1).is_some()) {
            return None;
        }
        Some(n as i32)
    }

    fn month(&self, i: usize, bare: bool) -> Option<(usize, u8)> {
        let (e, v, canonical) = self.hit(Class::Month, i)?;
        let Val::Int(m) = v else { return None };
        if !self.cap(i) {
            return None;
        }
        let dot = self.is(e, ".") && self.adj(e);
        if !canonical && !dot && bare {
            return None;
        }
        Some((if dot && !canonical { e + 1 } else { e }, m as u8))
    }

    fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let (e, v, canonical) = self.hit(Class::Weekday, i)?;
        let Val::Int(wd) = v else { return None };
        if canonical {
            return Some((e, wd as u8));
        }
        (self.cap(i) && self.is(e, ".") && self.adj(e)).then_some((e + 1, wd as u8))
    }

    fn day_num(&self, i: usize) -> Option<(usize, u8)> {
        if let Some((e, n)) = self.ddth(i) {
            return (1..=31).contains(&n).then_some((e, n as u8));
        }
        let (n, d) = self.plain_num(i)?;
        if d > 2 || !(1..=31).contains(&n) {
            return None;
        }
        // "May 10 percent", "Jan. 5 hours" are not days
        if self.unit(i + 1).is_some() || self.is(i + 1, "%") {
            return None;
        }
        Some((i + 1, n as u8))
    }

    /// A year at token `i`, in digits ("1994") or words ("nineteen ninety-four"): (end, year).
    fn any_year(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year(i) {
            return Some((i + 1, y));
        }
        let (e, hi) = self.int(Class::Number, i)?;
        if !(11..=20).contains(&hi) || self.num(e).is_some() {
            return None;
        }
        let (e2, lo) = self.amount(e)?;
        (10..=99).contains(&lo).then_some((e2, hi * 100 + lo))
    }

    /// Month [Day] [, Year] | Month Year | Month last year | Month alone.
    fn month_expr(&self, i: usize) -> Option<Core> {
        let (e, m) = self.month(i, false)?;
        let date = |y, d| Sem::Date { y, m, d };
        if let Some((e2, d)) = self.day_num(e) {
            let c = if self.is(e2, ",") { e2 + 1 } else { e2 };
            if let Some(y) = self.year(c) {
                return Some((c + 1, TimexType::Date, date(Some(y), Some(d))));
            }
            return Some((e2, TimexType::Date, date(None, Some(d))));
        }
        let c = if self.is(e, ",") || self.is(e, "of") {
            e + 1
        } else {
            e
        };
        if let Some((e2, y)) = self.any_year(c) {
            return Some((e2, TimexType::Date, date(Some(y), None)));
        }
        if let Some((e2, s)) = self.int(Class::Shift, e) {
            if self.unit(e2).is_some_and(|(_, u)| u == Unit::Year) && !self.plural(e2) {
                return Some((
                    e2 + 1,
                    TimexType::Date,
                    Sem::MonthOfRelYear { m, yshift: s },
                ));
            }
        }
        let (e, _) = self.month(i, true)?;
        Some((e, TimexType::Date, date(None, None)))
    }

    /// Day Month [Year]: "10 January 2022", "the 10th of January".
    fn day_month(&self, i: usize) -> Option<Core> {
        let (e, d) = self.day_num(i)?;
        let j = if self.is(e, "of") { e + 1 } else { e };
        let (e2, m) = self.month(j, false)?;
        let c = if self.is(e2, ",") { e2 + 1 } else { e2 };
        let y = self.year(c);
        let end = if y.is_some() { c + 1 } else { e2 };
        Some((end, TimexType::Date, Sem::Date { y, m, d: Some(d) }))
    }

    /// A part of day right after a day expression ending at `e`.
    fn with_part(&self, core: Core) -> Core {
        let (e, _, ref sem) = core;
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            return (
                e2,
                TimexType::Time,
                Sem::Part {
                    date: Box::new(sem.clone()),
                    part: p,
                },
            );
        }
        core
    }

    fn weekday_expr(&self, i: usize) -> Option<Core> {
        if let Some(w) = self.word(i) {
            // plural weekday: a set ("Mondays", "Tuesday nights")
            if let Some(stem) = w.strip_suffix('s') {
                if let Some((1, Val::Int(wd), true)) = self
                    .lex
                    .hit(Class::Weekday, 0, |j| (j == 0).then_some(stem))
                    .map(|h| (h.end, h.val, h.canonical))
                {
                    return Some((
                        i + 1,
                        TimexType::Set,
                        Sem::SetWeekday {
                            wd: wd as u8,
                            part: None,
                        },
                    ));
                }
            }
        }
        let (e, wd) = self.weekday(i)?;
        if let Some(nw) = self.word(e) {
            if let Some(stem) = nw.strip_suffix('s') {
                if let Some(h) = self.lex.hit(Class::Part, 0, |j| (j == 0).then_some(stem)) {
                    if let Val::Str(p) = h.val {
                        return Some((
                            e + 1,
                            TimexType::Set,
                            Sem::SetWeekday { wd, part: Some(p) },
                        ));
                    }
                }
            }
        }
        let c = if self.is(e, ",") { e + 1 } else { e };
        if let Some(m) = self.month_expr(c).or_else(|| self.day_month(c)) {
            if matches!(m.2, Sem::Date { d: Some(_), .. }) {
                return Some(m);
            }
        }
        Some(self.with_part((e, TimexType::Date, Sem::Weekday { wd, shift: None })))
    }

    fn numeric(&self, i: usize) -> Option<Core> {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1)?;
        if !matches!(sep, "-" | "/" | ".") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if !self.is(i + 3, sep) || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        // not part of a longer dotted or dashed number
        let longer = self.is(i + 5, sep) && self.adj(i + 6) && self.num(i + 6).is_some();
        if self.adj(i + 5) && (longer || self.word(i + 5).is_some()) {
            return None;
        }
        if i > 0 && self.adj(i) && self.toks[i - 1].kind != Kind::Other && !self.is(i - 1, "(") {
            return None;
        }
        let full_year = |y: i64, d: usize| match d {
            4 => Some(y as i32),
            2 if y < 50 => Some(2000 + y as i32),
            2 => Some(1900 + y as i32),
            _ => None,
        };
        let (y, m, d) = match sep {
            "-" if da == 4 && db <= 2 && dc <= 2 => (a as i32, b, c),
            "/" if da <= 2 && db <= 2 => {
                let y = full_year(c, dc)?;
                if a <= 12 {
                    (y, a, b)
                } else {
                    (y, b, a)
                }
            }
            "." if da <= 2 && db <= 2 && dc == 4 => {
                if b <= 12 {
                    (c as i32, b, a)
                } else {
                    (c as i32, a, b)
                }
            }
            _ => return None,
        };
        jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()?;
        Some((
            i + 5,
            TimexType::Date,
            Sem::Date {
                y: Some(y),
                m: m as u8,
                d: Some(d as u8),
            },
        ))
    }

    /// Years, decades ("1990s", "'90s"), "fiscal 1989".
    fn year_expr(&self, i: usize) -> Option<Core> {
        if let Some((e, _, _)) = self.hit(Class::Fiscal, i) {
            let y = self.year(e)?;
            return Some((e + 1, TimexType::Date, Sem::Year(y)));
        }
        if self.is(i, "'") || self.is(i, "\u{2019}") {
            // "'90s", "’70's"
            let (n, d) = self.num(i + 1)?;
            let mut e = i + 2;
            if self.adj(e) && (self.is(e, "'") || self.is(e, "\u{2019}")) {
                e += 1;
            }
            if d == 2 && n % 10 == 0 && self.is(e, "s") && self.adj(i + 1) && self.adj(e) {
                return Some((e + 1, TimexType::Date, Sem::Decade(190 + n as i32 / 10)));
            }
            // "'71": a year of the last century (or of this one, below 30)
            if d == 2 && self.adj(i + 1) && self.word(i + 2).is_none_or(|_| !self.adj(i + 2)) {
                let y = if n < 30 { 2000 } else { 1900 } + n as i32;
                return Some((i + 2, TimexType::Date, Sem::Year(y)));
            }
            return None;
        }
        if let Some((e, hi)) = self.int(Class::Number, i) {
            // "nineteen ninety-six", "twenty twenty-one"
            if (11..=20).contains(&hi) && self.num(e).is_none() {
                if let Some((e2, lo)) = self.amount(e) {
                    if (10..=99).contains(&lo) {
                        return Some((e2, TimexType::Date, Sem::Year(hi * 100 + lo)));
                    }
                }
            }
        }
        let (n, d) = self.num(i)?;
        if d == 2 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "s") {
            // "the 90s"
            return Some((i + 2, TimexType::Date, Sem::Decade(190 + n as i32 / 10)));
        }
        if d == 4 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "s") {
            return Some((i + 2, TimexType::Date, Sem::Decade(n as i32 / 10)));
        }
        if d == 4 && n % 10 == 0 && self.adj(i + 1) && self.is(i + 1, "'") && self.is(i + 2, "s") {
            return Some((i + 3, TimexType::Date, Sem::Decade(n as i32 / 10)));
        }
        let y = self.year(i)?;
        // a bare year must look like one: 1800–2199, or earlier after "in"/"since"/…, or before
        // anything but a noun ("1500 soldiers")
        let after_prep = i > 0
            && matches!(
                self.w(i - 1),
                Some("in" | "since" | "of" | "from" | "until" | "by" | "before" | "after" | "(")
            );
        // "(1894 – 96)", "1640 and 1656", "1704, when …": a year among years or in brackets
        let listed = matches!(
            self.w(i + 1),
            Some("," | ")" | "-" | "and" | "to" | "\u{2013}")
        ) || (i > 0 && matches!(self.w(i - 1), Some("," | "and" | "\u{2013}")));
        let glued_to_number =
            i > 1 && self.adj(i) && self.is(i - 1, "-") && self.toks[i - 2].kind == Kind::Num;
        let noun_next = self.word(i + 1).is_some_and(|w| {
            !matches!(
                w,
                "and"
                    | "or"
                    | "to"
                    | "until"
                    | "when"
                    | "where"
                    | "as"
                    | "by"
                    | "in"
                    | "the"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "was"
                    | "were"
                    | "a"
                    | "at"
                    | "with"
                    | "on"
                    | "for"
                    | "after"
                    | "before"
                    | "during"
                    | "his"
                    | "her"
            )
        });
        if y < 1800 && (glued_to_number || noun_next || !(after_prep || listed)) {
            return None;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                Some("no" | "#" | "number" | "route" | "flight")
            )
        {
            return None;
        }
        Some((i + 1, TimexType::Date, Sem::Year(y)))
    }

    /// Ordinal quarter or half: "third quarter", "third-quarter", "Q3", "the 1988 second quarter".
    fn quarter_expr(&self, i: usize) -> Option<Core> {
        let (e, q, half) = if self.is(i, "q") && self.cap(i) && self.adj(i + 1) {
            let (n, d) = self.num(i + 1)?;
            ((d == 1 && (1..=4).contains(&n)).then_some((i + 2, n as u8, false)))?
        } else {
            let (e, n) = self
                .int(Class::Ordinal, i)
                .or_else(|| self.ddth(i).map(|(e, n)| (e, n as i32)))?;
            let j = if self.is(e, "-") && self.adj(e) {
                e + 1
            } else {
                e
            };
            let w = self.word(j)?;
            let half = match w {
                "quarter" => false,
                "half" => true,
                _ => return None,
            };
            let max = if half { 2 } else { 4 };
            if !(1..=max).contains(&n) {
                return None;
            }
            (j + 1, n as u8, half)
        };
        let mut end = e;
        let mut y = None;
        let mut yshift = None;
        let c = if self.is(e, "of") || self.is(e, ",") {
            e + 1
        } else {
            e
        };
        if let Some(yy) = self.year(c) {
            y = Some(yy);
            end = c + 1;
        } else if self.is(e, "of") {
            if let Some((e2, s)) = self.int(Class::Shift, c) {
                if self.is(e2, "year") {
                    yshift = Some(s);
                    end = e2 + 1;
                }
            }
        }
        Some((end, TimexType::Date, Sem::Quarter { q, half, y, yshift }))
    }

    fn season_expr(&self, i: usize) -> Option<Core> {
        let (e, v, _) = self.hit(Class::Season, i)?;
        let Val::Str(s) = v else { return None };
        let c = if self.is(e, "of") { e + 1 } else { e };
        if let Some((e2, y)) = self.any_year(c) {
            return Some((
                e2,
                TimexType::Date,
                Sem::Season {
                    s,
                    y: Some(y),
                    shift: None,
                },
            ));
        }
        // "fall" alone is a verb far more often than a season
        if self.is(i, "fall") {
            return None;
        }
        Some((
            e,
            TimexType::Date,
            Sem::Season {
                s,
                y: None,
                shift: None,
            },
        ))
    }

    /// Number + unit (+ ago): durations and "two years ago".
    fn amount_expr(&self, i: usize) -> Option<Core> {
        let (e, n) = self.amount(i)?;
        // "two-year", "16-hour": adjectival durations
        let j = if self.is(e, "-") && self.adj(e) && self.adj(e + 1) {
            e + 1
        } else {
            e
        };
        let (e2, unit) = self.unit(j)?;
        if n >= 1000 && !self.plural(j) {
            return None;
        }
        let article = matches!(self.w(i), Some("a" | "an" | "one"));
        if article && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        // ages are not durations: "40-year-old", "20 years old"
        if self.is(e2, "old") || (self.is(e2, "-") && self.is(e2 + 1, "old")) {
            return None;
        }
        if let Some((e3, sign)) = self.int(Class::Ago, e2) {
            return Some((e3, TimexType::Date, Sem::Ago { n, unit, sign }));
        }
        if let Some((e3, sign)) = self.int(Class::After, e2) {
            return Some((e3, TimexType::Date, Sem::Shifted { n, unit, sign }));
        }
        // "a week or so ago"
        if self.is(e2, "or") && self.is(e2 + 1, "so") {
            if let Some((e3, sign)) = self.int(Class::Ago, e2 + 2) {
                return Some((e3, TimexType::Date, Sem::Ago { n, unit, sign }));
            }
        }
        Some((e2, TimexType::Duration, Sem::Dur { n, unit }))
    }

    /// "for years", "in weeks": a bare plural unit after for / in / over.
    fn bare_plural(&self, i: usize) -> Option<Core> {
        if i == 0 || !matches!(self.w(i - 1), Some("for" | "in" | "over" | "within")) {
            return None;
        }
        let (e, unit) = self.unit(i)?;
        if !self.plural(i) || self.is(e, "of") || matches!(unit, Unit::Quarter | Unit::Second) {
            return None;
        }
        Some((e, TimexType::Duration, Sem::Dur { n: X, unit }))
    }

    /// last / this / next + unit, weekday, month, season, weekend, part of day.
    fn shift_expr(&self, i: usize) -> Option<Core> {
        let (e, s) = self.int(Class::Shift, i)?;
        let shift_word = self.w(i).unwrap_or("");
        let the = i > 0 && self.is(i - 1, "the");
        let from_ref = the && matches!(shift_word, "following" | "previous" | "preceding");
        if let Some((e2, unit)) = self.unit(e) {
            // "the following year", "the next day": counted from the last date written
            let next_day = the && shift_word == "next" && unit == Unit::Day;
            if (from_ref || next_day) && !self.plural(e) {
                return Some((e2, TimexType::Date, Sem::RefUnit { unit, shift: s }));
            }
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            if from_ref || (the && shift_word == "next") {
                let day = Sem::RefUnit {
                    unit: Unit::Day,
                    shift: s,
                };
                let sem = Sem::Part {
                    date: Box::new(day),
                    part: p,
                };
                return Some((e2, TimexType::Time, sem));
            }
        }
        if let Some((e2, unit)) = self.unit(e) {
            if self.plural(e) {
                // "the past weeks", "coming months": a vague duration
                return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
            }
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                return Some((e2, TimexType::Duration, Sem::Dur { n: 1, unit }));
            }
            if s != 0 && unit == Unit::Day {
                return None;
            }
            return Some((e2, TimexType::Date, Sem::RelUnit { unit, shift: s }));
        }
        // "the past three years", "the next two weeks"
        if s != 0 {
            if let Some((e2, TimexType::Duration, sem)) = self.amount_expr(e) {
                return Some((e2, TimexType::Duration, sem));
            }
        }
        if let Some((e2, wd)) = self.weekday(e) {
            let core = (e2, TimexType::Date, Sem::Weekday { wd, shift: Some(s) });
            return Some(self.with_part(core));
        }
        if let Some((e2, m)) = self.month(e, true) {
            return Some((e2, TimexType::Date, Sem::MonthShift { m, shift: s }));
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Season, e) {
            return Some((
                e2,
                TimexType::Date,
                Sem::Season {
                    s: p,
                    y: None,
                    shift: Some(s),
                },
            ));
        }
        if self.is(e, "weekend") {
            return Some((e + 1, TimexType::Date, Sem::Weekend(s)));
        }
        if let Some((e2, Val::Str(p), _)) = self.hit(Class::Part, e) {
            if shift_word == "this" {
                return Some((
                    e2,
                    TimexType::Time,
                    Sem::Part {
                        date: Box::new(Sem::RelDay(0)),
                        part: p,
                    },
                ));
            }
        }
        None
    }

    fn every_expr(&self, i: usize) -> Option<Core> {
        let (e, step) = if matches!(self.w(i), Some("once" | "twice")) {
            let j = e_after(self, i + 1, &["a", "an", "per", "every", "each"])?;
            (j, 1)
        } else if let Some((e, _)) = self.amount(i).filter(|_| self.num(i).is_none()) {
            if !self.is(e, "times") {
                return None;
            }
            (
                e_after(self, e + 1, &["a", "an", "per", "every", "each"])?,
                1,
            )
        } else {
            self.int(Class::Every, i)?
        };
        if let Some((e2, n)) = self.amount(e) {
            if let Some((e3, unit)) = self.unit(e2) {
                return Some((e3, TimexType::Set, Sem::Every { n: n * step, unit }));
            }
        }
        if let Some((e2, unit)) = self.unit(e) {
            // "per second", "per hour" are rates, not recurrences
            if self.is(i, "per") && matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            return Some((e2, TimexType::Set, Sem::Every { n: step, unit }));
        }
        if let Some((e2, wd)) = self.weekday(e) {
            return Some((e2, TimexType::Set, Sem::SetWeekday { wd, part: None }));
        }
        None
    }

    /// Clock times: "2:30 p.m.", "10 a.m. Tuesday", "noon", "14:30".
    fn time_expr(&self, i: usize) -> Option<Core> {
        let (mut e, h, min) = if let Some((e, Val::Pair(h, m), _)) = self.hit(Class::Clock, i) {
            (e, h, m)
        } else {
            if let Some((e, h)) = self
                .int(Class::Number, i)
                .filter(|&(_, h)| (1..=12).contains(&h))
            {
                // "five o'clock", "five oclock"
                let e2 = if self.is(e, "o") && self.is(e + 1, "'") && self.is(e + 2, "clock") {
                    e + 3
                } else if self.is(e, "oclock") {
                    e + 1
                } else {
                    return None;
                };
                return Some((
                    e2,
                    TimexType::Time,
                    Sem::Time {
                        date: None,
                        h: h as u8,
                        min: 0,
                    },
                ));
            }
            let (h, dh) = self.num(i)?;
            if dh > 2 || h > 23 {
                return None;
            }
            let (mut e, min) = if self.is(i + 1, ":") && self.adj(i + 1) && self.adj(i + 2) {
                let (m, dm) = self.num(i + 2)?;
                if dm != 2 || m > 59 {
                    return None;
                }
                (i + 3, m as u8)
            } else {
                (i + 1, 0)
            };
            let ampm = self.ampm(e);
            match ampm {
                Some((e2, pm)) => {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    e = e2;
                    let h = (h % 12) as u8 + if pm { 12 } else { 0 };
                    (e, h, min)
                }
                None if e == i + 3 => (e, h as u8, min),
                None => {
                    // "6 o'clock"
                    if self.is(e, "o") && self.is(e + 1, "'") && self.is(e + 2, "clock") {
                        (e + 3, h as u8, 0)
                    } else {
                        return None;
                    }
                }
            }
        };
        if let Some((e2, _, _)) = self.hit(Class::Zone, e) {
            e = e2;
        }
        let on = self.is(e, "on");
        let c = if self.is(e, ",") || on { e + 1 } else { e };
        let date = self
            .weekday(c)
            .map(|(e2, wd)| (e2, Sem::Weekday { wd, shift: None }))
            .or_else(|| self.int(Class::Day, c).map(|(e2, n)| (e2, Sem::RelDay(n))))
            .or_else(|| {
                self.month_expr(c)
                    .filter(|m| matches!(m.2, Sem::Date { d: Some(_), .. }))
                    .map(|m| (m.0, m.2))
            });
        let date = match date {
            Some((e2, d)) => {
                // "2:30 p.m. on Thursday": the day is its own expression, but dates the time
                if !on {
                    e = e2;
                }
                Some(Box::new(d))
            }
            None => None,
        };
        Some((e, TimexType::Time, Sem::Time { date, h, min }))
    }

    /// "a.m.", "p.m", "am", "PM": (end, is_pm).
    fn ampm(&self, i: usize) -> Option<(usize, bool)> {
        let w = self.word(i)?;
        match w {
            "am" | "pm" => Some((i + 1, w == "pm")),
            "a" | "p" => {
                let mut j = i + 1;
                if self.is(j, ".") && self.adj(j) {
                    j += 1;
                }
                if !self.is(j, "m") || !self.adj(j) {
                    return None;
                }
                j += 1;
                if self.is(j, ".") && self.adj(j) {
                    j += 1;
                }
                Some((j, w == "p"))
            }
            _ => None,
        }
    }

    /// Words of the lexicon that are whole expressions: "today", "now", "weekly", "Christmas".
    fn lexical(&self, i: usize) -> Option<Core> {
        if let Some((e, Val::Int(n), _)) = self.hit(Class::Day, i) {
            return Some(self.with_part((e, TimexType::Date, Sem::RelDay(n))));
        }
        if let Some((e, Val::Int(n), _)) = self.hit(Class::Night, i) {
            return Some((
                e,
                TimexType::Time,
                Sem::Part {
                    date: Box::new(Sem::RelDay(n)),
                    part: "NI",
                },
            ));
        }
        if let Some((e, Val::Str(s), _)) = self.hit(Class::Set, i) {
            // "Daily Caller", "Weekly Standard" are names
            if self.cap(i) && self.cap(e) && self.word(e).is_some() && !self.title() {
                return None;
            }
            return Some((e, TimexType::Set, Sem::Set(s)));
        }
        if let Some((e, Val::Nth(m, n, wd), _)) = self.hit(Class::Holiday, i) {
            if !self.cap(i) {
                return None;
            }
            let c = if self.is(e, ",") { e + 1 } else { e };
            let y = self.year(c);
            let end = if y.is_some() { c + 1 } else { e };
            return Some((end, TimexType::Date, Sem::Nth { y, m, n, wd }));
        }
        if let Some((e, Val::Pair(m, d), _)) = self.hit(Class::Holiday, i) {
            if !self.cap(i) {
                return None;
            }
            let c = if self.is(e, ",") { e + 1 } else { e };
            let y = self.year(c);
            let end = if y.is_some() { c + 1 } else { e };
            return Some((end, TimexType::Date, Sem::Date { y, m, d: Some(d) }));
        }
        if self.is(i, "recent") && self.plural(i + 1) {
            if let Some((e2, unit)) = self.unit(i + 1) {
                return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
            }
        }
        if let Some((e, Val::Str(r), _)) = self.hit(Class::Ref, i) {
            // "recent weeks", "recent years": a vague duration
            if r == "PAST_REF" {
                if let Some((e2, unit)) = self.unit(e) {
                    if self.plural(e) {
                        return Some((e2, TimexType::Duration, Sem::Dur { n: X, unit }));
                    }
                }
            }
            return Some((e, TimexType::Date, Sem::Ref(r)));
        }
        None
    }

    /// Expressions that may follow "the": "the third quarter", "the 27th", "the 1990s",
    /// "the first nine months", "the quarter", "the 20th century".
    fn after_the(&self, i: usize) -> Option<Core> {
        let mut best = None;
        // "the first nine months", "the first half"
        if self.is(i, "first") || self.is(i, "last") {
            if let Some((e, TimexType::Duration, sem)) = self.amount_expr(i + 1) {
                best = longest(best, Some((e, TimexType::Duration, sem)));
            }
        }
        if let Some((e, TimexType::Duration, sem)) = self.amount_expr(i) {
            if !matches!(self.w(i), Some("a" | "an")) {
                best = longest(best, Some((e, TimexType::Duration, sem)));
            }
        }
        let q = if self.is(i, "latest") || self.is(i, "recent") {
            i + 1
        } else if self.is(i, "most") && self.is(i + 1, "recent") {
            i + 2
        } else {
            i
        };
        if self.is(q, "quarter") && !self.is(q + 1, "of") && !self.is(q + 1, "-") {
            best = longest(best, Some((q + 1, TimexType::Date, Sem::QuarterRel(-1))));
        }
        // "for the year", "in the fiscal year", "by the end of the year": the current year
        let y1 = if matches!(self.w(i), Some("fiscal" | "full" | "whole" | "entire")) {
            i + 1
        } else {
            i
        };
        if i >= 2
            && matches!(
                self.w(i - 2),
                Some("for" | "throughout" | "during" | "in" | "of")
            )
            && self.is(y1, "year")
            && !matches!(
                self.w(y1 + 1),
                Some("-" | "ago" | "earlier" | "ended" | "ending" | "before" | "after" | "two")
            )
        {
            let sem = Sem::RelUnit {
                unit: Unit::Year,
                shift: 0,
            };
            best = longest(best, Some((y1 + 1, TimexType::Date, sem)));
        }
        // "the year ended June 30", "the fiscal year ending tomorrow": a year-long period
        let y0 = if matches!(self.w(i), Some("fiscal" | "full")) {
            i + 1
        } else {
            i
        };
        if self.is(y0, "year") && matches!(self.w(y0 + 1), Some("ended" | "ending")) {
            let sem = Sem::Dur {
                n: 1,
                unit: Unit::Year,
            };
            best = longest(best, Some((y0 + 1, TimexType::Duration, sem)));
        }
        if self.is(i, "year")
            && self.is(i + 1, "-")
            && matches!(self.w(i + 2), Some("earlier" | "ago"))
        {
            // "the year-earlier third quarter"
            if let Some((e, t, Sem::Quarter { q, half, .. })) = self.quarter_expr(i + 3) {
                let sem = Sem::Quarter {
                    q,
                    half,
                    y: None,
                    yshift: Some(-1),
                };
                best = longest(best, Some((e, t, sem)));
            }
            let e = if matches!(self.w(i + 3), Some("quarter" | "period")) {
                i + 4
            } else {
                i + 3
            };
            best = longest(
                best,
                Some((
                    e,
                    TimexType::Date,
                    Sem::Ago {
                        n: 1,
                        unit: Unit::Year,
                        sign: -1,
                    },
                )),
            );
        }
        if let Some(y) = self.year(i) {
            if let Some((
                e,
                t,
                Sem::Quarter {
                    q, half, y: None, ..
                },
            )) = self.quarter_expr(i + 1)
            {
                // "the 1988 second quarter"
                let sem = Sem::Quarter {
                    q,
                    half,
                    y: Some(y),
                    yshift: None,
                };
                best = longest(best, Some((e, t, sem)));
            }
        }
        // ordinal day or century
        let ord = self
            .ddth(i)
            .map(|(e, n)| (e, n as i32))
            .or_else(|| self.int(Class::Ordinal, i));
        if let Some((e, n)) = ord {
            if self.is(e, "century") {
                best = longest(best, Some((e + 1, TimexType::Date, Sem::Century(n - 1))));
            } else if self.ddth(i).is_some() && (1..=31).contains(&n) {
                let next_is_word = self.word(e).is_some() && !self.is(e, "of");
                if let Some(c) = self.day_month(i) {
                    best = longest(best, Some(c));
                } else if !next_is_word {
                    best = longest(best, Some((e, TimexType::Date, Sem::DayOfMonth(n as u8))));
                }
            }
        }
        best = longest(best, self.quarter_expr(i));
        if let Some(c) = self
            .season_expr(i)
            .filter(|c| matches!(c.2, Sem::Season { y: Some(_), .. }))
        {
            best = longest(best, Some(c));
        }
        if self.is(i, "weekend") {
            best = longest(best, Some((i + 1, TimexType::Date, Sem::Weekend(0))));
        }
        if let Some(c) = self.year_expr(i).filter(|c| matches!(c.2, Sem::Decade(_))) {
            best = longest(best, Some(c));
        }
        best
    }

    /// "19th century", "the sixteenth century", "17th-century".
    fn century_expr(&self, i: usize) -> Option<Core> {
        let (e, n) = self
            .ddth(i)
            .map(|(e, n)| (e, n as i32))
            .or_else(|| self.int(Class::Ordinal, i))?;
        let j = if self.is(e, "-") && self.adj(e) {
            e + 1
        } else {
            e
        };
        (self.is(j, "century") && (1..=30).contains(&n)).then_some((
            j + 1,
            TimexType::Date,
            Sem::Century(n - 1),
        ))
    }

    /// "the day before", "the year after": a unit next to the last date written.
    fn unit_before(&self, i: usize) -> Option<Core> {
        if !self.is(i, "the") {
            return None;
        }
        let (e, unit) = self.unit(i + 1)?;
        if self.plural(i + 1) || !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            return None;
        }
        let shift = match self.w(e)? {
            "before" => -1,
            "after" => 1,
            _ => return None,
        };
        Some((e + 1, TimexType::Date, Sem::RefUnit { unit, shift }))
    }

    fn core(&self, i: usize) -> Option<Core> {
        let tok = *self.toks.get(i)?;
        let w = self.w(i).unwrap_or("");
        let mut best = None;
        // Each pattern is tried only where its first token passes the test the pattern itself
        // makes first (a lexicon class, a word, a digit count): most patterns cannot start at a
        // given token, and ties still go to the earlier pattern.
        if tok.kind == Kind::Num {
            let digits = tok.end - tok.start;
            let ordinal = self.ddth(i).is_some();
            if digits <= 2 {
                best = longest(best, self.time_expr(i));
            }
            best = longest(best, self.day_month(i));
            best = longest(best, self.numeric(i));
            if digits == 2 || digits == 4 {
                best = longest(best, self.year_expr(i));
            }
            if ordinal {
                best = longest(best, self.quarter_expr(i));
            }
            best = longest(best, self.amount_expr(i));
            if ordinal {
                best = longest(best, self.century_expr(i));
            }
        } else {
            let classes = self.lex.classes(self.ids.get(i).copied().unwrap_or(NONE));
            let has = |mask: u32| classes & mask != 0;
            if has(Class::Clock.bit() | Class::Number.bit()) {
                best = longest(best, self.time_expr(i));
            }
            let lexical = Class::Day.bit()
                | Class::Night.bit()
                | Class::Set.bit()
                | Class::Holiday.bit()
                | Class::Ref.bit();
            if has(lexical) || w == "recent" {
                best = longest(best, self.lexical(i));
            }
            if has(Class::Month.bit()) {
                best = longest(best, self.month_expr(i));
            }
            // plural weekdays ("Mondays") are not in the lexicon
            if has(Class::Weekday.bit()) || (tok.kind == Kind::Word && w.ends_with('s')) {
                best = longest(best, self.weekday_expr(i));
            }
            if has(Class::Fiscal.bit() | Class::Number.bit()) || matches!(w, "'" | "\u{2019}") {
                best = longest(best, self.year_expr(i));
            }
            if has(Class::Ordinal.bit()) || w == "q" {
                best = longest(best, self.quarter_expr(i));
            }
            if has(Class::Season.bit()) {
                best = longest(best, self.season_expr(i));
            }
            if has(Class::Shift.bit()) {
                best = longest(best, self.shift_expr(i));
            }
            if has(Class::Number.bit()) {
                best = longest(best, self.amount_expr(i));
            }
            if has(Class::Number.bit() | Class::Every.bit()) || matches!(w, "once" | "twice") {
                best = longest(best, self.every_expr(i));
            }
            if has(Class::Unit.bit()) {
                best = longest(best, self.bare_plural(i));
            }
            if has(Class::Ordinal.bit()) {
                best = longest(best, self.century_expr(i));
            }
            if w == "the" {
                best = longest(best, self.unit_before(i));
            }
        }
        let that = if w == "that" && self.is(i + 1, "same") {
            Some(i + 2)
        } else if w == "that" {
            Some(i + 1)
        } else if w == "the" && self.is(i + 1, "same") {
            Some(i + 2)
        } else {
            None
        };
        if let Some((e, unit)) = that.and_then(|j| self.unit(j).filter(|_| !self.plural(j))) {
            if matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Day) {
                best = longest(
                    best,
                    Some((e, TimexType::Date, Sem::RefUnit { unit, shift: 0 })),
                );
            }
        }
        // "that night", "that same morning": a part of the day last written
        if let Some((e, Val::Str(p), _)) = that.and_then(|j| self.hit(Class::Part, j)) {
            let day = Sem::RefUnit {
                unit: Unit::Day,
                shift: 0,
            };
            let sem = Sem::Part {
                date: Box::new(day),
                part: p,
            };
            best = longest(best, Some((e, TimexType::Time, sem)));
        }
        let plain = if tok.kind == Kind::Num {
            self.plain_num(i)
        } else {
            None
        };
        if let Some((n, d)) = plain {
            let j = i + 1;
            let era = self.w(j).unwrap_or("");
            let dotted = self.is(j, "b") && self.is(j + 1, ".") && self.is(j + 2, "c");
            if d <= 4 && n > 0 && (matches!(era, "bc" | "bce") || dotted) {
                let e = if dotted {
                    j + 3 + usize::from(self.is(j + 3, "."))
                } else {
                    j + 1
                };
                best = longest(best, Some((e, TimexType::Date, Sem::Bc(n as i32))));
            }
            if d <= 4 && n > 0 && matches!(era, "ad" | "ce") && self.cap(j) {
                best = longest(best, Some((j + 1, TimexType::Date, Sem::Year(n as i32))));
            }
        }
        if w == "year" && self.is(i + 1, "-") && matches!(self.w(i + 2), Some("earlier" | "ago")) {
            best = longest(
                best,
                Some((
                    i + 3,
                    TimexType::Date,
                    Sem::Ago {
                        n: 1,
                        unit: Unit::Year,
                        sign: -1,
                    },
                )),
            );
        }
        if w == "the" {
            let mut with_the = self.after_the(i + 1);
            with_the = longest(with_the, self.shift_expr(i + 1));
            // "the third-quarter loss", "the two-week trip": the article belongs to the noun the
            // hyphenated expression qualifies, not to the expression
            let adjectival = with_the
                .as_ref()
                .is_some_and(|c| c.0 >= 2 && self.is(c.0 - 2, "-") && self.word(c.0).is_some());
            if !adjectival {
                best = longest(best, with_the);
            }
        }
        best
    }

    /// True when token `i` may continue an expression: a number, a hyphen, a word that is an
    /// expression on its own, one of the few words patterns name, or (up to `depth` words deep)
    /// a word that may start one and leads on itself.
    fn leads_on(&self, i: usize, depth: u8) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            Kind::Num => true,
            Kind::Other => self.is(i, "\u{2019}") && self.num(i + 1).is_some(),
            Kind::Punct => self.is(i, "-") || (self.is(i, "'") && self.num(i + 1).is_some()),
            Kind::Word => {
                let id = self.ids[i];
                if matches!(
                    self.w(i),
                    Some(
                        "latest"
                            | "hundred"
                            | "thousand"
                            | "million"
                            | "billion"
                            | "most"
                            | "weekend"
                            | "same"
                            | "recent"
                            | "fiscal"
                            | "full"
                            | "times"
                            | "o"
                            | "oclock"
                    )
                ) {
                    return true;
                }
                if id == NONE || !self.lex.starter(id) {
                    return false;
                }
                let phrase = || self.lex.may_follow(id, self.w(i + 1));
                self.lex.continues(id)
                    || (phrase() && self.lex.phrase_alone_at(id, i, |j| self.w(j)))
                    || (depth > 0
                        && (self.leads_on(i + 1, depth - 1)
                            || (phrase()
                                && self
                                    .lex
                                    .phrase_end(id, i, |j| self.w(j))
                                    .is_some_and(|e| e > i + 1 && self.leads_on(e, depth - 1)))))
            }
        }
    }

    /// True when an expression may start at token `i` (a cheap test before the patterns).
    fn can_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            // a year, or a number before a separator, a suffix or a word of an expression
            Kind::Num => {
                t.end - t.start == 4
                    || self.toks.get(i + 1).is_some_and(|n| match n.kind {
                        Kind::Num | Kind::Other => false,
                        Kind::Punct => matches!(self.w(i + 1), Some(":" | "-" | "/" | "." | "'")),
                        Kind::Word => {
                            self.ids[i + 1] != NONE
                                || matches!(
                                    self.w(i + 1),
                                    Some(
                                        "st" | "nd"
                                            | "rd"
                                            | "th"
                                            | "s"
                                            | "am"
                                            | "pm"
                                            | "a"
                                            | "p"
                                            | "bc"
                                            | "bce"
                                            | "ad"
                                            | "ce"
                                            | "o"
                                            | "oclock"
                                            | "hundred"
                                            | "thousand"
                                            | "million"
                                            | "billion"
                                    )
                                )
                        }
                    })
            }
            Kind::Other | Kind::Punct => self.leads_on(i, 0) && !self.is(i, "-"),
            Kind::Word => {
                let id = self.ids[i];
                let Some(w) = self.w(i) else {
                    return false;
                };
                if id == NONE {
                    // weekday plurals ("Mondays"), "Q3", "once a week", "that year"
                    (w.len() >= 7
                        && w.ends_with("days")
                        && self.lex.id(&w.as_bytes()[..w.len() - 1]) != NONE)
                        || matches!(w, "q" | "once" | "twice" | "recent" | "fiscal" | "full")
                        || (w == "that" && self.leads_on(i + 1, 0))
                } else {
                    // a phrase of several words needs its second word next
                    self.lex.starter(id)
                        && (self.lex.standalone(id)
                            || self.leads_on(i + 1, 1)
                            || (self.lex.may_follow(id, self.w(i + 1))
                                && (self.lex.phrase_alone_at(id, i, |j| self.w(j))
                                    || self
                                        .lex
                                        .phrase_end(id, i, |j| self.w(j))
                                        .is_some_and(|e| e > i + 1 && self.leads_on(e, 1)))))
                }
            }
        }
    }

    /// True when the expression at `start..end` sits in a title or a name ("High Noon",
    /// "This Week With David Brinkley", "VOA Today"): a common word of it is capitalized after a
    /// capitalized word, or its second word is capitalized after a common first word.
    fn in_name(&self, start: usize, end: usize) -> bool {
        // capitalized, not all capitals
        let common = |j: usize| {
            self.toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word
                    && self.text.as_bytes()[t.start + 1..t.end]
                        .iter()
                        .any(|b| b.is_ascii_lowercase())
            }) && self.cap(j)
                && !self.lex.proper(self.ids[j])
        };
        if common(start)
            && start > 0
            && self.toks[start - 1].kind == Kind::Word
            && self.cap(start - 1)
        {
            return true;
        }
        end > start + 1
            && self.toks[start].kind == Kind::Word
            && !self.lex.proper(self.ids[start])
            && common(start + 1)
    }

    /// The longest expression starting at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Cand> {
        let c = self.match_at_inner(i)?;
        if self.in_name(c.start, c.end) && !self.title() {
            return None;
        }
        Some(c)
    }

    fn match_at_inner(&self, i: usize) -> Option<Cand> {
        if !self.can_start(i) {
            return None;
        }
        if let Some((e, Val::Str(m), _)) = self.hit(Class::Mod, i) {
            let j = if self.is(e, "-") && self.adj(e) {
                e + 1
            } else {
                e
            };
            if let Some((end, kind, sem)) = self.core(j) {
                let qty = QTY_MODS.contains(&m);
                let adverb = matches!(self.w(i), Some("earlier" | "later"));
                let ok = if adverb {
                    matches!(sem, Sem::RelUnit { .. } | Sem::Part { .. })
                } else if qty {
                    matches!(sem, Sem::Dur { .. } | Sem::Ago { .. } | Sem::Shifted { .. })
                        && self.amount(j).is_some()
                } else {
                    matches!(kind, TimexType::Date | TimexType::Time)
                        && !matches!(sem, Sem::Ref(_) | Sem::Ago { .. } | Sem::Shifted { .. })
                };
                if ok {
                    return Some(Cand {
                        start: i,
                        end,
                        kind,
                        sem,
                        modifier: Some(m),
                    });
                }
            }
        }
        let (end, kind, sem) = self.core(i)?;
        Some(Cand {
            start: i,
            end,
            kind,
            sem,
            modifier: None,
        })
    }
}

fn e_after(m: &Matcher, i: usize, words: &[&str]) -> Option<usize> {
    let w = m.w(i)?;
    words.contains(&w).then_some(i + 1)
}
