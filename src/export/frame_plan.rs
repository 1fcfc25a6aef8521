//! The frames of an animation, planned before any is drawn (an APNG names its frame
//! count first): a frame a day (or a step of days), and, on a day a team arrives
//! where arcs are drawn, its arc growing from the sender in [`GROW_STEPS`] frames that
//! share the day's time on screen, so the animation lasts as long either way.

use chrono::NaiveDate;

use crate::export::ExportRequest;
use crate::scene::MapModel;

/// Frames an arrival's arc takes to grow, the last showing it whole, at most.
pub const GROW_STEPS: usize = 4;
/// The shortest time a growth frame is shown, in seconds: browsers show GIF frames of
/// less than two hundredths for a tenth, which would slow the animation down. At high
/// `--fps` arcs grow in fewer frames, or appear whole.
const MIN_GROW_FRAME: f32 = 0.04;

/// How many frames an arrival's arc grows in at the `request`'s frame rate: up to
/// [`GROW_STEPS`], each shown at least [`MIN_GROW_FRAME`].
pub fn grow_steps(request: &ExportRequest) -> usize {
    let step = 1.0 / request.frames.fps();
    ((step / MIN_GROW_FRAME).floor() as usize).clamp(1, GROW_STEPS)
}

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
    let frames = plan_with(model, request, days, grow_steps(request));
    // Growing arcs never take an animation past the frame limit: they appear whole.
    match frames.len() > crate::export::frames::MAX_FRAMES {
        true => plan_with(model, request, days, 1),
        false => frames,
    }
}

/// [`plan`], with arcs growing in `grow_steps` frames.
fn plan_with(
    model: &mut MapModel,
    request: &ExportRequest,
    days: &[NaiveDate],
    grow_steps: usize,
) -> Vec<PlannedFrame> {
    let step = 1.0 / request.frames.fps();
    let mut frames = Vec::with_capacity(days.len());
    let mut note_lines = 0;
    let frame_rect =
        egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(request.width, request.height));
    let layout = crate::scene::layout::Layout::new(frame_rect);
    for (k, &day) in days.iter().enumerate() {
        // The news of a frame: every arrival since the frame before.
        let news_from = match k {
            0 => day,
            _ => days[k - 1].succ_opt().unwrap_or(day),
        };
        model.set_day_with_news(Some(day), Some(news_from));
        let lines = layout.footer_note_lines(model).len();
        note_lines = note_lines.max(lines);
        let grows = model.show_flows && model.flows.arcs.iter().any(|f| model.is_news(f));
        let steps = if grows { grow_steps } else { 1 };
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
    model.note_lines_kept = note_lines;
    frames
}

/// How many frames of its own a video needs for each day of `frames`: as many as an
/// arc grows in (1 where none grows).
pub fn video_frames_per_day(frames: &[PlannedFrame]) -> usize {
    frames
        .iter()
        .map(|f| (1.0 / f.growth.max(1e-3)).round() as usize)
        .max()
        .unwrap_or(1)
}
