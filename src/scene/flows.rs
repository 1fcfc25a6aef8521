//! The arcs of a map: one per team (or group of teams from a CSV row) whose sender's
//! place is known, from that place to where the team arrived. An arc means "sent from
//! here to there"; it is not a flight path. Where the arrival place is not reported,
//! the arc ends inside the recipient country (at a point inside its outline), and the
//! arc says so in its name ("Venezuela (place not reported)").

use egui::{Color32, Pos2, Stroke, Vec2};
use geo::InteriorPoint;

use crate::geometry::great_circle::{great_circle, split_at_antimeridian};
use crate::scene::display::{DisplayList, Group, Primitive};
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::view::ScreenTransform;

/// Straight pieces an arc is drawn with: smooth at any size a map is drawn.
const SEGMENTS: usize = 64;
/// Width of an arc of one team, in points at layout scale 1.
const ARC_WIDTH: f32 = 1.3;
/// Width added for each further team an arc stands for (up to [`MAX_EXTRA_TEAMS`]).
const WIDTH_PER_TEAM: f32 = 0.7;
/// Teams beyond the first that still widen an arc.
const MAX_EXTRA_TEAMS: u32 = 6;
/// Length of the arrowhead at the arrival end, at layout scale 1.
const HEAD_LENGTH: f32 = 7.0;
/// Half the width of the arrowhead's base, at layout scale 1.
const HEAD_HALF_WIDTH: f32 = 3.5;

/// One arc.
#[derive(Debug, Clone, PartialEq)]
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
}

/// The arcs of `model` as it stands (its day): teams with a known sender place, to
/// recipients on the map.
pub fn flows_of(model: &MapModel) -> Vec<Flow> {
    let mut flows = Vec::new();
    for (country, destination) in model.destination_by_country.iter().enumerate() {
        let Some(destination) = destination.map(|d| &model.aid.destinations[d]) else {
            continue;
        };
        for team in destination.details.iter().filter(|t| t.count > 0) {
            let Some(origin) = &team.origin else {
                continue;
            };
            let (to, target) = match &team.arrival_point {
                Some(point) => (point.name.clone(), [point.lon, point.lat]),
                None => {
                    let Some(inside) = model.outlines.countries[country].shape.interior_point()
                    else {
                        continue;
                    };
                    let name = &model.outlines.countries[country].name;
                    (
                        format!("{name} (place not reported)"),
                        [inside.x(), inside.y()],
                    )
                }
            };
            flows.push(Flow {
                country,
                from: origin.name.clone(),
                origin: [origin.lon, origin.lat],
                to,
                target,
                teams: team.count,
            });
        }
    }
    flows
}

/// The arcs as display items, under the badges: each a great circle cut at the
/// antimeridian, then projected, with an arrowhead where it arrives.
pub(crate) fn flow_items(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    transform: &ScreenTransform,
) {
    if !model.show_flows {
        return;
    }
    let flows = flows_of(model);
    if flows.is_empty() {
        return;
    }
    let projection = model.projected.projection;
    let s = layout.scale.max(0.5);
    list.group(Group::Flows, |list| {
        for flow in &flows {
            let line = great_circle(flow.origin, flow.target, SEGMENTS);
            let pieces: Vec<Vec<Pos2>> = split_at_antimeridian(&line)
                .into_iter()
                .map(|piece| {
                    piece
                        .iter()
                        .map(|&[lon, lat]| transform.to_screen(projection.forward(lon, lat)))
                        .collect()
                })
                .collect();
            let extra = flow.teams.saturating_sub(1).min(MAX_EXTRA_TEAMS) as f32;
            let stroke = Stroke::new((ARC_WIDTH + WIDTH_PER_TEAM * extra) * s, style.flow);
            let group = Group::Flow {
                from: flow.from.clone(),
                to: flow.to.clone(),
                code: model.outlines.countries[flow.country]
                    .iso_a3
                    .clone()
                    .unwrap_or_default(),
                teams: flow.teams,
            };
            list.group(group, |list| {
                let head = pieces
                    .last()
                    .and_then(|piece| arrowhead(piece, s, style.flow));
                list.draw(Primitive::Lines { pieces, stroke });
                if let Some(head) = head {
                    list.draw(head);
                }
            });
        }
    });
}

/// A filled triangle at the end of `piece`, pointing the way it goes.
fn arrowhead(piece: &[Pos2], scale: f32, color: Color32) -> Option<Primitive> {
    let tip = *piece.last()?;
    // The direction over the last few points (the last step may be tiny).
    let back = piece
        .iter()
        .rev()
        .find(|p| p.distance(tip) > HEAD_LENGTH * scale * 0.5)?;
    let direction = (tip - *back).normalized();
    if !direction.is_finite() {
        return None;
    }
    let base = tip - direction * HEAD_LENGTH * scale;
    let side = Vec2::new(-direction.y, direction.x) * HEAD_HALF_WIDTH * scale;
    Some(Primitive::Area {
        rings: vec![vec![tip, base + side, base - side]],
        fill: color,
        stroke: Stroke::NONE,
    })
}
