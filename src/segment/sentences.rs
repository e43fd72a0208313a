//! Sentence splitting, driven by `rules/abbreviations.txt`, `rules/sentence_starters.txt` and
//! `rules/speech_verbs.txt`.
//!
//! One left-to-right pass over each paragraph. Only `.`, `!`, `?`, `…` and their full-width and
//! ideographic forms can end a sentence, plus a few shapes that run into the next sentence without
//! a mark: the next label of a list ("1. … 2. …"), the next bullet, a caption number ("Figure
//! 1.3 This map"), a date line ("Tuesday, May 5, 2015") and a credit ("Image: …"). At each mark
//! the splitter looks at the word before it (abbreviation? initial? number? list label?) and the
//! word after it (lowercase? a sentence starter? a speaker and a speech verb after a closing
//! quote?). Closing quotation marks, brackets and footnote citations after the mark stay with the
//! sentence they close. Every look-back and look-ahead is bounded and every cache only moves
//! forward, so the pass is linear in the text whatever its shape, and it allocates only the
//! output (and, for a paragraph that holds a list, one index of its labels).
//!
//! The rule files' formats are documented in `rules/README.md` ("Sentence splitter").

use crate::hash::{FxMap, FxSet};

use crate::doc::Span;
use crate::rules::{RuleError, RuleFile, RuleSources};

use super::paragraphs::trim;

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
    abbrevs: FxMap<String, AbbrevClass>,
    /// Sentence starters, lowercased ("the", "he's").
    starters: FxSet<String>,
    /// Capitalized words that continue a sentence after a `usually` abbreviation ("monday").
    continuations: FxSet<String>,
    /// Speech verb forms, lowercased ("said").
    speech: FxSet<String>,
    /// Caption words that a number follows at the start of a caption ("figure").
    captions: FxSet<String>,
    /// Credit words that open a credit line with a colon ("image").
    credits: FxSet<String>,
}

/// Whether `word`, lowercased, is in `set` (no allocation; words longer than [`MAX_KEY`] never
/// are).
fn listed(set: &FxSet<String>, word: &str) -> bool {
    let mut buf = [0u8; MAX_KEY];
    lower_key(word, &mut buf).is_some_and(|k| set.contains(k))
}

/// Longest key looked up in the rule sets, in bytes; longer words are never abbreviations.
const MAX_KEY: usize = 48;
/// How far back a word before a period is read, in bytes.
const MAX_PREV: usize = 64;
/// How far a list's next label may be from the previous one, in bytes.
const LIST_WINDOW: usize = 2000;

impl SegmentRules {
    /// Compiles `abbreviations.txt`, `sentence_starters.txt` and `speech_verbs.txt`.
    pub fn compile(src: &RuleSources) -> Result<SegmentRules, Vec<RuleError>> {
        let mut errors = Vec::new();
        let abbrevs = compile_abbreviations(src.get("abbreviations.txt"), &mut errors);
        let (starters, continuations, captions, credits) =
            compile_starters(src.get("sentence_starters.txt"), &mut errors);
        let speech = compile_speech(src.get("speech_verbs.txt"), &mut errors);
        if errors.is_empty() {
            Ok(SegmentRules {
                abbrevs,
                starters,
                continuations,
                speech,
                captions,
                credits,
            })
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

    fn is_starter(&self, word: &str) -> bool {
        listed(&self.starters, word)
    }

    fn is_continuation(&self, word: &str) -> bool {
        listed(&self.continuations, word)
    }

    fn is_caption(&self, word: &str) -> bool {
        listed(&self.captions, word)
    }

    fn is_credit(&self, word: &str) -> bool {
        listed(&self.credits, word)
    }

    fn is_speech_verb(&self, word: &str) -> bool {
        listed(&self.speech, word)
    }
}

fn compile_abbreviations(
    file: &RuleFile,
    errors: &mut Vec<RuleError>,
) -> FxMap<String, AbbrevClass> {
    let mut map = FxMap::default();
    let mut first_line: FxMap<String, usize> = FxMap::default();
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
        first_line.insert(key.to_string(), line.number);
        map.insert(key.to_string(), class);
    }
    map
}

fn valid_word(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= MAX_KEY
        && w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

type WordSets = (FxSet<String>, FxSet<String>, FxSet<String>, FxSet<String>);

fn compile_starters(file: &RuleFile, errors: &mut Vec<RuleError>) -> WordSets {
    let mut starters = FxSet::default();
    let mut continuations = FxSet::default();
    let mut captions = FxSet::default();
    let mut credits = FxSet::default();
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
        let set = match fields.get(1).copied() {
            None | Some("start") => &mut starters,
            Some("continue") => &mut continuations,
            Some("caption") => &mut captions,
            Some("credit") => &mut credits,
            Some(other) => {
                errors.push(line.error(format!(
                    "unknown kind `{other}` (expected start, continue, caption or credit)"
                )));
                continue;
            }
        };
        let mut buf = [0u8; MAX_KEY];
        if let Some(key) = lower_key(word, &mut buf) {
            set.insert(key.to_string());
        }
    }
    (starters, continuations, captions, credits)
}

fn compile_speech(file: &RuleFile, errors: &mut Vec<RuleError>) -> FxSet<String> {
    let mut set = FxSet::default();
    for line in file.lines() {
        let word = line.text;
        if !valid_word(word) {
            errors.push(line.error(format!("`{word}` is not one word of letters")));
            continue;
        }
        let mut buf = [0u8; MAX_KEY];
        if let Some(key) = lower_key(word, &mut buf) {
            set.insert(key.to_string());
        }
    }
    set
}

/// `word` lowercased into `buf` (’ written as '), or `None` when it does not fit.
fn lower_key<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
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
    std::str::from_utf8(&buf[..n]).ok()
}

/// The sentences of `text`, never crossing a paragraph, whitespace trimmed, in order.
pub fn sentences(rules: &SegmentRules, text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() + text.len() / 120);
    for p in paragraphs {
        match trailing_date(text, *p) {
            Some(d) => {
                Splitter::new(rules, text, Span::new(p.start, d)).run(&mut out);
                Splitter::new(rules, text, Span::new(d, p.end)).run(&mut out);
            }
            None => Splitter::new(rules, text, *p).run(&mut out),
        }
    }
    out
}

/// A date line that ends a paragraph after a headline, "… about ants Tuesday, September 1,
/// 2015": where the weekday starts.
fn trailing_date(text: &str, p: Span) -> Option<usize> {
    let b = &text.as_bytes()[p.start..p.end];
    let digits_back = |e: usize, min: usize, max: usize| {
        let mut s = e;
        while s > 0 && b[s - 1].is_ascii_digit() && e - s <= max {
            s -= 1;
        }
        (e - s >= min && e - s <= max).then_some(s)
    };
    let word_back = |e: usize| {
        let mut s = e;
        while s > 0 && b[s - 1].is_ascii_alphabetic() && e - s < 12 {
            s -= 1;
        }
        (s < e && b[s].is_ascii_uppercase()).then_some(s)
    };
    let year = digits_back(b.len(), 4, 4)?;
    let comma = year.checked_sub(2).filter(|&c| &b[c..year] == b", ")?;
    let day = digits_back(comma, 1, 2)?;
    let month_end = day.checked_sub(1).filter(|&c| b[c] == b' ')?;
    let month = word_back(month_end)?;
    let comma = month.checked_sub(2).filter(|&c| &b[c..month] == b", ")?;
    let weekday = word_back(comma)?;
    if comma - weekday < 6 || !b[weekday..comma].ends_with(b"day") {
        return None;
    }
    let before = weekday.checked_sub(1)?;
    (b[before] == b' ' && b[..before].iter().any(u8::is_ascii_alphanumeric))
        .then_some(p.start + weekday)
}

// ---------------------------------------------------------------------------------------------
// Character classes

/// Finds the bytes that may start a sentence-final mark: `.` `!` `?`, `:` (after a credit word),
/// and the lead bytes of `…` `‼` `⁇` `⁈` `⁉` (E2), `。` (E3) and the full-width `！` `？` `．` `｡`
/// (EF). Three vectorized searches, each remembering its next hit, so that every byte of a
/// paragraph is searched at most once per search.
struct Candidates {
    /// Per search: where it last started and the hit it found there (`end` when none).
    next: [(usize, usize); 3],
}

impl Candidates {
    fn new() -> Self {
        Candidates {
            next: [(usize::MAX, 0); 3],
        }
    }

    /// The first candidate byte in `b[i..limit]`; `b[..end]` is the paragraph.
    fn find(&mut self, b: &[u8], i: usize, limit: usize, end: usize) -> Option<usize> {
        let mut first = end;
        for (n, slot) in self.next.iter_mut().enumerate() {
            let (from, hit) = *slot;
            if !(from <= i && i <= hit) {
                let hay = &b[i.min(end)..end];
                let k = match n {
                    0 => memchr::memchr3(b'.', b'!', b'?', hay),
                    1 => memchr::memchr3(b':', 0xE2, 0xE3, hay),
                    _ => memchr::memchr(0xEF, hay),
                };
                *slot = (i, k.map_or(end, |k| i + k));
            }
            first = first.min(slot.1);
        }
        (first < limit && first < end).then_some(first)
    }
}

/// What a sentence-final character is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `.`
    Dot,
    /// `!` `?` and their combined forms.
    Bang,
    /// `…`
    Ellipsis,
    /// Ideographic and full-width marks: always a boundary, space or not.
    Wide,
}

fn mark(c: char) -> Option<Mark> {
    match c {
        '.' => Some(Mark::Dot),
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => Some(Mark::Bang),
        '…' => Some(Mark::Ellipsis),
        '。' | '！' | '？' | '．' | '｡' => Some(Mark::Wide),
        _ => None,
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〉'
            | '》'
    )
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
    )
}

fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '「' | '『'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '‣' | '◦' | '▪' | '●' | '∙' | '■' | '□' | '➢' | '►'
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

// ---------------------------------------------------------------------------------------------
// List labels: "1." "a)" "(iii)" "2.1." "A.)" at the start of a sentence

const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// How a label is written; two labels are of one list when their styles are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LabelStyle {
    /// 0 digits, 1 lowercase letter, 2 uppercase letter, 3 lowercase roman, 4 uppercase roman.
    kind: u8,
    /// Opens with "(".
    paren: bool,
    /// 0 ".", 1 ")", 2 ".)".
    close: u8,
}

/// A list label: where it ends, its style and value(s) (a letter that is also a roman numeral,
/// "i", "v", "x", has both readings).
#[derive(Clone, Copy, Debug)]
struct Label {
    /// Byte after the label's last character.
    end: usize,
    /// The label's final period, if it has one.
    dot: Option<usize>,
    /// Readings: (style, value); the second is `None` unless the label is ambiguous.
    readings: [Option<(LabelStyle, u32)>; 2],
    /// "2.1." style: a sub-numbered label, never part of a sequence.
    nested: bool,
}

fn parse_label(text: &str, q: usize, end: usize) -> Option<Label> {
    let b = &text.as_bytes()[..end];
    let mut j = q;
    let paren = b.get(j) == Some(&b'(');
    if paren {
        j += 1;
    }
    let body = j;
    let mut nested = false;
    let readings: [Option<(u8, u32)>; 2];
    if b.get(j).is_some_and(u8::is_ascii_digit) {
        while j < b.len() && b[j].is_ascii_digit() && j - body < 4 {
            j += 1;
        }
        if j - body > 3 {
            return None;
        }
        let value: u32 = text[body..j].parse().ok()?;
        // "2.1." sub-numbering
        while j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            let s = j + 1;
            j = s;
            while j < b.len() && b[j].is_ascii_digit() && j - s < 4 {
                j += 1;
            }
            if j - s > 3 {
                return None;
            }
            nested = true;
        }
        readings = [Some((0, value)), None];
    } else {
        while j < b.len() && b[j].is_ascii_alphabetic() && j - body < 6 {
            j += 1;
        }
        let word = &text[body..j];
        if word.is_empty() || word.len() > 5 {
            return None;
        }
        let lower = word.bytes().all(|c| c.is_ascii_lowercase());
        let upper = word.bytes().all(|c| c.is_ascii_uppercase());
        if !lower && !upper {
            return None;
        }
        let mut buf = [0u8; 5];
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lw = &buf[..word.len()];
        let roman = ROMAN
            .iter()
            .position(|r| r.as_bytes() == lw)
            .map(|p| ((if lower { 3 } else { 4 }), p as u32 + 1));
        let letter =
            (word.len() == 1).then(|| (if lower { 1 } else { 2 }, (lw[0] - b'a') as u32 + 1));
        readings = match (letter, roman) {
            (Some(l), r) => [Some(l), r],
            (None, Some(r)) => [Some(r), None],
            (None, None) => return None,
        };
    }
    let mut dot = None;
    let close = if b.get(j) == Some(&b'.') {
        dot = Some(j);
        j += 1;
        if b.get(j) == Some(&b')') {
            j += 1;
            2
        } else {
            0
        }
    } else if b.get(j) == Some(&b')') {
        j += 1;
        1
    } else {
        return None;
    };
    if paren && close == 0 {
        return None;
    }
    // A label stands alone: whitespace after it (the end of a paragraph is no list).
    if !char_at(text, j).is_some_and(|c| c.is_whitespace()) || j >= end {
        return None;
    }
    let style = |(kind, v): (u8, u32)| (LabelStyle { kind, paren, close }, v);
    Some(Label {
        end: j,
        dot,
        readings: [readings[0].map(style), readings[1].map(style)],
        nested,
    })
}

// ---------------------------------------------------------------------------------------------
// The splitter

/// What is known about the sentence that starts at `start`.
#[derive(Clone, Copy, Debug, Default)]
struct Plan {
    /// The period of a list label that opens the sentence: never a boundary.
    label_dot: Option<usize>,
    /// A list label or bullet further on that must start a new sentence.
    forced: Option<usize>,
}

/// The next word after a candidate boundary.
#[derive(Clone, Copy, Debug)]
struct Next<'t> {
    /// Where it starts (its first non-space character).
    pos: usize,
    /// Its first letter or digit is lowercase.
    lower: bool,
    /// Its first letter is uppercase (after any opening quotes).
    upper: bool,
    /// It starts with a digit.
    digit: bool,
    /// It starts with an opening quotation mark.
    quoted: bool,
    /// It starts with "(".
    bracket: bool,
    /// It starts with a dash ("FAIRVIEW, W.Va. - The coal").
    dashed: bool,
    /// Its leading run of letters and apostrophes ("He's"), maybe empty.
    word: &'t str,
}

struct Splitter<'r, 't> {
    rules: &'r SegmentRules,
    text: &'t str,
    b: &'t [u8],
    start: usize,
    end: usize,
    /// Sorted (style, value, position) of every label in the paragraph, built when first needed.
    labels: Option<Vec<(LabelStyle, u32, usize)>>,
    /// Cache of the last bullet search: (bullet, searched from, found).
    bullet_cache: Option<(char, usize, Option<usize>)>,
    /// How far the current sentence was searched for a letter or digit, and whether one was found.
    content: (usize, bool),
}

impl<'r, 't> Splitter<'r, 't> {
    fn new(rules: &'r SegmentRules, text: &'t str, p: Span) -> Self {
        Splitter {
            rules,
            text,
            b: text.as_bytes(),
            start: p.start,
            end: p.end,
            labels: None,
            bullet_cache: None,
            content: (p.start, false),
        }
    }

    fn run(mut self, out: &mut Vec<Span>) {
        let mut start = self.start;
        let mut plan = self.plan(start);
        let mut i = start;
        let mut candidates = Candidates::new();
        loop {
            let limit = match plan.forced {
                Some(f) if f > i => f.min(self.end),
                _ => self.end,
            };
            let found = candidates.find(self.b, i, limit, self.end);
            let (boundary, resume) = match found {
                None if limit < self.end => (Some(limit), limit),
                None => break,
                Some(k) => self.decide(k, start, &plan),
            };
            if let Some(e) = boundary {
                if let Some(s) = trim(self.text, start, e) {
                    out.push(s);
                }
                let old = plan.forced;
                start = e;
                self.content = (e, false);
                plan = self.plan(start);
                if plan.forced.is_none() {
                    plan.forced = old.filter(|&f| f > start);
                }
            }
            debug_assert!(resume > i || boundary.is_some());
            i = resume.max(i + usize::from(boundary.is_none()));
        }
        if let Some(s) = trim(self.text, start, self.end) {
            out.push(s);
        }
    }

    /// Bullets and list labels at the start of the sentence that begins at `s`.
    fn plan(&mut self, s: usize) -> Plan {
        let mut plan = Plan::default();
        let mut q = self.skip_space(s);
        if q >= self.end {
            return plan;
        }
        let first = char_at(self.text, q).unwrap_or(' ');
        if is_bullet(first) {
            plan.forced = self.next_bullet(first, q + first.len_utf8());
            q = self.skip_space(q + first.len_utf8());
            if let Some(l) = parse_label(self.text, q, self.end) {
                plan.label_dot = l.dot;
            }
            return plan;
        }
        if let Some(l) = parse_label(self.text, q, self.end) {
            plan.label_dot = l.dot;
            if !l.nested {
                plan.forced = self.successor(&l);
            }
        } else if first.is_uppercase() {
            plan.forced = self.heading_end(q);
        }
        plan
    }

    /// A caption label or a date line that opens a paragraph's first sentence and runs into
    /// the next one without a period: "Figure 1.3 This map shows", "Tuesday, May 5, 2015 On
    /// Tuesday". Returns where the label ends.
    fn heading_end(&self, q: usize) -> Option<usize> {
        let b = self.b;
        let word_end = |i: usize| {
            let mut e = i;
            while e < self.end && b[e].is_ascii_alphabetic() && e - i < 16 {
                e += 1;
            }
            e
        };
        let digits = |i: usize, max: usize| {
            let mut e = i;
            while e < self.end && b[e].is_ascii_digit() && e - i <= max {
                e += 1;
            }
            (e > i && e - i <= max).then_some(e)
        };
        let w = word_end(q);
        let word = &self.text[q..w];
        let mut e;
        if self.rules.is_caption(word) {
            // "Figure 1.3", "Fig. 2", "Table 4b"
            e = w + usize::from(b.get(w) == Some(&b'.'));
            if b.get(e) != Some(&b' ') {
                return None;
            }
            e = digits(e + 1, 4)?;
            while b.get(e) == Some(&b'.') {
                e = digits(e + 1, 4)?;
            }
            if e < self.end && b[e].is_ascii_lowercase() {
                e += 1;
            }
        } else if word.len() > 4 && word.ends_with("day") {
            // "Thursday, March 15, 2012"
            if !self.text[w..].starts_with(", ") {
                return None;
            }
            let m = w + 2;
            let me = word_end(m);
            if me == m || !b[m].is_ascii_uppercase() || b.get(me) != Some(&b' ') {
                return None;
            }
            let d = digits(me + 1, 2)?;
            if !self.text[d..].starts_with(", ") {
                return None;
            }
            e = digits(d + 2, 4)?;
            if e - (d + 2) != 4 {
                return None;
            }
        } else {
            return None;
        }
        if e >= self.end || !char_at(self.text, e).is_some_and(char::is_whitespace) {
            return None;
        }
        let next = self.next_word(self.skip_space(e));
        (next.upper && !next.quoted).then_some(e)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while i < self.end {
            let b = self.b[i];
            if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match char_at(self.text, i) {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    /// The next `bullet` after `from` that follows whitespace.
    fn next_bullet(&mut self, bullet: char, from: usize) -> Option<usize> {
        if let Some((c, searched, found)) = self.bullet_cache {
            if c == bullet && from >= searched && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let mut enc = [0u8; 4];
        let needle = bullet.encode_utf8(&mut enc).as_bytes();
        let mut found = None;
        let mut at = from;
        while let Some(k) = memchr::memmem::find(&self.b[at..self.end], needle) {
            let pos = at + k;
            if char_before(self.text, pos).is_some_and(char::is_whitespace) {
                found = Some(pos);
                break;
            }
            at = pos + needle.len();
        }
        self.bullet_cache = Some((bullet, from, found));
        found
    }

    /// Every label of the paragraph, sorted by (style, value, position).
    fn label_index(&mut self) -> &[(LabelStyle, u32, usize)] {
        if self.labels.is_none() {
            let mut v = Vec::new();
            let mut prev_space = true;
            let mut i = self.start;
            while i < self.end {
                let c = self.b[i];
                if prev_space && (c == b'(' || c.is_ascii_alphanumeric()) {
                    if let Some(l) = parse_label(self.text, i, self.end) {
                        for (style, value) in l.readings.into_iter().flatten() {
                            if !l.nested {
                                v.push((style, value, i));
                            }
                        }
                    }
                }
                prev_space = c.is_ascii_whitespace()
                    || (c >= 0x80 && char_at(self.text, i).is_some_and(char::is_whitespace));
                i += 1;
                while i < self.end && !self.text.is_char_boundary(i) {
                    i += 1;
                }
            }
            v.sort_unstable();
            self.labels = Some(v);
        }
        self.labels.as_deref().unwrap_or(&[])
    }

    /// Where the label after `l` in its list starts, if it is near enough.
    fn successor(&mut self, l: &Label) -> Option<usize> {
        let after = l.end;
        let readings = l.readings;
        let index = self.label_index();
        let mut best: Option<usize> = None;
        for (style, value) in readings.into_iter().flatten() {
            let key = (style, value + 1, after);
            let k = index.partition_point(|e| *e < key);
            if let Some(&(s, v, pos)) = index.get(k) {
                if s == style && v == value + 1 && pos - after <= LIST_WINDOW {
                    best = Some(best.map_or(pos, |b: usize| b.min(pos)));
                }
            }
        }
        best
    }

    /// Decides on the candidate mark at `k`: the boundary (end of the sentence), if any, and
    /// where to scan on.
    fn decide(&mut self, k: usize, start: usize, plan: &Plan) -> (Option<usize>, usize) {
        let text = self.text;
        let Some(c0) = char_at(text, k) else {
            return (None, k + 1);
        };
        if c0 == ':' {
            return (self.credit(k, start), k + 1);
        }
        let Some(m0) = mark(c0) else {
            return (None, k + c0.len_utf8());
        };
        // "“..." and "! ! !": a sentence needs a letter or a digit before it can end
        if !self.has_content(k) {
            let mut j = k;
            while let Some(m) = char_at(text, j).filter(|&c| mark(c).is_some()) {
                j += m.len_utf8();
            }
            return (None, j.max(k + 1));
        }

        // 1. The run of marks: "." "?!" "..." ". . . ." "…" "。"
        let mut j = k;
        let (mut dots, mut bang, mut ellipsis, mut wide, mut spaced) =
            (0, false, false, false, false);
        let mut consecutive = 0;
        while j < self.end {
            let Some(c) = char_at(text, j) else { break };
            match mark(c) {
                Some(Mark::Dot) => {
                    dots += 1;
                    consecutive += 1;
                    if consecutive >= 3 {
                        ellipsis = true;
                    }
                    j += 1;
                    continue;
                }
                Some(Mark::Bang) => bang = true,
                Some(Mark::Ellipsis) => {
                    ellipsis = true;
                    dots += 3;
                }
                Some(Mark::Wide) => wide = true,
                None => {
                    // ". . ." spaced ellipsis: a space, then a dot standing alone
                    if c == ' '
                        && !bang
                        && !wide
                        && j > k
                        && self.b[j - 1] == b'.'
                        && self.b.get(j + 1) == Some(&b'.')
                        && j + 1 < self.end
                        && !char_at(text, j + 2).is_some_and(|c| c == '.' || c.is_alphanumeric())
                    {
                        spaced = true;
                        consecutive = 0;
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
            consecutive = 0;
            j += c.len_utf8();
        }
        let run_end = j;
        // "[...]" and "(…)" stand for words left out, never for a sentence end
        if ellipsis
            && matches!(self.b.get(run_end), Some(b']' | b')'))
            && char_before(text, k).is_some_and(|c| c == '[' || c == '(')
        {
            return (None, run_end);
        }
        let attached = char_before(text, k).is_some_and(|c| !c.is_whitespace()) && k > self.start;

        // 2. Closing quotes and brackets, and marks after them: `.”` `?)` `!”.`
        let mut quote_closed = false;
        let mut closed = false;
        while j < self.end {
            let Some(c) = char_at(text, j) else { break };
            if is_closing(c) {
                // an apostrophe that starts a word ("Jr.'s") is no closing mark
                quote_closed |= is_quote(c);
                closed = true;
                j += c.len_utf8();
            } else if mark(c).is_some_and(|m| m != Mark::Wide) && j > run_end {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        // 3. Footnote citations glued on: "large.[7][8]"
        j = self.citations(j, false);

        if j >= self.end {
            return (None, self.end);
        }
        let after = char_at(text, j).unwrap_or(' ');
        if !after.is_whitespace() {
            if wide {
                return (Some(j), j);
            }
            // footnote numbers glued on: "a consultation.11 12 Take"
            if m0 == Mark::Dot && dots == 1 && !bang && run_end == k + 1 {
                if let Some(e) = self.glued_footnote(k, j) {
                    return (Some(e), e);
                }
                if self.glued_sentence(k, start) {
                    return (Some(k + 1), k + 1);
                }
            }
            return (None, j.max(k + 1));
        }

        // 4. The next word, after citations standing alone: "1971. [1] Fillmore"
        let mut end = j;
        let mut n = self.skip_space(j);
        let mut cited = self.citations(n, true);
        // "days. [1]." : marks after the citation stay with it
        while let Some(c) = char_at(text, cited).filter(|&c| mark(c).is_some() || is_closing(c)) {
            if cited >= self.end || cited == n {
                break;
            }
            cited += c.len_utf8();
        }
        if cited > n {
            end = cited;
            n = self.skip_space(cited);
        }
        if n >= self.end {
            return (Some(end), end);
        }
        let next = self.next_word(n);

        // 5. Decide by the kind of run
        let boundary = if wide {
            true
        } else if quote_closed && next.dashed && next.upper {
            // `“…yes.” — Dana Whitfield, festival director`: the quote's attribution
            false
        } else if spaced {
            if attached && self.b.get(k + 1) == Some(&b' ') {
                // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next
                if !next.lower {
                    return (Some(k + 1), k + 1);
                }
                false
            } else {
                // ". . . ." ends a sentence; ". . ." stands for words left out
                dots >= 4 && !next.lower
            }
        } else if bang {
            // "Viva Maria! (1965)": a title, not a sentence
            let title = (next.bracket && !closed) || self.named_bang(k, run_end, start);
            let speaker = quote_closed && self.speaker_follows(n);
            !(next.lower || title || speaker)
        } else if ellipsis || dots >= 2 {
            let speaker = quote_closed && self.speaker_follows(n);
            !(next.lower || speaker)
        } else if plan.label_dot == Some(k) {
            false
        } else {
            self.after_period(k, start, &next)
        };

        let boundary = boundary || (next.lower && self.label_opens_list(n));
        if !boundary {
            return (None, j.max(k + 1));
        }
        // footnote numbers standing alone: "a publication fee. 8 Yet some"
        if let Some(e) = self.loose_footnote(&next) {
            return (Some(e), e);
        }
        (Some(end), end)
    }

    /// "Yahoo! Research": a name listed with its "!" in `abbreviations.txt` as `never`.
    fn named_bang(&self, k: usize, run_end: usize, start: usize) -> bool {
        if run_end != k + 1 || self.b[k] != b'!' {
            return false;
        }
        let Some(prev) = self.prev_word(k, start) else {
            return false;
        };
        let mut key = [0u8; MAX_KEY];
        if prev.is_empty() || prev.len() + 1 > MAX_KEY {
            return false;
        }
        key[..prev.len()].copy_from_slice(prev.as_bytes());
        key[prev.len()] = b'!';
        std::str::from_utf8(&key[..=prev.len()])
            .is_ok_and(|w| self.rules.abbreviation(w) == Some(AbbrevClass::Never))
    }

    /// Is there a letter or digit between the current sentence's start and `k`? Each byte is
    /// looked at once per sentence.
    fn has_content(&mut self, k: usize) -> bool {
        let (mut i, found) = self.content;
        if found {
            return true;
        }
        while i < k {
            let b = self.b[i];
            if b.is_ascii_alphanumeric() {
                self.content = (i, true);
                return true;
            }
            if b >= 0xC0 {
                if let Some(c) = char_at(self.text, i) {
                    if c.is_alphanumeric() {
                        self.content = (i, true);
                        return true;
                    }
                }
            }
            i += 1;
        }
        self.content = (i.max(k), false);
        false
    }

    /// "… held in Washington D.C. Image: United States Navy.": a credit word and a colon open
    /// a sentence of their own. Returns where the credit word starts.
    fn credit(&mut self, k: usize, start: usize) -> Option<usize> {
        if !char_at(self.text, k + 1).is_some_and(char::is_whitespace) {
            return None;
        }
        let mut ws = k;
        while ws > start && self.b[ws - 1].is_ascii_alphabetic() && k - ws <= MAX_KEY {
            ws -= 1;
        }
        if ws == k || ws <= start || !self.b[ws].is_ascii_uppercase() || self.b[ws - 1] != b' ' {
            return None;
        }
        if !self.rules.is_credit(&self.text[ws..k]) || !self.has_content(ws) {
            return None;
        }
        Some(ws)
    }

    /// Does the period at `k` end a sentence, given the word before it and `next`?
    fn after_period(&self, k: usize, start: usize, next: &Next) -> bool {
        let prev = self.prev_word(k, start);
        let Some(prev) = prev else {
            return !next.lower;
        };
        if prev.is_empty() {
            return !next.lower;
        }
        if prev.ends_with(|c: char| c.is_ascii_digit()) {
            return !next.lower || next.bracket;
        }
        let mut chars = prev.chars();
        let first = chars.next();
        let single = first.is_some_and(char::is_alphabetic) && chars.next().is_none();
        if single && first.is_some_and(char::is_uppercase) {
            // an initial ("Oscar P. Quintero"), even when a lowercase abbreviation ("p.") is
            // spelt the same; an opening quote after it is a nickname ("Robert C. “Bobby” Scott")
            return !next.quoted && self.starts_sentence(next);
        }
        // "ex-Gov.", "then-Sen.": the part after the last hyphen
        let class = self.rules.abbreviation(prev).or_else(|| {
            prev.rsplit_once('-')
                .and_then(|(_, last)| self.rules.abbreviation(last))
        });
        match class {
            Some(AbbrevClass::Never) => false,
            Some(AbbrevClass::Number) => next.upper || next.quoted,
            Some(AbbrevClass::Ambiguous) => self.starts_sentence(next),
            Some(AbbrevClass::Usually) => self.usually_ends(next),
            Some(AbbrevClass::Place) if self.after_city(k - prev.len()) => self.usually_ends(next),
            Some(AbbrevClass::Place) => self.starts_sentence(next),
            None => {
                if single || dotted_letters(prev) {
                    // "Gov. C.L. “Butch” Otter": a quote after initials is a nickname
                    let initials = prev
                        .split('.')
                        .all(|g| g.len() == 1 && g.chars().all(char::is_uppercase));
                    !(initials && next.quoted) && self.starts_sentence(next)
                } else {
                    // "a year. (credit: Ken Thomas)": a bracket after a period opens a sentence
                    !next.lower || next.bracket
                }
            }
        }
    }

    /// After a `usually` abbreviation: a capitalized word that is not a continuation, or a quote.
    fn usually_ends(&self, next: &Next) -> bool {
        !next.dashed
            && !next.bracket
            && (next.quoted || (next.upper && !self.rules.is_continuation(next.word)))
    }

    /// Is the word starting at `w` written after "City, "?
    fn after_city(&self, w: usize) -> bool {
        let b = self.b;
        if w < 4 || &b[w - 2..w] != b", " {
            return false;
        }
        let mut s = w - 2;
        while s > 0 && b[s - 1].is_ascii_alphabetic() && w - 2 - s < 32 {
            s -= 1;
        }
        s < w - 2 && b[s].is_ascii_uppercase()
    }

    /// A sentence starter after an ambiguous abbreviation: a listed word or an opening quote.
    fn starts_sentence(&self, next: &Next) -> bool {
        next.upper
            && !next.bracket
            && !next.dashed
            && (next.quoted || self.rules.is_starter(next.word))
    }

    /// The word before the period at `k`, without opening marks; `None` when it is too long to
    /// be an abbreviation.
    fn prev_word(&self, k: usize, start: usize) -> Option<&'t str> {
        let mut lo = k.saturating_sub(MAX_PREV).max(start);
        while !self.text.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &self.text[lo..k];
        let w = match window.rfind(char::is_whitespace) {
            Some(p) => {
                let ws = window[p..].chars().next().map_or(1, char::len_utf8);
                &window[p + ws..]
            }
            None if lo == start => window,
            None => return None,
        };
        Some(w.trim_start_matches(is_opening))
    }

    /// The next word's shape, from its first character at `n`.
    fn next_word(&self, n: usize) -> Next<'t> {
        let text = self.text;
        let mut next = Next {
            pos: n,
            lower: false,
            upper: false,
            digit: false,
            quoted: false,
            bracket: false,
            dashed: false,
            word: "",
        };
        let mut i = n;
        let mut guard = 0;
        while let Some(c) = char_at(text, i) {
            if i >= self.end || guard > 6 {
                return next;
            }
            if is_open_quote(c) {
                next.quoted = true;
            } else if c == '(' || c == '[' {
                next.bracket |= c == '(';
            } else if !matches!(c, '-' | '–' | '—' | ' ') || guard == 0 && c == ' ' {
                // dashes (and the space after them) are looked through: "voila! -- you have"
                break;
            } else {
                next.dashed |= c != ' ';
            }
            i += c.len_utf8();
            guard += 1;
        }
        let Some(c) = char_at(text, i) else {
            return next;
        };
        if i >= self.end {
            return next;
        }
        next.lower = c.is_lowercase();
        next.upper = c.is_uppercase();
        next.digit = c.is_ascii_digit();
        if c.is_alphabetic() {
            let lim = (i + MAX_KEY).min(self.end);
            let mut e = i;
            let mut prev_letter = false;
            for (off, ch) in text[i..].char_indices() {
                let p = i + off;
                if p >= lim {
                    break;
                }
                if ch.is_alphabetic() {
                    prev_letter = true;
                    e = p + ch.len_utf8();
                } else if (ch == '\'' || ch == '’') && prev_letter {
                    prev_letter = false;
                } else {
                    break;
                }
            }
            next.word = &text[i..e];
        }
        next
    }

    /// After a quotation that closes on "?", "!" or "…": a capitalized speaker of one or two
    /// words, then a speech verb (`“Are you there?” I called.`, `“No!” Pete Smith said.`).
    fn speaker_follows(&self, n: usize) -> bool {
        let mut i = n;
        for nth in 0..3 {
            if i >= self.end {
                return false;
            }
            let w = self.next_word(i);
            if w.word.is_empty() || w.quoted || w.bracket {
                return false;
            }
            if nth > 0 && self.rules.is_speech_verb(w.word) {
                return true;
            }
            // the speaker: a subject pronoun or a name, not "The answer is"
            let pronoun = ["I", "He", "She", "We", "They", "You"].contains(&w.word);
            if !w.upper || (nth == 0 && !pronoun && self.rules.is_starter(w.word)) {
                return false;
            }
            let e = self.word_end(i);
            // a word that ends a sentence or a clause stops the search
            if char_before(self.text, e).is_some_and(|c| mark(c).is_some() || c == ',' || c == ';')
            {
                return false;
            }
            i = self.skip_space(e);
        }
        false
    }

    /// The end of the whitespace-delimited word at `i` (at most 64 bytes on).
    fn word_end(&self, i: usize) -> usize {
        let lim = (i + MAX_PREV).min(self.end);
        let mut e = i;
        for (off, c) in self.text[i..].char_indices() {
            if i + off >= lim || c.is_whitespace() {
                break;
            }
            e = i + off + c.len_utf8();
        }
        e.max(i + 1).min(self.end)
    }

    /// Footnote citations at `j`: "[7]", "[2–11]", "[15][16]", or with `spaced`, "[1] [2]"
    /// separated by spaces. Returns the end of the last one (`j` when there is none).
    fn citations(&self, j: usize, spaced: bool) -> usize {
        let b = self.b;
        let mut end = j;
        let mut i = j;
        loop {
            if b.get(i) != Some(&b'[') || i >= self.end {
                return end;
            }
            let mut e = i + 1;
            let mut digits = 0;
            let mut elided = false;
            // "[...]" and "[…]": words left out at the end of a sentence
            for mark in ["...]", "…]"] {
                if b[i + 1..self.end].starts_with(mark.as_bytes()) {
                    elided = true;
                    digits = 1;
                    e = i + mark.len();
                }
            }
            // "[citation needed]": an editor's note in lowercase
            if !elided && b.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
                if let Some(close) = memchr::memchr(b']', &b[i + 1..self.end.min(i + 41)]) {
                    let note = &b[i + 1..i + 1 + close];
                    if note.iter().all(|c| c.is_ascii_lowercase() || *c == b' ') {
                        elided = true;
                        digits = 1;
                        e = i + 1 + close;
                    }
                }
            }
            while !elided && e < self.end && e - i < 16 {
                match b[e] {
                    b'0'..=b'9' => digits += 1,
                    b',' | b'-' | b' ' => {}
                    0xE2 if b.get(e + 1) == Some(&0x80) && b.get(e + 2) == Some(&0x93) => e += 2,
                    _ => break,
                }
                e += 1;
            }
            if digits == 0 || b.get(e) != Some(&b']') || e >= self.end {
                return end;
            }
            end = e + 1;
            i = if spaced { self.skip_space(end) } else { end };
            if spaced && i < self.end && b[i] != b'[' {
                // a standalone citation must be followed by a space or the paragraph end
                return end;
            }
        }
    }

    /// "consultation.11 12 Take": footnote numbers glued to a period, then a capitalized word.
    fn glued_footnote(&self, k: usize, j: usize) -> Option<usize> {
        if j != k + 1 {
            return None;
        }
        let before = char_before(self.text, k)?;
        if !(before.is_alphabetic() || before == ')') {
            return None;
        }
        let mut i = j;
        let mut e;
        loop {
            let s = i;
            while i < self.end && self.b[i].is_ascii_digit() && i - s < 4 {
                i += 1;
            }
            if i == s || i - s > 3 || i >= self.end || self.b[i] != b' ' {
                return None;
            }
            e = i;
            i = self.skip_space(i);
            if i < self.end && self.b[i].is_ascii_digit() {
                continue;
            }
            break;
        }
        let next = self.next_word(i);
        next.upper.then_some(e)
    }

    /// "Hello world.Today is": a period glued between a word and a capitalized word, when the
    /// whole does not look like a web address or a file name ("www.Example.com", "ASP.NET").
    fn glued_sentence(&self, k: usize, start: usize) -> bool {
        let text = self.text;
        let (Some(before), Some(first), Some(second)) = (
            char_before(text, k),
            char_at(text, k + 1),
            char_at(text, k + 2),
        ) else {
            return false;
        };
        if !(before.is_lowercase() || before.is_ascii_digit())
            || !first.is_uppercase()
            || !second.is_lowercase()
        {
            return false;
        }
        let Some(prev) = self.prev_word(k, start) else {
            return false;
        };
        let web = |c: char| matches!(c, '.' | '/' | '@' | ':' | '\\' | '_' | '=');
        if prev.chars().count() < 2
            || prev.contains(web)
            || self.rules.abbreviation(prev).is_some()
            || prev.starts_with("www")
        {
            return false;
        }
        // the rest of the word: letters up to the next space, at most a final period
        let e = self.word_end(k + 1);
        let rest = text[k + 1..e].trim_end_matches(|c: char| is_closing(c) || mark(c).is_some());
        !rest.contains(web) && e - (k + 1) < MAX_PREV
    }

    /// "fee. 8 Yet": a one- or two-digit footnote number between a sentence and a capitalized
    /// word stays with the sentence before it. Returns the end of the number.
    fn loose_footnote(&self, next: &Next) -> Option<usize> {
        if !next.digit || next.quoted || next.bracket {
            return None;
        }
        let n = next.pos;
        let mut i = n;
        while i < self.end && self.b[i].is_ascii_digit() {
            i += 1;
            if i - n > 2 {
                return None;
            }
        }
        if i >= self.end || self.b[i] != b' ' {
            return None;
        }
        let w = self.next_word(self.skip_space(i));
        (w.upper && !w.quoted && !w.bracket && w.word.len() > 1).then_some(i)
    }

    /// A lowercase label that opens a list ("Smith. a. here it is b. another").
    fn label_opens_list(&mut self, n: usize) -> bool {
        match parse_label(self.text, n, self.end) {
            Some(l) if !l.nested && l.readings[0].is_some_and(|(s, _)| s.kind != 0) => {
                self.successor(&l).is_some()
            }
            _ => false,
        }
    }
}

/// "U.S", "i.v", "Ph.D": two or more groups of one or two letters joined by periods.
fn dotted_letters(w: &str) -> bool {
    let mut groups = 0;
    for g in w.split('.') {
        let n = g.chars().count();
        if n == 0 || n > 2 || !g.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

#[cfg(test)]
mod tests;
