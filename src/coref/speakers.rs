//! Speaker mentions: what each attribution's speaker span is (a name, a pronoun, a description
//! such as "the Texas Senator", something else) and which entity cluster it refers to.

use super::clusters::EClusters;
use super::rules::{word_class, CorefRules, Pronoun, StateId};
use crate::doc::{Doc, EntityLabel, Span, TokenKind};

/// What a speaker span turned out to be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mention {
    /// Names an entity (index into `doc.entities`).
    Entity(usize),
    /// A personal or relative pronoun.
    Pronoun(Pronoun),
    /// A description headed by an office ("the Texas Senator"): title index, state code index
    /// into the text (span of the state word), party letter.
    Nominal {
        /// Title index in the gazetteer (none for "the Texas Republican": any titled politician).
        title: Option<usize>,
        /// Postal code of the state named in the description, if any.
        state: Option<StateId>,
        /// Party initial ('R', 'D'), if the description names one.
        party: Option<char>,
    },
    /// Anything else ("officials", "the campaign").
    Other,
}

/// The part of a speaker span before an apposition, parenthesis or relative clause.
fn core(doc: &Doc, span: Span) -> Span {
    cut(doc, span, true)
}

/// `span` up to its first apposition, parenthesis or (when `relatives`) relative clause.
fn cut(doc: &Doc, span: Span, relatives: bool) -> Span {
    let toks = doc.tokens_in(span);
    let mut end = span.end;
    let mut seen_word = false;
    for t in &doc.tokens[toks] {
        let w = t.span.slice(&doc.text);
        let relative = matches!(w, "who" | "which" | "that");
        if seen_word && (matches!(w, "," | "(" | "—" | "–" | ";") || relatives && relative) {
            end = t.span.start;
            break;
        }
        seen_word |= t.kind == TokenKind::Word;
    }
    Span::new(span.start, end.max(span.start))
}

/// `span` up to a place that only locates its head ("Six newspapers in New Jersey", "voters
/// across Iowa"): a preposition of place right after a word that is no name and no title, and
/// right before a place. The place is then no name of the speaker.
fn before_place(rules: &CorefRules, doc: &Doc, span: Span) -> Span {
    let toks = doc.tokens_in(span);
    let text = doc.text.as_str();
    for k in toks.clone().skip(1) {
        let w = doc.tokens[k].span.slice(text);
        if !rules.words.is(w, word_class::PLACE_PREP) || k + 1 >= toks.end {
            continue;
        }
        let prev = doc.tokens[k - 1];
        let pw = prev.span.slice(text);
        let plain = prev.kind == TokenKind::Word
            && !in_entity_at(doc, prev.span)
            && !rules.is_title_word(&pw.to_lowercase());
        // ("critics in the United States": the article may come between)
        let mut next = doc.tokens[k + 1].span;
        if matches!(next.slice(text), "the" | "The") && k + 2 < toks.end {
            next = doc.tokens[k + 2].span;
        }
        let i = doc.entities.partition_point(|e| e.span.end <= next.start);
        let place = doc.entities.get(i).is_some_and(|e| {
            e.span.start == next.start && matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc)
        });
        if plain && place {
            return Span::new(span.start, doc.tokens[k - 1].span.end);
        }
    }
    span
}

/// `span` up to a person whose workplace follows ("James Pethokoukis of the American Enterprise
/// Institute", "Mr. Nevins of Showtime"): the person is the speaker, the organization or place
/// after "of", "at" or "from" only says where they work.
fn before_affiliation(doc: &Doc, span: Span) -> Span {
    let a = doc.entities.partition_point(|e| e.span.end <= span.start);
    for e in doc.entities[a..]
        .iter()
        .take_while(|e| e.span.end < span.end)
    {
        if e.label != EntityLabel::Person || e.span.start < span.start {
            continue;
        }
        let after = doc.text.get(e.span.end..span.end).unwrap_or("");
        if [" of ", " at ", " from "]
            .iter()
            .any(|p| after.starts_with(p))
        {
            return Span::new(span.start, e.span.end);
        }
    }
    span
}

fn state_code(rules: &CorefRules, w: &str) -> Option<StateId> {
    rules.state_codes.get(w).copied()
}

/// The state of the postal code in an affiliation ("R-TX" → TX, "D-Calif." → CA).
pub fn affiliation_state(rules: &CorefRules, aff: &str) -> Option<StateId> {
    let rest = aff.split_once('-')?.1.trim();
    let rest = rest.split(',').next().unwrap_or(rest).trim();
    state_code(rules, rest)
}

/// Classifies a speaker span.
pub fn classify(rules: &CorefRules, doc: &Doc, ec: &EClusters, span: Span) -> Mention {
    let text = doc.text.as_str();
    let range = doc.tokens_in(span);
    let words: Vec<usize> = range
        .clone()
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .collect();
    if words.len() == 1 {
        let w = crate::words::shape::strip_possessive(doc.tokens[words[0]].span.slice(text));
        if let Some(p) = rules.pronoun(w) {
            return Mention::Pronoun(p);
        }
    }
    // "State said": the short name of a department named before ("the State Department")
    if words.len() == 1 && !in_other_entity(doc, doc.tokens[words[0]].span) {
        let w = doc.tokens[words[0]].span.slice(text);
        if let Some(i) = org_by_short_name(rules, ec, span.start, w) {
            return Mention::Entity(i);
        }
    }
    // a transcript label in capitals ("WALLACE"): the person of that surname
    if words.len() == 1 {
        let w = doc.tokens[words[0]].span.slice(text);
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !w.chars().any(char::is_lowercase)
        {
            if let Some(i) = ec.lookups.person_by_label(&ec.of_entity, w) {
                return Mention::Entity(i);
            }
        }
    }
    // a span cut after a title ("Del" of "Del. Stacey Plaskett"): the person right after it
    if words.len() == 1 {
        let mut w = doc.tokens[words[0]].span.slice(text).to_lowercase();
        // (the dotted form "del." only when the bare word is no title, in the same string)
        if rules.titles_lower.contains_key(w.as_str()) || {
            w.push('.');
            rules.titles_lower.contains_key(w.as_str())
        } {
            let i = doc.entities.partition_point(|e| e.span.start < span.end);
            if let Some(e) = doc.entities.get(i) {
                let gap = doc.text.get(span.end..e.span.start).unwrap_or("x");
                if e.label == EntityLabel::Person
                    && ec.of_entity[i].is_some()
                    && gap.len() <= 3
                    && gap.chars().all(|c| c == '.' || c.is_whitespace())
                {
                    return Mention::Entity(i);
                }
            }
        }
    }
    let core = before_affiliation(doc, before_place(rules, doc, core(doc, span)));
    let Some(&last) = words
        .iter()
        .rev()
        .find(|&&i| doc.tokens[i].span.end <= core.end)
    else {
        return Mention::Other;
    };
    let head = role_head(doc, &words, core).unwrap_or(last);
    if let Some(i) = appositive_name(doc, ec, span, core) {
        return Mention::Entity(i);
    }
    let head_span = doc.tokens[head].span;
    // entities overlapping the core, with a cluster
    let a = doc.entities.partition_point(|e| e.span.end <= core.start);
    let mut ents = Vec::new();
    for (i, e) in doc.entities.iter().enumerate().skip(a) {
        if e.span.start >= core.end {
            break;
        }
        if ec.of_entity[i].is_some() {
            ents.push(i);
        }
    }
    let determiner = words
        .first()
        .map(|&w| doc.tokens[w].span.slice(text))
        .is_some_and(|w| matches!(w, "the" | "The"));
    // "Scott Pruitt, the attorney general of Oklahoma,": an appositive description names the
    // person right before it
    let first_w = words.first().map(|&w| doc.tokens[w].span.slice(text));
    let descriptive = first_w.is_some_and(|w| {
        matches!(w, "the" | "a" | "an") || w.chars().next().is_some_and(char::is_lowercase)
    });
    // a name inside the phrase ("the White House") is no description
    let names_something = {
        let a = doc.entities.partition_point(|e| e.span.end <= core.start);
        doc.entities.get(a).is_some_and(|e| {
            e.span.start < core.end && e.span.end >= core.end && e.label == EntityLabel::Fac
        })
    };
    // "…, according to a Military Times survey": a source, not an appositive
    let before = text[..span.start].trim_end();
    let source = before.len() >= 12
        && before
            .get(before.len() - 12..)
            .is_some_and(|w| w.eq_ignore_ascii_case("according to"));
    // (a phrase with a person's name of its own is no appositive: "…, former president Bill
    // Clinton said")
    let own_person = ents
        .iter()
        .any(|&i| doc.entities[i].label == EntityLabel::Person);
    if descriptive
        && !names_something
        && !source
        && !own_person
        && rules.pronoun(first_w.unwrap_or("")).is_none()
    {
        if let Some(i) = person_before_comma(doc, ec, span.start) {
            return Mention::Entity(i);
        }
    }
    // "a New Hampshire Republican", "a spokeswoman for the campaign": an indefinite description
    // of a person brings in a new source, which no earlier name refers to (a name at its head
    // still does: "a terse Miller")
    let indefinite = !rules.heads.document.contains(head_span.slice(text))
        // ("some Republicans", "many Democrats": part of a group is not the group)
        && first_w.is_some_and(|w| {
            rules
                .words
                .is(&w.to_ascii_lowercase(), word_class::INDEFINITE)
        })
        && !in_entity_at(doc, doc.tokens[words[0]].span);
    if indefinite
        && !ents.iter().any(|&i| {
            let e = doc.entities[i];
            e.label == EntityLabel::Person && e.span.overlaps(head_span)
        })
    {
        return Mention::Other;
    }
    let head_w = head_span.slice(text);
    if determiner && rules.heads.member.contains(head_w) {
        // "the Texas Republican": a party member, by state
        let state = ents
            .iter()
            .map(|&i| doc.entities[i])
            .filter(|e| e.label == EntityLabel::Gpe)
            .find_map(|e| state_code(rules, e.span.slice(text)));
        return Mention::Nominal {
            title: None,
            state,
            party: Some(if rules.heads.republican.contains(head_w) {
                'R'
            } else {
                'D'
            }),
        };
    }
    if let Some(&i) = ents
        .iter()
        .rev()
        .find(|&&i| doc.entities[i].span.overlaps(head_span))
    {
        // "Representative Charles B. Rangel of New York": the person, not the place
        let e = doc.entities[i];
        if matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc) {
            let before = doc.tokens.partition_point(|t| t.span.end <= e.span.start);
            let prep = before
                .checked_sub(1)
                .map(|b| doc.tokens[b].span.slice(text))
                .is_some_and(|w| matches!(w, "of" | "from"));
            if let Some(&p) = ents
                .iter()
                .rev()
                .find(|&&p| p < i && doc.entities[p].label == EntityLabel::Person)
                .filter(|_| prep)
            {
                return Mention::Entity(p);
            }
        }
        return Mention::Entity(i);
    }
    // a description headed by an office: "the Texas Senator", "the South Carolina senator"
    let mut title = None;
    let upto = words.iter().position(|&w| w == head).map_or(0, |p| p + 1);
    for &wk in &words[upto.saturating_sub(4)..upto] {
        let from = doc.tokens[wk].span.start;
        let Some(phrase) = text.get(from..head_span.end) else {
            continue;
        };
        if phrase.len() <= 40 {
            let lower = phrase.to_lowercase();
            if let Some(&t) = rules.titles_lower.get(lower.as_str()) {
                title = Some(t);
                break;
            }
        }
    }
    if title.is_none() {
        let lower = head_w.to_lowercase();
        title = rules.titles_lower.get(lower.as_str()).copied();
    }
    if let Some(title) = title {
        let mut state = None;
        let mut party = None;
        for &i in &words {
            let t = doc.tokens[i].span;
            if t.end > core.end {
                break;
            }
            let w = t.slice(text);
            if rules.heads.republican.contains(w) {
                party = Some('R');
            } else if rules.heads.democrat.contains(w) {
                party = Some('D');
            }
        }
        for &i in &ents {
            let e = doc.entities[i];
            if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                state = state.or_else(|| state_code(rules, e.span.slice(text)));
            }
        }
        return Mention::Nominal {
            title: Some(title),
            state,
            party,
        };
    }
    // a document named by its one maker before it speaks for that maker ("a Reuters report" →
    // Reuters); any other document speaks as written ("a Reuters/Ipsos poll", "a report from
    // the SITE Intelligence Group", "a statement from Ryan's office"), as PolNeAR names it
    if rules.heads.document.contains(head_w) {
        let mut makers = ents.iter().filter(|&&i| {
            let e = doc.entities[i];
            matches!(e.label, EntityLabel::Org | EntityLabel::Fac) && e.span.end <= head_span.start
        });
        let joint = text
            .get(core.start..core.end)
            .is_some_and(|t| t.contains('/'));
        return match (makers.next(), makers.next()) {
            (Some(&i), None) if !joint => Mention::Entity(i),
            (None, _) => {
                // "ministry figures", "agency records": the organization the modifier's head
                // word names
                let modifier = words
                    .iter()
                    .position(|&w| w == head)
                    .and_then(|p| p.checked_sub(1))
                    .map(|p| doc.tokens[words[p]].span.slice(text));
                match modifier.and_then(|m| org_by_head(ec, span.start, m)) {
                    Some(i) if ents.is_empty() => Mention::Entity(i),
                    _ => Mention::Other,
                }
            }
            _ => Mention::Other,
        };
    }
    // "a spokeswoman for the authority, Teresa Gomez": the person in apposition
    if ents.is_empty() && core.end < span.end && text[core.end..span.end].starts_with(',') {
        let a = doc.entities.partition_point(|e| e.span.start < core.end);
        if let Some((i, _)) = doc.entities[a..]
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.span.end <= span.end)
            .find(|(_, e)| e.label == EntityLabel::Person)
        {
            if ec.of_entity[a + i].is_some() {
                return Mention::Entity(a + i);
            }
        }
    }
    // "the ministry", "the agency": the latest organization named by that word
    if determiner && words.len() <= 3 && ents.is_empty() {
        if let Some(i) = org_by_head(ec, span.start, head_w) {
            return Mention::Entity(i);
        }
    }
    Mention::Other
}

/// Whether `t` lies inside a named entity.
fn in_entity_at(doc: &Doc, t: Span) -> bool {
    let i = doc.entities.partition_point(|e| e.span.end <= t.start);
    doc.entities.get(i).is_some_and(|e| e.span.start <= t.start)
}

/// The person an appositive description at `pos` describes: the nearest PERSON entity before it
/// in the same sentence, within 200 bytes, that is followed by a comma ("Scott Pruitt, the …",
/// "David Kamin, an adviser … and an associate professor …").
fn person_before_comma(doc: &Doc, ec: &EClusters, pos: usize) -> Option<usize> {
    let s = doc.sentence_at(pos)?;
    let sent = doc.sentences[s];
    let end = doc.entities.partition_point(|e| e.span.end <= pos);
    for i in (0..end).rev().take(8) {
        let e = doc.entities[i];
        if e.span.start < sent.start || pos - e.span.end > 200 {
            return None;
        }
        if e.label != EntityLabel::Person {
            continue;
        }
        let after = doc.text[e.span.end..].trim_start_matches(['’', '\'', 's']);
        // not a name inside a quotation ("… more spine than Sen. Grassley,” reads an editorial")
        let quoted = doc.text[e.span.end..pos].contains(['”', '"', '“', '»', '«']);
        return (after.starts_with(',') && !quoted && ec.of_entity[i].is_some()).then_some(i);
    }
    None
}

/// The latest ORG entity before `pos` with a word equal to `head` capitalized ("ministry" →
/// "Ministry of Water and Irrigation").
fn org_by_head(ec: &EClusters, pos: usize, head: &str) -> Option<usize> {
    let mut cap = String::with_capacity(head.len());
    let mut chars = head.chars();
    let first = chars.next()?;
    if !first.is_lowercase() {
        return None;
    }
    cap.extend(first.to_uppercase());
    cap.push_str(chars.as_str());
    ec.lookups.org_with_word(&ec.of_entity, pos, &cap)
}

/// Whether `t` lies inside a named entity other than an organization written as `t` alone
/// ("Agriculture said": the tagger's one-word ORG is still a short name).
fn in_other_entity(doc: &Doc, t: Span) -> bool {
    let i = doc.entities.partition_point(|e| e.span.end <= t.start);
    doc.entities
        .get(i)
        .is_some_and(|e| e.span.start <= t.start && !(e.label == EntityLabel::Org && e.span == t))
}

/// The latest ORG entity before `pos` that `w` is the short name of: "State" for "State
/// Department" or "Department of State", "Justice" for "Justice Department".
fn org_by_short_name(rules: &CorefRules, ec: &EClusters, pos: usize, w: &str) -> Option<usize> {
    let capitalized = w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase);
    if !capitalized || w.len() < 4 {
        return None;
    }
    // ("the U.S. Department of Agriculture", "Britain's Home Office": any words before)
    ec.lookups.org_by_short_name(rules, &ec.of_entity, pos, w)
}

/// The speaker type of a description that names no entity.
pub fn description_kind(rules: &CorefRules, doc: &Doc, span: Span) -> crate::doc::SpeakerType {
    use crate::doc::SpeakerType;
    let core = core(doc, span);
    let words: Vec<usize> = doc
        .tokens_in(core)
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .collect();
    // "a spokesman for the University of Texas": the head before the preposition
    let head = role_head(doc, &words, core)
        .or(words.last().copied())
        .map(|i| doc.tokens[i].span.slice(&doc.text))
        .unwrap_or("");
    let a = doc.entities.partition_point(|e| e.span.end <= core.start);
    let facility = doc.entities.get(a).is_some_and(|e| {
        e.span.start < core.end && e.span.end >= core.end && e.label == EntityLabel::Fac
    });
    // "the White House", "the Kremlin": a building speaking for those in it
    if rules.heads.organization.contains(head) || rules.heads.document.contains(head) || facility {
        SpeakerType::Org
    } else if head.ends_with('s') && !head.ends_with("ss") {
        SpeakerType::Norp
    } else {
        SpeakerType::Person
    }
}

/// The part of a speaker span that names it: before any apposition or relative clause.
/// "Norway’s fisheries minister, Astrid Halvorsen,": a description whose appositive, inside the
/// speaker span right after the comma, is a person's name; that person speaks.
fn appositive_name(doc: &Doc, ec: &EClusters, span: Span, core: Span) -> Option<usize> {
    let rest = doc.text.get(core.end..span.end)?;
    let after_comma = rest.strip_prefix(',')?;
    let start = core.end + 1 + (after_comma.len() - after_comma.trim_start().len());
    // the first PERSON after the comma; "Indiana Gov. Mike Pence", "Mr. Guajardo Villarreal":
    // capitalized titles and places may come before the name
    let i = doc.entities[..]
        .partition_point(|e| e.span.start < start)
        .min(doc.entities.len());
    let i = (i..doc.entities.len().min(i + 3))
        .take_while(|&k| doc.entities[k].span.end <= span.end)
        .find(|&k| doc.entities[k].label == EntityLabel::Person)?;
    let e = doc.entities[i];
    let gap = doc.text.get(start..e.span.start)?;
    let gap_ok = gap.len() <= 40
        && gap
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let tail = doc.text.get(e.span.end..span.end)?.trim();
    (gap_ok
        && e.label == EntityLabel::Person
        && ec.of_entity[i].is_some()
        && matches!(tail, "" | ","))
    .then_some(i)
}

/// The head of "a spokeswoman for Hillary Clinton", "advisers to the senator": a common noun
/// right before "for", "to" or "of" (outside any entity) heads the phrase; the name after it is
/// whom the speaker works for, not the speaker.
fn role_head(doc: &Doc, words: &[usize], core: Span) -> Option<usize> {
    let text = doc.text.as_str();
    words.windows(2).find_map(|w| {
        let (noun, prep) = (doc.tokens[w[0]].span, doc.tokens[w[1]].span);
        let is_prep = matches!(prep.slice(text), "for" | "to" | "of" | "by" | "from");
        // lowercase, or capitalized only because it opens the phrase ("Advisers to …")
        let lowercase =
            noun.slice(text).starts_with(|c: char| c.is_lowercase()) || w[0] == words[0];
        let in_entity = |t: Span| {
            let i = doc.entities.partition_point(|e| e.span.end <= t.start);
            doc.entities.get(i).is_some_and(|e| e.span.start <= t.start)
        };
        (prep.end <= core.end && is_prep && lowercase && !in_entity(noun) && !in_entity(prep))
            .then_some(w[0])
    })
}

/// What names a description that refers to no entity: its phrase with a defining relative
/// clause ("supporters who have heard from the campaign"), without appositions.
pub fn description_span(doc: &Doc, span: Span) -> Span {
    cut(doc, span, false)
}

/// Resolves a description to the person cluster whose office (and state, and party) fit, the
/// one mentioned most recently before `pos`.
pub fn resolve_nominal(
    rules: &CorefRules,
    doc: &Doc,
    ec: &EClusters,
    pos: usize,
    title: Option<usize>,
    state: Option<StateId>,
    party: Option<char>,
) -> Option<usize> {
    let text = doc.text.as_str();
    let office = title.map(|t| &rules.gaz.titles[t].office);
    let mut best: Option<(usize, usize)> = None;
    // titled people first mentioned before `pos`, latest first, a bounded number of them
    let first_after = ec
        .titled
        .partition_point(|&c| doc.entities[ec.clusters[c].mentions[0]].span.start < pos);
    for &c in ec.titled[..first_after].iter().rev().take(256) {
        let cl = &ec.clusters[c];
        let Some(ti) = cl.title_idx else { continue };
        if office.is_some_and(|o| &rules.gaz.titles[ti].office != o) {
            continue;
        }
        let aff = cl.affiliation.map(|a| a.slice(text));
        // a party member is known by an affiliation ("R-TX"), or by a party in apposition
        // (", a Democrat from Ames") when the state is not known
        let by_apposition = aff.is_none() && party.is_some() && cl.party == party;
        if office.is_none() && aff.is_none() && !by_apposition {
            continue;
        }
        if let Some(st) = state {
            if !by_apposition && aff.and_then(|a| affiliation_state(rules, a)) != Some(st) {
                continue;
            }
        }
        if let Some(pa) = party {
            if aff.is_some_and(|a| !a.starts_with(pa)) || cl.party.is_some_and(|p| p != pa) {
                continue;
            }
        }
        let before = cl
            .mentions
            .partition_point(|&m| doc.entities[m].span.start < pos);
        let Some(&m) = before.checked_sub(1).and_then(|b| cl.mentions.get(b)) else {
            continue;
        };
        let last = doc.entities[m].span.start;
        if best.is_none_or(|(b, _)| last > b) {
            best = Some((last, c));
        }
    }
    best.map(|(_, c)| c)
}
