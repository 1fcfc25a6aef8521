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
                listed(&self.cities_as_donors.iter().cloned().collect::<Vec<_>>())
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
fn listed(names: &[String]) -> String {
    let mut named: Vec<&str> = names.iter().map(String::as_str).collect();
    named.sort_unstable();
    named.dedup();
    let more = named.len().saturating_sub(NAMES_LISTED);
    named.truncate(NAMES_LISTED);
    match more {
        0 => named.join(", "),
        n => format!("{}, {n} more", named.join(", ")),
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
            let start = (team.from_place.as_deref(), team.origin.is_some());
            let problem = match city_as_donor(gazetteer, donor, start) {
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

impl LookedUp {
    /// Make the country (alpha-3 code, name) of the city a team's `from` names its
    /// donor, and the city where it was sent from.
    fn donor_city(
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

/// A `from` that names no country may name a city: the one city of that name among
/// GeoNames' (in any country) is where the team was sent from, and its country
/// (alpha-3 code) the donor. Several cities of the name, none, or a `from_place` or
/// coordinates beside it (`start`: two places for one start) are reported.
fn city_as_donor(
    gazetteer: &Gazetteer,
    donor: &str,
    (from_place, coordinates): (Option<&str>, bool),
) -> Result<(String, Found), NotDonor> {
    if matches!(resolve(donor), Resolved::Ambiguous(_)) {
        return Err(NotDonor::Other(not_a_country(donor)));
    }
    let quoted = inline(donor);
    let found = locate_anywhere(gazetteer, donor).map_err(|why| match why {
        NotFound::NoCity => NotDonor::Other(format!(
            "from \"{quoted}\" names no country, nor a city of 15,000 people or more \
             among GeoNames' (a place goes in from_place, its country in from)"
        )),
        NotFound::Several(candidates) => NotDonor::Other(format!(
            "from \"{quoted}\" names no country, and {candidates}; write the donor country \
             in from and the city in from_place"
        )),
    })?;
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
