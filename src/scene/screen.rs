//! From projected coordinates to screen points for drawing: the world's edge, a
//! country's bounding box, and rings thinned to the screen without the sharp turns that
//! epaint would mitre into needles.

use egui::{Pos2, Rect};

use crate::scene::model::MapModel;
use crate::scene::view::ScreenTransform;

/// Points closer together than this (in screen points) are merged in borders.
pub const BORDER_TOLERANCE: f32 = 0.6;

/// The edge of the projected world (the meridians ±180° from pole to pole), which is
/// convex for the four projections.
pub fn world_outline(model: &MapModel, transform: &ScreenTransform) -> Vec<Pos2> {
    let projection = model.projected.projection;
    let top = if projection == crate::geometry::projection::Projection::Mercator {
        crate::geometry::projection::MERCATOR_MAX_LATITUDE
    } else {
        90.0
    };
    let steps = 90;
    let mut points = Vec::with_capacity(2 * steps + 2);
    for i in 0..=steps {
        let lat = -top + 2.0 * top * i as f64 / steps as f64;
        points.push(transform.to_screen(projection.forward(180.0, lat)));
    }
    for i in 0..=steps {
        let lat = top - 2.0 * top * i as f64 / steps as f64;
        points.push(transform.to_screen(projection.forward(-180.0, lat)));
    }
    points.dedup();
    points
}

/// Screen rect of a projected bounding box.
pub fn screen_bounds(bounds: [f64; 4], transform: &ScreenTransform) -> Rect {
    Rect::from_two_pos(
        transform.to_screen([bounds[0], bounds[1]]),
        transform.to_screen([bounds[2], bounds[3]]),
    )
}

/// A ring on screen, without points closer than `tolerance` to the one before, and
/// without spikes: epaint mitres the joins of a path, and where a ring turns back on
/// itself (a narrow inlet, a one-pixel peninsula) the mitre shoots far across the map.
pub fn screen_ring(ring: &[[f32; 2]], transform: &ScreenTransform, tolerance: f32) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
    let near = |a: Pos2, b: Pos2| a.distance_sq(b) < tolerance * tolerance;
    for &[x, y] in ring {
        let p = transform.to_screen([x as f64, y as f64]);
        // Each point either joins the path or is dropped; a join it would make
        // sharp drops the point before it, which may expose an earlier sharp join.
        loop {
            let n = points.len();
            if n >= 2 && is_spike(points[n - 2], points[n - 1], p) {
                points.pop();
            } else {
                break;
            }
        }
        if !points.last().is_some_and(|&last| near(last, p)) {
            points.push(p);
        }
    }
    // The path is drawn closed: drop the repeated closing point (a zero-length edge
    // has no direction, and its join shot a needle off Brazil), and give the joins
    // where the end meets the start the same checks. Each round drops a point.
    while points.len() > 3 {
        let n = points.len();
        if near(points[n - 1], points[0]) || is_spike(points[n - 2], points[n - 1], points[0]) {
            points.pop();
        } else if is_spike(points[n - 1], points[0], points[1]) {
            points.remove(0);
        } else {
            break;
        }
    }
    // A ring left with three points is a sliver (an islet a pixel wide): its outline
    // would be all mitre. Its fill still shows it.
    if points.len() == 3
        && (0..3).any(|i| is_spike(points[(i + 2) % 3], points[i], points[(i + 1) % 3]))
    {
        points.clear();
    }
    points
}

/// True where a path through `a`, `b`, `c` turns back sharper than about 25° at `b`:
/// epaint mitres such a join into a long needle.
pub fn is_spike(a: Pos2, b: Pos2, c: Pos2) -> bool {
    const SPIKE_COS: f32 = 0.9;
    (a - b).normalized().dot((c - b).normalized()) > SPIKE_COS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;
    use crate::geometry::projection::Projection;
    use crate::scene::layout::Layout;
    use crate::scene::view::MapView;

    #[test]
    fn no_outline_has_a_join_sharp_enough_to_mitre_into_a_needle() {
        let model = MapModel::new(
            bundled::outlines().unwrap(),
            bundled::aid_data().unwrap(),
            Projection::EqualEarth,
            true,
        );
        for size in [egui::vec2(1600.0, 800.0), egui::vec2(3200.0, 1600.0)] {
            let layout = Layout::new(Rect::from_min_size(Pos2::ZERO, size));
            let transform = MapView::default().transform(model.projected.world_bounds, layout.map);
            for (country, projected) in model.projected.countries.iter().enumerate() {
                for ring in &projected.rings {
                    let points = screen_ring(ring, &transform, BORDER_TOLERANCE);
                    let n = points.len();
                    if n < 3 {
                        continue;
                    }
                    for i in 0..n {
                        let (a, b, c) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
                        assert!(
                            a != b && !is_spike(a, b, c),
                            "{} at {size:?}: a needle at {b:?} ({a:?} {c:?}, {n} points)",
                            model.outlines.countries[country].name
                        );
                    }
                }
            }
        }
    }
}
