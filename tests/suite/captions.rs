//! The picture's own words: `--title`, `--subtitle` (before the counts, which stay)
//! and `--note` (above the source line) in every output, and the window's Title and
//! notes panel.

use crate::common::*;

/// The texts of the SVG's groups of class `class`, in order.
fn texts_of(svg: &str, class: &str) -> Vec<(String, f32)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .flat_map(|g| {
            g.descendants()
                .filter(|n| n.has_tag_name("text"))
                .collect::<Vec<_>>()
        })
        .map(|t| {
            let text: String = t
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            (text, t.attribute("y").unwrap_or("0").parse().unwrap_or(0.0))
        })
        .collect()
}

#[test]
fn title_subtitle_and_note_are_drawn_and_the_counts_stay() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("own.svg");
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--title",
        "Where China's doctors went",
        "--subtitle",
        "Spring 2020",
        "--note",
        "Teams as the Foreign Ministry announced them",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(texts_of(&svg, "title")[0].0, "Where China's doctors went");
    assert_eq!(
        texts_of(&svg, "subtitle")[0].0,
        "Spring 2020 \u{b7} 12 teams to 10 countries, as of 9 April 2020"
    );
    let note = &texts_of(&svg, "note")[0];
    assert_eq!(note.0, "Teams as the Foreign Ministry announced them");
    let source = &texts_of(&svg, "source")[0];
    assert!(note.1 < source.1, "the note is above the source line");
    // The PNG says its title in its metadata too.
    let png = dir.path().join("own.png");
    let args = [
        "--out",
        png.to_str().unwrap(),
        "--title",
        "Where China's doctors went",
    ];
    assert_eq!(run_command("export", &args).0, 0);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let reader = decoder.read_info().unwrap();
    let title = reader
        .info()
        .uncompressed_latin1_text
        .iter()
        .find(|chunk| chunk.keyword == "Title")
        .map(|chunk| chunk.text.clone());
    assert_eq!(title.as_deref(), Some("Where China's doctors went"));
}

#[test]
fn a_note_goes_above_what_the_map_does_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "gap.csv", "country\nItaly\nAtlantis\n");
    let out = dir.path().join("gap.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--note",
        "Our note",
    ];
    assert_eq!(run_command("export", &args).0, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    let note = &texts_of(&svg, "note")[0];
    let gap = &texts_of(&svg, "not-shown")[0];
    let source = &texts_of(&svg, "source")[0];
    assert!(
        gap.1 < note.1 && note.1 < source.1,
        "{gap:?} {note:?} {source:?}"
    );
}

#[test]
fn empty_or_multi_line_captions_are_errors_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    for (option, value, expected) in [
        ("--title", "  ", "--title is empty"),
        ("--note", "one\ntwo", "--note has a line break"),
        (
            "--title",
            "Aid 🚑",
            "--title has characters the picture's fonts cannot draw: \"🚑\" (U+1F691)",
        ),
        (
            "--subtitle",
            "עזרה רפואית",
            "--subtitle has characters the picture's fonts",
        ),
    ] {
        let args = ["--out", out.to_str().unwrap(), option, value];
        let (status, _, stderr) = run_command("export", &args);
        assert_eq!(status, 2, "{option}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!out.exists());
    }
    let long = "T".repeat(301);
    let args = ["--out", out.to_str().unwrap(), "--title", long.as_str()];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--title is 301 characters long"),
        "{stderr}"
    );
}

#[test]
fn the_title_and_notes_panel_sets_the_words_on_the_map_and_resets_them() {
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Title and notes…").click();
    harness.run();
    harness.get_by_label("Title").click();
    harness.run();
    harness.get_by_label("Title").type_text("My map");
    harness.run();
    assert_eq!(harness.state().model.title(), "My map");
    harness.get_by_label("Note").click();
    harness.run();
    harness.get_by_label("Note").type_text("A note");
    harness.run();
    assert_eq!(
        harness.state().model.captions.note.as_deref(),
        Some("A note")
    );
    harness.get_by_label("Use the data's title").click();
    harness.run();
    assert_eq!(
        harness.state().model.title(),
        "China's medical expert teams abroad"
    );
    // Only the title goes back to the data's: the note stays.
    assert_eq!(
        harness.state().model.captions.note.as_deref(),
        Some("A note")
    );
}

#[test]
fn palettes_colour_the_fills_and_the_legend_has_no_empty_class() {
    use aidmap::scene::MapStyle;
    use aidmap::scene::palette::Palette;
    let dir = tempfile::tempdir().unwrap();
    let hex = |c: egui::Color32| format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
    for (palette, dark) in [
        (Palette::Viridis, false),
        (Palette::Cividis, true),
        (Palette::Blues, false),
    ] {
        let out = dir.path().join(format!("{}.svg", palette.name()));
        let theme = if dark { "dark" } else { "light" };
        let args = [
            "--out",
            out.to_str().unwrap(),
            "--palette",
            palette.name(),
            "--theme",
            theme,
        ];
        let (status, _, stderr) = run_command("export", &args);
        assert_eq!(status, 0, "{stderr}");
        let svg = std::fs::read_to_string(&out).unwrap();
        let style = if dark {
            MapStyle::dark()
        } else {
            MapStyle::light()
        };
        // Two classes ("1", "2–3"): Italy's 3 teams in the second.
        let (few, many) = (palette.color(&style, 0, 2), palette.color(&style, 1, 2));
        assert!(
            svg.contains(&hex(few)) && svg.contains(&hex(many)),
            "{palette:?}"
        );
        let default_many = Palette::OrangeRed.color(&style, 1, 2);
        assert!(!svg.contains(&hex(default_many)), "{palette:?}");
        let legend = texts_of(&svg, "legend");
        let labels: Vec<&str> = legend.iter().map(|(t, _)| t.as_str()).collect();
        assert!(
            labels.contains(&"1") && labels.contains(&"2–3"),
            "{labels:?}"
        );
        assert!(!labels.contains(&"2"), "no country has 2 teams: {labels:?}");
    }
    let out = dir.path().join("x.svg");
    let args = ["--out", out.to_str().unwrap(), "--palette", "rainbow"];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("orange-red, viridis, cividis, blues, greens"),
        "{stderr}"
    );
}

#[test]
fn view_palette_recolours_the_map() {
    use aidmap::scene::palette::Palette;
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Palette").click();
    harness.run();
    harness.get_by_label("Viridis (colour-blind safe)").click();
    harness.run();
    assert_eq!(harness.state().model.palette, Palette::Viridis);
    // The map's fills, not only the legend: the countries with one team are drawn
    // in viridis's first class, none in the default's.
    harness.hover_at(egui::pos2(5.0, 5.0));
    harness.run();
    let image = harness.render().unwrap();
    let light = aidmap::scene::MapStyle::light();
    let count = |color: egui::Color32| {
        image
            .pixels()
            .filter(|p| {
                p[0].abs_diff(color.r()) <= 2
                    && p[1].abs_diff(color.g()) <= 2
                    && p[2].abs_diff(color.b()) <= 2
            })
            .count()
    };
    let viridis = count(Palette::Viridis.color(&light, 0, 2));
    let default = count(Palette::OrangeRed.color(&light, 0, 2));
    assert!(
        viridis > 1_000 && default < 50,
        "viridis {viridis}, orange {default}"
    );
}

#[test]
fn a_transparent_png_has_no_background_but_keeps_its_words_readable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slide.png");
    let args = ["--out", out.to_str().unwrap(), "--transparent"];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    let alpha = |x: usize, y: usize| pixels[(y * info.width as usize + x) * 4 + 3];
    assert_eq!(alpha(2, 2), 0, "the corner is transparent");
    assert_eq!(alpha(1598, 400), 0, "beside the map too");
    assert_eq!(alpha(800, 400), 255, "the map is not");
    assert!(alpha(20, 30) > 200, "the title has a panel behind it");
    // Without the option, the same corner is the background.
    let opaque = dir.path().join("opaque.png");
    assert_eq!(
        run_command("export", &["--out", opaque.to_str().unwrap()]).0,
        0
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&opaque).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut pixels).unwrap();
    assert_eq!(pixels[3], 255);
    // An animation cannot be transparent: an error, no file.
    let gif = dir.path().join("x.gif");
    let args = ["--out", gif.to_str().unwrap(), "--transparent"];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--transparent is for a still picture"),
        "{stderr}"
    );
    assert!(!gif.exists());
}

#[test]
fn the_file_menu_makes_the_windows_exports_transparent() {
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Transparent background in exports")
        .click();
    harness.run();
    assert!(harness.state().exporter.transparent);
}

#[test]
fn the_data_table_filters_sorts_copies_and_saves_the_joined_data() {
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().exporter.folder = Some(dir.path().to_path_buf());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Data table").click();
    harness.run();
    harness.get_by_label("12 of 12 entries");
    // Sorted by arrival: Iran's team (29 February) first.
    harness.get_by_label("Arrived").click();
    harness.run();
    let app = harness.state_mut();
    let first = app.data_table.shown(&app.model)[0];
    app.data_table.selected = [first].into();
    let copied = app.data_table.selection_text(&app.model);
    assert!(copied.starts_with("Country\tArrived\tTeams"), "{copied}");
    assert!(
        copied
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("Iran\t2020-02-29\t1\t5\t"),
        "{copied}"
    );
    // Filtered: Italy's three teams.
    app.data_table.filter = "italy".into();
    harness.run();
    harness.get_by_label("3 of 12 entries");
    // Saved as CSV, which aidmap reads back: the same twelve teams and their places.
    harness.get_by_label("Export as CSV…").click();
    harness.run();
    let saved: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let path = saved[0].path();
    assert!(path.to_string_lossy().ends_with("-data.csv"), "{path:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("country,iso_a3,on_map,teams,arrived,members"),
        "{text}"
    );
    assert!(
        text.contains(
            "Italy,ITA,yes,1,2020-03-18,,12 or 13 (reports differ),Zhejiang province,CHN,Hangzhou,"
        ),
        "{text}"
    );
    let again = aidmap::data::load_aid(&path).unwrap();
    assert_eq!(again.total_teams(), 12);
    let notes: Vec<&str> = again
        .destinations
        .iter()
        .flat_map(|d| &d.details)
        .filter_map(|t| t.members_note.as_deref())
        .collect();
    assert!(
        notes.contains(&"12 or 13 (reports differ)"),
        "the members' notes come back: {notes:?}"
    );
    let with_arcs = again
        .destinations
        .iter()
        .flat_map(|d| &d.details)
        .filter(|t| t.origin.is_some())
        .count();
    assert_eq!(with_arcs, 12);
}

#[test]
fn a_members_note_sorts_after_every_number_both_ways() {
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Data table").click();
    harness.run();
    for _ in 0..2 {
        harness.get_by_label_contains("Members").click();
        harness.run();
        let app = harness.state_mut();
        let shown = app.data_table.shown(&app.model);
        app.data_table.selected = shown.iter().copied().collect();
        let copied = app.data_table.selection_text(&app.model);
        let members: Vec<&str> = copied
            .lines()
            .skip(1)
            .map(|line| line.split('\t').nth(3).unwrap())
            .collect();
        let numbers: Vec<u32> = members.iter().map_while(|m| m.parse().ok()).collect();
        assert!(numbers.len() >= 8, "{members:?}");
        assert!(
            members[numbers.len()..]
                .iter()
                .all(|m| m.parse::<u32>().is_err()),
            "notes and unreported come after every number: {members:?}"
        );
        let ascending = numbers.windows(2).all(|w| w[0] <= w[1]);
        let descending = numbers.windows(2).all(|w| w[0] >= w[1]);
        assert!(ascending || descending, "{numbers:?}");
    }
}
