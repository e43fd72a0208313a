//! Single-word lists: given names (with gender), name heads (words that decide a label) and common
//! capitalizable words that are not names.

use super::evidence::{FxMap, FxSet};
use crate::hash::{short_key, ShortTable, SHORT_MAX};

use crate::doc::EntityLabel;
use crate::rules::{RuleError, RuleSources};
use crate::words::gazetteer::{parse_label, Gender};
pub use crate::words::given_names::parse_given_names;

/// Word lists looked up one token at a time (by `&str`, no allocation).
pub struct Lexicon {
    /// Given name → gender.
    pub given: FxMap<String, Gender>,
    /// Head word → the label it gives a name (`None`: names with this head are not entities).
    pub heads: FxMap<String, Option<EntityLabel>>,
    /// Capitalized common words that are not names.
    pub common: FxSet<String>,
    /// The three lists merged: everything about a word in one lookup.
    words: FxMap<String, WordInfo>,
    /// The words of [`Lexicon::words`] of at most [`SHORT_MAX`] bytes, by [`short_key`].
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

impl Lexicon {
    /// Compiles `given_names.txt`, `name_heads.txt` and `common_words.txt`.
    pub fn compile(src: &RuleSources) -> Result<Lexicon, Vec<RuleError>> {
        let mut errors = Vec::new();
        let given = parse_given_names(src.get("gazetteers/given_names.txt")).unwrap_or_else(|e| {
            errors.extend(e);
            FxMap::default()
        });
        let mut heads = FxMap::default();
        for line in src.get("gazetteers/name_heads.txt").lines() {
            let f: Vec<&str> = line.fields().collect();
            let label = match f.get(1) {
                Some(&"-") => Some(None),
                Some(l) => parse_label(l).map(Some),
                None => None,
            };
            match (f.as_slice(), label) {
                ([w, _], Some(l)) if !w.is_empty() && !w.contains(' ') => {
                    heads.entry(w.to_string()).or_insert(l);
                }
                _ => errors.push(line.error(
                    "expected `Word | LABEL` (one word; PERSON, ORG, GPE, LOC, NORP, FAC, LAW, EVENT)",
                )),
            }
        }
        let mut common = FxSet::default();
        for line in src.get("gazetteers/common_words.txt").lines() {
            if line.text.contains(['|', ' ']) {
                errors.push(line.error("expected one word"));
            } else {
                common.insert(line.text.to_string());
            }
        }
        let mut words: FxMap<String, WordInfo> = FxMap::default();
        for (w, &g) in &given {
            words.entry(w.clone()).or_default().given = Some(g);
        }
        for (w, &h) in &heads {
            words.entry(w.clone()).or_default().head = Some(h);
        }
        for w in &common {
            words.entry(w.clone()).or_default().common = true;
        }
        let short: Vec<(u64, WordInfo)> = words
            .iter()
            .filter(|(w, _)| (1..=SHORT_MAX).contains(&w.len()))
            .map(|(w, &i)| (short_key(w.as_bytes()), i))
            .collect();
        let short = ShortTable::new(&short, WordInfo::default());
        if errors.is_empty() {
            Ok(Lexicon {
                given,
                heads,
                common,
                words,
                short,
            })
        } else {
            Err(errors)
        }
    }

    /// The gender of a given name, if listed.
    pub fn given(&self, w: &str) -> Option<Gender> {
        self.given.get(w).copied()
    }

    /// The label a head word gives, if listed (and not a `-` head).
    pub fn head(&self, w: &str) -> Option<EntityLabel> {
        self.heads.get(w).copied().flatten()
    }

    /// True for any listed head word, `-` heads included.
    pub fn is_head(&self, w: &str) -> bool {
        self.heads.contains_key(w)
    }

    /// True for a listed common word.
    pub fn is_common(&self, w: &str) -> bool {
        self.common.contains(w)
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
        let l = Lexicon::compile(&RuleSources::embedded()).unwrap();
        let words = l.given.keys().chain(l.heads.keys()).chain(l.common.iter());
        for w in words.map(String::as_str).chain(["Biden", "", "x"]) {
            let i = l.info(w);
            assert_eq!(i.given, l.given(w), "{w}");
            assert_eq!(i.head_label(), l.head(w), "{w}");
            assert_eq!(i.is_head(), l.is_head(w), "{w}");
            assert_eq!(i.is_given(), l.given(w).is_some(), "{w}");
            assert_eq!(i.common, l.is_common(w), "{w}");
        }
    }
}
