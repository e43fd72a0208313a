//! Compiled coreference rules: pronouns, titles (by canonical office), given-name genders and
//! the state table used to read affiliations ("R-TX") and descriptions ("the Texas Senator").

use crate::hash::FxMap;
use crate::hash::FxSet;

use crate::rules::{RuleError, RuleSources};
use crate::words::{Gazetteer, Gender, WordClasses};

/// The classes of `coref_words.txt` (see its header): bits of [`CorefRules::words`].
pub mod word_class {
    /// Opens a subordinate clause at a sentence's start ("as", "although"), lowercase.
    pub const SUBORDINATOR: u32 = 1;
    /// A title word for several people ("sens.", "both"), lowercase.
    pub const PLURAL_TITLE: u32 = 1 << 1;
    /// A preposition that only locates a speaker phrase's head ("in", "across").
    pub const PLACE_PREP: u32 = 1 << 2;

    /// A determiner of an indefinite description ("a", "some"), lowercase: a new source.
    pub const INDEFINITE: u32 = 1 << 3;
    /// A word after "and" that opens a phrase of its own ("his aides", "the State Department"),
    /// lowercase: the "and" joins unlike speakers.
    pub const GROUP_OPENER: u32 = 1 << 4;

    /// The class names of the file, with their bits.
    pub(crate) const NAMES: &[(&str, u32)] = &[
        ("subordinator", SUBORDINATOR),
        ("plural_title", PLURAL_TITLE),
        ("place_prep", PLACE_PREP),
        ("indefinite", INDEFINITE),
        ("group_opener", GROUP_OPENER),
    ];
}

/// A pronoun's features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    /// Gender (`Unknown` for "they", "who").
    pub gender: Gender,
    /// True for plural pronouns.
    pub plural: bool,
}

/// A US state, by postal code: the index in the gazetteer's `states` of the first state with
/// that code (two forms of one state share the id).
pub type StateId = u16;

/// Compiled pronoun and title lists.
pub struct CorefRules {
    /// Pronouns by lowercase form.
    pub pronouns: FxMap<String, Pronoun>,
    /// Gazetteer (titles and organization canonical names), shared with the entity stage.
    pub gaz: std::sync::Arc<Gazetteer>,
    /// Given name → gender.
    pub given: FxMap<String, Gender>,
    /// Lowercase title as written ("senator", "sen.") → index into `gaz.titles`.
    pub titles_lower: FxMap<String, usize>,
    /// State name, other form or demonym ("Texas", "Tex.", "Texan") → postal code ("TX").
    pub state_codes: FxMap<String, StateId>,
    /// Head nouns of descriptions (`description_heads.txt`).
    pub heads: DescriptionHeads,
    /// The grammar's closed word lists (`coref_words.txt`, classes in `word_class`).
    pub words: WordClasses,
}

/// The classes of `description_heads.txt`: what a description's head noun says it refers to.
#[derive(Clone, Debug, Default)]
pub struct DescriptionHeads {
    /// An organization's own voice ("report", "poll"): the organization it names speaks.
    pub document: FxSet<String>,
    /// Heads that stand for an organization ("campaign", "agency").
    pub organization: FxSet<String>,
    /// Department heads whose other word is the short name ("Department", "Ministry").
    pub department: FxSet<String>,
    /// Heads that name a party member ("the Texas Republican").
    pub member: FxSet<String>,
    /// Words that make a description's person a Republican ("GOP senator").
    pub republican: FxSet<String>,
    /// Words that make a description's person a Democrat ("Democratic senator").
    pub democrat: FxSet<String>,
}

/// Parses `description_heads.txt` (`CLASS | word word …`).
pub fn parse_description_heads(
    file: &crate::rules::RuleFile,
) -> Result<DescriptionHeads, Vec<RuleError>> {
    let mut out = DescriptionHeads::default();
    let mut errors = Vec::new();
    for line in file.lines() {
        let f: Vec<&str> = line.fields().collect();
        let (Some(class), Some(words), 2) = (f.first(), f.get(1), f.len()) else {
            errors.push(line.error("expected `CLASS | word word …`"));
            continue;
        };
        let set = match *class {
            "document" => &mut out.document,
            "organization" => &mut out.organization,
            "department" => &mut out.department,
            "member" => &mut out.member,
            "republican" => &mut out.republican,
            "democrat" => &mut out.democrat,
            other => {
                errors.push(line.error(format!(
                    "unknown class `{other}` (expected document, organization, department, \
                     member, republican or democrat)"
                )));
                continue;
            }
        };
        if words.split_whitespace().next().is_none() {
            errors.push(line.error("no words after `|`"));
            continue;
        }
        set.extend(words.split_whitespace().map(str::to_string));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Parses `pronouns.txt` (`pronoun | gender | number`).
pub fn parse_pronouns(
    file: &crate::rules::RuleFile,
) -> Result<FxMap<String, Pronoun>, Vec<RuleError>> {
    let mut out = FxMap::default();
    let mut errors = Vec::new();
    for line in file.lines() {
        let f: Vec<&str> = line.fields().collect();
        let (Some(w), Some(g), Some(n)) = (f.first(), f.get(1), f.get(2)) else {
            errors.push(line.error("expected `pronoun | gender | number`"));
            continue;
        };
        let Some(gender) = Gender::parse(g) else {
            errors.push(line.error("gender must be m, f, n or u"));
            continue;
        };
        let plural = match *n {
            "sg" => false,
            "pl" => true,
            _ => {
                errors.push(line.error("number must be sg or pl"));
                continue;
            }
        };
        if f.len() > 3 || w.is_empty() || w.contains(' ') {
            errors.push(line.error("expected `pronoun | gender | number`"));
            continue;
        }
        out.insert(w.to_lowercase(), Pronoun { gender, plural });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

impl CorefRules {
    /// True when `lower` (a lowercase word) is a title, written with or without its final
    /// period ("sen." or "sen", "governor").
    pub fn is_title_word(&self, lower: &str) -> bool {
        self.titles_lower.contains_key(lower)
            || self.titles_lower.contains_key(lower.trim_end_matches('.'))
    }

    /// Checks this stage's own files (`pronouns.txt`, `description_heads.txt`) without a
    /// gazetteer: how their errors are still reported when the gazetteer itself is bad.
    pub fn check(src: &RuleSources) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        if let Err(e) = parse_pronouns(src.get("pronouns.txt")) {
            errors.extend(e);
        }
        if let Err(e) = parse_description_heads(src.get("description_heads.txt")) {
            errors.extend(e);
        }
        if let Err(e) = WordClasses::compile(src.get("coref_words.txt"), word_class::NAMES) {
            errors.extend(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Compiles `pronouns.txt` and `description_heads.txt`, and reads titles, states and given
    /// names from the shared gazetteer (compiled once by the pipeline: compiling it is most of
    /// the rules' start-up time).
    pub fn compile(
        src: &RuleSources,
        gaz: std::sync::Arc<Gazetteer>,
    ) -> Result<CorefRules, Vec<RuleError>> {
        let mut errors = Vec::new();
        let pronouns = parse_pronouns(src.get("pronouns.txt")).unwrap_or_else(|e| {
            errors.extend(e);
            FxMap::default()
        });
        let heads = parse_description_heads(src.get("description_heads.txt")).unwrap_or_else(|e| {
            errors.extend(e);
            DescriptionHeads::default()
        });
        let words = WordClasses::compile(src.get("coref_words.txt"), word_class::NAMES)
            .unwrap_or_else(|e| {
                errors.extend(e);
                WordClasses::default()
            });
        // the entity stage reports errors in the gazetteers and given names: not twice
        let given =
            crate::words::given_names::parse_given_names(src.get("gazetteers/given_names.txt"))
                .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut titles_lower = FxMap::default();
        for (i, t) in gaz.titles.iter().enumerate() {
            titles_lower.entry(t.written.to_lowercase()).or_insert(i);
        }
        // one id per postal code: the first state that has it
        let mut first_with_code: FxMap<&str, StateId> = FxMap::default();
        for (i, st) in gaz.states.iter().enumerate() {
            first_with_code
                .entry(st.code.as_str())
                .or_insert(i as StateId);
        }
        let mut state_codes = FxMap::default();
        for s in &gaz.states {
            let id = first_with_code[s.code.as_str()];
            let forms = std::iter::once(&s.name)
                .chain(&s.forms)
                .chain(&s.demonyms)
                .chain(std::iter::once(&s.code));
            for f in forms {
                state_codes.entry(f.clone()).or_insert(id);
            }
            // "Washington State" is also written "Washington"
            if let Some(first) = s.name.strip_suffix(" State") {
                state_codes.entry(first.to_string()).or_insert(id);
            }
        }
        Ok(CorefRules {
            pronouns,
            gaz,
            given,
            titles_lower,
            state_codes,
            heads,
            words,
        })
    }

    /// The pronoun features of `w` (any case), if it is a listed pronoun.
    pub fn pronoun(&self, w: &str) -> Option<Pronoun> {
        if w.len() > 12 {
            return None;
        }
        let mut buf = [0u8; 12];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b)
            .ok()
            .and_then(|l| self.pronouns.get(l).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleFile;

    #[test]
    fn embedded_compile() {
        let src = RuleSources::embedded();
        let gaz = crate::words::Gazetteer::compile(&src).unwrap();
        let r = CorefRules::compile(&src, std::sync::Arc::new(gaz)).unwrap();
        assert_eq!(r.pronoun("He").unwrap().gender, Gender::Male);
        assert!(r.pronoun("they").unwrap().plural);
        let code = |w: &str| {
            r.state_codes
                .get(w)
                .map(|&i| r.gaz.states[i as usize].code.as_str())
        };
        assert_eq!(code("Texas"), Some("TX"));
        assert_eq!(code("Calif."), Some("CA"));
        assert_eq!(code("TX"), Some("TX"));
        assert!(r.titles_lower.contains_key("senator"));
        assert!(r.heads.member.contains("Republican"));
        assert!(r.heads.republican.contains("GOP") && !r.heads.member.contains("GOP"));
        assert!(r.heads.democrat.contains("Democratic"));
    }

    #[test]
    fn bad_description_head_lines() {
        let f = RuleFile::new(
            "description_heads.txt",
            "document | report poll\nplace | city\norganization |\ndepartment\n".to_string(),
        );
        let e = parse_description_heads(&f).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        let ok = parse_description_heads(&RuleFile::new("d.txt", "document | report\n".into()));
        assert!(ok.unwrap().document.contains("report"));
    }

    #[test]
    fn bad_pronoun_lines() {
        let f = RuleFile::new(
            "pronouns.txt",
            "he | m | sg\nshe | q | sg\nit | n\nthey | u | many\n".to_string(),
        );
        let e = parse_pronouns(&f).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
    }
}
