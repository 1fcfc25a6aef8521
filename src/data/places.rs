//! Where the bundled data's places are: each team's arrival city and the seat of the
//! body that sent it, with coordinates from GeoNames. The table is made by
//! `assets/build/build_places.py` from the names the data uses (never typed by hand);
//! arcs from sender to recipient are drawn from it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::LoadError;

/// A place with its coordinates.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The city's name in GeoNames ("Rome" for the data's "Rome Fiumicino").
    pub city: String,
    /// Its ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Its GeoNames id, to look it up.
    pub geonameid: u64,
}

/// The places of one data set, by the names the data uses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Places {
    /// Where the coordinates come from, for the credit.
    pub source: String,
    /// The script that made the table.
    pub built_by: String,
    /// Arrival places ("Rome Fiumicino") to the city they are in or serve.
    pub arrival_places: BTreeMap<String, Place>,
    /// Senders ("Zhejiang province") to the seat of the sending body (Hangzhou).
    pub sender_seats: BTreeMap<String, Place>,
}

impl Places {
    /// Read a places table (JSON) named `file` in messages.
    pub fn read(file: &str, bytes: &[u8]) -> Result<Places, LoadError> {
        serde_json::from_slice(bytes)
            .map_err(|err| LoadError::new(file, format!("not a places table: {err}")))
    }

    /// The city a team arrived in, by the data's name for the place.
    pub fn arrival(&self, place: &str) -> Option<&Place> {
        self.arrival_places.get(place)
    }

    /// The seat of a sender, by the data's name for it.
    pub fn seat(&self, sender: &str) -> Option<&Place> {
        self.sender_seats.get(sender)
    }
}
