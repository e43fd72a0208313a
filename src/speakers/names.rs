//! Speaker names as keys: what two surface names must share to be one identity, and the
//! evidence a name carries (an honorific's gender, a pronoun's). Every word comes from a rule
//! file: `titles.txt` (titles and honorifics, with gender), `gazetteers/given_names.txt`,
//! `pronouns.txt`.

use std::collections::HashMap;

use crate::rules::{RuleErrors, RuleSources};
use crate::words::gazetteer::{parse_titles, Gender};
use crate::words::given_names::parse_given_names;
use crate::words::WordClasses;

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
    /// Words in the longest title.
    longest_title: usize,
    /// Head words of descriptions (`description_heads.txt`: "campaign", "report"): never a
    /// surname.
    heads: std::collections::HashSet<String>,
    /// Short given names with their formal name ("joe" → "joseph"), unambiguous ones only.
    nicknames: HashMap<String, String>,
    /// Generational suffixes ("jr", "iii": `name_suffixes.txt`).
    suffixes: std::collections::HashSet<String>,
    /// The entity tagger's name words (`entity_words.txt`): its `particle`s ("de", "van") are
    /// the lowercase words a proper name may hold.
    name_words: WordClasses,
}

/// The `particle` class of `entity_words.txt` (read here by its name only).
const PARTICLE: u32 = 1;

/// The classes of `entity_words.txt` this module reads; the others are the entity tagger's.
const ENTITY_WORD_CLASSES: &[(&str, u32)] = &[
    ("particle", PARTICLE),
    ("honorific", 0),
    ("headline_minor", 0),
    ("of", 0),
    ("language_verb", 0),
    ("after_language", 0),
    ("place_prep", 0),
];

fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

impl NameRules {
    /// Reads `titles.txt`, `gazetteers/given_names.txt`, `nicknames.txt`, `name_suffixes.txt`,
    /// `description_heads.txt`, `pronouns.txt` and `entity_words.txt` from `src`.
    pub fn compile(src: &RuleSources) -> Result<NameRules, RuleErrors> {
        let mut errors = Vec::new();
        let mut rules = NameRules::default();
        match parse_titles(src.get("titles.txt")) {
            Ok(titles) => {
                for t in titles {
                    // a multi-word office ("Secretary of State") is stripped as a whole
                    let words: Vec<String> = t.written.split_whitespace().map(fold).collect();
                    rules.longest_title = rules.longest_title.max(words.len());
                    rules.titles.entry(words.join(" ")).or_insert(t.gender);
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
        match WordClasses::compile(src.get("entity_words.txt"), ENTITY_WORD_CLASSES) {
            Ok(words) => rules.name_words = words,
            Err(e) => errors.extend(e),
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut pairs = Vec::new();
        for line in src.get("nicknames.txt").lines() {
            let f: Vec<&str> = line.fields().collect();
            if f.len() != 2 || f[0].is_empty() || f[0].contains(' ') {
                errors.push(line.error("expected `Formal | short short …`"));
                continue;
            }
            for short in f[1].split_whitespace() {
                *seen.entry(fold(short)).or_default() += 1;
                pairs.push((fold(short), fold(f[0])));
            }
        }
        for (short, formal) in pairs {
            if seen[&short] == 1 {
                rules.nicknames.insert(short, formal);
            }
        }
        for line in src.get("name_suffixes.txt").lines() {
            rules
                .suffixes
                .extend(line.fields().flat_map(|f| f.split_whitespace()).map(fold));
        }
        for line in src.get("description_heads.txt").lines() {
            if let Some(words) = line.fields().nth(1) {
                rules.heads.extend(words.split_whitespace().map(fold));
            }
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

    /// The surname the merge rules compare: a key's last word, or with a generational suffix
    /// the word before it and the suffix ("verdery jr").
    pub fn surname(&self, key: &[String]) -> String {
        match key {
            [.., s, last] if self.suffixes.contains(last) => format!("{s} {last}"),
            [.., last] => last.clone(),
            [] => String::new(),
        }
    }

    /// True when `first` (a key's word) is in the given-name list.
    pub fn is_given_name(&self, first: &str) -> bool {
        self.given.contains_key(first)
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
        let titles = self.leading_titles(&words);
        if titles < words.len() {
            words.drain(..titles);
        }
        words
    }

    /// How many of the leading `words` are titles, longest titles first ("former secretary of
    /// state hillary clinton" → 4 when "Secretary of State" and "former" are titles).
    fn leading_titles(&self, words: &[String]) -> usize {
        let mut at = 0;
        'outer: while at < words.len() {
            for n in (1..=self.longest_title.min(words.len() - at)).rev() {
                if self.titles.contains_key(&words[at..at + n].join(" ")) {
                    at += n;
                    continue 'outer;
                }
            }
            break;
        }
        at
    }

    /// The formal form of a given name ("joe" → "joseph"), else the name itself.
    pub fn formal<'a>(&'a self, first: &'a str) -> &'a str {
        self.nicknames.get(first).map_or(first, String::as_str)
    }

    /// True when a name key reads as a person's full name a bare surname may join: a proper
    /// name of two or more words that opens with a given name and does not end in a
    /// description's head word ("Marty West", not "Dog Andres" or "Hillary Clinton Campaign").
    pub fn is_full_name(&self, name: &str, key: &[String]) -> bool {
        key.len() >= 2
            && self.is_proper(name)
            && self.given.contains_key(&key[0])
            && !self.heads.contains(&key[key.len() - 1])
    }

    /// True when a one-word key may be a surname: a proper name that is no description head
    /// ("Comey", not "Campaign").
    pub fn is_surname(&self, name: &str, key: &[String]) -> bool {
        key.len() == 1 && self.is_proper(name) && !self.heads.contains(&key[0])
    }

    /// True when `name` reads as a proper name: every word after its titles starts with a
    /// capital, except name particles ("de", "van", "al-"). Merges beyond the exact key
    /// (middle forms, surnames) apply only to proper names, never to descriptions ("the
    /// book", "executives there").
    pub fn is_proper(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let skip = self.leading_titles(&folded).min(words.len());
        let rest = &words[skip..];
        !rest.is_empty()
            && rest.iter().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    || self.name_words.is(w, PARTICLE)
                    || w.starts_with("al-")
                    || w.starts_with("el-")
            })
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
        assert_eq!(
            r.key("the release"),
            ["the", "release"],
            "an article is no title"
        );
        assert!(r.is_proper("Sen. Anwar al-Awlaki") && r.is_proper("Marty West"));
        assert!(!r.is_proper("executives there") && !r.is_proper("The book"));
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
        assert_eq!(r.formal("joe"), "joseph");
        assert_eq!(
            r.formal("ted"),
            "ted",
            "Ted is Edward or Theodore: left alone"
        );
    }
}
