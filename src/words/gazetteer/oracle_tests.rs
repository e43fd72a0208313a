//! The prefix index against an anchored leftmost-longest Aho-Corasick automaton over the same
//! forms (what the gazetteer was matched with before): same longest match, same entry.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::*;

/// Texts that start with, nearly start with or run past each form, in several cases.
fn probes(forms: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        let next = forms[(i + 1) % forms.len()];
        let cut = f.char_indices().last().map_or(0, |(j, _)| j);
        for t in [
            f.to_string(),
            format!("{f} x"),
            format!("{f}s"),
            format!("{f}’s"),
            format!("{f} {next}"),
            f[..cut].to_string(),
            f.to_uppercase(),
            format!("{} {}", f.to_uppercase(), next.to_uppercase()),
            f.to_lowercase(),
        ] {
            out.push(t);
        }
    }
    out
}

#[test]
fn index_agrees_with_the_automaton() {
    let src = RuleSources::embedded();
    let titles = parse_titles(src.get("titles.txt")).unwrap();
    let (b, _) = collect(&src, &titles, Vec::new());
    assert!(b.errors.is_empty());
    let forms = &b.patterns;
    for fold in [false, true] {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(fold)
            .build(forms)
            .unwrap();
        let ix = PrefixIndex::new(forms, fold);
        for t in probes(forms) {
            let want = ac
                .find(Input::new(&t).anchored(Anchored::Yes))
                .map(|m| (m.end(), m.pattern().as_u32()));
            assert_eq!(ix.longest(t.as_bytes()), want, "{t:?} fold={fold}");
        }
    }
}
