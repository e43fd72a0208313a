//! Reading the tokens: words, numbers, lexicon hits, and the small units the patterns are
//! built of (amounts, years, months, weekdays, days of the month).

use super::{is_title, Matcher};
use crate::timex::lexicon::{Class, Unit, Val, NONE, X};
use crate::timex::scan::Kind;

impl<'a> Matcher<'a> {
    /// True when the segment is a headline (computed once, when first asked).
    pub(super) fn title(&self) -> bool {
        *self.title.get_or_init(|| is_title(self.text, self.toks))
    }

    /// Lowercase text of token `i`.
    pub fn w(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        self.low.get(t.start..t.end)
    }

    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            self.low.get(t.start..t.end)
        } else {
            None
        }
    }

    /// True when token `i` is `s` (lowercase): its bytes compared, since a token's span lies on
    /// character boundaries.
    pub(super) fn is(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.low.as_bytes().get(t.start..t.end) == Some(s.as_bytes()))
    }

    /// True when token `i` exists and touches the one before it.
    pub(super) fn adj(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start))
            .is_some_and(|b| b.is_ascii_uppercase())
    }

    /// A lexicon hit of `class` at token `i`.
    pub fn hit(&self, class: Class, i: usize) -> Option<(usize, Val, bool)> {
        let id = self.toks.get(i)?.id;
        if id == NONE {
            return None;
        }
        self.lex
            .hit_id(id, class, i, |j| self.w(j))
            .map(|h| (h.end, h.val, h.canonical))
    }

    pub(super) fn int(&self, class: Class, i: usize) -> Option<(usize, i32)> {
        match self.hit(class, i)? {
            (e, Val::Int(n), _) => Some((e, n)),
            _ => None,
        }
    }

    /// A digit run of at most 9 digits: (value, number of digits).
    pub(super) fn num(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        let s = &self.low[t.start..t.end];
        Some((s.parse().ok()?, s.len()))
    }

    /// A digit run not glued to a decimal point or a thousands separator after it.
    pub(super) fn plain_num(&self, i: usize) -> Option<(i64, usize)> {
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
    pub(super) fn ddth(&self, i: usize) -> Option<(usize, i64)> {
        let (n, _) = self.num(i)?;
        let suf = self.word(i + 1)?;
        (self.adj(i + 1) && matches!(suf, "st" | "nd" | "rd" | "th")).then_some((i + 2, n))
    }

    /// A cardinal: digits or number words ("twenty four", "twenty-four", "a few").
    pub(super) fn amount(&self, i: usize) -> Option<(usize, i32)> {
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

    pub(super) fn amount_base(&self, i: usize) -> Option<(usize, i32)> {
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

    pub(super) fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        match self.hit(Class::Unit, i)? {
            (e, Val::Unit(u), _) => Some((e, u)),
            _ => None,
        }
    }

    pub(super) fn plural(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.ends_with('s') || w == "centuries")
    }

    /// A four-digit year (1000–2199) that is not part of a bigger number.
    pub(super) fn year(&self, i: usize) -> Option<i32> {
        let (n, d) = self.plain_num(i)?;
        if d != 4 || !(1000..2200).contains(&n) {
            return None;
        }
        if self.adj(i + 1) && (self.is(i + 1, "%") || self.word(i + 1).is_some()) {
            return None;
        }
        Some(n as i32)
    }

    pub(super) fn month(&self, i: usize, bare: bool) -> Option<(usize, u8)> {
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

    pub(super) fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let (e, v, canonical) = self.hit(Class::Weekday, i)?;
        let Val::Int(wd) = v else { return None };
        if canonical {
            return Some((e, wd as u8));
        }
        (self.cap(i) && self.is(e, ".") && self.adj(e)).then_some((e + 1, wd as u8))
    }

    pub(super) fn day_num(&self, i: usize) -> Option<(usize, u8)> {
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
    pub(super) fn any_year(&self, i: usize) -> Option<(usize, i32)> {
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
}
