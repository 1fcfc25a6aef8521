//! A CPU rasterizer for egui's tessellated output, so `aidmap export` draws exactly the
//! triangles the window draws, with no GPU, display or graphics driver. It does what
//! egui's wgpu shader does: vertex colours and textures multiplied in gamma space,
//! premultiplied-alpha blending, bilinear texture sampling, clip rectangles. Anti-
//! aliasing comes from epaint's feathering, as on the GPU. No maintained crate
//! rasterizes epaint 0.37 meshes on the CPU, hence this module.

use std::borrow::Cow;

use egui::epaint::{ClippedPrimitive, Mesh, Primitive, Vertex};
use egui::{Color32, ColorImage, Pos2, Rect};

use crate::export::pixels::{blend, ceil, ceil_index, edge, edge_bias, floor, row_span, shade};
pub use crate::export::textures::Textures;
use crate::scene::display::{SceneMesh, run_bounds};

/// An RGBA picture, premultiplied alpha, drawn into by [`Canvas::draw`].
pub struct Canvas {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Row-major pixels.
    pub pixels: Vec<Color32>,
}

impl Canvas {
    /// A canvas filled with `background`.
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Canvas {
            width,
            height,
            pixels: vec![background; width * height],
        }
    }

    /// Draw tessellated primitives whose coordinates are in points, at
    /// `pixels_per_point` pixels per point. The canvas is split into horizontal bands
    /// drawn on separate threads (one per core): every band sees every triangle, clipped
    /// to its own rows, so the result is the same as drawing on one thread.
    pub fn draw(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
    ) {
        let everything = Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(self.width as f32, self.height as f32),
        );
        self.draw_within(primitives, textures, pixels_per_point, &[everything]);
    }

    /// Draw `primitives` only inside `regions` (in pixels), after painting them with
    /// `background`: the rest of the canvas keeps what it has. An animation redraws
    /// only what changed from the frame before.
    pub fn redraw_regions(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
        regions: &[Rect],
        background: Color32,
    ) {
        let regions = self.whole_pixels(regions);
        for region in &regions {
            let [x0, y0, x1, y1] = region_bounds(*region);
            for y in y0..y1 {
                self.pixels[y * self.width + x0..y * self.width + x1].fill(background);
            }
        }
        self.draw_within(primitives, textures, pixels_per_point, &regions);
    }

    /// `regions` grown to whole pixels inside the canvas, merged where they then
    /// overlap: a pixel in two regions would be blended twice.
    fn whole_pixels(&self, regions: &[Rect]) -> Vec<Rect> {
        let canvas = Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(self.width as f32, self.height as f32),
        );
        let mut merged: Vec<Rect> = Vec::new();
        for region in regions {
            let mut rect = Rect::from_min_max(
                Pos2::new(floor(region.min.x), floor(region.min.y)),
                Pos2::new(ceil(region.max.x), ceil(region.max.y)),
            )
            .intersect(canvas);
            if !rect.is_positive() {
                continue;
            }
            while let Some(k) = merged.iter().position(|other| overlap(*other, rect)) {
                rect = rect.union(merged.swap_remove(k));
            }
            merged.push(rect);
        }
        merged
    }

    fn draw_within(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
        regions: &[Rect],
    ) {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let rows_per_band = self.height.div_ceil(threads).max(1);
        let width = self.width;
        // Each band and region skips the runs of triangles whose bounds it misses:
        // the scene's meshes bring their runs' bounds; egui's own (text, shapes) are
        // small, and measured here.
        let meshes: Vec<Option<MeshAndRuns<'_>>> = primitives
            .iter()
            .map(|primitive| match &primitive.primitive {
                Primitive::Mesh(mesh) => Some((mesh, Cow::Owned(run_bounds(mesh)))),
                Primitive::Callback(callback) => callback
                    .callback
                    .downcast_ref::<SceneMesh>()
                    .map(|scene| (scene.mesh.as_ref(), Cow::Borrowed(scene.runs.as_slice()))),
            })
            .collect();
        let meshes = &meshes;
        std::thread::scope(|scope| {
            for (band_index, band) in self.pixels.chunks_mut(rows_per_band * width).enumerate() {
                let first_row = band_index * rows_per_band;
                let mut band = Band {
                    width,
                    first_row,
                    rows: band.len() / width.max(1),
                    pixels: band,
                };
                scope.spawn(move || {
                    for (primitive, mesh) in primitives.iter().zip(meshes) {
                        let Some((mesh, runs)) = mesh else {
                            continue;
                        };
                        let texture = textures.images.get(&mesh.texture_id);
                        let clip = scale_rect(primitive.clip_rect, pixels_per_point);
                        for region in regions {
                            let drawn = DrawnMesh {
                                mesh,
                                runs,
                                texture,
                            };
                            band.draw_mesh(&drawn, clip.intersect(*region), pixels_per_point);
                        }
                    }
                });
            }
        });
    }

    /// The picture as an egui image (for PNG encoding and comparisons).
    pub fn into_image(self) -> ColorImage {
        ColorImage::new([self.width, self.height], self.pixels)
    }

    /// A canvas holding `image` (to draw the next frame of an animation over).
    pub fn from_image(image: ColorImage) -> Self {
        Canvas {
            width: image.size[0],
            height: image.size[1],
            pixels: image.pixels,
        }
    }
}

/// A mesh of the picture and the bounds of its runs of triangles.
type MeshAndRuns<'a> = (&'a Mesh, Cow<'a, [Rect]>);

/// A mesh to draw, with the bounds of each run of [`SceneMesh::RUN`] triangles, in
/// points.
struct DrawnMesh<'a> {
    mesh: &'a Mesh,
    runs: &'a [Rect],
    texture: Option<&'a ColorImage>,
}

/// True when `a` and `b` share some area (not merely an edge).
fn overlap(a: Rect, b: Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// A pixel-aligned rectangle as `[x0, y0, x1, y1]`.
fn region_bounds(region: Rect) -> [usize; 4] {
    [
        region.min.x.max(0.0) as usize,
        region.min.y.max(0.0) as usize,
        region.max.x.max(0.0) as usize,
        region.max.y.max(0.0) as usize,
    ]
}

/// A run of whole rows of the canvas, drawn by one thread.
struct Band<'a> {
    width: usize,
    first_row: usize,
    rows: usize,
    pixels: &'a mut [Color32],
}

impl Band<'_> {
    fn draw_mesh(&mut self, drawn: &DrawnMesh<'_>, clip: Rect, ppp: f32) {
        let x_min = clip.min.x.max(0.0).floor() as usize;
        let y_min = (clip.min.y.max(0.0).floor() as usize).max(self.first_row);
        let x_max = (clip.max.x.ceil().max(0.0) as usize).min(self.width);
        let y_max = (clip.max.y.ceil().max(0.0) as usize).min(self.first_row + self.rows);
        if x_min >= x_max || y_min >= y_max {
            return;
        }
        let bounds = [x_min, y_min, x_max, y_max];
        let area = Rect::from_min_max(
            Pos2::new(x_min as f32 - 1.0, y_min as f32 - 1.0),
            Pos2::new(x_max as f32 + 1.0, y_max as f32 + 1.0),
        );
        // The same box in points: most triangles of a large mesh fall outside a band
        // (or a frame's changed area) and are dropped here, before any set-up work.
        let (left, top) = (area.min.x / ppp, area.min.y / ppp);
        let (right, bottom) = (area.max.x / ppp, area.max.y / ppp);
        let (mesh, vertices) = (drawn.mesh, &drawn.mesh.vertices);
        let runs = mesh.indices.chunks(3 * SceneMesh::RUN);
        for (run, run_triangles) in drawn.runs.iter().zip(runs) {
            if !overlap(scale_rect(*run, ppp), area) {
                continue;
            }
            for triangle in run_triangles.chunks_exact(3) {
                let (Some(a), Some(b), Some(c)) = (
                    vertices.get(triangle[0] as usize),
                    vertices.get(triangle[1] as usize),
                    vertices.get(triangle[2] as usize),
                ) else {
                    continue;
                };
                let outside = (a.pos.y < top && b.pos.y < top && c.pos.y < top)
                    || (a.pos.y > bottom && b.pos.y > bottom && c.pos.y > bottom)
                    || (a.pos.x < left && b.pos.x < left && c.pos.x < left)
                    || (a.pos.x > right && b.pos.x > right && c.pos.x > right);
                if !outside {
                    self.draw_triangle([*a, *b, *c], drawn.texture, bounds, ppp);
                }
            }
        }
    }

    fn draw_triangle(
        &mut self,
        v: [Vertex; 3],
        texture: Option<&ColorImage>,
        bounds: [usize; 4],
        ppp: f32,
    ) {
        let p: [Pos2; 3] = [v[0].pos * ppp, v[1].pos * ppp, v[2].pos * ppp];
        let area = edge(p[0], p[1], p[2]);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        // Orient so that all edge values are positive inside.
        let (p, v) = if area < 0.0 {
            ([p[0], p[2], p[1]], [v[0], v[2], v[1]])
        } else {
            (p, v)
        };
        let area = area.abs();
        let min_y = p.iter().map(|q| q.y).fold(f32::INFINITY, f32::min);
        let max_y = p.iter().map(|q| q.y).fold(f32::NEG_INFINITY, f32::max);
        let min_x = p.iter().map(|q| q.x).fold(f32::INFINITY, f32::min);
        let max_x = p.iter().map(|q| q.x).fold(f32::NEG_INFINITY, f32::max);
        let y0 = (floor(min_y).max(bounds[1] as f32)) as usize;
        let y1 = ((ceil(max_y) + 1.0).min(bounds[3] as f32)).max(0.0) as usize;
        let x_lo = floor(min_x).max(bounds[0] as f32);
        let x_hi = (ceil(max_x) + 1.0).min(bounds[2] as f32);
        if y0 >= y1 || x_lo >= x_hi {
            return;
        }
        let solid = texture.is_none() || v.iter().all(|vertex| vertex.uv == egui::epaint::WHITE_UV);
        let uniform = v[0].color == v[1].color && v[1].color == v[2].color;
        let opaque_fill = (solid && uniform && v[0].color.a() == 255).then_some(v[0].color);
        let bias = edge_bias(p);
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        for y in y0..y1 {
            let py = y as f32 + 0.5;
            let Some((from, to)) = row_span(&edges, py, x_lo, x_hi) else {
                continue;
            };
            let row = (y - self.first_row) * self.width;
            let weights = |x: usize| {
                let q = Pos2::new(x as f32 + 0.5, py);
                let w = [
                    edge(p[1], p[2], q),
                    edge(p[2], p[0], q),
                    edge(p[0], p[1], q),
                ];
                let inside = w[0] >= bias[0] && w[1] >= bias[1] && w[2] >= bias[2];
                (inside, w)
            };
            let (mut start, mut end) = (from.max(x_lo) as usize, ceil_index(to.min(x_hi)));
            if let Some(color) = opaque_fill {
                // A triangle is convex: its pixels on a row are one run. Find its ends
                // (the span above has a pixel of slack each side) and fill it whole.
                while start < end && !weights(start).0 {
                    start += 1;
                }
                while end > start && !weights(end - 1).0 {
                    end -= 1;
                }
                self.pixels[row + start..row + end].fill(color);
                continue;
            }
            for x in start..end {
                let (inside, [w0, w1, w2]) = weights(x);
                if !inside {
                    continue;
                }
                let dst = &mut self.pixels[row + x];
                let l = [w0 / area, w1 / area, w2 / area];
                let texture = texture.filter(|_| !solid);
                *dst = blend(shade(&v, l, uniform, texture), *dst);
            }
        }
    }
}

fn scale_rect(rect: Rect, ppp: f32) -> Rect {
    Rect::from_min_max(rect.min * ppp, rect.max * ppp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{TextureId, WHITE_UV};
    use egui::pos2;

    fn vertex(x: f32, y: f32, color: Color32) -> Vertex {
        Vertex {
            pos: pos2(x, y),
            uv: WHITE_UV,
            color,
        }
    }

    #[test]
    fn a_square_of_two_triangles_covers_its_pixels_once() {
        let mut canvas = Canvas::new(8, 8, Color32::BLACK);
        let half = Color32::from_rgba_premultiplied(128, 0, 0, 128);
        let mesh = Mesh {
            indices: vec![0, 1, 2, 0, 2, 3],
            vertices: vec![
                vertex(2.0, 2.0, half),
                vertex(6.0, 2.0, half),
                vertex(6.0, 6.0, half),
                vertex(2.0, 6.0, half),
            ],
            texture_id: TextureId::default(),
        };
        let primitive = ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        };
        canvas.draw(&[primitive], &Textures::default(), 1.0);
        let at = |x: usize, y: usize| canvas.pixels[y * 8 + x];
        // Inside: blended once (not twice along the diagonal).
        for (x, y) in [(2, 2), (3, 3), (4, 4), (5, 2), (2, 5)] {
            assert_eq!(
                at(x, y),
                Color32::from_rgba_premultiplied(128, 0, 0, 255),
                "({x}, {y})"
            );
        }
        assert_eq!(at(1, 1), Color32::BLACK);
        assert_eq!(at(6, 6), Color32::BLACK);
    }

    #[test]
    fn clip_rectangles_are_respected() {
        let mut canvas = Canvas::new(8, 8, Color32::BLACK);
        let mesh = Mesh {
            indices: vec![0, 1, 2],
            vertices: vec![
                vertex(0.0, 0.0, Color32::WHITE),
                vertex(16.0, 0.0, Color32::WHITE),
                vertex(0.0, 16.0, Color32::WHITE),
            ],
            texture_id: TextureId::default(),
        };
        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0));
        canvas.draw(
            &[ClippedPrimitive {
                clip_rect: clip,
                primitive: Primitive::Mesh(mesh),
            }],
            &Textures::default(),
            1.0,
        );
        assert_eq!(canvas.pixels[0], Color32::WHITE);
        assert_eq!(canvas.pixels[5], Color32::BLACK);
    }
}
