//! Surname lookups for one-word person mentions: the full-name cluster of that surname seen most
//! recently (or else the first one) whose given name fits the gender a title asks for ("Mr.
//! Obama" is not "Michelle Obama"), kept up to date as the mentions are walked, so each lookup
//! takes constant time however many people share a surname.

use super::clusters::{first_word, ECluster};
use super::rules::CorefRules;
use crate::hash::FxMap;
use crate::words::Gender;

/// The genders a title can ask for, in index order.
const GENDERS: [Gender; 4] = [
    Gender::Male,
    Gender::Female,
    Gender::Neuter,
    Gender::Unknown,
];

fn gender_index(g: Gender) -> usize {
    match g {
        Gender::Male => 0,
        Gender::Female => 1,
        Gender::Neuter => 2,
        Gender::Unknown => 3,
    }
}

/// Full-name person clusters by surname, with the latest one seen for each wanted gender.
pub struct Surnames<'t> {
    /// Surname → slot.
    slot: FxMap<&'t str, usize>,
    /// The slot of each full-name cluster (the clusters that exist when this is built).
    slot_of: Vec<usize>,
    /// For each of those clusters: bit `g` set when it fits a mention wanting `GENDERS[g]`.
    fits: Vec<u8>,
    /// For each slot and wanted gender: the fitting cluster seen most recently.
    latest: Vec<[Option<usize>; 4]>,
    /// For each slot and wanted gender: the first fitting cluster.
    first: Vec<[Option<usize>; 4]>,
}

impl<'t> Surnames<'t> {
    /// Indexes the full-name clusters `by_last` (surname → clusters in order of creation).
    pub fn new(
        rules: &CorefRules,
        text: &str,
        clusters: &[ECluster],
        by_last: FxMap<&'t str, Vec<usize>>,
    ) -> Surnames<'t> {
        let fits: Vec<u8> = clusters
            .iter()
            .map(|c| {
                let first = first_word(c.name.slice(text));
                let given = rules.given.get(first).copied();
                let mut mask = 0u8;
                for (g, want) in GENDERS.iter().enumerate() {
                    let ok = *want == Gender::Unknown
                        || given.is_none_or(|h| h == Gender::Unknown || h == *want);
                    mask |= u8::from(ok) << g;
                }
                mask
            })
            .collect();
        let mut out = Surnames {
            slot: FxMap::default(),
            slot_of: vec![usize::MAX; clusters.len()],
            latest: Vec::with_capacity(by_last.len()),
            first: Vec::with_capacity(by_last.len()),
            fits,
        };
        for (last, cs) in by_last {
            let k = out.latest.len();
            let mut first = [None; 4];
            for (g, slot) in first.iter_mut().enumerate() {
                *slot = cs.iter().copied().find(|&c| out.fits[c] >> g & 1 == 1);
            }
            for &c in &cs {
                out.slot_of[c] = k;
            }
            out.first.push(first);
            out.latest.push([None; 4]);
            out.slot.insert(last, k);
        }
        out
    }

    /// Records a mention of cluster `c` (any cluster; only full names are tracked).
    pub fn seen(&mut self, c: usize) {
        let Some(&k) = self.slot_of.get(c) else {
            return;
        };
        if k == usize::MAX {
            return;
        }
        for g in 0..GENDERS.len() {
            if self.fits[c] >> g & 1 == 1 {
                self.latest[k][g] = Some(c);
            }
        }
    }

    /// The full-name cluster a one-word mention `s` wanting gender `want` names: the fitting one
    /// seen most recently, else the first fitting one.
    pub fn latest(&self, s: &str, want: Gender) -> Option<usize> {
        let k = *self.slot.get(s)?;
        let g = gender_index(want);
        self.latest[k][g].or(self.first[k][g])
    }
}
