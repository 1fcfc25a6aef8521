//! The arithmetic of one pixel of a triangle, for the CPU rasterizer (`raster`): edge
//! functions and the top-left rule, the span of a row worth testing, vertex colours and
//! texture samples mixed as egui's shader mixes them, premultiplied blending, and
//! rounding without libm. Hot: everything here runs per pixel or per row.

use egui::epaint::Vertex;
use egui::{Color32, ColorImage, Pos2};

/// Per edge of a triangle, the least edge value that counts as inside. The top-left
/// rule: a pixel centre exactly on an edge belongs to one triangle only, so shared
/// edges of translucent triangles are not blended twice.
#[inline]
pub(crate) fn edge_bias(p: [Pos2; 3]) -> [f32; 3] {
    let top_left = |a: Pos2, b: Pos2| (a.y == b.y && b.x < a.x) || b.y < a.y;
    let bias = |a: Pos2, b: Pos2| if top_left(a, b) { 0.0 } else { f32::EPSILON };
    [bias(p[1], p[2]), bias(p[2], p[0]), bias(p[0], p[1])]
}

/// The pixels of row `py` worth testing: each edge function is linear in x along the
/// row, so the three are non-negative on one span. Visit only that span, plus a pixel
/// of slack (the exact test decides); `None` where it is empty.
#[inline]
pub(crate) fn row_span(
    edges: &[(Pos2, Pos2); 3],
    py: f32,
    x_lo: f32,
    x_hi: f32,
) -> Option<(f32, f32)> {
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
pub(crate) fn shade(
    v: &[Vertex; 3],
    l: [f32; 3],
    uniform: bool,
    texture: Option<&ColorImage>,
) -> [f32; 4] {
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

/// `x.ceil() as usize` for `x ≥ 0`, without a call to libm's `ceilf` (baseline x86-64
/// has no rounding instruction, and this runs for every row of every triangle).
#[inline]
pub(crate) fn ceil_index(x: f32) -> usize {
    let whole = x as usize;
    whole + usize::from((whole as f32) < x)
}

/// `x.floor()` without libm (see [`ceil_index`]); exact for |x| < 2^31, and far
/// coordinates are clamped to the canvas by the caller anyway.
#[inline]
pub(crate) fn floor(x: f32) -> f32 {
    let whole = x as i32 as f32;
    if whole > x { whole - 1.0 } else { whole }
}

/// `x.ceil()` without libm (see [`floor`]).
#[inline]
pub(crate) fn ceil(x: f32) -> f32 {
    -floor(-x)
}

/// Twice the signed area of (a, b, c); positive when c is to the right of a→b in
/// y-down coordinates.
pub(crate) fn edge(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

pub(crate) fn rgba(c: Color32) -> [f32; 4] {
    [
        c.r() as f32 / 255.0,
        c.g() as f32 / 255.0,
        c.b() as f32 / 255.0,
        c.a() as f32 / 255.0,
    ]
}

pub(crate) fn mix3(a: [f32; 4], b: [f32; 4], c: [f32; 4], l: [f32; 3]) -> [f32; 4] {
    std::array::from_fn(|i| a[i] * l[0] + b[i] * l[1] + c[i] * l[2])
}

/// Bilinear sample with clamp-to-edge, as egui's textures are set up.
pub(crate) fn sample(image: &ColorImage, u: f32, v: f32) -> [f32; 4] {
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
pub(crate) fn blend(src: [f32; 4], dst: Color32) -> Color32 {
    let d = rgba(dst);
    let keep = 1.0 - src[3].clamp(0.0, 1.0);
    let channel = |i: usize| ((src[i] + d[i] * keep).clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_and_ceil_without_libm_agree_with_the_standard_ones() {
        for x in [
            -2.5f32,
            -2.0,
            -0.3,
            0.0,
            0.3,
            1.0,
            1.5,
            799.999,
            1.0e6 + 0.5,
        ] {
            assert_eq!(floor(x), x.floor(), "{x}");
            assert_eq!(ceil(x), x.ceil(), "{x}");
            if x >= 0.0 {
                assert_eq!(ceil_index(x), x.ceil() as usize, "{x}");
            }
        }
    }
}
