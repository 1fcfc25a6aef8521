//! The frames of an animation, planned before any is drawn (an APNG names its frame
//! count first): a frame a day (or a step of days), and, on a day a team arrives
//! where arcs are drawn, its arc growing from the sender in [`GROW_STEPS`] frames that
//! share the day's time on screen, so the animation lasts as long either way.

use chrono::NaiveDate;

use crate::export::ExportRequest;
use crate::scene::MapModel;

/// Frames an arrival's arc takes to grow, the last showing it whole.
pub const GROW_STEPS: usize = 4;

/// One frame to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedFrame {
    /// The day it shows.
    pub day: NaiveDate,
    /// The first day whose arrivals are news in it.
    pub news_from: NaiveDate,
    /// How much of the news arcs is drawn (1: whole).
    pub growth: f32,
    /// Seconds on screen.
    pub delay: f32,
}

/// The frames of the animation of `days` that `request` asks for, in order. `model`
/// is moved through the days to see which bring arcs, and left on the last; where
/// some day has a note under the map, every frame keeps its line.
pub fn plan(
    model: &mut MapModel,
    request: &ExportRequest,
    days: &[NaiveDate],
) -> Vec<PlannedFrame> {
    let step = 1.0 / request.frames.fps();
    let mut frames = Vec::with_capacity(days.len());
    let mut some_note = false;
    for (k, &day) in days.iter().enumerate() {
        // The news of a frame: every arrival since the frame before.
        let news_from = match k {
            0 => day,
            _ => days[k - 1].succ_opt().unwrap_or(day),
        };
        model.set_day_with_news(Some(day), Some(news_from));
        some_note |= crate::scene::text::not_shown_note(model).is_some();
        let grows = model.show_flows && model.flows.arcs.iter().any(|f| model.is_news(f));
        let steps = if grows { GROW_STEPS } else { 1 };
        for s in 1..=steps {
            frames.push(PlannedFrame {
                day,
                news_from,
                growth: s as f32 / steps as f32,
                delay: step / steps as f32,
            });
        }
    }
    if let Some(last) = frames.last_mut() {
        last.delay += request.frames.hold();
    }
    model.note_line_kept = some_note;
    frames
}

/// True when some frame of `frames` shows an arc growing: a video needs
/// [`GROW_STEPS`] frames of its own for each frame of a day.
pub fn has_growth(frames: &[PlannedFrame]) -> bool {
    frames.iter().any(|f| f.growth < 1.0)
}
