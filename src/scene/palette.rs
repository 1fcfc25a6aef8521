//! The colours of the recipients' fills, class by class: the theme's own orange to red
//! (the default), or a sequential palette from colorous (ColorBrewer's Blues and
//! Greens, viridis and cividis). Viridis, cividis and Blues stay in order for readers
//! with the common colour-vision deficiencies: they run from light to dark, which no
//! deficiency confuses. Few teams are always the light end, many the dark one.

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
        // Where on the gradient the fewest and the most teams fall: the light end
        // for few, the dark end for many, never the palest (it would be land).
        let (gradient, few, many) = match self {
            Palette::OrangeRed => return style.highlight(class, count),
            Palette::Viridis => (colorous::VIRIDIS, 0.92, 0.12),
            Palette::Cividis => (colorous::CIVIDIS, 0.95, 0.1),
            Palette::Blues => (colorous::BLUES, 0.3, 0.95),
            Palette::Greens => (colorous::GREENS, 0.3, 0.95),
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
    fn every_palette_runs_from_light_for_few_to_dark_for_many() {
        for style in [MapStyle::light(), MapStyle::dark()] {
            for palette in Palette::ALL {
                let shades: Vec<f32> = (0..5)
                    .map(|c| luminance(palette.color(&style, c, 5)))
                    .collect();
                assert!(
                    shades.windows(2).all(|w| w[0] > w[1]),
                    "{palette:?}: {shades:?}"
                );
                assert_eq!(Palette::named(palette.name()), Some(palette));
            }
        }
    }
}
