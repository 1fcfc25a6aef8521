//! Country outlines in a projection, ready to draw and to hit-test: projected shapes,
//! triangle meshes (earcut, from geo), border rings, a point inside each country for
//! its label, and an R-tree (rstar) of polygon bounds. Built once per data set and
//! projection; panning and zooming only transform what is here.

use geo::triangulate_delaunay::DelaunayTriangulationConfig;
use geo::{Area, BoundingRect, Contains, Distance, Euclidean, InteriorPoint, TriangulateEarcut};
use geo::{Coord, LineString, MultiPolygon, Point, Polygon, TriangulateDelaunay};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use std::sync::OnceLock;

use crate::data::Country;
use crate::geometry::projection::Projection;

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
    /// The label point, worked out when first asked for (most countries never are).
    label: OnceLock<[f64; 2]>,
}

impl ProjectedCountry {
    /// The visual centre of the country's largest polygon (its pole of inaccessibility,
    /// from polylabel), where a badge or pop-up points; geo's interior point where
    /// polylabel fails.
    pub fn label_point(&self) -> [f64; 2] {
        *self.label.get_or_init(|| {
            self.shape
                .0
                .get(self.largest)
                .and_then(|p| {
                    polylabel::polylabel(p, &LABEL_TOLERANCE)
                        .ok()
                        .or_else(|| p.interior_point())
                })
                .map_or([0.0, 0.0], |p| [p.x(), p.y()])
        })
    }
}

/// Triangulate `polygon` into `out`: earcut, which is fast, unless its triangles do not
/// add up to the polygon's area (earcut can put a triangle outside a polygon whose rings
/// touch themselves, as Sudan's does at 1:110m); then spade's constrained Delaunay
/// triangulation, which is slower but exact.
fn triangulate_into(polygon: &Polygon<f64>, out: &mut Triangles) {
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
    let base = out.vertices.len() as u32;
    if (covered - area).abs() <= area * 1e-6 + 1e-15 {
        out.vertices
            .extend(raw.vertices.iter().map(|[x, y]| [*x as f32, *y as f32]));
        out.indices
            .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        return;
    }
    match polygon.constrained_triangulation(DelaunayTriangulationConfig::default()) {
        Ok(spade_triangles) => {
            for (k, triangle) in spade_triangles.iter().enumerate() {
                for corner in triangle.to_array() {
                    out.vertices.push([corner.x as f32, corner.y as f32]);
                }
                out.indices
                    .extend([0, 1, 2].map(|i| base + (3 * k) as u32 + i));
            }
        }
        // Spade refuses some invalid polygons earcut accepts: keep earcut's triangles.
        Err(_) => {
            out.vertices
                .extend(raw.vertices.iter().map(|[x, y]| [*x as f32, *y as f32]));
            out.indices
                .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        }
    }
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
    /// Project, triangulate and index `countries`.
    pub fn new(countries: &[Country], projection: Projection) -> Self {
        let projected: Vec<ProjectedCountry> = countries
            .iter()
            .map(|country| project_country(&country.shape, projection))
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
            .filter(|&(c, i)| self.countries[c].shape.0[i].contains(&p))
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
        self.index
            .locate_in_envelope_intersecting(&search)
            .map(|entry| {
                let (c, i) = entry.data;
                (c, Euclidean.distance(&p, &self.countries[c].shape.0[i]))
            })
            .filter(|(_, distance)| *distance <= tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(country, _)| country)
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
    for polygon in &shape.0 {
        triangulate_into(polygon, &mut triangles);
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
    ProjectedCountry {
        shape,
        triangles,
        rings,
        bounds,
        largest,
        label: OnceLock::new(),
    }
}
