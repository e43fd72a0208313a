//! A per-document view of the tokens for the matcher: word classes, quotation and cue positions,
//! and sentence units that never cut through a quotation.

use crate::doc::{Doc, Span, Token, TokenKind};

use super::cues::CueLexicon;
use super::lexicon::{class, Classes, Lexicon};

/// How many tokens on either side of an anchor a unit may reach.
const MAX_UNIT_REACH: usize = 200;

/// "No such item" in the per-token index vectors.
pub const NONE: u32 = u32::MAX;

/// A top-level quotation in token terms.
#[derive(Clone, Copy, Debug)]
pub struct QTok {
    /// Index into `doc.quotes`.
    pub quote: usize,
    /// First token (the opening mark).
    pub first: usize,
    /// One past the last token (the closing mark, or the paragraph's end).
    pub end: usize,
}

/// A cue in token terms.
#[derive(Clone, Copy, Debug)]
pub struct CTok {
    /// First token of the cue.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// Index into the cue lexicon's forms.
    pub form: usize,
    /// Byte span.
    pub span: Span,
}

/// Token-level facts about one document.
pub struct View<'d> {
    /// The document.
    pub doc: &'d Doc,
    /// Class bits of each token (see [`class`]).
    pub flags: Vec<Classes>,
    /// Paragraph index of each token.
    pub para: Vec<u32>,
    /// Per paragraph index: its first token and one past its last (empty when it has none).
    para_tokens: Vec<(usize, usize)>,
    /// Sentence unit of each token: a sentence, merged with its neighbours where a quotation runs
    /// across them.
    pub unit: Vec<u32>,
    /// Token range of each unit.
    pub units: Vec<(usize, usize)>,
    /// Top-level quotations.
    pub quotes: Vec<QTok>,
    /// Per token: the quotation (index into `quotes`) whose opening mark starts here.
    pub quote_open: Vec<u32>,
    /// Per token: the quotation whose closing mark ends here.
    pub quote_close: Vec<u32>,
    /// Per token: the quotation that holds it.
    pub in_quote: Vec<u32>,
    /// Cues, in text order (none inside quotations).
    pub cues: Vec<CTok>,
}

impl<'d> View<'d> {
    /// Builds the view: the top-level quotations, the tokens' classes and paragraphs, the
    /// sentence units, then time expressions and cues.
    pub fn new(doc: &'d Doc, lex: &Lexicon, cues: &CueLexicon) -> View<'d> {
        let n = doc.tokens.len();
        let text = doc.text.as_str();
        let toks = &doc.tokens[..];
        let (quotes, quote_open, quote_close, in_quote) = top_quotes(doc);
        // every per-token vector at its full length from the start: written by index, no push
        let mut flags: Vec<Classes> = vec![0; n];
        let mut para: Vec<u32> = vec![0; n];
        let mut unit: Vec<u32> = vec![0; n];
        let mut units = Vec::with_capacity(doc.sentences.len() + 1);
        let mut para_tokens = vec![(0, 0); doc.paragraphs.len().max(1)];
        // the end of paragraph `pi`, or `usize::MAX` for the last one (never left)
        let para_end = |pi: usize| {
            if pi + 1 < doc.paragraphs.len() {
                doc.paragraphs[pi].end
            } else {
                usize::MAX
            }
        };
        let (mut pi, mut start) = (0usize, 0usize);
        let mut pend = para_end(pi);
        // the quotation, paragraph and sentence of the token before
        let (mut prev_q, mut prev_p, mut prev_s) = (NONE, 0usize, 0u32);
        for (i, (t, &q)) in toks.iter().zip(&in_quote).enumerate() {
            while pend <= t.span.start {
                para_tokens[pi].1 = i;
                pi += 1;
                para_tokens[pi].0 = i;
                pend = para_end(pi);
            }
            let mut f = match t.kind {
                TokenKind::Word => word_flags(lex, text, t),
                TokenKind::Number => class::NUMBER,
                TokenKind::Punct => class::PUNCT,
            };
            if q != NONE {
                f |= class::IN_QUOTE;
            }
            flags[i] = f;
            para[i] = pi as u32;
            if i > 0 {
                // "Acme Foods Inc. said": a period touching its word, followed by a word of
                // the same sentence, is the word's own (token `i - 1`, now that the token
                // after it is known)
                if i >= 2
                    && flags[i - 1] & class::PUNCT != 0
                    && f & (class::WORD | class::NUMBER) != 0
                    && abbrev_period(text, &toks[i - 2..=i], flags[i - 2])
                {
                    flags[i - 1] |= class::ABBREV;
                }
                // most tokens go on the unit of the token before: inside one quotation, or in
                // one paragraph and sentence without a capital or an opening quotation mark
                // (`boundary` says no to those, too)
                let cut = !(q != NONE && q == prev_q)
                    && (pi != prev_p
                        || (t.sentence != prev_s
                            || f & class::CAP != 0
                            || q != NONE && quotes[q as usize].first == i)
                            && boundary(
                                doc,
                                text,
                                &flags,
                                &para,
                                &in_quote,
                                &quote_close,
                                &quotes,
                                i,
                            ));
                if cut {
                    units.push((start, i));
                    start = i;
                }
            }
            unit[i] = units.len() as u32;
            (prev_q, prev_p, prev_s) = (q, pi, t.sentence);
        }
        para_tokens[pi].1 = n;
        if n > 0 {
            units.push((start, n));
        }
        for x in &doc.timexes {
            for i in doc.tokens_in(x.span) {
                flags[i] |= class::TIMEX;
            }
        }
        // cues, on their tokens
        let hits = cues.find(text, toks);
        let mut ctoks = Vec::with_capacity(hits.len());
        for h in hits {
            let ti = h.token;
            if flags[ti] & class::IN_QUOTE != 0 {
                continue;
            }
            let mut end = ti;
            while end < n && toks[end].span.start < h.end {
                end += 1;
            }
            // a noun-like form ("a report") or a raising verb ("seems") ends no phrase or clause
            let plain = super::cues::feature::NOUNISH | super::cues::feature::RAISING;
            let feats = cues.forms[h.form].features;
            if feats & plain == 0 {
                flags[ti] |= class::CUEWORD;
            }
            if feats & super::cues::feature::RAISING != 0 {
                flags[ti] |= class::RAISING;
            }
            ctoks.push(CTok {
                first: ti,
                end,
                form: h.form,
                span: Span::new(h.start, h.end),
            });
        }
        let mut view = View {
            doc,
            flags,
            para,
            para_tokens,
            unit,
            units,
            quotes,
            quote_open,
            quote_close,
            in_quote,
            cues: ctoks,
        };
        view.drop_name_cues(cues);
        view.name_function_words();
        view
    }

    /// "said Will Doyle", "May Ling Chen told": a capitalized auxiliary or function word inside
    /// a sentence, right before another capitalized word, opens a name; it loses the classes
    /// that would end a speaker phrase there (not in a title-case headline: "Trump Will Win").
    fn name_function_words(&mut self) {
        let grammar = class::GAP | class::STOP | class::BE | class::CLAUSAL;
        for i in 1..self.flags.len().saturating_sub(1) {
            let f = self.flags[i];
            if f & class::CAP == 0 || f & grammar == 0 || f & class::PRONOUN != 0 {
                continue;
            }
            let next = self.flags[i + 1];
            let name_next = next & class::CAP != 0 && next & (grammar | class::PRONOUN) == 0;
            if name_next
                && self.para[i - 1] == self.para[i]
                && self.unit_of(i).0 != i
                && self.flags[i - 1] & class::PUNCT == 0
                && !self.title_case(i)
            {
                self.flags[i] &= !grammar;
            }
        }
    }

    /// "said State Senator Jose Rodriguez", "The Washington Post": a capitalized cue form inside
    /// a sentence, not after punctuation, is a word of a name (except in a title-case headline,
    /// "Obama Seeks More Refugees"), and one right after a determiner is a noun: neither is a
    /// cue, nor a cue word for the chunker.
    fn drop_name_cues(&mut self, cues: &CueLexicon) {
        // ("according to" is never a name's word nor a noun)
        let noun_or_name = |v: &View, c: &CTok| {
            let i = c.first;
            if i == 0
                || v.para[i - 1] != v.para[i]
                || cues.forms[c.form].features & super::cues::feature::ACCORDING != 0
            {
                return false;
            }
            // "at the state college", "a claim": after a determiner a cue form is a noun
            let after_det = v.is(i - 1, class::DET) && !v.is(i - 1, class::STOP | class::PRONOUN);
            let name_part = v.is(i, class::CAP)
                && v.unit_of(i).0 != i
                && !v.is(i - 1, class::PUNCT)
                && !v.title_case(i);
            after_det || name_part
        };
        let drop: Vec<bool> = self.cues.iter().map(|c| noun_or_name(self, c)).collect();
        if !drop.contains(&true) {
            return;
        }
        for (c, &d) in self.cues.iter().zip(&drop) {
            if d {
                self.flags[c.first] &= !class::CUEWORD;
            }
        }
        let mut k = 0;
        self.cues.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    /// The text of token `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| t.span.slice(&self.doc.text))
    }

    /// True when token `i` has any of the class bits `c`.
    pub fn is(&self, i: usize, c: Classes) -> bool {
        self.flags.get(i).is_some_and(|f| f & c != 0)
    }

    /// True when token `i` is the punctuation `p`.
    #[inline]
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.is(i, class::PUNCT) && self.text(i) == p
    }

    /// True when tokens `i` and `i + 1` touch (no space between).
    pub fn touching(&self, i: usize) -> bool {
        let t = &self.doc.tokens;
        i + 1 < t.len() && t[i].span.end == t[i + 1].span.start
    }

    /// First token of the paragraph holding token `i`.
    pub fn para_start(&self, i: usize) -> usize {
        self.para_tokens[self.para[i] as usize].0
    }

    /// One past the last token of the paragraph holding token `i`.
    pub fn para_end(&self, i: usize) -> usize {
        self.para_tokens[self.para[i] as usize].1
    }

    /// True when the paragraph holding token `i` is a title-case headline (most words
    /// capitalized). Looks at up to 40 tokens, so it is cheap.
    pub fn title_case(&self, i: usize) -> bool {
        let a = self.para_start(i);
        let b = self.para_end(i).min(a + 40);
        let (mut words, mut caps) = (0, 0);
        for k in a..b {
            if self.is(k, class::WORD) {
                words += 1;
                caps += usize::from(self.is(k, class::CAP));
            }
        }
        b - a < 40 && words >= 3 && caps * 10 >= words * 7
    }

    /// Token range of the unit holding token `i`.
    pub fn unit_of(&self, i: usize) -> (usize, usize) {
        // A run-on "sentence" of thousands of tokens (lists, transcripts, broken input) is cut to
        // a window around `i`, so that matching stays linear in the document's length.
        let (lo, hi) = self.units[self.unit[i] as usize];
        (
            lo.max(i.saturating_sub(MAX_UNIT_REACH)),
            hi.min(i + MAX_UNIT_REACH),
        )
    }

    /// Byte span of tokens `a..b` (`b > a`).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(
            self.doc.tokens[a].span.start,
            self.doc.tokens[b - 1].span.end,
        )
    }

    /// True when token `i` ends a sentence: `.`, `!` or `?` (not an abbreviation's period).
    pub fn sentence_final(&self, i: usize) -> bool {
        self.is(i, class::PUNCT)
            && matches!(self.text(i), "." | "!" | "?" | "…")
            && !self.abbrev_dot(i)
    }

    /// True when token `i` is a period that belongs to the word before it ("Sen.", "F.").
    pub fn abbrev_dot(&self, i: usize) -> bool {
        i > 0
            && self.text(i) == "."
            && self.touching(i - 1)
            && self.is(i - 1, class::WORD)
            && (self.is(i - 1, class::TITLE)
                || is_initial(self.text(i - 1))
                || self.is(i, class::ABBREV))
    }
}

/// The top-level quotations of `doc` and, per token, the one that opens there, closes there and
/// holds it.
type TopQuotes = (Vec<QTok>, Vec<u32>, Vec<u32>, Vec<u32>);

/// The top-level quotations of `doc`, in token terms (see [`TopQuotes`]).
fn top_quotes(doc: &Doc) -> TopQuotes {
    let n = doc.tokens.len();
    let mut quotes = Vec::new();
    let mut quote_open = vec![NONE; n];
    let mut quote_close = vec![NONE; n];
    let mut in_quote = vec![NONE; n];
    for (qi, q) in doc.quotes.iter().enumerate() {
        if q.depth != 0 {
            continue;
        }
        let r = doc.tokens_in(q.outer);
        if r.is_empty() {
            continue;
        }
        let k = quotes.len() as u32;
        quote_open[r.start] = k;
        quote_close[r.end - 1] = k;
        in_quote[r.clone()].fill(k);
        quotes.push(QTok {
            quote: qi,
            first: r.start,
            end: r.end,
        });
    }
    (quotes, quote_open, quote_close, in_quote)
}

/// True when the middle one of tokens `w` (three in a row) is a period touching the word before
/// it (of classes `before`), in the sentence of the token after it.
#[inline]
fn abbrev_period(text: &str, w: &[Token], before: Classes) -> bool {
    let [prev, t, next] = w else {
        return false;
    };
    is_byte(text, t.span, b'.')
        && prev.span.end == t.span.start
        && before & class::WORD != 0
        && next.sentence == t.sentence
}

/// The class bits of word token `t`: its listed classes (by word id), `WORD`, and `CAP` for a
/// capitalized word or `GAP` for a lowercase -ly adverb that is no listed noun.
#[inline]
fn word_flags(lex: &Lexicon, text: &str, t: &Token) -> Classes {
    let b = &text.as_bytes()[t.span.start..t.span.end];
    let f = lex.classes_of_token(t.word, || t.span.slice(text)) | class::WORD;
    let cap = match b.first() {
        Some(&c) if c.is_ascii() => c.is_ascii_uppercase(),
        _ => t
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
    };
    if cap {
        f | class::CAP
    } else if b.len() > 4 && b.ends_with(b"ly") && f & class::NOUN == 0 {
        f | class::GAP
    } else {
        f
    }
}

/// True when `span` is the one byte `b` (an ASCII punctuation mark).
fn is_byte(text: &str, span: Span, b: u8) -> bool {
    span.len() == 1 && text.as_bytes()[span.start] == b
}

fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
}

/// Does a new unit start at token `i`?
#[allow(clippy::too_many_arguments)]
fn boundary(
    doc: &Doc,
    text: &str,
    flags: &[Classes],
    para: &[u32],
    in_quote: &[u32],
    quote_close: &[u32],
    qtoks: &[QTok],
    i: usize,
) -> bool {
    let quote_open_at = |k: usize| in_quote[k] != NONE && qtoks[in_quote[k] as usize].first == k;
    let quote_inner_end = |q: u32| doc.quotes[qtoks[q as usize].quote].inner.end;
    let same_quote = in_quote[i] != NONE && in_quote[i] == in_quote[i - 1];
    if same_quote {
        return false;
    }
    if para[i] != para[i - 1] {
        return true;
    }
    let toks = &doc.tokens;
    if toks[i].sentence != toks[i - 1].sentence {
        // a sentence never starts with a lowercase word ("the U.S. and its allies")
        if flags[i] & class::WORD != 0 && flags[i] & class::CAP == 0 {
            return false;
        }
        // no break after "Sen." or an initial
        if is_byte(text, toks[i - 1].span, b'.')
            && i >= 2
            && toks[i - 2].span.end == toks[i - 1].span.start
        {
            let w = toks[i - 2].span.slice(text);
            if flags[i - 2] & class::TITLE != 0 || is_initial(w) {
                return false;
            }
        }
        return true;
    }
    // “… table.” Instead, … : a quotation ending a sentence
    let next_opens = flags[i] & class::CAP != 0 || quote_open_at(i);
    if quote_close[i - 1] != NONE && next_opens {
        let inner = quote_inner_end(quote_close[i - 1]);
        let before = text[..inner].trim_end();
        return before.ends_with(['.', '!', '?']);
    }
    // a sentence end the splitter missed: ". The"
    let prev = toks[i - 1].span;
    if next_opens
        && (is_byte(text, prev, b'.') || is_byte(text, prev, b'!') || is_byte(text, prev, b'?'))
        && i >= 2
    {
        let w = toks[i - 2].span.slice(text);
        let abbrev = toks[i - 2].span.end == toks[i - 1].span.start
            && (flags[i - 2] & class::TITLE != 0 || is_initial(w));
        return !abbrev;
    }
    false
}
