//! The map's fill and border mesh, kept between frames: built once per zoom, size, theme
//! and data set, moved (not rebuilt) while the user pans, reused as is while hovering.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, TessellationOptions, Tessellator, Vertex, WHITE_UV};

use crate::scene::display::SceneMesh;
use egui::{Pos2, Rect, Stroke};

use crate::scene::badges::Placed;
use crate::scene::model::MapModel;
use crate::scene::screen::{BORDER_TOLERANCE, screen_bounds, screen_ring};
use crate::scene::style::MapStyle;
use crate::scene::view::{MapView, ScreenTransform};

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
    /// The counts the fills were coloured for ([`MapModel::counts_generation`]).
    counts: u64,
    /// Each drawn country's fill vertices, for recolouring on a new day.
    fill_ranges: Vec<(usize, std::ops::Range<usize>)>,
    center: [f64; 2],
    origin: Pos2,
    region: Rect,
    /// Shared with the mesh shown while the view is where it was built (no copy).
    mesh: Arc<SceneMesh>,
}

/// Meshes kept between frames. Panning moves the cached mesh instead of rebuilding
/// it; hovering reuses it as it is.
#[derive(Default)]
pub struct SceneCache {
    base: Option<BaseMesh>,
    shown: Option<(BaseKey, MapView, Rect, Arc<SceneMesh>)>,
    /// Where the fills were recoloured since [`SceneCache::take_fill_changes`] was
    /// last called; `None` when the mesh was rebuilt or moved since (anything may
    /// have changed).
    fill_changes: Option<Vec<Rect>>,
    /// The badges as placed for a data set, view and map area: placing them tests
    /// points against the recipients' outlines, too much to repeat on every hover.
    badges: Option<([u64; 2], MapView, Rect, Placed)>,
}

impl SceneCache {
    /// The badges for `model` in `view` over `map`, placed by `place` when any of the
    /// three changed since the last frame.
    pub(crate) fn badges(
        &mut self,
        model: &MapModel,
        view: &MapView,
        map: Rect,
        place: impl FnOnce() -> Placed,
    ) -> Placed {
        let generations = [model.generation, model.counts_generation];
        if let Some((cached, cached_view, cached_map, badges)) = &self.badges
            && *cached == generations
            && cached_view == view
            && *cached_map == map
        {
            return badges.clone();
        }
        let badges = place();
        self.badges = Some((generations, *view, map, badges.clone()));
        badges
    }

    /// Where the fills changed colour since the last call (a new day on the timeline),
    /// in points; `None` when the mesh was rebuilt or moved since, so that anything
    /// may differ. Starts the next account.
    pub fn take_fill_changes(&mut self) -> Option<Vec<Rect>> {
        self.fill_changes.replace(Vec::new())
    }

    /// The fill and border mesh for `view`, rebuilt only when the zoom, size, theme or
    /// data changed, or the view has moved beyond the area built.
    pub(crate) fn mesh(
        &mut self,
        model: &MapModel,
        view: &MapView,
        map: Rect,
        style: &MapStyle,
        pixels_per_point: f32,
    ) -> Arc<SceneMesh> {
        let key = BaseKey {
            generation: model.generation,
            zoom: view.zoom,
            map_size: map.size(),
            dark: style.dark,
            pixels_per_point,
        };
        if let Some((shown_key, shown_view, shown_map, mesh)) = &self.shown
            && *shown_key == key
            && self
                .base
                .as_ref()
                .is_some_and(|b| b.counts == model.counts_generation)
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
            let (mut mesh, fill_ranges) = fill_mesh(model, &transform, region, style);
            append_borders(
                &mut mesh,
                pixels_per_point,
                model,
                &transform,
                region,
                style,
            );
            self.base = Some(BaseMesh {
                key,
                counts: model.counts_generation,
                fill_ranges,
                center: view.center,
                origin: map.center(),
                region,
                mesh: Arc::new(SceneMesh::new(mesh)),
            });
            self.fill_changes = None;
        }
        let Some(base) = &mut self.base else {
            return Arc::new(SceneMesh::new(Mesh::default()));
        };
        if base.counts != model.counts_generation {
            // The mesh shown last holds the base mesh too: let go of it, so the
            // colours change in place rather than in a copy.
            self.shown = None;
            let changed = recolour(base, model, style);
            if let Some(changes) = &mut self.fill_changes {
                changes.extend(changed);
            }
        }
        let offset = delta(base);
        let mesh = if offset == egui::Vec2::ZERO {
            base.mesh.clone()
        } else {
            self.fill_changes = None;
            let mut moved = SceneMesh::clone(&base.mesh);
            moved.translate(offset);
            Arc::new(moved)
        };
        self.shown = Some((key, *view, map, mesh.clone()));
        mesh
    }
}

/// A new day: the fills take the counts' colours; the shapes and borders stay.
/// Returns the bounds of the countries whose colour changed.
fn recolour(base: &mut BaseMesh, model: &MapModel, style: &MapStyle) -> Vec<Rect> {
    let mesh = Arc::make_mut(&mut Arc::make_mut(&mut base.mesh).mesh);
    let mut changed = Vec::new();
    for (country, range) in &base.fill_ranges {
        let color = model.fill_of(*country, style);
        let vertices = &mut mesh.vertices[range.clone()];
        if vertices.first().is_some_and(|v| v.color != color) {
            let mut bounds = Rect::NOTHING;
            for vertex in vertices {
                vertex.color = color;
                bounds.extend_with(vertex.pos);
            }
            changed.push(bounds);
        }
    }
    base.counts = model.counts_generation;
    changed
}

/// The countries' fills in `clip`, and each country's range of vertices.
fn fill_mesh(
    model: &MapModel,
    transform: &ScreenTransform,
    clip: Rect,
    style: &MapStyle,
) -> (Mesh, Vec<(usize, std::ops::Range<usize>)>) {
    let mut mesh = Mesh::default();
    let mut ranges = Vec::new();
    for (index, country) in model.projected.countries.iter().enumerate() {
        if !screen_bounds(country.bounds, transform).intersects(clip) {
            continue;
        }
        let color = model.fill_of(index, style);
        let base = mesh.vertices.len() as u32;
        mesh.vertices
            .extend(country.triangles.vertices.iter().map(|&[x, y]| Vertex {
                pos: transform.to_screen([x as f64, y as f64]),
                uv: WHITE_UV,
                color,
            }));
        mesh.indices
            .extend(country.triangles.indices.iter().map(|&i| base + i));
        ranges.push((index, base as usize..mesh.vertices.len()));
    }
    (mesh, ranges)
}

/// Tessellate the borders of every country in `region` into `mesh`, once per zoom.
fn append_borders(
    mesh: &mut Mesh,
    pixels_per_point: f32,
    model: &MapModel,
    transform: &ScreenTransform,
    region: Rect,
    style: &MapStyle,
) {
    let stroke = Stroke::new(style.border_width, style.border);
    // egui's default options, as the window's context uses (feathering on).
    let options = TessellationOptions::default();
    let mut tessellator = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
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
