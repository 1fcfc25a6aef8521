//! Opening the user's files: the File menu's dialogs (rfd, run on a thread so the
//! window keeps drawing), files dropped on the window, and building a new map model
//! from them. A failed load returns the error and leaves the current map alone.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::data::{load_aid, load_outlines};
use crate::error::LoadError;
use crate::scene::MapModel;

/// Which kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Country outlines (GeoJSON, TopoJSON).
    Outlines,
    /// Aid data (JSON, CSV).
    Data,
}

/// Files chosen in dialogs or dropped, waiting to be loaded.
pub struct FileLoader {
    sender: Sender<(FileKind, PathBuf)>,
    receiver: Receiver<(FileKind, PathBuf)>,
}

impl Default for FileLoader {
    fn default() -> Self {
        let (sender, receiver) = channel();
        FileLoader { sender, receiver }
    }
}

impl FileLoader {
    /// Open a file dialog for `kind` on its own thread.
    #[cfg(not(feature = "gui"))]
    pub fn open_dialog(&self, _kind: FileKind, _ctx: &egui::Context) {}

    /// Open a file dialog for `kind` on its own thread.
    #[cfg(feature = "gui")]
    pub fn open_dialog(&self, kind: FileKind, ctx: &egui::Context) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = match kind {
                FileKind::Outlines => rfd::FileDialog::new()
                    .set_title("Open country outlines")
                    .add_filter("GeoJSON or TopoJSON", &["geojson", "json", "topojson"]),
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
            let _ = self.sender.send((kind_of(&path), path));
            ctx.request_repaint();
        }
    }

    /// The files waiting to be loaded.
    pub fn poll(&self) -> Vec<(FileKind, PathBuf)> {
        self.receiver.try_iter().collect()
    }
}

/// Guess what a dropped file is: CSV is data; JSON whose top-level type is a GeoJSON
/// or TopoJSON type is outlines; other JSON is data.
pub fn kind_of(path: &Path) -> FileKind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv") => FileKind::Data,
        Some("geojson") | Some("topojson") => FileKind::Outlines,
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
pub fn load(kind: FileKind, path: &Path, current: &MapModel) -> Result<MapModel, LoadError> {
    let projection = current.projected.projection;
    Ok(match kind {
        FileKind::Outlines => {
            let outlines = load_outlines(path, None)?;
            MapModel::new(outlines, current.aid.clone(), projection, false)
        }
        FileKind::Data => {
            let aid = load_aid(path)?;
            MapModel::new(
                current.outlines.clone(),
                aid,
                projection,
                current.natural_earth,
            )
        }
    })
}
