//! The map as SVG: the same layout, colours, badges, legend and words as the window,
//! with each country one `<path>` (holes by the even-odd rule) and every word real
//! `<text>`, so the picture can be edited in Inkscape or Illustrator. Text widths in
//! the legend are estimated, as an SVG viewer may lay out with another font.

use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use crate::scene::badges::Badge;
use crate::scene::layout::Layout;
use crate::scene::legend::legend_layout;
use crate::scene::paint::{BORDER_TOLERANCE, badges_for, screen_ring, world_outline};
use crate::scene::view::ScreenTransform;
use crate::scene::{MapModel, MapStyle, MapView, text};

/// The font families named in the SVG: egui's own first, then common fallbacks.
const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Helvetica Neue', Arial, sans-serif";

/// The SVG document for `model` at `size` (points = SVG user units).
pub fn render(
    model: &MapModel,
    view: &MapView,
    size: Vec2,
    dark: bool,
    selected: Option<usize>,
) -> String {
    let style = MapStyle::for_dark_mode(dark);
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let layout = Layout::new(rect);
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
        let _ = writeln!(
            svg,
            r#"<path class="selected" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" d="{}"/>"#,
            hex(style.selected),
            num(2.4 * layout.scale.max(1.0)),
            path_data(&rings)
        );
    }
    write_badges(
        &mut svg,
        &badges_for(model, &transform, &layout),
        &style,
        &layout,
    );
    let _ = writeln!(svg, "</g>");
    write_texts(&mut svg, model, &style, &layout);
    let _ = writeln!(svg, "</svg>");
    svg
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

fn write_texts(svg: &mut String, model: &MapModel, style: &MapStyle, layout: &Layout) {
    let left = layout.header.left() + layout.margin();
    let title_top = layout.header.top() + layout.margin() * 0.8;
    let title_size = layout.title_size();
    let subtitle_size = layout.subtitle_size();
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
    let subtitle = text::subtitle(&model.aid);
    text_element(
        svg,
        "subtitle",
        subtitle_at,
        subtitle_size,
        style.muted_text,
        &subtitle,
    );
    // Estimated widths: about 0.55 em per character in a proportional face.
    let measure =
        |text: &str, size: f32| vec2(text.chars().count() as f32 * size * 0.55, size * 1.25);
    let legend = legend_layout(model, style, layout, measure);
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
    let source_at = pos2(
        layout.footer.left() + layout.margin(),
        layout.footer.center().y + small * 0.36,
    );
    text_element(svg, "source", source_at, small, style.muted_text, &source);
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
