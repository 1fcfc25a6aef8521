//! Great circles: the shortest way between two places on the sphere, as points in
//! longitude and latitude, cut where they cross the antimeridian so that no piece
//! jumps from one edge of a world map to the other.

/// Degrees to radians and back.
const DEG: f64 = std::f64::consts::PI / 180.0;

/// The angle between two places (`[lon, lat]` in degrees) seen from the earth's
/// centre, in degrees: 1° is about 111 km.
pub fn angle_between(from: [f64; 2], to: [f64; 2]) -> f64 {
    let (a, b) = (unit(from), unit(to));
    let cross = [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ];
    let sin = (cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]).sqrt();
    let cos = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    // atan2 keeps its precision for near and far places alike (acos does not).
    sin.atan2(cos) / DEG
}

/// `segments + 1` points from `from` to `to` (both `[lon, lat]` in degrees) along the
/// great circle between them (spherical linear interpolation of unit vectors). The
/// same or opposite points give the straight run between them (no circle is shorter).
pub fn great_circle(from: [f64; 2], to: [f64; 2], segments: usize) -> Vec<[f64; 2]> {
    let segments = segments.max(1);
    let (a, b) = (unit(from), unit(to));
    let dot = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).clamp(-1.0, 1.0);
    let angle = dot.acos();
    let sin = angle.sin();
    (0..=segments)
        .map(|k| {
            let t = k as f64 / segments as f64;
            if sin.abs() < 1e-12 {
                return [
                    from[0] + (to[0] - from[0]) * t,
                    from[1] + (to[1] - from[1]) * t,
                ];
            }
            let (wa, wb) = (((1.0 - t) * angle).sin() / sin, (t * angle).sin() / sin);
            lon_lat([
                wa * a[0] + wb * b[0],
                wa * a[1] + wb * b[1],
                wa * a[2] + wb * b[2],
            ])
        })
        .collect()
}

/// `line` in pieces that never cross the antimeridian: where two points are more
/// than 180° of longitude apart, the line is cut at ±180°, at the latitude where it
/// crosses, and goes on from the other edge.
pub fn split_at_antimeridian(line: &[[f64; 2]]) -> Vec<Vec<[f64; 2]>> {
    let mut pieces = Vec::new();
    let mut piece: Vec<[f64; 2]> = Vec::new();
    for &point in line {
        if let Some(&last) = piece.last()
            && (point[0] - last[0]).abs() > 180.0
        {
            // Going east over 180° (last near +180, point near -180) or west.
            let edge = if last[0] > 0.0 { 180.0 } else { -180.0 };
            let unwrapped = point[0] + 2.0 * edge;
            let t = (edge - last[0]) / (unwrapped - last[0]);
            let lat = last[1] + (point[1] - last[1]) * t;
            piece.push([edge, lat]);
            pieces.push(std::mem::take(&mut piece));
            piece.push([-edge, lat]);
        }
        piece.push(point);
    }
    if piece.len() >= 2 {
        pieces.push(piece);
    }
    pieces.retain(|p| p.len() >= 2);
    pieces
}

fn unit([lon, lat]: [f64; 2]) -> [f64; 3] {
    let (lon, lat) = (lon * DEG, lat * DEG);
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn lon_lat([x, y, z]: [f64; 3]) -> [f64; 2] {
    let lat = z.atan2((x * x + y * y).sqrt()) / DEG;
    let lon = y.atan2(x) / DEG;
    [lon, lat]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_angle_between_places_is_right_near_and_far() {
        assert!((angle_between([0.0, 0.0], [90.0, 0.0]) - 90.0).abs() < 1e-9);
        assert!((angle_between([0.0, 90.0], [123.0, -90.0]) - 180.0).abs() < 1e-9);
        // Bergamo to itself, and to a point 100 m away (0.0009°).
        assert_eq!(angle_between([9.67, 45.69], [9.67, 45.69]), 0.0);
        let near = angle_between([9.67, 45.69], [9.67, 45.6909]);
        assert!((near - 0.0009).abs() < 1e-7, "{near}");
        // Across the antimeridian the short way: Fiji to Samoa is about 10°.
        assert!(angle_between([178.4, -18.1], [-171.8, -13.8]) < 11.0);
    }

    #[test]
    fn a_great_circle_starts_and_ends_at_its_places_and_bends_poleward() {
        let beijing = [116.39723, 39.9075];
        let caracas = [-66.87919, 10.48801];
        let line = great_circle(beijing, caracas, 64);
        assert_eq!(line.len(), 65);
        let close =
            |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9;
        assert!(close(line[0], beijing) && close(line[64], caracas));
        // Beijing to Caracas runs far north, over the Arctic, not along the equator.
        let highest = line.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
        assert!(highest > 60.0, "{highest}");
    }

    #[test]
    fn an_arc_across_the_antimeridian_is_cut_in_two_at_180() {
        // Tokyo to Honolulu crosses 180° eastwards.
        let line = great_circle([139.69, 35.69], [-157.86, 21.31], 32);
        let pieces = split_at_antimeridian(&line);
        assert_eq!(pieces.len(), 2);
        let (first, second) = (&pieces[0], &pieces[1]);
        assert_eq!(first.last().unwrap()[0], 180.0);
        assert_eq!(second[0][0], -180.0);
        assert_eq!(first.last().unwrap()[1], second[0][1]);
        for piece in &pieces {
            for pair in piece.windows(2) {
                assert!((pair[1][0] - pair[0][0]).abs() < 180.0, "{pair:?}");
            }
        }
        // Rome to Beijing never crosses: one piece.
        let line = great_circle([12.5, 41.9], [116.4, 39.9], 32);
        assert_eq!(split_at_antimeridian(&line).len(), 1);
    }
}
