//! The rule files: bad lines are errors with file and line; the files drive the splitter.

use super::*;

// --- rule files ---------------------------------------------------------------------------

fn sources_with(name: &str, text: &str) -> RuleSources {
    // a directory of its own for each call: tests run side by side, and two of them override
    // the same file
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "claimex-seg-{}-{}-{call}",
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

#[test]
fn speaker_and_weekday_words_come_from_the_starters_file() {
    let src = sources_with(
        "sentence_starters.txt",
        "Funday | weekday\nYe\nYe | speaker\nSo\n",
    );
    let r = SegmentRules::compile(&src).unwrap();
    let split_with = |t: &'static str| -> Vec<&'static str> {
        sentences(&r, t, &paragraphs(t))
            .iter()
            .map(|s| s.slice(t))
            .collect()
    };
    // a listed weekday opens a date line; an unlisted one does not, nor one in capitals
    assert_eq!(
        split_with("Funday, May 5, 2015 Voters went home."),
        vec!["Funday, May 5, 2015", "Voters went home."]
    );
    assert_eq!(
        split_with("Monday, May 5, 2015 Voters went home."),
        vec!["Monday, May 5, 2015 Voters went home."]
    );
    assert_eq!(
        split_with("FUNDAY, May 5, 2015 Voters went home."),
        vec!["FUNDAY, May 5, 2015 Voters went home."]
    );
    // a listed speaker pronoun keeps the quotation with its speech verb; a starter does not
    assert_eq!(
        split_with("“Are you there?” Ye called."),
        vec!["“Are you there?” Ye called."]
    );
    assert_eq!(
        split_with("“Are you there?” So called."),
        vec!["“Are you there?”", "So called."]
    );
    // the default file: "He" is a speaker, "HE" is not written as one
    let d = rules();
    let t = "“Are you there?” He called.";
    assert_eq!(sentences(&d, t, &paragraphs(t)).len(), 1);
    assert_eq!(split("Markets closed early Tuesday, May 5, 2015").len(), 2);
}
