//! Where a team came from and arrived, as a data file gives it: a place name with its
//! latitude and longitude (`from_place`, `from_lat`, `from_lon`; `place`, `lat`,
//! `lon` in the CSV form, the same names in the JSON form). aidmap has no gazetteer
//! yet, so a place is located only by its coordinates; a named place without them is
//! kept as a name, and `aidmap check` says its arc cannot be drawn.

use crate::data::aid::{Located, Team};
use crate::error::Location;

/// Places named one by one in the note on places without coordinates.
const LISTED: usize = 5;

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
        None => format!("{lat:.3}, {lon:.3}"),
    };
    Ok(Some(Located { name, lon, lat }))
}

/// Notes naming the entries that give a place by name only: where a team came from
/// (no arc can be drawn), and, in data that draws arcs, where it arrived (its arc
/// ends inside the country instead). `aidmap check` prints them, row by row.
pub fn unlocated_notes(entries: &[(String, Location, Team)]) -> Vec<String> {
    let named = |pick: fn(&Team) -> Option<&String>, located: fn(&Team) -> bool| {
        let found: Vec<String> = entries
            .iter()
            .filter(|(_, _, team)| !located(team))
            .filter_map(|(_, at, team)| pick(team).map(|p| format!("{at} \"{p}\"")))
            .collect();
        let mut listed: Vec<String> = found.iter().take(LISTED).cloned().collect();
        if found.len() > LISTED {
            listed.push(format!("{} more", found.len() - LISTED));
        }
        listed.join(", ")
    };
    let mut notes = Vec::new();
    let origins = named(|t| t.from_place.as_ref(), |t| t.origin.is_some());
    if !origins.is_empty() {
        notes.push(format!(
            "from_place without from_lat and from_lon: {origins}; these arcs are not drawn \
             (aidmap locates a place by its coordinates; it has no gazetteer yet)"
        ));
    }
    let draws_arcs = entries.iter().any(|(_, _, team)| team.origin.is_some());
    let arrivals = named(|t| t.place.as_ref(), |t| t.arrival_point.is_some());
    if draws_arcs && !arrivals.is_empty() {
        notes.push(format!(
            "place without lat and lon: {arrivals}; these arcs end inside the country"
        ));
    }
    notes
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
