//! Cue words of `cue_verbs.txt`, found on the token layer: a table by word id says which tokens
//! can open a cue form, and only there a longest-prefix index of the forms is asked which form
//! (the longest) starts. No automaton is built at start-up, and no byte of the text is read
//! twice.

use crate::doc::{Token, WordId, UNKNOWN_WORD};
use crate::hash::FxSet;
use crate::rules::{RuleError, RuleSources};
use crate::words::prefix::PrefixIndex;
use crate::words::Vocab;

/// Cue features (bit flags).
pub mod feature {
    /// Introduces or follows a direct quotation.
    pub const QUOTE: u16 = 1;
    /// Takes a reported clause.
    pub const CLAUSE: u16 = 1 << 1;
    /// A noun-phrase object is a reported claim.
    pub const OBJECT: u16 = 1 << 2;
    /// Takes an addressee.
    pub const ADDRESSEE: u16 = 1 << 3;
    /// "according to".
    pub const ACCORDING: u16 = 1 << 4;
    /// Attitude or evidence cue.
    pub const WEAK: u16 = 1 << 5;
    /// The form is a participle (-ing).
    pub const ING: u16 = 1 << 6;
    /// The form is finite (not -ing).
    pub const FIN: u16 = 1 << 7;
    /// A reported clause right of the cue needs "that" (or a quotation) first.
    pub const THAT: u16 = 1 << 8;
    /// The lemma is also a noun: its base and -s forms need "that", and never end a phrase.
    pub const NOUN: u16 = 1 << 9;
    /// Takes an infinitive ("plans to", "declined to").
    pub const TO: u16 = 1 << 10;
    /// Makes a claim only when its content holds a quotation ("called him a “liar”").
    pub const MIXED: u16 = 1 << 11;
    /// This form is a noun-like one (base or -s form of a `noun` lemma).
    pub const NOUNISH: u16 = 1 << 12;
    /// Its speaker never follows it ("“…,” told the New Yorker": the phrase is the addressee).
    pub const NOINVERT: u16 = 1 << 13;
    /// Its past participle after a form of "be" takes an infinitive and names no speaker ("is
    /// expected to …").
    pub const PASSIVE: u16 = 1 << 14;
    /// A raising verb ("seems to", "it appears …"): its subject is what the claim is about, not
    /// its source, so it names no speaker (the writer is the source).
    pub const RAISING: u16 = 1 << 15;
}

const FEATURES: &[(&str, u16)] = &[
    ("quote", feature::QUOTE),
    ("clause", feature::CLAUSE),
    ("object", feature::OBJECT),
    ("addressee", feature::ADDRESSEE),
    ("according", feature::ACCORDING),
    ("weak", feature::WEAK),
    ("that", feature::THAT),
    ("noun", feature::NOUN),
    ("to", feature::TO),
    ("mixed", feature::MIXED),
    ("noinvert", feature::NOINVERT),
    ("passive", feature::PASSIVE),
    ("raising", feature::RAISING),
];

/// Parses a feature name as used in `cue_verbs.txt` and in `CUE[…]` of `attribution.txt`.
pub fn feature_bit(name: &str) -> Option<u16> {
    match name {
        "ing" => Some(feature::ING),
        "fin" => Some(feature::FIN),
        _ => FEATURES.iter().find(|(n, _)| *n == name).map(|(_, b)| *b),
    }
}

/// One form of a cue.
#[derive(Clone, Debug)]
pub struct CueForm {
    /// Index of the lemma in [`CueLexicon::lemmas`].
    pub lemma: usize,
    /// Features of the lemma plus `ING` or `FIN` for this form.
    pub features: u16,
}

/// Compiled cue words.
pub struct CueLexicon {
    /// Lemmas, in file order.
    pub lemmas: Vec<String>,
    /// Forms, indexed like the forms of the index.
    pub forms: Vec<CueForm>,
    /// Every form (lowercase, one space between words), ASCII case-insensitive.
    index: PrefixIndex,
    /// By word id: the word is the first word of a form.
    opens: Vec<bool>,
    /// Some form's first word has no id of its own (too long for the vocabulary): tokens of
    /// unknown words are asked too.
    opens_unknown: bool,
}

/// One cue found in a text.
#[derive(Clone, Copy, Debug)]
pub struct CueHit {
    /// Index of the token the form starts at.
    pub token: usize,
    /// Byte span of the form.
    pub start: usize,
    /// End of the form (bytes).
    pub end: usize,
    /// Index into [`CueLexicon::forms`].
    pub form: usize,
}

impl CueLexicon {
    /// Compiles `cue_verbs.txt`; `vocab` is the vocabulary the tokens' word ids come from.
    pub fn compile(src: &RuleSources, vocab: &Vocab) -> Result<CueLexicon, Vec<RuleError>> {
        let file = src.get("cue_verbs.txt");
        let mut errors = Vec::new();
        let mut lemmas = Vec::new();
        let mut forms = Vec::new();
        let mut strings: Vec<String> = Vec::new();
        let mut seen: FxSet<String> = FxSet::default();
        for line in file.lines() {
            let f: Vec<&str> = line.fields().collect();
            if f.len() != 3 || f[0].is_empty() || f[1].is_empty() {
                errors.push(line.error("expected LEMMA | FORM, FORM, … | FEATURES"));
                continue;
            }
            let mut feats = 0u16;
            let mut bad = false;
            for name in f[2].split_whitespace() {
                match FEATURES.iter().find(|(n, _)| *n == name) {
                    Some((_, b)) => feats |= b,
                    None => {
                        errors.push(line.error(format!("unknown feature {name:?}")));
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            let lemma = lemmas.len();
            lemmas.push(f[0].to_string());
            for form in f[1].split(',').map(str::trim) {
                if form.is_empty() {
                    errors.push(line.error("empty form"));
                    continue;
                }
                let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
                let lower = form.to_lowercase();
                if !seen.insert(lower.clone()) {
                    continue;
                }
                // the verb of a phrasal form is its first word ("pointing out")
                let last = lower.split(' ').next().unwrap_or("");
                let mut tense = if last.ends_with("ing") {
                    feature::ING
                } else {
                    feature::FIN
                };
                if feats & feature::NOUN != 0 && !last.ends_with("ing") && !last.ends_with("ed") {
                    tense |= feature::NOUNISH;
                }
                strings.push(lower);
                forms.push(CueForm {
                    lemma,
                    features: feats | tense,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut opens = vec![false; vocab.len()];
        let mut opens_unknown = false;
        for form in &strings {
            let first = form.split(' ').next().unwrap_or("");
            match vocab.id(first) {
                UNKNOWN_WORD => opens_unknown = true,
                id => opens[id as usize] = true,
            }
        }
        let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
        Ok(CueLexicon {
            lemmas,
            forms,
            index: PrefixIndex::new(&refs, true),
            opens,
            opens_unknown,
        })
    }

    /// True when a token of word `w` may open a cue form.
    #[inline]
    fn may_open(&self, w: WordId) -> bool {
        match self.opens.get(w as usize) {
            Some(&open) => open || w == UNKNOWN_WORD && self.opens_unknown,
            None => false,
        }
    }

    /// Every cue form that opens at a token of `tokens` (of `text`) and stands as whole
    /// words, in order; hits never overlap (the longest form at the first token wins).
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<CueHit> {
        let bytes = text.as_bytes();
        // room for a news text's cues (one every 25 tokens or so): seldom a regrowth
        let mut out = Vec::with_capacity(tokens.len() / 16 + 4);
        let mut free = 0;
        for (i, t) in tokens.iter().enumerate() {
            let s = t.span.start;
            if s < free || !self.may_open(t.word) {
                continue;
            }
            let Some((len, form)) = self.index.longest(&bytes[s..]) else {
                continue;
            };
            let e = s + len;
            free = e;
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if joined(before) || joined(after) {
                continue;
            }
            // "said" in "said’s" or "U.S.-said" never occurs; an apostrophe after ("tells’") would
            if e < bytes.len()
                && bytes[e] == b'\''
                && e + 1 < bytes.len()
                && bytes[e + 1].is_ascii_alphabetic()
            {
                continue;
            }
            out.push(CueHit {
                token: i,
                start: s,
                end: e,
                form: form as usize,
            });
        }
        out
    }
}
