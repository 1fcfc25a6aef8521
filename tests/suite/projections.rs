//! The projections agree with PROJ (values in tests/reference/projections.csv, made by
//! tests/reference/projections.py with pyproj) to 1e-6, and invert.

use aidmap::geometry::projection::Projection;

fn reference() -> Vec<(Projection, f64, f64, f64, f64)> {
    include_str!("../reference/projections.csv")
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let number = |i: usize| cells[i].parse::<f64>().unwrap();
            (
                Projection::from_key(cells[0]).unwrap(),
                number(1),
                number(2),
                number(3),
                number(4),
            )
        })
        .collect()
}

#[test]
fn forward_projections_match_proj_to_1e_6() {
    let rows = reference();
    assert_eq!(rows.len(), 78);
    for (projection, lon, lat, x, y) in rows {
        let [px, py] = projection.forward(lon, lat);
        assert!(
            (px - x).abs() < 1e-6 && (py - y).abs() < 1e-6,
            "{projection:?} ({lon}, {lat}): got ({px}, {py}), PROJ ({x}, {y})"
        );
    }
}

#[test]
fn inverse_projections_return_the_reference_points() {
    for (projection, lon, lat, x, y) in reference() {
        let [ilon, ilat] = projection.inverse(x, y).unwrap();
        assert!(
            (ilon - lon).abs() < 1e-6 && (ilat - lat).abs() < 1e-6,
            "{projection:?} ({x}, {y}): got ({ilon}, {ilat}), expected ({lon}, {lat})"
        );
    }
}

#[test]
fn points_off_the_map_do_not_invert() {
    for projection in [Projection::EqualEarth, Projection::NaturalEarth1] {
        let [_, _, max_x, max_y] = projection.world_bounds();
        assert!(
            projection.inverse(max_x * 0.99, max_y * 0.99).is_none(),
            "{projection:?}"
        );
        assert!(
            projection.inverse(0.0, max_y * 1.01).is_none(),
            "{projection:?}"
        );
    }
}

#[test]
fn mercator_is_clipped_at_85_degrees() {
    let [_, y85] = Projection::Mercator.forward(0.0, 85.0);
    let [_, y89] = Projection::Mercator.forward(0.0, 89.0);
    assert_eq!(y85, y89);
}
