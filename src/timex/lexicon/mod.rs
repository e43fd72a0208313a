//! `dates.txt` parsed into a lexicon: phrase → (class, value), looked up token by token.

use crate::hash::{short_key, FxMap, ShortTable, SHORT_MAX};

/// Word classes of `dates.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Month names.
    Month,
    /// Weekday names.
    Weekday,
    /// Cardinal words.
    Number,
    /// Ordinal words.
    Ordinal,
    /// Units of time.
    Unit,
    /// Seasons.
    Season,
    /// Parts of the day.
    Part,
    /// Named clock times.
    Clock,
    /// Day offsets ("yesterday").
    Day,
    /// Night offsets ("tonight").
    Night,
    /// Vague references ("now").
    Ref,
    /// last / this / next.
    Shift,
    /// ago / from now (counted from the anchor).
    Ago,
    /// earlier / later (counted from the last date written).
    After,
    /// One-word sets.
    Set,
    /// every / each.
    Every,
    /// Modifiers taken into the span.
    Mod,
    /// Words pointing to the future.
    Future,
    /// Past-tense words that, nearer than any future cue, keep an expression in the past.
    Past,
    /// Words right before an expression that make it a deadline ahead ("by", "until").
    Deadline,
    /// Time zones.
    Zone,
    /// "fiscal".
    Fiscal,
    /// Words that make a period the one compared with ("the same quarter a year earlier").
    Like,
    /// Words between an amount and its unit ("two more years", "ten straight quarters").
    Filler,
    /// Fixed holidays.
    Holiday,
}

impl Class {
    /// The bit of this class in a class mask (see [`Lexicon::classes`]).
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A time unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Year.
    Year,
    /// Month.
    Month,
    /// Week.
    Week,
    /// Day.
    Day,
    /// Hour.
    Hour,
    /// Minute.
    Minute,
    /// Second.
    Second,
    /// Decade.
    Decade,
    /// Century.
    Century,
    /// Quarter.
    Quarter,
}

/// The value of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// No value.
    None,
    /// An integer (month, weekday, number, offset…); `i32::MIN` stands for X (unknown count).
    Int(i32),
    /// A unit.
    Unit(Unit),
    /// A fixed string (season code, part of day, TIMEX3 mod, set value, ref value).
    Str(&'static str),
    /// A clock time or month-day: two numbers.
    Pair(u8, u8),
    /// A floating holiday: month, nth (-1 = last), weekday (Monday = 1).
    Nth(u8, i8, u8),
}

/// The unknown count ("several").
pub const X: i32 = i32::MIN;

#[derive(Clone, Debug)]
struct Entry {
    rest: Vec<Box<str>>,
    class: Class,
    val: Val,
    /// The first phrase of its line (the full name, not an abbreviation).
    canonical: bool,
}

/// Id of a first word in the lexicon; [`NONE`] for a word it does not know.
pub type WordId = u32;

/// The id of no word.
pub const NONE: WordId = u32::MAX;

/// Every phrase of `dates.txt`, keyed by its first word.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    map: FxMap<Box<str>, WordId>,
    lists: Vec<Vec<Entry>>,
    /// Per id, a bit per class its phrases belong to.
    masks: Vec<u32>,
    /// Per id, true when the word alone is a phrase of a class in [`ALONE`].
    alone: Vec<bool>,
    /// Per id, the [`follower_bit`]s of the second words of its phrases: no phrase of several
    /// words starts there unless the next word's bit is set.
    followers: Vec<u64>,
    /// Length of the longest first word.
    max_len: usize,
    /// A bit per (first byte, second byte, length) of the first words: most words are turned
    /// away here without hashing.
    shapes: Vec<u64>,
    /// First words sorted by shape, and where each shape's run starts: a lookup compares a few
    /// strings, without hashing.
    by_shape: Vec<(Box<str>, WordId)>,
    shape_start: Vec<u32>,
    /// First words of at most [`SHORT_MAX`] bytes by [`short_key`]: found with one probe or
    /// two, without comparing strings.
    short: ShortTable<WordId>,
}

/// Classes whose phrases are expressions on their own.
const ALONE: u32 = 1 << Class::Month as u32
    | 1 << Class::Weekday as u32
    | 1 << Class::Unit as u32
    | 1 << Class::Season as u32
    | 1 << Class::Clock as u32
    | 1 << Class::Day as u32
    | 1 << Class::Night as u32
    | 1 << Class::Ref as u32
    | 1 << Class::Set as u32
    | 1 << Class::Holiday as u32;

/// Number of distinct shapes.
const SHAPES: usize = 32 << 9;

/// A bit of a 64-bit set for a word (by length, first and last byte).
fn follower_bit(w: &str) -> u64 {
    let b = w.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    1 << ((b.len() * 7 + usize::from(first) * 3 + usize::from(last)) % 64)
}

fn shape(w: &[u8]) -> usize {
    let b0 = w.first().map_or(0, |b| (b & 31) as usize);
    let b1 = w.get(1).map_or(0, |b| (b & 31) as usize);
    (b0 << 9) | (b1 << 4) | w.len().min(15)
}

/// One lexicon hit: the class, the value, the token index after the phrase, and whether the
/// phrase is its line's full name.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// Token index after the phrase.
    pub end: usize,
    /// Value.
    pub val: Val,
    /// True for the first phrase of a line.
    pub canonical: bool,
}

mod parse;

impl Lexicon {
    /// The classes of the phrases that start with word `id`, a bit per [`Class`] (0 for
    /// [`NONE`]).
    pub fn classes(&self, id: WordId) -> u32 {
        self.masks.get(id as usize).copied().unwrap_or(0)
    }

    /// True when a phrase starting with word `id` may start an expression (not only cue words
    /// such as "will", "said", "by").
    pub fn starter(&self, id: WordId) -> bool {
        const CUES: u32 = 1 << Class::Future as u32
            | 1 << Class::Past as u32
            | 1 << Class::Deadline as u32
            | 1 << Class::Zone as u32
            | 1 << Class::Like as u32
            | 1 << Class::Filler as u32
            | 1 << Class::Ago as u32
            | 1 << Class::After as u32;
        self.masks.get(id as usize).is_some_and(|m| m & !CUES != 0)
    }

    /// True when word `id` carries an expression on after a word that starts it: a word of an
    /// expression on its own, a part of day, a number or an ordinal.
    pub fn continues(&self, id: WordId) -> bool {
        const ON: u32 = ALONE
            | 1 << Class::Part as u32
            | 1 << Class::Number as u32
            | 1 << Class::Ordinal as u32;
        self.masks.get(id as usize).is_some_and(|m| m & ON != 0)
    }

    /// True when word `id` alone can be an expression ("May", "today"), not only the start of
    /// one ("last", "three", "every", "the").
    pub fn standalone(&self, id: WordId) -> bool {
        self.alone.get(id as usize).copied().unwrap_or(false)
    }

    /// True when a phrase of several words that is an expression on its own ("the future",
    /// "right now", "last night") starts at token `i`.
    pub fn phrase_alone_at<'w>(
        &self,
        id: WordId,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> bool {
        self.lists.get(id as usize).is_some_and(|l| {
            let next = word(i + 1);
            if !self.may_follow(id, next) {
                return false;
            }
            l.iter().any(|e| {
                ALONE & (1 << e.class as u32) != 0
                    && !e.rest.is_empty()
                    && rest_at(&e.rest, i, next, &word)
            })
        })
    }

    /// True when word `id` is a name in its own right (month, weekday, holiday, time zone): its
    /// capital says nothing.
    pub fn proper(&self, id: WordId) -> bool {
        const PROPER: u32 = 1 << Class::Month as u32
            | 1 << Class::Weekday as u32
            | 1 << Class::Holiday as u32
            | 1 << Class::Zone as u32;
        self.masks.get(id as usize).is_some_and(|m| m & PROPER != 0)
    }

    /// The first words of the phrases, each once (lowercase).
    pub fn first_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.map.keys().map(|w| &**w)
    }

    /// The id of a first word (its lowercase bytes), or [`NONE`].
    #[inline]
    pub fn id(&self, w: &[u8]) -> WordId {
        // most words are turned away by length or shape: keep that test inline at the caller
        if w.len() > self.max_len {
            return NONE;
        }
        let sh = shape(w);
        if self
            .shapes
            .get(sh / 64)
            .is_none_or(|b| b & (1 << (sh % 64)) == 0)
        {
            return NONE;
        }
        self.id_of_shape(sh, w)
    }

    /// The id of `w`, whose shape `sh` some first word has.
    #[inline(never)]
    fn id_of_shape(&self, sh: usize, w: &[u8]) -> WordId {
        if (1..=SHORT_MAX).contains(&w.len()) {
            return self.short.get(short_key(w));
        }
        let (a, b) = (
            self.shape_start[sh] as usize,
            self.shape_start[sh + 1] as usize,
        );
        self.by_shape[a..b]
            .iter()
            .find(|(k, _)| k.as_bytes() == w)
            .map_or(NONE, |&(_, id)| id)
    }

    /// The longest phrase of `class` starting at token `i` whose first word has id `id`;
    /// `word(j)` gives token j's lowercase text (or None past the end).
    pub fn hit_id<'w>(
        &self,
        id: WordId,
        class: Class,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<Hit> {
        if self.masks.get(id as usize)? & (1 << class as u32) == 0 {
            return None;
        }
        let list = &self.lists[id as usize];
        let next = word(i + 1);
        list.iter()
            .filter(|e| e.class == class)
            .find(|e| rest_at(&e.rest, i, next, &word))
            .map(|e| Hit {
                end: i + 1 + e.rest.len(),
                val: e.val,
                canonical: e.canonical,
            })
    }

    /// The token index after the longest phrase of any class starting at token `i` (whose first
    /// word has id `id`).
    pub fn phrase_end<'w>(
        &self,
        id: WordId,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<usize> {
        let list = self.lists.get(id as usize)?;
        let next = word(i + 1);
        if !self.may_follow(id, next) {
            // only the word alone can match (the list puts the longest phrases first)
            return list
                .last()
                .is_some_and(|e| e.rest.is_empty())
                .then_some(i + 1);
        }
        list.iter()
            .find(|e| rest_at(&e.rest, i, next, &word))
            .map(|e| i + 1 + e.rest.len())
    }

    /// False when no phrase of several words starting with word `id` has `next` as its second
    /// word (a cheap test before [`Lexicon::phrase_alone_at`] and [`Lexicon::phrase_end`]).
    pub fn may_follow(&self, id: WordId, next: Option<&str>) -> bool {
        next.is_some_and(|n| {
            self.followers
                .get(id as usize)
                .is_some_and(|bits| bits & follower_bit(n) != 0)
        })
    }

    /// The longest phrase of `class` starting at token `i`.
    pub fn hit<'w>(
        &self,
        class: Class,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<Hit> {
        self.hit_id(self.id(word(i)?.as_bytes()), class, i, word)
    }
}

/// True when the words `rest` follow token `i`; `next` is `word(i + 1)`, fetched once for all
/// the phrases tried at `i`.
fn rest_at<'w>(
    rest: &[Box<str>],
    i: usize,
    next: Option<&'w str>,
    word: &impl Fn(usize) -> Option<&'w str>,
) -> bool {
    match rest.split_first() {
        None => true,
        Some((first, more)) => {
            next == Some(&**first)
                && more
                    .iter()
                    .enumerate()
                    .all(|(k, r)| word(i + 2 + k) == Some(&**r))
        }
    }
}

#[cfg(test)]
mod tests;
