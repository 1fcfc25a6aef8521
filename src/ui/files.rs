//! Opening the user's files: the File menu's dialogs (rfd, run on a thread so the
//! window keeps drawing), files dropped on the window, and building a new map model
//! from them on a worker thread, so a large file never freezes the window. A failed
//! load, even a panic in it, returns an error and leaves the current map alone.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::data::{AidDataset, Limits, Outlines, load_outlines_within};
use crate::error::LoadError;
use crate::geometry::projection::Projection;
use crate::scene::MapModel;

/// Which kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Country outlines (GeoJSON, TopoJSON, shapefile).
    Outlines,
    /// Aid data (JSON, CSV).
    Data,
}

/// A file being loaded on a worker thread.
struct Loading {
    kind: FileKind,
    path: PathBuf,
    file: String,
    result: Receiver<Result<MapModel, String>>,
}

/// Files chosen in dialogs or dropped, waiting to be loaded, and the one loading.
pub struct FileLoader {
    sender: Sender<(FileKind, PathBuf)>,
    receiver: Receiver<(FileKind, PathBuf)>,
    loading: Option<Loading>,
    /// Limits for outline files.
    pub limits: Limits,
    /// Whether a file dialog can open: `None` asks the system (see
    /// [`dialog_available`]); tests set it.
    pub dialogs: Option<bool>,
}

impl Default for FileLoader {
    fn default() -> Self {
        let (sender, receiver) = channel();
        FileLoader {
            sender,
            receiver,
            loading: None,
            limits: Limits::default(),
            dialogs: None,
        }
    }
}

impl FileLoader {
    /// A loader that refuses outline files beyond `limits`.
    pub fn with_limits(limits: Limits) -> Self {
        FileLoader {
            limits,
            ..FileLoader::default()
        }
    }

    /// Open a file dialog for `kind` on its own thread, or say why none can open and
    /// what to do instead.
    pub fn open_dialog(&self, kind: FileKind, ctx: &egui::Context) -> Result<(), String> {
        if !self.dialogs.unwrap_or_else(dialog_available) {
            let option = match kind {
                FileKind::Outlines => "--countries FILE",
                FileKind::Data => "--data FILE",
            };
            return Err(format!(
                "No file dialog can open here (it needs a desktop portal or zenity). \
                 Drop the file on the window, or start aidmap with {option}."
            ));
        }
        spawn_dialog(kind, self.sender.clone(), ctx.clone());
        Ok(())
    }

    /// Queue the files dropped on the window this frame.
    pub fn take_dropped(&self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in dropped {
            self.queue(kind_of(&path), path);
            ctx.request_repaint();
        }
    }

    /// Start loading the next waiting file on a worker thread, if none is loading.
    pub fn start_next(&mut self, current: &MapModel, ctx: &egui::Context) {
        if self.loading.is_some() {
            return;
        }
        let Ok((kind, path)) = self.receiver.try_recv() else {
            return;
        };
        let (sender, result) = channel();
        let inputs = (current.outlines.clone(), current.aid.clone());
        let projection = current.projected.projection;
        let natural_earth = current.natural_earth;
        let limits = self.limits;
        let file = path.display().to_string();
        let opened = path.clone();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let shown = path.display().to_string();
            let built = std::panic::catch_unwind(move || {
                load_into(kind, &path, inputs, projection, natural_earth, limits)
                    .map_err(|err| err.to_string())
            })
            .unwrap_or_else(|panic| {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(format!(
                    "{shown}: aidmap failed inside while loading it ({what}); the map is unchanged"
                ))
            });
            let _ = sender.send(built);
            repaint.request_repaint();
        });
        self.loading = Some(Loading {
            kind,
            path: opened,
            file,
            result,
        });
    }

    /// The file that finished loading (its kind and path) and its model or error, if
    /// one did.
    pub fn finished(&mut self) -> Option<(FileKind, PathBuf, Result<MapModel, String>)> {
        let loading = self.loading.as_ref()?;
        let result = match loading.result.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the loading thread stopped without an answer".to_string())
            }
        };
        let loading = self.loading.take()?;
        Some((loading.kind, loading.path, result))
    }

    /// The file being loaded, if any.
    pub fn loading_file(&self) -> Option<&str> {
        self.loading.as_ref().map(|l| l.file.as_str())
    }

    /// Queue `path` for loading as `kind`.
    pub fn queue(&self, kind: FileKind, path: PathBuf) {
        let _ = self.sender.send((kind, path));
    }
}

/// Guess what a dropped file is: CSV is data; a shapefile (`.shp`, or the `.zip` it
/// is downloaded as) is outlines; JSON whose top-level type is a GeoJSON or TopoJSON
/// type is outlines; other JSON is data.
pub fn kind_of(path: &Path) -> FileKind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv") => FileKind::Data,
        Some("geojson") | Some("topojson") | Some("shp") | Some("zip") => FileKind::Outlines,
        _ => {
            let head = std::fs::read(path)
                .map(|b| b.into_iter().take(4096).collect::<Vec<u8>>())
                .unwrap_or_default();
            let head = String::from_utf8_lossy(&head);
            let outline_types = [
                "\"Topology\"",
                "\"FeatureCollection\"",
                "\"Feature\"",
                "\"GeometryCollection\"",
            ];
            if outline_types.iter().any(|t| head.contains(t)) {
                FileKind::Outlines
            } else {
                FileKind::Data
            }
        }
    }
}

/// A new model with `path` replacing the outlines or the data of `current`.
pub fn load(
    kind: FileKind,
    path: &Path,
    current: &MapModel,
    limits: Limits,
) -> Result<MapModel, LoadError> {
    let inputs = (current.outlines.clone(), current.aid.clone());
    load_into(
        kind,
        path,
        inputs,
        current.projected.projection,
        current.natural_earth,
        limits,
    )
}

/// A new model from `path` and whichever of `inputs` (outlines, data) it does not replace.
fn load_into(
    kind: FileKind,
    path: &Path,
    (outlines, aid): (Outlines, AidDataset),
    projection: Projection,
    natural_earth: bool,
    limits: Limits,
) -> Result<MapModel, LoadError> {
    Ok(match kind {
        FileKind::Outlines => {
            let outlines = load_outlines_within(path, None, limits)?;
            MapModel::new(outlines, aid, projection, false)
        }
        FileKind::Data => MapModel::new(
            outlines,
            crate::data::load_aid_within(path, limits.max_file_bytes)?,
            projection,
            natural_earth,
        ),
    })
}

/// Ask for a file on a thread of its own (the dialog blocks) and queue it.
#[cfg(feature = "gui")]
fn spawn_dialog(kind: FileKind, sender: Sender<(FileKind, PathBuf)>, ctx: egui::Context) {
    std::thread::spawn(move || {
        let dialog = match kind {
            FileKind::Outlines => rfd::FileDialog::new()
                .set_title("Open country outlines")
                .add_filter(
                    "GeoJSON, TopoJSON or shapefile",
                    &["geojson", "json", "topojson", "shp", "zip"],
                ),
            FileKind::Data => rfd::FileDialog::new()
                .set_title("Open aid data")
                .add_filter("aid data (JSON or CSV)", &["json", "csv"]),
        };
        if let Some(path) = dialog.pick_file() {
            let _ = sender.send((kind, path));
            ctx.request_repaint();
        }
    });
}

/// Without the GUI feature there is no dialog.
#[cfg(not(feature = "gui"))]
fn spawn_dialog(_kind: FileKind, _sender: Sender<(FileKind, PathBuf)>, _ctx: egui::Context) {}

/// A file dialog needs a desktop portal (over D-Bus) or zenity.
pub fn dialog_available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        })
}
