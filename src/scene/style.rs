//! Colours and line widths of the map, for the light and the dark theme.

use egui::Color32;

/// How the map looks.
#[derive(Debug, Clone, PartialEq)]
pub struct MapStyle {
    /// True for the dark theme.
    pub dark: bool,
    /// Everything behind the map (outside the world's outline).
    pub background: Color32,
    /// The sea: the world's outline is filled with it.
    pub ocean: Color32,
    /// Countries that received nothing.
    pub land: Color32,
    /// Borders between countries.
    pub border: Color32,
    /// Border width in points.
    pub border_width: f32,
    /// The lightest and the darkest highlight; classes are shaded between them.
    pub highlight_light: Color32,
    /// See `highlight_light`.
    pub highlight_dark: Color32,
    /// Outline of the country under the pointer.
    pub hover: Color32,
    /// Outline of the selected country.
    pub selected: Color32,
    /// Team badges.
    pub badge_fill: Color32,
    /// Numbers on badges.
    pub badge_text: Color32,
    /// Title and legend text.
    pub text: Color32,
    /// Subtitle and source text.
    pub muted_text: Color32,
    /// Behind the legend.
    pub panel: Color32,
}

impl MapStyle {
    /// The light theme.
    pub fn light() -> Self {
        MapStyle {
            dark: false,
            background: Color32::from_rgb(0xFA, 0xFB, 0xFC),
            ocean: Color32::from_rgb(0xE8, 0xEF, 0xF5),
            land: Color32::from_rgb(0xD3, 0xD8, 0xDE),
            border: Color32::from_rgb(0xFF, 0xFF, 0xFF),
            border_width: 0.6,
            highlight_light: Color32::from_rgb(0xF4, 0xA5, 0x82),
            highlight_dark: Color32::from_rgb(0xA5, 0x0F, 0x15),
            hover: Color32::from_rgb(0x24, 0x29, 0x2F),
            selected: Color32::from_rgb(0x05, 0x50, 0xAE),
            badge_fill: Color32::from_rgb(0x1F, 0x23, 0x28),
            badge_text: Color32::WHITE,
            text: Color32::from_rgb(0x1F, 0x23, 0x28),
            muted_text: Color32::from_rgb(0x57, 0x60, 0x6A),
            panel: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 0xE0),
        }
    }

    /// The dark theme.
    pub fn dark() -> Self {
        MapStyle {
            dark: true,
            background: Color32::from_rgb(0x0D, 0x11, 0x17),
            ocean: Color32::from_rgb(0x17, 0x1E, 0x27),
            land: Color32::from_rgb(0x3A, 0x41, 0x4A),
            border: Color32::from_rgb(0x17, 0x1E, 0x27),
            border_width: 0.6,
            highlight_light: Color32::from_rgb(0xF7, 0xB0, 0x8A),
            highlight_dark: Color32::from_rgb(0xD7, 0x30, 0x27),
            hover: Color32::from_rgb(0xF0, 0xF3, 0xF6),
            selected: Color32::from_rgb(0x58, 0xA6, 0xFF),
            badge_fill: Color32::from_rgb(0xF5, 0xF5, 0xF5),
            badge_text: Color32::from_rgb(0x12, 0x16, 0x1B),
            text: Color32::from_rgb(0xE6, 0xED, 0xF3),
            muted_text: Color32::from_rgb(0xA0, 0xA8, 0xB2),
            panel: Color32::from_rgba_unmultiplied(0x12, 0x16, 0x1B, 0xE0),
        }
    }

    /// The theme for egui's dark-mode flag.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// The highlight for class `class` of `count` classes (0 = fewest teams).
    pub fn highlight(&self, class: usize, count: usize) -> Color32 {
        let t = if count <= 1 {
            1.0
        } else {
            class as f32 / (count - 1) as f32
        };
        lerp(self.highlight_light, self.highlight_dark, t)
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}
