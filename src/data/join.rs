//! Joining aid destinations to outline features, with `matcher` (the same rules as
//! Find and `--select`): by ISO code when the text names or codes a country, otherwise
//! by name against every name the outlines carry. A name that stands for several
//! countries joins none of them and is reported; nothing unmatched is guessed.

use crate::data::aid::AidDataset;
use crate::data::matcher::{CountryIndex, CountryMatch, or_list};
use crate::data::outline::{Country, Outlines};
use crate::error::{Location, inline};

/// How the destinations of a data set joined to the outlines.
#[derive(Debug, Clone, Default)]
pub struct Join {
    /// For each destination (same order as the data set), the index of its country.
    pub matches: Vec<Option<usize>>,
    /// Everything a user should look at: unmatched and ambiguous entries.
    pub issues: Vec<JoinIssue>,
    /// Destinations that joined an outline an earlier one had joined ("Bosnia and
    /// Herz." and "BIH"): (this one, the earlier one). Their teams belong together.
    pub merged: Vec<(usize, usize)>,
}

/// A destination that did not join.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinIssue {
    /// No outline matches.
    Unmatched {
        /// The country as the data names it.
        country: String,
        /// Where the data names it.
        location: Location,
        /// The country the text names, when these outlines lack it ("Singapore
        /// (SGP)"); then no other name is suggested.
        known: Option<String>,
        /// A close outline name, offered as "did you mean", only when the text names
        /// no country at all.
        suggestion: Option<String>,
    },
    /// The name stands for several countries ("Congo"); none is chosen.
    Ambiguous {
        /// The country as the data names it.
        country: String,
        /// Where the data names it.
        location: Location,
        /// The candidates, as "Name (CODE)".
        candidates: Vec<String>,
    },
}

impl JoinIssue {
    /// True for issues that leave a destination off the map (all of them: nothing
    /// is joined by a guess).
    pub fn is_unmatched(&self) -> bool {
        true
    }
}

impl std::fmt::Display for JoinIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JoinIssue::Unmatched {
                country,
                location,
                known,
                suggestion,
            } => {
                let country = inline(country);
                write!(f, "{location}: \"{country}\" matches no outline")?;
                if let Some(known) = known {
                    write!(
                        f,
                        " (it names {known}, which no outline read from these files has)"
                    )?;
                } else if let Some(name) = suggestion {
                    write!(f, " (did you mean \"{name}\"?)")?;
                }
                Ok(())
            }
            JoinIssue::Ambiguous {
                country,
                location,
                candidates,
            } => {
                let country = inline(country);
                let mut distinct: Vec<String> = Vec::new();
                for candidate in candidates {
                    if !distinct.contains(candidate) {
                        distinct.push(candidate.clone());
                    }
                }
                if let [only] = distinct.as_slice() {
                    return write!(
                        f,
                        "{location}: \"{country}\" matches {} outlines that are all {only}: \
                         the outline file has that country more than once (make its parts one \
                         feature)",
                        candidates.len()
                    );
                }
                // A file can name one country in thousands of features: the line names
                // the first few.
                let more = distinct.len().saturating_sub(MAX_CANDIDATES_SHOWN);
                distinct.truncate(MAX_CANDIDATES_SHOWN);
                if more > 0 {
                    distinct.push(format!("{more} more"));
                }
                write!(
                    f,
                    "{location}: \"{country}\" could be {}; write the one you mean",
                    or_list(&distinct)
                )
            }
        }
    }
}

/// How many of the outlines a name could mean one message lists.
const MAX_CANDIDATES_SHOWN: usize = 10;

impl Join {
    /// True when every destination found its outline.
    pub fn all_joined(&self) -> bool {
        self.matches.iter().all(Option::is_some)
    }
}

/// Join every destination of `data` to a country of `outlines`, with the same matcher
/// as Find and `--select`.
pub fn join(outlines: &Outlines, data: &AidDataset) -> Join {
    let mut result = Join::default();
    let index = CountryIndex::new(&outlines.countries);
    let mut suggestions_left = MAX_SUGGESTIONS;
    let mut first_on_outline: std::collections::HashMap<usize, usize> = Default::default();
    for (position, destination) in data.destinations.iter().enumerate() {
        let text = &destination.country;
        let matched = match index.find(text) {
            CountryMatch::One(index) => Some(index),
            CountryMatch::Several(candidates) => {
                result.issues.push(JoinIssue::Ambiguous {
                    country: text.clone(),
                    location: destination.location.clone(),
                    candidates: candidates.iter().map(ToString::to_string).collect(),
                });
                None
            }
            CountryMatch::None { known } => {
                result.issues.push(JoinIssue::Unmatched {
                    country: text.clone(),
                    location: destination.location.clone(),
                    suggestion: match known {
                        Some(_) => None,
                        None if suggestions_left > 0 => {
                            suggestions_left -= 1;
                            suggestion(&outlines.countries, text)
                        }
                        None => None,
                    },
                    known: known.map(|k| k.to_string()),
                });
                None
            }
        };
        if let Some(outline) = matched {
            let first = *first_on_outline.entry(outline).or_insert(position);
            if first != position {
                result.merged.push((position, first));
            }
        }
        result.matches.push(matched);
    }
    result
}

/// One destination per outline: entries that joined the same outline are added to the
/// first of them, so no row's teams are lost behind another's.
pub fn merge_same_outline(mut data: AidDataset, mut join: Join) -> (AidDataset, Join) {
    for &(later, first) in &join.merged {
        let (teams, details) = {
            let entry = &data.destinations[later];
            (entry.teams, entry.details.clone())
        };
        let target = &mut data.destinations[first];
        // Within MAX_TEAMS: every count is part of the data set's bounded total.
        target.teams += teams;
        target.details.extend(details);
    }
    let mut later: Vec<usize> = join.merged.iter().map(|&(l, _)| l).collect();
    later.sort_unstable();
    for &index in later.iter().rev() {
        data.destinations.remove(index);
        join.matches.remove(index);
    }
    (data, join)
}

/// What `check` says of a merge: "row 2 "BIH" joins the same outline as row 1
/// "Bosnia and Herz."; their teams are added together".
pub fn merge_message(data: &AidDataset, (later, first): (usize, usize)) -> String {
    let (a, b) = (&data.destinations[later], &data.destinations[first]);
    format!(
        "{}: \"{}\" joins the same outline as {} (\"{}\"); their teams are added together",
        a.location,
        inline(&a.country),
        b.location,
        inline(&b.country)
    )
}

/// "Did you mean" is worked out for this many unmatched entries at most: each costs a
/// comparison with every outline name.
const MAX_SUGGESTIONS: usize = 20;

/// The outline name closest to `text`, if it is close enough to be worth offering.
/// Only for texts that name no country: a name that does is never pointed elsewhere.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ambiguous(candidates: Vec<String>) -> String {
        JoinIssue::Ambiguous {
            country: "Italy".into(),
            location: Location::Row { row: 1, line: 2 },
            candidates,
        }
        .to_string()
    }

    #[test]
    fn one_country_in_many_features_is_said_so_not_listed() {
        let message = ambiguous(vec!["Italy (ITA)".to_string(); 600_000]);
        assert!(message.len() < 300, "{message}");
        assert!(
            message.contains("600000 outlines that are all Italy (ITA)"),
            "{message}"
        );
    }

    #[test]
    fn many_candidates_are_listed_up_to_ten() {
        let message = ambiguous((0..50).map(|k| format!("Place {k}")).collect());
        assert!(message.contains("Place 9 or 40 more"), "{message}");
        assert!(!message.contains("Place 10"), "{message}");
    }
}
