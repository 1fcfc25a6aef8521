//! Locating the places a data file names without coordinates, in the gazetteer: where
//! each team arrived (`place`, in the row's country) and where it was sent from
//! (`from_place`, in its donor country: the row's `from`, or the data's provider).
//! A row with a donor and no `from_place` starts at the donor's capital, and its name
//! says so. Nothing is chosen among several cities of one name, and a name is never
//! matched by its first letters: such places stay unlocated, each reported with its
//! row, for the user to settle with coordinates.

use crate::data::aid::{Located, Team, Unlocated};
use crate::data::country_names::{Resolved, alpha3_of, name_of, resolve};
use crate::data::gazetteer::{Gazetteer, Lookup};
use crate::error::{LoadError, Location, inline};

/// Places found by another name, named one by one in the note; the rest counted.
const NAMES_LISTED: usize = 5;
/// Candidates named in a message on a name several cities share.
const CANDIDATES_LISTED: usize = 4;

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
        if !self.other_names.is_empty() {
            let mut named: Vec<&str> = self.other_names.iter().map(String::as_str).collect();
            named.sort_unstable();
            named.dedup();
            let more = named.len().saturating_sub(NAMES_LISTED);
            named.truncate(NAMES_LISTED);
            let more = match more {
                0 => String::new(),
                n => format!(", {n} more"),
            };
            parts.push(format!(
                "found by another name GeoNames records for the city: {}{more}",
                named.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// The data set's provider, as its JSON form gives it: the donor (and where its teams
/// were sent from) of every team that names none of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProviderPlace<'a> {
    /// The country, as written.
    pub country: Option<&'a str>,
    /// Where its teams were sent from, as written.
    pub place: Option<&'a str>,
}

/// Locate by name every place of `entries` given without coordinates; `provider` is
/// the donor of teams whose row names none. Where the team was sent from is looked up
/// first; where it arrived only in data that says where teams came from (an arrival
/// place is used for nothing but arcs). A `from` that names no one country is reported
/// even where coordinates place the team's start. The gazetteer is read only when a
/// name needs it; each name of a country is resolved once.
pub fn locate_by_name(
    entries: &mut [(String, Location, Team)],
    provider: ProviderPlace<'_>,
) -> Result<LookedUp, LoadError> {
    let mut looked_up = LookedUp::default();
    let says_origin = |team: &Team| {
        team.origin.is_some()
            || team.donor.is_some()
            || team.from_place.is_some()
            || provider.country.is_some()
    };
    if !entries.iter().any(|(_, _, team)| says_origin(team)) {
        return Ok(looked_up);
    }
    let gazetteer = Gazetteer::bundled()?;
    let mut countries = Countries::default();
    // Each problem with its entry's index, to list them in the file's order; the
    // provider's own problem once, first.
    let mut problems: Vec<(usize, Unlocated)> = Vec::new();
    let provider_code = provider.country.and_then(|p| countries.code(p));
    if let (Some(country), None) = (provider.country, &provider_code) {
        problems.push((0, at("provider", not_a_country(country))));
    }
    for (index, (_, location, team)) in entries.iter_mut().enumerate() {
        let own_donor = team.donor.as_deref().map(|d| (d, countries.code(d)));
        if let Some((donor, None)) = own_donor {
            problems.push((index, at_location(location, not_a_country(donor))));
            continue;
        }
        if team.origin.is_some() {
            continue;
        }
        let (code, default_place) = match own_donor {
            Some((_, code)) => (code, None),
            None if provider.country.is_some() && provider_code.is_none() => continue,
            None => (provider_code.clone(), provider.place),
        };
        let from = team.from_place.as_deref().or(default_place);
        let outcome = origin_of(gazetteer, code.as_deref(), from);
        let count = team.count;
        let problem = looked_up.record(location, outcome, &mut team.origin, count);
        problems.extend(problem.map(|p| (index, p)));
    }
    for (index, (country, location, team)) in entries.iter_mut().enumerate() {
        let Some(place) = team.place.clone().filter(|_| team.arrival_point.is_none()) else {
            continue;
        };
        let outcome = match countries.code(country) {
            Some(code) => locate(gazetteer, &code, &place, "place"),
            None => Err(format!(
                "place \"{}\" cannot be looked up: \"{}\" is not a country the gazetteer \
                 knows; give its coordinates",
                inline(&place),
                inline(country)
            )),
        };
        let count = team.count;
        let problem = looked_up.record(location, Some(outcome), &mut team.arrival_point, count);
        problems.extend(problem.map(|p| (index, p)));
    }
    problems.sort_by_key(|(index, _)| *index);
    looked_up.unlocated = problems.into_iter().map(|(_, p)| p).collect();
    Ok(looked_up)
}

/// Country names resolved to ISO codes, each once (a million rows name a few dozen).
#[derive(Default)]
struct Countries(std::collections::HashMap<String, Option<String>>);

impl Countries {
    /// The alpha-3 code of the one country `text` names.
    fn code(&mut self, text: &str) -> Option<String> {
        if let Some(code) = self.0.get(text) {
            return code.clone();
        }
        let code = alpha3_of(text);
        self.0.insert(text.to_string(), code.clone());
        code
    }
}

/// A problem at the part of a file named `part` ("provider").
fn at(part: &str, message: String) -> Unlocated {
    at_location(&Location::Part(part.to_string()), message)
}

/// A problem at `location`.
fn at_location(location: &Location, message: String) -> Unlocated {
    Unlocated {
        location: location.clone(),
        message,
    }
}

/// A place found: by its name, or as the donor's capital.
enum Found {
    ByName(Located),
    /// By another name GeoNames records for the city, which is the second field.
    ByOtherName(Located, String),
    Capital(Located),
}

impl LookedUp {
    /// Keep what looking a place up gave: the place in `slot` (counted), or the
    /// reason it has none, at `location`, returned.
    fn record(
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
}

/// Where a team was sent from: `from` (its place) in its donor country `code`, or
/// that country's capital; `None` when the data names neither a donor nor a place.
fn origin_of(
    gazetteer: &Gazetteer,
    code: Option<&str>,
    from: Option<&str>,
) -> Option<Result<Found, String>> {
    let outcome = match (code, from) {
        (None, None) => return None,
        (None, Some(from)) => Err(format!(
            "from_place \"{}\" cannot be looked up without the country it is in: add a \
             \"from\" column naming it, or from_lat and from_lon",
            inline(from)
        )),
        (Some(code), Some(from)) => locate(gazetteer, code, from, "from_place"),
        (Some(code), None) => capital(gazetteer, code).map(Found::Capital).ok_or_else(|| {
            format!(
                "GeoNames names no capital for {} among its cities; give from_place, or \
                 from_lat and from_lon",
                name_of(code)
            )
        }),
    };
    Some(outcome)
}

/// Why `from` names no one country: it could be several ("Congo"), or none.
fn not_a_country(donor: &str) -> String {
    match resolve(donor) {
        Resolved::Ambiguous(candidates) => {
            let named: Vec<String> = candidates
                .iter()
                .map(|(code, name)| format!("{name} ({code})"))
                .collect();
            format!(
                "from \"{}\" could be {}; write the one you mean",
                inline(donor),
                crate::data::matcher::or_list(&named)
            )
        }
        _ => format!(
            "from \"{}\" names no country (a place goes in from_place)",
            inline(donor)
        ),
    }
}

/// The one city called `name` in the country `code`, or what is wrong, naming `field`.
fn locate(gazetteer: &Gazetteer, code: &str, name: &str, field: &str) -> Result<Found, String> {
    let quoted = inline(name);
    let at = |city: &crate::data::gazetteer::City| Located {
        name: name.trim().to_string(),
        lon: city.lon,
        lat: city.lat,
    };
    match gazetteer.find(code, name) {
        Lookup::One(city) => Ok(Found::ByName(at(city))),
        Lookup::OtherName(city) => Ok(Found::ByOtherName(at(city), city.name.clone())),
        Lookup::Several(cities) => {
            let mut named: Vec<String> = cities
                .iter()
                .take(CANDIDATES_LISTED)
                .map(|c| c.described())
                .collect();
            if cities.len() > CANDIDATES_LISTED {
                named.push(format!("{} more", cities.len() - CANDIDATES_LISTED));
            }
            Err(format!(
                "{field} \"{quoted}\" could be {} cities in {}: {}; give the coordinates \
                 of the one you mean",
                cities.len(),
                name_of(code),
                named.join("; ")
            ))
        }
        Lookup::None => Err(format!(
            "{field} \"{quoted}\" is not among GeoNames' cities of 15,000 people or more \
             in {} (by their names or the other names GeoNames records); check its \
             spelling, or give its coordinates",
            name_of(code)
        )),
        Lookup::UnknownCountry => Err(format!(
            "{field} \"{quoted}\": the gazetteer has no cities for {}; give its coordinates",
            name_of(code)
        )),
    }
}

/// The capital of the country `code`, named as such ("Havana, capital of Cuba").
fn capital(gazetteer: &Gazetteer, code: &str) -> Option<Located> {
    let city = gazetteer.capital(code)?;
    Some(Located {
        name: format!("{}, capital of {}", city.name, short_name(code)),
        lon: city.lon,
        lat: city.lat,
    })
}

/// A country's name short enough for an arc's label: the ISO name without a
/// bracketed part ("Venezuela (Bolivarian Republic of)" is "Venezuela").
pub fn short_name(code: &str) -> String {
    let name = name_of(code);
    match name.split_once(" (") {
        Some((short, _)) => short.to_string(),
        None => name,
    }
}
