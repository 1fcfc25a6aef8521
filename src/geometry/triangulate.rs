//! Filling a polygon with triangles, in bounded time whatever its shape: earcut where
//! the polygon is simple and earcut's triangles add up to its area, spade's constrained
//! Delaunay triangulation where not, and no fill at all (a border only) for rings that
//! cross themselves too often to fill in bounded time.

use geo::{Area, Coord, LineString, Polygon, TriangulateEarcut};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject};

use crate::geometry::strips::StripIndex;

/// A triangle mesh in projected coordinates.
#[derive(Debug, Clone, Default)]
pub struct Triangles {
    /// Vertex positions.
    pub vertices: Vec<[f32; 2]>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

/// Triangulate `polygon` into `out`. Repeated and collinear points are dropped first
/// (they add nothing to a fill, and a ring of thousands of collinear points made earcut
/// quadratic). Then earcut, which is fast, unless the polygon is not simple (earcut's
/// handling of self-crossing rings took seconds for a 1,000-point star) or its
/// triangles do not add up to the polygon's area (earcut can put a triangle outside a
/// polygon whose rings touch themselves, as Sudan's does at 1:110m); then spade's
/// constrained Delaunay triangulation, which is slower but exact.
pub(crate) fn triangulate_into(polygon: &Polygon<f64>, out: &mut Triangles) -> Filled {
    let polygon = without_collinear_points(polygon);
    if polygon.exterior().0.len() < 4 {
        return Filled::Yes;
    }
    match crossings(&polygon) {
        Crossings::None => {}
        Crossings::Some => {
            spade_into(&polygon, out, None);
            return Filled::Yes;
        }
        Crossings::TooMany => return Filled::No,
    }
    let raw = polygon.earcut_triangles_raw();
    let covered: f64 = raw
        .triangle_indices
        .chunks_exact(3)
        .map(|t| {
            let [a, b, c] = [raw.vertices[t[0]], raw.vertices[t[1]], raw.vertices[t[2]]];
            ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
        })
        .sum();
    let area = polygon.unsigned_area();
    if (covered - area).abs() <= area * 1e-6 + 1e-15 {
        push_raw(&raw, out);
    } else {
        spade_into(&polygon, out, Some(&raw));
    }
    Filled::Yes
}

/// Whether a polygon got its fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Filled {
    Yes,
    /// Its rings cross themselves too often to fill in bounded time: only its border
    /// is drawn, and the map says so.
    No,
}

/// Spade's triangles of `polygon` into `out`; where spade refuses the polygon, earcut's
/// (`fallback`), if there are any.
fn spade_into(
    polygon: &Polygon<f64>,
    out: &mut Triangles,
    fallback: Option<&geo::triangulate_earcut::RawTriangulation<f64>>,
) {
    if !constrained_delaunay_into(polygon, out)
        && let Some(raw) = fallback
    {
        push_raw(raw, out);
    }
}

/// The triangles of `polygon` by spade's constrained Delaunay triangulation of its
/// rings, into `out`; false (and `out` untouched) where spade refuses a point. A
/// triangle is kept when its centroid is inside the polygon by the even-odd rule, found
/// with the polygon's strip index (a few edges a test). geo's
/// `constrained_triangulation` made the same test against every edge of every ring,
/// which took most of a second at 1:10m. (Walking the triangles from the hull and
/// flipping at each ring edge is faster still, but wrong where a ring runs along one
/// of its own edges twice, as Sudan's does.)
fn constrained_delaunay_into(polygon: &Polygon<f64>, out: &mut Triangles) -> bool {
    use spade::{ConstrainedDelaunayTriangulation, Point2, Triangulation};
    let mut cdt = ConstrainedDelaunayTriangulation::<Point2<f64>>::new();
    for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
        let mut previous = None;
        for c in &ring.0 {
            let Ok(vertex) = cdt.insert(Point2::new(c.x, c.y)) else {
                return false;
            };
            if let Some(from) = previous
                && from != vertex
            {
                // Rings that cross (a self-crossing outline) are split where they do.
                cdt.add_constraint_and_split(from, vertex, |p| p);
            }
            previous = Some(vertex);
        }
    }
    let inside = StripIndex::new(polygon);
    let base = out.vertices.len() as u32;
    out.vertices.extend(
        cdt.vertices()
            .map(|v| [v.position().x as f32, v.position().y as f32]),
    );
    for face in cdt.inner_faces() {
        let [a, b, c] = face.positions();
        let centroid = Coord {
            x: (a.x + b.x + c.x) / 3.0,
            y: (a.y + b.y + c.y) / 3.0,
        };
        if inside.contains(centroid) {
            out.indices
                .extend(face.vertices().map(|v| base + v.fix().index() as u32));
        }
    }
    true
}

fn push_raw(raw: &geo::triangulate_earcut::RawTriangulation<f64>, out: &mut Triangles) {
    let base = out.vertices.len() as u32;
    out.vertices
        .extend(raw.vertices.iter().map(|[x, y]| [*x as f32, *y as f32]));
    out.indices
        .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
}

/// `polygon` without repeated points and without points on the straight line between
/// their neighbours.
fn without_collinear_points(polygon: &Polygon<f64>) -> Polygon<f64> {
    Polygon::new(
        simplify_ring(polygon.exterior()),
        polygon.interiors().iter().map(simplify_ring).collect(),
    )
}

fn simplify_ring(ring: &LineString<f64>) -> LineString<f64> {
    let mut kept: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
    for &c in &ring.0 {
        if kept.last() == Some(&c) {
            continue;
        }
        while kept.len() >= 2 && collinear(kept[kept.len() - 2], kept[kept.len() - 1], c) {
            kept.pop();
        }
        kept.push(c);
    }
    LineString(kept)
}

/// True when `b` lies on the straight segment from `a` to `c` (within rounding).
fn collinear(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>) -> bool {
    let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    let scale = (c.x - a.x).abs().max((c.y - a.y).abs());
    let between = (b.x - a.x) * (c.x - b.x) >= 0.0 && (b.y - a.y) * (c.y - b.y) >= 0.0;
    between && cross.abs() <= 1e-12 * scale * scale
}

/// How often the edges of a polygon's rings cross each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Crossings {
    /// Never, or a few times (real outlines have a few: earcut copes, and the area
    /// check catches where it does not).
    None,
    /// Often enough to slow earcut down: spade splits the edges where they cross.
    Some,
    /// So often (or with so many edges side by side) that splitting them would take
    /// minutes: a scribble, not an outline.
    TooMany,
}

/// Rings this small are left to earcut, whose cost there is negligible.
const CROSSING_CHECK_MIN: usize = 64;
/// Crossings earcut is left with (real outlines have a few where rings touch).
const FEW_CROSSINGS: usize = 16;
/// Crossings spade may split.
const MAX_CROSSINGS: usize = 2_000;
/// Edge pairs the R-tree pass may compare.
const PAIR_BUDGET: usize = 20_000_000;

/// Count crossings of `polygon`'s edges within bounded work. First a sweep over the
/// edges' x-extents, cheap where few edges share an x (a circle of three million
/// points: a second); where that would compare too many pairs (a long coast that
/// winds back over the same longitudes), an R-tree of the edges' boxes, which compares
/// only edges near each other, within a budget of pairs.
fn crossings(polygon: &Polygon<f64>) -> Crossings {
    let mut lines: Vec<geo::Line<f64>> = std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .flat_map(|ring| ring.lines())
        .collect();
    if lines.len() <= CROSSING_CHECK_MIN {
        return Crossings::None;
    }
    let found = x_sweep(&mut lines).or_else(|| rtree_pass(&lines));
    match found {
        Some(n) if n <= FEW_CROSSINGS => Crossings::None,
        Some(n) if n <= MAX_CROSSINGS => Crossings::Some,
        _ => Crossings::TooMany,
    }
}

/// True when `a` and `b` cross at a point inside both (sharing a corner is no crossing).
fn cross(a: geo::Line<f64>, b: geo::Line<f64>) -> bool {
    matches!(
        geo::algorithm::line_intersection::line_intersection(a, b),
        Some(geo::LineIntersection::SinglePoint {
            is_proper: true,
            ..
        })
    )
}

/// Crossings found comparing edges whose x-extents overlap (up to one past
/// [`MAX_CROSSINGS`]), or `None` when that would compare more than a few pairs per edge.
fn x_sweep(lines: &mut [geo::Line<f64>]) -> Option<usize> {
    let budget = 8 * lines.len() + 10_000;
    let min_x = |l: &geo::Line<f64>| l.start.x.min(l.end.x);
    let max_x = |l: &geo::Line<f64>| l.start.x.max(l.end.x);
    lines.sort_by(|a, b| min_x(a).total_cmp(&min_x(b)));
    let (mut pairs, mut found) = (0usize, 0usize);
    for (i, a) in lines.iter().enumerate() {
        for b in lines[i + 1..].iter().take_while(|b| min_x(b) <= max_x(a)) {
            pairs += 1;
            if pairs > budget {
                return None;
            }
            if cross(*a, *b) {
                found += 1;
                if found > MAX_CROSSINGS {
                    return Some(found);
                }
            }
        }
    }
    Some(found)
}

/// Crossings found comparing edges whose boxes overlap, with an R-tree (up to one past
/// [`MAX_CROSSINGS`]), or `None` past [`PAIR_BUDGET`] pairs.
fn rtree_pass(lines: &[geo::Line<f64>]) -> Option<usize> {
    let envelope = |l: &geo::Line<f64>| {
        Rectangle::from_corners(
            [l.start.x.min(l.end.x), l.start.y.min(l.end.y)],
            [l.start.x.max(l.end.x), l.start.y.max(l.end.y)],
        )
    };
    let index: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>> = RTree::bulk_load(
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| GeomWithData::new(envelope(l), i))
            .collect(),
    );
    let (mut pairs, mut found) = (0usize, 0usize);
    for (i, a) in lines.iter().enumerate() {
        let near = index.locate_in_envelope_intersecting(&envelope(a).envelope());
        for other in near.filter(|o| o.data > i) {
            pairs += 1;
            if pairs > PAIR_BUDGET {
                return None;
            }
            if cross(*a, lines[other.data]) {
                found += 1;
                if found > MAX_CROSSINGS {
                    return Some(found);
                }
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The area covered by `triangles`.
    fn covered(triangles: &Triangles) -> f64 {
        triangles
            .indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|i| triangles.vertices[t[i] as usize]);
                let cross = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
                (cross as f64).abs() / 2.0
            })
            .sum()
    }

    fn filled(polygon: &Polygon<f64>) -> f64 {
        let mut out = Triangles::default();
        assert!(constrained_delaunay_into(polygon, &mut out));
        covered(&out)
    }

    fn square(x: f64, y: f64, side: f64) -> LineString<f64> {
        LineString::from(vec![
            (x, y),
            (x + side, y),
            (x + side, y + side),
            (x, y + side),
            (x, y),
        ])
    }

    #[test]
    fn the_constrained_triangulation_leaves_holes_empty() {
        let holed = Polygon::new(square(0.0, 0.0, 10.0), vec![square(3.0, 3.0, 4.0)]);
        assert!((filled(&holed) - 84.0).abs() < 1e-3);
    }

    #[test]
    fn a_ring_that_touches_itself_is_filled_exactly() {
        // Two 4 × 4 squares meeting at a corner, one ring (earcut's weak spot).
        let ring = LineString::from(vec![
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 4.0),
            (8.0, 4.0),
            (8.0, 8.0),
            (4.0, 8.0),
            (4.0, 4.0),
            (0.0, 4.0),
            (0.0, 0.0),
        ]);
        assert!((filled(&Polygon::new(ring, vec![])) - 32.0).abs() < 1e-3);
    }

    #[test]
    fn a_self_crossing_ring_is_filled_by_the_even_odd_rule() {
        // A bow tie: two triangles of area 1.
        let ring = LineString::from(vec![
            (0.0, 0.0),
            (2.0, 2.0),
            (2.0, 0.0),
            (0.0, 2.0),
            (0.0, 0.0),
        ]);
        assert!((filled(&Polygon::new(ring, vec![])) - 2.0).abs() < 1e-3);
    }
}
