//! Placing team-count badges: inside the country where it is big enough on screen,
//! otherwise beside it with a leader line, never on top of another badge and never
//! where it would read as another recipient's. A small greedy search over rings of
//! candidate positions; larger countries go first.

use egui::{Pos2, Rect, Vec2, vec2};

/// What a badge is for and where its country is on screen.
#[derive(Debug, Clone, Copy)]
pub struct BadgeRequest {
    /// The country (outline index).
    pub country: usize,
    /// The number shown.
    pub teams: u32,
    /// A point inside the country, on screen.
    pub anchor: Pos2,
    /// The country's on-screen size (the smaller side of its bounding box).
    pub size: f32,
}

/// A placed badge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Badge {
    /// The country (outline index).
    pub country: usize,
    /// The number shown.
    pub teams: u32,
    /// The point inside the country.
    pub anchor: Pos2,
    /// The badge's centre.
    pub center: Pos2,
    /// The badge's radius.
    pub radius: f32,
}

impl Badge {
    /// True when the badge sits away from its country and needs a leader line.
    pub fn has_leader(&self) -> bool {
        self.anchor.distance(self.center) > 0.5
    }

    /// The badge's bounding box (for clicks and overlap).
    pub fn rect(&self) -> Rect {
        Rect::from_center_size(self.center, Vec2::splat(self.radius * 2.0))
    }
}

/// Which recipient (if any) is drawn under a screen point.
pub type RecipientAt<'a> = &'a dyn Fn(Pos2) -> Option<usize>;

/// How many candidate places, in all, may be checked for whether they read as their
/// country's (each check samples the leader line and rings around the badge). A map
/// of the bundled data uses a few hundred; a map of tens of thousands of recipients
/// would otherwise spend minutes here. Past it, a badge takes the first free place.
const READING_CHECKS: usize = 20_000;

/// The badges as placed, and how many found no free place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placed {
    /// The badges drawn, none on another.
    pub badges: Vec<Badge>,
    /// Recipients inside the area whose badge found no free place: their counts are
    /// not drawn, and the picture says how many.
    pub crowded: usize,
}

/// Place one badge per request inside `area`. A badge set beside its country must not
/// read as another's: its leader line crosses no other recipient, and no other
/// recipient is nearer the badge than its own country (`recipient_at` tells). A badge
/// with no free place is not drawn on top of another: it is counted in `crowded`. The
/// work is linear in the number of requests: placed badges are found through a grid,
/// and the reading checks have a budget.
pub fn place_badges(
    mut requests: Vec<BadgeRequest>,
    radius: f32,
    area: Rect,
    recipient_at: RecipientAt<'_>,
) -> Placed {
    requests.sort_by(|a, b| b.size.total_cmp(&a.size));
    let mut placed = Placed::default();
    let mut grid = PlacedGrid::new(2.0 * radius + 2.0);
    let mut checks_left = READING_CHECKS;
    let inner = area.shrink(radius + 1.0);
    for request in requests {
        if !area.contains(request.anchor) {
            continue;
        }
        let free = |center: Pos2, grid: &PlacedGrid| inner.contains(center) && grid.is_free(center);
        let fits_inside = request.size >= radius * 2.4;
        let center = if fits_inside && free(request.anchor, &grid) {
            request.anchor
        } else {
            // Where no free place reads as this country's alone (a crowded corner of
            // a small picture), a free place still beats a badge on top of another.
            let mut reads_as_its_own = |c: Pos2| {
                checks_left = checks_left.saturating_sub(1);
                checks_left > 0 && points_only_to_its_own(&request, c, recipient_at)
            };
            let found = candidates(request.anchor, radius)
                .find(|&c| free(c, &grid) && reads_as_its_own(c))
                .or_else(|| candidates(request.anchor, radius).find(|&c| free(c, &grid)));
            let Some(center) = found else {
                placed.crowded += 1;
                continue;
            };
            center
        };
        grid.insert(center);
        placed.badges.push(Badge {
            country: request.country,
            teams: request.teams,
            anchor: request.anchor,
            center,
            radius,
        });
    }
    placed
}

/// The centres of the badges placed so far, in square cells as wide as the least
/// distance between two centres, so a new place is checked against the badges in the
/// nine cells around it, not against all of them.
struct PlacedGrid {
    cell: f32,
    cells: std::collections::HashMap<(i64, i64), Vec<Pos2>>,
}

impl PlacedGrid {
    fn new(min_distance: f32) -> Self {
        PlacedGrid {
            cell: min_distance.max(1e-3),
            cells: std::collections::HashMap::new(),
        }
    }

    fn key(&self, p: Pos2) -> (i64, i64) {
        (
            (p.x / self.cell).floor() as i64,
            (p.y / self.cell).floor() as i64,
        )
    }

    fn insert(&mut self, p: Pos2) {
        let key = self.key(p);
        self.cells.entry(key).or_default().push(p);
    }

    /// No placed centre is closer to `p` than the least distance.
    fn is_free(&self, p: Pos2) -> bool {
        let (x, y) = self.key(p);
        (-1..=1).all(|dx| {
            (-1..=1).all(|dy| {
                self.cells
                    .get(&(x + dx, y + dy))
                    .is_none_or(|centres| centres.iter().all(|c| c.distance(p) >= self.cell))
            })
        })
    }
}

/// True when a badge at `center` for `request` reads as its country's: the leader line
/// from the anchor crosses no other recipient, and within the distance from the badge
/// to its anchor there is no other recipient.
fn points_only_to_its_own(
    request: &BadgeRequest,
    center: Pos2,
    recipient_at: RecipientAt<'_>,
) -> bool {
    /// Screen points between samples along the leader line and around the badge.
    const STEP: f32 = 3.0;
    let other = |p: Pos2| recipient_at(p).is_some_and(|c| c != request.country);
    let length = request.anchor.distance(center);
    let steps = (length / STEP).ceil().max(1.0) as usize;
    let crosses = (0..=steps).any(|i| other(request.anchor.lerp(center, i as f32 / steps as f32)));
    if crosses {
        return false;
    }
    // Rings around the badge out to the anchor's distance: another recipient inside
    // them would be nearer the badge than its own country.
    let rings = (length / (STEP * 2.0)).ceil().max(1.0) as usize;
    (1..=rings).all(|ring| {
        let r = length * ring as f32 / rings as f32;
        let around = ((std::f32::consts::TAU * r / (STEP * 2.0)).ceil() as usize).clamp(8, 64);
        (0..around).all(|k| {
            let angle = std::f32::consts::TAU * k as f32 / around as f32;
            !other(center + vec2(angle.cos(), angle.sin()) * r)
        })
    })
}

/// Positions around `anchor`, nearest ring first, up-right first (the usual place for
/// a callout).
fn candidates(anchor: Pos2, radius: f32) -> impl Iterator<Item = Pos2> {
    const ANGLES_DEG: [f32; 8] = [-45.0, -135.0, 45.0, 135.0, 0.0, 180.0, -90.0, 90.0];
    [2.8f32, 4.2, 5.6, 7.0]
        .into_iter()
        .flat_map(move |distance| {
            ANGLES_DEG.into_iter().map(move |deg| {
                let (sin, cos) = deg.to_radians().sin_cos();
                anchor + vec2(cos, sin) * radius * distance
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn area() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 500.0))
    }

    #[test]
    fn a_large_country_keeps_its_badge_inside() {
        let request = BadgeRequest {
            country: 0,
            teams: 3,
            anchor: pos2(500.0, 250.0),
            size: 80.0,
        };
        let badges = place_badges(vec![request], 10.0, area(), &|_| None).badges;
        assert_eq!(badges[0].center, pos2(500.0, 250.0));
        assert!(!badges[0].has_leader());
    }

    #[test]
    fn small_neighbours_get_leader_lines_and_never_overlap() {
        let requests: Vec<BadgeRequest> = (0..4)
            .map(|i| BadgeRequest {
                country: i,
                teams: 1,
                anchor: pos2(500.0 + i as f32 * 4.0, 250.0),
                size: 5.0,
            })
            .collect();
        let badges = place_badges(requests, 10.0, area(), &|_| None).badges;
        assert_eq!(badges.len(), 4);
        for (i, a) in badges.iter().enumerate() {
            assert!(a.has_leader());
            for b in &badges[i + 1..] {
                assert!(a.center.distance(b.center) >= 20.0, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn badges_with_no_free_place_are_counted_not_piled_up() {
        // 20,000 recipients on a 1000 × 500 area: about 1,100 badges fit.
        let requests: Vec<BadgeRequest> = (0..20_000)
            .map(|i| BadgeRequest {
                country: i,
                teams: 1,
                anchor: pos2((i % 200) as f32 * 5.0 + 1.0, (i / 200) as f32 * 5.0 + 1.0),
                size: 1.0,
            })
            .collect();
        let placed = place_badges(requests, 10.0, area(), &|_| None);
        assert_eq!(placed.badges.len() + placed.crowded, 20_000);
        assert!(placed.crowded > 15_000, "{}", placed.crowded);
        let grid_check = PlacedGrid::new(22.0);
        assert!(grid_check.is_free(pos2(0.0, 0.0)));
        for (i, a) in placed.badges.iter().enumerate().step_by(97) {
            for b in &placed.badges[i + 1..] {
                assert!(a.center.distance(b.center) >= 22.0, "{a:?} {b:?}");
            }
        }
    }
}
