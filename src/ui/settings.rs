//! What the window remembers between runs: theme, projection, palette, labels, the
//! arcs' toggle and width, the timeline's speed and loop, the export ticks, the last
//! outline and data files, and the recently opened files (File → Open recent). eframe
//! keeps them (with the window's size and place) in its storage; this module turns
//! them into and out of the app. Choices are kept by name, so a settings file from
//! another version never stops a start: what is not understood is the default.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::geometry::projection::Projection;
use crate::scene::arcs::FlowWidth;
use crate::scene::label_choice::LabelChoice;
use crate::scene::palette::Palette;
use crate::scene::style::ThemeChoice;
use crate::ui::app::AidMapApp;
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

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Outlines => "outlines",
        FileKind::Data => "data",
    }
}

fn theme_name(theme: ThemeChoice) -> &'static str {
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

impl AidMapApp {
    /// The settings to remember from the window as it is.
    pub fn settings(&self) -> Settings {
        Settings {
            theme: theme_name(self.theme).to_string(),
            projection: self.model.projected.projection.key().to_string(),
            palette: self.model.palette.name().to_string(),
            labels: self.model.labels.name().to_string(),
            flows: self.model.show_flows,
            flow_width: self.model.flow_width.name().to_string(),
            days_per_second: self.player.days_per_second,
            looping: self.player.looping,
            include_popup: self.exporter.include_popup,
            transparent: self.exporter.transparent,
            outlines: self.files_shown[0].clone(),
            data: self.files_shown[1].clone(),
            recent: self.recent.clone(),
        }
    }

    /// Take up remembered `settings`, but for what `given` says the command line set.
    /// The remembered files are loaded as if opened; one that is gone leaves the
    /// bundled data on the map and says so (the window always starts).
    pub fn restore(&mut self, settings: Settings, given: GivenOnCommandLine) {
        if !given.theme {
            self.theme = match settings.theme.as_str() {
                "light" => ThemeChoice::Light,
                "dark" => ThemeChoice::Dark,
                _ => ThemeChoice::System,
            };
        }
        if !given.projection
            && let Some(projection) = Projection::from_key(&settings.projection)
        {
            self.set_projection(projection);
        }
        self.model
            .set_palette(Palette::named(&settings.palette).unwrap_or_default());
        self.model.labels = LabelChoice::named(&settings.labels).unwrap_or_default();
        self.model.show_flows = settings.flows;
        self.model.flow_width = FlowWidth::named(&settings.flow_width).unwrap_or_default();
        if settings.days_per_second.is_finite() && settings.days_per_second > 0.0 {
            self.player.days_per_second = settings.days_per_second;
        }
        self.player.looping = settings.looping;
        self.exporter.include_popup = settings.include_popup;
        self.exporter.transparent = settings.transparent;
        self.recent = settings.recent;
        let remembered = [
            (FileKind::Outlines, settings.outlines, given.countries),
            (FileKind::Data, settings.data, given.data),
        ];
        let mut gone = Vec::new();
        for (kind, path, given) in remembered {
            let Some(path) = path.filter(|_| !given) else {
                continue;
            };
            if path.is_file() {
                self.open_file(kind, path);
            } else {
                let what = kind_name(kind);
                gone.push(format!(
                    "the last session's {what}, {}, are no longer there: showing the \
                     bundled {what} instead",
                    path.display()
                ));
            }
        }
        if !gone.is_empty() {
            self.error = Some(format!("The{}", &gone.join("; ")[3..]));
        }
    }

    /// Open a file from File → Open recent; one that is gone is said and taken off
    /// the list.
    pub fn open_recent(&mut self, file: &RecentFile) {
        let Some(kind) = file.kind() else {
            return;
        };
        if file.path.is_file() {
            self.open_file(kind, file.path.clone());
        } else {
            self.recent.retain(|f| f != file);
            self.error = Some(format!(
                "{} is no longer there; it is taken off File → Open recent",
                file.path.display()
            ));
        }
    }
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
