//! The window's map: what a click or the pointer finds (microstates, the open sea),
//! tooltips, projections, sharpness at 2× and pan and zoom by keys, wheel and drag.

use crate::common::*;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::AidMapApp;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
fn a_long_tooltip_after_a_short_one_stays_on_one_line() {
    let mut harness = harness(ThemeChoice::Dark);
    // Open and close a pop-up, then hover a recipient (a short tooltip: "Italy",
    // "3 teams"; in Calabria, away from the arcs that end in Rome and Milan) and then
    // Argentina (a long one).
    let rome = at(&harness, 12.4964, 41.9028);
    click_at(&mut harness, rome);
    harness.key_press(Key::Escape);
    harness.run();
    harness.hover_at(at(&harness, 16.3, 39.0));
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

/// The window, with frames short enough that two clicks in a row count as a
/// double-click (0.3 s), and the pointer over the middle of the map.
fn navigable() -> (Harness<'static, AidMapApp>, Pos2) {
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
    (harness, center)
}

/// Where screen point `p` is on the map, in projected coordinates.
fn world_at(harness: &Harness<'_, AidMapApp>, p: Pos2) -> [f64; 2] {
    let state = harness.state();
    let bounds = state.model.projected.world_bounds;
    let map_rect = state.last_map_rect().unwrap();
    state.map.view.transform(bounds, map_rect).to_world(p)
}

#[test]
fn plus_zooms_in_and_arrows_pan() {
    let (mut harness, _) = navigable();
    harness.key_press(Key::Plus);
    harness.run();
    let view = harness.state().map.view;
    assert!((view.zoom - 1.5).abs() < 1e-9, "{view:?}");
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(
        harness.state().map.view.center[0] > view.center[0],
        "the right arrow shows what is east"
    );
}

#[test]
fn dragging_right_shows_what_is_west() {
    let (mut harness, center) = navigable();
    harness.key_press(Key::Plus);
    harness.run();
    let before = harness.state().map.view.center;
    harness.drag_at(center);
    harness.run();
    harness.hover_at(center + vec2(120.0, 0.0));
    harness.run();
    harness.drop_at(center + vec2(120.0, 0.0));
    harness.run();
    assert!(harness.state().map.view.center[0] < before[0]);
}

#[test]
fn the_wheel_zooms_in_towards_the_pointer() {
    let (mut harness, center) = navigable();
    // Zoomed in already, so that keeping the world in view does not move it.
    harness.key_press(Key::Plus);
    harness.run();
    let pointer = center + vec2(200.0, -100.0);
    harness.hover_at(pointer);
    harness.run();
    let under = world_at(&harness, pointer);
    let zoom = harness.state().map.view.zoom;
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    assert!(harness.state().map.view.zoom > zoom, "the wheel zooms in");
    let still = world_at(&harness, pointer);
    assert!((under[0] - still[0]).abs() < 1e-6 && (under[1] - still[1]).abs() < 1e-6);
}

#[test]
fn a_double_click_zooms_in_and_home_shows_the_whole_world() {
    let (mut harness, _) = navigable();
    // On the sea, so no pop-up opens under the pointer.
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
