//! Recognising a country from what people write: "ITA", "380", "Laos", "Lao PDR",
//! "Iran (Islamic Republic of)", "Korea, Republic of". The names and codes come from the
//! celes crate (ISO 3166-1 with common aliases), plus the short forms people write
//! ("UK", "U.S.", "DR Congo") and the names that stand for two countries ("Congo",
//! "Korea"), which are never resolved to one. This module normalises spelling and
//! word order; `matcher` decides which outline a name means.

use celes::Country;

/// What a text names, before any outline is consulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// One country, by its ISO alpha-3 code.
    Country(String),
    /// A name several countries go by ("Congo", "Korea"): their alpha-3 codes and
    /// the names that tell them apart.
    Ambiguous(Vec<(&'static str, &'static str)>),
    /// No country code, name or alias.
    Unknown,
}

/// Names that stand for more than one country: never resolved to one of them. Each
/// candidate has its code and the name that tells it apart.
const AMBIGUOUS: &[(&str, &[(&str, &str)])] = &[
    (
        "congo",
        &[
            ("COG", "Republic of the Congo"),
            ("COD", "Democratic Republic of the Congo"),
        ],
    ),
    (
        "thecongo",
        &[
            ("COG", "Republic of the Congo"),
            ("COD", "Democratic Republic of the Congo"),
        ],
    ),
    (
        "korea",
        &[
            ("KOR", "Republic of Korea (South Korea)"),
            ("PRK", "Democratic People's Republic of Korea (North Korea)"),
        ],
    ),
    (
        "virginislands",
        &[
            ("VGB", "British Virgin Islands"),
            ("VIR", "United States Virgin Islands"),
        ],
    ),
];

/// Names and short forms people write that the ISO tables lack, or that celes's
/// aliases get wrong (its "samoa" is American Samoa). Keys are `normalized`.
const PEOPLES_ALIASES: &[(&str, &str)] = &[
    ("uk", "GBR"),
    ("britain", "GBR"),
    ("greatbritain", "GBR"),
    ("us", "USA"),
    ("usa", "USA"),
    ("unitedstatesofamerica", "USA"),
    ("drcongo", "COD"),
    ("drc", "COD"),
    ("democraticrepubliccongo", "COD"),
    ("congodemocraticrepublic", "COD"),
    ("congokinshasa", "COD"),
    ("republiccongo", "COG"),
    ("republicofcongo", "COG"),
    ("republicofthecongo", "COG"),
    ("congorepublic", "COG"),
    ("congobrazzaville", "COG"),
    ("ivorycoast", "CIV"),
    ("burma", "MMR"),
    ("swaziland", "SWZ"),
    ("czechrepublic", "CZE"),
    ("turkiye", "TUR"),
    ("southkorea", "KOR"),
    ("northkorea", "PRK"),
    ("samoa", "WSM"),
];

/// What `text` names: one country, several, or none. Exact codes and names only:
/// never a prefix, never the closest spelling.
pub fn resolve(text: &str) -> Resolved {
    let key = normalized(text);
    if key.is_empty() {
        return Resolved::Unknown;
    }
    if let Some((_, codes)) = AMBIGUOUS.iter().find(|(name, _)| *name == key) {
        return Resolved::Ambiguous(codes.to_vec());
    }
    if let Some((_, code)) = PEOPLES_ALIASES.iter().find(|(name, _)| *name == key) {
        return Resolved::Country((*code).to_string());
    }
    match lookup(text) {
        Some(country) => Resolved::Country(country.alpha3.to_string()),
        None => Resolved::Unknown,
    }
}

/// The English name of the country with alpha-3 `code`, for messages ("United
/// Kingdom of Great Britain and Northern Ireland").
pub fn name_of(code: &str) -> String {
    let Ok(country) = Country::from_alpha3(code) else {
        return code.to_string();
    };
    // celes writes every word capitalised ("The Republic Of Korea").
    let name = country
        .long_name
        .strip_prefix("The ")
        .unwrap_or(country.long_name);
    name.split(' ')
        .enumerate()
        .map(|(i, word)| match word {
            "Of" | "The" | "And" | "Da" | "De" if i > 0 => word.to_lowercase(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ISO country that `text` names or codes, if celes knows it.
fn lookup(text: &str) -> Option<Country> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(code) = crate::data::properties::numeric_code(text) {
        return Country::from_code(&code).ok();
    }
    if text.len() <= 3 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        // "NI" and "ni" are Nicaragua's code; "Ni" and "Aus" read as the first letters
        // of a name, and a name is never matched by its first letters.
        let one_case = text.bytes().all(|b| b.is_ascii_uppercase())
            || text.bytes().all(|b| b.is_ascii_lowercase());
        return one_case.then(|| text.parse::<Country>().ok()).flatten();
    }
    spellings(text).iter().find_map(|spelling| {
        Country::from_name(spelling)
            .or_else(|_| Country::from_alias(spelling))
            .ok()
            .or_else(|| Country::from_name(format!("the{spelling}")).ok())
    })
}

/// The ISO alpha-3 code for `text`, if it names or codes exactly one country.
pub fn alpha3_of(text: &str) -> Option<String> {
    match resolve(text) {
        Resolved::Country(code) => Some(code),
        Resolved::Ambiguous(_) | Resolved::Unknown => None,
    }
}

/// A name reduced for comparison: lower case letters and digits only, with the usual
/// abbreviations written out ("Dem. Rep." → "democraticrepublic", "&" → "and").
pub fn normalized(text: &str) -> String {
    words(text).concat()
}

/// The word orders a name is tried in: as written; "X (Y of)" as "Y of X";
/// "X, Y of" as "Y of X"; each also without a leading "the".
fn spellings(text: &str) -> Vec<String> {
    let mut orders = vec![text.to_string()];
    if let Some((outer, rest)) = text.split_once('(') {
        let inner = rest.trim_end().trim_end_matches(')');
        orders.push(format!("{inner} {outer}"));
    }
    if let Some((before, after)) = text.split_once(',') {
        orders.push(format!("{after} {before}"));
    }
    let mut spellings = Vec::new();
    for order in orders {
        let words = words(&order);
        let without_the = match words.first().map(String::as_str) {
            Some("the") => Some(words[1..].concat()),
            _ => None,
        };
        spellings.push(words.concat());
        spellings.extend(without_the);
    }
    spellings
}

/// Lower-case words of `text`, with abbreviations expanded. Apostrophes join
/// ("People's" → "peoples"); every other non-alphanumeric character separates.
fn words(text: &str) -> Vec<String> {
    let lowered = text
        .to_lowercase()
        .replace(['\'', '’'], "")
        .replace('&', " and ");
    lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            match word {
                "pdr" => "peoplesdemocraticrepublic",
                "dem" => "democratic",
                "rep" => "republic",
                "st" => "saint",
                "is" => "islands",
                "fed" => "federated",
                "utd" => "united",
                other => other,
            }
            .to_string()
        })
        .map(|word| deaccent(&word))
        .collect()
}

/// Letters with accents as their plain ASCII letter ("Côte d'Ivoire", "Curaçao",
/// "São Tomé"); other characters unchanged.
fn deaccent(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spellings_users_write_for_laos_and_iran_are_recognised() {
        for text in [
            "Laos",
            "Lao PDR",
            "Lao People's Democratic Republic",
            "LAO",
            "418",
            "la",
        ] {
            assert_eq!(alpha3_of(text).as_deref(), Some("LAO"), "{text}");
        }
        for text in [
            "Iran",
            "Iran (Islamic Republic of)",
            "Islamic Republic of Iran",
            "IRN",
            "364",
        ] {
            assert_eq!(alpha3_of(text).as_deref(), Some("IRN"), "{text}");
        }
    }

    #[test]
    fn the_ten_recipients_are_recognised_by_their_common_names() {
        let names = [
            ("Pakistan", "PAK"),
            ("Italy", "ITA"),
            ("Serbia", "SRB"),
            ("Cambodia", "KHM"),
            ("Iraq", "IRQ"),
            ("Venezuela", "VEN"),
            ("Venezuela (Bolivarian Republic of)", "VEN"),
            ("Philippines", "PHL"),
            ("Myanmar", "MMR"),
            ("Korea, Republic of", "KOR"),
            ("Côte d'Ivoire", "CIV"),
        ];
        for (text, code) in names {
            assert_eq!(alpha3_of(text).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn unknown_names_are_not_guessed() {
        assert_eq!(alpha3_of("Atlantis"), None);
        assert_eq!(alpha3_of(""), None);
        assert_eq!(alpha3_of("XYZ"), None);
        assert_eq!(alpha3_of("999"), None);
    }
}
