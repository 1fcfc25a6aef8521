//! The words around the map, as display items: title and subtitle, the legend, the
//! footer (what the map could not show, and the source), and the selected country's
//! card. Sizes shrink to fit the picture's width; nothing is cut off.

use egui::{Align2, Rect, Stroke, pos2, vec2};

use crate::scene::arc_style::{DASH, DASH_GAP, dashes};
use crate::scene::display::{DisplayList, Group, Primitive, ROW_HEIGHT, TextRun};
use crate::scene::export_card::{ExportCard, Measure};
use crate::scene::layout::Layout;
use crate::scene::legend::{LegendLayout, Sample};
use crate::scene::model::MapModel;
use crate::scene::style::MapStyle;
use crate::scene::text;

/// Space between the title and the subtitle, at layout scale 1.
const SUBTITLE_GAP: f32 = 3.0;
/// From the header's top to the title's, as a share of the margin.
const TITLE_TOP_SHARE: f32 = 0.8;
/// Room around words on a transparent picture's panels, at layout scale 1.
const BACKING_PAD: f32 = 4.0;
/// Corner radius of the legend's frame, at layout scale 1.
const LEGEND_CORNER_RADIUS: f32 = 4.0;
/// Width of the legend's frame.
const LEGEND_EDGE_WIDTH: f32 = 1.0;
/// Corner radius of a legend swatch.
const SWATCH_CORNER_RADIUS: f32 = 2.0;
/// Width of a legend swatch's edge.
const SWATCH_EDGE_WIDTH: f32 = 0.5;
/// Width of the legend's arc sample, at layout scale 1.
const ARC_SAMPLE_WIDTH: f32 = 1.3;
/// Length of the legend's arc sample's arrowhead, at layout scale 1.
const ARC_SAMPLE_HEAD: f32 = 6.0;
/// The radius of the dot where a card's leader starts, as a multiple of its width.
const CARD_DOT_SHARE: f32 = 2.2;
/// Width of a card's rules, as a share of its frame's width.
const CARD_RULE_SHARE: f32 = 0.6;

/// The title and the subtitle, each at its size or smaller where it would not fit; on
/// a `transparent` picture, over a panel that keeps them readable on any slide.
pub(crate) fn header_items(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    measure: Measure<'_>,
    transparent: bool,
) {
    let left = layout.header.left() + layout.margin();
    let title_top = layout.header.top() + layout.margin() * TITLE_TOP_SHARE;
    let title = model.title();
    let title_size = fitted(layout, measure, title, layout.title_size());
    let subtitle = model.captions.subtitle(text::subtitle(model));
    let subtitle_size = fitted(layout, measure, &subtitle, layout.subtitle_size());
    let subtitle_top = title_top + title_size * ROW_HEIGHT + SUBTITLE_GAP * layout.scale;
    if transparent {
        let width = measure(title, title_size).max(measure(&subtitle, subtitle_size));
        let bottom = subtitle_top + subtitle_size * ROW_HEIGHT;
        let text = Rect::from_min_max(pos2(left, title_top), pos2(left + width, bottom));
        backing(list, text, style, layout);
    }
    list.group(Group::Title, |list| {
        list.text(TextRun::new(
            title,
            pos2(left, title_top),
            Align2::LEFT_TOP,
            title_size,
            style.text,
        ));
    });
    list.group(Group::Subtitle, |list| {
        list.text(TextRun::new(
            subtitle,
            pos2(left, subtitle_top),
            Align2::LEFT_TOP,
            subtitle_size,
            style.muted_text,
        ));
    });
}

/// The footer: a line on what the map does not show (where something is missing), and
/// the source line; `crowded` badges said, and on a `transparent` picture each line
/// over a panel.
pub(crate) fn footer_items(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    measure: Measure<'_>,
    (crowded, transparent): (usize, bool),
) {
    let left = layout.footer.left() + layout.margin();
    let line = |list: &mut DisplayList, group, text: String, center_y: f32, color| {
        let size = fitted(layout, measure, &text, layout.small_size());
        if transparent {
            let half = size * ROW_HEIGHT / 2.0;
            let width = measure(&text, size);
            let rect = Rect::from_min_max(
                pos2(left, center_y - half),
                pos2(left + width, center_y + half),
            );
            backing(list, rect, style, layout);
        }
        list.group(group, |list| {
            let at = pos2(left, center_y);
            list.text(TextRun::new(text, at, Align2::LEFT_CENTER, size, color));
        });
    };
    // The user's note sits on the line above the source; what the map does not show
    // goes above it (the first note, then the next).
    let own_lines = layout.own_note_lines(model);
    let own_note = own_lines.len();
    for (k, note) in own_lines.into_iter().enumerate() {
        let center_y = layout.note_line_center_y(own_note - 1 - k);
        line(list, Group::Note, note, center_y, style.muted_text);
    }
    // Read from the top down: the first of n lines is the highest.
    let mut notes = layout.footer_note_lines(model);
    if crowded > 0 {
        notes.push(text::crowded_note(crowded));
    }
    let count = notes.len();
    for (k, note) in notes.into_iter().enumerate() {
        let center_y = layout.note_line_center_y(own_note + count - 1 - k);
        line(list, Group::NotShown, note, center_y, style.text);
    }
    let mut source = text::source_line(&model.aid, model.natural_earth, &model.outlines.file);
    if let Some(credit) = &model.aid.places_credit
        && model.show_flows
        && !model.flows.arcs.is_empty()
    {
        source.push_str(&format!(" · Places: {credit}"));
    }
    line(
        list,
        Group::Source,
        source,
        layout.source_center_y(),
        style.muted_text,
    );
}

/// A panel of the theme's legend colour behind `text`, a little larger: on a
/// transparent picture, words stay readable over whatever is behind them.
fn backing(list: &mut DisplayList, text: Rect, style: &MapStyle, layout: &Layout) {
    let pad = BACKING_PAD * layout.scale;
    list.draw(Primitive::Rect {
        rect: text.expand(pad),
        corner_radius: LEGEND_CORNER_RADIUS * layout.scale,
        fill: style.panel,
        stroke: Stroke::NONE,
    });
}

/// The legend as laid out by `legend_layout`; returns its frame.
pub(crate) fn legend_items(
    list: &mut DisplayList,
    legend: LegendLayout,
    style: &MapStyle,
    layout: &Layout,
) -> Rect {
    let frame = legend.frame;
    let size = legend.font_size;
    list.group(Group::Legend, |list| {
        list.draw(Primitive::Rect {
            rect: frame,
            corner_radius: LEGEND_CORNER_RADIUS * layout.scale,
            fill: style.panel,
            stroke: Stroke::new(LEGEND_EDGE_WIDTH, style.land),
        });
        let heading = legend.heading;
        list.text(TextRun::new(
            heading,
            legend.heading_pos,
            Align2::LEFT_TOP,
            size,
            style.text,
        ));
        for row in legend.rows {
            match row.sample {
                Sample::Fill(color) => list.draw(Primitive::Rect {
                    rect: row.swatch,
                    corner_radius: SWATCH_CORNER_RADIUS,
                    fill: color,
                    stroke: Stroke::new(SWATCH_EDGE_WIDTH, style.muted_text),
                }),
                Sample::Arc(color) => {
                    for item in arc_sample(row.swatch, color, ARC_SAMPLE_WIDTH, false, layout.scale)
                    {
                        list.draw(item);
                    }
                }
                Sample::ArcStyle {
                    color,
                    width,
                    dashed,
                } => {
                    for item in arc_sample(row.swatch, color, width, dashed, layout.scale) {
                        list.draw(item);
                    }
                }
            }
            list.text(TextRun::new(
                row.label,
                row.label_pos,
                Align2::LEFT_CENTER,
                size,
                style.text,
            ));
        }
    });
    frame
}

/// A short line with the arcs' arrowhead across `swatch`, in the arcs' colour,
/// `width` wide at layout scale 1 and dashed if asked.
fn arc_sample(
    swatch: Rect,
    color: egui::Color32,
    width: f32,
    dashed: bool,
    scale: f32,
) -> [Primitive; 2] {
    let s = scale.max(0.5);
    let (start, tip) = (swatch.left_center(), swatch.right_center());
    let head = ARC_SAMPLE_HEAD * s;
    let mut pieces = vec![vec![start, tip - vec2(head / 2.0, 0.0)]];
    if dashed {
        pieces = dashes(&pieces, DASH * s * 0.75, DASH_GAP * s * 0.75);
    }
    let line = Primitive::Lines {
        pieces,
        stroke: Stroke::new(width * s, color),
    };
    let head = Primitive::Area {
        rings: vec![vec![
            tip,
            tip + vec2(-head, -head / 2.0),
            tip + vec2(-head, head / 2.0),
        ]],
        fill: color,
        stroke: Stroke::NONE,
    };
    [line, head]
}

/// The selected country's card: leader line, frame, rules and rows of text.
pub(crate) fn card_items(list: &mut DisplayList, card: &ExportCard, code: String) {
    let group = Group::Card {
        code,
        omitted: card.omitted,
    };
    let edge = Stroke::new(card.line_width, card.edge);
    list.group(group, |list| {
        list.draw(Primitive::Line {
            points: card.leader,
            stroke: edge,
        });
        if let Some(dot) = card.dot {
            list.draw(Primitive::Circle {
                center: dot,
                radius: card.line_width * CARD_DOT_SHARE,
                fill: card.edge,
                stroke: Stroke::NONE,
            });
        }
        list.draw(Primitive::Rect {
            rect: card.frame,
            corner_radius: card.corner_radius,
            fill: card.fill,
            stroke: edge,
        });
        for rule in &card.rules {
            list.draw(Primitive::Line {
                points: *rule,
                stroke: Stroke::new(card.line_width * CARD_RULE_SHARE, card.edge),
            });
        }
        for run in &card.runs {
            let text = TextRun::new(
                run.text.as_str(),
                run.pos,
                Align2::LEFT_TOP,
                run.size,
                run.color,
            );
            list.text(text.italic(run.italic));
        }
    });
}

/// `size`, or smaller where `text` would not fit the picture's width.
fn fitted(layout: &Layout, measure: Measure<'_>, text: &str, size: f32) -> f32 {
    layout.fitted_size(size, measure(text, size))
}
