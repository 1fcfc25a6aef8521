//! Files in the window: opening without a dialog, loading a bad file, dropping files,
//! loading on a worker thread, and outlines over the limits; the map is never lost.

use crate::common::*;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::{AidMapApp, AppOptions, FileKind};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn open_without_a_file_dialog_says_so_and_names_the_alternatives() {
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().set_file_dialogs(Some(false));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open data…").click();
    harness.run();
    harness.get_by_label_contains("No file dialog can open here");
    harness.get_by_label_contains("--data FILE");
}

#[test]
fn loading_a_bad_file_keeps_the_map_and_shows_the_error() {
    let mut harness = harness(ThemeChoice::Light);
    let bad =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/negative-teams.csv");
    harness.state_mut().load_file(FileKind::Data, &bad);
    harness.run();
    assert_eq!(
        harness.state().model.aid.summary(),
        "12 teams in 10 countries"
    );
    assert_eq!(harness.state().model.outlines.countries.len(), 241);
    harness.get_by_label_contains("negative-teams.csv: row 2 (line 3)");
    // The map still works.
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    assert_eq!(harness.state().selected_name(), Some("Italy"));
}

#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, AidMapApp>, path: std::path::PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path)));
    harness.step();
    wait_for_loading(harness);
}

#[test]
fn files_dropped_on_the_window_are_loaded_and_a_bad_one_keeps_the_map() {
    let mut harness = harness(ThemeChoice::Light);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("my-aid.csv");
    std::fs::write(&csv, "country,teams\nFrance,2\nBrazil,1\n").unwrap();
    drop_file(&mut harness, csv);
    assert_eq!(
        harness.state().model.aid.summary(),
        "3 teams in 2 countries"
    );
    harness.get_by_label("France");
    harness.get_by_label("Brazil");
    assert!(harness.query_by_label("Italy").is_none());

    let bad =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/truncated.geojson");
    drop_file(&mut harness, bad);
    assert_eq!(
        harness.state().model.aid.summary(),
        "3 teams in 2 countries"
    );
    assert_eq!(harness.state().model.outlines.countries.len(), 241);
    harness.get_by_label_contains("truncated.geojson: line 3, column 98");
}

#[test]
fn the_window_stays_responsive_while_a_file_loads_and_shows_progress() {
    let mut harness = harness(ThemeChoice::Light);
    let topo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/world-atlas-countries-50m.topojson");
    harness.state_mut().open_file(FileKind::Outlines, topo);
    harness.step();
    harness.step();
    // The old map is still there and usable while the new one is built.
    if harness.state().is_loading() {
        harness.get_by_label_contains("Loading ");
        assert_eq!(harness.state().model.outlines.countries.len(), 241);
    }
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().model.outlines.countries.len(), 241);
    assert!(
        harness
            .state()
            .model
            .outlines
            .file
            .ends_with("world-atlas-countries-50m.topojson")
    );
    assert!(harness.query_by_label_contains("Loading ").is_none());
}

#[test]
fn an_outline_file_over_the_vertex_limit_is_refused_and_the_map_kept() {
    let mut harness = harness_with(AppOptions {
        theme: ThemeChoice::Light,
        limits: aidmap::data::Limits {
            max_file_bytes: 1 << 30,
            max_vertices: 1000,
        },
        ..AppOptions::default()
    });
    let topo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/world-atlas-countries-110m.topojson");
    drop_file(&mut harness, topo);
    harness.get_by_label_contains("more than 1000 vertices");
    assert!(
        harness.state().model.natural_earth,
        "the bundled map is kept"
    );
}

#[test]
fn a_dropped_shapefile_zip_replaces_the_outlines_and_keeps_the_data() {
    let mut harness = harness(ThemeChoice::Light);
    let zip = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/shapefile/ne_110m_admin_0_countries.zip");
    drop_file(&mut harness, zip);
    assert_eq!(harness.state().model.outlines.countries.len(), 177);
    assert!(
        harness
            .state()
            .model
            .outlines
            .file
            .ends_with("ne_110m_admin_0_countries.zip")
    );
    assert_eq!(
        harness.state().model.aid.summary(),
        "12 teams in 10 countries"
    );
    harness.get_by_label("Italy");
}
