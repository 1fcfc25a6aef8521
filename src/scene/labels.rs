//! Country names on the map. The recipients' names come first, each beside its badge;
//! with every country asked for, the others follow largest first, each at its visual
//! centre and only where the zoom gives its name room inside the country. No name
//! covers another, a badge, or the map's edge: a name with no room is left out (the
//! country's name is still in its tooltip and pop-up), never drawn over a fact.

use egui::{Align2, Pos2, Rect, Vec2, vec2};

use crate::scene::badges::Badge;
use crate::scene::display::{DisplayList, Group, ROW_HEIGHT, TextRun};
use crate::scene::label_choice::LabelChoice;
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::screen::screen_bounds;
use crate::scene::style::MapStyle;
use crate::scene::view::ScreenTransform;

/// A recipient's name size, at layout scale 1, and the least it gets in a small
/// picture (smaller is not read).
const RECIPIENT_SIZE: (f32, f32) = (11.5, 10.0);
/// Another country's name size, at layout scale 1, and the least.
const COUNTRY_SIZE: (f32, f32) = (9.5, 8.5);
/// Room kept between a name and what is around it, at layout scale 1.
const GAP: f32 = 2.0;
/// The room kept around a name for other names, as a share of its size: about a
/// space's width.
const WORD_SPACE: f32 = 0.3;
/// A country's name is shown only where the country is at least this share of the
/// name's width across on screen: a name far wider than its country reads as the
/// neighbour's.
const FIT_SHARE: f32 = 0.8;
/// The most names one picture draws: beyond, a map is text, not a map (and placing
/// them costs time).
pub const MAX_LABELS: usize = 600;

/// A name placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    /// The country (outline index).
    pub country: usize,
    /// The name shown.
    pub text: String,
    /// Where it is drawn.
    pub rect: Rect,
    /// Its text size.
    pub size: f32,
    /// A recipient's name (drawn stronger).
    pub recipient: bool,
}

/// The names to draw for `model`'s label choice, placed around `badges` and clear of
/// `keep_clear` (the legend) within the map area of `layout`.
pub(crate) fn place_labels(
    model: &MapModel,
    transform: &ScreenTransform,
    layout: &Layout,
    badges: &[Badge],
    keep_clear: &[Rect],
    measure: &dyn Fn(&str, f32) -> f32,
) -> Vec<PlacedLabel> {
    if model.labels == LabelChoice::None {
        return Vec::new();
    }
    let gap = GAP * layout.scale;
    let mut room = Room::around(badges, layout, gap);
    room.taken.extend(keep_clear.iter().map(|r| r.expand(gap)));
    for badge in recipients_first(model, badges) {
        let text = model.outlines.countries[badge.country].name.clone();
        let size = text_size(RECIPIENT_SIZE, layout);
        let extent = vec2(measure(&text, size), size * ROW_HEIGHT);
        if let Some(rect) = room.take_first(beside(badge, extent, gap), size) {
            room.placed.push(PlacedLabel {
                country: badge.country,
                text,
                rect,
                size,
                recipient: true,
            });
        }
    }
    if model.labels == LabelChoice::All {
        for (country, bounds) in others_largest_first(model, transform, layout) {
            if room.placed.len() >= MAX_LABELS {
                break;
            }
            let text = model.outlines.countries[country].name.clone();
            let size = text_size(COUNTRY_SIZE, layout);
            let extent = vec2(measure(&text, size), size * ROW_HEIGHT);
            if bounds.width() < extent.x * FIT_SHARE || bounds.height() < extent.y {
                continue;
            }
            let centre = transform.to_screen(model.projected.countries[country].label_point());
            if let Some(rect) = room.take_first([Rect::from_center_size(centre, extent)], size) {
                room.placed.push(PlacedLabel {
                    country,
                    text,
                    rect,
                    size,
                    recipient: false,
                });
            }
        }
    }
    room.placed
}

/// A name's text size in `layout`: the size at scale 1 scaled, but not below the
/// least.
fn text_size((at_one, least): (f32, f32), layout: &Layout) -> f32 {
    (at_one * layout.scale).max(least)
}

/// What is already on the map where a name might go: the badges, their leader lines
/// and the names placed so far.
struct Room {
    taken: Vec<Rect>,
    leaders: Vec<[Pos2; 2]>,
    placed: Vec<PlacedLabel>,
    map: Rect,
    gap: f32,
}

impl Room {
    fn around(badges: &[Badge], layout: &Layout, gap: f32) -> Room {
        Room {
            taken: badges.iter().map(|b| b.rect().expand(gap)).collect(),
            leaders: badges
                .iter()
                .filter(|b| b.has_leader())
                .map(|b| [b.anchor, b.center])
                .collect(),
            placed: Vec::new(),
            // Names keep off the map's edge by the gap too.
            map: layout.map.shrink(gap),
            gap,
        }
    }

    /// The first of `spots` wholly on the map and clear of everything taken, now
    /// taken itself, with room for a space around it (so two names never read as
    /// one).
    fn take_first(&mut self, spots: impl IntoIterator<Item = Rect>, size: f32) -> Option<Rect> {
        // Shrunk a little: a spot that only touches what is taken (a name set just
        // its gap away from its badge) is clear.
        let spot = spots.into_iter().find(|rect| {
            let inner = rect.shrink(0.25);
            self.map.contains_rect(*rect)
                && !self.taken.iter().any(|t| t.intersects(inner))
                && !self
                    .leaders
                    .iter()
                    .any(|line| crosses(*line, rect.expand(self.gap)))
        })?;
        self.taken.push(spot.expand(self.gap + size * WORD_SPACE));
        Some(spot)
    }
}

/// Whether the segment `line` passes through `rect` (tested every point along it).
fn crosses([from, to]: [Pos2; 2], rect: Rect) -> bool {
    let steps = (from.distance(to) / 1.0).ceil().clamp(1.0, 2_000.0) as usize;
    (0..=steps).any(|k| rect.contains(from.lerp(to, k as f32 / steps as f32)))
}

/// The recipients' badges, most teams first (their names matter most), then west to
/// east so the order never depends on the data's.
fn recipients_first<'a>(model: &MapModel, badges: &'a [Badge]) -> Vec<&'a Badge> {
    let mut order: Vec<&Badge> = badges
        .iter()
        .filter(|b| b.country < model.outlines.countries.len())
        .collect();
    order.sort_by(|a, b| {
        b.teams
            .cmp(&a.teams)
            .then(a.anchor.x.total_cmp(&b.anchor.x))
    });
    order
}

/// Where a recipient's name may go, in order of preference: under its badge, above
/// it, to its right, to its left, then at its four corners (where a crowd leaves no
/// side free).
fn beside(badge: &Badge, text: Vec2, gap: f32) -> [Rect; 8] {
    let c = badge.center;
    let r = badge.radius + gap;
    // A corner's spot touches the badge's box at its corner.
    let d = r;
    let at = |x: f32, y: f32| Rect::from_min_size(Pos2::new(x, y), text);
    [
        at(c.x - text.x / 2.0, c.y + r),
        at(c.x - text.x / 2.0, c.y - r - text.y),
        at(c.x + r, c.y - text.y / 2.0),
        at(c.x - r - text.x, c.y - text.y / 2.0),
        at(c.x + d, c.y + d),
        at(c.x - d - text.x, c.y + d),
        at(c.x + d, c.y - d - text.y),
        at(c.x - d - text.x, c.y - d - text.y),
    ]
}

/// Every country that is not a recipient and whose largest polygon (where its name
/// goes) lies in view, with that polygon's bounds on screen, largest first.
fn others_largest_first(
    model: &MapModel,
    transform: &ScreenTransform,
    layout: &Layout,
) -> Vec<(usize, Rect)> {
    let mut others: Vec<(usize, Rect)> = model
        .projected
        .countries
        .iter()
        .enumerate()
        .filter(|(country, _)| model.teams_of(*country) == 0)
        .map(|(country, projected)| {
            (
                country,
                screen_bounds(projected.largest_bounds(), transform),
            )
        })
        .filter(|(_, bounds)| bounds.intersects(layout.map))
        .collect();
    others.sort_by(|a, b| b.1.area().total_cmp(&a.1.area()).then(a.0.cmp(&b.0)));
    others
}

/// The names as display items, over the arcs and badges, each with a halo in the
/// background's colour so it reads over fills and arcs alike.
pub(crate) fn label_items(list: &mut DisplayList, labels: &[PlacedLabel], style: &MapStyle) {
    if labels.is_empty() {
        return;
    }
    list.group(Group::Labels, |list| {
        for label in labels {
            let color = if label.recipient {
                style.text
            } else {
                style.muted_text
            };
            let run = TextRun::new(
                label.text.clone(),
                label.rect.center(),
                Align2::CENTER_CENTER,
                label.size,
                color,
            );
            list.text(run.with_halo(style.background));
        }
    });
}
