//! Bad rule files, loaded as `--rules DIR` overrides, through the library's one compile call.

use claimex::rules::RuleSources;
use claimex::Rules;

/// Rule files with bad lines, loaded as `--rules DIR` overrides: every bad line is reported
/// as `file:line: reason`, nothing panics.
#[test]
fn bad_gazetteer_and_entity_lines_are_reported_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("claimex-entities-bad-{}", std::process::id()));
    let g = dir.join("gazetteers");
    std::fs::create_dir_all(&g).unwrap();
    let files = [
        (
            "gazetteers/countries.txt",
            "# ok\nFrance\nSpain || Espana\nItaly | @PLANET\n",
        ),
        (
            "gazetteers/us_states.txt",
            "Texas | TX\nOhio | Ohio\nUtah\n",
        ),
        (
            "gazetteers/name_heads.txt",
            "River | LOC\nLake | WATER\nTwo words | ORG\n",
        ),
        ("gazetteers/given_names.txt", "Ann | f\nBo | x\n"),
        ("gazetteers/common_words.txt", "However\nNot one\n"),
        ("titles.txt", "Sen. | senator\nDr. | doctor | q\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let src = RuleSources::with_overrides(&dir).unwrap();
    let errs = Rules::compile(&src).err().expect("errors");
    let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    for want in [
        "gazetteers/countries.txt:3:",
        "gazetteers/countries.txt:4:",
        "gazetteers/us_states.txt:2:",
        "gazetteers/us_states.txt:3:",
        "gazetteers/name_heads.txt:2:",
        "gazetteers/name_heads.txt:3:",
        "gazetteers/given_names.txt:2:",
        "gazetteers/common_words.txt:2:",
        "titles.txt:2:",
    ] {
        assert!(
            shown.iter().any(|s| s.starts_with(want)),
            "{want} missing in {shown:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every embedded rule file rewritten with a UTF-8 BOM and CRLF line ends (as a Windows editor
/// saves it) compiles and annotates exactly as the original.
#[test]
fn bom_and_crlf_rule_files_read_as_the_originals() {
    let dir = std::env::temp_dir().join(format!("claimex-rules-crlf-{}", std::process::id()));
    for f in RuleSources::embedded().files() {
        let path = dir.join(&f.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let windows = format!("\u{FEFF}{}", f.text.replace('\n', "\r\n"));
        std::fs::write(&path, windows).unwrap();
    }
    let rules = Rules::compile(&RuleSources::with_overrides(&dir).unwrap()).unwrap();
    let text = "“We will not raise taxes,” Sen. Ann Lee (R-TX) said on Tuesday in Austin.";
    let doc = || claimex::RawDoc::new("t", text.to_string());
    let got = claimex::Pipeline::new(rules).annotate(doc());
    let want = claimex::Pipeline::new(Rules::embedded().unwrap()).annotate(doc());
    assert_eq!(format!("{:?}", got), format!("{:?}", want));
    assert!(!want.attributions.is_empty() && !want.timexes.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Each rule file emptied in turn: the rules compile or report errors, and never panic; when
/// they compile, a document still annotates.
#[test]
fn an_empty_rule_file_never_panics() {
    let names: Vec<String> = RuleSources::embedded()
        .files()
        .map(|f| f.name.clone())
        .collect();
    for name in names {
        let dir = std::env::temp_dir().join(format!(
            "claimex-rules-empty-{}-{}",
            std::process::id(),
            name.replace('/', "_")
        ));
        let path = dir.join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "").unwrap();
        match Rules::compile(&RuleSources::with_overrides(&dir).unwrap()) {
            Ok(rules) => {
                let doc = claimex::Pipeline::new(rules).annotate(claimex::RawDoc::new(
                    "t",
                    "“Taxes rose,” Ann Lee said on Monday.".to_string(),
                ));
                assert!(!doc.tokens.is_empty(), "{name}");
            }
            Err(errors) => assert!(errors.iter().all(|e| e.file == name), "{name}: {errors:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
