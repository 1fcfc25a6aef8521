//! Cutting polygons at the antimeridian (±180° longitude).
//!
//! Natural Earth stores some rings (Fiji, Russia's Chukotka and Wrangel Island,
//! Antarctica) as one ring that jumps from +180° to −180° and back. Drawn on a flat
//! map such a ring streaks across the whole world. Here each ring is first "unwrapped"
//! (longitudes made continuous, so it may run past ±180°), a ring that goes round a pole
//! is closed through that pole, and the polygon is then clipped to each 360°-wide strip
//! and shifted back. Clipping uses geo's boolean operations; only the unwrapping and
//! the pole closing are ours. Polygons that do not cross are returned untouched.

use geo::{BooleanOps, Coord, LineString, MultiPolygon, Polygon, Rect};

/// True when an edge of `ring` spans more than 180° of longitude, which on a sphere
/// only makes sense as a crossing of the antimeridian.
pub fn ring_crosses(ring: &LineString<f64>) -> bool {
    ring.0
        .windows(2)
        .any(|pair| (pair[1].x - pair[0].x).abs() > 180.0)
}

/// `polygon` cut into pieces that each lie within −180°..180° longitude.
pub fn cut_polygon(polygon: Polygon<f64>) -> Vec<Polygon<f64>> {
    let crosses = ring_crosses(polygon.exterior()) || polygon.interiors().iter().any(ring_crosses);
    if !crosses {
        return vec![polygon];
    }
    let (exterior, holes) = polygon.into_inner();
    let exterior = unwrap_ring(&exterior);
    let centre = mid_longitude(&exterior);
    let mut shape = MultiPolygon(vec![Polygon::new(close_through_pole(exterior), vec![])]);
    for hole in holes.iter().map(unwrap_ring) {
        let hole = if winding_shift(&hole) == 0.0 {
            shift_near(hole, centre)
        } else {
            hole
        };
        let polar = winding_shift(&hole) != 0.0;
        let hole = MultiPolygon(vec![Polygon::new(close_through_pole(hole), vec![])]);
        // A ring round the pole bounds a polar cap; on the sphere the land lies between
        // two such rings (Natural Earth 1:50m draws Antarctica as a coast with a tiny
        // ring at 89.999° S), which on the plane is the difference of their caps.
        shape = if polar {
            shape.xor(&hole)
        } else {
            shape.difference(&hole)
        };
    }
    shape.0.iter().flat_map(clip_to_strips).collect()
}

/// `shape` with every polygon cut at the antimeridian.
/// How many 360° strips `ring` spans once its longitudes are made continuous: 1 for
/// an ordinary ring, 2 for one across the antimeridian or round a pole. A ring that
/// winds round the globe again and again spans many, and cutting it costs one boolean
/// operation per strip: callers refuse such rings before cutting.
pub fn strips_spanned(ring: &LineString<f64>) -> usize {
    let (lo, hi) = longitude_range(&unwrap_ring(ring));
    if !(lo.is_finite() && hi.is_finite()) {
        return 0;
    }
    (((hi - lo) / 360.0).ceil() as usize).max(1)
}

pub fn cut_multi_polygon(shape: MultiPolygon<f64>) -> MultiPolygon<f64> {
    MultiPolygon(shape.0.into_iter().flat_map(cut_polygon).collect())
}

/// The ring with longitudes made continuous: each step is the shorter way round.
fn unwrap_ring(ring: &LineString<f64>) -> LineString<f64> {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    for coord in &ring.0 {
        if let Some(prev) = previous {
            let step = coord.x - prev;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        previous = Some(coord.x);
        out.push(Coord {
            x: coord.x + offset,
            y: coord.y,
        });
    }
    LineString(out)
}

/// How far (in degrees of longitude) an unwrapped ring ends from where it started:
/// 0 for an ordinary ring, ±360 for one that goes round a pole.
fn winding_shift(ring: &LineString<f64>) -> f64 {
    match (ring.0.first(), ring.0.last()) {
        (Some(first), Some(last)) => ((last.x - first.x) / 360.0).round() * 360.0,
        _ => 0.0,
    }
}

/// A ring that goes round a pole (Antarctica) ends 360° from where it starts once
/// unwrapped; close it along the pole's latitude so it encloses the polar cap.
fn close_through_pole(ring: LineString<f64>) -> LineString<f64> {
    let shift = winding_shift(&ring);
    if shift == 0.0 {
        return ring;
    }
    let mut coords = ring.0;
    let mean_latitude = coords.iter().map(|c| c.y).sum::<f64>() / coords.len() as f64;
    let pole = if mean_latitude < 0.0 { -90.0 } else { 90.0 };
    if let (Some(first), Some(last)) = (coords.first().copied(), coords.last().copied()) {
        coords.push(Coord { x: last.x, y: pole });
        coords.push(Coord {
            x: first.x,
            y: pole,
        });
        coords.push(first);
    }
    LineString(coords)
}

fn longitude_range(ring: &LineString<f64>) -> (f64, f64) {
    ring.0
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| {
            (lo.min(c.x), hi.max(c.x))
        })
}

fn mid_longitude(ring: &LineString<f64>) -> f64 {
    let (lo, hi) = longitude_range(ring);
    (lo + hi) / 2.0
}

/// The hole moved by whole turns so that it sits next to its exterior.
fn shift_near(hole: LineString<f64>, centre: f64) -> LineString<f64> {
    let turns = ((centre - mid_longitude(&hole)) / 360.0).round();
    if turns == 0.0 {
        return hole;
    }
    LineString(
        hole.0
            .into_iter()
            .map(|c| Coord {
                x: c.x + turns * 360.0,
                y: c.y,
            })
            .collect(),
    )
}

/// Clip an unwrapped polygon to each 360°-wide strip it touches and move the pieces
/// back into −180°..180°.
fn clip_to_strips(polygon: &Polygon<f64>) -> Vec<Polygon<f64>> {
    let (lo, hi) = longitude_range(polygon.exterior());
    let first = ((lo + 180.0) / 360.0).floor() as i64;
    let last = ((hi - 180.0) / 360.0).ceil() as i64;
    let mut pieces = Vec::new();
    for turn in first..=last {
        let west = -180.0 + 360.0 * turn as f64;
        let strip = Rect::new(
            Coord { x: west, y: -90.0 },
            Coord {
                x: west + 360.0,
                y: 90.0,
            },
        )
        .to_polygon();
        let shift = -360.0 * turn as f64;
        for piece in polygon.intersection(&strip) {
            pieces.push(shifted_into_range(piece, shift));
        }
    }
    pieces
}

fn shifted_into_range(polygon: Polygon<f64>, shift: f64) -> Polygon<f64> {
    let move_ring = |ring: &LineString<f64>| {
        let moved: Vec<Coord<f64>> = ring
            .0
            .iter()
            .map(|c| Coord {
                x: (c.x + shift).clamp(-180.0, 180.0),
                y: c.y.clamp(-90.0, 90.0),
            })
            .collect();
        LineString(densify_long_edges(&moved))
    };
    Polygon::new(
        move_ring(polygon.exterior()),
        polygon.interiors().iter().map(move_ring).collect(),
    )
}

/// After cutting, the only edges that may still span a large part of the world run
/// along one latitude (the polar cap's edge). Split them into steps of at most 90° so
/// no edge spans more than 180°, which would read as a crossing again.
fn densify_long_edges(coords: &[Coord<f64>]) -> Vec<Coord<f64>> {
    const MAX_STEP: f64 = 90.0;
    let mut out = Vec::with_capacity(coords.len());
    for pair in coords.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        out.push(a);
        let span = (b.x - a.x).abs();
        if span > MAX_STEP {
            let steps = (span / MAX_STEP).ceil() as usize;
            for step in 1..steps {
                let t = step as f64 / steps as f64;
                out.push(Coord {
                    x: a.x + (b.x - a.x) * t,
                    y: a.y + (b.y - a.y) * t,
                });
            }
        }
    }
    out.extend(coords.last());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, polygon};

    #[test]
    fn a_square_across_the_antimeridian_becomes_two_pieces_of_the_same_area() {
        let square = polygon![
            (x: 170.0, y: -10.0),
            (x: -170.0, y: -10.0),
            (x: -170.0, y: 10.0),
            (x: 170.0, y: 10.0),
        ];
        let pieces = cut_polygon(square);
        assert_eq!(pieces.len(), 2);
        let area: f64 = pieces.iter().map(|p| p.unsigned_area()).sum();
        assert!((area - 400.0).abs() < 1e-6, "area {area}");
        for piece in &pieces {
            assert!(!ring_crosses(piece.exterior()));
        }
    }

    #[test]
    fn a_polygon_that_does_not_cross_is_untouched() {
        let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0)];
        assert_eq!(cut_polygon(square.clone()), vec![square]);
    }
}
