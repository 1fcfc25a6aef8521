//! What the window remembers between runs: theme, projection, palette, labels, the
//! arcs' toggle and width, the timeline's speed and loop, the export ticks, the last
//! outline and data files, and the recently opened files (File → Open recent). eframe
//! keeps them (with the window's size and place) in its storage; this module is the
//! stored form (`ui::app`'s `remember` turns it into and out of the app). Choices are kept by name, so a settings file from
//! another version never stops a start: what is not understood is the default.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::geometry::projection::Projection;
use crate::scene::arcs::FlowWidth;
use crate::scene::fill_value::FillValue;
use crate::scene::label_choice::LabelChoice;
use crate::scene::palette::Palette;
use crate::scene::style::ThemeChoice;
use crate::ui::files::FileKind;

/// The key of aidmap's settings in eframe's storage.
pub const STORAGE_KEY: &str = "aidmap settings";
/// How many files File → Open recent lists.
pub const MAX_RECENT: usize = 8;

/// The remembered settings, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// A projection's key (`equal-earth`, ...).
    pub projection: String,
    /// A palette's name (`viridis`, ...).
    pub palette: String,
    /// `none`, `recipients` or `all`.
    pub labels: String,
    /// What the fills stand for: `teams` or `members`.
    pub value: String,
    /// Whether the arcs are drawn (where the data has them).
    pub flows: bool,
    /// `teams` or `members`.
    pub flow_width: String,
    /// The timeline's speed, in days a second.
    pub days_per_second: f32,
    /// Whether the timeline loops.
    pub looping: bool,
    /// Whether exports include an open pop-up.
    pub include_popup: bool,
    /// Whether exports have no background.
    pub transparent: bool,
    /// The outline file on the map when the window closed (none: the bundled ones).
    pub outlines: Option<PathBuf>,
    /// The data file on the map when the window closed (none: the bundled data).
    pub data: Option<PathBuf>,
    /// Files opened, most recent first.
    pub recent: Vec<RecentFile>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: theme_name(ThemeChoice::default()).to_string(),
            projection: Projection::default().key().to_string(),
            palette: Palette::default().name().to_string(),
            labels: LabelChoice::default().name().to_string(),
            value: FillValue::default().name().to_string(),
            flows: true,
            flow_width: FlowWidth::default().name().to_string(),
            days_per_second: crate::ui::timeline::TimelinePlayer::default().days_per_second,
            looping: false,
            include_popup: false,
            transparent: false,
            outlines: None,
            data: None,
            recent: Vec::new(),
        }
    }
}

/// A file opened in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFile {
    /// `outlines` or `data`.
    pub kind: String,
    /// Where it is.
    pub path: PathBuf,
}

impl RecentFile {
    /// A recent `path` of `kind`.
    pub fn new(kind: FileKind, path: &Path) -> Self {
        RecentFile {
            kind: kind_name(kind).to_string(),
            path: path.to_path_buf(),
        }
    }

    /// Its kind; `None` for a kind this version does not know.
    pub fn kind(&self) -> Option<FileKind> {
        match self.kind.as_str() {
            "outlines" => Some(FileKind::Outlines),
            "data" => Some(FileKind::Data),
            _ => None,
        }
    }

    /// How File → Open recent lists it: the file's name and what it is.
    pub fn label(&self) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("{name} ({})", self.kind)
    }
}

/// Which of the remembered choices the command line set for this run (they win).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GivenOnCommandLine {
    /// `--projection`.
    pub projection: bool,
    /// `--theme`.
    pub theme: bool,
    /// `--countries`.
    pub countries: bool,
    /// `--data`.
    pub data: bool,
}

pub(crate) fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Outlines => "outlines",
        FileKind::Data => "data",
    }
}

pub(crate) fn theme_name(theme: ThemeChoice) -> &'static str {
    match theme {
        ThemeChoice::System => "system",
        ThemeChoice::Light => "light",
        ThemeChoice::Dark => "dark",
    }
}

/// The list with `file` first, once, at most [`MAX_RECENT`] long.
pub fn with_recent(list: &[RecentFile], file: RecentFile) -> Vec<RecentFile> {
    std::iter::once(file.clone())
        .chain(list.iter().filter(|f| **f != file).cloned())
        .take(MAX_RECENT)
        .collect()
}

#[cfg(feature = "gui")]
impl Settings {
    /// The settings kept in `storage`, if any could be read.
    pub fn load(storage: &dyn eframe::Storage) -> Option<Settings> {
        eframe::get_value(storage, STORAGE_KEY)
    }

    /// Keep these settings in `storage`.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}
