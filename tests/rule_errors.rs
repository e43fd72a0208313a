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
