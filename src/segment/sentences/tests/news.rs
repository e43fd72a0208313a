//! News shapes: datelines, credits, nicknames, names with "!", states after a city, dash attributions, hyphenated titles.

use super::*;

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
