//! Locating the places a data file names without coordinates, in the gazetteer: where
//! each team arrived (`place`, in the row's country) and where it was sent from
//! (`from_place`, in its donor country: the row's `from`, or the data's provider).
//! A row with a donor and no `from_place` starts at the donor's capital, and its name
//! says so. A `from` that names no country may name a city (its country is then the
//! donor), and a `from_place` without a donor is looked up in every country: there
//! only a name that one city in the world has will do. Nothing is chosen among
//! several cities of one name, and a name is never matched by its first letters:
//! such places stay unlocated, each reported with its row, for the user to settle
//! with coordinates.

use crate::data::aid::{Located, Team, Unlocated};
use crate::data::country_names::{Resolved, alpha3_of, name_of, resolve};
use crate::data::gazetteer::{Gazetteer, Lookup};
pub use crate::data::looked_up::LookedUp;
use crate::data::looked_up::{Found, at_location};
use crate::error::{LoadError, Location, inline};

/// Candidates named in a message on a name several cities share.
const CANDIDATES_LISTED: usize = 4;

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
    let mut cities = DonorCities::default();
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
            let start = (team.from_place.as_deref(), team.origin.is_some());
            let problem = match city_as_donor(&mut cities, gazetteer, donor, start) {
                Ok((code, found)) => {
                    let country = (code.clone(), short_name(gazetteer, &code));
                    looked_up.donor_city(location, team, country, found)
                }
                Err(NotDonor::TwoStarts(message)) => {
                    // Neither start is drawn: which one the data means is not known.
                    team.origin = None;
                    Some(at_location(location, message))
                }
                Err(NotDonor::Other(message)) => Some(at_location(location, message)),
            };
            problems.extend(problem.map(|p| (index, p)));
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

/// A `from` that names no country may name a city: the one city of that name among
/// GeoNames' (in any country) is where the team was sent from, and its country
/// (alpha-3 code) the donor. Several cities of the name, none, or a `from_place` or
/// coordinates beside it (`start`: two places for one start) are reported.
fn city_as_donor(
    cities: &mut DonorCities,
    gazetteer: &Gazetteer,
    donor: &str,
    (from_place, coordinates): (Option<&str>, bool),
) -> Result<(String, Found), NotDonor> {
    let found = cities.named(gazetteer, donor).map_err(NotDonor::Other)?;
    let quoted = inline(donor);
    let other_start = match from_place {
        Some(place) => Some(format!("from_place \"{}\" gives", inline(place))),
        None => coordinates.then(|| "from_lat and from_lon give".to_string()),
    };
    match other_start {
        Some(other) => Err(NotDonor::TwoStarts(format!(
            "from \"{quoted}\" is a city in {}, and {other} another place to start \
             from: write the donor country in from; no arc is drawn",
            short_name(gazetteer, &found.0),
        ))),
        None => Ok(found),
    }
}

/// The cities `from`s that name no country name, each spelling looked up once (a
/// million rows may name one city). Only cities found are kept: a problem is said
/// for every row anyway, and a million different wrong names must not be kept twice.
#[derive(Default)]
struct DonorCities(std::collections::HashMap<String, (String, Found)>);

impl DonorCities {
    /// The one city `donor` names (with its country's alpha-3 code), or why none.
    fn named(&mut self, gazetteer: &Gazetteer, donor: &str) -> Result<(String, Found), String> {
        if let Some(found) = self.0.get(donor) {
            return Ok(found.clone());
        }
        if matches!(resolve(donor), Resolved::Ambiguous(_)) {
            return Err(not_a_country(donor));
        }
        let quoted = inline(donor);
        let found = locate_anywhere(gazetteer, donor).map_err(|why| match why {
            NotFound::NoCity => format!(
                "from \"{quoted}\" names no country, nor a city of 15,000 people or more \
                 among GeoNames' (a place goes in from_place, its country in from)"
            ),
            NotFound::Several(candidates) => format!(
                "from \"{quoted}\" names no country, and {candidates}; write the donor \
                 country in from and the city in from_place"
            ),
        })?;
        self.0.insert(donor.to_string(), found.clone());
        Ok(found)
    }
}

/// Why a `from` that names no country is no donor either, and what is said.
enum NotDonor {
    /// It names a city, and the row gives another start too (`from_place` or
    /// coordinates): neither is drawn.
    TwoStarts(String),
    /// No one city, or a name several countries share.
    Other(String),
}

/// Why a name is no one city among GeoNames' anywhere.
enum NotFound {
    /// No city of 15,000 people or more has it.
    NoCity,
    /// "2 cities are known by that name: Paris (…) in France; Paris (…) in United States…".
    Several(String),
}

/// The one city called `name` in any country, with its country's alpha-3 code: for
/// a row that names a place but not the country it is in. A name is never matched
/// by its first letters, and several cities of one name are never chosen among.
fn locate_anywhere(gazetteer: &Gazetteer, name: &str) -> Result<(String, Found), NotFound> {
    let in_country = |city: &crate::data::gazetteer::City| {
        let code = gazetteer.alpha3_of(city).ok_or(NotFound::NoCity)?;
        let place = Located {
            name: name.trim().to_string(),
            lon: city.lon,
            lat: city.lat,
        };
        Ok((code.to_string(), place))
    };
    match gazetteer.find_anywhere(name) {
        Lookup::One(city) => in_country(city).map(|(c, p)| (c, Found::ByName(p))),
        Lookup::OtherName(city) => {
            in_country(city).map(|(c, p)| (c, Found::ByOtherName(p, city.name.clone())))
        }
        Lookup::Several(cities) => Err(NotFound::Several(several_cities(gazetteer, &cities))),
        Lookup::None | Lookup::UnknownCountry => Err(NotFound::NoCity),
    }
}

/// "2 cities are known by that name: Paris (…) in France; Paris (…) in United States of
/// America": the first few candidates with their countries, the rest counted.
fn several_cities(gazetteer: &Gazetteer, cities: &[&crate::data::gazetteer::City]) -> String {
    let mut named: Vec<String> = cities
        .iter()
        .take(CANDIDATES_LISTED)
        .map(|city| {
            let country = gazetteer.alpha3_of(city).map(|c| short_name(gazetteer, c));
            format!("{} in {}", city.described(), country.unwrap_or_default())
        })
        .collect();
    if cities.len() > CANDIDATES_LISTED {
        named.push(format!("{} more", cities.len() - CANDIDATES_LISTED));
    }
    format!(
        "{} cities are known by that name: {}",
        cities.len(),
        named.join("; ")
    )
}

/// Where a team was sent from: `from` (its place) in its donor country `code` (in
/// any country, where the data names no donor: one city of that name or none), or
/// that country's capital; `None` when the data names neither a donor nor a place.
fn origin_of(
    gazetteer: &Gazetteer,
    code: Option<&str>,
    from: Option<&str>,
) -> Option<Result<Found, String>> {
    let outcome = match (code, from) {
        (None, None) => return None,
        (None, Some(from)) => {
            let quoted = inline(from);
            locate_anywhere(gazetteer, from)
                .map(|(_, found)| found)
                .map_err(|why| match why {
                    NotFound::NoCity => format!(
                        "from_place \"{quoted}\" is not among GeoNames' cities of 15,000 \
                         people or more in any country; check its spelling, or give \
                         from_lat and from_lon"
                    ),
                    NotFound::Several(candidates) => format!(
                        "from_place \"{quoted}\": {candidates}; write the country it is \
                         in as from, or give from_lat and from_lon"
                    ),
                })
        }
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
        name: format!("{}, capital of {}", city.name, short_name(gazetteer, code)),
        lon: city.lon,
        lat: city.lat,
    })
}

/// A country's name short enough for an arc's label or a note: GeoNames' ("Ivory
/// Coast", "Venezuela"), else the ISO name without a bracketed part.
fn short_name(gazetteer: &Gazetteer, code: &str) -> String {
    if let Some(name) = gazetteer.country_name(code) {
        return name.to_string();
    }
    let name = name_of(code);
    match name.split_once(" (") {
        Some((short, _)) => short.to_string(),
        None => name,
    }
}
