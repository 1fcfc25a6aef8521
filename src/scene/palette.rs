//! The colours of the recipients' fills, class by class: the theme's own orange to red
//! (the default), or a sequential palette from colorous (ColorBrewer's Blues and
//! Greens, viridis and cividis). Viridis, cividis and Blues stay in order for readers
//! with the common colour-vision deficiencies: they run in lightness, which no
//! deficiency confuses. On the light theme few teams are the light end and many the
//! dark one; on the dark theme, over dark land, many teams are the bright end (the
//! dark end would vanish into the land). The theme's own orange to red keeps its
//! order in both.

use egui::Color32;

use crate::scene::style::MapStyle;

/// A palette for the fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// The theme's own, orange to red.
    #[default]
    OrangeRed,
    /// Viridis: yellow to purple, safe for colour-blind readers.
    Viridis,
    /// Cividis: yellow to blue, made for colour-blind readers.
    Cividis,
    /// ColorBrewer Blues.
    Blues,
    /// ColorBrewer Greens.
    Greens,
}

impl Palette {
    /// Every palette, in menu order.
    pub const ALL: [Palette; 5] = [
        Palette::OrangeRed,
        Palette::Viridis,
        Palette::Cividis,
        Palette::Blues,
        Palette::Greens,
    ];

    /// Its name on the command line (`--palette viridis`).
    pub fn name(self) -> &'static str {
        match self {
            Palette::OrangeRed => "orange-red",
            Palette::Viridis => "viridis",
            Palette::Cividis => "cividis",
            Palette::Blues => "blues",
            Palette::Greens => "greens",
        }
    }

    /// Its label in the View menu.
    pub fn label(self) -> &'static str {
        match self {
            Palette::OrangeRed => "Orange to red (the theme's)",
            Palette::Viridis => "Viridis (colour-blind safe)",
            Palette::Cividis => "Cividis (colour-blind safe)",
            Palette::Blues => "Blues (colour-blind safe)",
            Palette::Greens => "Greens",
        }
    }

    /// The palette called `name`.
    pub fn named(name: &str) -> Option<Palette> {
        Palette::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The fill of class `class` of `count` (0 = fewest teams) in `style`'s theme.
    pub fn color(self, style: &MapStyle, class: usize, count: usize) -> Color32 {
        let t = if count <= 1 {
            1.0
        } else {
            class as f64 / (count - 1) as f64
        };
        // Where on the gradient the fewest and the most teams fall: on a light
        // picture the light end for few and the dark end for many, never the palest
        // (it would be land); on a dark one the other way, never the darkest.
        let (gradient, light, dark) = match self {
            Palette::OrangeRed => return style.highlight(class, count),
            Palette::Viridis => (colorous::VIRIDIS, 0.92, 0.12),
            Palette::Cividis => (colorous::CIVIDIS, 0.95, 0.1),
            Palette::Blues => (colorous::BLUES, 0.3, 0.95),
            Palette::Greens => (colorous::GREENS, 0.3, 0.95),
        };
        let (few, many) = match (style.dark, self) {
            (false, _) => (light, dark),
            (true, Palette::Viridis | Palette::Cividis) => (0.3, 0.95),
            (true, _) => (0.6, 0.12),
        };
        let c = gradient.eval_continuous(few + (many - few) * t);
        Color32::from_rgb(c.r, c.g, c.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: Color32) -> f32 {
        0.2126 * c.r() as f32 + 0.7152 * c.g() as f32 + 0.0722 * c.b() as f32
    }

    #[test]
    fn palettes_run_in_lightness_and_stand_out_from_the_land() {
        for style in [MapStyle::light(), MapStyle::dark()] {
            for palette in Palette::ALL {
                let shades: Vec<f32> = (0..5)
                    .map(|c| luminance(palette.color(&style, c, 5)))
                    .collect();
                // Light theme: darker for more; dark theme: brighter for more (the
                // theme's own orange to red keeps its order in both).
                let brighter_for_more = style.dark && palette != Palette::OrangeRed;
                let ordered = shades.windows(2).all(|w| match brighter_for_more {
                    true => w[0] < w[1],
                    false => w[0] > w[1],
                });
                assert!(ordered, "{palette:?} dark={}: {shades:?}", style.dark);
                // The most teams never fade into the land.
                let land = luminance(style.land);
                assert!(
                    (shades[4] - land).abs() > 15.0,
                    "{palette:?}: {shades:?} vs {land}"
                );
                assert_eq!(Palette::named(palette.name()), Some(palette));
            }
        }
    }
}
