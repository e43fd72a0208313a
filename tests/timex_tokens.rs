//! Property test: the timex stage cuts the same tokens, with the same lexicon ids, and finds the
//! same expressions from the document's tokens as from its text alone (no tokens), on text that mixes dates with the shapes where
//! the two token layers differ ("2:30", "p.m.", "10th", "'90s", "U.S.", non-breaking spaces,
//! other characters glued to words).

use claimex::{Pipeline, RawDoc, Rules};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::embedded().expect("embedded rules compile")))
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" on January 10, 2022".to_string()),
        Just(" last Tuesday at 2:30 p.m.".to_string()),
        Just(" the 10th of May".to_string()),
        Just(" in the '90s and ’70's".to_string()),
        Just(" mid-afternoon".to_string()),
        Just(" five o'clock".to_string()),
        Just(" two-year-old".to_string()),
        Just(" the third-quarter".to_string()),
        Just(" 12/27/2021".to_string()),
        Just(" 2021-12-27".to_string()),
        Just(" Jan. 5".to_string()),
        Just("U.S.".to_string()),
        Just(" won't".to_string()),
        Just(" New Year's Day".to_string()),
        Just(" Mondays".to_string()),
        Just(" 1990s".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{b}".to_string()),
        Just("\u{2019}".to_string()),
        Just("“".to_string()),
        Just("é".to_string()),
        Just("’90s".to_string()),
        Just("'90s".to_string()),
        Just("—".to_string()),
        Just("\u{2003}".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just(" ".to_string()),
        Just("-".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,4}",
        "[ .:/'-]",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn tokens_or_text_give_the_same_timexes(parts in prop::collection::vec(piece(), 0..30)) {
        let text = parts.concat();
        let mut raw = RawDoc::new("t", text);
        raw.date = Some("2021-12-28".to_string());
        let doc = pipeline().annotate(raw);
        let timex = &pipeline().rules().timex;
        prop_assert_eq!(timex.cut(&doc.text, &doc.tokens), timex.cut(&doc.text, &[]));
        let mut bare = doc.clone();
        bare.tokens.clear();
        claimex::timex::tag(timex, &mut bare);
        prop_assert_eq!(&doc.timexes, &bare.timexes);
    }
}
