//! The pipeline: the table of stages, their compiled rules, and every stage in order over one
//! document.
//!
//! | order | stage | reads | writes |
//! | --- | --- | --- | --- |
//! | 1 | [`segment`] | text | paragraphs, sentences, tokens |
//! | 2 | [`quotes`] | text, paragraphs | quotes |
//! | 3 | [`entities`] | tokens, sentences, paragraphs | entities |
//! | 4 | [`timex`] | tokens, sentences | timexes |
//! | 5 | [`attribution`] | tokens, sentences, quotes, entities, timexes | attributions |
//! | 6 | [`coref`] | tokens, entities, attributions | speakers, attribution speakers |
//!
//! Stages meet only through the [`Doc`]; what several of them need to know about words lives in
//! [`crate::words`], compiled once here.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::doc::{Doc, RawDoc};
use crate::rules::{RuleError, RuleErrors, RuleSources};
use crate::words::{Gazetteer, Vocab};
use crate::{attribution, coref, entities, quotes, segment, timex};

/// Every rule file compiled once, shared read-only across threads: each stage's own compiled
/// rules, and the shared word layer they read.
pub struct Rules {
    /// Sentence splitter rules.
    pub segment: segment::SegmentRules,
    /// Quotation mark rules.
    pub quotes: quotes::QuoteRules,
    /// Entity tagger rules (name heads, common words, given names).
    pub entities: entities::EntityRules,
    /// Timex rules.
    pub timex: timex::TimexRules,
    /// Attribution rules (cue verbs, configurations).
    pub attribution: attribution::AttributionRules,
    /// Coreference rules (pronouns, description heads).
    pub coref: coref::CorefRules,
    /// The shared gazetteer (places, groups, organizations, titles, states), read by the entity
    /// and coreference stages.
    pub gazetteer: Arc<Gazetteer>,
    /// Every word of the stages' word lists with its id: the segment stage gives each token
    /// its word's id, and a stage's compiled rules may index tables by it.
    pub vocab: Arc<Vocab>,
}

impl Rules {
    /// Compiles the embedded defaults.
    pub fn embedded() -> Result<Rules, RuleErrors> {
        Rules::compile(&RuleSources::embedded())
    }

    /// Compiles the defaults with the files of `dir` replacing them (or the defaults, for `None`).
    pub fn load(dir: Option<&Path>) -> Result<Rules, RuleErrors> {
        match dir {
            Some(d) => Rules::compile(&RuleSources::with_overrides(d)?),
            None => Rules::embedded(),
        }
    }

    /// Compiles the shared layer, then every stage's rules; collects every error rather than
    /// stopping at the first.
    pub fn compile(src: &RuleSources) -> Result<Rules, RuleErrors> {
        let mut errors = Vec::new();
        let mut keep = |e: Vec<RuleError>| errors.extend(e);
        let mut vocab = Vocab::from_rules(src);
        // the timex stage adds its lexicon's words before any stage reads the vocabulary
        let timex = timex::TimexRules::compile(src, &mut vocab).map_err(&mut keep);
        let vocab = Arc::new(vocab);
        let gazetteer = Gazetteer::compile(src).map(Arc::new).map_err(&mut keep);
        let segment = segment::SegmentRules::compile(src).map_err(&mut keep);
        let quotes = quotes::QuoteRules::compile(src).map_err(&mut keep);
        let attribution = attribution::AttributionRules::compile(src, &vocab).map_err(&mut keep);
        let (entities, coref) = match &gazetteer {
            Ok(g) => (
                entities::EntityRules::compile(src, g.clone(), &vocab).map_err(&mut keep),
                coref::CorefRules::compile(src, g.clone()).map_err(&mut keep),
            ),
            Err(()) => {
                // still report the errors of the stages' own files
                let _ = entities::EntityRules::check(src).map_err(&mut keep);
                let _ = coref::CorefRules::check(src).map_err(&mut keep);
                (Err(()), Err(()))
            }
        };
        match (
            gazetteer,
            segment,
            quotes,
            entities,
            timex,
            attribution,
            coref,
        ) {
            (
                Ok(gazetteer),
                Ok(segment),
                Ok(quotes),
                Ok(entities),
                Ok(timex),
                Ok(attribution),
                Ok(coref),
            ) if errors.is_empty() => Ok(Rules {
                segment,
                quotes,
                entities,
                timex,
                attribution,
                coref,
                gazetteer,
                vocab,
            }),
            _ => Err(RuleErrors(errors)),
        }
    }
}

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
            meta: raw.meta,
            id_repeat: raw.id_repeat,
            ..Doc::default()
        };
        let r = &self.rules;
        segment::segment(&r.segment, &r.vocab, &mut doc);
        quotes::find(&r.quotes, &mut doc);
        entities::tag(&r.entities, &mut doc);
        timex::tag(&r.timex, &mut doc);
        attribution::find(&r.attribution, &mut doc);
        coref::resolve(&r.coref, &mut doc);
        doc
    }
}

/// Parses a document date, by jiff: ISO 8601 dates and date-times with any offset or none
/// (`2021-12-28`, `20211228`, `2021-12-28T23:30:00-05:00`, `2021-12-28T10:00:00Z`; the date
/// is taken as written, in the offset the text gives), RFC 2822 as in RSS feeds
/// (`Tue, 28 Dec 2021 10:00:00 -0500`), and Unix epoch seconds or milliseconds as digits
/// (`1640649600`, `1640649600000`; twelve or more digits are milliseconds; the UTC date).
/// Anything else is `None`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(epoch) = epoch_date(s) {
        return Some(epoch);
    }
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        // a Zulu time: its civil date is the UTC one
        return Some(t.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    jiff::fmt::rfc2822::parse(s).ok().map(|z| z.date())
}

/// A date of Unix epoch seconds or milliseconds written as digits (a fraction allowed);
/// eight digits that make a calendar date (`20211228`) are left to the ISO parse.
fn epoch_date(s: &str) -> Option<Date> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if whole.len() == 8 && fraction.is_empty() && s.parse::<Date>().is_ok() {
        return None;
    }
    let n: i64 = whole.parse().ok()?;
    let t = if whole.len() >= 12 {
        jiff::Timestamp::from_millisecond(n).ok()?
    } else {
        jiff::Timestamp::from_second(n).ok()?
    };
    Some(t.to_zoned(jiff::tz::TimeZone::UTC).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_compile() {
        if let Err(e) = Rules::embedded() {
            panic!("embedded rules do not compile: {e:?}");
        }
    }

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

    #[test]
    fn dates_in_the_shapes_feeds_use() {
        let d = Some(jiff::civil::date(2021, 12, 28));
        for s in [
            "20211228",
            "2021-12-28T23:30:00-05:00",
            "2021-12-28T10:00:00.000+0100",
            "2021-12-28 10:00",
            "Tue, 28 Dec 2021 10:00:00 -0500",
            "28 Dec 2021 23:59:00 GMT",
            "1640649600",
            "1640649600000",
            " 1640649600.25 ",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        for s in ["", "0x1", "12-28", "1640649600abc", "-5", "Dec 28"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    /// The entity stage's evidence over a document the earlier stages filled (here, where
    /// every stage is in reach).
    #[test]
    fn entity_evidence_weak_positions() {
        let text = "Despite it, Biden left. “Bad,” said Ann Lee.";
        let doc = Pipeline::new(Rules::embedded().unwrap()).annotate(crate::RawDoc::new("t", text));
        assert_eq!(doc.sentences.len(), 2);
        let rules = Rules::embedded().unwrap();
        let ev = crate::entities::evidence::Evidence::gather(
            &doc,
            &rules.entities.words,
            &rules.entities.word_hashes,
        );
        let weak: Vec<&str> = doc
            .tokens
            .iter()
            .zip(&ev.weak)
            .filter(|(_, w)| **w)
            .map(|(t, _)| t.span.slice(text))
            .collect();
        assert_eq!(weak, vec!["Despite", "Bad"]);
        assert!(ev.seen_strong("Biden"));
        assert!(!ev.seen_strong("Despite"));
    }
}
