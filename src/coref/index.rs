//! Per-document lookups of entities by a word, built on first use (most documents never need
//! them), so that a speaker finds its entity in constant time instead of a scan of the entities
//! before it.

use std::cell::OnceCell;

use super::rules::CorefRules;
use crate::doc::{Doc, EntityLabel};
use crate::hash::FxMap;

/// How far back (in entities) an organization named by a word is still in view.
const ORG_WINDOW: usize = 200;

/// Lazily built word → entity maps of one document.
pub struct Lookups<'d> {
    /// The document.
    doc: &'d Doc,
    /// Last word of a PERSON entity with a cluster, in capitals → the first such entity.
    labels: OnceCell<FxMap<String, usize>>,
    /// Each word of an ORG entity with a cluster → those entities, in text order.
    org_words: OnceCell<FxMap<&'d str, Vec<usize>>>,
    /// The short name of a department ORG entity with a cluster ("State" of "State Department",
    /// "Department of State") → those entities, in text order.
    short_names: OnceCell<FxMap<&'d str, Vec<usize>>>,
}

/// The latest of `found` (entity indices in order) before entity `end`, within the window.
fn latest_before(found: Option<&Vec<usize>>, end: usize) -> Option<usize> {
    let v = found?;
    let k = v.partition_point(|&i| i < end);
    k.checked_sub(1)
        .map(|k| v[k])
        .filter(|&i| i + ORG_WINDOW >= end)
}

/// The short name a department's name gives ("State Department", "Department of State",
/// "Department of the Interior" → the last word but the head), if its head is a department word.
fn short_name<'a>(rules: &CorefRules, name: &'a str) -> Option<&'a str> {
    let department = |h: &str| rules.heads.department.contains(h);
    let mut r = name.rsplit(' ');
    let p = [r.next(), r.next(), r.next(), r.next()];
    match p {
        [Some(a), Some("of"), Some(h), _] => department(h).then_some(a),
        [Some(a), Some("the"), Some("of"), Some(h)] => department(h).then_some(a),
        [Some(h), Some(a), _, _] => department(h).then_some(a),
        _ => None,
    }
}

impl<'d> Lookups<'d> {
    /// Empty lookups of `doc`.
    pub fn new(doc: &'d Doc) -> Lookups<'d> {
        Lookups {
            doc,
            labels: OnceCell::new(),
            org_words: OnceCell::new(),
            short_names: OnceCell::new(),
        }
    }

    /// The first PERSON entity (with a cluster) whose last word, in capitals, is `w` ("WALLACE").
    pub fn person_by_label(&self, of_entity: &[Option<usize>], w: &str) -> Option<usize> {
        let doc = self.doc;
        let map = self.labels.get_or_init(|| {
            let mut m = FxMap::default();
            for (i, e) in doc.entities.iter().enumerate() {
                if e.label != EntityLabel::Person || of_entity[i].is_none() {
                    continue;
                }
                let Some(last) = e.span.slice(&doc.text).rsplit(' ').next() else {
                    continue;
                };
                // (an ASCII word's capitals without a char walk)
                let key = if last.is_ascii() {
                    last.to_ascii_uppercase()
                } else {
                    last.chars().flat_map(char::to_uppercase).collect()
                };
                m.entry(key).or_insert(i);
            }
            m
        });
        map.get(w).copied()
    }

    /// The latest ORG entity (with a cluster) starting before `pos`, among the 200 entities
    /// before it, with a word equal to `word`.
    pub fn org_with_word(
        &self,
        of_entity: &[Option<usize>],
        pos: usize,
        word: &str,
    ) -> Option<usize> {
        let doc = self.doc;
        let map = self.org_words.get_or_init(|| {
            let mut m: FxMap<&'d str, Vec<usize>> = FxMap::default();
            for (i, e) in doc.entities.iter().enumerate() {
                if !is_org(doc, of_entity, i) {
                    continue;
                }
                for w in e.span.slice(&doc.text).split(' ') {
                    let v = m.entry(w).or_default();
                    if v.last() != Some(&i) {
                        v.push(i);
                    }
                }
            }
            m
        });
        latest_before(map.get(word), entities_before(doc, pos))
    }

    /// The latest ORG entity (with a cluster) starting before `pos`, among the 200 entities
    /// before it, that `w` is the short name of.
    pub fn org_by_short_name(
        &self,
        rules: &CorefRules,
        of_entity: &[Option<usize>],
        pos: usize,
        w: &str,
    ) -> Option<usize> {
        let doc = self.doc;
        let map = self.short_names.get_or_init(|| {
            let mut m: FxMap<&'d str, Vec<usize>> = FxMap::default();
            for (i, e) in doc.entities.iter().enumerate() {
                if !is_org(doc, of_entity, i) {
                    continue;
                }
                if let Some(a) = short_name(rules, e.span.slice(&doc.text)) {
                    m.entry(a).or_default().push(i);
                }
            }
            m
        });
        latest_before(map.get(w), entities_before(doc, pos))
    }
}

/// Whether entity `i` is an ORG with a cluster.
fn is_org(doc: &Doc, of_entity: &[Option<usize>], i: usize) -> bool {
    doc.entities[i].label == EntityLabel::Org && of_entity[i].is_some()
}

/// The number of entities that start before `pos`.
fn entities_before(doc: &Doc, pos: usize) -> usize {
    doc.entities.partition_point(|e| e.span.start < pos)
}
