//! Painting the scene: background, country fills (one mesh), borders (decimated to
//! the screen), hover and selection outlines, badges, title, legend and source line.
//! The fill mesh and border shapes are cached while the view and data stay the same,
//! so hovering costs almost nothing.

use egui::epaint::PathShape;
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2};

use crate::scene::badges::{Badge, BadgeRequest, place_badges};
use crate::scene::layout::Layout;
use crate::scene::legend::paint_legend;
use crate::scene::mesh_cache::SceneCache;
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::text;
use crate::scene::view::{MapView, ScreenTransform};

/// What the user is pointing at and has chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SceneState {
    /// The country under the pointer.
    pub hovered: Option<usize>,
    /// The selected country.
    pub selected: Option<usize>,
}

/// What was drawn where, for turning pointer positions back into countries.
#[derive(Debug, Clone)]
pub struct SceneGeometry {
    /// Where the parts of the picture are.
    pub layout: Layout,
    /// Projected coordinates to screen points.
    pub transform: ScreenTransform,
    /// The badges as placed.
    pub badges: Vec<Badge>,
    /// The legend's frame.
    pub legend: Rect,
}

/// Width of the hover outline, in points (at layout scale 1 or less).
const HOVER_WIDTH: f32 = 1.6;
/// Width of the selection outline: thin enough that a small country's fill, which
/// says how many teams it got, still shows inside it.
pub(crate) const SELECTED_WIDTH: f32 = 1.6;

/// Points closer together than this (in screen points) are merged in borders.
pub(crate) const BORDER_TOLERANCE: f32 = 0.6;

/// Paint the whole picture for `model` into `rect`.
pub fn paint_scene(
    painter: &Painter,
    rect: Rect,
    model: &MapModel,
    view: &MapView,
    style: &MapStyle,
    state: &SceneState,
    cache: &mut SceneCache,
) -> SceneGeometry {
    let layout = Layout::of(rect, model);
    let transform = view.transform(model.projected.world_bounds, layout.map);
    painter.rect_filled(rect, CornerRadius::ZERO, style.background);

    let map_painter = painter.with_clip_rect(layout.map);
    map_painter.add(Shape::convex_polygon(
        world_outline(model, &transform),
        style.ocean,
        Stroke::new(1.0, style.land),
    ));
    map_painter.add(Shape::Mesh(
        cache.mesh(painter, model, view, layout.map, style),
    ));
    let outline = |country: usize, color: Color32, width: f32| {
        let stroke = Stroke::new(width * layout.scale.max(1.0), color);
        for ring in &model.projected.countries[country].rings {
            let points = screen_ring(ring, &transform, BORDER_TOLERANCE);
            if points.len() >= 3 {
                map_painter.add(PathShape::closed_line(points, stroke));
            }
        }
    };
    if let Some(hovered) = state.hovered.filter(|h| Some(*h) != state.selected) {
        outline(hovered, style.hover, HOVER_WIDTH);
    }
    if let Some(selected) = state.selected {
        outline(selected, style.selected, SELECTED_WIDTH);
    }

    let badges = cache.badges(model, view, layout.map, || {
        badges_for(model, &transform, &layout)
    });
    paint_badges(&map_painter, &badges, style, &layout);
    paint_header(painter, model, style, &layout);
    let legend = paint_legend(painter, model, style, &layout);
    paint_footer(painter, model, style, &layout);
    SceneGeometry {
        layout,
        transform,
        badges,
        legend,
    }
}

/// The edge of the projected world (the meridians ±180° from pole to pole), which is
/// convex for the four projections.
pub(crate) fn world_outline(model: &MapModel, transform: &ScreenTransform) -> Vec<Pos2> {
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
pub(crate) fn screen_bounds(bounds: [f64; 4], transform: &ScreenTransform) -> Rect {
    Rect::from_two_pos(
        transform.to_screen([bounds[0], bounds[1]]),
        transform.to_screen([bounds[2], bounds[3]]),
    )
}

/// A ring on screen, without points closer than `tolerance` to the one before, and
/// without spikes: epaint mitres the joins of a path, and where a ring turns back on
/// itself (a narrow inlet, a one-pixel peninsula) the mitre shoots far across the map.
pub(crate) fn screen_ring(
    ring: &[[f32; 2]],
    transform: &ScreenTransform,
    tolerance: f32,
) -> Vec<Pos2> {
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
pub(crate) fn is_spike(a: Pos2, b: Pos2, c: Pos2) -> bool {
    const SPIKE_COS: f32 = 0.9;
    (a - b).normalized().dot((c - b).normalized()) > SPIKE_COS
}

/// The badges as placed in a picture of `model` filling `rect` (for tests and exports
/// that need to know where they are).
pub fn badge_layout(model: &MapModel, view: &MapView, rect: Rect) -> Vec<Badge> {
    let layout = Layout::of(rect, model);
    let transform = view.transform(model.projected.world_bounds, layout.map);
    badges_for(model, &transform, &layout)
}

pub(crate) fn badges_for(
    model: &MapModel,
    transform: &ScreenTransform,
    layout: &Layout,
) -> Vec<Badge> {
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

fn paint_badges(painter: &Painter, badges: &[Badge], style: &MapStyle, layout: &Layout) {
    let outline = Stroke::new(1.5 * layout.scale, style.background);
    for badge in badges.iter().filter(|b| b.has_leader()) {
        painter.line_segment(
            [badge.anchor, badge.center],
            Stroke::new(1.2 * layout.scale, style.badge_fill),
        );
        painter.circle_filled(badge.anchor, 2.2 * layout.scale, style.badge_fill);
    }
    for badge in badges {
        painter.circle(badge.center, badge.radius, style.badge_fill, outline);
        painter.text(
            badge.center,
            Align2::CENTER_CENTER,
            badge.teams.to_string(),
            FontId::proportional(badge.radius * 1.15),
            style.badge_text,
        );
    }
}

fn paint_header(painter: &Painter, model: &MapModel, style: &MapStyle, layout: &Layout) {
    let left = layout.header.left() + layout.margin();
    let title_top = layout.header.top() + layout.margin() * 0.8;
    let title = painter.text(
        pos2(left, title_top),
        Align2::LEFT_TOP,
        &model.aid.title,
        fitted_font(painter, layout, &model.aid.title, layout.title_size()),
        style.text,
    );
    let subtitle = text::subtitle(model);
    let font = fitted_font(painter, layout, &subtitle, layout.subtitle_size());
    painter.text(
        pos2(left, title.bottom() + 3.0 * layout.scale),
        Align2::LEFT_TOP,
        subtitle,
        font,
        style.muted_text,
    );
}

fn paint_footer(painter: &Painter, model: &MapModel, style: &MapStyle, layout: &Layout) {
    if let Some(note) = text::not_shown_note(model) {
        footer_line(painter, layout, note, layout.note_center_y(), style.text);
    }
    let source = text::source_line(&model.aid, model.natural_earth, &model.outlines.file);
    footer_line(
        painter,
        layout,
        source,
        layout.source_center_y(),
        style.muted_text,
    );
}

/// One line of the footer, its vertical centre at `center_y`, fitted to the width.
fn footer_line(painter: &Painter, layout: &Layout, text: String, center_y: f32, color: Color32) {
    let font = fitted_font(painter, layout, &text, layout.small_size());
    let left = layout.footer.left() + layout.margin();
    painter.text(pos2(left, center_y), Align2::LEFT_CENTER, text, font, color);
}

/// The font for a header or footer line: `size`, or smaller where the line would not
/// fit the picture's width.
fn fitted_font(painter: &Painter, layout: &Layout, text: &str, size: f32) -> FontId {
    let width = crate::scene::fonts::measure_with(painter, text, size);
    FontId::proportional(layout.fitted_size(size, width))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;
    use crate::geometry::projection::Projection;
    use crate::scene::legend::legend_layout;

    /// Lay out every part of the picture at `size` with real text measurements and
    /// check that nothing leaves the picture or overlaps.
    fn check_layout(size: egui::Vec2) {
        let model = MapModel::new(
            bundled::outlines().unwrap(),
            bundled::aid_data().unwrap(),
            Projection::EqualEarth,
            true,
        );
        let style = MapStyle::light();
        let rect = Rect::from_min_size(Pos2::ZERO, size);
        let ctx = egui::Context::default();
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let measure = |text: &str, font: f32| {
            ctx.fonts_mut(|f| {
                f.layout_no_wrap(text.to_string(), FontId::proportional(font), Color32::BLACK)
                    .size()
            })
        };
        let layout = Layout::new(rect);
        let left = layout.margin();
        // Each line as drawn: at its size, or smaller where the picture is narrow.
        let fitted = |text: &str, nominal: f32| {
            let size = layout.fitted_size(nominal, measure(text, nominal).x);
            measure(text, size)
        };
        let title = fitted(&model.aid.title, layout.title_size());
        let subtitle = fitted(&text::subtitle(&model), layout.subtitle_size());
        let source = fitted(
            &text::source_line(&model.aid, true, ""),
            layout.small_size(),
        );
        for (what, width) in [
            ("title", title.x),
            ("subtitle", subtitle.x),
            ("source", source.x),
        ] {
            assert!(
                left + width <= size.x - layout.margin(),
                "{size:?}: the {what} is clipped"
            );
        }
        let header_needed = layout.margin() * 0.8 + title.y + 3.0 * layout.scale + subtitle.y;
        assert!(
            header_needed <= layout.header.height(),
            "{size:?}: the header overflows"
        );
        assert!(
            source.y <= layout.footer.height(),
            "{size:?}: the source line overflows"
        );
        let legend = legend_layout(&model, &style, &layout, measure);
        assert!(
            layout.map.contains_rect(legend.frame),
            "{size:?}: the legend leaves the map"
        );
        let transform = MapView::default().transform(model.projected.world_bounds, layout.map);
        let badges = badges_for(&model, &transform, &layout);
        assert_eq!(badges.len(), 10);
        for (i, badge) in badges.iter().enumerate() {
            assert!(
                layout.map.contains_rect(badge.rect()),
                "{size:?}: a badge leaves the map"
            );
            assert!(
                !badge.rect().intersects(legend.frame),
                "{size:?}: a badge is under the legend"
            );
            for other in &badges[i + 1..] {
                assert!(
                    badge.center.distance(other.center) >= badge.radius + other.radius,
                    "{size:?}: badges overlap"
                );
            }
        }
    }

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

    #[test]
    fn nothing_is_clipped_or_overlapping_from_240x700_to_4000x2000() {
        for size in [
            egui::vec2(240.0, 700.0),
            egui::vec2(380.0, 420.0),
            egui::vec2(800.0, 400.0),
            egui::vec2(1600.0, 800.0),
            egui::vec2(1400.0, 860.0),
            egui::vec2(4000.0, 2000.0),
        ] {
            check_layout(size);
        }
    }
}
