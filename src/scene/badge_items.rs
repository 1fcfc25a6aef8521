//! The badges as display items: each recipient's team count in a disc, placed by
//! `badges` where it covers no other, with a leader line to its country where it had
//! to move; a ring in the day's colour where a team arrived on the day shown.

use egui::{Align2, Pos2, Rect, Stroke};

use crate::scene::badges::{Badge, BadgeRequest, Placed, place_badges};
use crate::scene::display::{DisplayList, Group, Primitive, TextRun};
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::screen::screen_bounds;
use crate::scene::style::MapStyle;
use crate::scene::view::{MapView, ScreenTransform};

/// Width of the ring around the badge of a country a team arrived in that day.
const NEWS_RING_WIDTH: f32 = 2.5;
/// Width of a badge's leader line, at layout scale 1.
const LEADER_WIDTH: f32 = 1.2;
/// Radius of the dot where a leader line starts, at layout scale 1.
const LEADER_DOT_RADIUS: f32 = 2.2;
/// Width of the ring around a badge, at layout scale 1.
const BADGE_RING_WIDTH: f32 = 1.5;
/// A badge's number, as a multiple of its radius.
const BADGE_TEXT_SHARE: f32 = 1.15;

/// Leader lines first (under every badge), then the badges.
pub(crate) fn badge_items(
    list: &mut DisplayList,
    model: &MapModel,
    badges: &[Badge],
    style: &MapStyle,
    layout: &Layout,
) {
    let s = layout.scale;
    list.group(Group::Leaders, |list| {
        for badge in badges.iter().filter(|b| b.has_leader()) {
            list.draw(Primitive::Line {
                points: [badge.anchor, badge.center],
                stroke: Stroke::new(LEADER_WIDTH * s, style.badge_fill),
            });
            list.draw(Primitive::Circle {
                center: badge.anchor,
                radius: LEADER_DOT_RADIUS * s,
                fill: style.badge_fill,
                stroke: Stroke::NONE,
            });
        }
    });
    let news = model.arrivals_today();
    list.group(Group::Badges, |list| {
        for badge in badges {
            let group = Group::Badge {
                code: country_code(model, badge.country),
                teams: badge.teams,
            };
            // A team arrived today: the badge wears the day's colour, which a small
            // country's own outline could not show without hiding its fill.
            let ring = if news.contains(&badge.country) {
                Stroke::new(NEWS_RING_WIDTH * s, style.arrival)
            } else {
                Stroke::new(BADGE_RING_WIDTH * s, style.background)
            };
            list.group(group, |list| {
                list.draw(Primitive::Circle {
                    center: badge.center,
                    radius: badge.radius,
                    fill: style.badge_fill,
                    stroke: ring,
                });
                list.text(TextRun::new(
                    badge.teams.to_string(),
                    badge.center,
                    Align2::CENTER_CENTER,
                    badge.radius * BADGE_TEXT_SHARE,
                    style.badge_text,
                ));
            });
        }
    });
}

/// The badges as placed in a picture of `model` filling `rect` (for tests and exports
/// that need to know where they are).
pub fn badge_layout(model: &MapModel, view: &MapView, rect: Rect) -> Vec<Badge> {
    let layout = Layout::of(rect, model);
    let transform = view.transform(model.projected.world_bounds, layout.map);
    badges_for(model, &transform, &layout).badges
}

/// One badge per recipient, placed for `transform` within the map area.
pub(crate) fn badges_for(model: &MapModel, transform: &ScreenTransform, layout: &Layout) -> Placed {
    let requests: Vec<BadgeRequest> = model
        .recipients()
        .map(|country| {
            let projected = &model.projected.countries[country];
            let bounds = screen_bounds(projected.bounds, transform);
            BadgeRequest {
                country,
                teams: model.teams_of(country),
                anchor: transform.to_screen(projected.label_point()),
                size: bounds.width().min(bounds.height()),
            }
        })
        .collect();
    let recipient_at = |p: Pos2| {
        model
            .projected
            .country_at(transform.to_world(p), 0.0)
            .filter(|&c| model.teams_of(c) > 0)
    };
    place_badges(requests, layout.badge_radius(), layout.map, &recipient_at)
}

/// The ISO alpha-3 code of `country`, or "" where it has none.
pub(crate) fn country_code(model: &MapModel, country: usize) -> String {
    model.outlines.countries[country]
        .iso_a3
        .clone()
        .unwrap_or_default()
}
