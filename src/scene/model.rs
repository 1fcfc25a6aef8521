//! Everything the map shows about one pair of files, prepared once: the outlines and
//! aid data, how they joined, the projected shapes, and the team-count classes. A
//! projection change re-projects; nothing here changes on pan or zoom.

use crate::data::{AidDataset, Join, Outlines, join};
use crate::geometry::projected::ProjectedMap;
use crate::geometry::projection::Projection;
use crate::scene::classes::TeamClasses;

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

    /// Indices of the countries that received at least one team.
    pub fn recipients(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.outlines.countries.len()).filter(|&c| self.teams_of(c) > 0)
    }

    /// The country with this name or code (any spelling the join understands).
    pub fn find_country(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let wanted = crate::data::country_names::normalized(text);
        let code = crate::data::country_names::alpha3_of(text);
        let countries = &self.outlines.countries;
        (0..countries.len())
            .find(|&i| code.is_some() && countries[i].iso_a3 == code)
            .or_else(|| {
                (0..countries.len()).find(|&i| {
                    countries[i]
                        .names
                        .iter()
                        .any(|n| crate::data::country_names::normalized(n) == wanted)
                })
            })
            .or_else(|| {
                (0..countries.len()).find(|&i| {
                    crate::data::country_names::normalized(&countries[i].name).starts_with(&wanted)
                })
            })
    }
}

fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
