//! The default rule files, embedded in the binary. A file added to `rules/` must be listed here.

/// (name relative to `rules/`, text) of every rule file claimex reads.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "abbreviations.txt",
        include_str!("../../rules/abbreviations.txt"),
    ),
    (
        "sentence_starters.txt",
        include_str!("../../rules/sentence_starters.txt"),
    ),
    (
        "speech_verbs.txt",
        include_str!("../../rules/speech_verbs.txt"),
    ),
    (
        "quote_marks.txt",
        include_str!("../../rules/quote_marks.txt"),
    ),
    ("cue_verbs.txt", include_str!("../../rules/cue_verbs.txt")),
    ("confidence.txt", include_str!("../../rules/confidence.txt")),
    (
        "attribution.txt",
        include_str!("../../rules/attribution.txt"),
    ),
    (
        "speaker_words.txt",
        include_str!("../../rules/speaker_words.txt"),
    ),
    ("titles.txt", include_str!("../../rules/titles.txt")),
    ("nicknames.txt", include_str!("../../rules/nicknames.txt")),
    (
        "name_suffixes.txt",
        include_str!("../../rules/name_suffixes.txt"),
    ),
    ("pronouns.txt", include_str!("../../rules/pronouns.txt")),
    (
        "description_heads.txt",
        include_str!("../../rules/description_heads.txt"),
    ),
    ("dates.txt", include_str!("../../rules/dates.txt")),
    (
        "coref_words.txt",
        include_str!("../../rules/coref_words.txt"),
    ),
    (
        "entity_words.txt",
        include_str!("../../rules/entity_words.txt"),
    ),
    (
        "timex_words.txt",
        include_str!("../../rules/timex_words.txt"),
    ),
    (
        "gazetteers/countries.txt",
        include_str!("../../rules/gazetteers/countries.txt"),
    ),
    (
        "gazetteers/cities.txt",
        include_str!("../../rules/gazetteers/cities.txt"),
    ),
    (
        "gazetteers/us_states.txt",
        include_str!("../../rules/gazetteers/us_states.txt"),
    ),
    (
        "gazetteers/places.txt",
        include_str!("../../rules/gazetteers/places.txt"),
    ),
    (
        "gazetteers/demonyms.txt",
        include_str!("../../rules/gazetteers/demonyms.txt"),
    ),
    (
        "gazetteers/organizations.txt",
        include_str!("../../rules/gazetteers/organizations.txt"),
    ),
    (
        "gazetteers/given_names.txt",
        include_str!("../../rules/gazetteers/given_names.txt"),
    ),
    (
        "gazetteers/name_heads.txt",
        include_str!("../../rules/gazetteers/name_heads.txt"),
    ),
    (
        "gazetteers/common_words.txt",
        include_str!("../../rules/gazetteers/common_words.txt"),
    ),
    (
        "gazetteers/english_words.txt",
        include_str!("../../rules/gazetteers/english_words.txt"),
    ),
];
