//! The fonts of the map and the window, the same for the screen and for exports.

/// egui's default fonts, with Hack (which egui ships for monospace) as a fallback for
/// proportional text: it has the arrows and symbols the UI uses (▲ ▼ ×).
pub fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    if fonts.font_data.contains_key("Hack")
        && let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional)
        && !family.iter().any(|f| f == "Hack")
    {
        family.push("Hack".to_string());
    }
    fonts
}

/// The characters of `text` that the picture's fonts have no glyph for (emoji, and
/// scripts such as Arabic or Hebrew, which would be drawn as boxes), each once.
pub fn undrawable(text: &str) -> Vec<char> {
    let fonts = fonts();
    let family = fonts
        .families
        .get(&egui::FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let faces: Vec<_> = family
        .iter()
        .filter_map(|name| fonts.font_data.get(name))
        .collect();
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let drawn = faces.iter().any(|data| {
            ttf_parser::Face::parse((*data.font).as_ref(), data.index)
                .is_ok_and(|face| face.glyph_index(c).is_some())
        });
        if !drawn && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

/// The width of `text` at `size` points in the picture's fonts.
pub fn measure_with(painter: &egui::Painter, text: &str, size: f32) -> f32 {
    painter
        .layout_no_wrap(
            text.to_string(),
            egui::FontId::proportional(size),
            egui::Color32::BLACK,
        )
        .size()
        .x
}

/// Text widths in the picture's fonts without a window, for pictures not drawn by egui
/// (the SVG and the PDF), so they wrap and place text as the window and the PNG do.
pub struct FontMeasure {
    ctx: egui::Context,
}

impl Default for FontMeasure {
    fn default() -> Self {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts());
        // Fonts exist from the first pass on.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        FontMeasure { ctx }
    }
}

impl FontMeasure {
    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_string(),
                egui::FontId::proportional(size),
                egui::Color32::BLACK,
            )
            .size()
            .x
        })
    }
}
