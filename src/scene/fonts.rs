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
