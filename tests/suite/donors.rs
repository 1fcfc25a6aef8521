//! Your own data's places by name (the gazetteer) and its donors: each donor's arcs in
//! a hue of their own with a legend line each, places looked up in the row's country,
//! and every place that cannot be located reported with its row.

use crate::common::*;

/// Italy's teams from three donors, by place names only.
const THREE_DONORS: &str = "country,teams,arrived,from,from_place,place,members\n\
    Italy,1,2020-03-12,China,Shanghai,Rome,9\n\
    Italy,1,2020-03-22,Cuba,,Crema,52\n\
    Italy,2,2020-03-22,Russia,Moscow,Bergamo,\n";

/// Each `flow-arc` group of an SVG export: (data-donor, data-from, data-to, the
/// stroke colour of its `<path class="flow">`).
fn arcs_of(svg: &str) -> Vec<(String, String, String, String)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("flow-arc"))
        .map(|group| {
            let path = group
                .descendants()
                .find(|n| n.attribute("class") == Some("flow"))
                .unwrap();
            let attr = |name| group.attribute(name).unwrap_or_default().to_string();
            (
                attr("data-donor"),
                attr("data-from"),
                attr("data-to"),
                path.attribute("stroke").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn export_svg(dir: &std::path::Path, data: &std::path::Path, extra: &[&str]) -> String {
    let out = dir.join("map.svg");
    let mut args = vec![
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn three_donors_draw_in_three_hues_with_a_legend_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "donors.csv", THREE_DONORS);
    for theme in ["light", "dark"] {
        let svg = export_svg(dir.path(), &data, &["--theme", theme]);
        let arcs = arcs_of(&svg);
        assert_eq!(arcs.len(), 3, "{arcs:?}");
        let hue = |donor: &str| {
            let found: Vec<&String> = arcs.iter().filter(|a| a.0 == donor).map(|a| &a.3).collect();
            assert_eq!(found.len(), 1, "{donor}: {arcs:?}");
            found[0].clone()
        };
        let (russia, china, cuba) = (hue("Russia"), hue("China"), hue("Cuba"));
        assert!(
            russia != china && china != cuba && cuba != russia,
            "{arcs:?}"
        );
        for line in ["from Russia", "from China", "from Cuba"] {
            assert_eq!(svg.matches(line).count(), 1, "{line} once in the legend");
        }
        assert!(!svg.contains("from sender to arrival place"));
        assert!(
            svg.contains("4 teams from 3 donors to 1 country"),
            "{theme}"
        );
        assert!(svg.contains("Places: GeoNames"));
    }
}

#[test]
fn two_donors_in_two_hues_and_one_donor_in_the_usual_colour() {
    let dir = tempfile::tempdir().unwrap();
    let two = "country,from,from_place,place\n\
               Italy,Cuba,,Crema\n\
               Italy,China,Shanghai,Rome\n";
    let data = write(dir.path(), "two.csv", two);
    let svg = export_svg(dir.path(), &data, &[]);
    let arcs = arcs_of(&svg);
    assert_eq!(arcs.len(), 2);
    assert_ne!(arcs[0].3, arcs[1].3, "two donors, two hues");
    assert_eq!(svg.matches("from Cuba").count(), 1);
    assert_eq!(svg.matches("from China").count(), 1);
    // One donor: the theme's arc colour and the one legend line, its name in the
    // subtitle.
    let one = "country,from,from_place,place\nItaly,Cuba,,Crema\nPeru,Cuba,,Lima\n";
    let data = write(dir.path(), "one.csv", one);
    let svg = export_svg(dir.path(), &data, &[]);
    let arcs = arcs_of(&svg);
    assert_eq!(arcs.len(), 2);
    assert_eq!(arcs[0].3, arcs[1].3);
    assert!(svg.contains("from sender to arrival place"));
    assert!(
        svg.contains("2 teams to 2 countries"),
        "one donor is not named"
    );
}

#[test]
fn places_are_looked_up_in_their_own_country_and_a_donor_without_one_starts_at_its_capital() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "donors.csv", THREE_DONORS);
    let svg = export_svg(dir.path(), &data, &[]);
    let mut ends: Vec<(String, String)> = arcs_of(&svg)
        .into_iter()
        .map(|(_, from, to, _)| (from, to))
        .collect();
    ends.sort();
    let expected = [
        ("Havana, capital of Cuba", "Crema"),
        ("Moscow", "Bergamo"),
        ("Shanghai", "Rome"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(ends, expected);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 0, "{stdout}");
    assert!(
        stdout.contains("3 donors: Russia (2 teams), China (1), Cuba (1)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("5 places located by name among GeoNames' cities of 15,000 people")
            && stdout
                .contains("1 team's arc starts at the donor country's capital (no from_place)"),
        "{stdout}"
    );
    // The same in the JSON form, with the provider as every team's donor.
    let json = r#"{"title": "Own", "provider": {"country": "Cuba"}, "teams": [
        {"country": "Italy", "place": "Crema"},
        {"country": "Italy", "from": "Russia", "from_place": "Moscow", "place": "Bergamo"}]}"#;
    let data = write(dir.path(), "own.json", json);
    let svg = export_svg(dir.path(), &data, &[]);
    let mut froms: Vec<String> = arcs_of(&svg).into_iter().map(|a| a.1).collect();
    froms.sort();
    assert_eq!(froms, ["Havana, capital of Cuba", "Moscow"]);
}

#[test]
fn an_unknown_or_ambiguous_place_is_reported_with_its_row_and_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from,from_place,place\n\
               Italy,Russia,Mila,Bergamo\n\
               China,Russia,Moscow,Fuzhou\n\
               Peru,Narnia,,Lima\n\
               Italy,,Paris,Rome\n";
    let data = write(dir.path(), "bad-places.csv", csv);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(
        status, 1,
        "unlocated places fail check as unmatched countries do"
    );
    for expected in [
        "unlocated: row 1 (line 2): from_place \"Mila\" is not among GeoNames' cities of \
         15,000 people or more in Russian Federation",
        "unlocated: row 2 (line 3): place \"Fuzhou\" could be 2 cities in China: Fuzhou (",
        "unlocated: row 3 (line 4): from \"Narnia\" names no country",
        "unlocated: row 4 (line 5): from_place \"Paris\": 3 cities are known by that name:",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    let at = |row: &str| stdout.find(row).unwrap();
    assert!(
        at("row 1 (line 2)") < at("row 2 (line 3)")
            && at("row 2 (line 3)") < at("row 3 (line 4)")
            && at("row 3 (line 4)") < at("row 4 (line 5)"),
        "in the file's order: {stdout}"
    );
    // Moscow to China is drawn, ending inside China (Fuzhou is not chosen for it).
    let svg = export_svg(dir.path(), &data, &[]);
    let arcs = arcs_of(&svg);
    assert_eq!(arcs.len(), 1, "{arcs:?}");
    assert_eq!(arcs[0].2, "China (Fuzhou not located)");
    assert!(svg.contains(
        "No arc for 3 teams to Italy, Peru (where they came from is not given or not \
         located)"
    ));
    // --strict refuses the picture.
    let out = dir.path().join("strict.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ];
    assert_eq!(run_command("export", &args).0, 1);
    assert!(!out.exists());
}

#[test]
fn the_window_filters_by_donor_and_groups_the_recipients_by_donor() {
    use aidmap::scene::style::ThemeChoice;
    use aidmap::ui::FileKind;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,teams,from,from_place,place,sent_by\n\
               Italy,1,China,Shanghai,Rome,National Health Commission\n\
               Italy,1,Cuba,,Crema,Henry Reeve Brigade\n\
               Italy,2,Russia,Moscow,Bergamo,\n\
               Peru,1,Cuba,,Lima,\n";
    let data = write(dir.path(), "three.csv", csv);
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().load_file(FileKind::Data, &data);
    harness.run();
    // Most teams first; Cuba is met before Russia in the data.
    assert_eq!(
        harness.state().model.donors.names,
        ["Cuba", "Russia", "China"]
    );
    assert!(
        harness
            .query_all_by_label_contains("5 teams from 3 donors to 2 countries")
            .next()
            .is_some()
    );
    // Choose Cuba in the Donor box: the counts, the subtitle and the arcs follow.
    harness.get_by_label("Donor").click();
    harness.run();
    harness.get_by_label("Cuba (2 teams)").click();
    harness.run();
    assert_eq!(harness.state().model.donor, Some(0));
    assert!(
        harness
            .query_all_by_label_contains("2 teams from Cuba to 2 countries")
            .next()
            .is_some()
    );
    assert_eq!(harness.state().model.flows.arcs.len(), 2);
    let italy = harness.state().model.find_country("Italy").one().unwrap();
    assert_eq!(harness.state().model.teams_of(italy), 1);
    // Back to all, grouped by donor: a heading and a table for each.
    harness.get_by_label("Donor").click();
    harness.run();
    harness.get_by_label("All 3 donors").click();
    harness.run();
    harness.get_by_label("Group by donor").click();
    harness.run();
    for heading in ["From Cuba", "From Russia", "From China"] {
        harness.get_by_label(heading);
    }
    harness.get_by_label("2 teams to 2 countries");
    assert_eq!(
        harness.get_all_by_label("Italy").count(),
        3,
        "Italy under each donor"
    );
    assert_eq!(
        harness.get_all_by_label("Peru").count(),
        1,
        "Peru under Cuba only"
    );
}

#[test]
fn arc_widths_can_stand_for_members_and_unreported_members_are_dashed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("members.svg");
    let args = ["--out", out.to_str().unwrap(), "--flow-width", "members"];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // (members, stroke width, subpaths) of each arc.
    let arcs: Vec<(Option<u32>, f32, usize)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("flow-arc"))
        .map(|group| {
            let path = group
                .descendants()
                .find(|n| n.attribute("class") == Some("flow"))
                .unwrap();
            (
                group.attribute("data-members").map(|m| m.parse().unwrap()),
                path.attribute("stroke-width").unwrap().parse().unwrap(),
                path.attribute("d").unwrap().matches('M').count(),
            )
        })
        .collect();
    assert_eq!(arcs.len(), 12);
    let width_of = |members: u32| arcs.iter().find(|a| a.0 == Some(members)).unwrap().1;
    assert!(
        width_of(14) > width_of(9) && width_of(9) > width_of(5),
        "{arcs:?}"
    );
    // Italy's second team ("12 or 13") and Venezuela's: not reported, dashed.
    let dashed: Vec<&(Option<u32>, f32, usize)> = arcs.iter().filter(|a| a.0.is_none()).collect();
    assert_eq!(dashed.len(), 2);
    assert!(dashed.iter().all(|a| a.2 > 10), "{dashed:?}");
    assert!(svg.contains("width: members (14 at this width)"));
    assert!(svg.contains("dashed: members not reported"));
    // By teams (the default) no arc is dashed and the legend has no width line.
    let out = dir.path().join("teams.svg");
    let (status, _, _) = run_command("export", &["--out", out.to_str().unwrap()]);
    assert_eq!(status, 0);
    assert!(!std::fs::read_to_string(&out).unwrap().contains("dashed"));
    // Without arcs the option has nothing to do: an error, not ignored.
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--no-flows",
        "--flow-width",
        "members",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--flow-width: no arcs are drawn"),
        "{stderr}"
    );
}

#[test]
fn an_export_can_show_one_donor_and_an_unknown_donor_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "donors.csv", THREE_DONORS);
    let svg = export_svg(dir.path(), &data, &["--donor", "CUB"]);
    let arcs = arcs_of(&svg);
    assert_eq!(arcs.len(), 1, "{arcs:?}");
    assert_eq!(arcs[0].0, "Cuba");
    assert!(svg.contains("1 team from Cuba to 1 country"));
    let out = dir.path().join("x.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--donor",
        "Atlantis",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("\"Atlantis\" is not among the data's donors (Russia, China, Cuba)"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn view_arc_width_switches_between_teams_and_members() {
    use aidmap::scene::arcs::FlowWidth;
    use aidmap::scene::style::ThemeChoice;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Arc width: members").click();
    harness.run();
    assert_eq!(harness.state().model.flow_width, FlowWidth::Members);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Arc width: teams").click();
    harness.run();
    assert_eq!(harness.state().model.flow_width, FlowWidth::Teams);
}

/// Teams from two donors, one with no arc (its sender place is not found), and one
/// whose donor is not a country.
const GAPS: &str = "country,arrived,from,from_place,place\n\
    Italy,2020-03-12,Cuba,,Crema\n\
    Spain,2020-03-20,China,Pekingg,Madrid\n\
    Peru,2020-03-25,Narnia,,Lima\n\
    Italy,2020-03-26,Congo,,Rome\n";

#[test]
fn a_donor_that_is_no_country_is_not_counted_and_one_donors_gaps_are_still_said() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "gaps.csv", GAPS);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert!(
        stdout.contains("2 donors: Cuba (1 team), China (1)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "from \"Congo\" could be Republic of the Congo (COG) or Democratic Republic of \
             the Congo (COD); write the one you mean"
        ),
        "{stdout}"
    );
    let svg = export_svg(dir.path(), &data, &[]);
    assert!(
        svg.contains("4 teams (2 from 2 donors, 2 whose donor is not known) to 3 countries"),
        "{svg}"
    );
    // Neither Narnia nor Congo has a place to start from: no arc, no legend line.
    assert!(svg.contains("from Cuba") && !svg.contains("from Narnia"));
    // China's one team has no arc: the picture of China's teams says so, and so does
    // the warning, counting China's teams only.
    let out = dir.path().join("china.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--donor",
        "China",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("1 team from China to 1 country"), "{svg}");
    assert!(svg.contains("No arc for 1 team"), "{svg}");
    assert!(stderr.contains("warning: No arc for 1 team "), "{stderr}");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--donor",
        "Narnia",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2, "Narnia is no donor: {stderr}");
}

#[test]
fn places_are_found_by_the_other_names_geonames_records_and_check_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from,from_place,place\n\
               Italy,Cuba,La Habana,Padova\n\
               Italy,Russia,Moskva,Roma\n";
    let data = write(dir.path(), "other-names.csv", csv);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 0, "{stdout}");
    assert!(
        stdout.contains(
            "found by another name GeoNames records for the city: La Habana (Havana), \
             Moskva (Moscow), Padova (Padua), Roma (Rome)"
        ),
        "{stdout}"
    );
    assert_eq!(arcs_of(&export_svg(dir.path(), &data, &[])).len(), 2);
}

#[test]
fn an_animation_keeps_its_map_in_place_and_its_donors_hues_exact() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "gaps.csv", GAPS);
    let aid = aidmap::data::load_aid(&data).unwrap();
    let mut model = aidmap::scene::MapModel::new(
        aidmap::data::bundled::outlines().unwrap(),
        aid,
        aidmap::geometry::projection::Projection::EqualEarth,
        true,
    );
    let request = aidmap::export::ExportRequest {
        out: dir.path().join("gaps.gif"),
        width: 800.0,
        height: 400.0,
        scale: None,
        projection: aidmap::geometry::projection::Projection::EqualEarth,
        dark: false,
        select: None,
        popup: false,
        date: None,
        flows: None,
        flow_width: None,
        donor: None,
        frames: Default::default(),
        captions: Default::default(),
        palette: None,
        labels: None,
        value: None,
        transparent: false,
    };
    let days = request.frames.days(model.timeline.as_ref()).unwrap();
    // On 12 March nothing is missing; from 20 March, China's arc is: the footer's
    // note line is kept from the first frame on, so the map never moves.
    let frames = aidmap::export::frame_plan::plan(&mut model, &request, &days);
    assert!(frames.len() > days.len(), "arcs grow");
    let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 400.0));
    let maps: Vec<egui::Rect> = days
        .iter()
        .map(|&day| {
            model.set_day(Some(day));
            aidmap::scene::layout::Layout::of(rect, &model).map
        })
        .collect();
    assert!(maps.iter().all(|m| *m == maps[0]), "{maps:?}");
    // The GIF's palette holds each donor's hue exactly.
    let (status, _, stderr) = run_command(
        "export",
        &[
            "--data",
            data.to_str().unwrap(),
            "--out",
            request.out.to_str().unwrap(),
            "--width",
            "800",
            "--height",
            "400",
        ],
    );
    assert_eq!(status, 0, "{stderr}");
    let decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&request.out).unwrap())
        .unwrap();
    let palette: Vec<[u8; 3]> = decoder
        .global_palette()
        .unwrap()
        .chunks(3)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    let style = aidmap::scene::MapStyle::light();
    for donor in 0..2 {
        let hue = style.donor_flow(Some(donor), true);
        assert!(
            palette.contains(&[hue.r(), hue.g(), hue.b()]),
            "donor {donor}"
        );
    }
}

#[test]
fn a_pop_up_open_while_the_donor_changes_shows_every_team_of_the_new_choice() {
    use aidmap::scene::style::ThemeChoice;
    use aidmap::ui::FileKind;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,arrived,from,from_place,place\n\
               Italy,2020-03-25,China,Shanghai,Milan\n\
               Italy,2020-03-12,Cuba,,Crema\n\
               Italy,2020-03-22,Russia,Moscow,Bergamo\n";
    let data = write(dir.path(), "italy.csv", csv);
    let mut harness = harness(ThemeChoice::Light);
    harness.state_mut().load_file(FileKind::Data, &data);
    harness.run();
    let cuba = harness.state().model.donors.find("Cuba");
    harness.state_mut().model.set_donor(cuba);
    harness.run();
    let italy = harness.state().model.find_country("Italy").one().unwrap();
    harness.state_mut().select(Some(italy));
    harness.run();
    harness.get_by_label("1 team from Cuba");
    harness.state_mut().model.set_donor(None);
    harness.run();
    harness.run();
    harness.get_by_label("3 teams");
    // Every team, in the order they arrived.
    let heading = |text: &str| harness.get_by_label(text).rect().top();
    let (crema, bergamo, milan) = (
        heading("12 March 2020 · Crema"),
        heading("22 March 2020 · Bergamo"),
        heading("25 March 2020 · Milan"),
    );
    assert!(crema < bergamo && bergamo < milan);
    let popup = harness.state().popup_rect().unwrap();
    assert!(
        popup.bottom() >= milan,
        "the last team is inside the pop-up"
    );
}

#[test]
fn a_from_that_names_a_city_makes_its_country_the_donor_and_is_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    // Hangzhou and Havana ("La Habana", another name GeoNames records) are one city
    // each in the world; "Paris" is two, "Fuzhou" two in one country.
    let csv = "country,teams,from,from_place,from_lat,from_lon\n\
               Italy,1,Hangzhou,,,\n\
               Italy,2,La Habana,,,\n\
               Serbia,1,Paris,,,\n\
               Iran,1,Fuzhou,,,\n\
               Iraq,1,Hangzhou,Shanghai,,\n\
               Laos,1,,Wuhan,,\n\
               Peru,1,Hangzhou,,10,10\n";
    let data = write(dir.path(), "city-donors.csv", csv);
    let svg = export_svg(dir.path(), &data, &[]);
    let mut arcs = arcs_of(&svg);
    arcs.sort();
    let donors_and_starts: Vec<(&str, &str)> =
        arcs.iter().map(|a| (a.0.as_str(), a.1.as_str())).collect();
    assert_eq!(
        donors_and_starts,
        [("", "Wuhan"), ("China", "Hangzhou"), ("Cuba", "La Habana")],
        "{arcs:?}"
    );
    // Two starts for Peru's team: neither is drawn.
    assert_ne!(arcs[1].3, arcs[2].3, "China and Cuba in two hues");
    assert_ne!(arcs[0].3, arcs[1].3, "no known donor: a grey of its own");
    assert!(svg.contains("from Cuba") && svg.contains("from China"));
    assert!(
        svg.contains(
            "Donor country taken from the city given as donor: La Habana (Cuba), Hangzhou \
             (China)"
        ),
        "the picture says which donors were cities: {svg}"
    );
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1, "{stdout}");
    for expected in [
        "2 donors: Cuba (2 teams), China (1)",
        "from names a city, its country the donor: Hangzhou (China), La Habana (Cuba)",
        "unlocated: row 3 (line 4): from \"Paris\" names no country, and 3 cities are known by \
         that name: Paris (48.853° N, 2.349° E, 2,138,551 people) in France; Paris",
        "unlocated: row 4 (line 5): from \"Fuzhou\" names no country, and 2 cities are known by \
         that name: Fuzhou (",
        "unlocated: row 5 (line 6): from \"Hangzhou\" is a city in China, and from_place \
         \"Shanghai\" gives another place to start from: write the donor country in from",
        "unlocated: row 7 (line 8): from \"Hangzhou\" is a city in China, and from_lat and \
         from_lon give another place to start from: write the donor country in from; no arc \
         is drawn",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    assert!(
        !stdout.contains("row 1 (line 2)") && !stdout.contains("row 6 (line 7)"),
        "{stdout}"
    );
    // A donor read from a city is a note, not a gap: --strict still draws the map.
    let data = write(
        dir.path(),
        "cities.csv",
        "country,teams,from\nItaly,1,Hangzhou\nSerbia,1,La Habana\n",
    );
    let out = dir.path().join("strict.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stderr.contains(
            "note: Donor country taken from the city given as donor: Hangzhou (China), La \
             Habana (Cuba) (the picture says so too)"
        ) && !stderr.contains("warning"),
        "{stderr}"
    );
}

#[test]
fn the_window_says_which_donors_were_read_from_cities() {
    use aidmap::scene::style::ThemeChoice;
    use aidmap::ui::FileKind;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "cities.csv",
        "country,teams,from\nItaly,1,Hangzhou\nPeru,1,Cuba\n",
    );
    let mut harness = harness(ThemeChoice::Dark);
    harness.state_mut().load_file(FileKind::Data, &data);
    harness.run();
    assert_eq!(harness.state().model.donors.names, ["China", "Cuba"]);
    let said = "Donor country taken from the city given as donor: Hangzhou (China)";
    // In the Recipients panel (the map's footer is painted; the export test reads it).
    assert_eq!(harness.query_all_by_label_contains(said).count(), 1);
}

#[test]
fn the_subtitle_counts_teams_of_no_known_donor_apart_and_notes_follow_the_day_and_donor() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,teams,arrived,from,from_place\n\
               Italy,2,2020-03-01,China,Shanghai\n\
               Serbia,1,2020-03-02,,Wuhan\n\
               Peru,1,2020-03-03,Cuba,\n\
               Spain,1,2020-03-04,Hangzhou,\n";
    let data = write(dir.path(), "days.csv", csv);
    let subtitle_on = |extra: &[&str]| {
        let svg = export_svg(dir.path(), &data, extra);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let subtitle = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("subtitle"))
            .and_then(|g| {
                g.descendants()
                    .find_map(|n| n.text().filter(|t| !t.trim().is_empty()))
            })
            .unwrap_or_default()
            .to_string();
        (subtitle, svg.contains("Donor country taken from the city"))
    };
    let (one_day, city_note) = subtitle_on(&["--date", "2020-03-02"]);
    assert!(
        one_day.starts_with("3 teams (2 from China, 1 whose donor is not known) to 2 countries"),
        "two of three teams are China's, not all three: {one_day}"
    );
    assert!(!city_note, "Hangzhou's team has not arrived on 2 March");
    let (all, city_note) = subtitle_on(&[]);
    assert!(
        all.starts_with("5 teams (4 from 2 donors, 1 whose donor is not known) to 4 countries"),
        "{all}"
    );
    assert!(city_note);
    let (cuba, city_note) = subtitle_on(&["--donor", "Cuba"]);
    assert!(cuba.starts_with("1 team from Cuba to 1 country"), "{cuba}");
    assert!(!city_note, "no team of Cuba's was given by a city");
    // The terminal warns of what the picture of that day leaves out, and only that.
    let out = dir.path().join("early.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--date",
        "2020-03-01",
        "--strict",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "nothing is left out on 1 March: {stderr}");
}

#[test]
fn one_known_donor_and_teams_of_none_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from,from_place,place\n\
               Italy,China,Shanghai,Rome\n\
               Spain,China,Shanghai,Madrid\n\
               France,,Wuhan,Paris\n";
    let data = write(dir.path(), "one.csv", csv);
    let svg = export_svg(dir.path(), &data, &[]);
    assert!(
        svg.contains("3 teams (2 from China, 1 whose donor is not known) to 3 countries"),
        "{svg}"
    );
    let arcs = arcs_of(&svg);
    let colour = |donor: &str| {
        arcs.iter()
            .find(|a| a.0 == donor)
            .map(|a| a.3.clone())
            .unwrap()
    };
    assert_ne!(
        colour("China"),
        colour(""),
        "Wuhan's team is not drawn as China's"
    );
    assert!(svg.contains("from China") && svg.contains("donor not known"));
}
