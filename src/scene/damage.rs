//! What changed between two pictures of the same size: the areas, in points, that an
//! incremental back-end must redraw to turn the first into the second. The frames of an
//! animation differ in a date, a few fills and badges; redrawing only that area is what
//! makes them cheap. The area is generous (a text run as if each character were one and a half times its size wide), never
//! short: a test draws every frame both ways and compares the pixels.

use egui::{Align, Pos2, Rect, pos2};

use crate::scene::display::{DisplayList, Item, Primitive, ROW_HEIGHT};

/// The most room a character of a text run can take, as a share of the text size.
const GLYPH_ROOM: f32 = 1.5;

/// How far anti-aliasing reaches past a shape's edge, in points (egui feathers by a
/// pixel; two cover any scale of one or more).
const FEATHER: f32 = 2.0;

/// The areas that differ between `before` and `after` (none: nothing does), apart
/// from each other: a date at the top and a fill at the bottom are two small areas,
/// not the picture between them. Meshes are not compared (a million vertices):
/// `fill_changes` says where the mesh's fills changed colour, as the scene's cache
/// reports it, or `None` when the mesh may differ anywhere. Lists of different bounds
/// differ everywhere.
pub fn changed_areas(
    before: &DisplayList,
    after: &DisplayList,
    fill_changes: Option<&[Rect]>,
) -> Vec<Rect> {
    let picture = after.bounds;
    let mesh_count = |list: &DisplayList| {
        primitives(list)
            .filter(|p| matches!(p, Primitive::Mesh(_)))
            .count()
    };
    let meshes = mesh_count(after);
    let mesh_changes = match fill_changes {
        _ if before.bounds != after.bounds || mesh_count(before) != meshes => None,
        Some(changes) => Some(changes),
        None if meshes == 0 => Some(&[][..]),
        None => None,
    };
    let Some(mesh_changes) = mesh_changes else {
        return vec![picture];
    };
    let mut area = Tiles::over(picture);
    for changed in mesh_changes {
        area.add(changed.expand(FEATHER));
    }
    let shapes = |list: &DisplayList| -> Vec<Primitive> {
        primitives(list)
            .filter(|p| !matches!(p, Primitive::Mesh(_)))
            .cloned()
            .collect()
    };
    let (old_shapes, new_shapes) = (shapes(before), shapes(after));
    // The lists as they differ: what lies between their common start and their
    // common end (a new day's arcs go in the middle). A pixel that no shape of that
    // stretch covers, before or after, is painted by the same shapes in the same order.
    let start = old_shapes
        .iter()
        .zip(&new_shapes)
        .take_while(|(a, b)| a == b)
        .count();
    let end = old_shapes[start..]
        .iter()
        .rev()
        .zip(new_shapes[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_middle, new_middle) = (
        &old_shapes[start..old_shapes.len() - end],
        &new_shapes[start..new_shapes.len() - end],
    );
    if old_middle.len() == new_middle.len() {
        // Shape by shape; order matters too: a shape that moved in the list changes
        // what is on top, and makes such a pair.
        for (old, new) in old_middle.iter().zip(new_middle) {
            if old != new {
                area.add_all(difference(old, new, picture));
            }
        }
    } else {
        for shape in old_middle.iter().chain(new_middle) {
            area.add_all(bounds(shape, picture));
        }
    }
    area.rects()
}

/// Where two versions of a shape at one place in the list may paint differently. Two
/// polylines of one stroke (an arc growing from its sender, frame by frame) differ
/// only along the segments one has and the other has not; a piece's first and last
/// segments are told apart from the same segments inside a piece (a cap is not a
/// join). Anything else differs wherever either paints.
fn difference(old: &Primitive, new: &Primitive, picture: Rect) -> Vec<Rect> {
    match (old, new) {
        (
            Primitive::Lines {
                pieces: old_pieces,
                stroke: old_stroke,
            },
            Primitive::Lines {
                pieces: new_pieces,
                stroke: new_stroke,
            },
        ) if old_stroke == new_stroke => {
            let (old_set, new_set) = (segment_set(old_pieces), segment_set(new_pieces));
            let room = old_stroke.width + FEATHER;
            let only_in = |pieces: &[Vec<Pos2>], other: &std::collections::HashSet<Segment>| {
                segments_of(pieces)
                    .filter(|(key, _, _)| !other.contains(key))
                    .map(|(_, a, b)| Rect::from_two_pos(a, b).expand(room))
                    .collect::<Vec<_>>()
            };
            let mut rects = only_in(old_pieces, &new_set);
            rects.extend(only_in(new_pieces, &old_set));
            rects
        }
        _ => {
            let mut rects = bounds(old, picture);
            rects.extend(bounds(new, picture));
            rects
        }
    }
}

/// A segment of a polyline, exactly: its ends' bits and whether it starts or ends its
/// piece.
type Segment = (u32, u32, u32, u32, bool, bool);

/// Each segment of `pieces` with its ends.
fn segments_of(pieces: &[Vec<Pos2>]) -> impl Iterator<Item = (Segment, Pos2, Pos2)> + '_ {
    pieces.iter().flat_map(|piece| {
        let last = piece.len().saturating_sub(2);
        piece.windows(2).enumerate().map(move |(i, pair)| {
            let (a, b) = (pair[0], pair[1]);
            let key = (
                a.x.to_bits(),
                a.y.to_bits(),
                b.x.to_bits(),
                b.y.to_bits(),
                i == 0,
                i == last,
            );
            (key, a, b)
        })
    })
}

/// The segments of `pieces`, to look up.
fn segment_set(pieces: &[Vec<Pos2>]) -> std::collections::HashSet<Segment> {
    segments_of(pieces).map(|(key, _, _)| key).collect()
}

/// Side of a tile of damage, in points.
const TILE: f32 = 32.0;

/// The damaged parts of a picture as tiles: a long thin arc marks the few tiles it
/// crosses, not its whole bounding box; the tiles come back as non-overlapping
/// rectangles, one per run of tiles in a row.
struct Tiles {
    picture: Rect,
    set: std::collections::BTreeSet<(i32, i32)>,
}

impl Tiles {
    fn over(picture: Rect) -> Self {
        Tiles {
            picture,
            set: std::collections::BTreeSet::new(),
        }
    }

    fn add(&mut self, rect: Rect) {
        let rect = rect.intersect(self.picture);
        if !rect.is_positive() {
            return;
        }
        let tile = |v: f32, origin: f32| ((v - origin) / TILE).floor() as i32;
        let (x0, y0) = (
            tile(rect.min.x, self.picture.min.x),
            tile(rect.min.y, self.picture.min.y),
        );
        let (x1, y1) = (
            tile(rect.max.x, self.picture.min.x),
            tile(rect.max.y, self.picture.min.y),
        );
        for y in y0..=y1 {
            for x in x0..=x1 {
                self.set.insert((y, x));
            }
        }
    }

    fn add_all(&mut self, rects: Vec<Rect>) {
        for rect in rects {
            self.add(rect);
        }
    }

    /// The tiles as rectangles: each run of neighbouring tiles in a row is one.
    fn rects(&self) -> Vec<Rect> {
        let mut rects: Vec<Rect> = Vec::new();
        let mut run: Option<(i32, i32, i32)> = None; // (row, first, last)
        let origin = self.picture.min;
        let rect_of = |(row, first, last): (i32, i32, i32)| {
            Rect::from_min_max(
                pos2(origin.x + first as f32 * TILE, origin.y + row as f32 * TILE),
                pos2(
                    origin.x + (last + 1) as f32 * TILE,
                    origin.y + (row + 1) as f32 * TILE,
                ),
            )
            .intersect(self.picture)
        };
        for &(row, x) in &self.set {
            run = match run {
                Some((r, first, last)) if r == row && x == last + 1 => Some((r, first, x)),
                Some(done) => {
                    rects.push(rect_of(done));
                    Some((row, x, x))
                }
                None => Some((row, x, x)),
            };
        }
        rects.extend(run.map(rect_of));
        rects.retain(|r| r.is_positive());
        rects
    }
}

/// Every primitive of `list`, back to front.
fn primitives(list: &DisplayList) -> impl Iterator<Item = &Primitive> {
    list.items.iter().filter_map(|item| match item {
        Item::Draw(primitive) => Some(primitive),
        Item::Begin(_) | Item::End => None,
    })
}

/// The areas `shape` may paint, generously: a line or an outline by each of its
/// segments (a long arc crosses few tiles), a text run measured without its font, by
/// its number of characters.
fn bounds(shape: &Primitive, picture: Rect) -> Vec<Rect> {
    let segments = |points: &[Pos2], width: f32| -> Vec<Rect> {
        points
            .windows(2)
            .map(|pair| Rect::from_two_pos(pair[0], pair[1]).expand(width + FEATHER))
            .collect()
    };
    match shape {
        Primitive::Mesh(mesh) => vec![mesh.mesh.calc_bounds().expand(FEATHER)],
        Primitive::Area {
            rings,
            fill,
            stroke,
        } if *fill == egui::Color32::TRANSPARENT => rings
            .iter()
            .flat_map(|ring| {
                let mut closed = ring.clone();
                closed.extend(ring.first().copied());
                segments(&closed, stroke.width)
            })
            .collect(),
        Primitive::Area { rings, stroke, .. } => {
            let mut area = Rect::NOTHING;
            for point in rings.iter().flatten() {
                area.extend_with(*point);
            }
            vec![area.expand(stroke.width + FEATHER)]
        }
        Primitive::Lines { pieces, stroke } => pieces
            .iter()
            .flat_map(|piece| segments(piece, stroke.width))
            .collect(),
        Primitive::Line { points, stroke } => segments(points, stroke.width),
        Primitive::Circle {
            center,
            radius,
            stroke,
            ..
        } => vec![
            Rect::from_center_size(*center, egui::Vec2::splat(2.0 * radius))
                .expand(stroke.width + FEATHER),
        ],
        Primitive::Rect { rect, stroke, .. } => vec![rect.expand(stroke.width + FEATHER)],
        Primitive::Text(run) => vec![text_bounds(run, picture)],
    }
}

/// A text run's area, measured without its font (see [`GLYPH_ROOM`]).
fn text_bounds(run: &crate::scene::display::TextRun, picture: Rect) -> Rect {
    let row = ROW_HEIGHT * run.size;
    let top = match run.anchor.y() {
        Align::Min => run.pos.y,
        Align::Center => run.pos.y - row / 2.0,
        Align::Max => run.pos.y - row,
    };
    // No glyph of the picture's fonts is wider than its size; half as much again
    // covers italics and whatever a fallback font draws.
    let width = GLYPH_ROOM * run.size * run.text.chars().count() as f32;
    let left = match run.anchor.x() {
        Align::Min => run.pos.x,
        Align::Center => run.pos.x - width / 2.0,
        Align::Max => run.pos.x - width,
    };
    Rect::from_min_max(
        pos2(left - run.size, top - run.size),
        pos2(left + width + run.size, top + row + run.size),
    )
    .intersect(picture.expand(run.size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Stroke};

    fn lines(pieces: Vec<Vec<Pos2>>) -> Primitive {
        Primitive::Lines {
            pieces,
            stroke: Stroke::new(2.0, Color32::RED),
        }
    }

    #[test]
    fn a_growing_line_differs_only_near_its_new_segments() {
        let picture = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 100.0));
        let points: Vec<Pos2> = (0..=10).map(|i| pos2(i as f32 * 90.0, 50.0)).collect();
        let old = lines(vec![points[..5].to_vec()]);
        let new = lines(vec![points[..8].to_vec()]);
        let rects = difference(&old, &new, picture);
        let left = rects.iter().map(|r| r.left()).fold(f32::INFINITY, f32::min);
        // The old last segment, as it was (capped) and as it is (joined), and the
        // three new ones: nothing left of x = 270.
        assert!((270.0 - 5.0..=270.0).contains(&left), "{rects:?}");
        assert_eq!(rects.len(), 5, "{rects:?}");
        // The same segments split into two pieces: caps where there was a join.
        let split = lines(vec![points[..3].to_vec(), points[2..5].to_vec()]);
        let rects = difference(&old, &split, picture);
        assert!(!rects.is_empty());
        // Another stroke differs everywhere.
        let wider = Primitive::Lines {
            pieces: vec![points[..5].to_vec()],
            stroke: Stroke::new(3.0, Color32::RED),
        };
        let whole = difference(&old, &wider, picture);
        let left = whole.iter().map(|r| r.left()).fold(f32::INFINITY, f32::min);
        assert!(left < 0.0 + 5.0, "{whole:?}");
    }
}
