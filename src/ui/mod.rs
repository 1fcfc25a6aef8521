//! The eframe window. For now it says which data it has loaded; the map itself is
//! built in the next step (see the issues).

use crate::data::{AidDataset, Outlines};

/// The application state the window shows.
pub struct AidMapApp {
    summary: String,
}

impl AidMapApp {
    /// An app showing `outlines` and `aid`.
    pub fn new(outlines: &Outlines, aid: &AidDataset) -> Self {
        AidMapApp {
            summary: format!(
                "{}: {} — {} outlines loaded from {}",
                aid.title,
                aid.summary(),
                outlines.countries.len(),
                outlines.file
            ),
        }
    }
}

impl eframe::App for AidMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("aidmap");
            ui.label(&self.summary);
            ui.label("The map view is being built; `aidmap check` reports on the data.");
        });
    }
}
