//! What the window remembers: settings kept in a storage in a temporary folder survive
//! a restart; a remembered file that is gone leaves the bundled data and a message;
//! File → Open recent; the command line wins; Help → About.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aidmap::geometry::projection::Projection;
use aidmap::scene::arcs::FlowWidth;
use aidmap::scene::label_choice::LabelChoice;
use aidmap::scene::palette::Palette;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::settings::{GivenOnCommandLine, RecentFile, Settings};
use aidmap::ui::{AidMapApp, AppOptions, FileKind};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{harness, harness_with, repo_file, wait_for_loading};

/// eframe's storage kept as a file in a folder, as eframe keeps its own.
struct FolderStorage {
    file: PathBuf,
    values: BTreeMap<String, String>,
}

impl FolderStorage {
    fn open(folder: &Path) -> Self {
        let file = folder.join("app.json");
        let values = std::fs::read_to_string(&file)
            .map(|text| serde_json::from_str(&text).unwrap())
            .unwrap_or_default();
        FolderStorage { file, values }
    }
}

impl eframe::Storage for FolderStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.values.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.values.remove(key);
    }
    fn flush(&mut self) {
        std::fs::write(&self.file, serde_json::to_string(&self.values).unwrap()).unwrap();
    }
}

/// Close the window as eframe does: the app saves, the storage is written.
fn close(harness: &mut Harness<'_, AidMapApp>, folder: &Path) {
    let mut storage = FolderStorage::open(folder);
    eframe::App::save(harness.state_mut(), &mut storage);
    eframe::Storage::flush(&mut storage);
}

/// Start a new window as `main` does: fresh options, then what the folder remembers.
fn start(folder: &Path, given: GivenOnCommandLine) -> Harness<'static, AidMapApp> {
    let mut harness = harness_with(AppOptions::default());
    let storage = FolderStorage::open(folder);
    if let Some(settings) = Settings::load(&storage) {
        harness.state_mut().restore(settings, given);
    }
    wait_for_loading(&mut harness);
    harness
}

fn menu(harness: &mut Harness<'_, AidMapApp>, path: &[&str]) {
    for item in path {
        harness.get_by_label(item).click();
        // Steps, not run: a file opened from the menu shows a spinner until loaded.
        harness.run_steps(3);
    }
}

#[test]
fn settings_survive_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("my-aid.csv");
    std::fs::write(
        &csv,
        "country,teams,arrived\nFrance,2,2020-03-01\nBrazil,1,2020-03-05\n",
    )
    .unwrap();
    let mut first = harness(ThemeChoice::System);
    menu(&mut first, &["View", "Dark"]);
    menu(&mut first, &["View", "Mercator"]);
    menu(
        &mut first,
        &["View", "Palette", "Cividis (colour-blind safe)"],
    );
    menu(
        &mut first,
        &[
            "View",
            "Labels",
            "Every country's name (as the zoom allows)",
        ],
    );
    menu(&mut first, &["View", "Arc width: members"]);
    menu(&mut first, &["View", "Colour by members"]);
    menu(&mut first, &["View", "Flows"]);
    first.get_by_label("Loop").click();
    first.run();
    first.state_mut().open_file(FileKind::Data, csv.clone());
    wait_for_loading(&mut first);
    assert_eq!(first.state().model.aid.summary(), "3 teams in 2 countries");
    close(&mut first, folder.path());
    drop(first);

    let second = start(folder.path(), GivenOnCommandLine::default());
    let app = second.state();
    assert_eq!(app.theme, ThemeChoice::Dark);
    assert_eq!(app.model.projected.projection, Projection::Mercator);
    assert_eq!(app.model.palette, Palette::Cividis);
    assert_eq!(app.model.labels, LabelChoice::All);
    assert_eq!(app.model.flow_width, FlowWidth::Members);
    assert_eq!(
        app.model.value,
        aidmap::scene::fill_value::FillValue::Members
    );
    assert!(!app.model.show_flows);
    assert!(app.player.looping);
    assert_eq!(
        app.model.aid.summary(),
        "3 teams in 2 countries",
        "the data file is back"
    );
    assert_eq!(app.recent.len(), 1);
    assert_eq!(app.recent[0].label(), "my-aid.csv (data)");
    assert!(app.error.is_none());
}

#[test]
fn a_remembered_file_that_is_gone_leaves_the_bundled_data_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("gone.csv");
    std::fs::write(&csv, "country,teams\nFrance,2\n").unwrap();
    let mut first = harness(ThemeChoice::Light);
    first.state_mut().open_file(FileKind::Data, csv.clone());
    wait_for_loading(&mut first);
    close(&mut first, folder.path());
    std::fs::remove_file(&csv).unwrap();

    let mut second = start(folder.path(), GivenOnCommandLine::default());
    let message = second.state().error.clone().unwrap();
    assert!(message.contains("gone.csv"), "{message}");
    assert!(message.contains("no longer there"), "{message}");
    assert!(message.contains("bundled data"), "{message}");
    assert_eq!(
        second.state().model.aid.summary(),
        "12 teams in 10 countries"
    );
    second.run();
    second.get_by_label_contains("no longer there");
}

#[test]
fn the_command_line_wins_over_what_was_remembered() {
    let folder = tempfile::tempdir().unwrap();
    let mut first = harness(ThemeChoice::Light);
    menu(&mut first, &["View", "Mercator"]);
    close(&mut first, folder.path());
    let given = GivenOnCommandLine {
        projection: true,
        theme: true,
        ..GivenOnCommandLine::default()
    };
    let second = start(folder.path(), given);
    assert_eq!(
        second.state().model.projected.projection,
        Projection::EqualEarth
    );
    assert_eq!(second.state().theme, ThemeChoice::System);
}

#[test]
fn a_settings_file_from_another_version_never_stops_a_start() {
    let folder = tempfile::tempdir().unwrap();
    let mut storage = FolderStorage::open(folder.path());
    eframe::Storage::set_string(
        &mut storage,
        aidmap::ui::settings::STORAGE_KEY,
        r#"(theme: "sepia", projection: "dymaxion", palette: "rainbow", labels: 3, future: true)"#
            .to_string(),
    );
    eframe::Storage::flush(&mut storage);
    let second = start(folder.path(), GivenOnCommandLine::default());
    assert_eq!(
        second.state().model.projected.projection,
        Projection::EqualEarth
    );
    assert_eq!(second.state().model.palette, Palette::OrangeRed);
}

#[test]
fn open_recent_opens_a_file_and_drops_one_that_is_gone() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("recent.csv");
    std::fs::write(&csv, "country,teams\nFrance,2\n").unwrap();
    let zip = repo_file("tests/data/shapefile/ne_110m_admin_0_countries.zip");
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().recent = vec![
        RecentFile::new(FileKind::Outlines, &zip),
        RecentFile::new(FileKind::Data, &csv),
        RecentFile::new(FileKind::Data, &folder.path().join("missing.csv")),
    ];
    harness.run();
    menu(&mut harness, &["File", "Open recent", "recent.csv (data)"]);
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().model.aid.summary(), "2 teams in 1 country");
    assert_eq!(
        harness.state().recent[0].label(),
        "recent.csv (data)",
        "it heads the list"
    );
    menu(
        &mut harness,
        &[
            "File",
            "Open recent",
            "ne_110m_admin_0_countries.zip (outlines)",
        ],
    );
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().model.outlines.countries.len(), 177);
    assert_eq!(harness.state().model.aid.summary(), "2 teams in 1 country");
    menu(&mut harness, &["File", "Open recent", "missing.csv (data)"]);
    let message = harness.state().error.clone().unwrap();
    assert!(
        message.contains("missing.csv is no longer there"),
        "{message}"
    );
    assert_eq!(harness.state().recent.len(), 2);
}

#[test]
fn help_about_names_the_version_the_sources_and_the_keys() {
    let mut harness = harness(ThemeChoice::Light);
    menu(&mut harness, &["Help", "About aidmap"]);
    harness.get_by_label(&format!("aidmap {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("Natural Earth (public domain)");
    harness.get_by_label_contains("GeoNames cities (CC BY 4.0)");
    harness.get_by_label_contains("Daily Mail");
    harness.get_by_label("Ctrl+S");
    harness.get_by_label("export the picture as PNG");
}

#[test]
fn a_file_from_the_command_line_heads_open_recent_after_the_remembered_ones_load() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("earlier.csv");
    std::fs::write(&csv, "country,teams\nFrance,2\n").unwrap();
    let mut first = harness(ThemeChoice::Light);
    first.state_mut().note_shown(FileKind::Data, &csv);
    close(&mut first, folder.path());
    // As main does with `--countries ne.zip`: the file is noted, then the settings
    // taken up.
    let zip = repo_file("tests/data/shapefile/ne_110m_admin_0_countries.zip");
    let mut second = harness_with(AppOptions::default());
    second.state_mut().note_shown(FileKind::Outlines, &zip);
    let settings = Settings::load(&FolderStorage::open(folder.path())).unwrap();
    let given = GivenOnCommandLine {
        countries: true,
        ..GivenOnCommandLine::default()
    };
    second.state_mut().restore(settings, given);
    let labels: Vec<String> = second
        .state()
        .recent
        .iter()
        .map(RecentFile::label)
        .collect();
    assert_eq!(
        labels,
        [
            "ne_110m_admin_0_countries.zip (outlines)",
            "earlier.csv (data)"
        ]
    );
}
