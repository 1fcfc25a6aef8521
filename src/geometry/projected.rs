//! Country outlines in a projection, ready to draw and to hit-test: projected shapes,
//! triangle meshes (earcut, from geo), border rings, a point inside each country for
//! its label, and an R-tree (rstar) of polygon bounds. Built once per data set and
//! projection; panning and zooming only transform what is here.

use geo::{Area, BoundingRect, Contains, Distance, Euclidean, TriangulateEarcut};
use geo::{Coord, LineString, MultiPolygon, Point, Polygon};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, PointDistance, RTree, RTreeObject};
use std::sync::OnceLock;

use crate::geometry::projection::Projection;
use crate::geometry::strips::StripIndex;

/// A triangle mesh in projected coordinates.
#[derive(Debug, Clone, Default)]
pub struct Triangles {
    /// Vertex positions.
    pub vertices: Vec<[f32; 2]>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

/// One country in the projection.
#[derive(Debug, Clone)]
pub struct ProjectedCountry {
    /// The outline, projected.
    pub shape: MultiPolygon<f64>,
    /// The filled area as triangles.
    pub triangles: Triangles,
    /// Every ring (outer and holes), for borders.
    pub rings: Vec<Vec<[f32; 2]>>,
    /// `[min_x, min_y, max_x, max_y]` of the whole country.
    pub bounds: [f64; 4],
    /// Index of the largest polygon in `shape`.
    largest: usize,
    /// Polygons drawn without a fill: their edges cross too often (see `crossings`).
    pub unfilled: usize,
    /// The label point, worked out when first asked for (most countries never are).
    label: OnceLock<[f64; 2]>,
    /// Per polygon, its edges by strip, for point queries on large polygons; built
    /// when first asked for.
    strips: Vec<OnceLock<StripIndex>>,
}

/// Polygons with fewer points than this are queried directly: their index would cost
/// more than it saves.
const STRIPS_FROM: usize = 64;
/// Within this share of a country's width of its outline, a point is tested exactly.
const NEAR_EDGE: f64 = 1e-6;

impl ProjectedCountry {
    /// Whether polygon `polygon` of the country contains `p`.
    fn polygon_contains(&self, polygon: usize, p: Point<f64>) -> bool {
        let shape = &self.shape.0[polygon];
        if shape.exterior().0.len() < STRIPS_FROM {
            return shape.contains(&p);
        }
        let strips = self.strips[polygon].get_or_init(|| StripIndex::new(shape));
        // On the outline itself (a border shared with a neighbour) geo's exact test
        // decides, as it does for small polygons: a point on a border is in neither.
        let near_edge = NEAR_EDGE * (self.bounds[2] - self.bounds[0]).abs().max(1e-12);
        if strips.distance_within(p.0, near_edge).is_some() {
            return shape.contains(&p);
        }
        strips.contains(p.0)
    }

    /// The distance from `p` to polygon `polygon`, where it is at most `within`.
    fn polygon_distance(&self, polygon: usize, p: Point<f64>, within: f64) -> Option<f64> {
        let shape = &self.shape.0[polygon];
        if shape.exterior().0.len() < STRIPS_FROM {
            let distance = Euclidean.distance(&p, shape);
            return (distance <= within).then_some(distance);
        }
        if self.polygon_contains(polygon, p) {
            return Some(0.0);
        }
        self.strips[polygon]
            .get_or_init(|| StripIndex::new(shape))
            .distance_within(p.0, within)
    }

    /// True when the country covers some area in this projection.
    pub fn has_area(&self) -> bool {
        self.shape.unsigned_area() > 0.0
    }

    /// The visual centre of the country's largest polygon (its pole of inaccessibility,
    /// from polylabel), where a badge or pop-up points; geo's interior point where
    /// polylabel fails or would cost too much.
    pub fn label_point(&self) -> [f64; 2] {
        *self.label.get_or_init(|| {
            self.shape
                .0
                .get(self.largest)
                .and_then(|p| {
                    // A scribble's inside is in fragments: polylabel would probe them all.
                    (self.unfilled == 0)
                        .then(|| visual_centre(p))
                        .flatten()
                        .or_else(|| scanline_point(p))
                })
                .map_or([0.0, 0.0], |p| [p.x(), p.y()])
        })
    }
}

/// A point inside `polygon` in one pass over its edges: the middle of the widest
/// stretch inside it along the horizontal line through the middle of its bounds (the
/// even-odd rule, so holes are outside). geo's interior point is quadratic in the
/// number of vertices; this is linear, for the polygons polylabel is not given.
fn scanline_point(polygon: &Polygon<f64>) -> Option<Point<f64>> {
    let rect = polygon.bounding_rect()?;
    let y = (rect.min().y + rect.max().y) / 2.0;
    let mut crossings: Vec<f64> = std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .flat_map(|ring| ring.lines())
        .filter(|line| (line.start.y > y) != (line.end.y > y))
        .map(|line| {
            let t = (y - line.start.y) / (line.end.y - line.start.y);
            line.start.x + t * (line.end.x - line.start.x)
        })
        .filter(|x| x.is_finite())
        .collect();
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks_exact(2)
        .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
        .map(|pair| Point::new((pair[0] + pair[1]) / 2.0, y))
        .or_else(|| Some(rect.center().into()))
}

/// polylabel's pole of inaccessibility, with bounded work: its first grid has cells
/// as large as the polygon's shorter side, so a sliver (10° by 1e-8°) would need a
/// billion of them, and each cell costs a pass over every vertex. Slivers and very
/// large rings are left to the caller's cheaper interior point; the precision is
/// relative to the polygon's size.
fn visual_centre(polygon: &Polygon<f64>) -> Option<Point<f64>> {
    /// Beyond this many vertices a label point comes from the scan line.
    const MAX_VERTICES: usize = 20_000;
    /// Shorter side over longer side below which a polygon is a sliver.
    const MIN_ASPECT: f64 = 1e-3;
    /// Precision as a share of the longer side (half a pixel on a country 500 pixels
    /// across): polylabel's cost grows with the longer side over the precision.
    const RELATIVE_TOLERANCE: f64 = 1e-3;
    let rect = polygon.bounding_rect()?;
    let (short, long) = (
        rect.width().min(rect.height()),
        rect.width().max(rect.height()),
    );
    let vertices =
        polygon.exterior().0.len() + polygon.interiors().iter().map(|r| r.0.len()).sum::<usize>();
    let degenerate = long.is_nan() || long <= 0.0;
    if degenerate || short < long * MIN_ASPECT || vertices > MAX_VERTICES {
        return None;
    }
    let tolerance = LABEL_TOLERANCE.max(long * RELATIVE_TOLERANCE);
    polylabel::polylabel(polygon, &tolerance).ok()
}

/// Triangulate `polygon` into `out`. Repeated and collinear points are dropped first
/// (they add nothing to a fill, and a ring of thousands of collinear points made earcut
/// quadratic). Then earcut, which is fast, unless the polygon is not simple (earcut's
/// handling of self-crossing rings took seconds for a 1,000-point star) or its
/// triangles do not add up to the polygon's area (earcut can put a triangle outside a
/// polygon whose rings touch themselves, as Sudan's does at 1:110m); then spade's
/// constrained Delaunay triangulation, which is slower but exact.
fn triangulate_into(polygon: &Polygon<f64>, out: &mut Triangles) -> Filled {
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
enum Filled {
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

/// Precision of label points, in projected units (about 0.1 px on a 1600 px world).
const LABEL_TOLERANCE: f64 = 5e-4;

type IndexEntry = GeomWithData<Rectangle<[f64; 2]>, (usize, usize)>;

/// All countries of an outline set in one projection.
pub struct ProjectedMap {
    /// The projection used.
    pub projection: Projection,
    /// One entry per country, in the order of the outlines.
    pub countries: Vec<ProjectedCountry>,
    /// The bounds of the whole world in this projection.
    pub world_bounds: [f64; 4],
    index: RTree<IndexEntry>,
}

impl ProjectedMap {
    /// Project, triangulate and index the countries' `shapes` (in degrees: x is
    /// longitude, y latitude), one per country, in order.
    pub fn new(shapes: &[&MultiPolygon<f64>], projection: Projection) -> Self {
        // Countries are independent: both cores share the work (rayon).
        let projected: Vec<ProjectedCountry> = shapes
            .par_iter()
            .map(|shape| project_country(shape, projection))
            .collect();
        let mut entries = Vec::new();
        for (country_index, country) in projected.iter().enumerate() {
            for (polygon_index, polygon) in country.shape.0.iter().enumerate() {
                if let Some(rect) = polygon.bounding_rect() {
                    let envelope = Rectangle::from_corners(
                        [rect.min().x, rect.min().y],
                        [rect.max().x, rect.max().y],
                    );
                    entries.push(GeomWithData::new(envelope, (country_index, polygon_index)));
                }
            }
        }
        ProjectedMap {
            projection,
            countries: projected,
            world_bounds: projection.world_bounds(),
            index: RTree::bulk_load(entries),
        }
    }

    /// The country whose outline contains `point` (projected coordinates); where none
    /// does, the nearest one within `tolerance`. Holes count: a point in San Marino is
    /// San Marino, not Italy.
    pub fn country_at(&self, point: [f64; 2], tolerance: f64) -> Option<usize> {
        let p = Point::new(point[0], point[1]);
        let inside = self
            .index
            .locate_all_at_point(&point)
            .map(|entry| entry.data)
            .filter(|&(c, i)| self.countries[c].polygon_contains(i, p))
            // Nested outlines (an enclave drawn over its surroundings without a hole):
            // the smallest one is the one the user sees and means.
            .min_by(|a, b| {
                let area = |(c, i): (usize, usize)| self.countries[c].shape.0[i].unsigned_area();
                area(*a).total_cmp(&area(*b))
            });
        if let Some((country, _)) = inside {
            return Some(country);
        }
        if tolerance <= 0.0 {
            return None;
        }
        let search = AABB::from_corners(
            [point[0] - tolerance, point[1] - tolerance],
            [point[0] + tolerance, point[1] + tolerance],
        );
        // Nearest bounding box first; a polygon whose box is farther than the best
        // distance so far cannot be nearer, and the search for the next one narrows.
        let mut candidates: Vec<(f64, (usize, usize))> = self
            .index
            .locate_in_envelope_intersecting(&search)
            .map(|entry| (entry.geom().distance_2(&point).sqrt(), entry.data))
            .collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut best: Option<(usize, f64)> = None;
        for (box_distance, (c, i)) in candidates {
            let within = best.map_or(tolerance, |(_, d)| d);
            if box_distance > within {
                break;
            }
            if let Some(distance) = self.countries[c].polygon_distance(i, p, within)
                && best.is_none_or(|(_, d)| distance < d)
            {
                best = Some((c, distance));
            }
        }
        best.map(|(country, _)| country)
    }
}

fn project_country(shape: &MultiPolygon<f64>, projection: Projection) -> ProjectedCountry {
    let project_ring = |ring: &LineString<f64>| {
        LineString(
            ring.0
                .iter()
                .map(|c| {
                    let [x, y] = projection.forward(c.x, c.y);
                    Coord { x, y }
                })
                .collect(),
        )
    };
    let polygons: Vec<Polygon<f64>> = shape
        .0
        .iter()
        .map(|polygon| {
            Polygon::new(
                project_ring(polygon.exterior()),
                polygon.interiors().iter().map(project_ring).collect(),
            )
        })
        .collect();
    let shape = MultiPolygon(polygons);
    let mut triangles = Triangles::default();
    let mut rings = Vec::new();
    let mut unfilled = 0;
    for polygon in &shape.0 {
        if triangulate_into(polygon, &mut triangles) == Filled::No {
            unfilled += 1;
        }
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            rings.push(ring.0.iter().map(|c| [c.x as f32, c.y as f32]).collect());
        }
    }
    let largest = (0..shape.0.len())
        .max_by(|&a, &b| {
            shape.0[a]
                .unsigned_area()
                .total_cmp(&shape.0[b].unsigned_area())
        })
        .unwrap_or(0);
    let bounds = shape
        .bounding_rect()
        .map_or([0.0; 4], |r| [r.min().x, r.min().y, r.max().x, r.max().y]);
    let polygon_count = shape.0.len();
    ProjectedCountry {
        shape,
        triangles,
        rings,
        bounds,
        largest,
        unfilled,
        label: OnceLock::new(),
        strips: (0..polygon_count).map(|_| OnceLock::new()).collect(),
    }
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
