//! The picture as data: an ordered list of primitives in logical points (filled
//! meshes, areas, lines, circles, rectangles, text runs), in groups that say what they
//! are. `compose` decides every position, size and colour once; the back-ends (the egui
//! painter for the window and the PNG, the SVG writer, the PDF from the SVG) only walk
//! the list and draw. A new layer of the map is written once, here, and every output has
//! it.

use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Align, Align2, Color32, Pos2, Rect, Stroke};

/// From the top of a text row to its baseline, as a share of the text size, in the
/// picture's font (egui's Ubuntu Light). A test checks it against egui's own layout.
pub const ASCENT: f32 = 0.93;
/// The height of a text row, as a share of the text size (see [`ASCENT`]).
pub const ROW_HEIGHT: f32 = 1.15;

/// The picture for one model, view, size, theme and set of options.
#[derive(Debug, Clone)]
pub struct DisplayList {
    /// Where the picture is, in points (from the origin for exports; the map panel's
    /// place in the window).
    pub bounds: Rect,
    /// What to draw, back to front.
    pub items: Vec<Item>,
}

/// One entry of the list.
#[derive(Debug, Clone)]
pub enum Item {
    /// The items up to the matching [`Item::End`] belong to this group.
    Begin(Group),
    /// Closes the innermost open group.
    End,
    /// Something to draw.
    Draw(Primitive),
}

/// What a run of items is; the SVG gives it a `class` (and an `id` where there is one
/// of it), and a group with a clip rectangle clips what is inside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    /// The map area, clipped to its rectangle.
    Map {
        /// The map area.
        clip: Rect,
    },
    /// The sea and the world's outline.
    Ocean,
    /// All the countries (their fills and borders).
    Countries,
    /// One country.
    Country {
        /// Its index in the outlines.
        index: usize,
        /// Its name.
        name: String,
        /// Its ISO alpha-3 code, where it has one.
        code: String,
        /// Teams it received.
        teams: u32,
    },
    /// The outline of a country a team arrived in on the day shown.
    Arrived {
        /// Its ISO alpha-3 code, where it has one.
        code: String,
    },
    /// The outline of the country under the pointer.
    Hovered,
    /// The outline of the selected country.
    Selected {
        /// Its ISO alpha-3 code, where it has one.
        code: String,
    },
    /// The arcs from each team's sender to where it arrived.
    Flows,
    /// One team's arc.
    Flow {
        /// Its donor country's name, where the data names one ("China").
        donor: Option<String>,
        /// Where it came from ("Hangzhou").
        from: String,
        /// Where it arrived ("Milan"), or its country where the place is not reported.
        to: String,
        /// The recipient's ISO alpha-3 code, where it has one.
        code: String,
        /// Teams it stands for.
        teams: u32,
        /// The people in them, where reported.
        members: Option<u32>,
    },
    /// The casing under a line (an arc's), so it shows on any fill.
    Casing,
    /// The leader lines from badges set beside their countries.
    Leaders,
    /// All the badges.
    Badges,
    /// The countries' names.
    Labels,
    /// One recipient's team count.
    Badge {
        /// The recipient's ISO alpha-3 code, where it has one.
        code: String,
        /// Its teams.
        teams: u32,
    },
    /// The title line.
    Title,
    /// The line under the title.
    Subtitle,
    /// The legend.
    Legend,
    /// The footer line about what the map could not show.
    NotShown,
    /// The user's note, above the source line.
    Note,
    /// The source line.
    Source,
    /// The selected country's card.
    Card {
        /// Its country's ISO alpha-3 code, where it has one.
        code: String,
        /// How many teams and quotes did not fit.
        omitted: usize,
    },
}

impl Group {
    /// The SVG class of the group.
    pub fn class(&self) -> &'static str {
        match self {
            Group::Map { .. } => "map",
            Group::Ocean => "ocean",
            Group::Countries => "countries",
            Group::Country { .. } => "country",
            Group::Arrived { .. } => "arrived",
            Group::Hovered => "hovered",
            Group::Selected { .. } => "selected",
            Group::Flows => "flows",
            Group::Flow { .. } => "flow-arc",
            Group::Casing => "casing",
            Group::Leaders => "leaders",
            Group::Badges => "badges",
            Group::Labels => "labels",
            Group::Badge { .. } => "badge",
            Group::Title => "title",
            Group::Subtitle => "subtitle",
            Group::Legend => "legend",
            Group::NotShown => "not-shown",
            Group::Note => "note",
            Group::Source => "source",
            Group::Card { .. } => "card",
        }
    }

    /// The clip rectangle of what is inside the group, if any.
    pub fn clip(&self) -> Option<Rect> {
        match self {
            Group::Map { clip } => Some(*clip),
            _ => None,
        }
    }
}

/// A thing to draw, in points.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// Triangles already tessellated (the countries' fills and borders for a raster
    /// picture, built once per zoom and cached).
    Mesh(Arc<SceneMesh>),
    /// Closed rings filled by the even-odd rule (holes are rings inside rings), and
    /// stroked. Raster back-ends fill only single convex rings; the scene sends filled
    /// countries to them as a [`Primitive::Mesh`].
    Area {
        /// The rings, each closed implicitly.
        rings: Vec<Vec<Pos2>>,
        /// The fill (transparent for none).
        fill: Color32,
        /// The outline (zero width for none).
        stroke: Stroke,
    },
    /// Open polylines, one stroke for all (an arc cut at the antimeridian is two).
    Lines {
        /// The pieces, each of at least two points.
        pieces: Vec<Vec<Pos2>>,
        /// Width and colour.
        stroke: Stroke,
    },
    /// A straight line.
    Line {
        /// Its ends.
        points: [Pos2; 2],
        /// Width and colour.
        stroke: Stroke,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: Pos2,
        /// Radius.
        radius: f32,
        /// Fill.
        fill: Color32,
        /// Outline (zero width for none).
        stroke: Stroke,
    },
    /// A rectangle, its outline inside its edge.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        corner_radius: f32,
        /// Fill.
        fill: Color32,
        /// Outline (zero width for none).
        stroke: Stroke,
    },
    /// A single line of text.
    Text(TextRun),
}

/// A mesh with the bounds of each run of [`SceneMesh::RUN`] triangles: a rasterizer
/// drawing part of the picture (a band, the area that changed in an animation frame)
/// skips the runs it misses instead of testing a million triangles one by one. The
/// runs are computed when the mesh is built, not on every frame.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneMesh {
    /// The triangles, shared with egui's shape for the window (egui copies them when
    /// it tessellates; a second copy here would double the cost of a frame).
    pub mesh: Arc<Mesh>,
    /// The bounds of triangles `RUN * k .. RUN * (k + 1)`, in points.
    pub runs: Vec<Rect>,
}

impl SceneMesh {
    /// Triangles per run: those of one country or glyph mostly, so small on screen.
    pub const RUN: usize = 64;

    /// `mesh` and the bounds of its runs.
    pub fn new(mesh: Mesh) -> Self {
        let runs = run_bounds(&mesh);
        SceneMesh {
            mesh: Arc::new(mesh),
            runs,
        }
    }

    /// Move the mesh (and its runs) by `offset`.
    pub fn translate(&mut self, offset: egui::Vec2) {
        Arc::make_mut(&mut self.mesh).translate(offset);
        for run in &mut self.runs {
            *run = run.translate(offset);
        }
    }
}

/// The bounds of each run of [`SceneMesh::RUN`] triangles of `mesh`.
pub fn run_bounds(mesh: &Mesh) -> Vec<Rect> {
    mesh.indices
        .chunks(3 * SceneMesh::RUN)
        .map(|run| {
            let mut bounds = Rect::NOTHING;
            for &i in run {
                if let Some(vertex) = mesh.vertices.get(i as usize) {
                    bounds.extend_with(vertex.pos);
                }
            }
            bounds
        })
        .collect()
}

/// One line of text, never wrapped by a back-end.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The words.
    pub text: String,
    /// The point the text is anchored at.
    pub pos: Pos2,
    /// Which point of the text's box is at `pos`.
    pub anchor: Align2,
    /// Text size in points.
    pub size: f32,
    /// Colour.
    pub color: Color32,
    /// Set in italics (quotes).
    pub italic: bool,
    /// A rim of this colour around the letters, so the text reads over anything (a
    /// name over fills and arcs); `None` for none.
    pub halo: Option<Color32>,
}

impl TextRun {
    /// Upright text, made [`displayable`].
    pub fn new(
        text: impl Into<String>,
        pos: Pos2,
        anchor: Align2,
        size: f32,
        color: Color32,
    ) -> Self {
        TextRun {
            text: displayable(&text.into()),
            pos,
            anchor,
            size,
            color,
            italic: false,
            halo: None,
        }
    }

    /// The same run with a halo of `color` around its letters.
    pub fn with_halo(self, color: Color32) -> Self {
        TextRun {
            halo: Some(color),
            ..self
        }
    }

    /// The same run in italics (or not).
    pub fn italic(self, italic: bool) -> Self {
        TextRun { italic, ..self }
    }

    /// Where the baseline starts (for `Align::Min`), is centred (`Center`) or ends
    /// (`Max`), for back-ends that place text by its baseline (SVG, PDF).
    pub fn baseline(&self) -> Pos2 {
        let row = ROW_HEIGHT * self.size;
        let top = match self.anchor.y() {
            Align::Min => self.pos.y,
            Align::Center => self.pos.y - row / 2.0,
            Align::Max => self.pos.y - row,
        };
        Pos2::new(self.pos.x, top + ASCENT * self.size)
    }
}

/// `text` as one line that every back-end shows alike: tabs and line breaks become
/// spaces (the PNG would break the line, the SVG would not); other control characters,
/// U+FFFE and U+FFFF go (the PNG drew boxes, XML forbids them); and the bidirectional
/// embeddings, overrides and isolates go (SVG and PDF viewers reorder the text after
/// them, egui does not, so a data file could make the outputs disagree).
pub fn displayable(text: &str) -> String {
    // A Windows line end is one break, so one space.
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl DisplayList {
    /// An empty picture covering `bounds`.
    pub fn new(bounds: Rect) -> Self {
        DisplayList {
            bounds,
            items: Vec::new(),
        }
    }

    /// Add a primitive.
    pub fn draw(&mut self, primitive: Primitive) {
        self.items.push(Item::Draw(primitive));
    }

    /// Add a line of text.
    pub fn text(&mut self, run: TextRun) {
        self.draw(Primitive::Text(run));
    }

    /// Add `group`, filled by `fill`.
    pub fn group(&mut self, group: Group, fill: impl FnOnce(&mut DisplayList)) {
        self.items.push(Item::Begin(group));
        fill(self);
        self.items.push(Item::End);
    }

    /// The text runs of the list in order, with the innermost group each is in (for
    /// tests and for finding what a picture says).
    pub fn texts(&self) -> Vec<(Option<&Group>, &TextRun)> {
        let mut open: Vec<&Group> = Vec::new();
        let mut texts = Vec::new();
        for item in &self.items {
            match item {
                Item::Begin(group) => open.push(group),
                Item::End => {
                    open.pop();
                }
                Item::Draw(Primitive::Text(run)) => texts.push((open.last().copied(), run)),
                Item::Draw(_) => {}
            }
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baseline_constants_match_egui_s_own_text_layout() {
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::scene::fonts::fonts());
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let size = 100.0;
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "Hxg".to_string(),
                egui::FontId::proportional(size),
                Color32::BLACK,
            )
        });
        let row = &galley.rows[0];
        let baseline = row.glyphs[0].pos.y;
        assert!(
            (baseline / size - ASCENT).abs() < 0.001,
            "ascent {}",
            baseline / size
        );
        assert!(
            (galley.size().y / size - ROW_HEIGHT).abs() < 0.001,
            "row height {}",
            galley.size().y / size
        );
    }

    #[test]
    fn every_output_gets_the_same_one_line_text() {
        let run = TextRun::new(
            "a\tb\r\nc\u{202E}dé\u{0}\u{FFFF}",
            Pos2::ZERO,
            Align2::LEFT_TOP,
            10.0,
            Color32::BLACK,
        );
        assert_eq!(run.text, "a b cdé");
    }

    #[test]
    fn the_baseline_follows_the_anchor() {
        let run = |anchor| TextRun::new("x", Pos2::new(10.0, 100.0), anchor, 10.0, Color32::BLACK);
        let top = run(Align2::LEFT_TOP).baseline().y;
        let centre = run(Align2::LEFT_CENTER).baseline().y;
        let bottom = run(Align2::LEFT_BOTTOM).baseline().y;
        assert!((top - centre - ROW_HEIGHT * 5.0).abs() < 1e-4);
        assert!((centre - bottom - ROW_HEIGHT * 5.0).abs() < 1e-4);
    }
}
