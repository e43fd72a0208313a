//! Which word tokens a gazetteer form may start at, by the token's word id and the byte after
//! the token: a form that starts at a token either ends inside it (it is the token's word, or
//! the word without a possessive 's) or covers it and goes on with the byte after it. Most
//! capitalized words that pass the gazetteer's byte filters ("He", "Last", "Mr") open no form
//! at all, and are answered here without searching the index.
//!
//! Only bytes after a token that are no ASCII letter or digit are judged (a word token is
//! followed by a space or a mark); after a letter or digit every token may open a form.

use super::gazetteer::Gazetteer;
use super::vocab::{Vocab, WordId, UNKNOWN_WORD};

/// The class of a word no form starts with.
const NONE: u32 = 0;
/// The class of a word that is a form itself (or with its possessive stripped): always search.
const ALWAYS: u32 = 1;

/// Per word id of a vocabulary: whether a gazetteer form may start at a token of that word.
#[derive(Clone, Debug, Default)]
pub struct FormStarts {
    /// Per id: [`NONE`], [`ALWAYS`], or 2 + the index in [`FormStarts::next`] of the bytes
    /// that follow the word in some form.
    class: Vec<u32>,
    /// Sets of bytes (256 bits each).
    next: Vec<[u64; 4]>,
}

impl FormStarts {
    /// The word ids of `vocab` (the tokens' vocabulary) that start forms of `gaz`.
    pub fn new(gaz: &Gazetteer, vocab: &Vocab) -> FormStarts {
        let mut s = FormStarts {
            class: vec![NONE; vocab.len()],
            next: Vec::new(),
        };
        for f in gaz.folded_forms() {
            for n in 1..=f.len() {
                // a token ends where the form has a space or a mark next (or ends)
                if n < f.len() && f[n].is_ascii_alphanumeric() {
                    continue;
                }
                let id = vocab.id_of_bytes(&f[..n]);
                if id == UNKNOWN_WORD {
                    continue;
                }
                match (f.get(n), s.class[id as usize]) {
                    (_, ALWAYS) => {}
                    (None, _) => s.class[id as usize] = ALWAYS,
                    (Some(&b), c) => {
                        let k = if c == NONE {
                            s.next.push([0; 4]);
                            s.class[id as usize] = s.next.len() as u32 + 1;
                            s.next.len() - 1
                        } else {
                            c as usize - 2
                        };
                        s.next[k][usize::from(b / 64)] |= 1 << (b % 64);
                    }
                }
            }
        }
        // "Texas's": a form with a possessive after it, when the vocabulary holds the whole
        for id in 1..vocab.len() as WordId {
            let w = vocab.word(id).as_bytes();
            if w.last() != Some(&b's') {
                continue;
            }
            let core = w
                .strip_suffix(b"'s")
                .or_else(|| w.strip_suffix("’s".as_bytes()));
            if core.is_some_and(|c| !c.is_empty() && gaz.is_folded_form(c)) {
                s.class[id as usize] = ALWAYS;
            }
        }
        s
    }

    /// False when no form can start at a word token of id `id` followed by the byte `next`
    /// (`None` at the end of the text); true when one may (always, for an unknown word or a
    /// letter or digit after the token).
    #[inline(always)]
    pub fn may_start(&self, id: WordId, next: Option<u8>) -> bool {
        let c = match self.class.get(id as usize) {
            Some(&c) if id != UNKNOWN_WORD => c,
            _ => return true,
        };
        match (c, next) {
            (ALWAYS, _) => true,
            (_, Some(b)) if b.is_ascii_alphanumeric() => true,
            (NONE, _) | (_, None) => false,
            (k, Some(b)) => self.next[k as usize - 2][usize::from(b / 64)] & (1 << (b % 64)) != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    /// Every word token of a text that opens a gazetteer form (exact or ALL-CAPS) is one
    /// [`FormStarts::may_start`] lets through.
    #[test]
    fn never_stops_a_token_that_opens_a_form() {
        let src = RuleSources::embedded();
        let vocab = Vocab::from_rules(&src);
        let gaz = Gazetteer::compile(&src).unwrap();
        let s = FormStarts::new(&gaz, &vocab);
        let text = "He said the United States and NATO's allies met in WASHINGTON, D.C. Texas's \
                    governor, Mr. Abbott, and U.S. officials spoke. New York City; Last week \
                    the European Union. Mr Smith of the Department of State";
        let mut stopped = 0;
        let mut at = 0;
        for w in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
            let start = text[at..].find(w).unwrap() + at;
            at = start + w.len();
            if w.is_empty() {
                continue;
            }
            // the word and the same word without a final period, as tokens
            for end in [start + w.len(), start + w.trim_end_matches('.').len()] {
                let id = vocab.id(&text[start..end]);
                let next = text.as_bytes().get(end).copied();
                // a form that covers the token (one ending inside it is no match there)
                let hit = [gaz.match_at(text, start), gaz.match_caps_at(text, start)]
                    .iter()
                    .flatten()
                    .any(|&(mend, _)| mend >= end);
                if !s.may_start(id, next) {
                    stopped += 1;
                    assert!(!hit, "{:?}", &text[start..end]);
                }
            }
        }
        assert!(stopped > 5, "{stopped}");
    }
}
