//! Single-word lists: given names (with gender), name heads (words that decide a label) and common
//! capitalizable words that are not names.

use super::evidence::FxMap;
use crate::hash::{short_key, ShortTable, SHORT_MAX};

use crate::doc::EntityLabel;
use crate::rules::{RuleError, RuleSources};
use crate::words::gazetteer::{parse_label, Gender};
use crate::words::given_names::each_given_name;
pub use crate::words::given_names::parse_given_names;

/// Word lists looked up one token at a time (by `&str`, no allocation): the three lists merged,
/// everything about a word in one lookup.
pub struct Lexicon {
    /// The words of more than [`SHORT_MAX`] bytes.
    words: FxMap<Box<str>, WordInfo>,
    /// The words of at most [`SHORT_MAX`] bytes, by [`short_key`].
    short: ShortTable<WordInfo>,
}

/// What the word lists say about one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Gender, when the word is a given name.
    pub given: Option<Gender>,
    /// `Some(label)` for a head word (`Some(None)`: a `-` head).
    pub head: Option<Option<EntityLabel>>,
    /// True for a listed common word.
    pub common: bool,
    /// True for an everyday English word (`english_words.txt`): one makes a multi-word
    /// capitalized phrase a term, and a phrase's first word no part of the name after it.
    pub english: bool,
}

impl WordInfo {
    /// True for a given name.
    pub fn is_given(&self) -> bool {
        self.given.is_some()
    }

    /// True for any head word, `-` heads included.
    pub fn is_head(&self) -> bool {
        self.head.is_some()
    }

    /// The label a head word gives, if it is one (and not a `-` head).
    pub fn head_label(&self) -> Option<EntityLabel> {
        self.head.flatten()
    }
}

/// The lists being merged: short words by [`short_key`], long ones by their text.
#[derive(Default)]
struct Merge<'a> {
    short: FxMap<u64, WordInfo>,
    long: FxMap<&'a str, WordInfo>,
}

impl<'a> Merge<'a> {
    /// The entry of `w` (an empty word is never looked up: it is dropped).
    fn entry(&mut self, w: &'a str) -> Option<&mut WordInfo> {
        match w.len() {
            0 => None,
            n if n <= SHORT_MAX => Some(self.short.entry(short_key(w.as_bytes())).or_default()),
            _ => Some(self.long.entry(w).or_default()),
        }
    }
}

impl Lexicon {
    /// Compiles `given_names.txt`, `name_heads.txt`, `common_words.txt` and `english_words.txt`.
    pub fn compile(src: &RuleSources) -> Result<Lexicon, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut m = Merge::default();
        // the first line listing a word decides its gender or label
        let given = each_given_name(src.get("gazetteers/given_names.txt"), |w, g| {
            if let Some(i) = m.entry(w) {
                i.given.get_or_insert(g);
            }
        });
        if let Err(e) = given {
            errors.extend(e);
        }
        for line in src.get("gazetteers/name_heads.txt").lines() {
            let text = line.text;
            let f: Vec<&str> = text.split('|').map(str::trim).collect();
            let label = match f.get(1) {
                Some(&"-") => Some(None),
                Some(l) => parse_label(l).map(Some),
                None => None,
            };
            match (f.as_slice(), label) {
                ([w, _], Some(l)) if !w.is_empty() && !w.contains(' ') => {
                    if let Some(i) = m.entry(w) {
                        i.head.get_or_insert(l);
                    }
                }
                _ => errors.push(line.error(
                    "expected `Word | LABEL` (one word; PERSON, ORG, GPE, LOC, NORP, FAC, LAW, EVENT)",
                )),
            }
        }
        for line in src.get("gazetteers/common_words.txt").lines() {
            if line.text.contains(['|', ' ']) {
                errors.push(line.error("expected one word"));
            } else if let Some(i) = m.entry(line.text) {
                i.common = true;
            }
        }
        for line in src.get("gazetteers/english_words.txt").lines() {
            if line.text.contains(['|', ' ']) {
                errors.push(line.error("expected one word"));
            } else if let Some(i) = m.entry(line.text) {
                i.english = true;
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let short: Vec<(u64, WordInfo)> = m.short.into_iter().collect();
        Ok(Lexicon {
            words: m.long.into_iter().map(|(w, i)| (w.into(), i)).collect(),
            short: ShortTable::new(&short, WordInfo::default()),
        })
    }

    /// The gender of a given name, if listed.
    pub fn given(&self, w: &str) -> Option<Gender> {
        self.info(w).given
    }

    /// The label a head word gives, if listed (and not a `-` head).
    pub fn head(&self, w: &str) -> Option<EntityLabel> {
        self.info(w).head_label()
    }

    /// True for any listed head word, `-` heads included.
    pub fn is_head(&self, w: &str) -> bool {
        self.info(w).is_head()
    }

    /// True for a listed common word.
    pub fn is_common(&self, w: &str) -> bool {
        self.info(w).common
    }

    /// Everything the lists say about `w`, in one lookup.
    pub fn info(&self, w: &str) -> WordInfo {
        if (1..=SHORT_MAX).contains(&w.len()) {
            return self.short.get(short_key(w.as_bytes()));
        }
        self.words.get(w).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists() {
        let l = Lexicon::compile(&RuleSources::embedded()).unwrap();
        assert_eq!(l.given("Joe"), Some(Gender::Male));
        assert_eq!(l.given("Mary"), Some(Gender::Female));
        assert_eq!(l.head("University"), Some(EntityLabel::Org));
        assert_eq!(l.head("River"), Some(EntityLabel::Loc));
        assert!(l.is_common("However"));
        assert!(!l.is_common("Biden"));
    }

    #[test]
    fn info_agrees_with_each_list() {
        let src = RuleSources::embedded();
        let l = Lexicon::compile(&src).unwrap();
        // each list on its own, the first line of a word deciding
        let given = parse_given_names(src.get("gazetteers/given_names.txt")).unwrap();
        let mut heads: FxMap<&str, Option<EntityLabel>> = FxMap::default();
        for line in src.get("gazetteers/name_heads.txt").lines() {
            let (w, l) = line.text.split_once('|').unwrap();
            let l = l.trim();
            heads
                .entry(w.trim())
                .or_insert((l != "-").then(|| parse_label(l).unwrap()));
        }
        let common: Vec<&str> = src
            .get("gazetteers/common_words.txt")
            .lines()
            .map(|l| l.text)
            .collect();
        let words = given.keys().map(String::as_str);
        let words = words
            .chain(heads.keys().copied())
            .chain(common.iter().copied());
        for w in words.chain(["Biden", "", "x", "Universities"]) {
            let i = l.info(w);
            assert_eq!(i.given, given.get(w).copied(), "{w}");
            assert_eq!(i.head, heads.get(w).copied(), "{w}");
            assert_eq!(i.common, common.contains(&w), "{w}");
            assert_eq!(i.head_label(), l.head(w), "{w}");
            assert_eq!(i.is_head(), l.is_head(w), "{w}");
            assert_eq!(i.is_given(), l.given(w).is_some(), "{w}");
            assert_eq!(i.common, l.is_common(w), "{w}");
        }
    }
}
