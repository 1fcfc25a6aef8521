//! Reading aid data in aidmap's JSON form (documented in `assets/README.md`).
//! Unknown members are refused rather than ignored, so a typo such as `"member"`
//! is reported instead of silently losing a fact.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::data::aid::{AidDataset, Claim, MAX_ENTRIES, Provider, Quote, Source, Team};
use crate::data::aid_grouping::group_by_country;
use crate::data::aid_places::{located, names_in_bounds};
use crate::data::gazetteer;
use crate::data::place_lookup::{ProviderPlace, locate_by_name};
use crate::data::{date, text};
use crate::error::{Hint, LoadError, Location, Problem};

/// The value of `format` that marks an aidmap aid data file.
pub const FORMAT: &str = "aidmap-aid-data";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
    title: String,
    #[serde(default)]
    provider: Option<ProviderJson>,
    #[serde(default)]
    claim: Option<ClaimJson>,
    #[serde(default, deserialize_with = "at_most::<MAX_ENTRIES, _, _>")]
    sources: Vec<SourceJson>,
    #[serde(deserialize_with = "at_most::<MAX_ENTRIES, _, _>")]
    teams: Vec<TeamJson>,
    #[serde(default, deserialize_with = "at_most::<MAX_ENTRIES, _, _>")]
    quotes: Vec<QuoteJson>,
}

/// The most sources one team may name: far above any real report, and low enough
/// that a pop-up listing them stays small.
const SOURCES_PER_TEAM: usize = 100;

/// A JSON list of at most `N` items: an error at the first one more, before it is
/// read, so a list of millions never fills memory.
fn at_most<'de, const N: usize, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Bounded<const N: usize, T>(std::marker::PhantomData<T>);
    impl<'de, const N: usize, T: Deserialize<'de>> serde::de::Visitor<'de> for Bounded<N, T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a list of at most {N} entries")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == N {
                    return Err(serde::de::Error::custom(format!(
                        "more than {} entries in this list; aidmap reads at most that many \
                         here",
                        crate::data::gazetteer::thousands(N as u64)
                    )));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Bounded::<N, T>(std::marker::PhantomData))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderJson {
    country: String,
    #[serde(default)]
    place: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimJson {
    teams: u32,
    countries: u32,
    #[serde(deserialize_with = "date::deserialize")]
    as_of: NaiveDate,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceJson {
    id: String,
    title: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default, deserialize_with = "date::deserialize_optional")]
    date: Option<NaiveDate>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamJson {
    country: String,
    #[serde(default = "one")]
    count: u32,
    #[serde(default, deserialize_with = "date::deserialize_optional")]
    arrived: Option<NaiveDate>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    from_place: Option<String>,
    #[serde(default)]
    from_lat: Option<f64>,
    #[serde(default)]
    from_lon: Option<f64>,
    #[serde(default)]
    members: Option<u32>,
    #[serde(default)]
    members_note: Option<String>,
    #[serde(default)]
    sent_by: Option<String>,
    #[serde(default, deserialize_with = "at_most::<SOURCES_PER_TEAM, _, _>")]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteJson {
    text: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default, deserialize_with = "date::deserialize_optional")]
    date: Option<NaiveDate>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn one() -> u32 {
    1
}

/// Read an aid data set from the JSON text `bytes` of the file `file`, locating the
/// places it names without coordinates in the gazetteer.
pub fn read_aid_json(file: &str, bytes: &[u8]) -> Result<AidDataset, LoadError> {
    read(file, bytes, true)
}

/// Read an aid data set from the JSON text `bytes` of the file `file`, with only the
/// coordinates it gives (the bundled data adds its own places table).
pub fn read_as_written(file: &str, bytes: &[u8]) -> Result<AidDataset, LoadError> {
    read(file, bytes, false)
}

/// Read an aid data set, looking up places named without coordinates if `look_up`.
fn read(file: &str, bytes: &[u8], look_up: bool) -> Result<AidDataset, LoadError> {
    let whole = text::decode(file, bytes)?;
    if let Some(offset) = text::overlong_json_string(whole) {
        let (line, column) = text::line_column(whole, offset);
        return Err(LoadError::at(
            file,
            Location::LineColumn { line, column },
            format!(
                "this text is longer than aidmap takes in one field ({} characters at most)",
                text::MAX_TEXT_CHARS
            ),
        ));
    }
    let parsed: File = serde_json::from_str(whole).map_err(|err| {
        text::json_error_in(file, whole, &err).hinted_if(
            |problem| matches!(problem, Problem::UnknownField(field) if field == "type"),
            Hint::LooksLikeOutlines,
        )
    })?;
    check_header(file, &parsed)?;
    let known_sources: Vec<&str> = parsed.sources.iter().map(|s| s.id.as_str()).collect();
    let check_source = |id: &str, place: String| -> Result<(), LoadError> {
        if known_sources.contains(&id) {
            Ok(())
        } else {
            Err(LoadError::at(
                file,
                Location::Part(place),
                format!("source \"{id}\" is not among the file's \"sources\""),
            ))
        }
    };
    if let Some(claim) = &parsed.claim
        && let Some(id) = &claim.source
    {
        check_source(id, "claim".into())?;
    }
    let mut entries = team_entries(file, parsed.teams)?;
    let looked_up = match look_up {
        true => {
            let provider = ProviderPlace {
                country: parsed.provider.as_ref().map(|p| p.country.as_str()),
                place: parsed.provider.as_ref().and_then(|p| p.place.as_deref()),
            };
            locate_by_name(&mut entries, provider)?
        }
        false => Default::default(),
    };
    let notes = looked_up.note().into_iter().collect();
    let quotes = quotes_of(file, parsed.quotes, &check_source)?;
    Ok(AidDataset {
        file: file.to_string(),
        title: parsed.title,
        provider: parsed.provider.map(|p| Provider {
            country: p.country,
            place: p.place,
        }),
        claim: parsed.claim.map(|c| Claim {
            teams: c.teams,
            countries: c.countries,
            as_of: c.as_of,
            by: c.by,
            source: c.source,
        }),
        destinations: group_by_country(file, entries)?,
        quotes,
        sources: parsed.sources.into_iter().map(source_of).collect(),
        notes,
        places_credit: (looked_up.by_name > 0 || looked_up.at_capitals > 0)
            .then(|| gazetteer::CREDIT.to_string()),
        unlocated: looked_up.unlocated,
    })
}

/// The format name, version and title: known, and within bounds.
fn check_header(file: &str, parsed: &File) -> Result<(), LoadError> {
    if let Some(format) = &parsed.format
        && format != FORMAT
    {
        return Err(LoadError::new(
            file,
            format!("\"format\" is \"{format}\"; aidmap reads \"{FORMAT}\""),
        ));
    }
    if let Some(version) = parsed.version
        && version != 1
    {
        return Err(LoadError::new(
            file,
            format!(
                "version {version} of the aid data format is not known; this aidmap reads version 1"
            ),
        ));
    }
    match text::too_long("the \"title\"", &parsed.title, text::MAX_NAME_CHARS) {
        Some(message) => Err(LoadError::new(file, message)),
        None => Ok(()),
    }
}

/// Each team with its country as written and where it is in the file.
fn team_entries(
    file: &str,
    teams: Vec<TeamJson>,
) -> Result<Vec<(String, Location, Team)>, LoadError> {
    let mut entries = Vec::with_capacity(teams.len());
    for (index, team) in teams.into_iter().enumerate() {
        let place = Location::Part(format!("teams[{index}]"));
        let country = team.country.trim().to_string();
        if country.is_empty() {
            return Err(LoadError::at(file, place, "\"country\" is empty"));
        }
        if let Some(message) = text::too_long("\"country\"", &country, text::MAX_NAME_CHARS) {
            return Err(LoadError::at(file, place, message));
        }
        let located_or = |name: Option<&str>, lat: Option<f64>, lon: Option<f64>, prefix| {
            let (lat, lon) = (lat.map(|v| v.to_string()), lon.map(|v| v.to_string()));
            located(name, lat.as_deref(), lon.as_deref(), prefix)
                .map_err(|message| LoadError::at(file, place.clone(), message))
        };
        names_in_bounds([
            ("from", team.from.as_deref()),
            ("place", team.place.as_deref()),
            ("from_place", team.from_place.as_deref()),
        ])
        .map_err(|message| LoadError::at(file, place.clone(), message))?;
        let arrival_point = located_or(team.place.as_deref(), team.lat, team.lon, "")?;
        let origin = located_or(
            team.from_place.as_deref(),
            team.from_lat,
            team.from_lon,
            "from_",
        )?;
        let detail = Team {
            count: team.count,
            arrived: team.arrived,
            place: team.place,
            members: team.members,
            members_note: team.members_note,
            sent_by: team.sent_by,
            donor: team.from,
            sources: team.sources,
            quote: None,
            origin,
            arrival_point,
            from_place: team.from_place,
            donor_city: None,
        };
        entries.push((country, place, detail));
    }
    Ok(entries)
}

/// The quotes, each with some text and a known source (`check_source` says).
fn quotes_of(
    file: &str,
    quotes: Vec<QuoteJson>,
    check_source: &dyn Fn(&str, String) -> Result<(), LoadError>,
) -> Result<Vec<Quote>, LoadError> {
    let mut kept = Vec::with_capacity(quotes.len());
    for (index, quote) in quotes.into_iter().enumerate() {
        if let Some(id) = &quote.source {
            check_source(id, format!("quotes[{index}]"))?;
        }
        if quote.text.trim().is_empty() {
            return Err(LoadError::at(
                file,
                Location::Part(format!("quotes[{index}]")),
                "the quote's \"text\" is empty",
            ));
        }
        kept.push(Quote {
            text: quote.text,
            speaker: quote.speaker,
            role: quote.role,
            date: quote.date,
            outlet: quote.outlet,
            source: quote.source,
        });
    }
    Ok(kept)
}

fn source_of(s: SourceJson) -> Source {
    Source {
        id: s.id,
        title: s.title,
        outlet: s.outlet,
        date: s.date,
        note: s.note,
    }
}
