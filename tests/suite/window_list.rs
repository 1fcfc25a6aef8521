//! The window's side panel: the recipients list (sorting, keyboard, choosing a row) and
//! the search box, which never guesses a country from a prefix.

use crate::common::*;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::AidMapApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
