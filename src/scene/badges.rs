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

/// Place one badge per request inside `area`. A badge set beside its country must not
/// read as another's: its leader line crosses no other recipient, and no other
/// recipient is nearer the badge than its own country (`recipient_at` tells).
pub fn place_badges(
    mut requests: Vec<BadgeRequest>,
    radius: f32,
    area: Rect,
    recipient_at: RecipientAt<'_>,
) -> Vec<Badge> {
    requests.sort_by(|a, b| b.size.total_cmp(&a.size));
    let mut placed: Vec<Badge> = Vec::with_capacity(requests.len());
    let inner = area.shrink(radius + 1.0);
    for request in requests {
        if !area.contains(request.anchor) {
            continue;
        }
        let free = |center: Pos2, placed: &[Badge]| {
            inner.contains(center)
                && placed
                    .iter()
                    .all(|b| b.center.distance(center) >= b.radius + radius + 2.0)
        };
        let fits_inside = request.size >= radius * 2.4;
        let center = if fits_inside && free(request.anchor, &placed) {
            request.anchor
        } else {
            // Where no free place reads as this country's alone (a crowded corner of
            // a small picture), a free place still beats a badge on top of another.
            candidates(request.anchor, radius)
                .find(|&c| free(c, &placed) && points_only_to_its_own(&request, c, recipient_at))
                .or_else(|| candidates(request.anchor, radius).find(|&c| free(c, &placed)))
                .unwrap_or(request.anchor)
        };
        placed.push(Badge {
            country: request.country,
            teams: request.teams,
            anchor: request.anchor,
            center,
            radius,
        });
    }
    placed
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
        let badges = place_badges(vec![request], 10.0, area(), &|_| None);
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
        let badges = place_badges(requests, 10.0, area(), &|_| None);
        assert_eq!(badges.len(), 4);
        for (i, a) in badges.iter().enumerate() {
            assert!(a.has_leader());
            for b in &badges[i + 1..] {
                assert!(a.center.distance(b.center) >= 20.0, "{a:?} {b:?}");
            }
        }
    }
}
