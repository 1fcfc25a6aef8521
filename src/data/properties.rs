//! Reading join keys out of a feature's properties. Outline files name the same thing
//! in many ways (`ISO_A3`, `iso_a3`, `a3`, `ADM0_A3`, ...) and mark a missing value as
//! `-99` or an empty string; this module hides that. It knows nothing of countries.

use serde_json::{Map, Value};

/// Property names that hold an ISO 3166-1 alpha-3 code, in order of preference.
/// `ADM0_A3` comes last: Natural Earth fills it for every feature, also where no ISO
/// code exists (`KOS` for Kosovo), while `ISO_A3` is `-99` for France and Norway.
pub const ALPHA3_KEYS: &[&str] = &["ISO_A3", "ISO_A3_EH", "iso_a3", "a3", "ADM0_A3"];
/// Property names that hold an ISO 3166-1 numeric code.
pub const NUMERIC_KEYS: &[&str] = &["ISO_N3"];
/// Property names that hold an English name, the preferred one for display first.
pub const NAME_KEYS: &[&str] = &["NAME", "name", "NAME_LONG", "ADMIN"];

/// The first usable value among `keys` (compared in any letter case), as text.
pub fn first_value(properties: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| value_of(properties, key))
}

/// Every distinct usable value among `keys`, in their order.
pub fn all_values(properties: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for key in keys {
        for (name, value) in properties {
            if name.eq_ignore_ascii_case(key)
                && let Some(text) = usable_text(value)
                && !values.contains(&text)
            {
                values.push(text);
            }
        }
    }
    values
}

fn value_of(properties: &Map<String, Value>, key: &str) -> Option<String> {
    properties
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(key))
        .find_map(|(_, value)| usable_text(value))
}

/// A property value as trimmed text, or `None` for null, empty and `-99`.
pub fn usable_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number.to_string(),
        _ => return None,
    };
    if text.is_empty() || text == "-99" || text == "-099" {
        None
    } else {
        Some(text)
    }
}

/// An ISO numeric code in its three-digit form ("4" and "004" are both "004"), or
/// `None` when `text` is not a whole number from 1 to 999.
pub fn numeric_code(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_suffix(".0").unwrap_or(text);
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u16 = text.parse().ok()?;
    (value > 0).then(|| format!("{value:03}"))
}

/// An alpha-3 code in upper case, or `None` when `text` is not three ASCII letters.
pub fn alpha3_code(text: &str) -> Option<String> {
    let text = text.trim();
    (text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| text.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn props(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn keys_are_found_in_any_letter_case_and_minus_99_is_missing() {
        let p = props(json!({"iso_a3": "-99", "Iso_A3_Eh": "FRA", "NAME": "France"}));
        assert_eq!(first_value(&p, ALPHA3_KEYS).as_deref(), Some("FRA"));
        assert_eq!(first_value(&p, NAME_KEYS).as_deref(), Some("France"));
        let p = props(json!({"ISO_N3": -99, "a3": ""}));
        assert_eq!(first_value(&p, NUMERIC_KEYS), None);
        assert_eq!(first_value(&p, ALPHA3_KEYS), None);
    }

    #[test]
    fn numeric_codes_are_padded_to_three_digits() {
        assert_eq!(numeric_code("4").as_deref(), Some("004"));
        assert_eq!(numeric_code("380").as_deref(), Some("380"));
        assert_eq!(numeric_code("380.0").as_deref(), Some("380"));
        assert_eq!(numeric_code("ITA"), None);
        assert_eq!(numeric_code("0"), None);
        assert_eq!(numeric_code("1000"), None);
    }
}
