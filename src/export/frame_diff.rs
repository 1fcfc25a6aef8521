//! What changed from one frame of an animation to the next, in pixels: the GIF and
//! APNG writers store only that rectangle of each frame after the first.

use egui::Color32;

/// The smallest rectangle `[x0, y0, x1, y1)` holding every pixel that differs. Reads
/// both pictures row by row, in memory order.
pub(crate) fn changed_rect(
    before: &[Color32],
    after: &[Color32],
    [width, _height]: [usize; 2],
) -> Option<[usize; 4]> {
    let mut found: Option<[usize; 4]> = None;
    let rows = before
        .chunks_exact(width.max(1))
        .zip(after.chunks_exact(width.max(1)));
    for (y, (old, new)) in rows.enumerate() {
        if old == new {
            continue;
        }
        let first = old.iter().zip(new).position(|(a, b)| a != b).unwrap_or(0);
        let last = old
            .iter()
            .zip(new)
            .rposition(|(a, b)| a != b)
            .unwrap_or(first);
        found = Some(match found {
            None => [first, y, last + 1, y + 1],
            Some([x0, y0, x1, _]) => [x0.min(first), y0, x1.max(last + 1), y + 1],
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_rectangle_is_exactly_the_pixels_that_differ() {
        let before = vec![Color32::BLACK; 12];
        let mut after = before.clone();
        after[5] = Color32::WHITE; // (1, 1) in a 4 × 3 picture
        after[7] = Color32::WHITE; // (3, 1)
        assert_eq!(changed_rect(&before, &after, [4, 3]), Some([1, 1, 4, 2]));
        assert_eq!(changed_rect(&before, &before, [4, 3]), None);
    }
}
