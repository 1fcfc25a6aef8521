//! What a hostile review of the places and donors found, each kept from coming back:
//! donors that are no country, arcs left out in silence, routes split over rows, a
//! provider's place, and files large enough to test the bounds.

use crate::common::*;

/// `check`'s status and output, and an SVG export's status, stderr and text.
fn check_and_export(
    dir: &std::path::Path,
    csv: &str,
    extra: &[&str],
) -> (i32, String, i32, String, String) {
    let data = write(dir, "data.csv", csv);
    let (check_status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    let out = dir.join("out.svg");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (status, _, stderr) = run_command("export", &args);
    let svg = std::fs::read_to_string(&out).unwrap_or_default();
    (check_status, stdout, status, stderr, svg)
}

fn flow_paths(svg: &str) -> Vec<f32> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("flow"))
        .map(|n| n.attribute("stroke-width").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn a_from_that_is_no_country_is_reported_even_with_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from,from_lat,from_lon\nItaly,Congo,-4.3,15.3\nSerbia,Narnia,0,0\n";
    let (status, stdout, _, _, svg) = check_and_export(dir.path(), csv, &[]);
    assert_eq!(status, 1, "{stdout}");
    assert!(
        stdout.contains("row 1 (line 2): from \"Congo\" could be"),
        "{stdout}"
    );
    assert!(
        stdout.contains("row 2 (line 3): from \"Narnia\" names no country"),
        "{stdout}"
    );
    assert!(
        !svg.contains("from Congo") && !svg.contains("from Narnia"),
        "{svg}"
    );
    assert!(!svg.contains("donors"), "no donor is counted: {svg}");
}

#[test]
fn where_no_arc_can_be_drawn_the_picture_says_so_and_strict_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    // Moscow is not in China, so the only arc cannot start; Paris is reported too.
    let csv = "country,from,from_place,place\nItaly,China,Moscow,Paris\n";
    let (status, stdout, export_status, stderr, svg) = check_and_export(dir.path(), csv, &[]);
    assert_eq!(status, 1);
    assert!(
        stdout.contains("from_place \"Moscow\" is not among"),
        "{stdout}"
    );
    assert!(stdout.contains("place \"Paris\" is not among"), "{stdout}");
    assert_eq!(export_status, 0, "{stderr}");
    assert!(svg.contains("No arc for 1 team"), "{svg}");
    let (_, _, strict, _, _) = check_and_export(dir.path(), csv, &["--strict"]);
    assert_eq!(strict, 1);
    // --flows is no error: the data does say where the team came from.
    let (_, _, flows, stderr, _) = check_and_export(dir.path(), csv, &["--flows"]);
    assert_eq!(flows, 0, "{stderr}");
}

#[test]
fn one_route_over_several_rows_is_one_arc_as_wide_as_their_sum() {
    let dir = tempfile::tempdir().unwrap();
    let rows =
        "country,from,from_place,place\n".to_string() + &"Italy,China,Shanghai,Rome\n".repeat(4);
    let (_, _, _, _, split) = check_and_export(dir.path(), &rows, &[]);
    let one = "country,teams,from,from_place,place\nItaly,4,China,Shanghai,Rome\n";
    let (_, _, _, _, whole) = check_and_export(dir.path(), one, &[]);
    assert_eq!(flow_paths(&split), flow_paths(&whole));
    assert_eq!(flow_paths(&split).len(), 1);
}

#[test]
fn a_providers_place_is_where_its_teams_start_and_a_bad_provider_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"title": "T", "provider": {"country": "CHN", "place": "Shanghai"},
        "teams": [{"country": "Italy", "place": "Rome"}, {"country": "Spain", "place": "Madrid"}]}"#;
    let data = write(dir.path(), "p.json", json);
    let out = dir.path().join("p.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    assert_eq!(run_command("export", &args).0, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(svg.matches("data-from=\"Shanghai\"").count(), 2, "{svg}");
    let json = r#"{"title": "T", "provider": {"country": "Congo"},
        "teams": [{"country": "Italy"}, {"country": "Spain"}]}"#;
    let data = write(dir.path(), "c.json", json);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert_eq!(
        stdout.matches("from \"Congo\" could be").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("unlocated: provider: from \"Congo\""),
        "{stdout}"
    );
}

#[test]
fn one_donors_card_and_legend_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from\nSerbia,China\n";
    let data = write(dir.path(), "one.csv", csv);
    let out = dir.path().join("one.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--select",
        "Serbia",
        "--popup",
    ];
    assert_eq!(run_command("export", &args).0, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Sent by: China"), "{svg}");
    // Ten donors, one chosen beyond the hues: the legend still names it.
    let mut csv = "country,from\n".to_string();
    for (k, donor) in [
        "China", "Cuba", "Russia", "Turkey", "Germany", "France", "Japan", "India", "Qatar",
        "Brazil",
    ]
    .iter()
    .enumerate()
    {
        for _ in 0..(10 - k) {
            csv.push_str(&format!("Italy,{donor}\n"));
        }
    }
    let (_, _, status, stderr, svg) = check_and_export(dir.path(), &csv, &["--donor", "Brazil"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        svg.contains("from Brazil") && !svg.contains("other donor"),
        "{svg}"
    );
}

#[test]
fn names_longer_than_a_name_may_be_are_errors_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let csv = format!("country,from,place\nItaly,China,{}\n", "R".repeat(400));
    let data = write(dir.path(), "long.csv", &csv);
    let (status, _, stderr) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("row 1 (line 2)") && stderr.contains("\"place\" is 400 characters"),
        "{stderr}"
    );
}

#[test]
fn thousands_of_routes_draw_the_largest_and_say_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    // 2,500 routes: each from its own point in China to Rome.
    let mut csv = "country,teams,from,from_lat,from_lon,place\n".to_string();
    for k in 0..2_500 {
        let teams = if k < 10 { 5 } else { 1 };
        csv.push_str(&format!(
            "Italy,{teams},China,{:.3},{:.3},Rome\n",
            25.0 + (k / 50) as f64 * 0.2,
            100.0 + (k % 50) as f64 * 0.3
        ));
    }
    let (_, _, status, stderr, svg) = check_and_export(dir.path(), &csv, &[]);
    assert_eq!(status, 0, "{stderr}");
    let widths = flow_paths(&svg);
    assert_eq!(widths.len(), 2_000);
    assert!(
        svg.contains("Not drawn: 500 more arcs"),
        "the picture says so"
    );
    let widest = widths.iter().cloned().fold(0.0, f32::max);
    assert_eq!(
        widths.iter().filter(|&&w| w == widest).count(),
        10,
        "the largest are kept"
    );
}

#[test]
fn at_a_high_frame_rate_arcs_appear_whole_rather_than_slow_the_gif() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fast.gif");
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--fps",
        "60",
        "--width",
        "200",
        "--height",
        "100",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    assert_eq!(frames, 41, "one frame a day");
}
