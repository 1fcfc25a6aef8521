//! The timeline under the map: keys, buttons and playing, driven as a user would.

use crate::common::*;
use aidmap::data::date;
use aidmap::scene::style::ThemeChoice;
use aidmap::ui::AidMapApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn day(text: &str) -> chrono::NaiveDate {
    date::parse(text).unwrap()
}

fn shown(harness: &Harness<'_, AidMapApp>) -> Option<chrono::NaiveDate> {
    harness.state().model.day
}

fn teams_on_map(harness: &Harness<'_, AidMapApp>) -> u32 {
    harness.state().model.drawn_totals().0
}

#[test]
fn the_timeline_starts_on_the_claim_and_steps_a_day_with_keys_and_buttons() {
    let mut harness = harness(ThemeChoice::Light);
    assert_eq!(
        shown(&harness),
        None,
        "the default map is the whole data set"
    );
    harness.get_by_label("9 April 2020");
    harness.key_press(Key::Comma);
    harness.run();
    assert_eq!(shown(&harness), Some(day("2020-04-08")));
    // Myanmar's team arrived on 8 April: still on the map, and outlined as news.
    assert_eq!(teams_on_map(&harness), 12);
    harness.get_by_label("8 April 2020");
    harness.key_press(Key::Comma);
    harness.run();
    assert_eq!(shown(&harness), Some(day("2020-04-07")));
    assert_eq!(
        teams_on_map(&harness),
        11,
        "Myanmar's team had not arrived yet"
    );
    harness.get_by_label("7 April 2020");
    harness.key_press(Key::Period);
    harness.run();
    assert_eq!(shown(&harness), Some(day("2020-04-08")));
    harness.get_by_label("◀").click();
    harness.run();
    assert_eq!(shown(&harness), Some(day("2020-04-07")));
    harness.get_by_label("▶").click();
    harness.run();
    harness.get_by_label("8 April 2020");
}

#[test]
fn playing_advances_day_by_day_and_counts_grow_on_arrival_days() {
    let mut harness = harness(ThemeChoice::Dark);
    harness.state_mut().show_day(day("2020-02-28"));
    harness.state_mut().player.days_per_second = 2.0;
    harness.run();
    assert_eq!(
        teams_on_map(&harness),
        0,
        "nothing had arrived before 29 February"
    );
    harness.get_by_label("Play").click();
    let timeline = harness.state().model.timeline.clone().unwrap();
    let mut seen = vec![(harness.state().model.day.unwrap(), teams_on_map(&harness))];
    // A step of the harness is at most a quarter of a second: half a day at 2 days/s.
    for _ in 0..2000 {
        harness.step();
        let now = (harness.state().model.day.unwrap(), teams_on_map(&harness));
        if now.0 != seen.last().unwrap().0 {
            seen.push(now);
        }
        if !harness.state().player.playing {
            break;
        }
    }
    assert!(!harness.state().player.playing, "it stops at the end");
    assert_eq!(seen.last().unwrap(), &(day("2020-04-09"), 12));
    assert!(seen.len() > 20, "it went through the days: {seen:?}");
    for pair in seen.windows(2) {
        let ((before, teams_before), (after, teams_after)) = (pair[0], pair[1]);
        assert!(after > before, "{seen:?}");
        let arrival_between = timeline
            .arrival_days
            .iter()
            .any(|&d| d > before && d <= after);
        assert_eq!(
            teams_after > teams_before,
            arrival_between,
            "{before} → {after}"
        );
    }
    harness.get_by_label("Play");
}

#[test]
fn space_plays_and_pauses_and_play_at_the_end_starts_again() {
    let mut harness = harness(ThemeChoice::Light);
    harness.key_press(Key::Space);
    harness.step();
    assert!(harness.state().player.playing);
    // From the last day, Play starts again (the frame after may already be a day on).
    let now = shown(&harness).unwrap();
    assert!(now < day("2020-03-03"), "{now}");
    harness.get_by_label("Pause");
    harness.key_press(Key::Space);
    harness.step();
    assert!(!harness.state().player.playing);
    harness.get_by_label("Play");
}

#[test]
fn with_loop_on_the_last_day_is_followed_by_the_first() {
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().show_day(day("2020-04-08"));
    harness.state_mut().player.days_per_second = 2.0;
    harness.state_mut().player.looping = true;
    harness.state_mut().player.playing = true;
    let mut days = Vec::new();
    for _ in 0..200 {
        harness.step();
        let now = shown(&harness).unwrap();
        if days.last() != Some(&now) {
            days.push(now);
        }
        if now == day("2020-03-01") {
            break;
        }
    }
    assert_eq!(
        &days[..3],
        &[day("2020-04-08"), day("2020-04-09"), day("2020-02-29")]
    );
    assert!(harness.state().player.playing);
}

/// Step the window until the animation export has ended (at most a minute).
fn until_export_ends(harness: &mut Harness<'_, AidMapApp>) {
    let started = std::time::Instant::now();
    while harness.state().animation.running() {
        assert!(started.elapsed().as_secs() < 60, "the export did not end");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.step();
}

fn toasts(harness: &Harness<'_, AidMapApp>) -> Vec<String> {
    harness
        .state()
        .exporter
        .toasts
        .iter()
        .map(|t| t.text.clone())
        .collect()
}

fn open_animation_window(harness: &mut Harness<'_, AidMapApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export animation…").click();
    harness.run();
}

#[test]
fn file_export_animation_writes_a_gif_of_the_chosen_days_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(aidmap::ui::AppOptions {
        theme: ThemeChoice::Light,
        export_folder: Some(dir.path().to_path_buf()),
        ..aidmap::ui::AppOptions::default()
    });
    open_animation_window(&mut harness);
    harness.state_mut().animation.choices.step_days = 7;
    harness.run();
    harness.get_by_label("GIF");
    harness.get_by_label("Save animation…").click();
    harness.step();
    assert!(harness.state().animation.running());
    harness.step();
    harness.get_by_label("Cancel");
    until_export_ends(&mut harness);
    let saved = toasts(&harness);
    assert!(saved.iter().any(|t| t.starts_with("Saved ")), "{saved:?}");
    let path = dir.path().join("aidmap-20200229-20200409.gif");
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    // 29 February, every 7 days, and 9 April: each brings an arrival, whose arc
    // grows in 4 frames.
    assert_eq!(frames, 7 * 4);
    // The map area of the window, at one pixel per point.
    let rect = harness.state().last_map_rect().unwrap();
    assert!((decoder.width() as f32 - rect.width()).abs() <= 1.0);
}

#[test]
fn cancel_stops_the_animation_export_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(aidmap::ui::AppOptions {
        theme: ThemeChoice::Dark,
        export_folder: Some(dir.path().to_path_buf()),
        ..aidmap::ui::AppOptions::default()
    });
    // Two years a day at a time: long enough to cancel half way.
    let data = write(
        dir.path(),
        "long.csv",
        "country,arrived\nItaly,2018-01-01\nLaos,2019-12-31\n",
    );
    harness
        .state_mut()
        .load_file(aidmap::ui::FileKind::Data, &data);
    harness.run();
    std::fs::remove_file(&data).unwrap();
    open_animation_window(&mut harness);
    harness.get_by_label("Animated PNG").click();
    harness.run();
    harness.get_by_label("Save animation…").click();
    // The click starts the export; the next frame shows Cancel, and egui takes a click
    // on a widget from the frame after the one it first appeared in.
    harness.step();
    harness.step();
    harness.step();
    harness.get_by_label("Cancel").click();
    until_export_ends(&mut harness);
    let said = toasts(&harness);
    assert!(
        said.iter()
            .any(|t| t == "Export cancelled: nothing was written"),
        "{said:?}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn view_flows_switches_the_arcs_off_and_on() {
    let mut harness = harness(ThemeChoice::Light);
    assert!(
        harness.state().model.show_flows,
        "on by default: the data has senders"
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Flows").click();
    harness.run();
    assert!(!harness.state().model.show_flows);
    // The menu closes after a choice, as egui's menus do: open it again.
    if harness.query_by_label("Flows").is_none() {
        harness.get_by_label("View").click();
        harness.run();
    }
    harness.get_by_label("Flows").click();
    harness.run();
    assert!(harness.state().model.show_flows);
}

#[test]
fn hovering_an_arc_names_its_team_and_a_click_opens_its_recipients_pop_up() {
    use aidmap::geometry::great_circle::great_circle;
    let places = aidmap::data::bundled::places().unwrap();
    let from = places.seat("Guangdong province").unwrap();
    let to = places.arrival("Belgrade").unwrap();
    let line = great_circle([from.lon, from.lat], [to.lon, to.lat], 10);
    let mut harness = harness(ThemeChoice::Light);
    let [lon, lat] = line[4];
    let on_arc = at(&harness, lon, lat);
    harness.hover_at(on_arc);
    harness.run();
    harness.get_by_label("Guangzhou \u{2192} Belgrade");
    harness.get_by_label("1 team sent by Guangdong province (China)");
    harness.get_by_label("arrived 21 March 2020");
    harness.get_by_label("6 members");
    // Off the arc, in Kazakhstan's steppe, the country's own tooltip is back.
    let [lon, lat] = line[2];
    harness.hover_at(at(&harness, lon, lat - 6.0));
    harness.run();
    assert!(
        harness
            .query_by_label("Guangzhou \u{2192} Belgrade")
            .is_none()
    );
    click_at(&mut harness, on_arc);
    assert_eq!(harness.state().selected_name(), Some("Serbia"));
    // The pop-up the click opened is not covered by the arc's tooltip until the
    // pointer moves; then the tooltip is back.
    harness.run();
    assert!(
        harness
            .query_by_label("Guangzhou \u{2192} Belgrade")
            .is_none()
    );
    harness.hover_at(on_arc + egui::vec2(1.0, 0.0));
    harness.run();
    harness.get_by_label("Guangzhou \u{2192} Belgrade");
}
