//! File → Export animation…: a small window to choose the format (GIF, animated PNG,
//! MP4 where ffmpeg is installed), the days and the timing; then the frames are drawn
//! on a thread of their own, with a progress bar and Cancel, while the map stays
//! usable. What is exported is what the map shows (its size, view, theme, selection),
//! day after day, through the same code as `aidmap export --out x.gif`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use crate::data::Timeline;
use crate::export::animation::export_animation;
use crate::export::frames::{DEFAULT_FPS, DEFAULT_HOLD};
use crate::export::offscreen::Picture;
use crate::export::{ExportError, ExportRequest, Format, FrameOptions};
use crate::scene::MapModel;
use crate::scene::text::long_date;
use crate::ui::export::{fallback_folder, free_path};
use crate::ui::files::dialog_available;

/// The choices in the window, kept while the app runs.
#[derive(Debug, Clone, PartialEq)]
pub struct AnimationChoices {
    /// GIF, APNG or MP4.
    pub format: Format,
    /// The first day, as days after the timeline's first.
    pub from: u32,
    /// The last day, as days after the timeline's first (`None`: the last).
    pub to: Option<u32>,
    /// Days from one frame to the next.
    pub step_days: u32,
    /// Frames per second.
    pub fps: f32,
    /// Seconds on the last frame.
    pub hold: f32,
}

impl Default for AnimationChoices {
    fn default() -> Self {
        AnimationChoices {
            format: Format::Gif,
            from: 0,
            to: None,
            step_days: 1,
            fps: DEFAULT_FPS,
            hold: DEFAULT_HOLD,
        }
    }
}

/// An animation being written on its thread.
struct Job {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: Receiver<(String, bool)>,
}

/// The window, its choices and the export running, if one is.
#[derive(Default)]
pub struct AnimationExport {
    /// The window is open.
    pub open: bool,
    /// What the user chose.
    pub choices: AnimationChoices,
    job: Option<Job>,
}

impl AnimationExport {
    /// True while frames are being drawn.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// The window (when open) and the running job; returns a finished job's message
    /// for a toast, and whether it failed. `picture` is what the map shows now.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        model: &MapModel,
        picture: Option<Picture>,
        folder: Option<PathBuf>,
    ) -> Option<(String, bool)> {
        let finished = self.finished(ctx);
        let Some(timeline) = model.timeline.clone() else {
            self.open = false;
            return finished;
        };
        let mut open = self.open;
        let mut start = false;
        egui::Window::new("Export animation")
            .open(&mut open)
            // Over the map, clear of the menus and the Recipients list.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| match &self.job {
                Some(job) => progress_ui(ui, job),
                None => start = choices_ui(ui, &mut self.choices, &timeline),
            });
        self.open = open || self.job.is_some();
        if start && let Some(picture) = picture {
            self.start(ctx, model, picture, &timeline, folder);
        }
        finished
    }

    /// Start writing the animation on a thread: ask where first (unless `folder`).
    fn start(
        &mut self,
        ctx: &egui::Context,
        model: &MapModel,
        picture: Picture,
        timeline: &Timeline,
        folder: Option<PathBuf>,
    ) {
        let format = self.choices.format;
        let frames = frame_options(&self.choices, timeline);
        let day = |d: Option<chrono::NaiveDate>| {
            d.map_or(String::new(), |d| d.format("%Y%m%d").to_string())
        };
        let name = format!(
            "aidmap-{}-{}.{}",
            day(frames.from),
            day(frames.to),
            format.extension()
        );
        let shown = WindowChoices::of(model);
        let (sender, result) = channel();
        let job = Job {
            done: Arc::new(AtomicUsize::new(0)),
            total: Arc::new(AtomicUsize::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
            result,
        };
        let (done, total, cancel) = (job.done.clone(), job.total.clone(), job.cancel.clone());
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let Some(out) = choose_path(folder, &name, format) else {
                let _ = sender.send(("Export cancelled".to_string(), false));
                repaint.request_repaint();
                return;
            };
            let request = animation_request(out.clone(), &picture, &shown, frames);
            let mut model = shown.model();
            let mut progress = |k: usize, n: usize| {
                done.store(k, Ordering::Relaxed);
                total.store(n, Ordering::Relaxed);
                repaint.request_repaint();
                !cancel.load(Ordering::Relaxed)
            };
            let result = export_animation(&mut model, &request, format, &picture, &mut progress);
            let _ = sender.send(outcome_message(result, out));
            repaint.request_repaint();
        });
        self.job = Some(job);
    }

    /// The message of a job that has ended, if one has.
    fn finished(&mut self, ctx: &egui::Context) -> Option<(String, bool)> {
        let message = self.job.as_ref()?.result.try_recv().ok()?;
        self.job = None;
        ctx.request_repaint();
        Some(message)
    }
}

/// The days and timing chosen, as `aidmap export` takes them.
fn frame_options(choices: &AnimationChoices, timeline: &Timeline) -> FrameOptions {
    let last = timeline.day_count() - 1;
    FrameOptions {
        from: Some(timeline.day_at(choices.from.min(last))),
        to: Some(timeline.day_at(choices.to.unwrap_or(last).min(last))),
        step_days: Some(choices.step_days),
        fps: Some(choices.fps),
        hold: Some(choices.hold),
    }
}

/// What the frames show of the window, taken to the export's thread: its data (every
/// team: the frames choose the days), donor, arcs and their widths, captions,
/// palette, labels and what the fills stand for.
struct WindowChoices {
    outlines: crate::data::Outlines,
    aid: crate::data::AidDataset,
    projection: crate::geometry::projection::Projection,
    natural_earth: bool,
    show_flows: bool,
    donor: Option<usize>,
    flow_width: crate::scene::arcs::FlowWidth,
    captions: crate::scene::captions::Captions,
    palette: crate::scene::palette::Palette,
    labels: crate::scene::label_choice::LabelChoice,
    value: crate::scene::fill_value::FillValue,
}

impl WindowChoices {
    /// The choices `model` shows.
    fn of(model: &MapModel) -> WindowChoices {
        WindowChoices {
            outlines: model.outlines.clone(),
            aid: model.full.clone(),
            projection: model.projected.projection,
            natural_earth: model.natural_earth,
            show_flows: model.show_flows,
            donor: model.donor,
            flow_width: model.flow_width,
            captions: model.captions.clone(),
            palette: model.palette,
            labels: model.labels,
            value: model.value,
        }
    }

    /// A model of the frames' own that shows the same.
    fn model(self) -> MapModel {
        let mut model = MapModel::new(self.outlines, self.aid, self.projection, self.natural_earth);
        model.set_donor(self.donor);
        model.flow_width = self.flow_width;
        model.captions = self.captions;
        model.set_palette(self.palette);
        model.labels = self.labels;
        model.set_value(self.value);
        model
    }
}

/// The request for an animation of `picture` to `out`: the model it is drawn from
/// carries the window's choices, so none is asked again here.
fn animation_request(
    out: PathBuf,
    picture: &Picture,
    shown: &WindowChoices,
    frames: FrameOptions,
) -> ExportRequest {
    ExportRequest {
        out,
        width: picture.size.x,
        height: picture.size.y,
        scale: Some(picture.scale),
        projection: shown.projection,
        dark: picture.dark,
        select: None,
        popup: picture.popup,
        date: None,
        flows: Some(shown.show_flows),
        flow_width: None,
        donor: None,
        captions: Default::default(),
        palette: None,
        labels: None,
        value: None,
        transparent: false,
        frames,
    }
}

/// The toast for an export's end: where it was saved, that it was cancelled, or why
/// it failed (the flag: an error).
fn outcome_message(result: Result<(), ExportError>, out: PathBuf) -> (String, bool) {
    match result {
        Ok(()) => {
            let shown = std::fs::canonicalize(&out).unwrap_or(out);
            (format!("Saved {}", shown.display()), false)
        }
        Err(ExportError::Cancelled) => ("Export cancelled: nothing was written".into(), false),
        Err(err) => (format!("Export failed: {err}"), true),
    }
}

/// Where to write: `folder` (tests, no dialog available), or the user's choice.
fn choose_path(folder: Option<PathBuf>, name: &str, format: Format) -> Option<PathBuf> {
    if let Some(folder) = folder.or_else(|| (!dialog_available()).then(fallback_folder)) {
        return Some(free_path(&folder, name));
    }
    save_dialog(name, format)
}

#[cfg(feature = "gui")]
fn save_dialog(name: &str, format: Format) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title(format!("Export the animation as {}", format.name()))
        .set_file_name(name)
        .add_filter(format.name(), &[format.extension()])
        .save_file()
}

#[cfg(not(feature = "gui"))]
fn save_dialog(name: &str, _format: Format) -> Option<PathBuf> {
    Some(free_path(&fallback_folder(), name))
}

/// The choices; true when the user pressed Save.
fn choices_ui(ui: &mut egui::Ui, choices: &mut AnimationChoices, timeline: &Timeline) -> bool {
    let ffmpeg = ffmpeg_on_path();
    ui.horizontal(|ui| {
        ui.label("Format");
        ui.radio_value(&mut choices.format, Format::Gif, "GIF");
        ui.radio_value(&mut choices.format, Format::Apng, "Animated PNG");
        ui.add_enabled_ui(ffmpeg, |ui| {
            ui.radio_value(&mut choices.format, Format::Mp4, "MP4")
                .on_disabled_hover_text("MP4 needs ffmpeg, and there is none on PATH");
        });
    });
    if choices.format == Format::Mp4 && !ffmpeg {
        choices.format = Format::Gif;
    }
    let last = timeline.day_count() - 1;
    let mut to = choices.to.unwrap_or(last).min(last);
    egui::Grid::new("animation choices")
        .num_columns(2)
        .show(ui, |ui| {
            day_slider(ui, "From", &mut choices.from, last, timeline);
            day_slider(ui, "To", &mut to, last, timeline);
            let unit = if choices.step_days == 1 {
                " day"
            } else {
                " days"
            };
            let step = egui::DragValue::new(&mut choices.step_days)
                .range(1..=365)
                .suffix(unit);
            labelled_row(ui, "A frame every", step);
            let fps = egui::DragValue::new(&mut choices.fps)
                .range(0.5..=30.0)
                .speed(0.1);
            labelled_row(ui, "Frames per second", fps);
            let hold = egui::DragValue::new(&mut choices.hold)
                .range(0.0..=30.0)
                .speed(0.1)
                .suffix(" s");
            labelled_row(ui, "Last frame stays", hold);
        });
    choices.from = choices.from.min(to);
    choices.to = Some(to);
    // Counted as the export will count them (the last day is always a frame).
    let frames = frame_options(choices, timeline)
        .days(Some(timeline))
        .map_or(0, |days| days.len());
    ui.label(format!(
        "{frames} {} of the map as it is shown now: its size, view, theme and selection.",
        if frames == 1 { "frame" } else { "frames" }
    ));
    ui.button("Save animation…").clicked()
}

fn day_slider(ui: &mut egui::Ui, label: &str, offset: &mut u32, last: u32, timeline: &Timeline) {
    let day = long_date(timeline.day_at(*offset));
    labelled_row(
        ui,
        label,
        egui::Slider::new(offset, 0..=last)
            .show_value(false)
            .text(day),
    );
}

/// A grid row: `label`, then `widget`, named by the label for screen readers.
fn labelled_row(ui: &mut egui::Ui, label: &str, widget: impl egui::Widget) {
    let label = ui.label(label);
    ui.add(widget).labelled_by(label.id);
    ui.end_row();
}

/// The progress bar and Cancel.
fn progress_ui(ui: &mut egui::Ui, job: &Job) {
    let (done, total) = (
        job.done.load(Ordering::Relaxed),
        job.total.load(Ordering::Relaxed),
    );
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .text(format!("Frame {done} of {total}"))
            .desired_width(320.0),
    );
    if ui.button("Cancel").clicked() {
        job.cancel.store(true, Ordering::Relaxed);
    }
}

/// True when an `ffmpeg` program is in one of PATH's folders (looked up once).
fn ffmpeg_on_path() -> bool {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FOUND.get_or_init(|| {
        std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("ffmpeg").is_file())
        })
    })
}
