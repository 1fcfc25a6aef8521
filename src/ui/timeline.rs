//! The timeline under the map: a slider from the first arrival to the last day, one
//! step a day, the date beside it, a tick at each arrival day, Play/Pause (Space), a
//! day back and forward (`,` and `.`), the speed in days per second, and loop. It
//! returns the day to show; the app sets it on the model.

use chrono::NaiveDate;
use egui::{Key, Stroke, pos2};

use crate::data::Timeline;
use crate::scene::text::long_date;

/// Days per second unless the user picks another speed.
const DEFAULT_SPEED: f32 = 4.0;
/// The longest step of time a frame may advance the playhead by, in seconds: after
/// the window was hidden, playing resumes where it was rather than jumping ahead.
const MAX_FRAME_SECONDS: f32 = 0.25;
/// Width of the Play/Pause button, in points.
const PLAY_WIDTH: f32 = 56.0;
/// Room for the longest date ("30 September 2020"), in points.
const DATE_WIDTH: f32 = 128.0;
/// Length of an arrival tick under the slider, in points.
const TICK_LENGTH: f32 = 5.0;

/// The player's state, kept between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePlayer {
    /// True while playing.
    pub playing: bool,
    /// Days per second while playing.
    pub days_per_second: f32,
    /// Start again from the first day after the last.
    pub looping: bool,
    /// Time played since the last step, in days.
    pending_days: f32,
}

impl Default for TimelinePlayer {
    fn default() -> Self {
        TimelinePlayer {
            playing: false,
            days_per_second: DEFAULT_SPEED,
            looping: false,
            pending_days: 0.0,
        }
    }
}

impl TimelinePlayer {
    /// The keys: Space plays or pauses, `,` and `.` step a day. Ignored while a text
    /// field has the keyboard (the search box takes commas and spaces).
    pub fn keys(
        &mut self,
        ctx: &egui::Context,
        timeline: &Timeline,
        shown: NaiveDate,
    ) -> Option<NaiveDate> {
        if ctx.egui_wants_keyboard_input() {
            return None;
        }
        // Counted, not just noticed: quick presses between two frames all step.
        let (space, back, forward) = ctx.input(|i| {
            (
                i.num_presses(Key::Space),
                i.num_presses(Key::Comma),
                i.num_presses(Key::Period),
            )
        });
        if space % 2 == 1 {
            return self.toggle(timeline, shown);
        }
        let offset = forward as i64 - back as i64;
        if back + forward == 0 {
            return None;
        }
        self.playing = false;
        Some(step(timeline, shown, offset))
    }

    /// While playing, the day the time since the last frame brings; asks for the
    /// next frame.
    pub fn advance(
        &mut self,
        ctx: &egui::Context,
        timeline: &Timeline,
        shown: NaiveDate,
    ) -> Option<NaiveDate> {
        if !self.playing {
            return None;
        }
        ctx.request_repaint();
        let seconds = ctx.input(|i| i.stable_dt).clamp(0.0, MAX_FRAME_SECONDS);
        self.pending_days += seconds * self.days_per_second;
        let whole = self.pending_days.floor();
        if whole < 1.0 {
            return None;
        }
        self.pending_days -= whole;
        let offset = timeline.offset_of(shown).saturating_add(whole as u32);
        if offset < timeline.day_count() {
            return Some(timeline.day_at(offset));
        }
        if self.looping {
            return Some(timeline.first);
        }
        self.playing = false;
        Some(timeline.last)
    }

    /// How far through the day shown playing has come (0 to 1), which is how much of
    /// the day's arriving arcs is drawn; 1 when not playing.
    pub fn growth(&self) -> f32 {
        match self.playing {
            true => self.pending_days.clamp(0.0, 1.0),
            false => 1.0,
        }
    }

    /// Play or pause; Play at the last day starts again from the first.
    fn toggle(&mut self, timeline: &Timeline, shown: NaiveDate) -> Option<NaiveDate> {
        self.playing = !self.playing;
        self.pending_days = 0.0;
        (self.playing && shown >= timeline.last).then_some(timeline.first)
    }

    /// The timeline's row: returns the day the user chose, if they chose one.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        timeline: &Timeline,
        shown: NaiveDate,
    ) -> Option<NaiveDate> {
        let mut chosen = None;
        ui.horizontal(|ui| {
            let play_label = if self.playing { "Pause" } else { "Play" };
            // One width for both labels, so nothing after the button moves.
            let size = [PLAY_WIDTH, ui.spacing().interact_size.y];
            if ui
                .add_sized(size, egui::Button::new(play_label))
                .on_hover_text("Play or pause the days (Space)")
                .clicked()
            {
                chosen = self.toggle(timeline, shown);
            }
            if ui.button("◀").on_hover_text("A day back (,)").clicked() {
                self.playing = false;
                chosen = Some(step(timeline, shown, -1));
            }
            if ui.button("▶").on_hover_text("A day forward (.)").clicked() {
                self.playing = false;
                chosen = Some(step(timeline, shown, 1));
            }
            // A fixed width, so the slider does not shift as the date's length changes.
            ui.add_sized(
                [DATE_WIDTH, ui.spacing().interact_size.y],
                egui::Label::new(egui::RichText::new(long_date(shown)).strong()),
            )
            .on_hover_text("The day the map shows: the teams that had arrived by its end");
            // Right-to-left: the speed and loop at the far end, the slider fills the rest.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.checkbox(&mut self.looping, "Loop");
                let unit = if self.days_per_second == 1.0 {
                    " day/s"
                } else {
                    " days/s"
                };
                ui.add(
                    egui::DragValue::new(&mut self.days_per_second)
                        .range(0.5..=30.0)
                        .speed(0.1)
                        .suffix(unit),
                )
                .on_hover_text("Playing speed, in days per second");
                ui.label("Speed");
                if let Some(day) = self.slider(ui, timeline, shown) {
                    self.playing = false;
                    chosen = Some(day);
                }
            });
        });
        chosen
    }

    /// The day slider with a tick under each arrival day.
    fn slider(
        &mut self,
        ui: &mut egui::Ui,
        timeline: &Timeline,
        shown: NaiveDate,
    ) -> Option<NaiveDate> {
        let last = timeline.day_count() - 1;
        let mut offset = timeline.offset_of(shown);
        ui.spacing_mut().slider_width = (ui.available_width() - 8.0).max(80.0);
        let response = ui.add(
            egui::Slider::new(&mut offset, 0..=last)
                .show_value(false)
                .text(""),
        );
        let response = response.on_hover_text(format!(
            "{} to {}; a tick marks each day a team arrived",
            long_date(timeline.first),
            long_date(timeline.last)
        ));
        response.widget_info(|| {
            egui::WidgetInfo::slider(
                true,
                f64::from(offset),
                format!("Day: {}", long_date(shown)),
            )
        });
        let rail = response.rect;
        let radius = rail.height() / 2.5;
        let (left, right) = (rail.left() + radius, rail.right() - radius);
        let color = ui.visuals().weak_text_color();
        for &day in &timeline.arrival_days {
            let t = timeline.offset_of(day) as f32 / last.max(1) as f32;
            let x = left + t * (right - left);
            ui.painter().line_segment(
                [
                    pos2(x, rail.center().y + 3.0),
                    pos2(x, rail.center().y + 3.0 + TICK_LENGTH),
                ],
                Stroke::new(1.5, color),
            );
        }
        response.changed().then(|| timeline.day_at(offset))
    }
}

/// `shown` moved `days` days, within the timeline.
fn step(timeline: &Timeline, shown: NaiveDate, days: i64) -> NaiveDate {
    let offset = i64::from(timeline.offset_of(shown)) + days;
    let last = i64::from(timeline.day_count()) - 1;
    timeline.day_at(offset.clamp(0, last) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_grow_with_the_part_of_the_day_played_and_are_whole_when_paused() {
        let mut player = TimelinePlayer {
            playing: true,
            pending_days: 0.25,
            ..TimelinePlayer::default()
        };
        assert_eq!(player.growth(), 0.25);
        player.playing = false;
        assert_eq!(player.growth(), 1.0);
    }
}
