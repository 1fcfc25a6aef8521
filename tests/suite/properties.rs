//! Property tests: projections invert, every point of a country's mesh hit-tests to
//! that country, and the antimeridian cut keeps area and leaves no edge across the map.

use std::sync::OnceLock;

use aidmap::data::{Outlines, bundled};
use aidmap::geometry::antimeridian::{cut_polygon, ring_crosses};
use aidmap::geometry::projected::ProjectedMap;
use aidmap::geometry::projection::Projection;
use geo::{Area, Contains, Coord, Distance, Euclidean, LineString, Polygon};
use proptest::prelude::*;

fn outlines() -> &'static Outlines {
    static OUTLINES: OnceLock<Outlines> = OnceLock::new();
    OUTLINES.get_or_init(|| bundled::outlines_110m().unwrap())
}

fn maps() -> &'static Vec<ProjectedMap> {
    static MAPS: OnceLock<Vec<ProjectedMap>> = OnceLock::new();
    MAPS.get_or_init(|| {
        Projection::ALL
            .iter()
            .map(|p| ProjectedMap::new(&outlines().shapes(), *p))
            .collect()
    })
}

fn projection() -> impl Strategy<Value = Projection> {
    prop::sample::select(Projection::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn project_then_unproject_returns_the_point(
        projection in projection(),
        lon in -180.0f64..=180.0,
        lat in -89.9f64..=89.9,
    ) {
        let lat = if projection == Projection::Mercator { lat.clamp(-84.9, 84.9) } else { lat };
        let [x, y] = projection.forward(lon, lat);
        let [lon2, lat2] = projection.inverse(x, y).expect("a projected point inverts");
        prop_assert!((lon - lon2).abs() < 1e-7, "{projection:?}: lon {lon} -> {lon2}");
        prop_assert!((lat - lat2).abs() < 1e-7, "{projection:?}: lat {lat} -> {lat2}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_point_inside_a_mesh_triangle_hits_its_country(
        map_index in 0usize..4,
        country_pick in any::<prop::sample::Index>(),
        triangle_pick in any::<prop::sample::Index>(),
        a in 0.05f64..1.0,
        b in 0.05f64..1.0,
        c in 0.05f64..1.0,
    ) {
        let map = &maps()[map_index];
        let country = country_pick.index(map.countries.len());
        let mesh = &map.countries[country].triangles;
        let triangles = mesh.indices.len() / 3;
        prop_assume!(triangles > 0);
        let t = triangle_pick.index(triangles);
        let corner = |k: usize| {
            let [x, y] = mesh.vertices[mesh.indices[3 * t + k] as usize];
            [x as f64, y as f64]
        };
        let (p, q, r) = (corner(0), corner(1), corner(2));
        let doubled_area = ((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])).abs();
        // Slivers thinner than the f32 mesh's precision have no inside to speak of.
        prop_assume!(doubled_area > 1e-9);
        let sum = a + b + c;
        let point = [
            (a * p[0] + b * q[0] + c * r[0]) / sum,
            (a * p[1] + b * q[1] + c * r[1]) / sum,
        ];
        // A point closer to the outline than the f32 mesh's precision can be on either
        // side of a shared border (Sudan's and the Central African Republic's overlap
        // by 1e-8 at 1:110m): no answer is wrong there.
        let outline = &map.countries[country].shape;
        let from_outline = outline.0.iter().flat_map(|polygon| {
            std::iter::once(polygon.exterior()).chain(polygon.interiors())
        }).map(|ring| Euclidean.distance(&geo::Point::new(point[0], point[1]), ring))
        .fold(f64::INFINITY, f64::min);
        prop_assume!(from_outline > 1e-6);
        let hit = map.country_at(point, 0.0);
        // Where two outlines overlap (Sudan and South Sudan do, by 1e-5, at 1:110m),
        // the point is in both, and the smaller one answers.
        let contains = |c: usize| {
            map.countries[c].shape.contains(&geo::Point::new(point[0], point[1]))
        };
        let overlapping = hit.is_some_and(|h| h != country && contains(h) && contains(country));
        prop_assert!(
            hit == Some(country) || overlapping,
            "{:?}: a point of {}'s triangle {} hit {:?}",
            map.projection,
            outlines().countries[country].name,
            t,
            hit.map(|h| outlines().countries[h].name.clone())
        );
    }
}

/// A star-shaped (so simple) polygon around (`cx`, `cy`), longitudes unwrapped.
fn star(cx: f64, cy: f64, radii: &[f64]) -> Vec<Coord<f64>> {
    let n = radii.len();
    let mut ring: Vec<Coord<f64>> = radii
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let angle = i as f64 / n as f64 * std::f64::consts::TAU;
            Coord {
                x: cx + r * angle.cos(),
                y: cy + r * angle.sin(),
            }
        })
        .collect();
    ring.push(ring[0]);
    ring
}

fn wrap(x: f64) -> f64 {
    if x > 180.0 {
        x - 360.0
    } else if x < -180.0 {
        x + 360.0
    } else {
        x
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_antimeridian_cut_keeps_area_and_leaves_no_long_edge(
        cx in 150.0f64..210.0,
        cy in -60.0f64..60.0,
        radii in prop::collection::vec(1.0f64..20.0, 3..24),
    ) {
        let unwrapped = star(cx, cy, &radii);
        let expected = Polygon::new(LineString(unwrapped.clone()), vec![]).unsigned_area();
        let wrapped = LineString(unwrapped.iter().map(|c| Coord { x: wrap(c.x), y: c.y }).collect());
        let pieces = cut_polygon(Polygon::new(wrapped, vec![]));
        let area: f64 = pieces.iter().map(|p| p.unsigned_area()).sum();
        prop_assert!((area - expected).abs() <= expected * 1e-6 + 1e-9, "area {area} vs {expected}");
        for piece in &pieces {
            prop_assert!(!ring_crosses(piece.exterior()));
            for ring in std::iter::once(piece.exterior()).chain(piece.interiors()) {
                for pair in ring.0.windows(2) {
                    prop_assert!((pair[1].x - pair[0].x).abs() <= 180.0);
                }
                prop_assert!(ring.0.iter().all(|c| (-180.0..=180.0).contains(&c.x)));
            }
        }
    }
}
