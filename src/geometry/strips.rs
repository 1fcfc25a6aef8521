//! Point queries on a large polygon in time that depends on the edges near the point,
//! not on all of them: the polygon's edges sorted into horizontal strips. Whether a
//! point is inside counts the crossings of a ray with the edges of the point's strip
//! (the even-odd rule, so holes are outside); the distance to the outline looks only at
//! the strips within reach. geo's `contains` and `Euclidean::distance` scan every edge,
//! 48 µs a query on Natural Earth 1:10m, where Russia's rings have 50,000 points.

use geo::{Coord, Polygon};

/// Edges per strip, on average, that the strip count aims for.
const EDGES_PER_STRIP: usize = 8;
/// The most strips a polygon gets.
const MAX_STRIPS: usize = 8192;

/// A polygon's edges by horizontal strip.
#[derive(Debug, Clone)]
pub struct StripIndex {
    /// Every edge of every ring, start and end.
    edges: Vec<[Coord<f64>; 2]>,
    /// For each strip, the edges that reach into it.
    strips: Vec<Vec<u32>>,
    min_y: f64,
    strip_height: f64,
}

impl StripIndex {
    /// The index of `polygon`'s edges (outer ring and holes).
    pub fn new(polygon: &Polygon<f64>) -> Self {
        let edges: Vec<[Coord<f64>; 2]> = std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .flat_map(|ring| ring.lines().map(|line| [line.start, line.end]))
            .filter(|[a, b]| {
                a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite()
            })
            .collect();
        let (min_y, max_y) = edges
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| {
                (lo.min(c.y), hi.max(c.y))
            });
        let count = (edges.len() / EDGES_PER_STRIP).clamp(1, MAX_STRIPS);
        let span = if max_y > min_y { max_y - min_y } else { 1.0 };
        let mut index = StripIndex {
            edges,
            strips: vec![Vec::new(); count],
            min_y: if min_y.is_finite() { min_y } else { 0.0 },
            strip_height: span / count as f64,
        };
        for (id, [a, b]) in index.edges.iter().enumerate() {
            let (first, last) = (index.strip_of(a.y.min(b.y)), index.strip_of(a.y.max(b.y)));
            for strip in &mut index.strips[first..=last] {
                strip.push(id as u32);
            }
        }
        index
    }

    /// The strip `y` falls in, clamped to the polygon's.
    fn strip_of(&self, y: f64) -> usize {
        let k = ((y - self.min_y) / self.strip_height).floor();
        if k.is_nan() || k < 0.0 {
            0
        } else {
            (k as usize).min(self.strips.len() - 1)
        }
    }

    /// Whether `p` is inside the polygon, by the even-odd rule.
    pub fn contains(&self, p: Coord<f64>) -> bool {
        let strip = &self.strips[self.strip_of(p.y)];
        let mut inside = false;
        for &id in strip {
            let [a, b] = self.edges[id as usize];
            // A half-open rule, so a ray through a vertex counts it once.
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if x > p.x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// The distance from `p` to the nearest edge, where it is at most `within`. Strips
    /// are visited from `p`'s outwards, and the search stops at the first strip farther
    /// than the nearest edge found.
    pub fn distance_within(&self, p: Coord<f64>, within: f64) -> Option<f64> {
        let home = self.strip_of(p.y);
        let (first, last) = (self.strip_of(p.y - within), self.strip_of(p.y + within));
        let mut nearest = within;
        let mut found = false;
        // The k-th strip above and below `p`'s, then the next pair.
        for k in 0..=(home - first).max(last - home) {
            let gap = (k as f64 - 1.0).max(0.0) * self.strip_height;
            if gap > nearest {
                break;
            }
            let below = home.checked_sub(k).filter(|&i| i >= first);
            let above = Some(home + k).filter(|&i| k > 0 && i <= last);
            for strip in [below, above].into_iter().flatten() {
                for &id in &self.strips[strip] {
                    let [a, b] = self.edges[id as usize];
                    let distance = segment_distance(p, a, b);
                    if distance <= nearest {
                        nearest = distance;
                        found = true;
                    }
                }
            }
        }
        found.then_some(nearest)
    }
}

/// The distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.x + t * dx, a.y + t * dy);
    ((p.x - x).powi(2) + (p.y - y).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, Distance, Euclidean, LineString, Point};

    /// A star with a hole: 400 points, concave, so strips matter.
    fn star_with_hole() -> Polygon<f64> {
        let ring: Vec<(f64, f64)> = (0..=400)
            .map(|i| {
                let angle = i as f64 / 400.0 * std::f64::consts::TAU;
                let r = if i % 2 == 0 { 10.0 } else { 6.0 };
                (r * angle.cos(), r * angle.sin())
            })
            .collect();
        let hole = LineString::from(vec![
            (-1.0, -1.0),
            (1.0, -1.0),
            (1.0, 1.0),
            (-1.0, 1.0),
            (-1.0, -1.0),
        ]);
        Polygon::new(LineString::from(ring), vec![hole])
    }

    #[test]
    fn inside_and_distance_agree_with_geo_on_a_grid_of_points() {
        let polygon = star_with_hole();
        let index = StripIndex::new(&polygon);
        for i in 0..60 {
            for j in 0..60 {
                let p = Coord {
                    x: -12.0 + i as f64 * 0.41,
                    y: -12.0 + j as f64 * 0.397,
                };
                let expected = polygon.contains(&Point::from(p));
                assert_eq!(index.contains(p), expected, "{p:?}");
                let exterior = polygon.exterior();
                let to_edges = Euclidean
                    .distance(&Point::from(p), exterior)
                    .min(Euclidean.distance(&Point::from(p), &polygon.interiors()[0]));
                match index.distance_within(p, 1.5) {
                    Some(d) => assert!((d - to_edges).abs() < 1e-9, "{p:?}: {d} {to_edges}"),
                    None => assert!(to_edges > 1.5, "{p:?}: {to_edges}"),
                }
            }
        }
    }
}
