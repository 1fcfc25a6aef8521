//! Colours and line widths of the map, for the light and the dark theme.

use egui::Color32;

/// The light/dark choice of the window (View menu, `--theme`): a setting of the picture,
/// so it lives with the styles, not with the window's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// egui's name for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

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
    /// Outline of a country a team arrived in on the day shown.
    pub arrival: Color32,
    /// The arcs from senders to recipients (of a data set with one donor).
    pub flow: Color32,
    /// The thin edge each side of an arc, so it shows on any fill.
    pub flow_casing: Color32,
    /// Team badges.
    pub badge_fill: Color32,
    /// Numbers on badges.
    pub badge_text: Color32,
    /// Title and legend text.
    pub text: Color32,
    /// Subtitle and source text.
    pub muted_text: Color32,
    /// The fill of a recipient whose members are not all reported, when the fills
    /// stand for members: a neutral grey, apart from land and from every palette.
    pub unreported: Color32,
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
            arrival: Color32::from_rgb(0x82, 0x50, 0xDF),
            flow: Color32::from_rgb(0x0E, 0x7C, 0x66),
            flow_casing: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 0xC0),
            badge_fill: Color32::from_rgb(0x1F, 0x23, 0x28),
            badge_text: Color32::WHITE,
            text: Color32::from_rgb(0x1F, 0x23, 0x28),
            muted_text: Color32::from_rgb(0x57, 0x60, 0x6A),
            unreported: Color32::from_rgb(0x8C, 0x95, 0x9F),
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
            arrival: Color32::from_rgb(0xD2, 0xA8, 0xFF),
            flow: Color32::from_rgb(0x56, 0xD3, 0xB4),
            flow_casing: Color32::from_rgba_unmultiplied(0x0D, 0x11, 0x17, 0xC0),
            badge_fill: Color32::from_rgb(0xF5, 0xF5, 0xF5),
            badge_text: Color32::from_rgb(0x12, 0x16, 0x1B),
            text: Color32::from_rgb(0xE6, 0xED, 0xF3),
            muted_text: Color32::from_rgb(0xA0, 0xA8, 0xB2),
            unreported: Color32::from_rgb(0x7D, 0x85, 0x90),
            panel: Color32::from_rgba_unmultiplied(0x12, 0x16, 0x1B, 0xE0),
        }
    }

    /// The theme for egui's dark-mode flag.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// The colour of an arc from the donor `donor` (an index into the model's donors,
    /// most teams first). Where the data has one donor (or names none), every arc has
    /// the theme's flow colour; with several, each of the first [`DONOR_HUES`] has its
    /// own hue, and the rest share a grey (the legend says how many).
    pub fn donor_flow(&self, donor: Option<usize>, several: bool) -> Color32 {
        let palette = if self.dark {
            colorous::SET2
        } else {
            colorous::DARK2
        };
        let rgb = |c: colorous::Color| Color32::from_rgb(c.r, c.g, c.b);
        match donor {
            _ if !several => self.flow,
            Some(i) if i < DONOR_HUES => rgb(palette[DONOR_PALETTE_INDEX[i]]),
            Some(_) => rgb(palette[OTHER_DONORS_INDEX]),
            // Not the other donors' grey: "donor not known" is not one of them.
            None if self.dark => UNKNOWN_DONOR_ON_DARK,
            None => UNKNOWN_DONOR_ON_LIGHT,
        }
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

/// Donors that get a hue of their own; the rest share a grey.
pub const DONOR_HUES: usize = 6;
/// The colours of ColorBrewer's Dark2 (light theme) and Set2 (dark theme) the donors
/// get, in order: the same hue family in both themes. Orange (1) is left out: the
/// recipients' fills are orange to red.
const DONOR_PALETTE_INDEX: [usize; DONOR_HUES] = [0, 2, 3, 4, 5, 6];
/// Their grey, for donors beyond the hues.
const OTHER_DONORS_INDEX: usize = 7;
/// Arcs of teams of no known donor: a grey well apart from the other donors' (Dark2's
/// #666666 on the light theme, Set2's #B3B3B3 on the dark one), and from the land.
const UNKNOWN_DONOR_ON_LIGHT: Color32 = Color32::from_rgb(0xB0, 0xB0, 0xB0);
/// The same on the dark theme.
const UNKNOWN_DONOR_ON_DARK: Color32 = Color32::from_rgb(0x74, 0x74, 0x74);

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// The WCAG 2 contrast ratio of two opaque colours (1 to 21; text wants 4.5).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let channel = |v: u8| {
            let v = v as f32 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` (possibly translucent, premultiplied) laid over opaque `bottom`.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let alpha = top.a() as f32 / 255.0;
    let mix = |t: u8, b: u8| {
        (t as f32 + b as f32 * (1.0 - alpha))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG AA for body text.
    const AA: f32 = 4.5;

    #[test]
    fn every_text_meets_wcag_aa_in_both_themes() {
        for style in [MapStyle::light(), MapStyle::dark()] {
            let visuals = if style.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            // The legend's panel is translucent: over the ocean, the land, or the
            // page at worst.
            let legend_grounds =
                [style.ocean, style.land, style.background].map(|ground| over(style.panel, ground));
            let mut pairs = vec![
                ("title", style.text, style.background),
                ("subtitle and source", style.muted_text, style.background),
                ("badge", style.badge_text, style.badge_fill),
                ("pop-up sources", style.muted_text, visuals.window_fill),
                ("side panel summary", style.muted_text, visuals.panel_fill),
            ];
            for ground in legend_grounds {
                pairs.push(("legend", style.text, ground));
            }
            for (what, text, ground) in pairs {
                let ratio = contrast_ratio(text, ground);
                assert!(
                    ratio >= AA,
                    "{} theme, {what}: {ratio:.2}:1",
                    if style.dark { "dark" } else { "light" }
                );
            }
        }
    }

    #[test]
    fn the_contrast_ratio_matches_wcag_s_examples() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.54).abs() < 0.02);
    }
}
