//! The legend: one swatch per class of what the fills stand for (teams or members),
//! one for "no team reported" and, with members, one for "members not all reported";
//! laid out here and turned into display items by `compose_text`.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use crate::scene::arc_style::{ARC_WIDTH, arc_width};
use crate::scene::arcs::{Flow, FlowWidth};
use crate::scene::fill_value::FillValue;
use crate::scene::layout::Layout;
use crate::scene::model::MapModel;
use crate::scene::style::{DONOR_HUES, MapStyle};

/// Where the legend's parts go; shared by the screen and the SVG writer.
pub(crate) struct LegendLayout {
    /// The legend's frame.
    pub frame: Rect,
    /// Top-left of the heading.
    pub heading_pos: Pos2,
    /// The heading text.
    pub heading: &'static str,
    /// Each row: its swatch, label position (left-centre) and label.
    pub rows: Vec<LegendRow>,
    /// Text size.
    pub font_size: f32,
}

/// One row of the legend.
pub(crate) struct LegendRow {
    /// Where the swatch goes.
    pub swatch: Rect,
    /// What it shows.
    pub sample: Sample,
    /// The label's left-centre.
    pub label_pos: Pos2,
    /// The label.
    pub label: String,
}

/// What a legend row's swatch shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sample {
    /// A fill of this colour.
    Fill(Color32),
    /// An arc of this colour, with its arrowhead.
    Arc(Color32),
    /// An arc this wide (points at layout scale 1), dashed or not, in this colour:
    /// what an arc's width means when it stands for members.
    ArcStyle {
        /// Its colour.
        color: Color32,
        /// Its width at layout scale 1.
        width: f32,
        /// Dashed: members not reported.
        dashed: bool,
    },
}

/// Lay out the legend; `measure` gives the size of a text at a font size.
pub(crate) fn legend_layout(
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    measure: impl Fn(&str, f32) -> egui::Vec2,
) -> LegendLayout {
    let font_size = layout.small_size();
    let s = layout.scale;
    let swatch = vec2(22.0 * s, 12.0 * s);
    let row = 18.0 * s;
    let padding = 8.0 * s;
    let heading = match model.value {
        FillValue::Teams => "Teams",
        FillValue::Members => "Members (badges: teams)",
    };
    let mut entries: Vec<(Sample, String)> = model
        .classes
        .labels()
        .into_iter()
        .enumerate()
        .map(|(class, label)| {
            let color = model.class_color(class, style);
            (Sample::Fill(color), label)
        })
        .collect();
    if model.value == FillValue::Members
        && model.recipients().any(|c| model.value_of(c) == Some(None))
    {
        let label = "members not all reported".to_string();
        entries.push((Sample::Fill(style.unreported), label));
    }
    entries.push((Sample::Fill(style.land), "no team reported".to_string()));
    if model.show_flows && !model.flows.arcs.is_empty() {
        entries.extend(flow_entries(model, style));
        entries.extend(width_entries(model, style));
    }
    let label_width = entries
        .iter()
        .map(|(_, label)| measure(label, font_size).x)
        .fold(0.0f32, f32::max);
    let heading_size = measure(heading, font_size);
    let width = (swatch.x + 6.0 * s + label_width).max(heading_size.x) + 2.0 * padding;
    let height = padding * 2.0 + heading_size.y + 4.0 * s + row * entries.len() as f32;
    let min = pos2(
        layout.map.left() + layout.margin(),
        layout.map.bottom() - layout.margin() - height,
    );
    let mut y = min.y + padding + heading_size.y + 4.0 * s;
    let rows = entries
        .into_iter()
        .map(|(sample, label)| {
            let swatch_rect =
                Rect::from_min_size(pos2(min.x + padding, y + (row - swatch.y) / 2.0), swatch);
            let label_pos = pos2(swatch_rect.right() + 6.0 * s, y + row / 2.0);
            y += row;
            LegendRow {
                swatch: swatch_rect,
                sample,
                label_pos,
                label,
            }
        })
        .collect();
    LegendLayout {
        frame: Rect::from_min_size(min, vec2(width, height)),
        heading_pos: min + vec2(padding, padding),
        heading,
        rows,
        font_size,
    }
}

/// The legend's arc rows: one, "from sender to arrival place", where the data has one
/// donor; with several, one per donor whose arcs are drawn ("from Cuba"), in its hue,
/// and one for the donors that share the grey ("from 3 other donors").
fn flow_entries(model: &MapModel, style: &MapStyle) -> Vec<(Sample, String)> {
    let several = model.donors.told_apart();
    if !several {
        let color = style.donor_flow(None, false);
        return vec![(
            Sample::Arc(color),
            "from sender to arrival place".to_string(),
        )];
    }
    // One donor chosen: its line, by name, whatever its hue.
    if let Some(d) = model.donor {
        let color = style.donor_flow(Some(d), true);
        return vec![(
            Sample::Arc(color),
            format!("from {}", model.donors.names[d]),
        )];
    }
    let mut drawn: Vec<Option<usize>> = model.flows.arcs.iter().map(|a| a.donor).collect();
    drawn.sort_unstable();
    drawn.dedup();
    let mut rows = Vec::new();
    let mut others = 0;
    let unknown = Sample::Arc(style.donor_flow(None, true));
    let others_grey = Sample::Arc(style.donor_flow(Some(DONOR_HUES), true));
    for donor in drawn {
        match donor {
            Some(d) if d < DONOR_HUES => rows.push((
                Sample::Arc(style.donor_flow(donor, true)),
                format!("from {}", model.donors.names[d]),
            )),
            Some(_) => others += 1,
            None => rows.push((unknown, "donor not known".to_string())),
        }
    }
    if others > 0 {
        let label = match others {
            1 => "from 1 other donor".to_string(),
            n => format!("from {n} other donors"),
        };
        rows.push((others_grey, label));
    }
    rows
}

/// Where arcs' widths stand for members: the widest arc with the most members any
/// entry reports, and, where some arc drawn is dashed, what the dashes mean.
fn width_entries(model: &MapModel, style: &MapStyle) -> Vec<(Sample, String)> {
    if model.flow_width != FlowWidth::Members {
        return Vec::new();
    }
    let color = style.muted_text;
    let mut rows = Vec::new();
    if model.max_members > 0 {
        let widest = Flow {
            members: Some(model.max_members),
            ..Flow::default()
        };
        let (width, _) = arc_width(&widest, FlowWidth::Members, model.max_members);
        rows.push((
            Sample::ArcStyle {
                color,
                width,
                dashed: false,
            },
            // A key to the scale, which is the whole data set's (the same on every
            // day and for every donor): not a claim that this picture has such a team.
            format!("width: members ({} at this width)", model.max_members),
        ));
    }
    let dashed = model
        .flows
        .arcs
        .iter()
        .any(|flow| arc_width(flow, FlowWidth::Members, model.max_members).1);
    if dashed {
        rows.push((
            Sample::ArcStyle {
                color,
                width: ARC_WIDTH,
                dashed: true,
            },
            "dashed: members not reported".to_string(),
        ));
    }
    rows
}
