//! What looking places up in the gazetteer did: where each place was found (by its
//! name, another name, or as a capital), what could not be found, and the note that
//! tells the user (see `place_lookup`, which does the looking up).

use crate::data::aid::{Located, Team, Unlocated};
use crate::data::country_names::alpha3_of;
use crate::error::{Location, inline};

/// Places found by another name, named one by one in the note; the rest counted.
const NAMES_LISTED: usize = 5;

/// What looking places up did, for the data set's notes and its credit.
#[derive(Debug, Default)]
pub struct LookedUp {
    /// Places named without coordinates that could not be located.
    pub unlocated: Vec<Unlocated>,
    /// Places located by name in the gazetteer (arrivals and senders).
    pub by_name: usize,
    /// Teams whose arc starts at their donor's capital (no `from_place`).
    pub at_capitals: u32,
    /// Places found by another name GeoNames records: "Padova (Padua)".
    pub other_names: Vec<String>,
    /// `from` values that name a city, whose country is the donor: "Hangzhou (China)".
    /// Each once, sorted: a million rows may name one city.
    pub cities_as_donors: std::collections::BTreeSet<String>,
}

impl LookedUp {
    /// A note saying what was looked up, if anything was.
    pub fn note(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.by_name > 0 {
            parts.push(format!(
                "{} {} located by name among GeoNames' cities of 15,000 people or more",
                self.by_name,
                if self.by_name == 1 { "place" } else { "places" }
            ));
        }
        if self.at_capitals > 0 {
            parts.push(format!(
                "{} {} at the donor country's capital (no from_place)",
                self.at_capitals,
                if self.at_capitals == 1 {
                    "team's arc starts"
                } else {
                    "teams' arcs start"
                }
            ));
        }
        if !self.cities_as_donors.is_empty() {
            parts.push(format!(
                "from names a city, its country the donor: {}",
                listed(&self.cities_as_donors)
            ));
        }
        if !self.other_names.is_empty() {
            parts.push(format!(
                "found by another name GeoNames records for the city: {}",
                listed(&self.other_names)
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// `names` sorted, each once, the first few named and the rest counted.
fn listed<'a>(names: impl IntoIterator<Item = &'a String>) -> String {
    let named: std::collections::BTreeSet<&str> = names.into_iter().map(String::as_str).collect();
    crate::data::text::first_named(named, NAMES_LISTED)
}

/// A problem at `location`.
pub(crate) fn at_location(location: &Location, message: String) -> Unlocated {
    Unlocated {
        location: location.clone(),
        message,
    }
}

/// A place found: by its name, or as the donor's capital.
#[derive(Clone)]
pub(crate) enum Found {
    ByName(Located),
    /// By another name GeoNames records for the city, which is the second field.
    ByOtherName(Located, String),
    Capital(Located),
}

impl LookedUp {
    /// Keep what looking a place up gave: the place in `slot` (counted), or the
    /// reason it has none, at `location`, returned.
    pub(crate) fn record(
        &mut self,
        location: &Location,
        outcome: Option<Result<Found, String>>,
        slot: &mut Option<Located>,
        teams: u32,
    ) -> Option<Unlocated> {
        match outcome? {
            Ok(Found::ByName(place)) => {
                self.by_name += 1;
                *slot = Some(place);
                None
            }
            Ok(Found::ByOtherName(place, city)) => {
                self.by_name += 1;
                self.other_names.push(format!("{} ({city})", place.name));
                *slot = Some(place);
                None
            }
            Ok(Found::Capital(place)) => {
                self.at_capitals = self.at_capitals.saturating_add(teams);
                *slot = Some(place);
                None
            }
            Err(message) => Some(at_location(location, message)),
        }
    }

    /// Make the country (alpha-3 code, name) of the city a team's `from` names its
    /// donor, and the city where it was sent from.
    pub(crate) fn donor_city(
        &mut self,
        location: &Location,
        team: &mut Team,
        (code, country): (String, String),
        found: Found,
    ) -> Option<Unlocated> {
        let written = team.donor.take().unwrap_or_default();
        let written = inline(written.trim());
        self.cities_as_donors
            .insert(format!("{written} ({country})"));
        team.donor_city = Some(written);
        // The donor is kept as the country's name where that names it back, so the
        // data table and the CSV export read "China", else as its code.
        team.donor = Some(match alpha3_of(&country) {
            Some(back) if back == code => country,
            _ => code,
        });
        self.record(location, Some(Ok(found)), &mut team.origin, team.count)
    }
}
