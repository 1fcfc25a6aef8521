//! The card of a selected country as it appears in an exported picture: no controls,
//! every line shown (or "… and N more …" where the picture is too small to hold
//! them), placed where it covers no recipient and no legend, with a leader line to
//! its country. Every position, size and colour is decided here, once; the PNG
//! painter and the SVG writer only draw the result.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use crate::scene::card::{BlockKind, CardContent, LineRole, card_content};
use crate::scene::card_placement::{Placement, anchor_of, leader, obstacles, place};
use crate::scene::drawn::SceneGeometry;
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::wrap::wrap;

/// Width of the card at layout scale 1, in points.
const CARD_WIDTH: f32 = 340.0;
/// The largest share of the map's width a card may take.
const CARD_MAX_SHARE: f32 = 0.5;
/// Inner padding at layout scale 1.
const PADDING: f32 = 10.0;
/// Space between blocks at layout scale 1.
const BLOCK_GAP: f32 = 6.0;
/// Line height as a multiple of the text size.
const LINE_HEIGHT: f32 = 1.3;
/// Title size as a multiple of the small text size.
const TITLE_FACTOR: f32 = 1.35;
/// Distance between the card and its country's anchor, at layout scale 1.
const ANCHOR_GAP: f32 = 18.0;
/// Corner radius at layout scale 1.
const CORNER_RADIUS: f32 = 5.0;
/// Leader line and frame width at layout scale 1.
const LINE_WIDTH: f32 = 1.0;

/// One row of text, already wrapped.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The words of this row.
    pub text: String,
    /// Top-left of the row.
    pub pos: Pos2,
    /// Text size in points.
    pub size: f32,
    /// Its colour.
    pub color: Color32,
    /// Quotes are set in italics.
    pub italic: bool,
}

/// The card, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportCard {
    /// The card's frame.
    pub frame: Rect,
    /// Fill of the frame (opaque, so text stays readable over the map).
    pub fill: Color32,
    /// Colour of the frame's edge, the rules and the leader line.
    pub edge: Color32,
    /// Width of the edge, rules and leader line.
    pub line_width: f32,
    /// Corner radius of the frame.
    pub corner_radius: f32,
    /// From the country's badge (its edge) or label point to the nearest point of the
    /// frame.
    pub leader: [Pos2; 2],
    /// A dot where the leader starts, when it starts at a label point, not a badge.
    pub dot: Option<Pos2>,
    /// Horizontal rules (below the summary, above the quotes).
    pub rules: Vec<[Pos2; 2]>,
    /// The text, row by row.
    pub runs: Vec<TextRun>,
    /// How many teams and quotes did not fit (said on the card's last row).
    pub omitted: usize,
}

/// Measures the width of a text at a size, in points.
pub type Measure<'a> = &'a dyn Fn(&str, f32) -> f32;

/// The card of `country` laid out for a picture drawn with `geometry`.
pub fn card_for(
    model: &MapModel,
    country: usize,
    geometry: &SceneGeometry,
    style: &MapStyle,
    measure: Measure<'_>,
) -> ExportCard {
    let obstacles = obstacles(
        model,
        &geometry.transform,
        &geometry.badges,
        geometry.legend,
        geometry.layout.map,
    );
    let (anchor, anchor_radius) = anchor_of(model, country, geometry);
    let placement = Placement {
        anchor,
        anchor_radius,
        obstacles: &obstacles,
    };
    export_card(
        &card_content(model, country),
        &geometry.layout,
        style,
        &placement,
        measure,
    )
}

/// Lay out `content` for a picture with `layout`, placed by `placement`.
pub fn export_card(
    content: &CardContent,
    layout: &Layout,
    style: &MapStyle,
    placement: &Placement<'_>,
    measure: Measure<'_>,
) -> ExportCard {
    let s = layout.scale;
    let area = layout.map.shrink(layout.margin());
    let width = (CARD_WIDTH * s).min(area.width() * CARD_MAX_SHARE).max(1.0);
    let padding = PADDING * s;
    let text_width = (width - 2.0 * padding).max(1.0);
    // The whole card where it covers nothing; else as much of it as fits somewhere it
    // covers nothing (its last line says what was left out); else the whole card where
    // it covers least.
    let lay_out = |max_blocks: usize| {
        let rows = card_rows(
            content,
            style,
            layout,
            text_width,
            measure,
            (area.height(), max_blocks),
        );
        let size = vec2(width, rows.height + 2.0 * padding);
        let (frame, hits) = place(size, area, placement, ANCHOR_GAP * s, layout.margin());
        (rows, frame, hits)
    };
    let full = lay_out(content.blocks.len());
    let (rows, frame, _) = if full.2 == 0 {
        full
    } else {
        (1..content.blocks.len())
            .rev()
            .map(lay_out)
            .find(|(_, _, hits)| *hits == 0)
            .unwrap_or(full)
    };
    let origin = frame.min + vec2(padding, padding);
    let runs = rows
        .runs
        .into_iter()
        .map(|run| TextRun {
            pos: run.pos + origin.to_vec2(),
            ..run
        })
        .collect();
    let rules = rows
        .rules
        .into_iter()
        .map(|y| {
            [
                pos2(frame.left() + padding, origin.y + y),
                pos2(frame.right() - padding, origin.y + y),
            ]
        })
        .collect();
    ExportCard {
        frame,
        fill: opaque(style.background),
        edge: style.muted_text,
        line_width: LINE_WIDTH * s,
        corner_radius: CORNER_RADIUS * s,
        leader: leader(placement, frame),
        dot: (placement.anchor_radius <= 0.0).then_some(placement.anchor),
        rules,
        runs,
        omitted: rows.omitted,
    }
}

fn opaque(color: Color32) -> Color32 {
    let [r, g, b, _] = color.to_srgba_unmultiplied();
    Color32::from_rgb(r, g, b)
}

/// The card's rows of text, stacked from the top, wrapped to `width`.
struct Rows<'a> {
    runs: Vec<TextRun>,
    rules: Vec<f32>,
    height: f32,
    omitted: usize,
    width: f32,
    measure: Measure<'a>,
}

impl<'a> Rows<'a> {
    /// No rows yet, the next at `height`.
    fn starting_at(height: f32, width: f32, measure: Measure<'a>) -> Self {
        Rows {
            runs: Vec::new(),
            rules: Vec::new(),
            height,
            omitted: 0,
            width,
            measure,
        }
    }

    /// `text` wrapped into rows at `size`.
    fn push(&mut self, text: &str, size: f32, color: Color32, italic: bool) {
        let measure = self.measure;
        for row in wrap(text, self.width, |t| measure(t, size)) {
            self.runs.push(TextRun {
                text: row,
                pos: pos2(0.0, self.height),
                size,
                color,
                italic,
            });
            self.height += size * LINE_HEIGHT;
        }
    }

    /// A rule across the card, half a gap down, and the other half below it.
    fn rule(&mut self, gap: f32) {
        self.height += gap / 2.0;
        self.rules.push(self.height);
        self.height += gap / 2.0;
    }

    /// `other`'s rows after these.
    fn append(&mut self, mut other: Rows<'_>) {
        self.runs.append(&mut other.runs);
        self.rules.append(&mut other.rules);
        self.height = other.height;
    }
}

/// Wrap and stack the card's lines; blocks that would make it taller than
/// `max_height` are left out and counted on a last row.
fn card_rows<'a>(
    content: &CardContent,
    style: &MapStyle,
    layout: &Layout,
    width: f32,
    measure: Measure<'a>,
    (max_height, max_blocks): (f32, usize),
) -> Rows<'a> {
    let small = layout.small_size();
    let gap = BLOCK_GAP * layout.scale;
    let mut rows = Rows::starting_at(0.0, width, measure);
    let inner_max = max_height - 2.0 * PADDING * layout.scale;
    rows.push(&content.title, small * TITLE_FACTOR, style.text, false);
    rows.push(&content.summary, small, style.text, false);
    if content.blocks.is_empty() {
        return rows;
    }
    rows.rule(gap);
    let line_height = small * LINE_HEIGHT;
    for (index, block) in content.blocks.iter().enumerate() {
        let mut block_rows = Rows::starting_at(rows.height, width, measure);
        if block.kind == BlockKind::QuotesHeading {
            block_rows.rule(gap);
        }
        for line in &block.lines {
            let (color, italic) = look(line.role, style);
            block_rows.push(&line.text, small, color, italic);
        }
        block_rows.height += gap;
        let remaining = content.blocks.len() - index - 1;
        let reserve = if remaining > 0 { line_height } else { 0.0 };
        let too_tall = block_rows.height + reserve > inner_max;
        if too_tall || index >= max_blocks {
            // Counted as the note counts: teams and quotes, not the quotes' heading.
            rows.omitted = content.blocks[index..]
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Team | BlockKind::Quote))
                .count();
            let cut = (index == 0).then(|| {
                // Even the first block is taller than the card may be: show as much
                // of it as fits, and say that the rest is cut.
                let fits =
                    |run: &TextRun| run.pos.y + run.size * LINE_HEIGHT + line_height <= inner_max;
                let keep = block_rows.runs.iter().take_while(|run| fits(run)).count();
                block_rows.runs.truncate(keep);
                block_rows.height = block_rows
                    .runs
                    .last()
                    .map_or(rows.height, |run| run.pos.y + run.size * LINE_HEIGHT);
                rows.append(block_rows);
                content.blocks[0].kind
            });
            let note = omitted_note(&content.blocks[index + usize::from(cut.is_some())..], cut);
            rows.push(&note, small, style.muted_text, false);
            break;
        }
        rows.append(block_rows);
    }
    rows.height -= gap;
    rows
}

/// "… and 2 more quotes, 1 more team not shown at this size"; where the first block
/// was `cut`, "… the rest of this team, 2 more quotes not shown at this size".
fn omitted_note(blocks: &[crate::scene::card::CardBlock], cut: Option<BlockKind>) -> String {
    let count = |kind| blocks.iter().filter(|b| b.kind == kind).count();
    let mut parts = Vec::new();
    match cut {
        Some(BlockKind::Team) => parts.push("the rest of this team".to_string()),
        Some(_) => parts.push("the rest of the quotes".to_string()),
        None => {}
    }
    for (n, one, many) in [
        (count(BlockKind::Team), "team", "teams"),
        (count(BlockKind::Quote), "quote", "quotes"),
    ] {
        if n > 0 {
            parts.push(format!("{n} more {}", if n == 1 { one } else { many }));
        }
    }
    let lead = if cut.is_some() { "…" } else { "… and" };
    format!("{lead} {} not shown at this size", parts.join(", "))
}

/// The colour and slant of a line.
fn look(role: LineRole, style: &MapStyle) -> (Color32, bool) {
    match role {
        LineRole::Summary | LineRole::TeamHeading | LineRole::SectionHeading => (style.text, false),
        LineRole::Body => (style.text, false),
        LineRole::Source | LineRole::Attribution => (style.muted_text, false),
        LineRole::Quote => (style.text, true),
    }
}
