//! Exports: size, colours where the countries are, the window and the headless export
//! agreeing, the SVG's structure, metadata, and failing cleanly.

use std::path::Path;
use std::process::Command;

use aidmap::data::bundled;
use aidmap::export::offscreen::{Picture, render};
use aidmap::geometry::projection::Projection;
use aidmap::scene::layout::Layout;
use aidmap::scene::{MapModel, MapStyle, MapView};
use egui::{Color32, ColorImage, Pos2, Rect, vec2};
use geo::InteriorPoint;

use crate::common::{bundled_model as model, run_command};

fn export(args: &[&str]) -> (i32, String, String) {
    run_command("export", args)
}

fn read_png(path: &Path) -> (png::OutputInfo, Vec<u8>, Vec<(String, String)>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let texts = reader
        .info()
        .uncompressed_latin1_text
        .iter()
        .map(|t| (t.keyword.clone(), t.text.clone()))
        .collect();
    (info, buffer, texts)
}

#[test]
fn a_headless_export_has_the_requested_size_at_scale_1_and_2() {
    let dir = tempfile::tempdir().unwrap();
    for (scale, expected) in [("1", (1600, 800)), ("2", (3200, 1600))] {
        let out = dir.path().join(format!("map-{scale}.png"));
        let (status, _, stderr) = export(&["--out", out.to_str().unwrap(), "--scale", scale]);
        assert_eq!(status, 0, "{stderr}");
        let (info, _, _) = read_png(&out);
        assert_eq!((info.width, info.height), expected);
    }
    let out = dir.path().join("small.png");
    let (status, _, stderr) = export(&[
        "--out",
        out.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "400",
    ]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        (read_png(&out).0.width, read_png(&out).0.height),
        (800, 400)
    );
}

#[test]
fn pngs_carry_title_source_software_and_creation_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    assert_eq!(export(&["--out", out.to_str().unwrap()]).0, 0);
    let (_, _, texts) = read_png(&out);
    let get = |key: &str| {
        texts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("Title"), "China's medical expert teams abroad");
    assert!(
        get("Source").contains("Daily Mail (Islamabad)"),
        "{}",
        get("Source")
    );
    assert_eq!(
        get("Source"),
        "Daily Mail (Islamabad), 9 April 2020, \"Chinese help abroad reflects humanitarian spirit: Beijing\""
    );
    assert!(get("Outlines").starts_with("Made with Natural Earth"));
    assert!(get("Data").contains("china-medical-teams-2020.json"));
    assert_eq!(
        get("Software"),
        format!("aidmap {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        get("Creation Time").contains("+0000"),
        "{}",
        get("Creation Time")
    );
}

fn pixel(image: &ColorImage, p: Pos2) -> Color32 {
    image.pixels[p.y as usize * image.size[0] + p.x as usize]
}

fn screen_of(model: &MapModel, lon: f64, lat: f64, size: egui::Vec2) -> Pos2 {
    let layout = Layout::new(Rect::from_min_size(Pos2::ZERO, size));
    let transform = MapView::default().transform(model.projected.world_bounds, layout.map);
    transform.to_screen(model.projected.projection.forward(lon, lat))
}

/// A point inside the largest polygon of `country`, in degrees.
fn interior_of_largest_polygon(model: &MapModel, country: usize) -> geo::Point<f64> {
    use geo::Area;
    let outline = &model.outlines.countries[country];
    let largest = outline
        .shape
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .unwrap();
    largest.interior_point().unwrap()
}

/// Points spiralling out from `centre`, 16 to a turn, up to 40 points away.
fn around(centre: Pos2) -> impl Iterator<Item = Pos2> {
    (0..40).flat_map(move |r| {
        (0..16).map(move |k| {
            let angle = k as f32 * std::f32::consts::FRAC_PI_8;
            centre + vec2(angle.cos(), angle.sin()) * r as f32
        })
    })
}

#[test]
fn recipients_are_drawn_in_the_colour_of_their_class() {
    let (model, size) = (model(), vec2(1600.0, 800.0));
    let image = render(&model, &Picture::whole_world(size)).unwrap();
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let badges = aidmap::scene::compose::badge_layout(&model, &MapView::default(), rect);
    let transform =
        MapView::default().transform(model.projected.world_bounds, Layout::new(rect).map);
    for country in model.recipients() {
        let point = interior_of_largest_polygon(&model, country);
        let teams = model.teams_of(country);
        let expected =
            MapStyle::light().highlight(model.classes.class_of(teams), model.classes.len());
        let interior = screen_of(&model, point.x(), point.y(), size);
        // Badges sit at countries' visual centres, which can cover an interior point:
        // take the nearest pixel of the country that no badge covers and that is not
        // blended with a border.
        let uncovered = |p: Pos2| badges.iter().all(|b| b.center.distance(p) > b.radius + 2.0);
        let inside =
            |p: Pos2| model.projected.country_at(transform.to_world(p), 0.0) == Some(country);
        let found =
            around(interior).find(|&p| uncovered(p) && inside(p) && pixel(&image, p) == expected);
        let name = &model.outlines.countries[country].name;
        assert!(
            found.is_some(),
            "{name} near {interior:?}: no pixel of its fill {expected:?}"
        );
    }
}

#[test]
fn countries_without_teams_are_drawn_in_the_land_colour() {
    let (model, size) = (model(), vec2(1600.0, 800.0));
    let image = render(&model, &Picture::whole_world(size)).unwrap();
    let style = MapStyle::light();
    for code in ["FRA", "BRA", "IND", "CHN", "AUS"] {
        let country = model.find_country(code).one().unwrap();
        let point = model.outlines.countries[country]
            .shape
            .interior_point()
            .unwrap();
        let at = screen_of(&model, point.x(), point.y(), size);
        assert_eq!(pixel(&image, at), style.land, "{code}");
    }
}

/// The scene as the GPU draws it (wgpu, software renderer), at `size`.
fn drawn_by_the_gpu(size: egui::Vec2) -> ColorImage {
    use aidmap::scene::{SceneCache, SceneState, paint_scene};
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(
            |ui, (model, cache): &mut (MapModel, SceneCache)| {
                ui.ctx().set_fonts(aidmap::scene::fonts::fonts());
                let rect = ui.ctx().content_rect();
                let (view, style) = (MapView::default(), MapStyle::light());
                let state = SceneState::default();
                paint_scene(
                    &ui.painter_at(rect),
                    rect,
                    model,
                    &view,
                    &style,
                    &state,
                    cache,
                );
            },
            (model(), SceneCache::default()),
        );
    harness.run();
    let image = harness.render().unwrap();
    let image_size = [image.width() as usize, image.height() as usize];
    ColorImage::from_rgba_unmultiplied(image_size, image.as_raw())
}

#[test]
fn the_window_and_the_headless_export_of_the_same_view_match() {
    let size = vec2(1200.0, 640.0);
    let window = drawn_by_the_gpu(size);
    let exported = render(&model(), &Picture::whole_world(size)).unwrap();
    assert_eq!(window.size, exported.size);
    let diffs: Vec<u32> = window
        .pixels
        .iter()
        .zip(&exported.pixels)
        .map(|(a, b)| {
            (0..3)
                .map(|i| a[i].abs_diff(b[i]) as u32)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let count = diffs.len();
    let mean = diffs.iter().map(|&d| d as f64).sum::<f64>() / count as f64;
    assert!(mean < 1.0, "mean channel difference {mean}");
    let far = diffs.iter().filter(|&&d| d > 48).count();
    assert!(
        (far as f64) < count as f64 * 0.002,
        "{far} of {count} pixels differ by more than 48"
    );
}

#[test]
fn the_svg_parses_and_has_one_group_per_country() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let (status, _, stderr) = export(&["--out", out.to_str().unwrap(), "--select", "ITA"]);
    assert_eq!(status, 0, "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let countries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("country"))
        .collect();
    assert_eq!(countries.len(), 241);
    assert!(
        countries
            .iter()
            .all(|c| c.children().filter(|n| n.has_tag_name("path")).count() == 1),
        "each country is one path"
    );
    let italy = countries
        .iter()
        .find(|n| n.attribute("data-code") == Some("ITA"))
        .unwrap();
    assert_eq!(italy.attribute("data-teams"), Some("3"));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    assert!(texts.contains(&"China's medical expert teams abroad".to_string()));
    assert!(texts.contains(&"12 teams to 10 countries, as of 9 April 2020".to_string()));
    assert!(texts.iter().any(|t| t.contains("Made with Natural Earth")));
    // One badge per recipient (nine say 1, Italy's says 3), and the legend's rows 1 and
    // 2–3 (no country has 2 teams: no row of its own).
    assert_eq!(texts.iter().filter(|t| *t == "1").count(), 10);
    assert_eq!(
        texts.iter().filter(|t| *t == "3").count(),
        1,
        "Italy's badge"
    );
    assert_eq!(
        texts.iter().filter(|t| *t == "2–3").count(),
        1,
        "the legend's row"
    );
    assert!(
        doc.descendants()
            .any(|n| n.attribute("class") == Some("selected"))
    );
}

#[test]
fn export_to_a_missing_folder_fails_cleanly_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("map.png");
    let (status, stdout, stderr) = export(&["--out", missing.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: ") && stderr.contains("no-such-folder/map.png"),
        "{stderr}"
    );
    assert!(!missing.exists());
}

#[test]
fn a_folder_no_one_may_write_in_is_an_error_naming_the_file() {
    // Not even root may create files in /proc, so this fails for every user.
    let (status, stdout, stderr) = export(&["--out", "/proc/aidmap-map.png"]);
    assert_eq!(status, 2, "{stdout}");
    assert!(
        stderr.starts_with("error: /proc/aidmap-map.png: cannot write the file"),
        "{stderr}"
    );
}

#[test]
fn a_file_name_of_no_format_aidmap_writes_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (status, _, stderr) = export(&["--out", dir.path().join("map.jpg").to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("must end in .png, .svg, .pdf, .gif, .apng or .mp4"),
        "{stderr}"
    );
    assert!(!dir.path().join("map.jpg").exists());
}

#[test]
fn a_failed_export_keeps_the_earlier_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    std::fs::write(&out, b"earlier export").unwrap();
    let (status, _, _) = export(&["--out", out.to_str().unwrap(), "--select", "Atlantis"]);
    assert_eq!(status, 2);
    assert_eq!(std::fs::read(&out).unwrap(), b"earlier export");
}

fn svg_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let mut all = vec!["--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let (status, _, stderr) = export(&all);
    assert_eq!(status, 0, "{stderr}");
    std::fs::read_to_string(&out).unwrap()
}

/// The rect of an SVG element with x, y, width and height.
fn svg_rect(node: roxmltree::Node<'_, '_>) -> Rect {
    let get = |name: &str| node.attribute(name).unwrap().parse::<f32>().unwrap();
    Rect::from_min_size(
        Pos2::new(get("x"), get("y")),
        vec2(get("width"), get("height")),
    )
}

#[test]
fn the_svg_carries_the_card_with_every_quote_and_no_controls() {
    let text = svg_of(&["--select", "ITA", "--popup"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let card = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("card"))
        .expect("a card group");
    assert_eq!(card.attribute("data-code"), Some("ITA"));
    let words: String = card
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("Italy") && words.contains("3 teams"),
        "{words}"
    );
    assert!(
        words.contains("Members: 12 or 13 (reports differ)"),
        "{words}"
    );
    assert!(!words.contains("Close"), "{words}");
    let aid = bundled::aid_data().unwrap();
    let omitted: usize = card.attribute("data-omitted").unwrap().parse().unwrap();
    if omitted == 0 {
        for quote in &aid.quotes {
            // Wrapped rows joined by spaces give the quote back, word for word, in
            // its quotation marks (nested ones turned to single marks).
            let shown = aidmap::scene::card::quoted(&quote.text);
            assert!(words.contains(shown.as_str()), "{shown}");
        }
    } else {
        assert!(words.contains("not shown at this size"), "{words}");
    }
}

#[test]
fn the_svg_counts_what_the_card_says_it_left_out() {
    let text = svg_of(&[
        "--select", "ITA", "--popup", "--width", "300", "--height", "300",
    ]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let card = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("card"))
        .unwrap();
    // The note may wrap onto two rows: read the card's words as one text.
    let texts: Vec<&str> = card
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let words = texts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let start = words
        .rfind("… and")
        .expect("a small card says what it left out");
    let note = &words[start..];
    assert!(note.ends_with("not shown at this size"), "{note}");
    // "… and 2 more teams, 3 more quotes not shown at this size": 5.
    let said: usize = note
        .split_whitespace()
        .filter_map(|word| word.parse::<usize>().ok())
        .sum();
    let omitted: usize = card.attribute("data-omitted").unwrap().parse().unwrap();
    assert_eq!(omitted, said, "{note}");
}

#[test]
fn a_tall_export_shows_the_whole_card() {
    let text = svg_of(&[
        "--select", "ITA", "--popup", "--width", "1600", "--height", "1400",
    ]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let card = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("card"))
        .unwrap();
    assert_eq!(card.attribute("data-omitted"), Some("0"));
}

#[test]
fn an_exported_card_covers_no_recipient_badge() {
    for (select, projection, size) in [
        ("Serbia", "equal-earth", ("1600", "800")),
        ("Italy", "equal-earth", ("1600", "800")),
        ("Laos", "mercator", ("1600", "800")),
        ("Venezuela", "natural-earth", ("1000", "700")),
    ] {
        let text = svg_of(&[
            "--select",
            select,
            "--popup",
            "--projection",
            projection,
            "--width",
            size.0,
            "--height",
            size.1,
        ]);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let card = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("card"))
            .unwrap();
        let frame = svg_rect(card.children().find(|n| n.has_tag_name("rect")).unwrap());
        let badges: Vec<Rect> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("badge"))
            .map(|badge| {
                let circle = badge
                    .children()
                    .rfind(|n| n.has_tag_name("circle"))
                    .unwrap();
                let get = |name: &str| circle.attribute(name).unwrap().parse::<f32>().unwrap();
                Rect::from_center_size(
                    Pos2::new(get("cx"), get("cy")),
                    vec2(2.0 * get("r"), 2.0 * get("r")),
                )
            })
            .collect();
        assert_eq!(badges.len(), 10);
        for badge in &badges {
            assert!(
                !badge.intersects(frame),
                "{select}: the card {frame:?} covers a badge at {badge:?}"
            );
        }
    }
}

#[test]
fn options_a_format_cannot_use_are_errors_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let (status, _, stderr) = export(&["--out", svg.to_str().unwrap(), "--scale", "2"]);
    assert_eq!(status, 2);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("--scale"),
        "{stderr}"
    );
    assert!(!svg.exists());
}

#[test]
fn select_never_picks_a_country_by_its_first_letters() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    for text in ["Ni", "Sw", "Aus", "-", "Ukr"] {
        let (status, _, stderr) = export(&["--out", out.to_str().unwrap(), "--select", text]);
        assert_eq!(status, 2, "{text}: {stderr}");
        assert!(
            stderr.contains("no country has this name or code"),
            "{stderr}"
        );
    }
    let (status, _, stderr) = export(&["--out", out.to_str().unwrap(), "--select", "Congo"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("Congo: ") && stderr.contains("(COG) or ") && stderr.contains("(COD)?"),
        "{stderr}"
    );
    for (text, code) in [
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("DR Congo", "COD"),
        ("Burma", "MMR"),
    ] {
        let text_svg = svg_of(&["--select", text]);
        let doc = roxmltree::Document::parse(&text_svg).unwrap();
        let selected = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("selected"))
            .unwrap();
        assert_eq!(selected.attribute("data-code"), Some(code), "{text}");
    }
}

#[test]
fn the_whole_world_fits_with_a_margin_at_any_aspect_ratio() {
    let mut model = model();
    for projection in [
        Projection::EqualEarth,
        Projection::NaturalEarth1,
        Projection::Equirectangular,
        Projection::Mercator,
    ] {
        model.set_projection(projection);
        for size in [
            vec2(1600.0, 800.0),
            vec2(800.0, 1600.0),
            vec2(1000.0, 1000.0),
            vec2(3000.0, 600.0),
            vec2(1400.0, 860.0),
        ] {
            let map = Layout::of(Rect::from_min_size(Pos2::ZERO, size), &model).map;
            let transform = MapView::default().transform(model.projected.world_bounds, map);
            let [x0, y0, x1, y1] = model.projected.world_bounds;
            let world =
                Rect::from_two_pos(transform.to_screen([x0, y0]), transform.to_screen([x1, y1]));
            let margin = 0.02 * map.width().min(map.height());
            assert!(
                map.shrink(margin).contains_rect(world),
                "{projection:?} at {size:?}: the world {world:?} is not inside {map:?} with a margin"
            );
        }
    }
}

#[test]
fn a_badge_never_reads_as_another_recipients() {
    let mut model = model();
    for (projection, size) in [
        (Projection::EqualEarth, vec2(600.0, 1200.0)),
        (Projection::Mercator, vec2(1600.0, 800.0)),
        (Projection::EqualEarth, vec2(1600.0, 800.0)),
        (Projection::NaturalEarth1, vec2(800.0, 400.0)),
    ] {
        model.set_projection(projection);
        let rect = Rect::from_min_size(Pos2::ZERO, size);
        let badges = aidmap::scene::compose::badge_layout(&model, &MapView::default(), rect);
        let map = Layout::of(rect, &model).map;
        let transform = MapView::default().transform(model.projected.world_bounds, map);
        let recipient_at = |p: Pos2| {
            model
                .projected
                .country_at(transform.to_world(p), 0.0)
                .filter(|&c| model.teams_of(c) > 0)
        };
        for badge in badges.iter().filter(|b| b.has_leader()) {
            let name = &model.outlines.countries[badge.country].name;
            for i in 0..=100 {
                let p = badge.anchor.lerp(badge.center, i as f32 / 100.0);
                let under = recipient_at(p);
                assert!(
                    under.is_none() || under == Some(badge.country),
                    "{projection:?} {size:?}: {name}'s leader line crosses {}",
                    model.outlines.countries[under.unwrap()].name
                );
            }
            // No other recipient's label point is nearer the badge than its own.
            let own = badge.center.distance(badge.anchor);
            for other in badges.iter().filter(|o| o.country != badge.country) {
                assert!(
                    badge.center.distance(other.anchor) > own,
                    "{projection:?} {size:?}: {name}'s badge is nearer {}",
                    model.outlines.countries[other.country].name
                );
            }
        }
    }
}

#[test]
fn text_that_xml_and_png_forbid_never_reaches_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("aid.json");
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/china-medical-teams-2020.json"
    ))
    .unwrap()
    .replacen(
        "\"title\": \"China's medical expert teams abroad\"",
        "\"title\": \"Teams\\u0000 \\u001b[2J\\uFFFE\\uFFFF abroad\"",
        1,
    );
    std::fs::write(&data, json).unwrap();
    let svg = dir.path().join("map.svg");
    let png = dir.path().join("map.png");
    for out in [&svg, &png] {
        let (status, _, stderr) = export(&[
            "--data",
            data.to_str().unwrap(),
            "--select",
            "ITA",
            "--popup",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(status, 0, "{stderr}");
    }
    let text = std::fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&text).expect("the SVG is XML");
    let (_, _, texts) = read_png(&png);
    let title = &texts.iter().find(|(k, _)| k == "Title").unwrap().1;
    assert!(!title.chars().any(char::is_control), "{title:?}");
}

#[test]
fn pixels_past_ten_thousand_are_drawn_at_any_scale() {
    // A tall picture at scale 2: its source line lies past pixel row 10,000, where
    // egui's first-pass screen rectangle once clipped everything away.
    let picture = Picture {
        size: vec2(300.0, 5200.0),
        scale: 2.0,
        ..Picture::whole_world(vec2(300.0, 5200.0))
    };
    let image = render(&model(), &picture).unwrap();
    assert_eq!(image.size, [600, 10400]);
    let background = MapStyle::light().background;
    let drawn_past = image.pixels[10_000 * 600..]
        .iter()
        .filter(|&&p| p != background)
        .count();
    assert!(drawn_past > 100, "only {drawn_past} pixels past row 10,000");
}

#[test]
fn an_svg_may_be_as_large_as_the_documented_maximum() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huge.svg");
    let (status, _, stderr) = export(&[
        "--out",
        out.to_str().unwrap(),
        "--width",
        "20000",
        "--height",
        "20000",
    ]);
    assert_eq!(status, 0, "{stderr}");
    roxmltree::Document::parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
}

/// Run one of poppler's tools on `pdf`; its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        // pdftotext writes to standard output only when told so.
        .args((tool == "pdftotext").then_some("-"))
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed by this test: {e}"));
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_pdf_is_one_vector_page_with_its_words_as_text_in_the_window_s_font() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.pdf");
    let args = ["--out", out.to_str().unwrap(), "--select", "ITA", "--popup"];
    let (status, _, stderr) = export(&args);
    assert_eq!(status, 0, "{stderr}");
    let info = poppler("pdfinfo", &[], &out);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("Page size:       1600 x 800 pts"), "{info}");
    assert!(
        info.contains("Title:           China's medical expert teams abroad"),
        "{info}"
    );
    assert!(
        info.contains("Subject:         Source: Daily Mail (Islamabad)"),
        "{info}"
    );
    let fonts = poppler("pdffonts", &[], &out);
    let ubuntu = fonts.lines().find(|l| l.contains("Ubuntu-Light"));
    let columns: Vec<&str> = ubuntu.expect(&fonts).split_whitespace().collect();
    assert_eq!(columns[columns.len() - 5], "yes", "embedded: {fonts}");
    let words = poppler("pdftotext", &["-layout"], &out).replace('\n', " ");
    for expected in [
        "China's medical expert teams abroad",
        "12 teams to 10 countries, as of 9 April 2020",
        "Members: 12 or 13 (reports differ)",
        "Made with Natural Earth",
    ] {
        assert!(
            words.contains(expected),
            "{expected:?} is not text in {words}"
        );
    }
}

#[test]
fn the_pdf_looks_like_the_png() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("map.pdf");
    let png = dir.path().join("map.png");
    for out in [&pdf, &png] {
        let args = ["--out", out.to_str().unwrap(), "--select", "ITA", "--popup"];
        let (status, _, stderr) = export(&args);
        assert_eq!(status, 0, "{stderr}");
    }
    let prefix = dir.path().join("page");
    let rendered = Command::new("pdftoppm")
        .args(["-r", "72", "-png", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is needed by this test");
    assert!(rendered.success());
    let page = read_image(&dir.path().join("page.png"));
    let picture = read_image(&png);
    assert_eq!(page.size, picture.size);
    // Glyphs and circle edges are anti-aliased differently by poppler and by egui:
    // compare the mean colour of 8 × 8 blocks. The PDF of the map without its card
    // differs from the PNG with it in about 5% of the blocks.
    let share = share_of_blocks_that_differ(&page, &picture, 8, 24.0);
    assert!(share < 0.01, "{:.2}% of the blocks differ", share * 100.0);
    // Not a blank page: Italy (3 teams, the darkest class) is filled in Sicily (no arc
    // passes over it: those to Rome and Milan come from the north-east).
    let abruzzo = screen_of(&model(), 14.2, 37.5, vec2(1600.0, 800.0));
    let dark = MapStyle::light().highlight(2, 3);
    let near = |a: Color32, b: Color32| (0..3).all(|i| a[i].abs_diff(b[i]) <= 16);
    assert!(
        near(pixel(&picture, abruzzo), dark),
        "{:?}",
        pixel(&picture, abruzzo)
    );
    assert!(
        near(pixel(&page, abruzzo), dark),
        "{:?}",
        pixel(&page, abruzzo)
    );
}

/// The share of `side` × `side` blocks whose mean colours differ by more than
/// `threshold` in some channel.
fn share_of_blocks_that_differ(a: &ColorImage, b: &ColorImage, side: usize, threshold: f32) -> f64 {
    let [width, height] = a.size;
    let mean = |image: &ColorImage, bx: usize, by: usize| {
        let mut sum = [0.0f32; 3];
        for y in by * side..(by + 1) * side {
            for x in bx * side..(bx + 1) * side {
                let rgba = image.pixels[y * width + x].to_array();
                for (total, value) in sum.iter_mut().zip(rgba) {
                    *total += value as f32;
                }
            }
        }
        sum.map(|total| total / (side * side) as f32)
    };
    let (columns, rows) = (width / side, height / side);
    let mut differing = 0;
    for by in 0..rows {
        for bx in 0..columns {
            let (ma, mb) = (mean(a, bx, by), mean(b, bx, by));
            if (0..3).any(|i| (ma[i] - mb[i]).abs() > threshold) {
                differing += 1;
            }
        }
    }
    differing as f64 / (columns * rows) as f64
}

/// A PNG file as an image (RGB or RGBA, 8 bits).
fn read_image(path: &Path) -> ColorImage {
    let (info, buffer, _) = read_png(path);
    let channels = info.color_type.samples();
    let pixels = buffer[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| match p {
            [r, g, b] => Color32::from_rgb(*r, *g, *b),
            [r, g, b, a] => Color32::from_rgba_premultiplied(*r, *g, *b, *a),
            _ => Color32::TRANSPARENT,
        })
        .collect();
    ColorImage::new([info.width as usize, info.height as usize], pixels)
}

/// The top `rows` rows of `image`, shrunk by `factor` (each pixel the mean of a
/// `factor` × `factor` block).
fn shrunk_top(image: &ColorImage, factor: usize, rows: usize) -> ColorImage {
    let width = image.size[0] / factor;
    let mut pixels = Vec::with_capacity(width * rows);
    for y in 0..rows {
        for x in 0..width {
            let mut sum = [0u32; 4];
            for dy in 0..factor {
                for dx in 0..factor {
                    let p = image.pixels[(y * factor + dy) * image.size[0] + x * factor + dx];
                    for (total, value) in sum.iter_mut().zip(p.to_array()) {
                        *total += value as u32;
                    }
                }
            }
            let [r, g, b, a] = sum.map(|total| (total / (factor * factor) as u32) as u8);
            pixels.push(Color32::from_rgba_premultiplied(r, g, b, a));
        }
    }
    ColorImage::new([width, rows], pixels)
}

#[test]
fn a_title_of_many_letters_reads_the_same_at_scale_8_as_at_scale_1() {
    // 130 distinct letters: at scale 8 each glyph is 8 × 8 times as large in the font
    // atlas, which once overflowed and drew fragments of other glyphs.
    let title: String = ('A'..='Z')
        .chain('a'..='z')
        .chain('À'..='ÿ')
        .take(130)
        .collect();
    let mut model = model();
    model.aid.title = title;

    let size = vec2(1250.0, 300.0);
    let at = |scale: f32| {
        let picture = Picture {
            scale,
            ..Picture::whole_world(size)
        };
        render(&model, &picture)
    };
    let sharp = match at(8.0) {
        Ok(image) => image,
        // Refusing the size is right too; drawing garbled text is not.
        Err(err) => return assert!(err.to_string().contains("--scale"), "{err}"),
    };
    let plain = at(1.0).unwrap();
    let shrunk = shrunk_top(&sharp, 8, plain.size[1]);
    let share = share_of_blocks_that_differ(&shrunk, &plain, 5, 40.0);
    assert!(share < 0.01, "{:.2}% of the blocks differ", share * 100.0);
}

#[test]
fn a_card_taller_than_the_picture_is_cut_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut data: serde_json::Value =
        serde_json::from_slice(&std::fs::read("assets/china-medical-teams-2020.json").unwrap())
            .unwrap();
    for team in data["teams"].as_array_mut().unwrap() {
        team["sent_by"] = "word ".repeat(1999).into();
    }
    let file = dir.path().join("long.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let text = svg_of(&[
        "--data",
        file.to_str().unwrap(),
        "--select",
        "ITA",
        "--popup",
    ]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let card = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("card"))
        .unwrap();
    let frame = svg_rect(card.children().find(|n| n.has_tag_name("rect")).unwrap());
    assert!(frame.max.y <= 800.0 && frame.min.y >= 0.0, "{frame:?}");
    let words: Vec<&str> = card.descendants().filter_map(|n| n.text()).collect();
    let words = words.join(" ");
    assert!(words.contains("the rest of this team"), "{words}");
}
