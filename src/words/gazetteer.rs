//! Gazetteers: every written form of every listed place, group, organization and title, compiled
//! once into a longest-prefix index ([`crate::words::prefix`]): the longest form starting at a byte.

use crate::words::prefix::PrefixIndex;

use crate::doc::EntityLabel;
use crate::hash::FxSet;
use crate::rules::{RuleError, RuleFile, RuleLine, RuleSources};

/// What a gazetteer form stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A name with its entity label.
    Name(EntityLabel),
    /// A title or office from `titles.txt` (index into [`Gazetteer::titles`]).
    Title(u32),
}

/// One written form in the index.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// What it stands for.
    pub kind: EntryKind,
    /// Index into [`Gazetteer::canonical`]: the line's first field (for abbreviations).
    pub canonical: u32,
}

/// A title line of `titles.txt`.
#[derive(Clone, Debug)]
pub struct Title {
    /// As written (field 1).
    pub written: String,
    /// Canonical office, lowercase (field 2, default field 1 lowercased).
    pub office: String,
    /// Gender of the holder, if the title implies one.
    pub gender: Gender,
}

/// Gender known for a given name, title or pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine.
    Male,
    /// Feminine.
    Female,
    /// Neuter ("it").
    Neuter,
    /// Unknown or either.
    Unknown,
}

impl Gender {
    /// Parses `m`, `f`, `n`, `u` (or empty → unknown).
    pub fn parse(s: &str) -> Option<Gender> {
        match s {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            "n" => Some(Gender::Neuter),
            "u" | "" => Some(Gender::Unknown),
            _ => None,
        }
    }
}

/// A US state: its names, postal code and adjectives.
#[derive(Clone, Debug)]
pub struct State {
    /// The state's name ("Texas").
    pub name: String,
    /// Postal code ("TX").
    pub code: String,
    /// Demonyms ("Texan", "Texans").
    pub demonyms: Vec<String>,
    /// Other written forms ("Tex.").
    pub forms: Vec<String>,
}

/// Size of [`Gazetteer::first_triples`] in bits.
const TRIPLE_BITS: usize = 1 << 18;

/// The bit of the first-three-bytes filter for bytes `b0 b1 b2` (a multiplicative hash).
fn triple_bit(b0: u8, b1: u8, b2: u8) -> usize {
    let x = (b0 as u32) << 16 | (b1 as u32) << 8 | b2 as u32;
    (x.wrapping_mul(0x9E37_79B1) >> (32 - 18)) as usize
}

/// Compiled gazetteers and titles.
pub struct Gazetteer {
    /// Every form, matched exactly.
    exact: PrefixIndex,
    /// The same forms, ASCII case-insensitive: for ALL-CAPS datelines and headlines.
    caps: PrefixIndex,
    /// Bit `b0 * 256 + b1` set when some form starts with bytes `b0 b1`: most tokens are
    /// skipped on their first two bytes.
    first_pairs: Vec<u64>,
    /// Bit [`triple_bit`] of the first three bytes set when some form can start with them
    /// (forms of one or two bytes set every third byte): "for", "with", "also" pass the pair
    /// test ("former President", "wikiHow", "al-Qaeda") but stop here.
    first_triples: Vec<u64>,
    /// The same filter for title forms only: see [`Gazetteer::may_start_title`].
    title_triples: Vec<u64>,
    entries: Vec<Entry>,
    /// Canonical names (first field of each line), referenced by [`Entry::canonical`].
    pub canonical: Vec<String>,
    /// Titles, referenced by [`EntryKind::Title`].
    pub titles: Vec<Title>,
    /// US states.
    pub states: Vec<State>,
}

/// Gazetteer files and the label each one gives, in priority order (the first file listing a
/// form decides its label).
const NAME_FILES: &[(&str, EntityLabel)] = &[
    ("gazetteers/organizations.txt", EntityLabel::Org),
    ("gazetteers/countries.txt", EntityLabel::Gpe),
    ("gazetteers/us_states.txt", EntityLabel::Gpe),
    ("gazetteers/cities.txt", EntityLabel::Gpe),
    ("gazetteers/places.txt", EntityLabel::Loc),
    ("gazetteers/demonyms.txt", EntityLabel::Norp),
];

/// Parses a label name ("ORG", "GPE", …).
pub fn parse_label(s: &str) -> Option<EntityLabel> {
    Some(match s {
        "PERSON" => EntityLabel::Person,
        "ORG" => EntityLabel::Org,
        "GPE" => EntityLabel::Gpe,
        "LOC" => EntityLabel::Loc,
        "NORP" => EntityLabel::Norp,
        "FAC" => EntityLabel::Fac,
        "LAW" => EntityLabel::Law,
        "EVENT" => EntityLabel::Event,
        _ => return None,
    })
}

/// The forms and entries being collected, borrowed from the rule files.
#[derive(Default)]
struct Builder<'a> {
    /// Every distinct form, in the order first listed (its index is its entry's).
    patterns: Vec<&'a str>,
    entries: Vec<Entry>,
    seen: FxSet<&'a str>,
    canonical: Vec<String>,
    errors: Vec<RuleError>,
}

impl<'a> Builder<'a> {
    fn add(&mut self, form: &'a str, kind: EntryKind, canonical: u32) {
        if !self.seen.insert(form) {
            return;
        }
        self.patterns.push(form);
        self.entries.push(Entry { kind, canonical });
    }

    fn canonical(&mut self, name: &str) -> u32 {
        self.canonical.push(name.to_string());
        (self.canonical.len() - 1) as u32
    }

    /// A plain gazetteer line: `Name | form | @LABEL`.
    fn name_line(&mut self, line: &RuleLine<'a>, default: EntityLabel) {
        let mut label = default;
        let mut forms = Vec::new();
        let text: &'a str = line.text;
        for f in text.split('|').map(str::trim) {
            if let Some(l) = f.strip_prefix('@') {
                match parse_label(l) {
                    Some(l) => label = l,
                    None => {
                        self.errors.push(line.error(format!(
                            "unknown label `@{l}` (PERSON, ORG, GPE, LOC, NORP, FAC, LAW, EVENT)"
                        )));
                        return;
                    }
                }
            } else if f.is_empty() {
                self.errors.push(line.error("empty field"));
                return;
            } else if let Some(reason) = bad_form(f) {
                self.errors.push(line.error(reason));
                return;
            } else {
                forms.push(f);
            }
        }
        let Some(first) = forms.first() else {
            self.errors.push(line.error("no name on the line"));
            return;
        };
        let c = self.canonical(first);
        for f in forms {
            self.add(f, EntryKind::Name(label), c);
        }
    }

    fn state_line(&mut self, line: &RuleLine<'a>) -> Option<State> {
        let text: &'a str = line.text;
        let fields: Vec<&'a str> = text.split('|').map(str::trim).collect();
        if fields.len() < 2 || fields.len() > 4 {
            self.errors.push(
                line.error(
                    "expected `Name | postal code | demonyms | other forms` (2 to 4 fields)",
                ),
            );
            return None;
        }
        let (name, code) = (fields[0], fields[1]);
        if name.is_empty() || bad_form(name).is_some() {
            self.errors
                .push(line.error("empty or malformed state name"));
            return None;
        }
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.errors
                .push(line.error(format!("postal code `{code}` is not two capital letters")));
            return None;
        }
        let list = |i: usize| -> Vec<&'a str> {
            fields
                .get(i)
                .map(|f| {
                    f.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let (demonyms, forms) = (list(2), list(3));
        let c = self.canonical(name);
        self.add(name, EntryKind::Name(EntityLabel::Gpe), c);
        for &f in &forms {
            self.add(f, EntryKind::Name(EntityLabel::Gpe), c);
        }
        for &d in &demonyms {
            self.add(d, EntryKind::Name(EntityLabel::Norp), c);
        }
        let owned = |v: Vec<&str>| v.into_iter().map(String::from).collect();
        Some(State {
            name: name.to_string(),
            code: code.to_string(),
            demonyms: owned(demonyms),
            forms: owned(forms),
        })
    }
}

/// Why a written form cannot be matched, if it cannot.
fn bad_form(f: &str) -> Option<&'static str> {
    if f.len() > 200 {
        return Some("entry longer than 200 bytes");
    }
    if f.starts_with(char::is_whitespace) || f.contains("  ") {
        return Some("entry has doubled spaces");
    }
    None
}

/// Parses `titles.txt` into titles.
pub fn parse_titles(file: &RuleFile) -> Result<Vec<Title>, Vec<RuleError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for line in file.lines() {
        let fields: Vec<&str> = line.fields().collect();
        if fields.len() > 3 || fields[0].is_empty() {
            errors.push(line.error("expected `Title | canonical office | gender`"));
            continue;
        }
        let office = fields
            .get(1)
            .filter(|s| !s.is_empty())
            .map(|s| s.to_lowercase())
            .unwrap_or_else(|| fields[0].to_lowercase());
        let Some(gender) = Gender::parse(fields.get(2).copied().unwrap_or("")) else {
            errors.push(line.error("gender must be m, f or u"));
            continue;
        };
        out.push(Title {
            written: fields[0].to_string(),
            office,
            gender,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Collects the forms of `titles` (parsed with `errors`), then those of the gazetteer files;
/// with the states.
fn collect<'a>(
    src: &'a RuleSources,
    titles: &'a [Title],
    errors: Vec<RuleError>,
) -> (Builder<'a>, Vec<State>) {
    let mut b = Builder {
        errors,
        ..Builder::default()
    };
    let mut states = Vec::new();
    for (i, t) in titles.iter().enumerate() {
        let c = b.canonical(&t.written);
        b.add(&t.written, EntryKind::Title(i as u32), c);
    }
    for &(name, label) in NAME_FILES {
        let file = src.get(name);
        for line in file.lines() {
            if name == "gazetteers/us_states.txt" {
                if let Some(s) = b.state_line(&line) {
                    states.push(s);
                }
            } else {
                b.name_line(&line, label);
            }
        }
    }
    (b, states)
}

impl Gazetteer {
    /// Compiles the gazetteer files and `titles.txt`.
    pub fn compile(src: &RuleSources) -> Result<Gazetteer, Vec<RuleError>> {
        let (titles, title_errors) = match parse_titles(src.get("titles.txt")) {
            Ok(t) => (t, Vec::new()),
            Err(e) => (Vec::new(), e),
        };
        let (b, states) = collect(src, &titles, title_errors);
        let Builder {
            patterns,
            entries,
            canonical,
            errors,
            ..
        } = b;
        if !errors.is_empty() {
            return Err(errors);
        }
        let exact = PrefixIndex::new(&patterns, false);
        let caps = PrefixIndex::new(&patterns, true);
        let mut first_pairs = vec![0u64; 65536 / 64];
        let mut first_triples = vec![0u64; TRIPLE_BITS / 64];
        let mut title_triples = vec![0u64; TRIPLE_BITS / 64];
        for (p, e) in patterns.iter().zip(&entries) {
            let title = matches!(e.kind, EntryKind::Title(_));
            let mut set_triple = |b0: u8, b1: u8, b2: u8| {
                let i = triple_bit(b0, b1, b2);
                first_triples[i / 64] |= 1 << (i % 64);
                if title {
                    title_triples[i / 64] |= 1 << (i % 64);
                }
            };
            let bytes = p.as_bytes();
            let Some(&b0) = bytes.first() else { continue };
            match (bytes.get(1), bytes.get(2)) {
                (Some(&b1), Some(&b2)) => set_triple(b0, b1, b2),
                (Some(&b1), None) => (0..=255).for_each(|b2| set_triple(b0, b1, b2)),
                _ => (0..=255).for_each(|b1| (0..=255).for_each(|b2| set_triple(b0, b1, b2))),
            }
        }
        for p in &patterns {
            let bytes = p.as_bytes();
            let Some(&b0) = bytes.first() else { continue };
            match bytes.get(1) {
                Some(&b1) => {
                    let i = (b0 as usize) << 8 | b1 as usize;
                    first_pairs[i / 64] |= 1 << (i % 64);
                }
                None => {
                    for b1 in 0..256usize {
                        let i = (b0 as usize) << 8 | b1;
                        first_pairs[i / 64] |= 1 << (i % 64);
                    }
                }
            }
        }
        drop(patterns);
        Ok(Gazetteer {
            exact,
            caps,
            first_pairs,
            first_triples,
            title_triples,
            entries,
            canonical,
            titles,
            states,
        })
    }

    /// The longest form starting exactly at byte `start` of `text`, as (end byte, entry).
    // always: the byte filters are a few instructions and most calls end there; outlined, the
    // call cost more than the filters (the compiler's choice moved with unrelated changes)
    #[inline(always)]
    pub fn match_at(&self, text: &str, start: usize) -> Option<(usize, Entry)> {
        if !self.may_match_at(text, start) {
            return None;
        }
        self.find_at(text, start)
    }

    /// False when no form starts at byte `start` of `text`, judged on its first two and three
    /// bytes (most tokens end here); true when [`Gazetteer::find_at`] may find one.
    #[inline(always)]
    pub fn may_match_at(&self, text: &str, start: usize) -> bool {
        let b = text.as_bytes();
        let (Some(&b0), Some(&b1)) = (b.get(start), b.get(start + 1)) else {
            return false;
        };
        let i = (b0 as usize) << 8 | b1 as usize;
        if self.first_pairs[i / 64] & (1 << (i % 64)) == 0 {
            return false;
        }
        match b.get(start + 2) {
            Some(&b2) => {
                let i = triple_bit(b0, b1, b2);
                self.first_triples[i / 64] & (1 << (i % 64)) != 0
            }
            None => true,
        }
    }

    /// [`Gazetteer::match_at`] past its byte filters: searches the index.
    pub fn find_at(&self, text: &str, start: usize) -> Option<(usize, Entry)> {
        let (len, id) = self.exact.longest(&text.as_bytes()[start..])?;
        Some((start + len, self.entries[id as usize]))
    }

    /// False when no title form starts at byte `start` of `text` (judged on its first three
    /// bytes), so [`Gazetteer::match_at`] there cannot return a title.
    pub fn may_start_title(&self, text: &str, start: usize) -> bool {
        let b = text.as_bytes();
        match (b.get(start), b.get(start + 1), b.get(start + 2)) {
            (Some(&b0), Some(&b1), Some(&b2)) => {
                let i = triple_bit(b0, b1, b2);
                self.title_triples[i / 64] & (1 << (i % 64)) != 0
            }
            _ => true,
        }
    }

    /// Like [`Gazetteer::match_at`] for ALL-CAPS text ("WASHINGTON", "ST. PAUL"): the longest
    /// form matching case-insensitively, only when the matched text has no lowercase letter.
    pub fn match_caps_at(&self, text: &str, start: usize) -> Option<(usize, Entry)> {
        let (len, id) = self.caps.longest(text.as_bytes().get(start..)?)?;
        let matched = &text[start..start + len];
        if matched.len() < 4 || matched.chars().any(char::is_lowercase) {
            return None;
        }
        Some((start + len, self.entries[id as usize]))
    }

    /// Every form, ASCII lowercased, each once, in byte order.
    pub fn folded_forms(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.caps.forms()
    }

    /// True when `folded` (ASCII lowercase) is a form, any ASCII case.
    pub fn is_folded_form(&self, folded: &[u8]) -> bool {
        self.caps
            .longest(folded)
            .is_some_and(|(n, _)| n == folded.len())
    }

    /// The canonical name (line's first field) of an entry.
    pub fn canonical_of(&self, e: &Entry) -> &str {
        &self.canonical[e.canonical as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_compile_and_match() {
        let g = Gazetteer::compile(&RuleSources::embedded()).unwrap();
        let t = "the United States and NATO";
        let (end, e) = g.match_at(t, 4).unwrap();
        assert_eq!(&t[4..end], "United States");
        assert_eq!(e.kind, EntryKind::Name(EntityLabel::Gpe));
        let (end, e) = g.match_at(t, 22).unwrap();
        assert_eq!(&t[22..end], "NATO");
        assert_eq!(g.canonical_of(&e), "North Atlantic Treaty Organization");
        assert!(g.match_at(t, 0).is_none());
        let t = "Deputy Foreign Minister X";
        let (end, e) = g.match_at(t, 0).unwrap();
        assert_eq!(end, 23);
        assert!(matches!(e.kind, EntryKind::Title(_)));
    }

    #[test]
    fn states_carry_codes() {
        let g = Gazetteer::compile(&RuleSources::embedded()).unwrap();
        let tx = g.states.iter().find(|s| s.name == "Texas").unwrap();
        assert_eq!(tx.code, "TX");
        assert!(tx.demonyms.iter().any(|d| d == "Texan"));
    }
}

#[cfg(test)]
mod caps_tests {
    use super::*;

    #[test]
    fn all_caps_forms_match_case_insensitively() {
        let g = Gazetteer::compile(&RuleSources::embedded()).unwrap();
        for (t, want) in [
            ("AUSTIN, Texas", "AUSTIN"),
            ("WASHINGTON —", "WASHINGTON"),
            ("ST. PAUL, Minn.", "ST. PAUL"),
        ] {
            let (end, _) = g.match_caps_at(t, 0).unwrap_or((0, g.entries[0]));
            assert_eq!(&t[..end], want);
        }
        assert!(g.match_caps_at("Austin", 0).is_none());
    }
}

#[cfg(test)]
mod oracle_tests;
