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
