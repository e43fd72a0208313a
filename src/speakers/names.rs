//! Speaker names as keys: what two surface names must share to be one identity, and the
//! evidence a name carries (an honorific's gender, a pronoun's). Every word comes from a rule
//! file: `titles.txt` (titles and honorifics, with gender), `gazetteers/given_names.txt`,
//! `pronouns.txt`.

use std::collections::HashMap;

use crate::rules::{RuleErrors, RuleSources};
use crate::words::gazetteer::{parse_titles, Gender};
use crate::words::given_names::parse_given_names;

/// The words the index reads from the rule files.
#[derive(Clone, Debug, Default)]
pub struct NameRules {
    /// Titles and honorifics as written, lower-cased without dots ("mr", "sen", "president"),
    /// with the gender they imply.
    titles: HashMap<String, Gender>,
    /// Given names, lower-cased, with their gender.
    given: HashMap<String, Gender>,
    /// Pronouns, lower-cased, with their gender.
    pronouns: HashMap<String, Gender>,
}

fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

impl NameRules {
    /// Reads `titles.txt`, `gazetteers/given_names.txt` and `pronouns.txt` from `src`.
    pub fn compile(src: &RuleSources) -> Result<NameRules, RuleErrors> {
        let mut errors = Vec::new();
        let mut rules = NameRules::default();
        match parse_titles(src.get("titles.txt")) {
            Ok(titles) => {
                for t in titles {
                    // a multi-word office ("Secretary of State") is stripped word by word
                    for w in t.written.split_whitespace() {
                        let g = if t.written.contains(' ') {
                            Gender::Unknown
                        } else {
                            t.gender
                        };
                        rules.titles.entry(fold(w)).or_insert(g);
                    }
                }
            }
            Err(e) => errors.extend(e),
        }
        match parse_given_names(src.get("gazetteers/given_names.txt")) {
            Ok(names) => {
                rules.given = names.into_iter().map(|(n, g)| (fold(&n), g)).collect();
            }
            Err(e) => errors.extend(e),
        }
        for line in src.get("pronouns.txt").lines() {
            let mut fields = line.fields();
            let (Some(word), Some(gender)) = (fields.next(), fields.next()) else {
                continue;
            };
            let g = match gender {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            rules.pronouns.insert(word.to_lowercase(), g);
        }
        if errors.is_empty() {
            Ok(rules)
        } else {
            Err(RuleErrors(errors))
        }
    }

    /// The gender an honorific in `text` implies ("Mrs. Clinton" → female), if one does.
    pub fn honorific_gender(&self, text: &str) -> Option<Gender> {
        text.split_whitespace()
            .filter_map(|w| self.titles.get(&fold(w)))
            .find(|g| matches!(g, Gender::Male | Gender::Female))
            .copied()
    }

    /// The gender of a pronoun speaker ("he" → male), if `text` is one.
    pub fn pronoun_gender(&self, text: &str) -> Option<Gender> {
        self.pronouns
            .get(&text.trim().to_lowercase())
            .filter(|g| matches!(g, Gender::Male | Gender::Female))
            .copied()
    }

    /// The gender of a given name, when the list gives one.
    pub fn given_name_gender(&self, first: &str) -> Option<Gender> {
        self.given
            .get(first)
            .filter(|g| matches!(g, Gender::Male | Gender::Female))
            .copied()
    }

    /// The key of a name: lower case, dots, possessives and leading titles removed
    /// ("President Donald J. Trump's" → ["donald", "j", "trump"]).
    pub fn key(&self, name: &str) -> Vec<String> {
        let mut words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                let w = w.trim_matches(|c: char| c == ',' || c == '"' || c == '“' || c == '”');
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                fold(w)
            })
            .filter(|w| !w.is_empty())
            .collect();
        let titles = words
            .iter()
            .take_while(|w| self.titles.contains_key(*w))
            .count();
        if titles < words.len() {
            words.drain(..titles);
        }
        words
    }
}

/// The letters of an organization's initials ("Environmental Protection Agency" → "epa"),
/// skipping the small words an acronym leaves out.
pub fn initials(key: &[String]) -> String {
    key.iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and" | "on" | "in" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> NameRules {
        NameRules::compile(&RuleSources::embedded()).unwrap()
    }

    #[test]
    fn keys_drop_titles_dots_case_and_possessives() {
        let r = rules();
        assert_eq!(
            r.key("President Donald J. Trump's"),
            ["donald", "j", "trump"]
        );
        assert_eq!(r.key("Mr. Trump"), ["trump"]);
        assert_eq!(r.key("DONALD TRUMP"), ["donald", "trump"]);
        assert_eq!(r.key("Sen."), ["sen"], "a title alone stays");
    }

    #[test]
    fn gender_evidence_comes_from_the_rule_files() {
        let r = rules();
        assert_eq!(r.honorific_gender("Mrs. Clinton"), Some(Gender::Female));
        assert_eq!(r.honorific_gender("Mr. Trump"), Some(Gender::Male));
        assert_eq!(r.honorific_gender("Sen. Cruz"), None);
        assert_eq!(r.pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(r.pronoun_gender("they"), None);
        assert_eq!(initials(&r.key("Environmental Protection Agency")), "epa");
    }
}
