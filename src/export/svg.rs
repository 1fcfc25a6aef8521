//! The map as SVG: the same layout, colours, badges, legend and words as the window,
//! with each country one `<path>` (holes by the even-odd rule) and every word real
//! `<text>`, so the picture can be edited in Inkscape or Illustrator. Text is
//! measured in egui's fonts, as for the PNG; a viewer without them may differ a little.
//! With `popup`, the selected country's card is drawn as in the PNG.

use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use crate::scene::badges::Badge;
use crate::scene::export_card::{ExportCard, card_for};
use crate::scene::layout::Layout;
use crate::scene::legend::legend_layout;
use crate::scene::paint::{
    BORDER_TOLERANCE, SELECTED_WIDTH, SceneGeometry, badges_for, screen_ring, world_outline,
};
use crate::scene::view::ScreenTransform;
use crate::scene::{MapModel, MapStyle, MapView, text};

/// The font families named in the SVG: egui's own first, then common fallbacks.
const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Helvetica Neue', Arial, sans-serif";
/// From the top of a text row to its baseline, as a share of the text size.
const BASELINE: f32 = 0.95;

/// The SVG document for `model` at `size` (points = SVG user units).
pub fn render(model: &MapModel, view: &MapView, size: Vec2, options: &SvgOptions) -> String {
    let SvgOptions {
        dark,
        selected,
        popup,
    } = *options;
    let style = MapStyle::for_dark_mode(dark);
    let fonts = FontMeasure::new();
    let measure = |text: &str, size: f32| fonts.width(text, size);
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let layout = Layout::of(rect, model);
    let transform = view.transform(model.projected.world_bounds, layout.map);
    let mut svg = String::with_capacity(1 << 20);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = num(size.x),
        h = num(size.y)
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(&model.aid.title));
    let _ = writeln!(
        svg,
        r#"<defs><clipPath id="map-area"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath></defs>"#,
        num(layout.map.min.x),
        num(layout.map.min.y),
        num(layout.map.width()),
        num(layout.map.height())
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        hex(style.background)
    );
    let _ = writeln!(svg, r#"<g clip-path="url(#map-area)">"#);
    let outline = world_outline(model, &transform);
    let _ = writeln!(
        svg,
        r#"<path class="ocean" d="{}" fill="{}" stroke="{}" stroke-width="1"/>"#,
        path_data(std::slice::from_ref(&outline)),
        hex(style.ocean),
        hex(style.land)
    );
    let _ = writeln!(
        svg,
        r#"<g class="countries" stroke="{}" stroke-width="{}" stroke-linejoin="round" fill-rule="evenodd">"#,
        hex(style.border),
        num(style.border_width)
    );
    for (index, country) in model.outlines.countries.iter().enumerate() {
        let rings = screen_rings(model, index, &transform);
        let teams = model.teams_of(index);
        let fill = model.fill_of(index, &style);
        let code = country.iso_a3.as_deref().unwrap_or("");
        let _ = writeln!(
            svg,
            r#"<path class="country" data-name="{}" data-code="{}" data-teams="{teams}" fill="{}" d="{}"/>"#,
            escape(&country.name),
            escape(code),
            hex(fill),
            path_data(&rings)
        );
    }
    let _ = writeln!(svg, "</g>");
    if let Some(selected) = selected {
        let rings = screen_rings(model, selected, &transform);
        let code = model.outlines.countries[selected]
            .iso_a3
            .as_deref()
            .unwrap_or("");
        let _ = writeln!(
            svg,
            r#"<path class="selected" data-code="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" d="{}"/>"#,
            escape(code),
            hex(style.selected),
            num(SELECTED_WIDTH * layout.scale.max(1.0)),
            path_data(&rings)
        );
    }
    let badges = badges_for(model, &transform, &layout);
    write_badges(&mut svg, &badges, &style, &layout);
    let _ = writeln!(svg, "</g>");
    let legend = write_texts(&mut svg, model, &style, &layout, &measure);
    if popup && let Some(country) = selected {
        let geometry = SceneGeometry {
            layout,
            transform,
            badges,
            legend,
        };
        let card = card_for(model, country, &geometry, &style, &measure);
        write_card(&mut svg, &card, model, country);
    }
    let _ = writeln!(svg, "</svg>");
    svg
}

/// What to draw besides the map.
#[derive(Debug, Clone, Copy, Default)]
pub struct SvgOptions {
    /// Dark theme.
    pub dark: bool,
    /// The selected country (outlined).
    pub selected: Option<usize>,
    /// Draw the selected country's card.
    pub popup: bool,
}

/// Text widths in egui's fonts, the ones the PNG and the window use, so an SVG wraps
/// and places its text as they do (viewers without the Ubuntu face will differ a
/// little).
struct FontMeasure {
    ctx: egui::Context,
}

impl FontMeasure {
    fn new() -> Self {
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::scene::fonts::fonts());
        // Fonts exist from the first pass on.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        FontMeasure { ctx }
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        self.ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_string(),
                egui::FontId::proportional(size),
                Color32::BLACK,
            )
            .size()
            .x
        })
    }
}

/// The card: a group with its leader line, frame, rules and text rows.
fn write_card(svg: &mut String, card: &ExportCard, model: &MapModel, country: usize) {
    let code = model.outlines.countries[country]
        .iso_a3
        .as_deref()
        .unwrap_or("");
    let _ = writeln!(
        svg,
        r#"<g class="card" data-code="{}" data-omitted="{}">"#,
        escape(code),
        card.omitted
    );
    let edge = hex(card.edge);
    let [from, to] = card.leader;
    let _ = writeln!(
        svg,
        r#"<line class="leader" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{edge}" stroke-width="{}"/>"#,
        num(from.x),
        num(from.y),
        num(to.x),
        num(to.y),
        num(card.line_width)
    );
    if let Some(dot) = card.dot {
        let _ = writeln!(
            svg,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{edge}"/>"#,
            num(dot.x),
            num(dot.y),
            num(card.line_width * 2.2)
        );
    }
    let _ = writeln!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{edge}" stroke-width="{}"/>"#,
        num(card.frame.min.x),
        num(card.frame.min.y),
        num(card.frame.width()),
        num(card.frame.height()),
        num(card.corner_radius),
        hex(card.fill),
        num(card.line_width)
    );
    for [a, b] in &card.rules {
        let _ = writeln!(
            svg,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{edge}" stroke-width="{}"/>"#,
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            num(card.line_width * 0.6)
        );
    }
    for run in &card.runs {
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}"{}>{}</text>"#,
            num(run.pos.x),
            num(run.pos.y + run.size * BASELINE),
            num(run.size),
            hex(run.color),
            if run.italic {
                r#" font-style="italic""#
            } else {
                ""
            },
            escape(&run.text)
        );
    }
    let _ = writeln!(svg, "</g>");
}

fn write_badges(svg: &mut String, badges: &[Badge], style: &MapStyle, layout: &Layout) {
    let _ = writeln!(svg, r#"<g class="badges">"#);
    for badge in badges {
        let _ = write!(svg, r#"<g class="badge">"#);
        if badge.has_leader() {
            let _ = write!(
                svg,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/><circle cx="{}" cy="{}" r="{}" fill="{}"/>"#,
                num(badge.anchor.x),
                num(badge.anchor.y),
                num(badge.center.x),
                num(badge.center.y),
                hex(style.badge_fill),
                num(1.2 * layout.scale),
                num(badge.anchor.x),
                num(badge.anchor.y),
                num(2.2 * layout.scale),
                hex(style.badge_fill)
            );
        }
        let size = badge.radius * 1.15;
        let _ = writeln!(
            svg,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/><text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}">{}</text></g>"#,
            num(badge.center.x),
            num(badge.center.y),
            num(badge.radius),
            hex(style.badge_fill),
            hex(style.background),
            num(1.5 * layout.scale),
            num(badge.center.x),
            num(badge.center.y + size * 0.36),
            num(size),
            hex(style.badge_text),
            badge.teams
        );
    }
    let _ = writeln!(svg, "</g>");
}

/// Title, subtitle, legend and source line; returns the legend's frame.
fn write_texts(
    svg: &mut String,
    model: &MapModel,
    style: &MapStyle,
    layout: &Layout,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Rect {
    let left = layout.header.left() + layout.margin();
    let title_top = layout.header.top() + layout.margin() * 0.8;
    let fitted = |text: &str, size: f32| layout.fitted_size(size, measure(text, size));
    let subtitle = text::subtitle(model);
    let title_size = fitted(&model.aid.title, layout.title_size());
    let subtitle_size = fitted(&subtitle, layout.subtitle_size());
    let title_at = pos2(left, title_top + title_size * 0.95);
    text_element(
        svg,
        "title",
        title_at,
        title_size,
        style.text,
        &model.aid.title,
    );
    let subtitle_top = title_top + title_size * 1.25 + 3.0 * layout.scale;
    let subtitle_at = pos2(left, subtitle_top + subtitle_size * 0.95);
    text_element(
        svg,
        "subtitle",
        subtitle_at,
        subtitle_size,
        style.muted_text,
        &subtitle,
    );
    let legend = legend_layout(model, style, layout, |text: &str, size: f32| {
        vec2(measure(text, size), size * 1.25)
    });
    let _ = writeln!(
        svg,
        r#"<g class="legend"><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" fill-opacity="{}" stroke="{}"/>"#,
        num(legend.frame.min.x),
        num(legend.frame.min.y),
        num(legend.frame.width()),
        num(legend.frame.height()),
        num(4.0 * layout.scale),
        hex(style.panel),
        num(style.panel.a() as f32 / 255.0),
        hex(style.land)
    );
    let heading_at = legend.heading_pos + vec2(0.0, legend.font_size * 0.95);
    text_element(
        svg,
        "legend-heading",
        heading_at,
        legend.font_size,
        style.text,
        legend.heading,
    );
    for (swatch, color, label_pos, label) in &legend.rows {
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}" stroke="{}" stroke-width="0.5"/><text x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
            num(swatch.min.x),
            num(swatch.min.y),
            num(swatch.width()),
            num(swatch.height()),
            hex(*color),
            hex(style.muted_text),
            num(label_pos.x),
            num(label_pos.y + legend.font_size * 0.36),
            num(legend.font_size),
            hex(style.text),
            escape(label)
        );
    }
    let _ = writeln!(svg, "</g>");
    let small = layout.small_size();
    let source = text::source_line(&model.aid, model.natural_earth, &model.outlines.file);
    let left = layout.footer.left() + layout.margin();
    if let Some(note) = text::not_shown_note(model) {
        let size = fitted(&note, small);
        let note_at = pos2(left, layout.note_center_y() + size * 0.36);
        text_element(svg, "not-shown", note_at, size, style.text, &note);
    }
    let size = fitted(&source, small);
    let source_at = pos2(left, layout.source_center_y() + size * 0.36);
    text_element(svg, "source", source_at, size, style.muted_text, &source);
    legend.frame
}

/// The rings of country `index` on screen, finer than on screen (half the tolerance),
/// as a vector picture may be enlarged.
fn screen_rings(model: &MapModel, index: usize, transform: &ScreenTransform) -> Vec<Vec<Pos2>> {
    model.projected.countries[index]
        .rings
        .iter()
        .map(|ring| screen_ring(ring, transform, BORDER_TOLERANCE / 2.0))
        .filter(|ring| ring.len() >= 3)
        .collect()
}

/// A `<text>` element whose baseline is at `baseline`.
fn text_element(svg: &mut String, class: &str, at: Pos2, size: f32, color: Color32, text: &str) {
    let _ = writeln!(
        svg,
        r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
        num(at.x),
        num(at.y),
        num(size),
        hex(color),
        escape(text)
    );
}

/// SVG path data for closed rings.
fn path_data(rings: &[Vec<Pos2>]) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, p) in ring.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                num(p.x),
                num(p.y)
            );
        }
        d.push('Z');
    }
    d
}

/// A coordinate with two decimals and no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

fn hex(color: Color32) -> String {
    let [r, g, b, _] = color.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// `text` as XML character data or attribute value: markup characters escaped, and
/// characters XML 1.0 does not allow (control characters, NUL, U+FFFE, U+FFFF) left
/// out, so every SVG parses.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
