//! View → Title and notes…: a small window to write the picture's title, a subtitle
//! (set before aidmap's counts, which stay) and a note above the source line. The map
//! and every export show what is typed at once; what cannot be shown (a line break, a
//! title longer than 300 characters) is said under the fields, and the map keeps its
//! last good words.

use crate::scene::MapModel;
use crate::scene::captions::Captions;

/// The panel's own state: whether it is open, and the fields as typed.
#[derive(Debug, Clone, Default)]
pub struct CaptionsPanel {
    /// Whether the window is open.
    pub open: bool,
    /// The fields as typed: title, subtitle, note.
    fields: [String; 3],
    /// Why the fields as typed are not shown, if they are not.
    problem: Option<String>,
}

/// The fields' labels, in order, as messages name them.
const LABELS: [&str; 3] = ["Title", "Subtitle", "Note"];

impl CaptionsPanel {
    /// Open the window with `model`'s captions in the fields.
    pub fn open_for(&mut self, model: &MapModel) {
        let captions = &model.captions;
        self.fields = [&captions.title, &captions.subtitle, &captions.note]
            .map(|field| field.clone().unwrap_or_default());
        self.problem = None;
        self.open = true;
    }

    /// Draw the window if it is open, and put what is typed on `model`.
    pub fn show(&mut self, ctx: &egui::Context, model: &mut MapModel) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        let mut changed = false;
        let mut reset = false;
        // Opened in the lower right, away from the title and subtitle it edits, so the
        // words typed show on the map as they are typed.
        let corner = ctx.content_rect().right_bottom() - egui::vec2(24.0, 72.0);
        egui::Window::new("Title and notes")
            .pivot(egui::Align2::RIGHT_BOTTOM)
            .default_pos(corner)
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                let hints = [
                    model.aid.title.as_str(),
                    "Set before the counts and date",
                    "A line above the source",
                ];
                egui::Grid::new("captions grid")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        for (k, label) in LABELS.iter().enumerate() {
                            let heading = ui.label(*label);
                            let edit = egui::TextEdit::singleline(&mut self.fields[k])
                                .hint_text(hints[k])
                                .desired_width(360.0);
                            changed |= ui.add(edit).labelled_by(heading.id).changed();
                            ui.end_row();
                        }
                    });
                if let Some(problem) = &self.problem {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                }
                reset = ui.button("Use the data's title").clicked();
            });
        self.open = open;
        if reset {
            self.fields[0].clear();
            changed = true;
        }
        if changed {
            self.apply(model);
        }
    }

    /// Put the fields on `model` when they can be shown; else say why.
    fn apply(&mut self, model: &mut MapModel) {
        let given = self
            .fields
            .each_ref()
            .map(|field| Some(field.as_str()).filter(|f| !f.trim().is_empty()));
        match Captions::new(given, LABELS) {
            Ok(captions) => {
                model.captions = captions;
                self.problem = None;
            }
            Err(problem) => self.problem = Some(problem),
        }
    }
}
