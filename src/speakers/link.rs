//! The merge rules that link parts (name keys) into identities; see `speakers/mod.rs` for
//! the list. Every rule reads only the parts' figures, which are sums over claims, so the
//! index of shards merged is the index of the whole; and every rule links keys of one
//! [`super::index::block`] only (a person's last word, an organization's initials).

use std::collections::{BTreeMap, BTreeSet};

use super::part::{majority, Counts, Part};

/// A bare surname joins the most-quoted person of that surname when that person has at least
/// this many times the claims of every other person of the surname (of a compatible gender)
/// together, i.e. 95 % of their claims.
pub const DOMINANT: u64 = 19;

/// Union-find over part indexes; a root is the smallest index of its set.
pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` parts, each its own set.
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    /// The root of `i`'s set.
    pub(crate) fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut i = i;
        while self.0[i] != r {
            let next = self.0[i];
            self.0[i] = r;
            i = next;
        }
        r
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

fn person(p: &Part) -> bool {
    p.kind() == "PERSON" && p.proper
}

/// One edit apart by inserting or deleting a letter ("rence", "reince").
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    let at = s.iter().zip(&l).take_while(|(x, y)| x == y).count();
    s[at..] == l[at + 1..]
}

/// What the surname rule reads of one identity (a root and its members).
#[derive(Default)]
struct Person {
    claims: u64,
    honorifics: Counts,
    pronouns: Counts,
    /// The given-name gender of the member with the most claims that has one.
    given: (u64, String),
}

impl Person {
    fn gender(&self) -> Option<&str> {
        majority(&self.honorifics)
            .or_else(|| majority(&self.pronouns))
            .or_else(|| (!self.given.1.is_empty()).then_some(self.given.1.as_str()))
    }
}

fn sum_into(into: &mut Counts, from: &Counts) {
    for (k, v) in from {
        *into.entry(k.clone()).or_insert(0) += v;
    }
}

/// The merge rules over parts sorted by key.
pub(crate) fn link(parts: &[Part], uf: &mut UnionFind) {
    // people by first and last word: one middle form (or none) is one person
    let mut by_ends: BTreeMap<(String, String), Vec<(usize, String)>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        let (family, n) = p.family();
        if person(p) && w.len() > n {
            let middle = w[1..w.len() - n].join(" ");
            let first = if p.first_formal.is_empty() {
                w[0]
            } else {
                &p.first_formal
            };
            by_ends
                .entry((first.to_string(), family.to_string()))
                .or_default()
                .push((i, middle));
        }
    }
    for members in by_ends.values() {
        let middles: BTreeSet<&str> = members
            .iter()
            .map(|(_, m)| m.as_str())
            .filter(|m| !m.is_empty())
            .collect();
        if middles.len() <= 1 {
            for (i, _) in &members[1..] {
                uf.union(members[0].0, *i);
            }
        }
    }
    initials_names(parts, uf);
    misspelt_given_names(parts, uf);
    surnames(parts, uf);
    // an acronym the text used for an organization joins it
    let org_index: BTreeMap<&str, usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind() == "ORG")
        .map(|(i, p)| (p.key.as_str(), i))
        .collect();
    for (i, p) in parts.iter().enumerate() {
        for a in &p.acronyms {
            if let Some(&j) = org_index.get(format!("ORG:{a}").as_str()) {
                uf.union(i, j);
            }
        }
    }
}

/// A given name made of the initials of a full name joins it when the corpus has exactly one
/// such person: "Jeb Bush" = "John Ellis Bush" (J. E. B.); and a given name written as its
/// initial joins the one person of that surname whose given name starts with it: "B. Hussein
/// Obama" = "Barack Obama" when no other Obama's given name starts with a B.
fn initials_names(parts: &[Part], uf: &mut UnionFind) {
    let mut by_letter: BTreeMap<(char, &str), BTreeSet<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        let (family, n) = p.family();
        if person(p) && w.len() > n && w[0].chars().count() > 1 {
            let first = w[0].chars().next().expect("a word");
            by_letter.entry((first, family)).or_default().insert(i);
        }
    }
    let mut joins = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        let (family, n) = p.family();
        if person(p) && w.len() > n && w[0].chars().count() == 1 {
            let first = w[0].chars().next().expect("a word");
            if let Some(named) = by_letter.get(&(first, family)) {
                let roots: BTreeSet<usize> = named.iter().map(|&j| uf.find(j)).collect();
                if roots.len() == 1 {
                    joins.push((i, *roots.first().expect("one")));
                }
            }
        }
    }
    for (i, j) in joins {
        uf.union(i, j);
    }
    let mut by_initials: BTreeMap<(String, &str), BTreeSet<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if person(p) && w.len() >= 3 && p.family().1 == 1 {
            let initials: String = w.iter().filter_map(|x| x.chars().next()).collect();
            by_initials
                .entry((initials, w[w.len() - 1]))
                .or_default()
                .insert(i);
        }
    }
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if person(p) && w.len() == 2 && p.family().1 == 1 && (2..=4).contains(&w[0].chars().count())
        {
            if let Some(full) = by_initials.get(&(w[0].to_string(), w[1])) {
                let roots: BTreeSet<usize> = full.iter().map(|&j| uf.find(j)).collect();
                if roots.len() == 1 {
                    uf.union(i, *roots.first().expect("one"));
                }
            }
        }
    }
}

/// A given name the list does not know, one letter from a listed one with the same other
/// words, joins it when it is the only such name and the less quoted of the two: "Rence
/// Priebus" = "Reince Priebus".
fn misspelt_given_names(parts: &[Part], uf: &mut UnionFind) {
    let mut by_rest: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if person(p) && w.len() >= 2 {
            by_rest.entry(w[1..].join(" ")).or_default().push(i);
        }
    }
    for members in by_rest.values() {
        for &i in members {
            let (p, first) = (&parts[i], parts[i].words()[0]);
            if p.listed || first.chars().count() < 4 {
                continue;
            }
            let near: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| {
                    let q = &parts[j];
                    q.listed && q.claims() > p.claims() && one_letter_apart(first, q.words()[0])
                })
                .collect();
            if near.len() == 1 {
                uf.union(i, near[0]);
            }
        }
    }
}

/// A bare surname joins the one person of that surname in the corpus, counting only people
/// whose gender evidence does not contradict the surname's honorifics ("Mr. Trump" is not
/// Ivanka Trump); with several, it joins the most quoted when that one has [`DOMINANT`] times
/// the claims of the others together ("Obama": Barack Obama 115 claims, Michelle Obama 2).
/// Otherwise it stays apart ("Clinton" from Hillary and Bill Clinton).
fn surnames(parts: &[Part], uf: &mut UnionFind) {
    let mut people: BTreeMap<usize, Person> = BTreeMap::new();
    let mut by_last: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        let (family, n) = p.family();
        if p.kind() == "PERSON" && p.surname_rule && w.len() > n {
            let root = uf.find(i);
            by_last.entry(family).or_default().insert(root);
        }
    }
    let wanted: BTreeSet<usize> = by_last.values().flatten().copied().collect();
    for (i, p) in parts.iter().enumerate() {
        let root = uf.find(i);
        if !wanted.contains(&root) {
            continue;
        }
        let e = people.entry(root).or_default();
        e.claims += p.claims();
        sum_into(&mut e.honorifics, &p.honorifics);
        sum_into(&mut e.pronouns, &p.pronouns);
        if !p.given_gender.is_empty() && p.claims() > e.given.0 {
            e.given = (p.claims(), p.given_gender.clone());
        }
    }
    let mut joins = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let w = p.words();
        if !(p.kind() == "PERSON" && p.surname_rule && w.len() == 1) {
            continue;
        }
        let Some(roots) = by_last.get(w[0]) else {
            continue;
        };
        // a bare surname's own gender from its honorifics only: the pronouns resolved to a
        // bare surname are too often another speaker's (a misread claim)
        let own = majority(&p.honorifics);
        let mut fits: Vec<(u64, usize)> = roots
            .iter()
            .filter(|r| match (own, people[r].gender()) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            })
            .map(|&r| (people[&r].claims, r))
            .collect();
        fits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let rest: u64 = fits.iter().skip(1).map(|f| f.0).sum();
        match fits.first() {
            Some(&(top, r)) if fits.len() == 1 || top >= DOMINANT * rest => joins.push((r, i)),
            _ => {}
        }
    }
    for (r, i) in joins {
        uf.union(r, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_apart_is_an_insertion_or_a_deletion() {
        assert!(one_letter_apart("rence", "reince"));
        assert!(one_letter_apart("reince", "rence"));
        assert!(!one_letter_apart("mark", "mary"));
        assert!(!one_letter_apart("reince", "reince"));
    }
}
