//! The real window, driven headlessly with egui_kittest on the bundled data: clicks at
//! map positions, hover, the side list, the keyboard, loading a bad file, and snapshot
//! images of the default view and of an open pop-up in both themes.

use aidmap::data::bundled;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::{AidMapApp, AppOptions, FileKind};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_with(options: AppOptions) -> AidMapApp {
    AidMapApp::new(
        bundled::outlines().unwrap(),
        bundled::aid_data().unwrap(),
        true,
        options,
    )
}

fn app(theme: ThemeChoice) -> AidMapApp {
    app_with(AppOptions {
        theme,
        ..AppOptions::default()
    })
}

/// The window at 1400×860 points, one pixel per point, drawn once.
fn harness_with(options: AppOptions) -> Harness<'static, AidMapApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut AidMapApp| app.show(ui), app_with(options));
    harness.run();
    harness
}

fn harness(theme: ThemeChoice) -> Harness<'static, AidMapApp> {
    harness_with(AppOptions {
        theme,
        ..AppOptions::default()
    })
}

fn click_at(harness: &mut Harness<'_, AidMapApp>, pos: Pos2) {
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

fn at(harness: &Harness<'_, AidMapApp>, lon: f64, lat: f64) -> Pos2 {
    harness.state().screen_position(lon, lat).unwrap()
}

#[test]
fn clicking_rome_opens_italys_pop_up_with_three_teams_and_a_quote() {
    let mut harness = harness(ThemeChoice::Light);
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    assert_eq!(harness.state().selected_name(), Some("Italy"));
    // Move the pointer away so the hover tooltip ("3 teams" too) goes.
    harness.hover_at(at(&harness, -140.0, 0.0));
    harness.run();
    harness.get_by_label("3 teams");
    harness.get_by_label_contains("As of now, China has sent 12 teams of medical experts");
    assert_eq!(
        harness
            .get_all_by_label_contains("— Zhao Lijian, Spokesperson")
            .count(),
        3
    );
    harness.get_by_label("18 March 2020 · Milan Malpensa");
    harness.get_by_label("Members: 12 or 13 (reports differ)");
}

#[test]
fn pop_ups_near_the_edges_stay_inside_the_window() {
    let mut harness = harness(ThemeChoice::Light);
    let window = egui::Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0));
    // New Zealand at the right edge, Alaska at the top, Chile at the bottom left.
    for (lon, lat, name) in [
        (172.5, -43.5, "New Zealand"),
        (-150.0, 64.0, "United States of America"),
        (-72.6, -40.0, "Chile"),
    ] {
        let pos = at(&harness, lon, lat);
        click_at(&mut harness, pos);
        assert_eq!(harness.state().selected_name(), Some(name));
        let close = harness.get_by_label("× Close").rect();
        let text = harness
            .get_by_label("No team reported as of 9 April 2020.")
            .rect();
        for rect in [close, text] {
            assert!(
                window.contains_rect(rect),
                "{name}: {rect:?} leaves the window"
            );
        }
    }
    // Italy's pop-up is the longest: every part of it that is shown is inside.
    harness.get_by_label("Italy").click();
    harness.run();
    assert!(window.contains_rect(harness.get_by_label("× Close").rect()));
    assert!(
        window.contains_rect(
            harness
                .get_by_label("25 March 2020 · Milan Malpensa")
                .rect()
        )
    );
}

#[test]
fn clicking_san_marino_selects_san_marino_not_italy() {
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().look_at(12.45, 43.94, 60.0);
    harness.run();
    let san_marino = at(&harness, 12.45, 43.94);
    click_at(&mut harness, san_marino);
    assert_eq!(harness.state().selected_name(), Some("San Marino"));
    harness.get_by_label("No team reported as of 9 April 2020.");
}

#[test]
fn clicking_the_middle_of_the_pacific_selects_nothing() {
    let mut harness = harness(ThemeChoice::Light);
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    assert!(harness.state().popup.is_some());
    let pacific = at(&harness, -140.0, 0.0);
    click_at(&mut harness, pacific);
    assert_eq!(harness.state().selected_name(), None);
    assert!(harness.state().popup.is_none());
    assert!(harness.query_by_label("3 teams").is_none());
}

#[test]
fn hovering_just_beside_singapore_shows_its_tooltip() {
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().look_at(103.8, 1.3, 20.0);
    harness.run();
    // In the strait south of the island: over no country, but within reach of it.
    let beside = at(&harness, 103.82, 1.22);
    harness.hover_at(beside);
    harness.run();
    harness.get_by_label("Singapore");
    harness.get_by_label("no team reported as of 9 April 2020");
}

#[test]
fn choosing_pakistan_in_the_side_list_opens_its_pop_up() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("Pakistan").click();
    harness.run();
    assert_eq!(harness.state().selected_name(), Some("Pakistan"));
    assert_eq!(
        harness.get_all_by_label("Pakistan").count(),
        2,
        "list row and pop-up heading"
    );
    harness.get_by_label("28 March 2020 · Islamabad");
    harness.get_by_label("8 members");
    harness.get_by_label("Sent by: Xinjiang region");
}

#[test]
fn escape_and_the_close_button_close_the_pop_up() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("Laos").click();
    harness.run();
    assert!(harness.state().popup.is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().popup.is_none());
    harness.get_by_label("Laos").click();
    harness.run();
    harness.get_by_label("× Close").click();
    harness.run();
    assert!(harness.state().popup.is_none());
    assert_eq!(
        harness.state().selected_name(),
        None,
        "Close deselects, as Esc does"
    );
}

#[test]
fn every_pop_up_opens_at_the_top_sized_to_its_content() {
    let mut fresh = harness(ThemeChoice::Light);
    fresh.get_by_label("Italy").click();
    fresh.run();
    fresh.run();
    let first = fresh.state().popup_rect().unwrap();

    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("Italy").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    search_for(&mut harness, "Brazil");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Home);
    harness.run();
    harness.get_by_label("Italy").click();
    harness.run();
    harness.run();
    let again = harness.state().popup_rect().unwrap();
    assert!(
        (again.height() - first.height()).abs() < 1.0,
        "reopened {again:?}, first {first:?}"
    );
    assert!(again.height() > 500.0, "{again:?}");

    // Scroll Italy's pop-up to the bottom, then open Laos from the list: it starts at
    // its first fact, not scrolled past it.
    harness.hover_at(again.center());
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -3000.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    // Smooth scrolling takes a few frames.
    harness.run_steps(12);
    harness.get_by_label("Laos").click();
    harness.run();
    harness.run();
    let close = harness.get_by_label("× Close").rect();
    let first_fact = harness.get_by_label_contains("· Vientiane").rect();
    assert!(
        first_fact.top() > close.bottom() && first_fact.top() < close.bottom() + 80.0,
        "Laos's first fact at {first_fact:?}, Close at {close:?}"
    );
}

#[test]
fn a_long_tooltip_after_a_short_one_stays_on_one_line() {
    let mut harness = harness(ThemeChoice::Dark);
    // Open and close a pop-up, then hover a recipient (a short tooltip: "Italy",
    // "3 teams") and then Argentina (a long one).
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    harness.key_press(Key::Escape);
    harness.run();
    harness.hover_at(at(&harness, 13.0, 43.0));
    harness.run();
    harness.run();
    harness.get_by_label("3 teams");
    harness.hover_at(at(&harness, -65.0, -35.0));
    harness.run();
    harness.run();
    let name = harness.get_by_label("Argentina").rect();
    let detail = harness
        .get_by_label("no team reported as of 9 April 2020")
        .rect();
    assert!(
        name.height() < 24.0 && detail.height() < 24.0,
        "the tooltip wraps: {name:?} {detail:?}"
    );
    assert!(detail.width() > 150.0, "{detail:?}");
}

#[test]
fn pop_up_lines_read_as_plain_english() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("Italy").click();
    harness.run();
    harness.get_by_label("Members: 12 or 13 (reports differ)");
    assert!(
        harness
            .query_by_label_contains("not reported as one number")
            .is_none()
    );
}

#[test]
fn the_search_box_finds_a_country_by_code_and_zooms_to_it() {
    let mut harness = harness(ThemeChoice::Light);
    let text_input = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(text_input, "Find a country")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(text_input, "Find a country")
        .type_text("LAO");
    harness.run();
    assert_eq!(harness.state().side_panel.search, "LAO");
    harness.get_by_label("Find").click();
    harness.run();
    assert_eq!(harness.state().selected_name(), Some("Laos"));
    assert!(harness.state().map.view.zoom > 2.0);
}

fn search_for(harness: &mut Harness<'_, AidMapApp>, text: &str) {
    harness.state_mut().side_panel.search = text.to_string();
    harness.run();
    harness.get_by_label("Find").click();
    harness.run();
}

#[test]
fn find_never_picks_a_country_by_its_first_letters_and_offers_both_congos() {
    let mut harness = harness(ThemeChoice::Light);
    search_for(&mut harness, "UK");
    assert_eq!(harness.state().selected_name(), Some("United Kingdom"));
    harness.key_press(Key::Escape);
    harness.run();
    for text in ["Ukr", "Ni", "Aus", "-"] {
        search_for(&mut harness, text);
        assert_eq!(harness.state().selected_name(), None, "{text}");
        harness.get_by_label_contains("No country matches");
    }
    search_for(&mut harness, "Congo");
    assert_eq!(
        harness.state().selected_name(),
        None,
        "Congo is two countries"
    );
    harness.get_by_label_contains("could be any of these");
    harness
        .get_by_label("Democratic Republic of the Congo (COD)")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_name(), Some("Dem. Rep. Congo"));
    assert!(
        harness
            .query_by_label("Republic of the Congo (COG)")
            .is_none(),
        "the choice is made"
    );
}

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

#[test]
fn the_view_menu_switches_the_projection() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Mercator").click();
    harness.run();
    assert_eq!(
        harness.state().model.projected.projection,
        aidmap::geometry::projection::Projection::Mercator
    );
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    assert_eq!(harness.state().selected_name(), Some("Italy"));
}

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

/// Files load on a worker thread: step the UI until the load is done.
fn wait_for_loading(harness: &mut Harness<'_, AidMapApp>) {
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
fn the_recipient_list_sorts_by_each_column() {
    let mut harness = harness(ThemeChoice::Light);
    let order = |harness: &Harness<'_, AidMapApp>| {
        let mut rows: Vec<(f32, String)> = ["Italy", "Cambodia", "Iran", "Venezuela", "Myanmar"]
            .iter()
            .map(|name| (harness.get_by_label(name).rect().top(), name.to_string()))
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|(_, name)| name).collect::<Vec<_>>()
    };
    // Default: most teams first.
    assert_eq!(order(&harness)[0], "Italy");
    harness.get_by_label_contains("Country").click();
    harness.run();
    assert_eq!(
        order(&harness),
        ["Cambodia", "Iran", "Italy", "Myanmar", "Venezuela"]
    );
    harness.get_by_label_contains("First arrival").click();
    harness.run();
    assert_eq!(
        order(&harness),
        ["Iran", "Italy", "Cambodia", "Venezuela", "Myanmar"]
    );
}

#[test]
fn the_keyboard_walks_the_list_and_enter_opens_a_pop_up() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("Italy").focus();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // The row below Italy (most teams first, then by name) is Cambodia.
    assert_eq!(harness.state().selected_name(), Some("Cambodia"));
    assert!(harness.state().popup.is_some());
}

#[test]
fn the_map_renders_sharp_at_two_pixels_per_point() {
    let mut harness = Harness::builder()
        .with_size(vec2(1000.0, 640.0))
        .with_pixels_per_point(2.0)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut AidMapApp| app.show(ui),
            app(ThemeChoice::Light),
        );
    harness.run();
    let image = harness.render().unwrap();
    assert_eq!((image.width(), image.height()), (2000, 1280));
    harness.snapshot("default-view-light-2x");
}

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
fn ctrl_shift_c_copies_the_picture() {
    let mut harness = harness(ThemeChoice::Light);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    harness.run();
    harness.get_by_label("Copied the map to the clipboard");
}

#[test]
fn keys_wheel_drag_and_double_click_pan_and_zoom_and_home_resets() {
    // Short steps, so that two clicks in a row count as a double-click (0.3 s).
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .with_pixels_per_point(1.0)
        .with_step_dt(0.05)
        .with_max_steps(40)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut AidMapApp| app.show(ui),
            app(ThemeChoice::Light),
        );
    harness.run();
    let center = at(&harness, 0.0, 0.0);
    harness.hover_at(center);
    harness.run();
    harness.key_press(Key::Plus);
    harness.run();
    assert!(
        (harness.state().map.view.zoom - 1.5).abs() < 1e-9,
        "{:?}",
        harness.state().map.view
    );
    let before = harness.state().map.view.center;
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(
        harness.state().map.view.center[0] > before[0],
        "the right arrow shows what is east"
    );
    // Dragging moves the map with the pointer: dragging right shows what is west.
    let before = harness.state().map.view.center;
    harness.drag_at(center);
    harness.run();
    harness.hover_at(center + vec2(120.0, 0.0));
    harness.run();
    harness.drop_at(center + vec2(120.0, 0.0));
    harness.run();
    assert!(
        harness.state().map.view.center[0] < before[0],
        "dragging right shows what is west"
    );
    // The wheel zooms towards the pointer: the point under it stays put.
    let pointer = center + vec2(200.0, -100.0);
    harness.hover_at(pointer);
    harness.run();
    let under = harness
        .state()
        .map
        .view
        .transform(
            harness.state().model.projected.world_bounds,
            harness.state().last_map_rect().unwrap(),
        )
        .to_world(pointer);
    let zoom = harness.state().map.view.zoom;
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let state = harness.state();
    assert!(state.map.view.zoom > zoom, "the wheel zooms in");
    let still = state
        .map
        .view
        .transform(
            state.model.projected.world_bounds,
            state.last_map_rect().unwrap(),
        )
        .to_world(pointer);
    assert!((under[0] - still[0]).abs() < 1e-6 && (under[1] - still[1]).abs() < 1e-6);
    // A double-click (here on the sea, so no pop-up opens under the pointer) zooms in;
    // Home shows the whole world again.
    harness.key_press(Key::Home);
    harness.run();
    let pointer = at(&harness, -150.0, -10.0);
    harness.hover_at(pointer);
    harness.run();
    let zoom = harness.state().map.view.zoom;
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: pointer,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    harness.run();
    assert!(
        harness.state().map.view.zoom > zoom,
        "a double-click zooms in"
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().map.view, aidmap::scene::MapView::default());
}
