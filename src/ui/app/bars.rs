//! The window's bars around the map: the loading and error bars at the top and the
//! timeline at the bottom, with the timeline's keys and playing.

use crate::ui::app::AidMapApp;

impl AidMapApp {
    /// A bar while a file loads, and one with the last load error until dismissed.
    pub(super) fn status_bars(&mut self, ui: &mut egui::Ui) {
        if let Some(file) = self.loader.loading_file().map(str::to_string) {
            egui::Panel::top("loading").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!(
                        "Loading {file}… the map stays as it is until it is ready."
                    ));
                });
            });
        }
        if let Some(message) = self.error.clone() {
            egui::Panel::top("load error").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("Could not load: {message}"),
                    );
                    if ui.button("Dismiss").clicked() {
                        self.error = None;
                    }
                });
            });
        }
    }

    /// The timeline under the map, where the data has dates: its keys, playing, and
    /// the day the user picks.
    pub(super) fn timeline_bar(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let (player, model) = (&mut self.player, &self.model);
        let Some(timeline) = &model.timeline else {
            return;
        };
        let shown = model.day.unwrap_or(timeline.last);
        let bar = egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(2.0);
            let chosen = player.ui(ui, timeline, shown);
            ui.add_space(4.0);
            chosen
        });
        if let Some(day) = bar.inner {
            self.show_day(day);
            // The panels drawn before the bar show the new day from the next frame.
            ctx.request_repaint();
        }
    }

    /// The timeline's keys and playing, before any panel is drawn, so that every
    /// panel of the frame shows the same day.
    pub(super) fn step_timeline(&mut self, ctx: &egui::Context) {
        let (player, model) = (&mut self.player, &self.model);
        let Some(timeline) = &model.timeline else {
            return;
        };
        let shown = model.day.unwrap_or(timeline.last);
        let chosen = player
            .keys(ctx, timeline, shown)
            .or_else(|| player.advance(ctx, timeline, shown));
        if let Some(day) = chosen {
            self.show_day(day);
        }
        self.model.growth = self.player.growth();
    }
}
