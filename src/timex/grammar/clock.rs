//! Clock times: "2:30 p.m.", "10 a.m. Tuesday", "noon", "14:30", "five o'clock".

use super::{Core, Matcher};
use crate::doc::TimexType;
use crate::timex::lexicon::{Class, Val};
use crate::timex::resolve::Sem;

impl<'a> Matcher<'a> {
    /// Clock times: "2:30 p.m.", "10 a.m. Tuesday", "noon", "14:30".
    pub(super) fn time_expr(&self, i: usize) -> Option<Core> {
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
    pub(super) fn ampm(&self, i: usize) -> Option<(usize, bool)> {
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
}
