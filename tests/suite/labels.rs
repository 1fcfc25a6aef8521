//! Country names on the map: the recipients' by default, every country's as the zoom
//! gives room, none over another, a badge, the legend or the map's edge; in the
//! window (View → Labels) and in exports (`--labels`).

use aidmap::scene::compose::{FillMode, SceneRequest, SceneState};
use aidmap::scene::fonts::FontMeasure;
use aidmap::scene::label_choice::LabelChoice;
use aidmap::scene::labels::PlacedLabel;
use aidmap::scene::style::ThemeChoice;
use aidmap::scene::{MapModel, MapStyle, MapView, SceneCache, compose};
use egui::{Pos2, Rect, vec2};
use egui_kittest::kittest::Queryable;

use crate::common::{bundled_model, harness, run_command};

/// The names placed in a 1400×860 picture of `model` in `view`, with the scene's
/// badges and legend.
fn placed(model: &MapModel, view: MapView) -> (Vec<PlacedLabel>, Vec<Rect>, Rect, Rect) {
    let request = SceneRequest {
        rect: Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0)),
        view,
        style: MapStyle::light(),
        state: SceneState::default(),
        card: false,
        fills: FillMode::Paths,
        transparent: false,
    };
    let fonts = FontMeasure::default();
    let measure = |text: &str, size: f32| fonts.width(text, size);
    let scene = compose(model, &request, &mut SceneCache::default(), &measure);
    let geometry = scene.geometry;
    let mut badges: Vec<Rect> = geometry.badges.iter().map(|b| b.rect()).collect();
    // A leader line counts as taken too: a box along it every point.
    for badge in geometry.badges.iter().filter(|b| b.has_leader()) {
        let steps = badge.anchor.distance(badge.center).ceil() as usize;
        badges.extend((0..=steps).map(|k| {
            let at = badge
                .anchor
                .lerp(badge.center, k as f32 / steps.max(1) as f32);
            Rect::from_center_size(at, vec2(1.0, 1.0))
        }));
    }
    (
        geometry.labels,
        badges,
        geometry.legend,
        geometry.layout.map,
    )
}

/// No name covers another, a badge or the legend, and each lies wholly on the map.
fn assert_clear(labels: &[PlacedLabel], badges: &[Rect], legend: Rect, map: Rect) {
    for (i, label) in labels.iter().enumerate() {
        assert!(
            map.contains_rect(label.rect),
            "{} leaves the map",
            label.text
        );
        assert!(
            !label.rect.intersects(legend),
            "{} is under the legend",
            label.text
        );
        for badge in badges {
            assert!(
                !label.rect.intersects(*badge),
                "{} covers a badge",
                label.text
            );
        }
        for other in &labels[i + 1..] {
            // A space's width apart at least, so two names never read as one.
            assert!(
                !label.rect.expand(label.size * 0.25).intersects(other.rect),
                "{} covers {}",
                label.text,
                other.text
            );
        }
    }
}

/// The view centred on `(lon, lat)` at `zoom`.
fn view_on(model: &MapModel, lon: f64, lat: f64, zoom: f64) -> MapView {
    MapView {
        center: model.projected.projection.forward(lon, lat),
        zoom,
    }
}

#[test]
fn the_recipients_are_named_by_default_beside_their_badges() {
    let model = bundled_model();
    assert_eq!(model.labels, LabelChoice::Recipients);
    let (labels, badges, legend, map) = placed(&model, MapView::default());
    let mut names: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Cambodia",
            "Iran",
            "Iraq",
            "Italy",
            "Laos",
            "Myanmar",
            "Pakistan",
            "Philippines",
            "Serbia",
            "Venezuela"
        ]
    );
    assert!(labels.iter().all(|l| l.recipient));
    assert_clear(&labels, &badges, legend, map);
    // Each name is next to its own badge.
    let model_badges = aidmap::scene::compose::badge_layout(
        &model,
        &MapView::default(),
        Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0)),
    );
    for label in &labels {
        let badge = model_badges
            .iter()
            .find(|b| b.country == label.country)
            .unwrap();
        let distance = label.rect.distance_to_pos(badge.center);
        assert!(
            distance <= badge.radius + 4.0,
            "{} is {distance} away",
            label.text
        );
    }
}

#[test]
fn every_country_is_named_as_far_as_the_zoom_allows() {
    let mut model = bundled_model();
    model.labels = LabelChoice::All;
    let (world, badges, legend, map) = placed(&model, MapView::default());
    assert_clear(&world, &badges, legend, map);
    let named = |labels: &[PlacedLabel], name: &str| labels.iter().any(|l| l.text == name);
    assert!(world.len() > 40, "{} names at zoom 1", world.len());
    for big in ["Russia", "Brazil", "Australia", "Canada"] {
        assert!(named(&world, big), "{big} is named at zoom 1");
    }
    assert!(!named(&world, "Belgium"), "Belgium has no room at zoom 1");
    assert!(!named(&world, "Luxembourg"));
    // An archipelago spread over an ocean has room only where its largest island does.
    assert!(!named(&world, "Kiribati"), "no name in the open ocean");
    let europe = view_on(&model, 5.0, 50.0, 8.0);
    let (zoomed, badges, legend, map) = placed(&model, europe);
    assert_clear(&zoomed, &badges, legend, map);
    assert!(named(&zoomed, "Belgium"), "Belgium has room at zoom 8");
    assert!(named(&zoomed, "Netherlands"));
    // A name is drawn over its own country.
    let belgium = zoomed.iter().find(|l| l.text == "Belgium").unwrap();
    let at = model.projected.countries[belgium.country].label_point();
    assert_eq!(
        model.outlines.countries[belgium.country].iso_a3.as_deref(),
        Some("BEL")
    );
    assert!(model.projected.country_at(at, 0.0) == Some(belgium.country));
}

#[test]
fn no_names_when_none_are_asked_for() {
    let mut model = bundled_model();
    model.labels = LabelChoice::None;
    assert!(placed(&model, MapView::default()).0.is_empty());
}

#[test]
fn export_labels_option_in_svg() {
    let dir = tempfile::tempdir().unwrap();
    let texts = |choice: &str| {
        let out = dir.path().join(format!("map-{choice}.svg"));
        let mut args = vec!["--out", out.to_str().unwrap()];
        if !choice.is_empty() {
            args.extend(["--labels", choice]);
        }
        let (status, _, stderr) = run_command("export", &args);
        assert_eq!(status, 0, "{stderr}");
        let svg = std::fs::read_to_string(&out).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("labels"))
            .flat_map(|g| g.children().filter(|c| c.has_tag_name("text")))
            .map(|t| t.text().unwrap_or_default().to_string())
            .collect::<Vec<String>>()
    };
    let default = texts("");
    assert_eq!(default.len(), 10, "{default:?}");
    assert!(default.contains(&"Pakistan".to_string()));
    assert_eq!(texts("recipients"), default);
    assert!(texts("none").is_empty());
    let all = texts("all");
    assert!(
        all.len() > 40 && all.contains(&"Brazil".to_string()),
        "{all:?}"
    );
    let (status, _, stderr) = run_command("export", &["--labels", "some"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("none") && stderr.contains("all"),
        "{stderr}"
    );
}

#[test]
fn view_labels_menu_names_none_then_every_country() {
    let mut harness = harness(ThemeChoice::Light);
    harness.run();
    assert_eq!(harness.state().map.labels().len(), 10);
    let choose = |harness: &mut egui_kittest::Harness<'_, aidmap::ui::AidMapApp>, item: &str| {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label("Labels").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
    };
    choose(&mut harness, "No country names");
    assert_eq!(harness.state().model.labels, LabelChoice::None);
    assert!(harness.state().map.labels().is_empty());
    choose(&mut harness, "Every country's name (as the zoom allows)");
    assert_eq!(harness.state().model.labels, LabelChoice::All);
    assert!(harness.state().map.labels().len() > 20);
}
