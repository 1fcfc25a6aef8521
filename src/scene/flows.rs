//! Drawing the arcs (which ones: `arcs`): great circles from each sender's place to
//! where the team arrived, cut at the antimeridian, projected, under the badges, with
//! an arrowhead that stops at the edge of the recipient's badge rather than under it,
//! and a casing that keeps them visible on any fill.

use egui::{Color32, Pos2, Stroke, Vec2};

use crate::geometry::great_circle::{great_circle, split_at_antimeridian};
use crate::scene::arc_style::{DASH, DASH_GAP, arc_width, dashes};
use crate::scene::badges::Badge;
use crate::scene::display::{DisplayList, Group, Primitive};
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::view::ScreenTransform;

/// Straight pieces an arc is drawn with: smooth at any size a map is drawn.
const SEGMENTS: usize = 64;
/// Length of the arrowhead at the arrival end, at layout scale 1.
const HEAD_LENGTH: f32 = 7.0;
/// Half the width of the arrowhead's base, at layout scale 1.
const HEAD_HALF_WIDTH: f32 = 3.5;

/// Room kept between an arrowhead's tip and the badge it points at, in points at
/// layout scale 1 (the badge's white ring is about that wide).
const BADGE_GAP: f32 = 2.5;
/// Width of the casing each side of an arc, in points at layout scale 1.
const CASING: f32 = 1.0;

/// An arc as drawn, for hit-testing: which flow, its pieces on the screen, and half
/// its width.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnArc {
    /// The index of its flow in the model's arcs.
    pub flow: usize,
    /// Its pieces, in screen points.
    pub pieces: Vec<Vec<Pos2>>,
    /// Half its drawn width, in points.
    pub half_width: f32,
}

impl DrawnArc {
    /// How far `p` is from the arc's centre line, in points.
    pub fn distance(&self, p: Pos2) -> f32 {
        self.pieces
            .iter()
            .flat_map(|piece| piece.windows(2))
            .map(|pair| distance_to_segment(p, pair[0], pair[1]))
            .fold(f32::INFINITY, f32::min)
    }
}

/// How far `p` is from the segment `a`–`b`.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    let t = if length_sq > 0.0 {
        ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(a + ab * t)
}

/// The arcs as display items, under the badges: each a great circle cut at the
/// antimeridian, then projected, in a thin casing of the background's colour (so it
/// shows on a light fill and a dark one), ending with an arrowhead at the edge of the
/// recipient's badge where the badge covers the arrival place. Returns the arcs as
/// drawn, for the window's hover.
pub(crate) fn flow_items(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    transform: &ScreenTransform,
    badges: &[Badge],
) -> Vec<DrawnArc> {
    let flows = &model.flows.arcs;
    let mut drawn = Vec::new();
    if !model.show_flows || flows.is_empty() {
        return drawn;
    }
    let projection = model.projected.projection;
    let s = layout.scale.max(0.5);
    list.group(Group::Flows, |list| {
        for (index, flow) in flows.iter().enumerate() {
            let line = great_circle(flow.origin, flow.target, SEGMENTS);
            let mut pieces: Vec<Vec<Pos2>> = split_at_antimeridian(&line)
                .into_iter()
                .map(|piece| {
                    piece
                        .iter()
                        .map(|&[lon, lat]| transform.to_screen(projection.forward(lon, lat)))
                        .collect()
                })
                .collect();
            let growth = model.arc_growth(flow);
            if growth <= 0.0 {
                continue;
            }
            if growth < 1.0 {
                // Growing from its sender: its tip has not reached the badge yet.
                pieces = first_share(&pieces, growth);
            } else if let Some(last) = pieces.last_mut() {
                // Only its own recipient's badge: an arc that stopped at a
                // neighbour's badge or leader dot would point at the neighbour.
                let own: Vec<Badge> = badges
                    .iter()
                    .filter(|b| b.country == flow.country)
                    .cloned()
                    .collect();
                stop_at_badges(last, &own, BADGE_GAP * s);
            }
            drawn.push(draw_arc(list, model, style, s, index, pieces));
        }
    });
    drawn
}

/// Draw the arc of flow `index` along `pieces` (screen points) at layout scale `s`:
/// its casing, its line (dashed where its width stands for members not reported) and
/// its arrowhead, in its donor's hue. Returns it as drawn, for hit-testing.
fn draw_arc(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    s: f32,
    index: usize,
    pieces: Vec<Vec<Pos2>>,
) -> DrawnArc {
    let flow = &model.flows.arcs[index];
    let (width, dashed) = arc_width(flow, model.flow_width, model.max_members);
    let width = width * s;
    let color = style.donor_flow(flow.donor, model.donors.told_apart());
    let group = Group::Flow {
        donor: flow.donor.map(|d| model.donors.names[d].clone()),
        from: flow.from.clone(),
        to: flow.to.clone(),
        code: model.outlines.countries[flow.country]
            .iso_a3
            .clone()
            .unwrap_or_default(),
        teams: flow.teams,
        members: flow.members,
    };
    let line = if dashed {
        dashes(&pieces, DASH * s, DASH_GAP * s)
    } else {
        pieces.clone()
    };
    list.group(group, |list| {
        let casing = Stroke::new(CASING * s, style.flow_casing);
        let head = pieces
            .last()
            .and_then(|piece| arrowhead(piece, s, color, casing));
        list.group(Group::Casing, |list| {
            list.draw(Primitive::Lines {
                pieces: line.clone(),
                stroke: Stroke::new(width + 2.0 * CASING * s, style.flow_casing),
            });
        });
        list.draw(Primitive::Lines {
            pieces: line,
            stroke: Stroke::new(width, color),
        });
        if let Some(head) = head {
            list.draw(head);
        }
    });
    DrawnArc {
        flow: index,
        pieces,
        half_width: width / 2.0,
    }
}

/// The first `share` (0 to 1) of `pieces` by length: an arc grown that far.
fn first_share(pieces: &[Vec<Pos2>], share: f32) -> Vec<Vec<Pos2>> {
    let length = |piece: &[Pos2]| piece.windows(2).map(|w| w[0].distance(w[1])).sum::<f32>();
    let mut left = share.clamp(0.0, 1.0) * pieces.iter().map(|p| length(p)).sum::<f32>();
    let mut grown = Vec::new();
    for piece in pieces {
        let mut kept = vec![];
        for pair in piece.windows(2) {
            let step = pair[0].distance(pair[1]);
            if kept.is_empty() {
                kept.push(pair[0]);
            }
            if step >= left {
                kept.push(pair[0].lerp(pair[1], if step > 0.0 { left / step } else { 0.0 }));
                grown.push(kept);
                return grown;
            }
            left -= step;
            kept.push(pair[1]);
        }
        grown.push(kept);
    }
    grown
}

/// Shorten `piece` where its end lies under a badge (or a leader's dot), so that it
/// stops `gap` short of the badge's edge: the arrowhead shows, pointing at the count.
fn stop_at_badges(piece: &mut Vec<Pos2>, badges: &[Badge], gap: f32) {
    let Some(&tip) = piece.last() else {
        return;
    };
    let covering = badges.iter().find_map(|badge| {
        [
            (badge.center, badge.radius),
            (badge.anchor, LEADER_DOT_ROOM),
        ]
        .into_iter()
        .map(|(center, radius)| (center, radius + gap))
        .find(|&(center, radius)| center.distance(tip) < radius)
    });
    let Some((center, radius)) = covering else {
        return;
    };
    // The last point outside the circle, then where the piece leaves it.
    let Some(outside) = piece.iter().rposition(|p| p.distance(center) >= radius) else {
        return;
    };
    let (a, b) = (piece[outside], piece[outside + 1]);
    let (mut low, mut high) = (0.0f32, 1.0f32);
    for _ in 0..24 {
        let mid = (low + high) / 2.0;
        if a.lerp(b, mid).distance(center) >= radius {
            low = mid;
        } else {
            high = mid;
        }
    }
    piece.truncate(outside + 1);
    piece.push(a.lerp(b, low));
}

/// The room a leader line's dot takes, in points (its radius and a little).
const LEADER_DOT_ROOM: f32 = 3.0;

/// A filled triangle at the end of `piece`, pointing the way it goes, edged with the
/// arcs' casing.
fn arrowhead(piece: &[Pos2], scale: f32, color: Color32, casing: Stroke) -> Option<Primitive> {
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
        stroke: casing,
    })
}
