//! Where an exported card goes: among places beside its country and across the map,
//! the one that covers the fewest recipients, badges and legend, then the least of
//! them, then lies nearest its country; and the leader line from the country's badge.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::scene::badges::Badge;
use crate::scene::drawn::SceneGeometry;
use crate::scene::model::MapModel;
use crate::scene::screen::screen_bounds;
use crate::scene::view::ScreenTransform;

/// What the card must keep clear of, and where it points.
pub struct Placement<'a> {
    /// Where the card's country is on screen: its badge's centre, or its label point.
    pub anchor: Pos2,
    /// The badge's radius (0 without a badge): the leader line starts at its edge, so
    /// it never strikes through the count.
    pub anchor_radius: f32,
    /// Rects the card should not cover: recipients, their badges, the legend.
    pub obstacles: &'a [Rect],
}

/// Where the card of `country` points, and the radius of the badge there: its badge,
/// else its label point (radius 0), inside the map.
pub fn anchor_of(model: &MapModel, country: usize, geometry: &SceneGeometry) -> (Pos2, f32) {
    let (point, radius) = geometry
        .badges
        .iter()
        .find(|b| b.country == country)
        .map_or_else(
            || {
                let label = model.projected.countries[country].label_point();
                (geometry.transform.to_screen(label), 0.0)
            },
            |b| (b.center, b.radius),
        );
    (
        point.clamp(geometry.layout.map.min, geometry.layout.map.max),
        radius,
    )
}

/// What a card in a picture must not cover: every recipient (its outline's box on
/// screen and its badge) and the legend.
pub fn obstacles(
    model: &MapModel,
    transform: &ScreenTransform,
    badges: &[Badge],
    legend: Rect,
    map: Rect,
) -> Vec<Rect> {
    let mut rects: Vec<Rect> = model
        .recipients()
        .map(|c| screen_bounds(model.projected.countries[c].bounds, transform).intersect(map))
        .filter(|r| r.is_positive())
        .collect();
    rects.extend(badges.iter().map(Badge::rect));
    rects.push(legend);
    rects
}

/// The leader line: from the edge of the badge (or the label point) towards the
/// nearest point of the card's frame.
pub(crate) fn leader(placement: &Placement<'_>, frame: Rect) -> [Pos2; 2] {
    let end = nearest_point(frame, placement.anchor);
    let direction = (end - placement.anchor).normalized();
    let start = if direction.is_finite() {
        placement.anchor + direction * placement.anchor_radius
    } else {
        placement.anchor
    };
    [start, end]
}

/// The best place for a card of `size` inside `area`: the one that covers the fewest
/// obstacles, then the least of their area, then lies nearest the anchor.
pub(crate) fn place(
    size: Vec2,
    area: Rect,
    placement: &Placement<'_>,
    gap: f32,
    margin: f32,
) -> (Rect, usize) {
    let a = placement.anchor;
    let mut candidates = vec![
        // Beside the anchor, in each direction.
        Rect::from_min_size(a + vec2(gap, gap), size),
        Rect::from_min_size(a + vec2(-gap - size.x, gap), size),
        Rect::from_min_size(a + vec2(gap, -gap - size.y), size),
        Rect::from_min_size(a + vec2(-gap - size.x, -gap - size.y), size),
        Rect::from_min_size(a + vec2(gap, -size.y / 2.0), size),
        Rect::from_min_size(a + vec2(-gap - size.x, -size.y / 2.0), size),
        Rect::from_min_size(a + vec2(-size.x / 2.0, gap), size),
        Rect::from_min_size(a + vec2(-size.x / 2.0, -gap - size.y), size),
    ];
    // Places along the edges and across the map, in eighths.
    let steps = [0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0];
    for fx in steps {
        for fy in steps {
            let min = area.min + (area.size() - size) * vec2(fx, fy);
            candidates.push(Rect::from_min_size(min, size));
        }
    }
    let score = |rect: &Rect| {
        let grown = rect.expand(margin / 2.0);
        let hits = placement
            .obstacles
            .iter()
            .filter(|o| o.intersects(grown))
            .count();
        let overlap: f32 = placement
            .obstacles
            .iter()
            .map(|o| o.intersect(grown))
            .filter(|r| r.is_positive())
            .map(|r| r.area())
            .sum();
        let distance = nearest_point(*rect, a).distance(a);
        (hits, overlap, distance)
    };
    candidates
        .into_iter()
        .map(|rect| keep_inside(rect, area))
        .filter(|rect| !rect.contains(a))
        .map(|rect| (score(&rect), rect))
        .min_by(|(x, _), (y, _)| {
            x.0.cmp(&y.0)
                .then(x.1.total_cmp(&y.1))
                .then(x.2.total_cmp(&y.2))
        })
        .map_or_else(
            || {
                let rect = keep_inside(Rect::from_min_size(area.min, size), area);
                (rect, score(&rect).0)
            },
            |((hits, _, _), rect)| (rect, hits),
        )
}

/// `rect` moved (not resized) to lie inside `area` as far as it can.
fn keep_inside(rect: Rect, area: Rect) -> Rect {
    let dx = if rect.left() < area.left() {
        area.left() - rect.left()
    } else if rect.right() > area.right() {
        (area.right() - rect.right()).max(area.left() - rect.left())
    } else {
        0.0
    };
    let dy = if rect.top() < area.top() {
        area.top() - rect.top()
    } else if rect.bottom() > area.bottom() {
        (area.bottom() - rect.bottom()).max(area.top() - rect.top())
    } else {
        0.0
    };
    rect.translate(vec2(dx, dy))
}

/// The point of `rect`'s edge nearest to `p` (or `p` itself when inside).
fn nearest_point(rect: Rect, p: Pos2) -> Pos2 {
    pos2(
        p.x.clamp(rect.left(), rect.right()),
        p.y.clamp(rect.top(), rect.bottom()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_goes_where_it_covers_no_obstacle() {
        let area = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 600.0));
        let obstacles = [
            Rect::from_min_size(pos2(520.0, 200.0), vec2(300.0, 300.0)),
            Rect::from_min_size(pos2(100.0, 100.0), vec2(300.0, 200.0)),
        ];
        let placement = Placement {
            anchor: pos2(500.0, 300.0),
            anchor_radius: 10.0,
            obstacles: &obstacles,
        };
        let (card, hits) = place(vec2(200.0, 150.0), area, &placement, 10.0, 0.0);
        assert_eq!(hits, 0);
        assert!(area.contains_rect(card));
        assert!(obstacles.iter().all(|o| !o.intersects(card)), "{card:?}");
        assert!(!card.contains(placement.anchor));
    }
}
