//! Which teams get an arc, from where to where: one per team (or group of teams from
//! a CSV row) whose sender's place is known, from that place to where the team arrived.
//! An arc means "sent from here to there"; it is not a flight path. Where the arrival
//! place is not given, the arc ends inside the recipient country and its name says so
//! ("Venezuela (place not reported)"); an arrival point outside its country is not
//! drawn, and the picture says so. Drawing them is `flows`'s job.

use geo::{Contains, Distance, Euclidean, InteriorPoint};

use crate::data::{AidDataset, Outlines};
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
}

/// The arcs of a model as it stands (its day), and the teams that have none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flows {
    /// The arcs to draw.
    pub arcs: Vec<Flow>,
    /// Teams on the map whose sender's place is not known: no arc.
    pub without_origin: u32,
    /// Arrival points that lie outside their recipient's outline (lat and lon
    /// swapped, a typo): "Crema (Italy)". Not drawn: the arc would end in another
    /// country.
    pub outside: Vec<String>,
    /// Arcs that end inside their country because the place the data names could not
    /// be located: "Spain (Barcelonna)".
    pub unlocated_ends: Vec<String>,
}

/// How far outside its country's outline an arrival point may lie, in degrees (about
/// 5 km: Natural Earth smooths coasts by a few kilometres; see assets/README.md).
const COASTLINE_SLACK: f64 = 0.05;

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
        for team in destination.details.iter().filter(|t| t.count > 0) {
            let Some(origin) = &team.origin else {
                flows.without_origin = flows.without_origin.saturating_add(team.count);
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
                    let Some(inside) = outline.shape.interior_point() else {
                        continue;
                    };
                    let name = match &team.place {
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
            });
        }
    }
    flows
}

/// `point` (`[lon, lat]`) lies in `shape`, or within [`COASTLINE_SLACK`] of it.
fn inside(shape: &geo::MultiPolygon<f64>, [lon, lat]: [f64; 2]) -> bool {
    let point = geo::Point::new(lon, lat);
    shape.contains(&point) || Euclidean.distance(&point, shape) < COASTLINE_SLACK
}
