//! Where the parts of the picture go: a header band (title, subtitle), the map, and a
//! footer band (source line), with text sizes scaled to the picture so that an
//! 800×400 export and a 4000×2000 one read alike.

use egui::{Rect, pos2};

use crate::scene::model::MapModel;

/// Half the height of the source line's band at scale 1.
const SOURCE_LINE_HALF: f32 = 13.0;
/// Height of one more footer line at scale 1.
const FOOTER_LINE: f32 = 17.0;
/// Most lines the footer's note takes; the last holds the rest, set smaller.
const MOST_NOTE_LINES: usize = 4;

/// The rectangles and text sizes of one picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// Title and subtitle.
    pub header: Rect,
    /// The map itself.
    pub map: Rect,
    /// The source line.
    pub footer: Rect,
    /// Multiplier for every size below, from the picture's size.
    pub scale: f32,
}

impl Layout {
    /// The layout of a picture of `model` filling `rect`: the footer takes a second
    /// line when some of the data is not on the map, to say so (or when an animation
    /// keeps it for the frames that need it, so that its map never jumps).
    pub fn of(rect: Rect, model: &MapModel) -> Self {
        Self::with_notes(rect, Self::note_lines(rect, model))
    }

    /// How many lines a picture of `model` filling `rect` has above its source line:
    /// the user's note, and what the map leaves out, wrapped to the picture's width
    /// (at least the lines an animation keeps for all its frames).
    pub fn note_lines(rect: Rect, model: &MapModel) -> usize {
        let layout = Self::new(rect);
        let notes = layout.footer_note_lines(model).len();
        notes.max(model.note_lines_kept) + layout.own_note_lines(model).len()
    }

    /// The footer's note broken into lines that fit this picture's width at its text
    /// size (at spaces), at most [`MOST_NOTE_LINES`]; none without a note. A note is
    /// never cut: the last line takes what is left (set smaller if need be).
    pub fn footer_note_lines(&self, model: &MapModel) -> Vec<String> {
        match crate::scene::text::footer_note(model) {
            Some(note) => self.wrapped(&note),
            None => Vec::new(),
        }
    }

    /// The user's note (`--note`, View → Title and notes), broken into lines as the
    /// footer's note is.
    pub fn own_note_lines(&self, model: &MapModel) -> Vec<String> {
        match &model.captions.note {
            Some(note) => self.wrapped(note),
            None => Vec::new(),
        }
    }

    /// `note` in lines that fit this picture's width at the footer's text size, at
    /// most [`MOST_NOTE_LINES`] (the last takes what is left).
    fn wrapped(&self, note: &str) -> Vec<String> {
        let size = self.small_size();
        let estimate = |text: &str| Self::estimated_width(text, size);
        let mut lines = crate::scene::wrap::wrap(note, self.line_width(), estimate);
        if lines.len() > MOST_NOTE_LINES {
            let rest = lines.split_off(MOST_NOTE_LINES - 1).join(" ");
            lines.push(rest);
        }
        lines
    }

    /// About how wide `text` is at `size` in the map's font, without measuring it:
    /// enough to choose where a footer note breaks (the drawn line is measured, and
    /// set smaller if it still does not fit).
    pub fn estimated_width(text: &str, size: f32) -> f32 {
        /// Ubuntu Light's mean advance, in ems, over English text and digits.
        const MEAN_ADVANCE: f32 = 0.5;
        text.chars().count() as f32 * size * MEAN_ADVANCE
    }

    /// The layout of a picture filling `rect` with only the source line in the footer.
    pub fn new(rect: Rect) -> Self {
        Self::with_notes(rect, 0)
    }

    /// The layout of a picture filling `rect` with `note_lines` lines above the source
    /// (the scale and widths do not depend on them).
    pub fn with_notes(rect: Rect, note_lines: usize) -> Self {
        let scale = (rect.width() / 1400.0)
            .min(rect.height() / 760.0)
            .clamp(0.75, 3.0);
        let header_height = 70.0 * scale;
        let footer_height = (2.0 * SOURCE_LINE_HALF + FOOTER_LINE * note_lines as f32) * scale;
        let header = Rect::from_min_max(rect.min, pos2(rect.max.x, rect.min.y + header_height));
        let footer = Rect::from_min_max(pos2(rect.min.x, rect.max.y - footer_height), rect.max);
        let map = Rect::from_min_max(
            pos2(rect.min.x, header.max.y),
            pos2(rect.max.x, footer.min.y),
        );
        Layout {
            header,
            map,
            footer,
            scale,
        }
    }

    /// Outer margin.
    pub fn margin(&self) -> f32 {
        14.0 * self.scale
    }
    /// Title text size.
    pub fn title_size(&self) -> f32 {
        25.0 * self.scale
    }
    /// Subtitle text size.
    pub fn subtitle_size(&self) -> f32 {
        15.0 * self.scale
    }
    /// Source line and legend text size.
    pub fn small_size(&self) -> f32 {
        12.0 * self.scale
    }
    /// The width a line of the header or footer may take.
    pub fn line_width(&self) -> f32 {
        (self.header.width() - 2.0 * self.margin()).max(1.0)
    }

    /// The text size at which a line `width_at` points wide at `size` fits the width
    /// of the picture: `size` when it fits, smaller when it does not, so a title or
    /// source line is never cut off at the edge of a narrow picture.
    pub fn fitted_size(&self, size: f32, width_at: f32) -> f32 {
        /// Room left for rounding between measuring and drawing.
        const SLACK: f32 = 0.98;
        let available = self.line_width();
        if width_at <= available || width_at <= 0.0 {
            size
        } else {
            size * available / width_at * SLACK
        }
    }

    /// The vertical centre of the source line (the footer's last line).
    pub fn source_center_y(&self) -> f32 {
        self.footer.bottom() - SOURCE_LINE_HALF * self.scale
    }
    /// The vertical centre of the note line above the source line.
    pub fn note_center_y(&self) -> f32 {
        self.note_line_center_y(0)
    }
    /// The vertical centre of the `k`-th note line above the source line (0 is the
    /// nearest).
    pub fn note_line_center_y(&self, k: usize) -> f32 {
        self.source_center_y() - self.footer_line() * (k + 1) as f32
    }
    /// Distance between lines of the footer.
    pub fn footer_line(&self) -> f32 {
        FOOTER_LINE * self.scale
    }
    /// Badge radius.
    pub fn badge_radius(&self) -> f32 {
        10.0 * self.scale
    }
}
