//! The window's pop-ups: opened by a click, placed inside the window, closed by Esc
//! and by Close, sized to their content, worded as plain English.

use crate::common::*;
use aidmap::scene::style::ThemeChoice;
use egui::{Event, Key, Modifiers, Pos2, vec2};
use egui_kittest::kittest::Queryable;

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
