//! The files aidmap ships inside its binary, so it runs from any folder.

use crate::data::aid::AidDataset;
use crate::data::aid_json::read_aid_json;
use crate::data::outline::Outlines;
use crate::data::outline_reader::read_outlines;
use crate::error::LoadError;

/// Natural Earth 1:50m admin-0 countries (GeoJSON, from world-atlas 2.0.2).
pub const OUTLINES_50M: &[u8] = include_bytes!("../../assets/countries-50m.geojson");
/// Natural Earth 1:110m admin-0 countries (GeoJSON, from world-atlas 2.0.2).
pub const OUTLINES_110M: &[u8] = include_bytes!("../../assets/countries-110m.geojson");
/// China's medical expert teams, up to 9 April 2020.
pub const AID_DATA: &[u8] = include_bytes!("../../assets/china-medical-teams-2020.json");

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

/// The bundled aid data set.
pub fn aid_data() -> Result<AidDataset, LoadError> {
    read_aid_json(AID_DATA_NAME, AID_DATA)
}
