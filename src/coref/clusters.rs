//! Entity clusters: every PERSON, ORG, GPE and NORP mention of the document grouped by the name
//! it refers to ("Biden" joins "Joe Biden"; "NATO" joins "North Atlantic Treaty Organization"),
//! with the title, affiliation and gender seen around its mentions.

use crate::hash::FxMap;

use super::index::Lookups;
use super::rules::CorefRules;
use super::surnames::Surnames;
use crate::doc::{Doc, EntityLabel, Span};
use crate::words::gazetteer::EntryKind;
use crate::words::Gender;

/// One group of entity mentions naming the same thing.
#[derive(Clone, Debug)]
pub struct ECluster {
    /// Entity label of the first mention.
    pub label: EntityLabel,
    /// Indices into `doc.entities`, in text order.
    pub mentions: Vec<usize>,
    /// The longest proper name among the mentions.
    pub name: Span,
    /// A title seen right before a mention ("Sen."), as written.
    pub title: Option<Span>,
    /// Index of that title in the gazetteer's titles.
    pub title_idx: Option<usize>,
    /// An affiliation seen right after a mention ("R-NE").
    pub affiliation: Option<Span>,
    /// A party named in apposition after a mention (", a Democrat from Ames"): `'D'`, `'R'`.
    pub party: Option<char>,
    /// Gender from the given name or the title.
    pub gender: Gender,
}

/// All entity clusters of a document.
pub struct EClusters<'d> {
    /// The clusters.
    pub clusters: Vec<ECluster>,
    /// For each entity of `doc.entities`: its cluster (none for FAC, LAW, EVENT, LOC).
    pub of_entity: Vec<Option<usize>>,
    /// Person clusters with a title, by first mention.
    pub titled: Vec<usize>,
    /// Entities by a word, built on first use.
    pub lookups: Lookups<'d>,
}

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split_whitespace()
}

/// Whether byte `b` is ASCII whitespace as `char::is_whitespace` sees it (vertical tab too).
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// The first word of `s`, as `s.split_whitespace().next()` gives it (or ""), without a char walk
/// when the word is ASCII and ends at an ASCII space or the end.
pub(super) fn first_word(s: &str) -> &str {
    let b = s.as_bytes();
    match b.iter().position(|&c| ascii_space(c) || c >= 0x80) {
        Some(i) if i > 0 && b[i] < 0x80 => &s[..i],
        None => s,
        _ => words(s).next().unwrap_or(""),
    }
}

/// The last word of `s`, as `s.split_whitespace().next_back()` gives it (or ""), without a char
/// walk when the word is ASCII and starts after an ASCII space or at the start.
fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    match b.iter().rposition(|&c| ascii_space(c) || c >= 0x80) {
        Some(i) if i + 1 < b.len() && b[i] < 0x80 => &s[i + 1..],
        None => s,
        _ => words(s).next_back().unwrap_or(""),
    }
}

fn first_last(s: &str) -> (&str, &str) {
    (first_word(s), last_word(s))
}

/// True when two multi-word person names can name the same person ("Hillary Clinton",
/// "Hillary Rodham Clinton").
fn compatible(a: &str, b: &str) -> bool {
    let (fa, la) = first_last(a);
    let (fb, lb) = first_last(b);
    if la != lb {
        return false;
    }
    fa == fb || {
        let sub = |x: &str, y: &str| words(x).all(|w| words(y).any(|v| v == w));
        sub(a, b) || sub(b, a)
    }
}

/// The title ending right before byte `start`, as (span, title index).
/// `idx` is the index of the first token ending after `start`.
fn title_before(rules: &CorefRules, doc: &Doc, start: usize, idx: usize) -> Option<(Span, usize)> {
    if idx == 0 {
        return None;
    }
    let prev_end = doc.tokens[idx - 1].span.end;
    if doc.text[prev_end..start].contains('\n') {
        return None;
    }
    for k in idx.saturating_sub(5)..idx {
        let t = doc.tokens[k];
        if !rules.gaz.may_start_title(&doc.text, t.span.start) {
            continue;
        }
        if let Some((end, e)) = rules.gaz.match_at(&doc.text, t.span.start) {
            if let EntryKind::Title(ti) = e.kind {
                if end == prev_end {
                    return Some((Span::new(t.span.start, end), ti as usize));
                }
            }
        }
    }
    // a lowercase title: "senator Jane Roe"; or one in apposition before the name: "the bloc's
    // fisheries commissioner, Pieter van Dam"
    let mut t = doc.tokens[idx - 1];
    if t.span.slice(&doc.text) == "," && idx >= 2 {
        t = doc.tokens[idx - 2];
    }
    let w = t.span.slice(&doc.text);
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        if let Some(&ti) = rules.titles_lower.get(w) {
            return Some((t.span, ti));
        }
    }
    None
}

/// The affiliation right after byte `end`: "(R-NE)", "(D-Calif.)", ", R-Texas,".
pub fn affiliation_after(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let off = end + rest.len() - trimmed.len();
    let (open, close) = if trimmed.starts_with('(') {
        (1, ')')
    } else if trimmed.starts_with(", ") {
        (2, ',')
    } else {
        return None;
    };
    let body = &trimmed[open..];
    // "R-", "D-", "I-", "L-" and a capital must open it: most ", " and "(" stop here
    let bb = body.as_bytes();
    if bb.len() < 3
        || !matches!(bb[0], b'R' | b'D' | b'I' | b'L')
        || bb[1] != b'-'
        || !bb[2].is_ascii_uppercase()
    {
        return None;
    }
    let stop = body.char_indices().take(30).find(|&(_, c)| c == close)?.0;
    let inner = &body[..stop];
    let b = inner.as_bytes();
    let ok = b.len() >= 3
        && matches!(b[0], b'R' | b'D' | b'I' | b'L')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ' ' | ','));
    ok.then(|| Span::new(off + open, off + open + stop))
}

/// The party of an appositive right after byte `end`: ", a Democrat from Ames" → `'D'`,
/// ", a Republican," → `'R'`.
pub fn party_after(text: &str, end: usize) -> Option<char> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    let rest = rest
        .strip_prefix("a ")
        .or_else(|| rest.strip_prefix("the "))
        .unwrap_or(rest);
    let word = rest.split([' ', ',', '.']).next()?;
    match word {
        "Democrat" => Some('D'),
        "Republican" => Some('R'),
        _ => None,
    }
}

/// The canonical key of an ORG/GPE/NORP mention: the gazetteer line's first field when the
/// whole mention is a gazetteer form, else the text.
fn canonical_key<'a>(rules: &'a CorefRules, text: &'a str, span: Span) -> &'a str {
    if let Some((end, e)) = rules.gaz.match_at(text, span.start) {
        if end == span.end && matches!(e.kind, EntryKind::Name(_)) {
            return rules.gaz.canonical_of(&e);
        }
    }
    span.slice(text)
}

fn initials(s: &str) -> String {
    words(s)
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Groups the document's entities.
pub fn build<'d>(rules: &CorefRules, doc: &'d Doc) -> EClusters<'d> {
    let text = doc.text.as_str();
    let ents = &doc.entities;
    // each entity's title, looked up once: a one-word mention asks, then its cluster may again
    let mut titles: Vec<Option<Option<(Span, usize)>>> = vec![None; ents.len()];
    let mut title_of = |i: usize| {
        *titles[i].get_or_insert_with(|| {
            let start = ents[i].span.start;
            let idx = doc.tokens.partition_point(|t| t.span.end <= start);
            title_before(rules, doc, start, idx)
        })
    };
    let mut clusters: Vec<ECluster> = Vec::with_capacity(ents.len());
    let mut of_entity = vec![None; ents.len()];
    let new = |label, i: usize, span| ECluster {
        label,
        mentions: {
            let mut m = Vec::with_capacity(4);
            m.push(i);
            m
        },
        name: span,
        title: None,
        title_idx: None,
        affiliation: None,
        party: None,
        gender: Gender::Unknown,
    };

    // persons with two or more words, keyed by surname
    let mut by_last: FxMap<&str, Vec<usize>> = FxMap::default();
    // by first name: the first cluster and how many clusters share it
    let mut by_first: FxMap<&str, (usize, usize)> = FxMap::default();
    for (i, e) in ents.iter().enumerate() {
        let s = e.span.slice(text);
        if e.label != EntityLabel::Person || !s.contains(' ') {
            continue;
        }
        let (f, l) = first_last(s);
        let cands = by_last.entry(l).or_default();
        let found = cands
            .iter()
            .rev()
            .take(8)
            .copied()
            .find(|&c| compatible(clusters[c].name.slice(text), s));
        let c = match found {
            Some(c) => {
                clusters[c].mentions.push(i);
                // the longest name, preferring one that starts with a given name ("Hillary
                // Clinton" over a stray "Crooked Hillary Clinton")
                let rank = |n: &str| {
                    let first = first_word(n);
                    (rules.given.contains_key(first), n.len())
                };
                if rank(s) > rank(clusters[c].name.slice(text)) {
                    clusters[c].name = e.span;
                }
                c
            }
            None => {
                clusters.push(new(EntityLabel::Person, i, e.span));
                let c = clusters.len() - 1;
                cands.push(c);
                by_first.entry(f).or_insert((c, 0)).1 += 1;
                c
            }
        };
        of_entity[i] = Some(c);
    }
    // one-word persons: a surname (most recent full name before it, else the first after it),
    // a first name used by one full name only, else a cluster of their own
    let mut single: FxMap<&str, usize> = FxMap::default();
    let mut keyed: FxMap<(u8, &str), usize> = FxMap::default();
    let mut by_initials: FxMap<String, usize> = FxMap::default();
    let mut surnames = Surnames::new(rules, text, &clusters, by_last);
    for (i, e) in ents.iter().enumerate() {
        let s = e.span.slice(text);
        if let Some(c) = of_entity[i] {
            surnames.seen(c);
            continue;
        }
        let c = match e.label {
            EntityLabel::Person if !s.contains(' ') => {
                // "Mr. Obama" is not "Michelle Obama"
                let want = title_of(i)
                    .map(|(_, t)| rules.gaz.titles[t].gender)
                    .unwrap_or(Gender::Unknown);
                let surname = surnames.latest(s, want);
                let first = by_first.get(s).filter(|cs| cs.1 == 1).map(|cs| cs.0);
                match surname.or(first).or_else(|| single.get(s).copied()) {
                    Some(c) => {
                        clusters[c].mentions.push(i);
                        c
                    }
                    None => {
                        clusters.push(new(EntityLabel::Person, i, e.span));
                        single.insert(s, clusters.len() - 1);
                        clusters.len() - 1
                    }
                }
            }
            EntityLabel::Person => continue,
            EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Fac => {
                let group = match e.label {
                    EntityLabel::Norp => 1,
                    _ => 0,
                };
                // groups keep their own form ("Democrats" is not "Democratic")
                let key = if group == 1 {
                    s
                } else {
                    canonical_key(rules, text, e.span)
                };
                let acronym = (group == 0 && !s.contains(' ') && s.len() <= 8)
                    .then(|| by_initials.get(s).copied())
                    .flatten();
                match keyed.get(&(group, key)).copied().or(acronym) {
                    Some(c) => {
                        clusters[c].mentions.push(i);
                        if s.len() > clusters[c].name.len() {
                            clusters[c].name = e.span;
                        }
                        c
                    }
                    None => {
                        clusters.push(new(e.label, i, e.span));
                        let c = clusters.len() - 1;
                        keyed.insert((group, key), c);
                        if group == 0 && s.contains(' ') {
                            let ini = initials(s);
                            if ini.chars().count() >= 2 {
                                by_initials.entry(ini).or_insert(c);
                            }
                        }
                        c
                    }
                }
            }
            _ => continue,
        };
        of_entity[i] = Some(c);
        surnames.seen(c);
    }
    // titles, affiliations, genders
    for c in clusters.iter_mut() {
        c.mentions.sort_unstable();
        if c.label != EntityLabel::Person {
            continue;
        }
        // titles and affiliations stand by full names, mostly the first ones
        for (n, &m) in c.mentions.iter().enumerate().take(24) {
            let span = ents[m].span;
            if n >= 3 && !span.slice(text).contains(' ') {
                continue;
            }
            if c.title.is_none() {
                if let Some((t, ti)) = title_of(m) {
                    c.title = Some(t);
                    c.title_idx = Some(ti);
                }
            }
            if c.affiliation.is_none() {
                c.affiliation = affiliation_after(text, span.end);
            }
            if c.party.is_none() {
                c.party = party_after(text, span.end);
            }
        }
        let first = first_word(c.name.slice(text));
        c.gender = match rules.given.get(first) {
            Some(&g) if g != Gender::Unknown => g,
            _ => c
                .title_idx
                .map(|t| rules.gaz.titles[t].gender)
                .unwrap_or(Gender::Unknown),
        };
    }
    let mut titled: Vec<usize> = (0..clusters.len())
        .filter(|&c| clusters[c].title_idx.is_some())
        .collect();
    titled.sort_by_key(|&c| clusters[c].mentions[0]);
    EClusters {
        clusters,
        of_entity,
        titled,
        lookups: Lookups::new(doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_and_last_words_as_split_whitespace() {
        for s in [
            "",
            " ",
            "Ann",
            "Ann Roe",
            " Ann Roe ",
            "Ann\u{a0}Roe",
            "José Roe",
            "Ann Muñoz",
            "Ann\x0bRoe",
            "Ann\tB. Roe",
            "Ann  ",
            "  Roe",
            "Zoë",
            "Ann\u{2009}Roe Jr.",
        ] {
            assert_eq!(
                first_word(s),
                s.split_whitespace().next().unwrap_or(""),
                "{s:?}"
            );
            assert_eq!(
                last_word(s),
                s.split_whitespace().next_back().unwrap_or(""),
                "{s:?}"
            );
        }
    }

    #[test]
    fn affiliations() {
        let t = "Sen. Ann Roe (R-NE) said; Rep. Bo Li, D-Calif., said; Ed Fox (who) left";
        let a = affiliation_after(t, 12).unwrap();
        assert_eq!(a.slice(t), "R-NE");
        let b = affiliation_after(t, 36).unwrap();
        assert_eq!(b.slice(t), "D-Calif.");
        assert!(affiliation_after(t, 62).is_none());
        assert!(affiliation_after(t, t.len()).is_none());
    }

    #[test]
    fn compatible_names() {
        assert!(compatible("Hillary Clinton", "Hillary Rodham Clinton"));
        assert!(!compatible("Bill Clinton", "Hillary Clinton"));
        assert!(compatible("Joe Biden", "Joe Biden"));
    }
}
