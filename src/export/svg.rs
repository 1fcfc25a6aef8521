//! The SVG back-end: writes the scene's display list as SVG. Each group becomes a
//! `<g>` with a `class` (and the country's name, code and teams as `data-` attributes),
//! each country one `<path>` (holes by the even-odd rule), every word real `<text>`, so
//! the picture can be edited in Inkscape or Illustrator. Text is measured in egui's
//! fonts, as for the PNG; a viewer without them may differ a little. It decides no
//! position, size or colour: those come from the list.

use std::fmt::Write as _;

use egui::{Align, Color32, Pos2, Rect, Stroke, Vec2};

use crate::scene::compose::{FillMode, SceneRequest, SceneState};
use crate::scene::display::{DisplayList, Group, Item, Primitive, TextRun};
use crate::scene::fonts::FontMeasure;
use crate::scene::{MapModel, MapStyle, MapView, SceneCache, compose};

/// The font families named in the SVG: egui's own first, then common fallbacks.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Helvetica Neue', Arial, sans-serif";
/// Ubuntu Light's weight: text is measured in it, so a viewer with the Ubuntu family
/// picks the same face.
const FONT_WEIGHT: u16 = 300;

/// What to draw besides the map.
#[derive(Debug, Clone, Copy, Default)]
pub struct SvgOptions {
    /// Dark theme.
    pub dark: bool,
    /// The selected country (outlined).
    pub selected: Option<usize>,
    /// Draw the selected country's card.
    pub popup: bool,
    /// No background outside the map.
    pub transparent: bool,
}

/// The SVG document for `model` at `size` (points = SVG user units).
pub fn render(model: &MapModel, view: &MapView, size: Vec2, options: &SvgOptions) -> String {
    let request = SceneRequest {
        rect: Rect::from_min_size(Pos2::ZERO, size),
        view: *view,
        style: MapStyle::for_dark_mode(options.dark),
        state: SceneState {
            hovered: None,
            selected: options.selected,
        },
        card: options.popup,
        fills: FillMode::Paths,
        transparent: options.transparent,
    };
    let fonts = FontMeasure::default();
    let measure = |text: &str, size: f32| fonts.width(text, size);
    let scene = compose(model, &request, &mut SceneCache::default(), &measure);
    write(&scene.list, model.title())
}

/// The SVG document of `list`, titled `title`.
pub fn write(list: &DisplayList, title: &str) -> String {
    let size = list.bounds.size();
    let mut svg = String::with_capacity(1 << 20);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}" font-family="{FONT_FAMILY}" font-weight="{FONT_WEIGHT}">"#,
        x = num(list.bounds.min.x),
        y = num(list.bounds.min.y),
        w = num(size.x),
        h = num(size.y)
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    write_clips(&mut svg, list);
    let mut clips = 0;
    // The open groups: a flow's line is `<path class="flow">`.
    let mut open: Vec<&Group> = Vec::new();
    for item in &list.items {
        match item {
            Item::Begin(group) => {
                let clip = group.clip().map(|_| {
                    clips += 1;
                    clips
                });
                open_group(&mut svg, group, clip);
                open.push(group);
            }
            Item::End => {
                svg.push_str("</g>\n");
                open.pop();
            }
            Item::Draw(primitive) => {
                let in_flow = matches!(open.last(), Some(Group::Flow { .. }));
                write_primitive(&mut svg, primitive, in_flow);
            }
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// The clip rectangles of the groups that have one, numbered in order, in `<defs>`.
fn write_clips(svg: &mut String, list: &DisplayList) {
    svg.push_str("<defs>");
    let clips = list.items.iter().filter_map(|item| match item {
        Item::Begin(group) => group.clip(),
        _ => None,
    });
    for (i, clip) in clips.enumerate() {
        let _ = write!(
            svg,
            r#"<clipPath id="clip-{}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            i + 1,
            num(clip.min.x),
            num(clip.min.y),
            num(clip.width()),
            num(clip.height())
        );
    }
    svg.push_str("</defs>\n");
}

/// `<g class=…>` with what the group says about itself.
fn open_group(svg: &mut String, group: &Group, clip: Option<usize>) {
    let _ = write!(svg, r#"<g class="{}""#, group.class());
    if let Some(id) = clip {
        let _ = write!(svg, r#" clip-path="url(#clip-{id})""#);
    }
    match group {
        Group::Country {
            index,
            name,
            code,
            teams,
        } => {
            let _ = write!(
                svg,
                r#" id="country-{index}" data-name="{}" data-code="{}" data-teams="{teams}""#,
                escape(name),
                escape(code)
            );
        }
        Group::Flow {
            donor,
            from,
            to,
            code,
            teams,
            members,
        } => {
            let _ = write!(
                svg,
                r#" data-from="{}" data-to="{}" data-code="{}" data-teams="{teams}""#,
                escape(from),
                escape(to),
                escape(code)
            );
            if let Some(donor) = donor {
                let _ = write!(svg, r#" data-donor="{}""#, escape(donor));
            }
            if let Some(members) = members {
                let _ = write!(svg, r#" data-members="{members}""#);
            }
        }
        Group::Selected { code } | Group::Arrived { code } => {
            let _ = write!(svg, r#" data-code="{}""#, escape(code));
        }
        Group::Badge { code, teams } => {
            let _ = write!(svg, r#" data-code="{}" data-teams="{teams}""#, escape(code));
        }
        Group::Card { code, omitted } => {
            let _ = write!(
                svg,
                r#" id="card" data-code="{}" data-omitted="{omitted}""#,
                escape(code)
            );
        }
        Group::Title
        | Group::Subtitle
        | Group::Legend
        | Group::NotShown
        | Group::Note
        | Group::Source => {
            let _ = write!(svg, r#" id="{}""#, group.class());
        }
        _ => {}
    }
    svg.push_str(">\n");
}

fn write_primitive(svg: &mut String, primitive: &Primitive, in_flow: bool) {
    match primitive {
        Primitive::Lines { pieces, stroke } => {
            let class = if in_flow { r#" class="flow""# } else { "" };
            let mut data = String::new();
            for piece in pieces {
                for (k, point) in piece.iter().enumerate() {
                    let command = if k == 0 { 'M' } else { 'L' };
                    let _ = write!(data, "{command}{},{}", num(point.x), num(point.y));
                }
            }
            let _ = writeln!(
                svg,
                r#"<path{class} d="{data}" fill="none"{} stroke-linecap="round" stroke-linejoin="round"/>"#,
                stroke_attributes(*stroke)
            );
        }
        Primitive::Mesh(mesh) => write_mesh(svg, mesh.mesh.as_ref()),
        Primitive::Area {
            rings,
            fill,
            stroke,
        } => {
            let _ = writeln!(
                svg,
                r#"<path d="{}"{}{} fill-rule="evenodd" stroke-linejoin="round"/>"#,
                path_data(rings),
                fill_attributes(*fill),
                stroke_attributes(*stroke)
            );
        }
        Primitive::Line { points, stroke } => {
            let [a, b] = points;
            let _ = writeln!(
                svg,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y),
                stroke_attributes(*stroke)
            );
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            let _ = writeln!(
                svg,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                num(center.x),
                num(center.y),
                num(*radius),
                fill_attributes(*fill),
                stroke_attributes(*stroke)
            );
        }
        Primitive::Rect {
            rect,
            corner_radius,
            fill,
            stroke,
        } => write_rect(svg, *rect, *corner_radius, *fill, *stroke),
        Primitive::Text(run) => write_text(svg, run),
    }
}

/// A rectangle whose outline lies inside its edge, as egui draws it: SVG centres a
/// stroke on the path, so the path runs half a stroke inside.
fn write_rect(svg: &mut String, rect: Rect, corner_radius: f32, fill: Color32, stroke: Stroke) {
    let path = rect.shrink(stroke.width / 2.0);
    let _ = writeln!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"{}{}/>"#,
        num(path.min.x),
        num(path.min.y),
        num(path.width()),
        num(path.height()),
        num(corner_radius),
        fill_attributes(fill),
        stroke_attributes(stroke)
    );
}

fn write_text(svg: &mut String, run: &TextRun) {
    let at = run.baseline();
    let anchor = match run.anchor.x() {
        Align::Min => "",
        Align::Center => r#" text-anchor="middle""#,
        Align::Max => r#" text-anchor="end""#,
    };
    let italic = if run.italic {
        r#" font-style="italic""#
    } else {
        ""
    };
    // A halo is the text's own stroke, painted under its fill.
    let halo = run.halo.map_or(String::new(), |color| {
        format!(
            r#"{} stroke-linejoin="round" paint-order="stroke""#,
            stroke_attributes(Stroke::new(run.size * 0.24, color))
        )
    });
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="{}" font-size="{}"{}{halo}{anchor}{italic}>{}</text>"#,
        num(at.x),
        num(at.y),
        num(run.size),
        fill_attributes(run.color),
        escape(&run.text)
    );
}

/// Triangles, each in its first vertex's colour (the scene sends vector pictures
/// areas, not meshes; this keeps a mesh visible should one come).
fn write_mesh(svg: &mut String, mesh: &egui::epaint::Mesh) {
    for triangle in mesh.indices.chunks_exact(3) {
        let corners: Option<Vec<_>> = triangle
            .iter()
            .map(|&i| mesh.vertices.get(i as usize))
            .collect();
        let Some(corners) = corners else {
            continue;
        };
        let ring: Vec<Pos2> = corners.iter().map(|v| v.pos).collect();
        let _ = writeln!(
            svg,
            r#"<path d="{}"{}/>"#,
            path_data(&[ring]),
            fill_attributes(corners[0].color)
        );
    }
}

/// ` fill="#rrggbb"`, with its opacity where it is not opaque, or ` fill="none"`.
fn fill_attributes(color: Color32) -> String {
    match color.a() {
        0 => r#" fill="none""#.to_string(),
        255 => format!(r#" fill="{}""#, hex(color)),
        alpha => format!(
            r#" fill="{}" fill-opacity="{}""#,
            hex(color),
            num(alpha as f32 / 255.0)
        ),
    }
}

/// ` stroke="#rrggbb" stroke-width="w"`, or nothing for no stroke.
fn stroke_attributes(stroke: Stroke) -> String {
    if stroke.width <= 0.0 || stroke.color.a() == 0 {
        return String::new();
    }
    let opacity = match stroke.color.a() {
        255 => String::new(),
        alpha => format!(r#" stroke-opacity="{}""#, num(alpha as f32 / 255.0)),
    };
    format!(
        r#" stroke="{}" stroke-width="{}"{opacity}"#,
        hex(stroke.color),
        num(stroke.width)
    )
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

/// The colour's red, green and blue, unmultiplied (its alpha is written apart).
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
