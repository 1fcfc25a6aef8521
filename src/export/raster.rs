//! A CPU rasterizer for egui's tessellated output, so `aidmap export` draws exactly the
//! triangles the window draws, with no GPU, display or graphics driver. It does what
//! egui's wgpu shader does: vertex colours and textures multiplied in gamma space,
//! premultiplied-alpha blending, bilinear texture sampling, clip rectangles. Anti-
//! aliasing comes from epaint's feathering, as on the GPU. No maintained crate
//! rasterizes epaint 0.37 meshes on the CPU, hence this module.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ClippedPrimitive, Mesh, Primitive, TextureId, Vertex};
use egui::{Color32, ColorImage, ImageData, Pos2, Rect};

/// The textures egui asked for (the font atlas, mostly), kept up to date from the
/// deltas of each pass.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Apply one pass's texture changes.
    pub fn apply(&mut self, delta: &TexturesDelta) {
        for (id, changes) in &delta.set {
            for change in changes {
                let ImageData::Color(image) = &change.image;
                match change.pos {
                    None => {
                        self.images.insert(*id, (*image).as_ref().clone());
                    }
                    Some([x0, y0]) => {
                        if let Some(target) = self.images.get_mut(id) {
                            let [w, h] = image.size;
                            for y in 0..h {
                                for x in 0..w {
                                    let (tx, ty) = (x0 + x, y0 + y);
                                    if tx < target.size[0] && ty < target.size[1] {
                                        target.pixels[ty * target.size[0] + tx] =
                                            image.pixels[y * w + x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
    }
}

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
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let rows_per_band = self.height.div_ceil(threads).max(1);
        let width = self.width;
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
                    for primitive in primitives {
                        if let Primitive::Mesh(mesh) = &primitive.primitive {
                            let clip = scale_rect(primitive.clip_rect, pixels_per_point);
                            let texture = textures.images.get(&mesh.texture_id);
                            band.draw_mesh(mesh, texture, clip, pixels_per_point);
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
}

/// A run of whole rows of the canvas, drawn by one thread.
struct Band<'a> {
    width: usize,
    first_row: usize,
    rows: usize,
    pixels: &'a mut [Color32],
}

impl Band<'_> {
    fn draw_mesh(&mut self, mesh: &Mesh, texture: Option<&ColorImage>, clip: Rect, ppp: f32) {
        let x_min = clip.min.x.max(0.0).floor() as usize;
        let y_min = (clip.min.y.max(0.0).floor() as usize).max(self.first_row);
        let x_max = (clip.max.x.ceil().max(0.0) as usize).min(self.width);
        let y_max = (clip.max.y.ceil().max(0.0) as usize).min(self.first_row + self.rows);
        if x_min >= x_max || y_min >= y_max {
            return;
        }
        let bounds = [x_min, y_min, x_max, y_max];
        for triangle in mesh.indices.chunks_exact(3) {
            let vertex = |i: u32| mesh.vertices.get(i as usize).copied();
            if let (Some(a), Some(b), Some(c)) = (
                vertex(triangle[0]),
                vertex(triangle[1]),
                vertex(triangle[2]),
            ) {
                self.draw_triangle([a, b, c], texture, bounds, ppp);
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
        let y0 = (min_y.floor().max(bounds[1] as f32)) as usize;
        let y1 = ((max_y.ceil() + 1.0).min(bounds[3] as f32)).max(0.0) as usize;
        let x_lo = min_x.floor().max(bounds[0] as f32);
        let x_hi = (max_x.ceil() + 1.0).min(bounds[2] as f32);
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
            for x in (from.max(x_lo) as usize)..(to.min(x_hi).ceil() as usize) {
                let q = Pos2::new(x as f32 + 0.5, py);
                let w0 = edge(p[1], p[2], q);
                let w1 = edge(p[2], p[0], q);
                let w2 = edge(p[0], p[1], q);
                if w0 < bias[0] || w1 < bias[1] || w2 < bias[2] {
                    continue;
                }
                let dst = &mut self.pixels[row + x];
                if let Some(color) = opaque_fill {
                    *dst = color;
                    continue;
                }
                let l = [w0 / area, w1 / area, w2 / area];
                let texture = texture.filter(|_| !solid);
                *dst = blend(shade(&v, l, uniform, texture), *dst);
            }
        }
    }
}

/// Per edge of a triangle, the least edge value that counts as inside. The top-left
/// rule: a pixel centre exactly on an edge belongs to one triangle only, so shared
/// edges of translucent triangles are not blended twice.
#[inline]
fn edge_bias(p: [Pos2; 3]) -> [f32; 3] {
    let top_left = |a: Pos2, b: Pos2| (a.y == b.y && b.x < a.x) || b.y < a.y;
    let bias = |a: Pos2, b: Pos2| if top_left(a, b) { 0.0 } else { f32::EPSILON };
    [bias(p[1], p[2]), bias(p[2], p[0]), bias(p[0], p[1])]
}

/// The pixels of row `py` worth testing: each edge function is linear in x along the
/// row, so the three are non-negative on one span. Visit only that span, plus a pixel
/// of slack (the exact test decides); `None` where it is empty.
#[inline]
fn row_span(edges: &[(Pos2, Pos2); 3], py: f32, x_lo: f32, x_hi: f32) -> Option<(f32, f32)> {
    let (mut from, mut to) = (x_lo, x_hi);
    for &(a, b) in edges {
        let slope = -(b.y - a.y);
        let at_zero = (b.x - a.x) * (py - a.y) - (b.y - a.y) * (0.0 - a.x);
        if slope > 0.0 {
            from = from.max(-at_zero / slope - 1.0);
        } else if slope < 0.0 {
            to = to.min(-at_zero / slope + 1.0);
        } else if at_zero < 0.0 {
            return None;
        }
    }
    (from < to).then_some((from, to))
}

/// The colour at barycentric weights `l`: the vertex colours (mixed unless `uniform`)
/// times the texture, where there is one.
#[inline]
fn shade(v: &[Vertex; 3], l: [f32; 3], uniform: bool, texture: Option<&ColorImage>) -> [f32; 4] {
    let mut color = if uniform {
        rgba(v[0].color)
    } else {
        mix3(rgba(v[0].color), rgba(v[1].color), rgba(v[2].color), l)
    };
    if let Some(texture) = texture {
        let u = v[0].uv.x * l[0] + v[1].uv.x * l[1] + v[2].uv.x * l[2];
        let t = v[0].uv.y * l[0] + v[1].uv.y * l[1] + v[2].uv.y * l[2];
        let texel = sample(texture, u, t);
        for (c, tx) in color.iter_mut().zip(texel) {
            *c *= tx;
        }
    }
    color
}

fn scale_rect(rect: Rect, ppp: f32) -> Rect {
    Rect::from_min_max(rect.min * ppp, rect.max * ppp)
}

/// Twice the signed area of (a, b, c); positive when c is to the right of a→b in
/// y-down coordinates.
fn edge(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

fn rgba(c: Color32) -> [f32; 4] {
    [
        c.r() as f32 / 255.0,
        c.g() as f32 / 255.0,
        c.b() as f32 / 255.0,
        c.a() as f32 / 255.0,
    ]
}

fn mix3(a: [f32; 4], b: [f32; 4], c: [f32; 4], l: [f32; 3]) -> [f32; 4] {
    std::array::from_fn(|i| a[i] * l[0] + b[i] * l[1] + c[i] * l[2])
}

/// Bilinear sample with clamp-to-edge, as egui's textures are set up.
fn sample(image: &ColorImage, u: f32, v: f32) -> [f32; 4] {
    let [w, h] = image.size;
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |x: usize, y: usize| rgba(image.pixels[y * w + x]);
    let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    std::array::from_fn(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        top + (bottom - top) * fy
    })
}

/// Premultiplied "over": `src + dst * (1 - src.a)`.
fn blend(src: [f32; 4], dst: Color32) -> Color32 {
    let d = rgba(dst);
    let keep = 1.0 - src[3].clamp(0.0, 1.0);
    let channel = |i: usize| ((src[i] + d[i] * keep).clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::WHITE_UV;
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
