//! Unit tests of the sentence splitter, one group per rule family, with our own sentences.

use super::*;
use crate::segment::paragraphs;
use std::time::{Duration, Instant};

fn rules() -> SegmentRules {
    SegmentRules::compile(&RuleSources::embedded()).expect("embedded rules compile")
}

fn split(t: &str) -> Vec<&str> {
    let r = rules();
    sentences(&r, t, &paragraphs(t))
        .iter()
        .map(|s| s.slice(t))
        .collect()
}

fn one(t: &str) {
    assert_eq!(split(t), vec![t], "expected one sentence");
}

/// Checks the output invariants: trimmed, sorted, non-overlapping, on char boundaries, inside
/// a paragraph.
fn check_invariants(t: &str) -> usize {
    let r = rules();
    let paras = paragraphs(t);
    let s = sentences(&r, t, &paras);
    let mut last = 0;
    for sp in &s {
        assert!(sp.start >= last && sp.start < sp.end, "bad span {sp:?}");
        assert!(t.is_char_boundary(sp.start) && t.is_char_boundary(sp.end));
        let txt = sp.slice(t);
        assert_eq!(txt, txt.trim());
        assert!(
            paras.iter().any(|p| p.contains(*sp)),
            "{sp:?} crosses a paragraph"
        );
        last = sp.end;
    }
    // nothing lost: every non-space character of a paragraph is in a sentence
    let visible = |x: &Span| x.slice(t).chars().filter(|c| !c.is_whitespace()).count();
    let covered: usize = s.iter().map(visible).sum();
    let all: usize = paras.iter().map(visible).sum();
    assert_eq!(covered, all, "text lost in {t:?}");
    s.len()
}

// --- plain marks -----------------------------------------------------------------------------

#[test]
fn plain_marks() {
    assert_eq!(split("It rained. We left."), vec!["It rained.", "We left."]);
    assert_eq!(split("Why? Because."), vec!["Why?", "Because."]);
    assert_eq!(split("Stop!! Now."), vec!["Stop!!", "Now."]);
    assert_eq!(split("Really?! Yes."), vec!["Really?!", "Yes."]);
    assert_eq!(split("No mark at all"), vec!["No mark at all"]);
}

#[test]
fn lowercase_next_word_does_not_split() {
    one("The firm, Zappo! said it would grow.");
    one("Is it huh? or what? that people say.");
    one("Mix the flour and -- voila! -- the dough rises.");
}

#[test]
fn paragraphs_are_hard_boundaries() {
    assert_eq!(
        split("PARIS MARKETS RALLY\nLONDON (Wire) - Shares rose. Bonds fell.\n\nEnd"),
        vec![
            "PARIS MARKETS RALLY",
            "LONDON (Wire) - Shares rose.",
            "Bonds fell.",
            "End"
        ]
    );
}

// --- abbreviations and titles ----------------------------------------------------------------

#[test]
fn titles_never_end_a_sentence() {
    one("Sen. Maria Lopez met Dr. Chen and Gov. Ortiz on Tuesday.");
    one("The talks, said Prof. Alder, will resume.");
    one("Bring a snack, e.g. Cheddar crackers.");
}

#[test]
fn ambiguous_abbreviations_need_a_sentence_starter() {
    assert_eq!(
        split("Exports to the U.S. rose sharply. Imports from the U.K. The latter fell."),
        vec![
            "Exports to the U.S. rose sharply.",
            "Imports from the U.K.",
            "The latter fell."
        ]
    );
    one("The U.S. Treasury and Acme Corp. Holdings agreed.");
    assert_eq!(
        split("She joined Acme Inc. He followed."),
        vec!["She joined Acme Inc.", "He followed."]
    );
    one("Rates rose in Jan. and fell in Feb. 2020 was calm.");
}

#[test]
fn number_abbreviations() {
    one("He ranked No. 3 in the poll.");
    one("See p. 12 and pp. 40-42 for the table.");
    assert_eq!(
        split("The answer was no. Then came the vote."),
        vec!["The answer was no.", "Then came the vote."]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        split("The polls closed at 8 p.m. Voters then went home."),
        vec!["The polls closed at 8 p.m.", "Voters then went home."]
    );
    one("The vote is at 10 a.m. Tuesday in the hall.");
    one("It starts at 9 a.m. EST sharp.");
    one("At 7 p.m. the doors opened.");
}

#[test]
fn unlisted_dotted_letters_are_ambiguous() {
    one("She holds a Ph.D. from Yale and an M.B.A. degree.");
    assert_eq!(
        split("He moved to the E.U. It was 1995."),
        vec!["He moved to the E.U.", "It was 1995."]
    );
}

// --- initials ---------------------------------------------------------------------------------

#[test]
fn initials() {
    one("J. R. R. Tolkien wrote it.");
    one("George W. Bush spoke to Harry S. Truman's heirs.");
    assert_eq!(
        split("The winner was Plan B. The loser was Plan C."),
        vec!["The winner was Plan B.", "The loser was Plan C."]
    );
    assert_eq!(
        split("Just you and I. Did Albert I. Kern call?"),
        vec!["Just you and I.", "Did Albert I. Kern call?"]
    );
}

// --- numbers ----------------------------------------------------------------------------------

#[test]
fn numbers() {
    one("Inflation hit 3.5 percent, or $1,204.50 a family.");
    assert_eq!(
        split("It cost $40.25. Nobody paid."),
        vec!["It cost $40.25.", "Nobody paid."]
    );
    assert_eq!(split("We sold 600. You?"), vec!["We sold 600.", "You?"]);
}

// --- ellipses -----------------------------------------------------------------------------------

#[test]
fn ellipses() {
    one("It does not reach… to the coast.");
    one("It was ... well, late.");
    assert_eq!(
        split("We waited.... Nobody came."),
        vec!["We waited....", "Nobody came."]
    );
    assert_eq!(
        split("She sighed... Then she left."),
        vec!["She sighed...", "Then she left."]
    );
    one("The plan . . . was dropped.");
    one("Ask him . . . I mean it.");
    assert_eq!(
        split("The plan failed. . . . Nobody knew why."),
        vec!["The plan failed.", ". . . Nobody knew why."]
    );
    assert_eq!(
        split("It ends here . . . . New text."),
        vec!["It ends here . . . .", "New text."]
    );
    one("\"He went [...] to the hall [...]\" (Ortiz 12).");
}

// --- quotations -------------------------------------------------------------------------------

#[test]
fn boundary_goes_after_the_closing_quote() {
    assert_eq!(
        split("He said the plan was “dead on arrival.” Then he left."),
        vec!["He said the plan was “dead on arrival.”", "Then he left."]
    );
    assert_eq!(
        split("She wrote, \"We won.\" Others disagreed."),
        vec!["She wrote, \"We won.\"", "Others disagreed."]
    );
    one("“We won,” she said, “and we will win again.”");
    one("'It works.' he insisted.");
}

#[test]
fn quotes_with_several_sentences_are_split_inside() {
    assert_eq!(
        split("Ortiz said. “The deal is off. We walk away. Nobody wins.”"),
        vec![
            "Ortiz said.",
            "“The deal is off.",
            "We walk away.",
            "Nobody wins.”"
        ]
    );
}

#[test]
fn speaker_after_a_question_or_exclamation() {
    one("“Are you coming?” Dana asked.");
    one("“Not again!” I yelled.");
    one("“Where to?” Mary Lee wondered.");
    assert_eq!(
        split("“Is it over?” Nobody knew that night."),
        vec!["“Is it over?”", "Nobody knew that night."]
    );
}

// --- parentheses and citations -----------------------------------------------------------------

#[test]
fn parentheses() {
    one("The mayor (She took office in May.) spoke first.");
    assert_eq!(
        split("The mayor spoke. (Her aides did not.) Then it rained."),
        vec![
            "The mayor spoke.",
            "(Her aides did not.)",
            "Then it rained."
        ]
    );
    assert_eq!(
        split("It rained all week. (source: city records)"),
        vec!["It rained all week.", "(source: city records)"]
    );
    one("The pact (signed in Oslo!) held.");
}

#[test]
fn citations_stay_with_their_sentence() {
    assert_eq!(
        split("The river froze.[3][4] Boats stopped."),
        vec!["The river froze.[3][4]", "Boats stopped."]
    );
    assert_eq!(
        split("The river froze. [12] [13] Boats stopped."),
        vec!["The river froze. [12] [13]", "Boats stopped."]
    );
    assert_eq!(
        split("The river froze. [citation needed] Boats stopped."),
        vec!["The river froze. [citation needed]", "Boats stopped."]
    );
    assert_eq!(
        split("Fees are high.12 Few pay."),
        vec!["Fees are high.12", "Few pay."]
    );
}

// --- lists ------------------------------------------------------------------------------------

#[test]
fn numbered_and_lettered_lists() {
    assert_eq!(
        split("1. Pack the bags 2. Lock the door 3. Leave"),
        vec!["1. Pack the bags", "2. Lock the door", "3. Leave"]
    );
    assert_eq!(
        split("a) red b) green c) blue"),
        vec!["a) red", "b) green", "c) blue"]
    );
    assert_eq!(
        split("(i) Read it. (ii) Sign it."),
        vec!["(i) Read it.", "(ii) Sign it."]
    );
    assert_eq!(
        split("First step done. 1.) Tea 2.) Milk"),
        vec!["First step done.", "1.) Tea", "2.) Milk"]
    );
    one("Pay 10 for 1. above and 20 for 2. above.");
    one("3. Results and discussion");
}

#[test]
fn bullets() {
    assert_eq!(
        split("• 4. Fold it • 5. Seal it"),
        vec!["• 4. Fold it", "• 5. Seal it"]
    );
}

#[test]
fn captions_and_date_lines() {
    assert_eq!(
        split("Figure 2.1 The flood plain in 1990."),
        vec!["Figure 2.1", "The flood plain in 1990."]
    );
    assert_eq!(
        split("Monday, June 3, 2019 Rescuers reached the village."),
        vec!["Monday, June 3, 2019", "Rescuers reached the village."]
    );
    one("Figure 2 shows the flood plain.");
}

// --- web addresses and e-mail --------------------------------------------------------------

#[test]
fn web_and_email() {
    assert_eq!(
        split("Write to press@example.org. We reply fast."),
        vec!["Write to press@example.org.", "We reply fast."]
    );
    one("Visit www.example.com or http://news.Example.org/a.html today.");
    assert_eq!(
        split("It closed.Nobody knew why."),
        vec!["It closed.", "Nobody knew why."]
    );
    one("She codes in ASP.NET daily.");
}

// --- other scripts ------------------------------------------------------------------------

#[test]
fn wide_marks_and_other_scripts() {
    assert_eq!(
        split("東京は晴れ。大阪は雨。"),
        vec!["東京は晴れ。", "大阪は雨。"]
    );
    assert_eq!(
        split("Test one．Test two．"),
        vec!["Test one．", "Test two．"]
    );
    assert_eq!(
        split("Zoë ate crêpes. Émile 😀 did not."),
        vec!["Zoë ate crêpes.", "Émile 😀 did not."]
    );
    check_invariants("e\u{301}. \u{301}. 😀. 👍🏽! ‼ ⁉ … 。");
}

// --- rule files ---------------------------------------------------------------------------

fn sources_with(name: &str, text: &str) -> RuleSources {
    let dir = std::env::temp_dir().join(format!(
        "claimex-seg-{}-{}",
        std::process::id(),
        name.replace('.', "-")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
    let s = RuleSources::with_overrides(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    s
}

#[test]
fn bad_rule_lines_are_errors_with_file_and_line() {
    let src = sources_with(
        "abbreviations.txt",
        "# header\nMr. | never\nDr | never\nU.S. | sometimes\nMR. | never\nSt. | never | x\n",
    );
    let errs = SegmentRules::compile(&src).unwrap_err();
    let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert!(msgs[0].starts_with("abbreviations.txt:3: "), "{msgs:?}");
    assert!(msgs[1].starts_with("abbreviations.txt:4: unknown class"));
    assert!(msgs[2].starts_with("abbreviations.txt:5: ") && msgs[2].contains("line 2"));
    assert!(msgs[3].starts_with("abbreviations.txt:6: "));

    let src = sources_with("sentence_starters.txt", "The\nNew York\nMonday | later\n");
    let msgs: Vec<String> = SegmentRules::compile(&src)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].starts_with("sentence_starters.txt:2: "));
    assert!(msgs[1].starts_with("sentence_starters.txt:3: unknown kind"));

    let src = sources_with("speech_verbs.txt", "said\nsaid so\n");
    let msgs: Vec<String> = SegmentRules::compile(&src)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        msgs,
        vec!["speech_verbs.txt:2: `said so` is not one word of letters"]
    );
}

#[test]
fn rule_files_drive_the_splitter() {
    let src = sources_with("abbreviations.txt", "Blvd. | never\n");
    let r = SegmentRules::compile(&src).unwrap();
    let t = "Turn onto Ocean Blvd. The hotel is there.";
    let s: Vec<&str> = sentences(&r, t, &paragraphs(t))
        .iter()
        .map(|s| s.slice(t))
        .collect();
    assert_eq!(s, vec![t]);
    assert_eq!(r.abbreviation("blvd"), Some(AbbrevClass::Never));
    assert_eq!(r.abbreviation("u.s"), None);
}

// --- pathological inputs: no panic, linear time ---------------------------------------------

fn timed(t: &str) -> (usize, Duration) {
    let start = Instant::now();
    let n = check_invariants(t);
    (n, start.elapsed())
}

#[test]
fn huge_paragraph_without_newline() {
    let unit = "The U.S. Sen. Smith said “no.” It ends... Or not?! See www.a.com. 1. a b) ";
    let t = unit.repeat(20_000_000 / unit.len());
    let (n, d) = timed(&t);
    assert!(n > 100_000);
    assert!(d < Duration::from_secs(60), "took {d:?}");
}

#[test]
fn single_huge_token() {
    for unit in ["a", "a.", "ab.", ".", "!?", "…", "“", "”.", "1.", "[1]"] {
        let t = unit.repeat(3_000_000 / unit.len());
        let (_, d) = timed(&t);
        assert!(d < Duration::from_secs(30), "{unit}: took {d:?}");
    }
}

#[test]
fn abbreviations_without_sentence_marks() {
    let words = [
        "the", "U.S.", "and", "Mr.", "Lee", "met", "Inc.", "in", "D.C.",
    ];
    let mut t = String::new();
    let mut x: u32 = 12345;
    for _ in 0..400_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        t.push_str(words[(x >> 16) as usize % words.len()]);
        t.push(' ');
    }
    let (_, d) = timed(&t);
    assert!(d < Duration::from_secs(30), "took {d:?}");
}

#[test]
fn many_quote_marks_and_dots() {
    for t in [
        "“".repeat(20_000),
        format!("Yes.{}", "”".repeat(20_000)),
        format!("Yes.{} Next", "”".repeat(20_000)),
        ". ".repeat(200_000),
        "a. ".repeat(200_000),
        "1. ".repeat(200_000),
        "• ".repeat(200_000),
        "(i) ".repeat(100_000),
        "[1] ".repeat(100_000),
        " .".repeat(200_000),
    ] {
        let (_, d) = timed(&t);
        assert!(d < Duration::from_secs(30), "took {d:?}");
    }
}

#[test]
fn every_prefix_of_a_mixed_text_is_safe() {
    let t = "Zoë said “No.” Ph.D. 3.5 … e\u{301}! 東京。 (a) x b) y. 😀? [1] Fig. 2.1 A";
    for (i, _) in t.char_indices() {
        check_invariants(&t[..i]);
        check_invariants(&t[i..]);
    }
}

// --- news shapes: datelines, credits, nicknames --------------------------------------------

#[test]
fn datelines_and_credits() {
    one("SALEM, Ore. - The council met on Monday.");
    one("DECATUR, Ill. — Mayor Ruiz spoke first.");
    assert_eq!(
        split("Harbor crews return to work Friday, March 6, 2020"),
        vec!["Harbor crews return to work", "Friday, March 6, 2020"]
    );
    assert_eq!(
        split("Firefighters at the scene. Photo: City archive."),
        vec!["Firefighters at the scene.", "Photo: City archive."]
    );
    assert_eq!(
        split("Crews at the dock Image: Port authority."),
        vec!["Crews at the dock", "Image: Port authority."]
    );
    one("The image: a dock at night.");
}

#[test]
fn nicknames_after_initials() {
    one("Rep. Robert C. \"Bobby\" Scott spoke.");
    one("Gov. C.L. “Butch” Otter spoke.");
    one("Oscar P. Quintero wrote back.");
}

#[test]
fn names_with_an_exclamation_mark() {
    one("Analysts at Yahoo! Finance agreed.");
    assert_eq!(split("Wow! Finance rose."), vec!["Wow!", "Finance rose."]);
}

#[test]
fn random_texts_keep_the_invariants() {
    let atoms = [
        ".",
        "!",
        "?",
        "…",
        "...",
        ". . .",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "[1]",
        "•",
        "1.",
        "2.",
        "a)",
        "b)",
        "(i)",
        "U.S.",
        "Mr.",
        "p.m.",
        "Yahoo!",
        "e\u{301}",
        "東京",
        "。",
        "😀",
        " ",
        " ",
        " ",
        "\n",
        ":",
        "Image:",
        "-",
        "—",
        "The",
        "he",
        "I",
        "J.",
        "No.",
        "5",
        "3.5",
        "www.a.com",
        "Figure 2.1",
        "Monday, May 5, 2014",
        "x",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut step = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..3000 {
        let n = (step() % 40) as usize;
        let mut t = String::new();
        for _ in 0..n {
            let r = step();
            t.push_str(atoms[(r % atoms.len() as u64) as usize]);
            if r % 3 == 0 {
                t.push(' ');
            }
        }
        check_invariants(&t);
    }
}

#[test]
fn states_after_a_city() {
    assert_eq!(
        split("She lives in Tamarac, Fla. Sister Ruth said so."),
        vec!["She lives in Tamarac, Fla.", "Sister Ruth said so."]
    );
    one("TAMPA, Fla. — Sister Ruth said so.");
    one("He flew to Fla. Governor Ruiz met him.");
    one("He left Albany, N.Y. on Monday.");
    one("Write to Washington, D.C. 20515 today.");
}

#[test]
fn dash_attribution_after_a_quote() {
    one("“We will be back.” — Ana Ruiz, organizer");
    assert_eq!(
        split("“Will it return?” The answer came fast."),
        vec!["“Will it return?”", "The answer came fast."]
    );
    one("“Ready?” She asked.");
}

#[test]
fn hyphenated_titles() {
    one("The ex-Gov. Ruiz and then-Sen. Park met.");
}
