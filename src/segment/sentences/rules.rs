//! The splitter's rule files compiled: `abbreviations.txt`, `sentence_starters.txt` and
//! `speech_verbs.txt`, and the lowercased keys they are looked up by.

use crate::hash::FxMap;

use crate::rules::{RuleError, RuleFile, RuleSources};

/// What the period after an abbreviation means (`abbreviations.txt`, second field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence: titles ("Mr.", "Sen.") and "e.g.".
    Never,
    /// Never ends a sentence before a number ("No. 5"); before a capitalized word it does.
    Number,
    /// Ends a sentence only before a sentence starter ("U.S. The"; not "U.S. Army", "No. 5").
    Ambiguous,
    /// Ends a sentence before any capitalized word that is not a continuation ("p.m.").
    Usually,
    /// A state after a city ("Tamarac, Fla."): there like `Usually`, elsewhere `Ambiguous`.
    Place,
}

/// Compiled sentence splitter rules.
#[derive(Clone, Debug)]
pub struct SegmentRules {
    /// Abbreviations, lowercased, without their final period ("u.s", "mr").
    pub(super) abbrevs: FxMap<Box<[u8]>, AbbrevClass>,
    /// Every word of `sentence_starters.txt` and `speech_verbs.txt`, lowercased ("the",
    /// "he's", "said"), with the kinds it is listed as (the `KIND_*` bits): one lookup answers
    /// every question about a word.
    pub(super) words: FxMap<Box<[u8]>, u8>,
}

/// A sentence starter ("the").
const KIND_START: u8 = 1;
/// A capitalized word that continues a sentence after a `usually` abbreviation ("monday").
const KIND_CONTINUE: u8 = 2;
/// A caption word that a number follows at the start of a caption ("figure").
const KIND_CAPTION: u8 = 4;
/// A credit word that opens a credit line with a colon ("image").
const KIND_CREDIT: u8 = 8;
/// A subject pronoun that may be the speaker after a closing quotation ("he").
const KIND_SPEAKER: u8 = 16;
/// A weekday name that opens a date line ("tuesday").
const KIND_WEEKDAY: u8 = 32;
/// A speech verb form (`speech_verbs.txt`: "said").
const KIND_SPEECH: u8 = 64;

/// Longest key looked up in the rule sets, in bytes; longer words are never abbreviations.
pub(super) const MAX_KEY: usize = 48;

impl SegmentRules {
    /// Compiles `abbreviations.txt`, `sentence_starters.txt` and `speech_verbs.txt`.
    pub fn compile(src: &RuleSources) -> Result<SegmentRules, Vec<RuleError>> {
        let mut errors = Vec::new();
        let abbrevs = compile_abbreviations(src.get("abbreviations.txt"), &mut errors);
        let mut words = FxMap::default();
        compile_starters(src.get("sentence_starters.txt"), &mut words, &mut errors);
        compile_speech(src.get("speech_verbs.txt"), &mut words, &mut errors);
        if errors.is_empty() {
            Ok(SegmentRules { abbrevs, words })
        } else {
            Err(errors)
        }
    }

    /// The class of `word` (written without its final period) if it is a listed abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        let mut buf = [0u8; MAX_KEY];
        let key = lower_key(word, &mut buf)?;
        self.abbrevs.get(key).copied()
    }

    /// The kinds `word`, lowercased, is listed as (0 when it is not listed; no allocation, and
    /// words longer than [`MAX_KEY`] never are).
    fn kinds(&self, word: &str) -> u8 {
        let mut buf = [0u8; MAX_KEY];
        lower_key(word, &mut buf).map_or(0, |k| self.words.get(k).copied().unwrap_or(0))
    }

    /// A listed speaker pronoun, written capitalized ("He", "I"; not "HE").
    pub(super) fn is_speaker_pronoun(&self, word: &str) -> bool {
        title_case(word) && self.kinds(word) & KIND_SPEAKER != 0
    }

    /// A listed weekday, written capitalized ("Tuesday"; not "TUESDAY").
    pub(super) fn is_weekday(&self, word: &str) -> bool {
        title_case(word) && self.kinds(word) & KIND_WEEKDAY != 0
    }

    pub(super) fn is_starter(&self, word: &str) -> bool {
        self.kinds(word) & KIND_START != 0
    }

    pub(super) fn is_continuation(&self, word: &str) -> bool {
        self.kinds(word) & KIND_CONTINUE != 0
    }

    pub(super) fn is_caption(&self, word: &str) -> bool {
        self.kinds(word) & KIND_CAPTION != 0
    }

    pub(super) fn is_credit(&self, word: &str) -> bool {
        self.kinds(word) & KIND_CREDIT != 0
    }

    pub(super) fn is_speech_verb(&self, word: &str) -> bool {
        self.kinds(word) & KIND_SPEECH != 0
    }
}

pub(super) fn compile_abbreviations(
    file: &RuleFile,
    errors: &mut Vec<RuleError>,
) -> FxMap<Box<[u8]>, AbbrevClass> {
    let mut map = FxMap::default();
    let mut first_line: FxMap<Box<[u8]>, usize> = FxMap::default();
    for line in file.lines() {
        let fields: Vec<&str> = line.fields().collect();
        if fields.len() > 2 {
            errors.push(line.error("expected `ABBREVIATION [| CLASS]`: too many fields"));
            continue;
        }
        let abbr = fields[0];
        // a name spelt with "!" ("Yahoo!") is kept whole, with its mark
        let stem = match abbr.strip_suffix('.') {
            Some(stem) => stem,
            None if abbr.ends_with('!') => abbr,
            None => {
                errors.push(line.error(format!(
                    "abbreviation `{abbr}` must end with a period (or `!` for a name)"
                )));
                continue;
            }
        };
        if stem.is_empty() || stem.ends_with('.') || stem == "!" {
            errors.push(line.error(format!(
                "abbreviation `{abbr}` needs a letter before its last period"
            )));
            continue;
        }
        if abbr.chars().any(|c| c.is_whitespace() || c == '|') {
            errors.push(line.error(format!(
                "abbreviation `{abbr}` must be one word (no spaces); list its last word"
            )));
            continue;
        }
        let class = match fields.get(1).copied() {
            None | Some("ambiguous") => AbbrevClass::Ambiguous,
            Some("never") => AbbrevClass::Never,
            Some("number") => AbbrevClass::Number,
            Some("usually") => AbbrevClass::Usually,
            Some("place") => AbbrevClass::Place,
            Some(other) => {
                errors.push(line.error(format!(
                    "unknown class `{other}` (expected never, number, ambiguous, place or usually)"
                )));
                continue;
            }
        };
        let mut buf = [0u8; MAX_KEY];
        let Some(key) = lower_key(stem, &mut buf) else {
            errors.push(line.error(format!(
                "abbreviation `{abbr}` is too long (at most {MAX_KEY} bytes)"
            )));
            continue;
        };
        if let Some(n) = first_line.get(key) {
            errors.push(line.error(format!(
                "abbreviation `{abbr}` is already listed on line {n} (matching ignores case)"
            )));
            continue;
        }
        first_line.insert(key.into(), line.number);
        map.insert(key.into(), class);
    }
    map
}

pub(super) fn valid_word(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= MAX_KEY
        && w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

/// Adds the words of `sentence_starters.txt` to `words`, each with its kind's bit.
fn compile_starters(
    file: &RuleFile,
    words: &mut FxMap<Box<[u8]>, u8>,
    errors: &mut Vec<RuleError>,
) {
    for line in file.lines() {
        let fields: Vec<&str> = line.fields().collect();
        if fields.len() > 2 {
            errors.push(line.error("expected `WORD [| KIND]`: too many fields"));
            continue;
        }
        let word = fields[0];
        if !valid_word(word) {
            errors.push(line.error(format!(
                "`{word}` is not one word of letters (and apostrophes)"
            )));
            continue;
        }
        let kind = match fields.get(1).copied() {
            None | Some("start") => KIND_START,
            Some("continue") => KIND_CONTINUE,
            Some("caption") => KIND_CAPTION,
            Some("credit") => KIND_CREDIT,
            Some("speaker") => KIND_SPEAKER,
            Some("weekday") => KIND_WEEKDAY,
            Some(other) => {
                errors.push(line.error(format!(
                    "unknown kind `{other}` (expected start, continue, caption, credit, speaker or weekday)"
                )));
                continue;
            }
        };
        let mut buf = [0u8; MAX_KEY];
        if let Some(key) = lower_key(word, &mut buf) {
            *words.entry(key.into()).or_insert(0) |= kind;
        }
    }
}

/// Adds the forms of `speech_verbs.txt` to `words` as [`KIND_SPEECH`].
fn compile_speech(file: &RuleFile, words: &mut FxMap<Box<[u8]>, u8>, errors: &mut Vec<RuleError>) {
    for line in file.lines() {
        let word = line.text;
        if !valid_word(word) {
            errors.push(line.error(format!("`{word}` is not one word of letters")));
            continue;
        }
        let mut buf = [0u8; MAX_KEY];
        if let Some(key) = lower_key(word, &mut buf) {
            *words.entry(key.into()).or_insert(0) |= KIND_SPEECH;
        }
    }
}

/// An uppercase first letter and no uppercase letter after it.
fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
}

/// `word` lowercased into `buf` (’ written as '), as UTF-8 bytes, or `None` when it does not
/// fit.
fn lower_key<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    if word.len() > MAX_KEY {
        return None;
    }
    let mut n = 0;
    if word.is_ascii() {
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        n = word.len();
    } else {
        for c in word.chars() {
            let c = if c == '’' { '\'' } else { c };
            for l in c.to_lowercase() {
                if n + l.len_utf8() > MAX_KEY {
                    return None;
                }
                l.encode_utf8(&mut buf[n..]);
                n += l.len_utf8();
            }
        }
    }
    Some(&buf[..n])
}
