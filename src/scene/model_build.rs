//! What building a map model takes that needs no model: which destinations are
//! drawn, whether the data says where teams came from, the projected outlines at a
//! picture's detail, and the fill classes for what the fills stand for.

use crate::data::{AidDataset, Join, Outlines};
use crate::geometry::projected::ProjectedMap;
use crate::geometry::projection::Projection;
use crate::scene::classes::TeamClasses;
use crate::scene::fill_value::{FillValue, members_of};

/// For each outline, the destination joined to it, if its outline has something to
/// draw in this projection: a feature beyond Mercator's 85° has none, and teams on it
/// are not counted as drawn (they are named in the picture's note instead).
pub(crate) fn drawn_destinations(
    join: &Join,
    projected: &ProjectedMap,
    countries: usize,
) -> Vec<Option<usize>> {
    let mut by_country = vec![None; countries];
    for (destination, matched) in join.matches.iter().enumerate() {
        if let Some(country) = *matched
            && projected.countries[country].has_area()
        {
            by_country[country] = Some(destination);
        }
    }
    by_country
}

/// True when the data says where some team came from: a place with coordinates, or a
/// donor (a team's own, or the data's provider) or place that may not have been
/// located (its arc is then missing, and the picture says so rather than leaving arcs
/// out in silence).
pub fn has_origins(aid: &AidDataset) -> bool {
    aid.provider.is_some()
        || aid
            .destinations
            .iter()
            .flat_map(|d| &d.details)
            .any(|t| t.origin.is_some() || t.from_place.is_some() || t.donor.is_some())
}

/// What part of a pixel a point of an outline must move it by to be kept, in a
/// picture made for a width (see `MapModel::for_picture`).
const PIXEL_SHARE: f64 = 0.25;

/// `outlines` in `projection`, with the detail a picture `pixels_wide` pixels wide
/// shows, or all of it.
pub(crate) fn project(
    outlines: &Outlines,
    projection: Projection,
    pixels_wide: Option<f32>,
) -> ProjectedMap {
    let tolerance = pixels_wide.filter(|w| *w >= 1.0).map(|width| {
        let [x0, _, x1, _] = projection.world_bounds();
        PIXEL_SHARE * (x1 - x0).abs() / f64::from(width)
    });
    ProjectedMap::with_detail(&outlines.shapes(), projection, tolerance)
}

/// The fill classes of the whole data set `aid` for `value`: of the team counts, or
/// of the members of the recipients whose members are all reported.
pub(crate) fn classes_for(
    value: FillValue,
    aid: &AidDataset,
    destination_by_country: &[Option<usize>],
) -> TeamClasses {
    let drawn = destination_by_country.iter().flatten();
    match value {
        FillValue::Teams => TeamClasses::new(drawn.map(|&d| aid.destinations[d].teams)),
        FillValue::Members => {
            TeamClasses::new(drawn.filter_map(|&d| members_of(&aid.destinations[d])))
        }
    }
}
