//! Which teams get an arc, from where to where: one per team (or group of teams from
//! a CSV row) whose sender's place is known, from that place to where the team arrived.
//! An arc means "sent from here to there"; it is not a flight path. Where the arrival
//! place is not given, the arc ends inside the recipient country and its name says so
//! ("Venezuela (place not reported)"); an arrival point outside its country is not
//! drawn, and the picture says so. Drawing them is `flows`'s job.

use std::collections::{BTreeMap, BTreeSet};

use geo::{Contains, Distance, Euclidean, InteriorPoint};

use crate::data::{AidDataset, Outlines};
use crate::geometry::great_circle::angle_between;
use crate::scene::donors::Donors;

/// What an arc's width stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FlowWidth {
    /// The teams it stands for (the default).
    #[default]
    Teams,
    /// The people in them; an arc whose members are not reported is drawn dashed at
    /// the thinnest width, never guessed.
    Members,
}

impl FlowWidth {
    /// Its name on the command line and in the settings (`--flow-width members`).
    pub fn name(self) -> &'static str {
        match self {
            FlowWidth::Teams => "teams",
            FlowWidth::Members => "members",
        }
    }

    /// The choice called `name`.
    pub fn named(name: &str) -> Option<FlowWidth> {
        [FlowWidth::Teams, FlowWidth::Members]
            .into_iter()
            .find(|w| w.name() == name)
    }
}

/// One arc.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flow {
    /// The recipient (outline index).
    pub country: usize,
    /// Where it came from ("Hangzhou").
    pub from: String,
    /// That place's `[lon, lat]`.
    pub origin: [f64; 2],
    /// Where it arrived ("Milan").
    pub to: String,
    /// That place's `[lon, lat]`.
    pub target: [f64; 2],
    /// Teams the arc stands for.
    pub teams: u32,
    /// Its donor (an index into the model's [`Donors`]), where the data names one.
    pub donor: Option<usize>,
    /// Who sent it ("Zhejiang province"), for the arc's hover text.
    pub sent_by: Option<String>,
    /// When it arrived, where known.
    pub arrived: Option<chrono::NaiveDate>,
    /// Its members, where reported.
    pub members: Option<u32>,
    /// What the reports say of its members where no number can be given.
    pub members_note: Option<String>,
    /// Entries of the data (rows, teams of the JSON form) on this route: more than one
    /// where a route's entries were merged into one arc.
    pub entries: u32,
}

/// The arcs of a model as it stands (its day), and the teams that have none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flows {
    /// The arcs to draw.
    pub arcs: Vec<Flow>,
    /// Teams on the map whose sender's place is not known: no arc.
    pub without_origin: u32,
    /// The recipients of those teams, each once, by name: "Italy".
    pub without_origin_to: Vec<String>,
    /// Arrival points that lie outside their recipient's outline (lat and lon
    /// swapped, a typo): "Crema (Italy)". Not drawn: the arc would end in another
    /// country.
    pub outside: Vec<String>,
    /// Arcs that end inside their country because the place the data names could not
    /// be located: "Spain (Barcelonna)".
    pub unlocated_ends: Vec<String>,
    /// Arcs that start where they end (a sender in the city it sent to): no line
    /// to draw, said instead: "Bergamo (Italy)".
    pub same_place: Vec<String>,
    /// Teams to a country with no point inside its outline to end at (a degenerate
    /// outline): "Italy".
    pub no_end: Vec<String>,
    /// The cities the data gave as donors (a `from` that named a city), by donor
    /// index, for the teams on the map: the picture says whose country was read from
    /// a city. Kept here, worked out with the arcs, not every frame.
    pub donor_cities: BTreeMap<usize, BTreeSet<String>>,
    /// Arcs beyond [`MAX_ARCS`] (those with the fewest teams), not drawn: the picture
    /// says how many.
    pub beyond_limit: usize,
}

/// The most arcs a picture draws: far more than a map can show apart, and few enough
/// that a file of a million rows draws in bounded time and memory. Routes are merged
/// first; beyond this, the arcs with the fewest teams are left out, and said to be.
pub const MAX_ARCS: usize = 2_000;

/// How far outside its country's outline an arrival point may lie, in degrees (about
/// 5 km: Natural Earth smooths coasts by a few kilometres; see assets/README.md).
const COASTLINE_SLACK: f64 = 0.05;

/// Places closer than this (degrees of a great circle; about 1 km) are one place: an
/// arc between them would be a dot at any zoom the map has.
const SAME_PLACE_DEGREES: f64 = 0.01;

/// The arcs of `aid` (as it stands on the day shown): teams with a known sender place,
/// to recipients on the map (`destination_by_country`: each outline's destination),
/// each with its donor among `donors`.
pub fn arcs_of(
    aid: &AidDataset,
    outlines: &Outlines,
    destination_by_country: &[Option<usize>],
    donors: &Donors,
) -> Flows {
    let mut flows = Flows::default();
    for (country, destination) in destination_by_country.iter().enumerate() {
        let Some(destination) = destination.map(|d| &aid.destinations[d]) else {
            continue;
        };
        let outline = &outlines.countries[country];
        // Teams the data says nothing of but their country (kept as a count only)
        // have no sender place either.
        let detailed = destination.details.iter().map(|t| t.count).sum::<u32>();
        let bare = destination.teams.saturating_sub(detailed);
        let no_origin = bare
            + destination
                .details
                .iter()
                .filter(|t| t.origin.is_none())
                .map(|t| t.count)
                .sum::<u32>();
        if no_origin > 0 {
            flows.without_origin = flows.without_origin.saturating_add(no_origin);
            flows.without_origin_to.push(outline.name.clone());
        }
        let mut interior: Option<Option<geo::Point<f64>>> = None;
        for team in destination.details.iter().filter(|t| t.count > 0) {
            if let (Some(city), Some(donor)) = (&team.donor_city, donors.index_of(aid, team)) {
                let cities = flows.donor_cities.entry(donor).or_default();
                cities.insert(city.clone());
            }
            let Some(origin) = &team.origin else {
                continue;
            };
            let (to, target) = match &team.arrival_point {
                Some(point) if inside(&outline.shape, [point.lon, point.lat]) => {
                    (point.name.clone(), [point.lon, point.lat])
                }
                Some(point) => {
                    flows
                        .outside
                        .push(format!("{} ({})", point.name, outline.name));
                    continue;
                }
                None => {
                    // Worked out once a country: a large outline takes a while.
                    let inside = *interior.get_or_insert_with(|| outline.shape.interior_point());
                    let Some(inside) = inside else {
                        flows.no_end.push(outline.name.clone());
                        continue;
                    };
                    // Invisible characters shown as escapes: "Ro\u{200b}me" is why
                    // the place was not found.
                    let name = match team.place.as_deref().map(crate::error::inline) {
                        Some(place) => {
                            flows
                                .unlocated_ends
                                .push(format!("{} ({place})", outline.name));
                            format!("{} ({place} not located)", outline.name)
                        }
                        None => format!("{} (place not reported)", outline.name),
                    };
                    (name, [inside.x(), inside.y()])
                }
            };
            if angle_between([origin.lon, origin.lat], target) < SAME_PLACE_DEGREES {
                // Named by where it arrived: "Milan", even where it was sent from
                // "Milano".
                let arrived = team.arrival_point.as_ref().unwrap_or(origin);
                flows
                    .same_place
                    .push(format!("{} ({})", arrived.name, outline.name));
                continue;
            }
            flows.arcs.push(Flow {
                country,
                from: origin.name.clone(),
                origin: [origin.lon, origin.lat],
                to,
                target,
                teams: team.count,
                donor: donors.index_of(aid, team),
                sent_by: team.sent_by.clone(),
                arrived: team.arrived,
                members: team.members,
                members_note: team.members_note.clone(),
                entries: 1,
            });
        }
    }
    flows.without_origin_to.sort_unstable();
    flows.arcs = merged_routes(std::mem::take(&mut flows.arcs));
    flows.beyond_limit = keep_the_largest(&mut flows.arcs, MAX_ARCS);
    flows
}

/// One arc per route: teams from one place to one place of one donor, over several
/// rows, make one arc as wide as their sum (four rows of one team each are drawn as a
/// row of four teams would be). What the teams do not share (their dates, senders,
/// members) is left unsaid on the merged arc rather than taken from one of them.
fn merged_routes(arcs: Vec<Flow>) -> Vec<Flow> {
    let mut merged: Vec<Flow> = Vec::with_capacity(arcs.len());
    let mut route_of: std::collections::HashMap<_, usize> = Default::default();
    for arc in arcs {
        let key = (
            arc.country,
            arc.origin.map(f64::to_bits),
            arc.target.map(f64::to_bits),
            arc.donor,
        );
        let Some(&index) = route_of.get(&key) else {
            route_of.insert(key, merged.len());
            merged.push(arc);
            continue;
        };
        let route = &mut merged[index];
        route.teams = route.teams.saturating_add(arc.teams);
        route.entries = route.entries.saturating_add(1);
        route.members = match (route.members, arc.members) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        if route.members_note != arc.members_note {
            route.members_note = None;
        }
        if route.sent_by != arc.sent_by {
            route.sent_by = None;
        }
        if route.arrived != arc.arrived {
            route.arrived = None;
        }
    }
    merged
}

/// Keep the `limit` arcs with the most teams, in their order; how many were left out.
fn keep_the_largest(arcs: &mut Vec<Flow>, limit: usize) -> usize {
    if arcs.len() <= limit {
        return 0;
    }
    let mut order: Vec<usize> = (0..arcs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(arcs[i].teams));
    let mut keep = vec![false; arcs.len()];
    for &i in &order[..limit] {
        keep[i] = true;
    }
    let left_out = arcs.len() - limit;
    let mut index = 0;
    arcs.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    left_out
}

/// `point` (`[lon, lat]`) lies in `shape`, or within [`COASTLINE_SLACK`] of it.
fn inside(shape: &geo::MultiPolygon<f64>, [lon, lat]: [f64; 2]) -> bool {
    let point = geo::Point::new(lon, lat);
    shape.contains(&point) || Euclidean.distance(&point, shape) < COASTLINE_SLACK
}
