//! What the tests share: running the `aidmap` binary, the bundled model, writing
//! fixture files, named places, and the window under egui_kittest.

#![allow(dead_code)] // Each helper is used by some of the modules, not all.

use std::path::{Path, PathBuf};
use std::process::Command;

use aidmap::data::bundled;
use aidmap::geometry::projection::Projection;
use aidmap::scene::MapModel;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::{AidMapApp, AppOptions};
use egui::{Event, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Rome (longitude, latitude): inside Italy, away from San Marino and the Vatican.
pub const ROME: (f64, f64) = (12.5, 41.9);
/// Islamabad (longitude, latitude).
pub const ISLAMABAD: (f64, f64) = (73.05, 33.7);

/// What a run of the binary ended with.
pub struct Outcome {
    /// The exit status (-1 when killed by a signal).
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Run `aidmap` with `args` in the project's folder.
pub fn aidmap(args: &[&str]) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_aidmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    Outcome {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Run `aidmap` with `args`: status, standard output, standard error.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let outcome = aidmap(args);
    (outcome.status, outcome.stdout, outcome.stderr)
}

/// Run `aidmap SUBCOMMAND args…`.
pub fn run_command(subcommand: &str, args: &[&str]) -> (i32, String, String) {
    run(&[&[subcommand], args].concat())
}

/// Write `text` to `dir/name`; the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A file of the repository, by its path from the repository's root.
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The bundled outlines and data in Equal Earth.
pub fn bundled_model() -> MapModel {
    MapModel::new(
        bundled::outlines().unwrap(),
        bundled::aid_data().unwrap(),
        Projection::EqualEarth,
        true,
    )
}

pub fn app_with(options: AppOptions) -> AidMapApp {
    AidMapApp::new(
        bundled::outlines().unwrap(),
        bundled::aid_data().unwrap(),
        true,
        options,
    )
}

pub fn app(theme: ThemeChoice) -> AidMapApp {
    app_with(AppOptions {
        theme,
        ..AppOptions::default()
    })
}

/// The window at 1400×860 points, one pixel per point, drawn once.
pub fn harness_with(options: AppOptions) -> Harness<'static, AidMapApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut AidMapApp| app.show(ui), app_with(options));
    harness.run();
    harness
}

pub fn harness(theme: ThemeChoice) -> Harness<'static, AidMapApp> {
    harness_with(AppOptions {
        theme,
        ..AppOptions::default()
    })
}

pub fn click_at(harness: &mut Harness<'_, AidMapApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

pub fn at(harness: &Harness<'_, AidMapApp>, lon: f64, lat: f64) -> Pos2 {
    harness.state().screen_position(lon, lat).unwrap()
}

/// Type `text` in the search box and press Find.
pub fn search_for(harness: &mut Harness<'_, AidMapApp>, text: &str) {
    harness.state_mut().side_panel.search = text.to_string();
    harness.run();
    harness.get_by_label("Find").click();
    harness.run();
}

/// Files load on a worker thread: step the UI until the load is done.
pub fn wait_for_loading(harness: &mut Harness<'_, AidMapApp>) {
    for _ in 0..2000 {
        harness.step();
        if !harness.state().is_loading() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the file did not finish loading");
}
