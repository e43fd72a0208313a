//! Stage 5: speaker coreference — "Biden", "he", "the Texas Senator" → one cluster with a
//! canonical name.
//!
//! PLACEHOLDER: one cluster per speaker mention, named by its surface text.

use crate::doc::{Doc, SpeakerCluster, SpeakerType};
use crate::rules::{RuleError, RuleSources};

/// Compiled pronoun and title lists.
pub struct CorefRules {}

impl CorefRules {
    /// Compiles `pronouns.txt`.
    pub fn compile(src: &RuleSources) -> Result<CorefRules, Vec<RuleError>> {
        let _ = src.get("pronouns.txt");
        Ok(CorefRules {})
    }
}

/// Fills the `speakers` layer and sets each attribution's `cluster`.
pub fn resolve(_rules: &CorefRules, doc: &mut Doc) {
    doc.speakers.clear();
    for i in 0..doc.attributions.len() {
        if let Some(sp) = doc.attributions[i].speaker {
            doc.speakers.push(SpeakerCluster {
                name: doc.slice(sp).to_string(),
                title: None,
                affiliation: None,
                kind: SpeakerType::Person,
                mentions: vec![sp],
            });
            doc.attributions[i].cluster = Some(doc.speakers.len() - 1);
        }
    }
}
