//! Everything the map shows about one pair of files, prepared once: the outlines and
//! aid data, how they joined, the projected shapes, and the team-count classes. A
//! projection change re-projects; nothing here changes on pan or zoom.

use crate::data::matcher::{CountryMatch, match_country};
use crate::data::{AidDataset, Join, JoinIssue, Outlines, join};
use crate::geometry::projected::ProjectedMap;
use crate::geometry::projection::Projection;
use crate::scene::classes::TeamClasses;

/// Teams the data records that the map cannot show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotShown {
    /// The country as the data names it.
    pub country: String,
    /// Its teams.
    pub teams: u32,
    /// Why it is not on the map.
    pub reason: &'static str,
}

/// The data of one map, ready to paint and hit-test.
pub struct MapModel {
    /// The country outlines.
    pub outlines: Outlines,
    /// The aid data set.
    pub aid: AidDataset,
    /// How the data joined to the outlines.
    pub join: Join,
    /// The outlines in the current projection.
    pub projected: ProjectedMap,
    /// Shade classes of team counts.
    pub classes: TeamClasses,
    /// For each country (outline index), the destination that joined to it.
    pub destination_by_country: Vec<Option<usize>>,
    /// True when the outlines are the bundled Natural Earth ones (for the credit line).
    pub natural_earth: bool,
    /// Changes whenever the model does, so caches know to rebuild.
    pub generation: u64,
}

impl MapModel {
    /// Join, project and index `outlines` and `aid`.
    pub fn new(
        outlines: Outlines,
        aid: AidDataset,
        projection: Projection,
        natural_earth: bool,
    ) -> Self {
        let join = join(&outlines, &aid);
        let mut destination_by_country = vec![None; outlines.countries.len()];
        for (destination, matched) in join.matches.iter().enumerate() {
            if let Some(country) = matched {
                destination_by_country[*country] = Some(destination);
            }
        }
        let classes = TeamClasses::new(aid.destinations.iter().map(|d| d.teams));
        let projected = ProjectedMap::new(&outlines.countries, projection);
        MapModel {
            outlines,
            aid,
            join,
            projected,
            classes,
            destination_by_country,
            natural_earth,
            generation: next_generation(),
        }
    }

    /// Re-project for `projection` (no-op when it is the current one).
    pub fn set_projection(&mut self, projection: Projection) {
        if self.projected.projection != projection {
            self.projected = ProjectedMap::new(&self.outlines.countries, projection);
            self.generation = next_generation();
        }
    }

    /// The number of teams country `country` received (0 for none).
    pub fn teams_of(&self, country: usize) -> u32 {
        self.destination_by_country
            .get(country)
            .copied()
            .flatten()
            .map_or(0, |d| self.aid.destinations[d].teams)
    }

    /// The fill of country `country`: the highlight for its class of team count, or
    /// plain land when it received none. The screen and the SVG writer both use it.
    pub fn fill_of(&self, country: usize, style: &crate::scene::MapStyle) -> egui::Color32 {
        match self.teams_of(country) {
            0 => style.land,
            teams => style.highlight(self.classes.class_of(teams), self.classes.len()),
        }
    }

    /// Teams and countries on the map: only what joined to an outline counts.
    pub fn drawn_totals(&self) -> (u32, u32) {
        let teams = self.recipients().map(|c| self.teams_of(c)).sum();
        (teams, self.recipients().count() as u32)
    }

    /// The destinations with teams that are not on the map, and why, in data order.
    pub fn not_shown(&self) -> Vec<NotShown> {
        let mut issues = self.join.issues.iter();
        self.aid
            .destinations
            .iter()
            .zip(&self.join.matches)
            .filter(|(_, matched)| matched.is_none())
            .filter_map(|(destination, _)| {
                let issue = issues.next();
                (destination.teams > 0).then(|| NotShown {
                    country: destination.country.clone(),
                    teams: destination.teams,
                    reason: match issue {
                        Some(JoinIssue::Ambiguous { .. }) => "its name fits several countries",
                        _ => "no matching outline",
                    },
                })
            })
            .collect()
    }

    /// Indices of the countries that received at least one team.
    pub fn recipients(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.outlines.countries.len()).filter(|&c| self.teams_of(c) > 0)
    }

    /// Which country `text` (a name or code) means, by the same rules as the join:
    /// exact codes, names and aliases only, every candidate where several fit.
    pub fn find_country(&self, text: &str) -> CountryMatch {
        match_country(&self.outlines.countries, text)
    }
}

fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
