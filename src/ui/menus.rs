//! The menu bar: File (open outlines or data, quit), View (projection, theme, reset)
//! and a reset-view button.

use egui::ViewportCommand;

use crate::geometry::projection::Projection;
use crate::ui::app::{AidMapApp, ThemeChoice};
use crate::ui::export::ExportKind;
use crate::ui::files::FileKind;

/// Draw the menu bar.
pub fn menu_bar(ui: &mut egui::Ui, app: &mut AidMapApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for (label, kind) in [
                ("Open outlines…", FileKind::Outlines),
                ("Open data…", FileKind::Data),
            ] {
                if ui.button(label).clicked() {
                    if let Err(message) = app.loader.open_dialog(kind, ui.ctx()) {
                        app.exporter.toast(ui.ctx(), message, true);
                    }
                    ui.close();
                }
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Export screenshot…").shortcut_text("Ctrl+S"))
                .clicked()
            {
                app.exporter.start(ExportKind::File);
                ui.close();
            }
            if ui
                .add(egui::Button::new("Copy picture").shortcut_text("Ctrl+Shift+C"))
                .clicked()
            {
                app.exporter.start(ExportKind::Clipboard);
                ui.close();
            }
            ui.checkbox(
                &mut app.exporter.include_popup,
                "Include the pop-up in exports",
            );
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Projection");
            let current = app.model.projected.projection;
            for projection in Projection::ALL {
                if ui
                    .radio(current == projection, projection.label())
                    .clicked()
                {
                    app.set_projection(projection);
                    ui.close();
                }
            }
            ui.separator();
            ui.label("Theme");
            for (choice, label) in [
                (ThemeChoice::System, "Follow the system"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ] {
                if ui.radio(app.theme == choice, label).clicked() {
                    app.theme = choice;
                    ui.close();
                }
            }
            ui.separator();
            if ui.button("Reset view (Home)").clicked() {
                app.reset_view();
                ui.close();
            }
        });
        if ui
            .button("Export…")
            .on_hover_text("Save the map as PNG (Ctrl+S)")
            .clicked()
        {
            app.exporter.start(ExportKind::File);
        }
        if ui
            .button("Reset view")
            .on_hover_text("Show the whole world (Home)")
            .clicked()
        {
            app.reset_view();
        }
    });
}
