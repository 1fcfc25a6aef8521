//! Recognising a country from what people write: "ITA", "380", "Laos", "Lao PDR",
//! "Iran (Islamic Republic of)", "Korea, Republic of". The names and codes come from the
//! celes crate (ISO 3166-1 with common aliases); this module only normalises spelling
//! and word order before asking it. It does not decide which outline a name joins to.

use celes::Country;

/// The ISO country that `text` names or codes, if celes knows it.
pub fn lookup(text: &str) -> Option<Country> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(code) = crate::data::properties::numeric_code(text) {
        return Country::from_code(&code).ok();
    }
    if text.len() <= 3 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return text.parse::<Country>().ok();
    }
    spellings(text).iter().find_map(|spelling| {
        Country::from_name(spelling)
            .or_else(|_| Country::from_alias(spelling))
            .ok()
            .or_else(|| Country::from_name(format!("the{spelling}")).ok())
    })
}

/// The ISO alpha-3 code for `text`, if it names or codes a country celes knows.
pub fn alpha3_of(text: &str) -> Option<String> {
    lookup(text).map(|country| country.alpha3.to_string())
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
