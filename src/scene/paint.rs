//! Painting the scene: background, country fills (one mesh), borders (decimated to
//! the screen), hover and selection outlines, badges, title, legend and source line.
//! The fill mesh and border shapes are cached while the view and data stay the same,
//! so hovering costs almost nothing.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, Tessellator, Vertex, WHITE_UV};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2,
    vec2,
};

use crate::scene::badges::{Badge, BadgeRequest, place_badges};
use crate::scene::layout::Layout;
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
}

/// What the map's fill and border mesh depends on, other than where the view is
/// centred: panning only moves the mesh, anything here rebuilds it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BaseKey {
    generation: u64,
    zoom: f64,
    map_size: egui::Vec2,
    dark: bool,
    pixels_per_point: f32,
}

/// Fills and tessellated borders on screen for one zoom, with the view centred on
/// `center`, covering `region` (the map area and a map's size around it).
struct BaseMesh {
    key: BaseKey,
    center: [f64; 2],
    origin: Pos2,
    region: Rect,
    mesh: Mesh,
}

/// Meshes kept between frames. Panning moves the cached mesh instead of rebuilding
/// it; hovering reuses it as it is.
#[derive(Default)]
pub struct SceneCache {
    base: Option<BaseMesh>,
    shown: Option<(BaseKey, MapView, Rect, Arc<Mesh>)>,
}

impl SceneCache {
    /// The fill and border mesh for `view`, rebuilt only when the zoom, size, theme or
    /// data changed, or the view has moved beyond the area built.
    fn mesh(
        &mut self,
        painter: &Painter,
        model: &MapModel,
        view: &MapView,
        map: Rect,
        style: &MapStyle,
    ) -> Arc<Mesh> {
        let key = BaseKey {
            generation: model.generation,
            zoom: view.zoom,
            map_size: map.size(),
            dark: style.dark,
            pixels_per_point: painter.pixels_per_point(),
        };
        if let Some((shown_key, shown_view, shown_map, mesh)) = &self.shown
            && *shown_key == key
            && shown_view == view
            && *shown_map == map
        {
            return mesh.clone();
        }
        let transform = view.transform(model.projected.world_bounds, map);
        // Where the mesh's points are now relative to where they were built: the old
        // centre's new screen position minus its old one (the scale is the same).
        let delta = |base: &BaseMesh| transform.to_screen(base.center) - base.origin;
        let usable = self.base.as_ref().is_some_and(|base| {
            base.key == key && base.region.contains_rect(map.translate(-delta(base)))
        });
        if !usable {
            let region = map.expand2(map.size());
            let mut mesh = fill_mesh(model, &transform, region, style);
            append_borders(&mut mesh, painter, model, &transform, region, style);
            self.base = Some(BaseMesh {
                key,
                center: view.center,
                origin: map.center(),
                region,
                mesh,
            });
        }
        let Some(base) = &self.base else {
            return Arc::new(Mesh::default());
        };
        let offset = delta(base);
        let mut mesh = base.mesh.clone();
        if offset != egui::Vec2::ZERO {
            mesh.translate(offset);
        }
        let mesh = Arc::new(mesh);
        self.shown = Some((key, *view, map, mesh.clone()));
        mesh
    }
}

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
    let layout = Layout::new(rect);
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
        outline(hovered, style.hover, 1.6);
    }
    if let Some(selected) = state.selected {
        outline(selected, style.selected, 2.4);
    }

    let badges = badges_for(model, &transform, &layout);
    paint_badges(&map_painter, &badges, style, &layout);
    paint_header(painter, model, style, &layout);
    paint_legend(painter, model, style, &layout);
    paint_footer(painter, model, style, &layout);
    SceneGeometry {
        layout,
        transform,
        badges,
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
fn screen_bounds(bounds: [f64; 4], transform: &ScreenTransform) -> Rect {
    Rect::from_two_pos(
        transform.to_screen([bounds[0], bounds[1]]),
        transform.to_screen([bounds[2], bounds[3]]),
    )
}

fn fill_mesh(model: &MapModel, transform: &ScreenTransform, clip: Rect, style: &MapStyle) -> Mesh {
    let mut mesh = Mesh::default();
    for (index, country) in model.projected.countries.iter().enumerate() {
        if !screen_bounds(country.bounds, transform).intersects(clip) {
            continue;
        }
        let teams = model.teams_of(index);
        let color = if teams > 0 {
            style.highlight(model.classes.class_of(teams), model.classes.len())
        } else {
            style.land
        };
        let base = mesh.vertices.len() as u32;
        mesh.vertices
            .extend(country.triangles.vertices.iter().map(|&[x, y]| Vertex {
                pos: transform.to_screen([x as f64, y as f64]),
                uv: WHITE_UV,
                color,
            }));
        mesh.indices
            .extend(country.triangles.indices.iter().map(|&i| base + i));
    }
    mesh
}

/// Tessellate the borders of every country in `region` into `mesh`, once per zoom.
fn append_borders(
    mesh: &mut Mesh,
    painter: &Painter,
    model: &MapModel,
    transform: &ScreenTransform,
    region: Rect,
    style: &MapStyle,
) {
    let stroke = Stroke::new(style.border_width, style.border);
    let options = painter.ctx().tessellation_options(|o| *o);
    let mut tessellator = Tessellator::new(painter.pixels_per_point(), options, [1, 1], Vec::new());
    for country in &model.projected.countries {
        let bounds = screen_bounds(country.bounds, transform);
        if !bounds.intersects(region) || bounds.width().max(bounds.height()) < 2.0 {
            continue;
        }
        for ring in &country.rings {
            let points = screen_ring(ring, transform, BORDER_TOLERANCE);
            if points.len() >= 3 {
                tessellator.tessellate_path(&PathShape::closed_line(points, stroke), mesh);
            }
        }
    }
}

/// A ring on screen, without points closer than `tolerance` to the one before, and
/// without spikes: epaint mitres the joins of a path, and where a ring turns back on
/// itself (a narrow inlet, a one-pixel peninsula) the mitre shoots far across the map.
pub(crate) fn screen_ring(
    ring: &[[f32; 2]],
    transform: &ScreenTransform,
    tolerance: f32,
) -> Vec<Pos2> {
    /// Joins sharper than about 25° are dropped.
    const SPIKE_COS: f32 = 0.9;
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
    for &[x, y] in ring {
        let p = transform.to_screen([x as f64, y as f64]);
        if points
            .last()
            .is_some_and(|last| last.distance_sq(p) < tolerance * tolerance)
        {
            continue;
        }
        points.push(p);
        while points.len() >= 3 {
            let n = points.len();
            let (a, b, c) = (points[n - 3], points[n - 2], points[n - 1]);
            let turn = (a - b).normalized().dot((c - b).normalized());
            if turn > SPIKE_COS {
                points.remove(n - 2);
            } else {
                break;
            }
        }
    }
    points
}

/// The badges as placed in a picture of `model` filling `rect` (for tests and exports
/// that need to know where they are).
pub fn badge_layout(model: &MapModel, view: &MapView, rect: Rect) -> Vec<Badge> {
    let layout = Layout::new(rect);
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
    place_badges(requests, layout.badge_radius(), layout.map)
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
        FontId::proportional(layout.title_size()),
        style.text,
    );
    painter.text(
        pos2(left, title.bottom() + 3.0 * layout.scale),
        Align2::LEFT_TOP,
        text::subtitle(&model.aid),
        FontId::proportional(layout.subtitle_size()),
        style.muted_text,
    );
}

fn paint_footer(painter: &Painter, model: &MapModel, style: &MapStyle, layout: &Layout) {
    painter.text(
        pos2(
            layout.footer.left() + layout.margin(),
            layout.footer.center().y,
        ),
        Align2::LEFT_CENTER,
        text::source_line(&model.aid, model.natural_earth, &model.outlines.file),
        FontId::proportional(layout.small_size()),
        style.muted_text,
    );
}

/// Where the legend's parts go; shared by the screen and the SVG writer.
pub(crate) struct LegendLayout {
    /// The legend's frame.
    pub frame: Rect,
    /// Top-left of the heading.
    pub heading_pos: Pos2,
    /// The heading text.
    pub heading: &'static str,
    /// Swatch, colour, label position (left-centre) and label of each row.
    pub rows: Vec<(Rect, Color32, Pos2, String)>,
    /// Text size.
    pub font_size: f32,
}

/// Lay out the legend; `measure` gives the size of a text at a font size.
pub(crate) fn legend_layout(
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    measure: impl Fn(&str, f32) -> egui::Vec2,
) -> LegendLayout {
    let font_size = layout.small_size();
    let s = layout.scale;
    let swatch = vec2(22.0 * s, 12.0 * s);
    let row = 18.0 * s;
    let padding = 8.0 * s;
    let heading = "Teams";
    let mut entries: Vec<(Color32, String)> = model
        .classes
        .labels()
        .into_iter()
        .enumerate()
        .map(|(class, label)| (style.highlight(class, model.classes.len()), label))
        .collect();
    entries.push((style.land, "none reported".to_string()));
    let label_width = entries
        .iter()
        .map(|(_, label)| measure(label, font_size).x)
        .fold(0.0f32, f32::max);
    let heading_size = measure(heading, font_size);
    let width = (swatch.x + 6.0 * s + label_width).max(heading_size.x) + 2.0 * padding;
    let height = padding * 2.0 + heading_size.y + 4.0 * s + row * entries.len() as f32;
    let min = pos2(
        layout.map.left() + layout.margin(),
        layout.map.bottom() - layout.margin() - height,
    );
    let mut y = min.y + padding + heading_size.y + 4.0 * s;
    let rows = entries
        .into_iter()
        .map(|(color, label)| {
            let swatch_rect =
                Rect::from_min_size(pos2(min.x + padding, y + (row - swatch.y) / 2.0), swatch);
            let label_pos = pos2(swatch_rect.right() + 6.0 * s, y + row / 2.0);
            y += row;
            (swatch_rect, color, label_pos, label)
        })
        .collect();
    LegendLayout {
        frame: Rect::from_min_size(min, vec2(width, height)),
        heading_pos: min + vec2(padding, padding),
        heading,
        rows,
        font_size,
    }
}

fn paint_legend(painter: &Painter, model: &MapModel, style: &MapStyle, layout: &Layout) {
    let measure = |text: &str, size: f32| {
        painter
            .layout_no_wrap(text.to_string(), FontId::proportional(size), style.text)
            .size()
    };
    let legend = legend_layout(model, style, layout, measure);
    let font = FontId::proportional(legend.font_size);
    painter.rect(
        legend.frame,
        CornerRadius::same((4.0 * layout.scale) as u8),
        style.panel,
        Stroke::new(1.0, style.land),
        StrokeKind::Inside,
    );
    painter.text(
        legend.heading_pos,
        Align2::LEFT_TOP,
        legend.heading,
        font.clone(),
        style.text,
    );
    for (swatch, color, label_pos, label) in legend.rows {
        painter.rect(
            swatch,
            CornerRadius::same(2),
            color,
            Stroke::new(0.5, style.muted_text),
            StrokeKind::Inside,
        );
        painter.text(
            label_pos,
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            style.text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;
    use crate::geometry::projection::Projection;

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
        let title = measure(&model.aid.title, layout.title_size());
        let subtitle = measure(&text::subtitle(&model.aid), layout.subtitle_size());
        let source = measure(
            &text::source_line(&model.aid, true, ""),
            layout.small_size(),
        );
        for (what, width) in [
            ("title", title.x),
            ("subtitle", subtitle.x),
            ("source", source.x),
        ] {
            assert!(left + width < size.x, "{size:?}: the {what} is clipped");
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
    fn nothing_is_clipped_or_overlapping_from_800x400_to_4000x2000() {
        for size in [
            egui::vec2(800.0, 400.0),
            egui::vec2(1600.0, 800.0),
            egui::vec2(1400.0, 860.0),
            egui::vec2(4000.0, 2000.0),
        ] {
            check_layout(size);
        }
    }
}
