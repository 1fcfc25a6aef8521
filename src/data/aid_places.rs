//! Where a team came from and arrived, as a data file gives it: a place name with its
//! latitude and longitude (`from_place`, `from_lat`, `from_lon`; `place`, `lat`,
//! `lon` in the CSV form, the same names in the JSON form). A place named without
//! coordinates is kept as a name here; `place_lookup` looks it up in the gazetteer.

use crate::data::aid::Located;

/// The place `name` at `lat`, `lon` (cells or fields as written, `None` when empty),
/// `prefix` naming the fields in messages ("from_" or ""). Both coordinates or
/// neither; each a finite number in range.
pub fn located(
    name: Option<&str>,
    lat: Option<&str>,
    lon: Option<&str>,
    prefix: &str,
) -> Result<Option<Located>, String> {
    let (lat, lon) = match (lat, lon) {
        (None, None) => return Ok(None),
        (Some(_), None) => return Err(format!("{prefix}lat is given without {prefix}lon")),
        (None, Some(_)) => return Err(format!("{prefix}lon is given without {prefix}lat")),
        (Some(lat), Some(lon)) => (lat, lon),
    };
    let lat = degrees(lat, &format!("{prefix}lat"), 90.0)?;
    let lon = degrees(lon, &format!("{prefix}lon"), 180.0)?;
    let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => name.to_string(),
        // Adding 0.0 makes -0.0 (and what rounds to it) print as "0.000".
        None => format!("{:.3}, {:.3}", round3(lat) + 0.0, round3(lon) + 0.0),
    };
    Ok(Some(Located { name, lon, lat }))
}

/// `degrees` rounded to three decimals, as a place's name shows it.
fn round3(degrees: f64) -> f64 {
    (degrees * 1000.0).round() / 1000.0
}

/// The names a row gives its donor and places (`from`, `place`, `from_place`), each
/// no longer than a name may be: a legend line or a label of 10,000 characters would
/// run off any picture.
pub fn names_in_bounds(names: [(&str, Option<&str>); 3]) -> Result<(), String> {
    for (field, name) in names {
        if let Some(message) = name.and_then(|n| {
            crate::data::text::too_long(
                &format!("\"{field}\""),
                n,
                crate::data::text::MAX_NAME_CHARS,
            )
        }) {
            return Err(message);
        }
    }
    Ok(())
}

/// `text` as degrees from `-limit` to `limit`.
fn degrees(text: &str, field: &str, limit: f64) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= limit)
        .ok_or_else(|| {
            format!("{field} '{text}' is not a number of degrees from -{limit} to {limit}")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_come_in_pairs_and_in_range() {
        let rome = located(Some("Rome"), Some("41.9"), Some("12.5"), "")
            .unwrap()
            .unwrap();
        assert_eq!(
            (rome.name.as_str(), rome.lat, rome.lon),
            ("Rome", 41.9, 12.5)
        );
        let unnamed = located(None, Some("-33.9"), Some("151.2"), "from_")
            .unwrap()
            .unwrap();
        assert_eq!(unnamed.name, "-33.900, 151.200");
        let equator = located(None, Some("-0.0001"), Some("-0"), "")
            .unwrap()
            .unwrap();
        assert_eq!(equator.name, "0.000, 0.000", "no minus sign on zero");
        assert_eq!(located(Some("Hangzhou"), None, None, "from_"), Ok(None));
        let err = located(None, Some("41.9"), None, "from_").unwrap_err();
        assert_eq!(err, "from_lat is given without from_lon");
        let err = located(None, Some("91"), Some("0"), "").unwrap_err();
        assert!(
            err.starts_with("lat '91' is not a number of degrees"),
            "{err}"
        );
        assert!(located(None, Some("NaN"), Some("0"), "").is_err());
        assert!(located(None, Some("0"), Some("inf"), "").is_err());
        assert!(located(None, Some("0"), Some("-180.5"), "").is_err());
    }
}
