//! Coordinated speakers: names joined by "and", unlike groups, lists after a description.

use super::*;

#[test]
fn coordinated_names_make_one_speaker_named_after_all() {
    let d = with_speakers(
        "Mayor Ann Roe met Governor Bill Shaw. Ms. Roe and Mr. Shaw said the plan would work.",
        &[("Ms. Roe and Mr. Shaw", 0)],
    );
    assert_eq!(names(&d), vec!["Ann Roe and Bill Shaw"]);
    assert_eq!(d.speakers[0].kind, SpeakerType::Person);
    // one person named twice is no coordination
    let d = with_speakers(
        "Ann Roe spoke. Ann Roe and Roe said it would work.",
        &[("Ann Roe and Roe", 0)],
    );
    assert_eq!(names(&d), vec!["Ann Roe"]);
}
#[test]
fn names_in_apposition_to_a_description_are_the_speakers() {
    let d = with_speakers(
        "The Democratic candidates, Ann Roe and Senator Bill Shaw, said the debate was unfair.",
        &[(
            "The Democratic candidates, Ann Roe and Senator Bill Shaw,",
            0,
        )],
    );
    assert_eq!(names(&d), vec!["Ann Roe and Bill Shaw"]);
}
#[test]
fn names_after_a_short_plural_description_coordinate() {
    let d = with_speakers(
        "Council members Ann Roe and Luis Ortega said the plan would hurt the branches.",
        &[("Council members Ann Roe and Luis Ortega", 0)],
    );
    assert_eq!(names(&d), vec!["Ann Roe and Luis Ortega"]);
}
#[test]
fn places_and_groups_before_titles_or_descriptions_leave_a_coordination_whole() {
    let d = with_speakers(
        "Maine Sen. Ann Roe and Texas Rep. Luis Ortega said the plan would hurt the branches.",
        &[("Maine Sen. Ann Roe and Texas Rep. Luis Ortega", 0)],
    );
    assert_eq!(names(&d), vec!["Ann Roe and Luis Ortega"]);
    let d = with_speakers(
        "Republican hopefuls Ann Roe and Luis Ortega said the plan would hurt the branches.",
        &[("Republican hopefuls Ann Roe and Luis Ortega", 0)],
    );
    assert_eq!(names(&d), vec!["Ann Roe and Luis Ortega"]);
    // a place that is no modifier still ends it: a person and a place are no coordination
    let d = with_speakers(
        "Ann Roe and Texas said the plan would hurt the branches.",
        &[("Ann Roe and Texas", 0)],
    );
    assert_ne!(names(&d), vec!["Ann Roe and Texas"]);
}
#[test]
fn unlike_speakers_joined_by_and_are_named_as_written() {
    let d = with_speakers(
        "Senator Ann Roe spoke first. Roe and her aides said the plan would work.",
        &[("Roe and her aides", 0)],
    );
    assert_eq!(names(&d), vec!["Roe and her aides"]);
    let d = with_speakers(
        "Ann Roe met the State Department. Roe and the State Department said it would work.",
        &[("Roe and the State Department", 0)],
    );
    assert_eq!(names(&d), vec!["Roe and the State Department"]);
    // a long name the tagger splits at "and" keeps its whole, not its last part
    let d = with_speakers(
        "The Organization for Economic Cooperation and Development said it would work.",
        &[(
            "The Organization for Economic Cooperation and Development",
            0,
        )],
    );
    assert_eq!(
        names(&d),
        vec!["The Organization for Economic Cooperation and Development"]
    );
}
