//! The app in eframe's native window: drawing each frame, and keeping the settings
//! in eframe's storage when the window closes (and every so often while it is open).

use crate::ui::app::AidMapApp;
use crate::ui::settings::Settings;

impl eframe::App for AidMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        // Opaque, so screenshots are not half transparent.
        [0.0, 0.0, 0.0, 1.0]
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.remember {
            Settings::save(&self.settings(), storage);
        }
    }

    /// egui's own memory (where its windows were) is not kept: aidmap's settings say
    /// what a new start shows, and nothing else carries over unseen.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}
