//! The pipeline: every stage in order over one document.

use jiff::civil::Date;

use crate::doc::{Doc, RawDoc};
use crate::rules::Rules;
use crate::{attribution, coref, entities, quotes, segment, timex};

/// Compiled rules plus run options; annotates documents. `Sync`: share one across threads.
pub struct Pipeline {
    rules: Rules,
    dct: Option<Date>,
}

impl Pipeline {
    /// A pipeline over compiled rules.
    pub fn new(rules: Rules) -> Pipeline {
        Pipeline { rules, dct: None }
    }

    /// Sets the document creation time used for documents that carry no `date`.
    pub fn with_dct(mut self, dct: Option<Date>) -> Pipeline {
        self.dct = dct;
        self
    }

    /// The compiled rules.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Runs every stage over one document.
    pub fn annotate(&self, raw: RawDoc) -> Doc {
        let date = raw.date.as_deref().and_then(parse_date);
        let mut doc = Doc {
            id: raw.id,
            text: raw.text,
            date,
            anchor: date.or(self.dct),
            title: raw.title,
            url: raw.url,
            ..Doc::default()
        };
        let r = &self.rules;
        segment::segment(&r.segment, &mut doc);
        quotes::find(&r.quotes, &mut doc);
        entities::tag(&r.entities, &mut doc);
        timex::tag(&r.timex, &mut doc);
        attribution::find(&r.attribution, &mut doc);
        coref::resolve(&r.coref, &mut doc);
        doc
    }
}

/// Parses a document date: `YYYY-MM-DD`, or RFC 3339 / ISO 8601 with a time (the date part is
/// taken as written). Anything else is `None`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    if !rest.is_empty() && rest[1..].parse::<jiff::civil::Time>().is_err() {
        let time_part = &rest[1..];
        // allow an offset or Z after the time: 12:00:00Z, 12:00:00+02:00
        let cut = time_part
            .find(['Z', 'z', '+', '-'])
            .unwrap_or(time_part.len());
        time_part[..cut].parse::<jiff::civil::Time>().ok()?;
    }
    head.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse() {
        assert_eq!(
            parse_date("2021-12-28"),
            Some(jiff::civil::date(2021, 12, 28))
        );
        assert_eq!(
            parse_date("2021-12-28T10:00:00Z"),
            Some(jiff::civil::date(2021, 12, 28))
        );
        assert_eq!(
            parse_date("2021-12-28T10:00:00-05:00"),
            Some(jiff::civil::date(2021, 12, 28))
        );
        assert_eq!(parse_date("yesterday-ish"), None);
        assert_eq!(parse_date("2021-13-01"), None);
    }
}
