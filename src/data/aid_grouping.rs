//! Gathering the rows or team entries of an aid data set into one destination per
//! country, whichever way each row names it ("ITA", "Italy" and "380" are one country).
//! Counts are added with a ceiling, so no total can wrap around.

use std::collections::HashMap;

use crate::data::aid::{Destination, MAX_TEAMS, Team};
use crate::data::country_names;
use crate::error::{LoadError, Location};

/// One [`Destination`] per country, in the order countries first appear; rows that
/// name the same country (by code, name or alias) add up. A row that takes the total
/// past [`MAX_TEAMS`] is an error naming that row.
pub fn group_by_country(
    file: &str,
    entries: Vec<(String, Location, Team)>,
) -> Result<Vec<Destination>, LoadError> {
    let mut destinations: Vec<Destination> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut total: u32 = 0;
    for (country, location, team) in entries {
        total = total
            .checked_add(team.count)
            .filter(|&t| t <= MAX_TEAMS)
            .ok_or_else(|| {
                LoadError::at(
                    file,
                    location.clone(),
                    format!(
                        "the team counts add up to more than {MAX_TEAMS} by this entry; \
                         aidmap takes at most {MAX_TEAMS} teams in a data set"
                    ),
                )
            })?;
        let key = country_names::alpha3_of(&country)
            .unwrap_or_else(|| country_names::normalized(&country));
        if key.is_empty() {
            // "-", "?" and "..." would all be one country called "".
            return Err(LoadError::at(
                file,
                location,
                format!("the country \"{country}\" has no letters or digits"),
            ));
        }
        let index = *index_of.entry(key).or_insert_with(|| {
            destinations.push(Destination {
                country,
                location,
                teams: 0,
                details: Vec::new(),
            });
            destinations.len() - 1
        });
        let destination = &mut destinations[index];
        // Cannot overflow: every count is part of `total`, which is at most MAX_TEAMS.
        destination.teams += team.count;
        let bare = Team {
            count: team.count,
            ..Team::default()
        };
        if team != bare {
            destination.details.push(team);
        }
    }
    Ok(destinations)
}
