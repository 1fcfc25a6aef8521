//! The map's fill and border mesh, kept between frames: built once per zoom, size, theme
//! and data set, moved (not rebuilt) while the user pans, reused as is while hovering.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, TessellationOptions, Tessellator, Vertex, WHITE_UV};
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
    center: [f64; 2],
    origin: Pos2,
    region: Rect,
    /// Shared with the mesh shown while the view is where it was built (no copy).
    mesh: Arc<Mesh>,
}

/// Meshes kept between frames. Panning moves the cached mesh instead of rebuilding
/// it; hovering reuses it as it is.
#[derive(Default)]
pub struct SceneCache {
    base: Option<BaseMesh>,
    shown: Option<(BaseKey, MapView, Rect, Arc<Mesh>)>,
    /// The badges as placed for a data set, view and map area: placing them tests
    /// points against the recipients' outlines, too much to repeat on every hover.
    badges: Option<(u64, MapView, Rect, Placed)>,
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
        if let Some((generation, cached_view, cached_map, badges)) = &self.badges
            && *generation == model.generation
            && cached_view == view
            && *cached_map == map
        {
            return badges.clone();
        }
        let badges = place();
        self.badges = Some((model.generation, *view, map, badges.clone()));
        badges
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
    ) -> Arc<Mesh> {
        let key = BaseKey {
            generation: model.generation,
            zoom: view.zoom,
            map_size: map.size(),
            dark: style.dark,
            pixels_per_point,
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
                center: view.center,
                origin: map.center(),
                region,
                mesh: Arc::new(mesh),
            });
        }
        let Some(base) = &self.base else {
            return Arc::new(Mesh::default());
        };
        let offset = delta(base);
        let mesh = if offset == egui::Vec2::ZERO {
            base.mesh.clone()
        } else {
            let mut moved = Mesh::clone(&base.mesh);
            moved.translate(offset);
            Arc::new(moved)
        };
        self.shown = Some((key, *view, map, mesh.clone()));
        mesh
    }
}

fn fill_mesh(model: &MapModel, transform: &ScreenTransform, clip: Rect, style: &MapStyle) -> Mesh {
    let mut mesh = Mesh::default();
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
    }
    mesh
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
