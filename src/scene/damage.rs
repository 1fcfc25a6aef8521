//! What changed between two pictures of the same size: the areas, in points, that an
//! incremental back-end must redraw to turn the first into the second. The frames of an
//! animation differ in a date, a few fills and badges; redrawing only that area is what
//! makes them cheap. The area is generous (a text run as if each character were one and a half times its size wide), never
//! short: a test draws every frame both ways and compares the pixels.

use egui::{Align, Rect, pos2};

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
    let mut area = Areas::default();
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
    for (shapes, others) in [(&old_shapes, &new_shapes), (&new_shapes, &old_shapes)] {
        for shape in shapes.iter().filter(|s| !others.contains(s)) {
            area.add(bounds(shape, picture));
        }
    }
    // Order matters where shapes overlap: a shape that moved in the list changes
    // what is on top. Where the lists differ only in order, redraw where they do.
    if old_shapes.len() == new_shapes.len() {
        for (old, new) in old_shapes.iter().zip(&new_shapes) {
            if old != new {
                area.add(bounds(old, picture));
                area.add(bounds(new, picture));
            }
        }
    }
    area.0
        .into_iter()
        .map(|a| a.intersect(picture))
        .filter(|a| a.is_positive())
        .collect()
}

/// Rectangles that do not overlap: one added over others is merged with them.
#[derive(Default)]
struct Areas(Vec<Rect>);

impl Areas {
    fn add(&mut self, rect: Rect) {
        if !rect.is_positive() {
            return;
        }
        let mut merged = rect;
        // Merging can make a rectangle overlap one it did not: repeat until none does.
        loop {
            let before = self.0.len();
            self.0.retain(|other| {
                let overlaps = other.intersects(merged);
                if overlaps {
                    merged = merged.union(*other);
                }
                !overlaps
            });
            if self.0.len() == before {
                break;
            }
        }
        self.0.push(merged);
    }
}

/// Every primitive of `list`, back to front.
fn primitives(list: &DisplayList) -> impl Iterator<Item = &Primitive> {
    list.items.iter().filter_map(|item| match item {
        Item::Draw(primitive) => Some(primitive),
        Item::Begin(_) | Item::End => None,
    })
}

/// The area `shape` may paint, generously: a text run is measured without its font,
/// by its number of characters.
fn bounds(shape: &Primitive, picture: Rect) -> Rect {
    match shape {
        Primitive::Mesh(mesh) => mesh.mesh.calc_bounds().expand(FEATHER),
        Primitive::Area { rings, stroke, .. } => {
            let mut area = Rect::NOTHING;
            for point in rings.iter().flatten() {
                area.extend_with(*point);
            }
            area.expand(stroke.width + FEATHER)
        }
        Primitive::Lines { pieces, stroke } => {
            let mut area = Rect::NOTHING;
            for point in pieces.iter().flatten() {
                area.extend_with(*point);
            }
            area.expand(stroke.width + FEATHER)
        }
        Primitive::Line { points, stroke } => {
            Rect::from_two_pos(points[0], points[1]).expand(stroke.width + FEATHER)
        }
        Primitive::Circle {
            center,
            radius,
            stroke,
            ..
        } => Rect::from_center_size(*center, egui::Vec2::splat(2.0 * radius))
            .expand(stroke.width + FEATHER),
        Primitive::Rect { rect, stroke, .. } => rect.expand(stroke.width + FEATHER),
        Primitive::Text(run) => {
            let row = ROW_HEIGHT * run.size;
            let top = match run.anchor.y() {
                Align::Min => run.pos.y,
                Align::Center => run.pos.y - row / 2.0,
                Align::Max => run.pos.y - row,
            };
            // No glyph of the picture's fonts is wider than its size; half as much
            // again covers italics and whatever a fallback font draws.
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
    }
}
