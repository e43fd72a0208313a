//! Speaker phrases that describe: appositives, places that only locate the head.

use super::*;

#[test]
fn a_description_with_a_name_of_its_own_is_no_appositive() {
    // "…his wife Ann Hale, former mayor Tom Hale said": Tom, not the person before the comma
    let d = with_speakers(
        "Campaigning for his wife, state senator Ann Hale, former mayor Tom Hale said the race was close.",
        &[("former mayor Tom Hale", 0)],
    );
    assert_eq!(names(&d), vec!["Tom Hale"]);
}

#[test]
fn a_place_after_the_article_only_locates_the_head() {
    // "critics in the United States": the critics speak, not the country
    let d = with_speakers(
        "His critics in the United States said the deal was weak.",
        &[("His critics in the United States", 0)],
    );
    assert_ne!(names(&d), vec!["United States"]);
}
