//! Gathering the rows or team entries of an aid data set into one destination per
//! country, whichever way each row names it ("ITA", "Italy" and "380" are one country).

use crate::data::aid::{Destination, Team};
use crate::data::country_names;
use crate::error::Location;

/// One [`Destination`] per country, in the order countries first appear; rows that
/// name the same country (by code, name or alias) add up.
pub fn group_by_country(entries: Vec<(String, Location, Team)>) -> Vec<Destination> {
    let mut destinations: Vec<(String, Destination)> = Vec::new();
    for (country, location, team) in entries {
        let key = country_names::alpha3_of(&country)
            .unwrap_or_else(|| country_names::normalized(&country));
        let position = destinations.iter().position(|(k, _)| *k == key);
        let index = match position {
            Some(index) => index,
            None => {
                destinations.push((
                    key,
                    Destination {
                        country,
                        location,
                        teams: 0,
                        details: Vec::new(),
                    },
                ));
                destinations.len() - 1
            }
        };
        let destination = &mut destinations[index].1;
        destination.teams += team.count;
        let bare = Team {
            count: team.count,
            ..Team::default()
        };
        if team != bare {
            destination.details.push(team);
        }
    }
    destinations.into_iter().map(|(_, d)| d).collect()
}
