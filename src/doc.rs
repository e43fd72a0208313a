//! The document and its standoff annotation layers.
//!
//! Every span is kept in **byte** offsets into [`Doc::text`]; conversion to character offsets
//! happens once, at output, through [`crate::offsets::CharIndex`].

use jiff::civil::Date;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A document as read from input, before any annotation.
#[derive(Clone, Debug, Default)]
pub struct RawDoc {
    /// Document id (from the input, or derived from the file name and line).
    pub id: String,
    /// Article text, exactly as read (a leading BOM already removed).
    pub text: String,
    /// Publication date as given in the input (a string, or a number's JSON text), unparsed:
    /// [`crate::pipeline::parse_date`] reads it.
    pub date: Option<String>,
    /// Title, copied to outputs.
    pub title: Option<String>,
    /// URL, copied to outputs.
    pub url: Option<String>,
    /// The input's other fields as one JSON object text (`{"outlet":"AP","n":3}`), each value
    /// exactly as given; `None` for inputs without fields (text files).
    pub meta: Option<String>,
    /// How many documents before this one in the run had the same id (0 for the first): a
    /// repeated id's claims get ids `ID~K#N` (K = this + 1), so claim ids stay unique.
    pub id_repeat: u32,
}

impl RawDoc {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> RawDoc {
        RawDoc {
            id: id.into(),
            text: text.into(),
            ..RawDoc::default()
        }
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks, apostrophes, hyphens or periods inside them): "Biden", "U.S.", "don't".
    Word,
    /// Starts with a digit: "2021", "3.5", "10th".
    Number,
    /// One punctuation or symbol character: ",", "“", "—".
    Punct,
}

/// One token: a word, a number or a punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Index of the sentence that holds it.
    pub sentence: u32,
    /// The id of its word in the rules' vocabulary (ASCII case folded), or
    /// [`UNKNOWN_WORD`] for a word no rule file names.
    pub word: WordId,
}

/// The id of a word in the rules' vocabulary (`crate::words::Vocab`): an index, dense from 0.
/// The type lives with the token layer that carries it; the vocabulary hands the ids out.
pub type WordId = u32;

/// The id of every word no rule file names (and of punctuation and numbers).
pub const UNKNOWN_WORD: WordId = 0;

/// A quotation: the marks and what is between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark through the closing mark (or the end of the text a dangling quote
    /// reaches).
    pub outer: Span,
    /// What is inside the marks.
    pub inner: Span,
    /// 0 for an outermost quote, 1 for a quote nested inside it, and so on.
    pub depth: u8,
    /// False when the opening mark never found its closing mark.
    pub closed: bool,
}

/// Entity labels (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, institutions, parties, news organizations.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE places: regions, mountains, bodies of water.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Buildings, airports, highways, bridges, pipelines.
    Fac,
    /// Named laws and articles of treaties.
    Law,
    /// Named events: wars, storms, summits.
    Event,
}

impl EntityLabel {
    /// The label as written in outputs ("PERSON", "ORG", …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Law => "LAW",
            EntityLabel::Event => "EVENT",
        }
    }
}

/// A named entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The name, without determiner, title or possessive 's.
    pub span: Span,
    /// What it names.
    pub label: EntityLabel,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or period: "January 10", "last week", "2021".
    Date,
    /// A time of day: "2:30 p.m. Monday".
    Time,
    /// An amount of time: "three weeks".
    Duration,
    /// A recurrence: "weekly", "every Monday".
    Set,
}

impl TimexType {
    /// The type as written in outputs ("DATE", "TIME", …).
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression with its TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// The expression, prepositions outside, modifiers inside.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: "2022-01-10", "P3W", "PRESENT_REF", "XXXX-01-10".
    pub value: String,
    /// TIMEX3 mod ("APPROX", "START", …), if any.
    pub modifier: Option<&'static str>,
}

/// Claim kinds (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// The content is inside quotation marks.
    Direct,
    /// Reported speech that embeds a quoted fragment.
    Mixed,
    /// Reported speech: "said that …".
    Indirect,
    /// "according to X".
    AccordingTo,
    /// A speech act with a noun-phrase object: "confirmed the meeting".
    Reported,
}

impl ClaimKind {
    /// The kind as written in outputs ("direct", "according_to", …).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Indirect => "indirect",
            ClaimKind::AccordingTo => "according_to",
            ClaimKind::Reported => "reported",
        }
    }
}

/// Who said what: one attribution found in the text, before coreference.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Claim kind.
    pub kind: ClaimKind,
    /// What was said: inside the quotation marks for `Direct`, else the reported clause.
    pub content: Span,
    /// The noun phrase that names the source, if any.
    pub speaker: Option<Span>,
    /// The cue word or phrase ("said", "told", "according to"), if any.
    pub cue: Option<Span>,
    /// The cue's lemma ("say", "tell", "according to").
    pub cue_lemma: Option<String>,
    /// Whom it was said to ("told the Daily Caller"), if any.
    pub addressee: Option<Span>,
    /// Name of the configuration that produced it (from `attribution.txt` or a built-in name).
    pub rule: String,
    /// 0..1: how likely the content and speaker are right (see README).
    pub confidence: f32,
}

impl Attribution {
    /// An attribution of `kind` over `content`, made by configuration `rule`, with no speaker,
    /// cue or addressee yet (set them with struct update syntax).
    pub fn new(kind: ClaimKind, content: Span, rule: impl Into<String>, confidence: f32) -> Self {
        Attribution {
            kind,
            content,
            speaker: None,
            cue: None,
            cue_lemma: None,
            addressee: None,
            rule: rule.into(),
            confidence,
        }
    }
}

/// Speaker types (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerType {
    /// A person.
    Person,
    /// An organization (or a document, report or outlet standing for one).
    Org,
    /// A group: "Republicans", "officials".
    Norp,
    /// A pronoun that could not be resolved.
    Pronoun,
}

impl SpeakerType {
    /// The type as written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "PERSON",
            SpeakerType::Org => "ORG",
            SpeakerType::Norp => "NORP",
            SpeakerType::Pronoun => "PRONOUN",
        }
    }
}

/// One speaker: a coreference cluster of mentions that name the same source.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerCluster {
    /// Canonical name: the longest proper name in the cluster ("Joe Biden"), else the surface text.
    pub name: String,
    /// Title or office, if one was seen ("Sen.", "Deputy Foreign Minister").
    pub title: Option<String>,
    /// Party-state affiliation or organization, if one was seen ("R-NE").
    pub affiliation: Option<String>,
    /// What kind of source it is.
    pub kind: SpeakerType,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// An annotated document: the text and its standoff layers, each sorted by start.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Document id.
    pub id: String,
    /// Article text, exactly as read.
    pub text: String,
    /// Publication date, if the input gave a valid one.
    pub date: Option<Date>,
    /// The anchor for relative dates: `date`, else `--dct`, else none.
    pub anchor: Option<Date>,
    /// Title, copied from input.
    pub title: Option<String>,
    /// URL, copied from input.
    pub url: Option<String>,
    /// The input's other fields as one JSON object text, copied to claim records as `meta`.
    pub meta: Option<String>,
    /// Documents before this one in the run with the same id (see [`RawDoc::id_repeat`]).
    pub id_repeat: u32,
    /// Paragraphs: maximal runs of text between blank-or-newline breaks.
    pub paragraphs: Vec<Span>,
    /// Sentences, whitespace trimmed.
    pub sentences: Vec<Span>,
    /// Tokens over the whole text.
    pub tokens: Vec<Token>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Named entities.
    pub entities: Vec<Entity>,
    /// Temporal expressions.
    pub timexes: Vec<Timex>,
    /// Attributions (who said what), in text order of their content.
    pub attributions: Vec<Attribution>,
    /// Speaker clusters (written by coreference).
    pub speakers: Vec<SpeakerCluster>,
    /// For each attribution, by index, its speaker cluster in [`Doc::speakers`] (written by
    /// coreference; empty before it runs, `None` for an attribution with no speaker).
    pub attribution_speakers: Vec<Option<usize>>,
}

impl Doc {
    /// An unannotated document over `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            id: id.into(),
            text: text.into(),
            ..Doc::default()
        }
    }

    /// The speaker cluster of attribution `i`, once coreference has run.
    pub fn speaker_of(&self, i: usize) -> Option<(usize, &SpeakerCluster)> {
        let k = self.attribution_speakers.get(i).copied().flatten()?;
        self.speakers.get(k).map(|c| (k, c))
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Index of the sentence holding byte `pos` (the last sentence starting at or before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }

    /// The token index range of each sentence that has tokens, in order.
    pub fn sentence_token_ranges(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let toks = &self.tokens;
        let mut i = 0;
        std::iter::from_fn(move || {
            let s = toks.get(i)?.sentence;
            let start = i;
            while i < toks.len() && toks[i].sentence == s {
                i += 1;
            }
            Some(start..i)
        })
    }

    /// Index range of the tokens inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 5)));
        assert!(!a.contains(Span::new(5, 11)));
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
    }

    #[test]
    fn sentence_lookup() {
        let mut d = Doc::new("x", "Ab. Cd. Ef.");
        d.sentences = vec![Span::new(0, 3), Span::new(4, 7), Span::new(8, 11)];
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(5), Some(1));
        assert_eq!(d.sentence_at(10), Some(2));
    }
}
