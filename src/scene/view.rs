//! Pan and zoom: which part of the projected world is shown, and the mapping between
//! projected coordinates and screen points. Limits keep the world in view.

use egui::{Pos2, Rect, Vec2, pos2};

/// The smallest zoom: the whole world fits.
pub const MIN_ZOOM: f64 = 1.0;
/// The largest zoom.
pub const MAX_ZOOM: f64 = 80.0;
/// The share of the map area the whole world takes at zoom 1. The margin left shows
/// the world's edge as an edge: with flat poles (Equal Earth, Natural Earth) a world
/// that touched the header looked cut off.
pub const FIT_SHARE: f64 = 0.95;

/// What part of the map is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// The projected point at the centre of the map area.
    pub center: [f64; 2],
    /// 1 shows the whole world; 2 shows half as much, and so on.
    pub zoom: f64,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            center: [0.0, 0.0],
            zoom: MIN_ZOOM,
        }
    }
}

/// The mapping from projected coordinates to screen points for one view and rect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenTransform {
    /// Screen points per projected unit.
    pub scale: f64,
    /// The projected point at `origin`.
    pub center: [f64; 2],
    /// The screen point of `center`.
    pub origin: Pos2,
}

impl ScreenTransform {
    /// The screen point of a projected point (y grows downwards on screen).
    pub fn to_screen(&self, p: [f64; 2]) -> Pos2 {
        pos2(
            self.origin.x + ((p[0] - self.center[0]) * self.scale) as f32,
            self.origin.y - ((p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    /// The projected point under a screen point.
    pub fn to_world(&self, p: Pos2) -> [f64; 2] {
        [
            self.center[0] + (p.x - self.origin.x) as f64 / self.scale,
            self.center[1] - (p.y - self.origin.y) as f64 / self.scale,
        ]
    }
}

impl MapView {
    /// The mapping for `rect`, where the world (`bounds`) fits at zoom 1.
    pub fn transform(&self, bounds: [f64; 4], rect: Rect) -> ScreenTransform {
        ScreenTransform {
            scale: fit_scale(bounds, rect) * self.zoom,
            center: self.center,
            origin: rect.center(),
        }
    }

    /// Zoom by `factor`, keeping the projected point under `anchor` where it is.
    pub fn zoom_at(&mut self, bounds: [f64; 4], rect: Rect, anchor: Pos2, factor: f64) {
        let before = self.transform(bounds, rect).to_world(anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.transform(bounds, rect).to_world(anchor);
        self.center[0] += before[0] - after[0];
        self.center[1] += before[1] - after[1];
        self.clamp(bounds, rect);
    }

    /// Move the map by a screen distance (a drag of `delta` moves the map with it).
    pub fn pan_by(&mut self, bounds: [f64; 4], rect: Rect, delta: Vec2) {
        let scale = self.transform(bounds, rect).scale;
        self.center[0] -= delta.x as f64 / scale;
        self.center[1] += delta.y as f64 / scale;
        self.clamp(bounds, rect);
    }

    /// Centre on `target` (projected bounds) and zoom so that it fills about half
    /// the map, within the zoom limits.
    pub fn focus_on(&mut self, bounds: [f64; 4], rect: Rect, target: [f64; 4]) {
        let width = (target[2] - target[0]).max(1e-6);
        let height = (target[3] - target[1]).max(1e-6);
        let fit = fit_scale(bounds, rect);
        let wanted = (rect.width() as f64 * 0.5 / width).min(rect.height() as f64 * 0.5 / height);
        self.zoom = (wanted / fit).clamp(MIN_ZOOM, 12.0);
        self.center = [(target[0] + target[2]) / 2.0, (target[1] + target[3]) / 2.0];
        self.clamp(bounds, rect);
    }

    /// Keep the view inside the limits: zoom within range, and no more of the empty
    /// margin around the world than the fitted view shows.
    pub fn clamp(&mut self, bounds: [f64; 4], rect: Rect) {
        if !self.zoom.is_finite() {
            self.zoom = MIN_ZOOM;
        }
        self.zoom = self.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        let scale = self.transform(bounds, rect).scale;
        let half_w = rect.width() as f64 / 2.0 / scale;
        let half_h = rect.height() as f64 / 2.0 / scale;
        let clamp_axis = |value: f64, lo: f64, hi: f64, half: f64| {
            let (min, max) = (lo + half, hi - half);
            if min > max {
                (lo + hi) / 2.0
            } else if value.is_finite() {
                value.clamp(min, max)
            } else {
                (lo + hi) / 2.0
            }
        };
        self.center[0] = clamp_axis(self.center[0], bounds[0], bounds[2], half_w);
        self.center[1] = clamp_axis(self.center[1], bounds[1], bounds[3], half_h);
    }
}

/// Screen points per projected unit at which the world just fits `rect`.
fn fit_scale(bounds: [f64; 4], rect: Rect) -> f64 {
    let world_w = (bounds[2] - bounds[0]).max(1e-9);
    let world_h = (bounds[3] - bounds[1]).max(1e-9);
    (rect.width() as f64 / world_w).min(rect.height() as f64 / world_h) * FIT_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORLD: [f64; 4] = [-2.0, -1.0, 2.0, 1.0];

    fn rect() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(800.0, 400.0))
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let mut view = MapView::default();
        let anchor = pos2(600.0, 150.0);
        let before = view.transform(WORLD, rect()).to_world(anchor);
        view.zoom_at(WORLD, rect(), anchor, 2.0);
        let after = view.transform(WORLD, rect()).to_world(anchor);
        assert!((before[0] - after[0]).abs() < 1e-9 && (before[1] - after[1]).abs() < 1e-9);
        assert_eq!(view.zoom, 2.0);
    }

    #[test]
    fn the_world_stays_in_view() {
        let mut view = MapView::default();
        view.pan_by(WORLD, rect(), egui::vec2(5000.0, 0.0));
        assert_eq!(view.center, [0.0, 0.0]);
        view.zoom_at(WORLD, rect(), rect().center(), 1000.0);
        assert_eq!(view.zoom, MAX_ZOOM);
        view.pan_by(WORLD, rect(), egui::vec2(1.0e7, -1.0e7));
        let t = view.transform(WORLD, rect());
        assert!(t.to_world(rect().left_top())[0] >= WORLD[0] - 1e-9);
        view.zoom_at(WORLD, rect(), rect().center(), 1e-6);
        assert_eq!(view, MapView::default());
    }
}
