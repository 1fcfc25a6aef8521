//! Joining aid destinations to outline features. A destination joins by ISO code when
//! it names or codes a country celes knows, and otherwise by name against every name
//! the outlines carry. Where a code fits several features (Australia and the Ashmore
//! and Cartier Islands share 036), the one whose own name is that country wins, then
//! the largest; such a choice is reported. Nothing unmatched is guessed.

use geo::Area;

use crate::data::aid::AidDataset;
use crate::data::country_names;
use crate::data::outline::{Country, Outlines};
use crate::error::Location;

/// How the destinations of a data set joined to the outlines.
#[derive(Debug, Clone, Default)]
pub struct Join {
    /// For each destination (same order as the data set), the index of its country.
    pub matches: Vec<Option<usize>>,
    /// Everything a user should look at: unmatched and ambiguous entries.
    pub issues: Vec<JoinIssue>,
}

/// A destination that did not join cleanly.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinIssue {
    /// No outline matches; `suggestion` is the closest outline name, if any is close.
    Unmatched {
        /// The country as the data names it.
        country: String,
        /// Where the data names it.
        location: Location,
        /// A close outline name, offered as "did you mean".
        suggestion: Option<String>,
    },
    /// Several outlines match; `chosen` was taken.
    Ambiguous {
        /// The country as the data names it.
        country: String,
        /// Where the data names it.
        location: Location,
        /// The names of all the candidates.
        candidates: Vec<String>,
        /// The name of the one chosen.
        chosen: String,
    },
}

impl JoinIssue {
    /// True for issues that leave a destination off the map.
    pub fn is_unmatched(&self) -> bool {
        matches!(self, JoinIssue::Unmatched { .. })
    }
}

impl std::fmt::Display for JoinIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JoinIssue::Unmatched {
                country,
                location,
                suggestion,
            } => {
                write!(f, "{location}: \"{country}\" matches no outline")?;
                if let Some(name) = suggestion {
                    write!(f, " (did you mean \"{name}\"?)")?;
                }
                Ok(())
            }
            JoinIssue::Ambiguous {
                country,
                location,
                candidates,
                chosen,
            } => write!(
                f,
                "{location}: \"{country}\" matches {} outlines ({}); using \"{chosen}\"",
                candidates.len(),
                candidates.join(", ")
            ),
        }
    }
}

impl Join {
    /// True when every destination found its outline.
    pub fn all_joined(&self) -> bool {
        self.matches.iter().all(Option::is_some)
    }
}

/// Join every destination of `data` to a country of `outlines`.
pub fn join(outlines: &Outlines, data: &AidDataset) -> Join {
    let mut result = Join::default();
    for destination in &data.destinations {
        let candidates = candidates(&outlines.countries, &destination.country);
        let matched = match candidates.as_slice() {
            [] => {
                result.issues.push(JoinIssue::Unmatched {
                    country: destination.country.clone(),
                    location: destination.location.clone(),
                    suggestion: suggestion(&outlines.countries, &destination.country),
                });
                None
            }
            [only] => Some(*only),
            several => {
                let chosen = choose(&outlines.countries, several, &destination.country);
                if let Some(chosen) = chosen {
                    result.issues.push(JoinIssue::Ambiguous {
                        country: destination.country.clone(),
                        location: destination.location.clone(),
                        candidates: several
                            .iter()
                            .map(|&i| outlines.countries[i].name.clone())
                            .collect(),
                        chosen: outlines.countries[chosen].name.clone(),
                    });
                }
                chosen
            }
        };
        result.matches.push(matched);
    }
    result
}

/// Indices of the countries `text` could mean: by ISO code first, by name otherwise.
fn candidates(countries: &[Country], text: &str) -> Vec<usize> {
    if let Some(code) = country_names::alpha3_of(text) {
        let by_code: Vec<usize> = (0..countries.len())
            .filter(|&i| countries[i].iso_a3.as_deref() == Some(code.as_str()))
            .collect();
        if !by_code.is_empty() {
            return narrow_by_own_name(countries, by_code, &code);
        }
    }
    let wanted = country_names::normalized(text);
    (0..countries.len())
        .filter(|&i| {
            countries[i]
                .names
                .iter()
                .any(|name| country_names::normalized(name) == wanted)
        })
        .collect()
}

/// Among features sharing a code, keep those whose own name also resolves to that code
/// (Australia, not the Ashmore and Cartier Islands), when any do.
fn narrow_by_own_name(countries: &[Country], indices: Vec<usize>, code: &str) -> Vec<usize> {
    if indices.len() < 2 {
        return indices;
    }
    let named: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| {
            countries[i]
                .names
                .iter()
                .any(|name| country_names::alpha3_of(name).as_deref() == Some(code))
        })
        .collect();
    if named.is_empty() { indices } else { named }
}

/// Pick among several candidates: an exact name match, else the largest outline.
fn choose(countries: &[Country], indices: &[usize], text: &str) -> Option<usize> {
    let wanted = country_names::normalized(text);
    indices
        .iter()
        .copied()
        .find(|&i| country_names::normalized(&countries[i].name) == wanted)
        .or_else(|| {
            indices.iter().copied().max_by(|&a, &b| {
                countries[a]
                    .shape
                    .unsigned_area()
                    .total_cmp(&countries[b].shape.unsigned_area())
            })
        })
}

/// The outline name closest to `text`, if it is close enough to be worth offering.
fn suggestion(countries: &[Country], text: &str) -> Option<String> {
    let wanted = text.to_lowercase();
    countries
        .iter()
        .flat_map(|c| c.names.iter())
        .map(|name| (strsim::jaro_winkler(&wanted, &name.to_lowercase()), name))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name.clone())
}
