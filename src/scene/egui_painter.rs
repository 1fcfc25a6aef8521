//! The egui back-end: draws a display list with an egui `Painter`. The window paints
//! through it, and so does the PNG export (egui tessellates, the CPU rasterizer fills
//! the pixels), so what you see is what you export. It decides nothing: every position,
//! size and colour comes from the list.

use egui::text::{LayoutJob, TextFormat};
use egui::{CornerRadius, FontId, Painter, Rect, Shape, StrokeKind, epaint::PathShape};

use crate::scene::compose::{FillMode, SceneGeometry, SceneRequest, SceneState, compose};
use crate::scene::display::{DisplayList, Item, Primitive, TextRun};
use crate::scene::fonts::measure_with;
use crate::scene::mesh_cache::SceneCache;
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::view::MapView;

/// How meshes reach egui's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeshOutput {
    /// As egui meshes, for the window's GPU renderer (egui copies each on
    /// tessellation).
    Shapes,
    /// As paint callbacks carrying the shared [`SceneMesh`], for the CPU rasterizer:
    /// no copy, and its run bounds come along.
    Callbacks,
}

/// Draw `list` with `painter`, clipping groups that ask for it.
pub fn draw(painter: &Painter, list: &DisplayList) {
    draw_with(painter, list, MeshOutput::Shapes);
}

/// Draw `list` with `painter`, meshes as `meshes` says.
pub fn draw_with(painter: &Painter, list: &DisplayList, meshes: MeshOutput) {
    let mut painters = vec![painter.clone()];
    for item in &list.items {
        match item {
            Item::Begin(group) => {
                let Some(current) = painters.last() else {
                    return;
                };
                let inner = match group.clip() {
                    Some(clip) => current.with_clip_rect(clip),
                    None => current.clone(),
                };
                painters.push(inner);
            }
            Item::End => {
                // The outermost painter is the caller's; an unmatched End keeps it.
                if painters.len() > 1 {
                    painters.pop();
                }
            }
            Item::Draw(primitive) => {
                if let Some(current) = painters.last() {
                    draw_primitive(current, primitive, meshes);
                }
            }
        }
    }
}

fn draw_primitive(painter: &Painter, primitive: &Primitive, meshes: MeshOutput) {
    match primitive {
        Primitive::Mesh(mesh) => match meshes {
            MeshOutput::Shapes => {
                painter.add(Shape::Mesh(mesh.mesh.clone()));
            }
            MeshOutput::Callbacks => {
                let rect = mesh.mesh.calc_bounds().intersect(painter.clip_rect());
                if rect.is_positive() {
                    let callback: std::sync::Arc<dyn std::any::Any + Send + Sync> = mesh.clone();
                    painter.add(Shape::Callback(egui::epaint::PaintCallback {
                        rect,
                        callback,
                    }));
                }
            }
        },
        Primitive::Area {
            rings,
            fill,
            stroke,
        } => {
            // epaint fills only convex paths: the scene sends single convex rings
            // filled (the sea) and countries as a mesh, so other rings are outlines.
            if let [ring] = rings.as_slice() {
                painter.add(Shape::convex_polygon(ring.clone(), *fill, *stroke));
            } else {
                for ring in rings {
                    painter.add(PathShape::closed_line(ring.clone(), *stroke));
                }
            }
        }
        Primitive::Lines { pieces, stroke } => {
            for piece in pieces {
                painter.add(PathShape::line(piece.clone(), *stroke));
            }
        }
        Primitive::Line { points, stroke } => {
            painter.line_segment(*points, *stroke);
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            painter.circle(*center, *radius, *fill, *stroke);
        }
        Primitive::Rect {
            rect,
            corner_radius,
            fill,
            stroke,
        } => {
            let corner = CornerRadius::same(corner_radius.round().clamp(0.0, 255.0) as u8);
            painter.rect(*rect, corner, *fill, *stroke, StrokeKind::Inside);
        }
        Primitive::Text(run) => draw_text(painter, run),
    }
}

/// A halo's reach, as a share of the text size.
const HALO_SHARE: f32 = 0.12;
/// The directions a halo is drawn in: the eight neighbours of a point.
const HALO_OFFSETS: [(f32, f32); 8] = [
    (-1.0, -1.0),
    (0.0, -1.0),
    (1.0, -1.0),
    (-1.0, 0.0),
    (1.0, 0.0),
    (-1.0, 1.0),
    (0.0, 1.0),
    (1.0, 1.0),
];

fn draw_text(painter: &Painter, run: &TextRun) {
    let job = LayoutJob::single_section(
        run.text.clone(),
        TextFormat {
            font_id: FontId::proportional(run.size),
            color: run.color,
            italics: run.italic,
            ..TextFormat::default()
        },
    );
    let galley = painter.layout_job(job);
    let at = run.anchor.anchor_size(run.pos, galley.size()).min;
    if let Some(halo) = run.halo {
        // The letters drawn in the halo's colour at eight offsets make the rim
        // (egui has no text outline); the galley is laid out once and shared.
        let reach = (run.size * HALO_SHARE).max(0.5);
        for (dx, dy) in HALO_OFFSETS {
            let offset = egui::vec2(dx, dy) * reach;
            painter.galley_with_override_text_color(at + offset, galley.clone(), halo);
        }
    }
    painter.galley(at, galley, run.color);
}

/// Compose and draw the map (no card) into `rect` with `painter`, for the window and
/// tests; returns where things are, for hit-testing.
pub fn paint_scene(
    painter: &Painter,
    rect: Rect,
    model: &MapModel,
    view: &MapView,
    style: &MapStyle,
    state: &SceneState,
    cache: &mut SceneCache,
) -> SceneGeometry {
    let request = SceneRequest {
        rect,
        view: *view,
        style: style.clone(),
        state: *state,
        card: false,
        fills: FillMode::Mesh {
            pixels_per_point: painter.pixels_per_point(),
        },
        transparent: false,
    };
    let measure = |text: &str, size: f32| measure_with(painter, text, size);
    let scene = compose(model, &request, cache, &measure);
    draw(painter, &scene.list);
    scene.geometry
}
