//! Exporting from the window: "Export as PNG…" (menu, toolbar, Ctrl+S) saves what the
//! map area shows as PNG at the window's physical resolution, "Export as SVG…" and
//! "Export as PDF…" as vector pictures of the same size in points; Ctrl+Shift+C copies
//! the PNG to the clipboard. The picture is drawn from the scene, not captured from the
//! screen, so hover and tooltips stay out; the selected country's card goes in only
//! when the user asked for it. Saving
//! goes through a save dialog where one is available; otherwise to the Pictures folder
//! (or the current one), and a toast says where. Errors are toasts; the map stays.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Align2, Id, Order, Rect, vec2};

use crate::export::file::write_atomically;
use crate::export::offscreen::{Picture, render};
use crate::export::png_file::encode_png;
use crate::export::{ExportError, Format, pdf, svg};
use crate::scene::{MapModel, MapView};
use crate::ui::files::dialog_available;

/// What the map shows when an export starts.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// Pan and zoom.
    pub view: MapView,
    /// The selected country.
    pub selected: Option<usize>,
    /// Whether its pop-up is open.
    pub popup_open: bool,
}

/// Where the picture goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A file in this format.
    File(Format),
    /// The clipboard (as a picture).
    Clipboard,
}

/// A message shown for a few seconds in the corner of the window.
#[derive(Debug, Clone)]
pub struct Toast {
    /// What happened.
    pub text: String,
    /// True for failures.
    pub error: bool,
    until: f64,
}

/// The window's exports in progress and their toasts.
pub struct WindowExport {
    /// Include an open pop-up in exported pictures.
    pub include_popup: bool,
    /// Export pictures without a background (PNG, SVG, PDF, and the clipboard).
    pub transparent: bool,
    /// Save here without a dialog (tests, and users who set a folder).
    pub folder: Option<PathBuf>,
    /// Messages on screen.
    pub toasts: Vec<Toast>,
    pending: Option<ExportKind>,
    results: (Sender<SaveResult>, Receiver<SaveResult>),
}

impl Default for WindowExport {
    fn default() -> Self {
        WindowExport {
            include_popup: false,
            transparent: false,
            folder: None,
            toasts: Vec::new(),
            pending: None,
            results: channel(),
        }
    }
}

/// What a save on the dialog's thread reports: the message, and whether it failed.
type SaveResult = (String, bool);

/// From the window's bottom edge to a toast's, in points: clear of the timeline.
const TOAST_LIFT: f32 = 56.0;
/// How long a toast stays, in seconds.
const TOAST_SECONDS: f64 = 6.0;

impl WindowExport {
    /// Exports that save to `folder` without a dialog (`None`: ask where).
    pub fn saving_to(folder: Option<PathBuf>) -> Self {
        WindowExport {
            folder,
            ..WindowExport::default()
        }
    }

    /// Show `text` in the corner for a few seconds (`error` in the error colour).
    pub fn toast(&mut self, ctx: &egui::Context, text: String, error: bool) {
        let now = ctx.input(|i| i.time);
        self.toasts.push(Toast {
            text,
            error,
            until: now + TOAST_SECONDS,
        });
    }

    /// Start an export; it is drawn at the end of this frame.
    pub fn start(&mut self, kind: ExportKind) {
        self.pending = Some(kind);
    }

    /// Call at the end of every frame with the rect the map scene was painted in and
    /// what it shows. An export is drawn from the scene (as `aidmap export` draws it),
    /// never captured from the screen, so the pointer's hover outline and tooltip, and
    /// the pop-up's controls, never reach the picture.
    pub fn step(
        &mut self,
        ctx: &egui::Context,
        scene_rect: Option<Rect>,
        model: &MapModel,
        shown: &Shown,
    ) {
        let now = ctx.input(|i| i.time);
        if let (Some(kind), Some(picture)) =
            (self.pending.take(), self.picture(ctx, scene_rect, shown))
        {
            match kind {
                ExportKind::Clipboard => match render(model, &picture) {
                    Ok(image) => {
                        ctx.copy_image(image);
                        self.toast(ctx, "Copied the map to the clipboard".into(), false);
                    }
                    Err(message) => self.toast(ctx, format!("Export failed: {message}"), true),
                },
                ExportKind::File(format) => match encode(model, &picture, format) {
                    Ok(bytes) => self.save_file(ctx, model, format, bytes),
                    Err(message) => self.toast(ctx, format!("Export failed: {message}"), true),
                },
            }
        }
        for (text, error) in self.results.1.try_iter() {
            self.toasts.push(Toast {
                text,
                error,
                until: now + TOAST_SECONDS,
            });
        }
        self.toasts.retain(|t| t.until > now);
        if !self.toasts.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
        self.show_toasts(ctx);
    }

    /// The picture of what the map shows in `scene_rect`, at the screen's resolution.
    pub fn picture(
        &self,
        ctx: &egui::Context,
        scene_rect: Option<Rect>,
        shown: &Shown,
    ) -> Option<Picture> {
        Some(Picture {
            size: scene_rect?.size(),
            scale: ctx.pixels_per_point(),
            view: shown.view,
            dark: ctx.global_style().visuals.dark_mode,
            selected: shown.selected,
            popup: self.include_popup && shown.popup_open && shown.selected.is_some(),
            transparent: self.transparent,
        })
    }

    /// Save the data table's CSV `bytes` as `name`: to the folder set, or where the
    /// user chooses.
    pub fn save_data(&mut self, ctx: &egui::Context, name: String, bytes: Vec<u8>) {
        self.save_named(ctx, name, ("CSV", "csv"), bytes);
    }

    /// Save `bytes` to the folder set, or where the user chooses.
    fn save_file(&mut self, ctx: &egui::Context, model: &MapModel, format: Format, bytes: Vec<u8>) {
        let name = default_file_name(model, format);
        self.save_named(ctx, name, (format.name(), format.extension()), bytes);
    }

    /// Save `bytes` as `name` of `kind` (its name and extension, for the dialog): to
    /// the folder set, to the fallback folder where no dialog can open, else where the
    /// user chooses.
    fn save_named(
        &mut self,
        ctx: &egui::Context,
        name: String,
        kind: (&'static str, &'static str),
        bytes: Vec<u8>,
    ) {
        if let Some(folder) = self
            .folder
            .clone()
            .or_else(|| (!dialog_available()).then(fallback_folder))
        {
            let (message, failed) = save(&free_path(&folder, &name), &bytes);
            self.toast(ctx, message, failed);
        } else {
            save_with_dialog(name, kind, bytes, self.results.0.clone(), ctx.clone());
        }
    }

    fn show_toasts(&self, ctx: &egui::Context) {
        if self.toasts.is_empty() {
            return;
        }
        egui::Area::new(Id::unique("export toasts"))
            .order(Order::Tooltip)
            // Above the timeline, whose controls it would cover.
            .anchor(Align2::RIGHT_BOTTOM, vec2(-16.0, -TOAST_LIFT))
            .interactable(false)
            .show(ctx, |ui| {
                for toast in &self.toasts {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        let color = if toast.error {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.colored_label(color, &toast.text);
                    });
                }
            });
    }
}

/// The file of `picture` in `format`: the PNG at the window's resolution, or the
/// vector picture at its size in points.
fn encode(model: &MapModel, picture: &Picture, format: Format) -> Result<Vec<u8>, ExportError> {
    let options = svg::SvgOptions {
        dark: picture.dark,
        selected: picture.selected,
        popup: picture.popup,
        transparent: picture.transparent,
    };
    match format {
        Format::Png => encode_png(&render(model, picture)?, &crate::export::metadata(model)),
        Format::Svg => Ok(svg::render(model, &picture.view, picture.size, &options).into_bytes()),
        Format::Pdf => pdf::from_svg(
            &svg::render(model, &picture.view, picture.size, &options),
            &crate::export::pdf_info(model),
        ),
        Format::Gif | Format::Apng | Format::Mp4 => Err(ExportError::Request(
            "an animation is exported with File → Export animation…".to_string(),
        )),
    }
}

/// "aidmap-20200409-map.png": the data's date (or today's) in the name.
pub fn default_file_name(model: &MapModel, format: Format) -> String {
    let date = model
        .shown_day()
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    format!(
        "aidmap-{}-map.{}",
        date.format("%Y%m%d"),
        format.extension()
    )
}

/// Write `bytes` to `path`; the message for the toast and whether it failed.
fn save(path: &Path, bytes: &[u8]) -> SaveResult {
    match write_atomically(path, bytes) {
        Ok(()) => {
            // The whole path: "Saved ./map.png" does not say which folder "." was.
            let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            (format!("Saved {}", shown.display()), false)
        }
        Err(message) => (format!("Export failed: {message}"), true),
    }
}

/// Ask where to save (on a thread: the dialog blocks), then write there.
#[cfg(feature = "gui")]
fn save_with_dialog(
    name: String,
    (kind, extension): (&'static str, &'static str),
    bytes: Vec<u8>,
    results: Sender<SaveResult>,
    repaint: egui::Context,
) {
    std::thread::spawn(move || {
        let chosen = rfd::FileDialog::new()
            .set_title(format!("Export as {kind}"))
            .set_file_name(&name)
            .add_filter(kind, &[extension])
            .save_file();
        if let Some(path) = chosen {
            let _ = results.send(save(&path, &bytes));
            repaint.request_repaint();
        }
    });
}

/// Without the GUI feature there is no dialog: save to the fallback folder.
#[cfg(not(feature = "gui"))]
fn save_with_dialog(
    name: String,
    _kind: (&'static str, &'static str),
    bytes: Vec<u8>,
    results: Sender<SaveResult>,
    repaint: egui::Context,
) {
    let _ = results.send(save(&free_path(&fallback_folder(), &name), &bytes));
    repaint.request_repaint();
}

/// The user's Pictures folder, else the current folder.
pub(crate) fn fallback_folder() -> PathBuf {
    dirs::picture_dir()
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `folder/name`, or `name-2.png`, `name-3.png`, … if it exists: a fallback save never
/// overwrites an earlier export.
pub(crate) fn free_path(folder: &Path, name: &str) -> PathBuf {
    let first = folder.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..1000)
        .map(|n| folder.join(format!("{stem}-{n}.{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
