//! Snapshot pictures of the default view and of Italy's pop-up in both themes (refresh
//! with `UPDATE_SNAPSHOTS=1 cargo test --test suite window_snapshots`).

use crate::common::*;
use aidmap::scene::style::ThemeChoice;
use egui_kittest::kittest::Queryable;

fn snapshots(theme: ThemeChoice, name: &str) {
    let mut harness = harness(theme);
    harness.snapshot(format!("default-view-{name}"));
    harness.get_by_label("Italy").click();
    harness.run();
    harness.snapshot(format!("italy-pop-up-{name}"));
}

#[test]
fn snapshots_of_the_default_view_and_a_pop_up_light() {
    snapshots(ThemeChoice::Light, "light");
}

#[test]
fn snapshots_of_the_default_view_and_a_pop_up_dark() {
    snapshots(ThemeChoice::Dark, "dark");
}
