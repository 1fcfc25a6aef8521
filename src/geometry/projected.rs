//! Country outlines in a projection, ready to draw and to hit-test: projected shapes,
//! triangle meshes (`triangulate`), border rings, a point inside each country for
//! its label, and an R-tree (rstar) of polygon bounds. Built once per data set and
//! projection; panning and zooming only transform what is here.

use geo::{Area, BoundingRect, Contains, Distance, Euclidean, SimplifyVw};
use geo::{Coord, LineString, MultiPolygon, Point, Polygon};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, PointDistance, RTree};
use std::sync::OnceLock;

use crate::geometry::projection::Projection;
use crate::geometry::strips::StripIndex;
pub use crate::geometry::triangulate::Triangles;
use crate::geometry::triangulate::{Filled, triangulate_into};

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
    /// The bounds of the largest polygon, worked out when first asked for.
    largest_bounds: OnceLock<[f64; 4]>,
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

    /// `[min_x, min_y, max_x, max_y]` of the country's largest polygon, where its name
    /// goes: an archipelago spread over an ocean (Kiribati) has room for its name only
    /// where its largest island does.
    pub fn largest_bounds(&self) -> [f64; 4] {
        *self.largest_bounds.get_or_init(|| {
            self.shape
                .0
                .get(self.largest)
                .and_then(|p| p.exterior().bounding_rect())
                .map_or(self.bounds, |r| {
                    [r.min().x, r.min().y, r.max().x, r.max().y]
                })
        })
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

/// Precision of label points, in projected units (about 0.1 px on a 1600 px world).
const LABEL_TOLERANCE: f64 = 5e-4;

type IndexEntry = GeomWithData<Rectangle<[f64; 2]>, (usize, usize)>;

/// `ring` without the points that move it by less than `tolerance`; the ring itself
/// where simplifying would leave it without area (fewer than three corners).
fn simplified(ring: LineString<f64>, tolerance: f64) -> LineString<f64> {
    /// A closed ring with three corners has four coordinates.
    const SMALLEST_RING: usize = 4;
    if ring.0.len() <= SMALLEST_RING {
        return ring;
    }
    // Visvalingam–Whyatt: points go smallest triangle first, from a heap, so a
    // hostile zigzag of 400,000 points costs n log n and no recursion (geo's
    // Ramer–Douglas–Peucker recursed until the stack overflowed). A triangle smaller
    // than a square of the tolerance's side cannot be seen.
    let simpler = ring.simplify_vw(tolerance * tolerance);
    if simpler.0.len() < SMALLEST_RING {
        ring
    } else {
        simpler
    }
}

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
    /// longitude, y latitude), one per country, in order, keeping every point (the
    /// window zooms in on them).
    pub fn new(shapes: &[&MultiPolygon<f64>], projection: Projection) -> Self {
        Self::with_detail(shapes, projection, None)
    }

    /// Like [`ProjectedMap::new`], for one picture whose pixels are `tolerance`
    /// projected units or larger: each ring first loses the points that move it by
    /// less than about that (Visvalingam–Whyatt). A 1:10m outline drawn 1600 pixels wide
    /// has many points to a pixel; none of them can be seen, all of them cost time and
    /// memory. A ring that would collapse (an islet smaller than a pixel) keeps every
    /// point, so no country disappears.
    pub fn with_detail(
        shapes: &[&MultiPolygon<f64>],
        projection: Projection,
        tolerance: Option<f64>,
    ) -> Self {
        // Countries are independent: both cores share the work (rayon).
        let projected: Vec<ProjectedCountry> = shapes
            .par_iter()
            .map(|shape| project_country(shape, projection, tolerance))
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

fn project_country(
    shape: &MultiPolygon<f64>,
    projection: Projection,
    tolerance: Option<f64>,
) -> ProjectedCountry {
    let project_ring = |ring: &LineString<f64>| {
        let projected = LineString(
            ring.0
                .iter()
                .map(|c| {
                    let [x, y] = projection.forward(c.x, c.y);
                    Coord { x, y }
                })
                .collect(),
        );
        match tolerance {
            Some(tolerance) => simplified(projected, tolerance),
            None => projected,
        }
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
        largest_bounds: OnceLock::new(),
        strips: (0..polygon_count).map(|_| OnceLock::new()).collect(),
    }
}
