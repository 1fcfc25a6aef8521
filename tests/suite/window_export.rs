//! Exports from the window: Ctrl+S matches the headless export, the pop-up goes in only
//! when asked, hover never does, nothing is overwritten, and Ctrl+Shift+C copies the
//! picture.

use crate::common::*;
use aidmap::export::offscreen::{Picture, render};
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::{AidMapApp, AppOptions};
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_exporting_to(folder: &std::path::Path) -> Harness<'static, AidMapApp> {
    harness_with(AppOptions {
        theme: ThemeChoice::Light,
        export_folder: Some(folder.to_path_buf()),
        ..AppOptions::default()
    })
}

fn exported_png(folder: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let path = folder.join("aidmap-20200409-map.png");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    (info.width, info.height, buffer)
}

#[test]
fn ctrl_s_exports_the_map_area_as_png_and_matches_the_headless_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_exporting_to(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Saved ");
    let (width, height, pixels) = exported_png(dir.path());
    // The map area: the window less the menu bar and the side panel.
    assert!(
        width > 1000 && width < 1400 && height > 780 && height < 860,
        "{width}x{height}"
    );

    // The same view and size, drawn headlessly, looks the same.
    let model = &harness.state().model;
    let picture =
        aidmap::export::offscreen::Picture::whole_world(vec2(width as f32, height as f32));
    let headless = aidmap::export::offscreen::render(model, &picture).unwrap();
    let mut total = 0u64;
    for (window, exported) in pixels.chunks_exact(4).zip(&headless.pixels) {
        let e = exported.to_srgba_unmultiplied();
        total += (0..3)
            .map(|i| (window[i] as i32 - e[i] as i32).unsigned_abs() as u64)
            .max()
            .unwrap_or(0);
    }
    let mean = total as f64 / headless.pixels.len() as f64;
    assert!(mean < 1.5, "mean channel difference {mean}");
}

#[test]
fn an_open_pop_up_is_left_out_of_exports_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_exporting_to(dir.path());
    harness.get_by_label("Italy").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness.state().popup.is_some(),
        "exporting does not close the pop-up"
    );
    let (_, _, without) = exported_png(dir.path());
    std::fs::remove_file(dir.path().join("aidmap-20200409-map.png")).unwrap();
    harness.state_mut().exporter.include_popup = true;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let (_, _, with) = exported_png(dir.path());
    let differing = without
        .chunks_exact(4)
        .zip(with.chunks_exact(4))
        .filter(|(a, b)| a != b)
        .count();
    // The pop-up covers a good part of the picture.
    assert!(differing > 50_000, "{differing} pixels differ");
}

#[test]
fn an_export_never_shows_the_hover_outline_or_tooltip() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_exporting_to(dir.path());
    let side_panel = Pos2::new(100.0, 700.0);
    let argentina = at(&harness, -65.0, -35.0);
    let mut pictures = Vec::new();
    for pointer in [side_panel, argentina] {
        harness.hover_at(pointer);
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run();
        pictures.push(exported_png(dir.path()).2);
        std::fs::remove_file(dir.path().join("aidmap-20200409-map.png")).unwrap();
    }
    harness.get_by_label("Argentina");
    assert!(
        pictures[0] == pictures[1],
        "the pointer over Argentina changed the export"
    );
}

#[test]
fn a_second_export_does_not_overwrite_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_exporting_to(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    assert!(dir.path().join("aidmap-20200409-map.png").exists());
    assert!(dir.path().join("aidmap-20200409-map-2.png").exists());
}

#[test]
fn an_export_to_a_missing_folder_says_so_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_exporting_to(&dir.path().join("gone"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Export failed");
    harness.get_by_label_contains("does not exist");
    assert_eq!(
        harness.state().model.aid.summary(),
        "12 teams in 10 countries"
    );
}

#[test]
fn ctrl_shift_c_copies_the_map_as_the_headless_export_draws_it() {
    let mut harness = harness(ThemeChoice::Light);
    // The key goes down in one frame, whose output carries the copy.
    harness.event(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
    });
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyImage(image) => Some(image.clone()),
            _ => None,
        })
        .expect("an image on the clipboard");
    let scene = harness.state().map.last_scene_rect().unwrap();
    let headless = render(&bundled_model(), &Picture::whole_world(scene.size())).unwrap();
    assert_eq!(copied.size, headless.size);
    assert!(copied.pixels == headless.pixels, "the copy is the map");
    harness.run();
    harness.get_by_label("Copied the map to the clipboard");
}
