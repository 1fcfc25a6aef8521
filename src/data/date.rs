//! Dates as aid data writes them: `YYYY-MM-DD`, and only real calendar days.

use chrono::NaiveDate;

/// Parse a `YYYY-MM-DD` date, refusing impossible days (2020-02-30) and other forms
/// ("9/4/2020", "2020-4-9") with a message that says what was expected.
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let shape_ok = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(format!("'{text}' is not a date in the form YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a real date (no such day in the calendar)"))
}

/// serde helper for optional `YYYY-MM-DD` fields.
pub fn deserialize_optional<'de, D>(deserializer: D) -> Result<Option<NaiveDate>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    match text {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => parse(&text).map(Some).map_err(serde::de::Error::custom),
    }
}

/// serde helper for required `YYYY-MM-DD` fields.
pub fn deserialize<'de, D>(deserializer: D) -> Result<NaiveDate, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_and_misshapen_dates_are_refused() {
        assert!(parse("2020-04-09").is_ok());
        assert!(parse("2020-02-30").unwrap_err().contains("not a real date"));
        assert!(parse("2020-4-9").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse("9/4/2020").is_err());
    }
}
