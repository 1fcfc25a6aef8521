//! The one matcher behind Find, `--select` and the data join, on the bundled Natural
//! Earth outlines: codes, names, aliases people write, and what is never resolved
//! (prefixes, names of two countries, no letters at all).

use aidmap::data::matcher::{CountryMatch, match_country};
use aidmap::data::{bundled, join};

fn code_of(text: &str) -> Option<String> {
    let outlines = bundled::outlines().unwrap();
    match match_country(&outlines.countries, text) {
        CountryMatch::One(i) => outlines.countries[i].iso_a3.clone(),
        _ => None,
    }
}

#[test]
fn codes_names_and_aliases_find_their_country() {
    let table = [
        // Codes: alpha-3, alpha-2, numeric, in any case.
        ("ITA", "ITA"),
        ("ita", "ITA"),
        ("IT", "ITA"),
        ("380", "ITA"),
        ("GB", "GBR"),
        // Names, short and official, with accents or without.
        ("Italy", "ITA"),
        ("Lao PDR", "LAO"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("Korea, Republic of", "KOR"),
        // What people write.
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Republic of the Congo", "COG"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("Czech Republic", "CZE"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Samoa", "WSM"),
        ("American Samoa", "ASM"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
    ];
    for (text, code) in table {
        assert_eq!(code_of(text).as_deref(), Some(code), "{text}");
    }
}

#[test]
fn prefixes_and_partial_names_match_nothing() {
    let outlines = bundled::outlines().unwrap();
    for text in [
        "Ni", "Sw", "Aus", "Ukr", "Ital", "-", "", "  ", "..", "Atlantis",
    ] {
        assert!(
            matches!(
                match_country(&outlines.countries, text),
                CountryMatch::None { .. }
            ),
            "{text:?}"
        );
    }
}

#[test]
fn names_of_two_countries_list_both_and_choose_neither() {
    let outlines = bundled::outlines().unwrap();
    for (text, codes) in [
        ("Congo", ["COG", "COD"]),
        ("Korea", ["KOR", "PRK"]),
        ("Virgin Islands", ["VGB", "VIR"]),
    ] {
        let CountryMatch::Several(candidates) = match_country(&outlines.countries, text) else {
            panic!("{text} resolved to one country");
        };
        let found: Vec<_> = candidates.iter().filter_map(|c| c.code.clone()).collect();
        assert_eq!(found, codes, "{text}");
    }
}

#[test]
fn the_join_uses_the_same_matcher_and_never_suggests_another_country() {
    let outlines = bundled::outlines().unwrap();
    let csv = "country,teams\nUK,1\nDR Congo,1\nU.S.,1\nCongo,1\nAtlantis,1\n";
    let aid = aidmap::data::aid_csv::read_aid_csv("aid.csv", csv.as_bytes()).unwrap();
    let joined = join(&outlines, &aid);
    let code = |i: usize| joined.matches[i].and_then(|c| outlines.countries[c].iso_a3.clone());
    assert_eq!(code(0).as_deref(), Some("GBR"));
    assert_eq!(code(1).as_deref(), Some("COD"));
    assert_eq!(code(2).as_deref(), Some("USA"));
    assert_eq!(joined.matches[3], None, "Congo is ambiguous");
    assert_eq!(joined.matches[4], None);
    let messages: Vec<String> = joined.issues.iter().map(ToString::to_string).collect();
    assert!(
        messages[0].contains("could be") && messages[0].contains("(COG) or"),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("did you mean")),
        "{messages:?}"
    );
}
