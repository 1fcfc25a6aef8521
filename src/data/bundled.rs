//! The files aidmap ships inside its binary, so it runs from any folder.

use crate::data::aid::{AidDataset, Located};
use crate::data::aid_json::read_as_written;
use crate::data::outline::Outlines;
use crate::data::outline_reader::read_outlines;
use crate::error::LoadError;

/// Natural Earth 1:50m admin-0 countries (GeoJSON, from world-atlas 2.0.2).
pub const OUTLINES_50M: &[u8] = include_bytes!("../../assets/countries-50m.geojson");
/// Natural Earth 1:110m admin-0 countries (GeoJSON, from world-atlas 2.0.2).
pub const OUTLINES_110M: &[u8] = include_bytes!("../../assets/countries-110m.geojson");
/// China's medical expert teams, up to 9 April 2020.
pub const AID_DATA: &[u8] = include_bytes!("../../assets/china-medical-teams-2020.json");

/// Where the bundled data's places are (GeoNames, by `assets/build/build_places.py`).
pub const PLACES: &[u8] = include_bytes!("../../assets/places-2020.json");

/// The name messages use for the bundled 1:50m outlines.
pub const OUTLINES_50M_NAME: &str = "bundled countries-50m.geojson";
/// The name messages use for the bundled 1:110m outlines.
pub const OUTLINES_110M_NAME: &str = "bundled countries-110m.geojson";
/// The name messages use for the bundled aid data.
pub const AID_DATA_NAME: &str = "bundled china-medical-teams-2020.json";

/// The default outlines: Natural Earth 1:50m.
pub fn outlines() -> Result<Outlines, LoadError> {
    read_outlines(OUTLINES_50M_NAME, OUTLINES_50M, None)
}

/// The coarser 1:110m outlines.
pub fn outlines_110m() -> Result<Outlines, LoadError> {
    read_outlines(OUTLINES_110M_NAME, OUTLINES_110M, None)
}

/// The bundled aid data set, each team with the coordinates of where it came from
/// and where it arrived (from the bundled places table).
pub fn aid_data() -> Result<AidDataset, LoadError> {
    let mut aid = read_as_written(AID_DATA_NAME, AID_DATA)?;
    let places = places()?;
    let located = |place: &crate::data::places::Place| Located {
        name: place.city.clone(),
        lon: place.lon,
        lat: place.lat,
    };
    aid.places_credit = Some("GeoNames".to_string());
    for team in aid.destinations.iter_mut().flat_map(|d| &mut d.details) {
        team.origin = team
            .sent_by
            .as_deref()
            .and_then(|s| places.seat(s))
            .map(located);
        team.arrival_point = team
            .place
            .as_deref()
            .and_then(|p| places.arrival(p))
            .map(located);
    }
    Ok(aid)
}

/// The coordinates of the bundled data's places.
pub fn places() -> Result<crate::data::places::Places, LoadError> {
    crate::data::places::Places::read("bundled places-2020.json", PLACES)
}

/// What the window opens on.
#[derive(Debug)]
pub struct Startup {
    /// The user's outlines, or the bundled ones.
    pub outlines: Outlines,
    /// The user's aid data, or the bundled set.
    pub aid: AidDataset,
    /// True when the outlines are the bundled Natural Earth ones.
    pub natural_earth: bool,
    /// Why a file named on the command line was not used.
    pub errors: Vec<String>,
}

/// The named files, or for each one that fails to load the bundled one, with the
/// error kept to show in the window: a bad `--data` never stops the window opening,
/// as a failed File → Open never loses the map.
pub fn load_or_bundled(
    countries: Option<&std::path::Path>,
    data: Option<&std::path::Path>,
    object: Option<&str>,
    limits: crate::data::Limits,
) -> Result<Startup, LoadError> {
    let mut errors = Vec::new();
    let own_outlines = countries.and_then(|path| {
        crate::data::load_outlines_within(path, object, limits)
            .map_err(|err| errors.push(err.to_string()))
            .ok()
    });
    let own_aid = data.and_then(|path| {
        crate::data::load_aid_within(path, limits.max_file_bytes)
            .map_err(|err| errors.push(err.to_string()))
            .ok()
    });
    let natural_earth = own_outlines.is_none();
    Ok(Startup {
        outlines: match own_outlines {
            Some(outlines) => outlines,
            None => outlines()?,
        },
        aid: match own_aid {
            Some(aid) => aid,
            None => aid_data()?,
        },
        natural_earth,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_data_file_at_start_up_falls_back_to_the_bundled_data_and_says_why() {
        let dir = std::env::temp_dir().join(format!("aidmap-startup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.csv");
        std::fs::write(&bad, "land,teams\nItaly,1\n").unwrap();
        let startup = load_or_bundled(None, Some(&bad), None, Default::default()).unwrap();
        assert_eq!(startup.aid.summary(), "12 teams in 10 countries");
        assert!(startup.natural_earth);
        assert_eq!(startup.errors.len(), 1);
        assert!(
            startup.errors[0].contains("bad.csv"),
            "{:?}",
            startup.errors
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
