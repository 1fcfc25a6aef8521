//! Hit-testing projected Natural Earth outlines: holes, enclaves, small islands.

use aidmap::data::{Outlines, bundled};
use aidmap::geometry::projected::ProjectedMap;
use aidmap::geometry::projection::Projection;

fn name_at(
    outlines: &Outlines,
    map: &ProjectedMap,
    lon: f64,
    lat: f64,
    tolerance: f64,
) -> Option<String> {
    let point = map.projection.forward(lon, lat);
    map.country_at(point, tolerance)
        .map(|i| outlines.countries[i].name.clone())
}

#[test]
fn san_marino_and_the_vatican_are_hit_not_italy_around_them() {
    let outlines = bundled::outlines().unwrap();
    for projection in Projection::ALL {
        let map = ProjectedMap::new(&outlines.shapes(), projection);
        assert_eq!(
            name_at(&outlines, &map, 12.45, 43.94, 0.0).as_deref(),
            Some("San Marino")
        );
        assert_eq!(
            name_at(&outlines, &map, 12.435, 41.902, 0.0).as_deref(),
            Some("Vatican")
        );
        assert_eq!(
            name_at(&outlines, &map, 12.5, 42.0, 0.0).as_deref(),
            Some("Italy")
        );
        assert_eq!(
            name_at(&outlines, &map, 28.2, -29.6, 0.0).as_deref(),
            Some("Lesotho")
        );
    }
}

#[test]
fn the_open_pacific_is_no_country_and_singapore_is_found_nearby() {
    let outlines = bundled::outlines().unwrap();
    let map = ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth);
    assert_eq!(name_at(&outlines, &map, -140.0, 0.0, 0.01), None);
    // Just south of Singapore's coast, in the strait: nothing contains it, but
    // Singapore is the nearest within the tolerance.
    assert_eq!(name_at(&outlines, &map, 103.82, 1.22, 0.0), None);
    assert_eq!(
        name_at(&outlines, &map, 103.82, 1.22, 0.01).as_deref(),
        Some("Singapore")
    );
}

#[test]
fn every_country_has_a_mesh_and_a_label_point_inside_it() {
    let outlines = bundled::outlines().unwrap();
    let map = ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth);
    for (country, projected) in outlines.countries.iter().zip(&map.countries) {
        assert!(!projected.triangles.indices.is_empty(), "{}", country.name);
        assert_eq!(projected.triangles.indices.len() % 3, 0);
        let hit = map.country_at(projected.label_point(), 0.0);
        assert_eq!(
            hit.map(|i| outlines.countries[i].name.as_str()),
            Some(country.name.as_str())
        );
    }
}

#[test]
fn every_mesh_triangle_lies_in_its_country() {
    // Earcut put one of Sudan's triangles (1:110m) over South Sudan; such polygons are
    // now triangulated with spade instead.
    for outlines in [
        bundled::outlines_110m().unwrap(),
        bundled::outlines().unwrap(),
    ] {
        let map = ProjectedMap::new(&outlines.shapes(), Projection::EqualEarth);
        for (country, projected) in outlines.countries.iter().zip(&map.countries) {
            let mesh = &projected.triangles;
            for t in mesh.indices.chunks_exact(3) {
                let [p, q, r] = [0, 1, 2].map(|k| {
                    let [x, y] = mesh.vertices[t[k] as usize];
                    [x as f64, y as f64]
                });
                let area = ((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])).abs();
                if area <= 1e-9 {
                    continue;
                }
                let centroid =
                    geo::Point::new((p[0] + q[0] + r[0]) / 3.0, (p[1] + q[1] + r[1]) / 3.0);
                assert!(
                    geo::Contains::contains(&projected.shape, &centroid),
                    "{}: a triangle of its mesh lies outside it",
                    country.name
                );
            }
        }
    }
}
