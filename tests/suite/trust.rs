//! Never a wrong country, a wrong count or a hidden fact: each test here is a way the
//! map once said something false (issue "Trust"), tried through the real command line.

use std::path::Path;

use crate::common::{run, write};

/// `check` on an outline file and a data file written from these texts.
fn check_with(dir: &Path, countries: &str, data: &str) -> (i32, String, String) {
    let countries = write(dir, "outlines.geojson", countries);
    let data = write(dir, "aid.csv", data);
    run(&[
        "check",
        "--countries",
        countries.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ])
}

fn square(lon: f64, lat: f64) -> serde_json::Value {
    serde_json::json!({"type": "Polygon", "coordinates": [[
        [lon, lat], [lon + 1.0, lat], [lon + 1.0, lat + 1.0], [lon, lat + 1.0], [lon, lat]
    ]]})
}

/// A GeoJSON of named squares with the ids geopandas' `to_json()` writes: 0, 1, 2, …
fn geopandas_style(names: &[&str]) -> String {
    let features: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            serde_json::json!({"type": "Feature", "id": i.to_string(),
                "properties": {"name": name},
                "geometry": square(-170.0 + (i % 160) as f64 * 2.0, (i / 160) as f64 * 2.0)})
        })
        .collect();
    serde_json::json!({"type": "FeatureCollection", "features": features}).to_string()
}

#[test]
fn row_numbers_as_feature_ids_are_not_read_as_iso_codes() {
    let dir = tempfile::tempdir().unwrap();
    // Read as ISO numeric codes, 20 would be Andorra's and 238 the Falklands'.
    let mut names = vec!["Bahrain", "American Samoa", "Andorra"];
    let fillers: Vec<String> = (3..240).map(|i| format!("Place {i}")).collect();
    names.extend(fillers.iter().map(String::as_str));
    let (status, stdout, _) = check_with(
        dir.path(),
        &geopandas_style(&names),
        "country,teams\nAndorra,1\nBahrain,1\nAmerican Samoa,1\nFalkland Islands,1\n",
    );
    assert_eq!(status, 1, "{stdout}");
    assert!(stdout.contains("joined: 3 of 4"), "{stdout}");
    assert!(
        stdout.contains("\"Falkland Islands\" matches no outline"),
        "{stdout}"
    );
}

#[test]
fn a_code_that_disagrees_with_the_name_is_questioned_and_the_name_wins() {
    let dir = tempfile::tempdir().unwrap();
    let outlines = serde_json::json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Italy", "ISO_A3": "FRA"},
         "geometry": square(10.0, 40.0)}
    ]})
    .to_string();
    let (status, stdout, _) = check_with(dir.path(), &outlines, "country\nItaly\n");
    assert_eq!(status, 0, "{stdout}");
    assert!(
        stdout.contains("questionable: ") && stdout.contains("its code FRA is France"),
        "{stdout}"
    );
}

#[test]
fn team_counts_that_would_wrap_around_are_refused_with_their_row() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country,teams\nITA,4294967295\nITA,1\n",
    );
    let (status, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("row 1"),
        "{stderr}"
    );
    let data = write(
        dir.path(),
        "aid2.csv",
        "country,teams\nITA,999999\nITA,999999\n",
    );
    let (status, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("row 2") && stderr.contains("more than"),
        "{stderr}"
    );
}

#[test]
fn rows_that_are_not_drawn_are_not_counted_and_the_picture_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country,teams\nItaly,2\nSerbia,1\nAtlantis,1\n",
    );
    let out = dir.path().join("map.svg");
    let args = [
        "export",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let (status, _, stderr) = run(&args);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stderr.contains("warning: Not shown: 1 team (Atlantis): no matching outline"),
        "{stderr}"
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(">3 teams to 2 countries<"),
        "the subtitle counts what is drawn"
    );
    assert!(svg.contains("Not shown: 1 team (Atlantis): no matching outline"));

    std::fs::remove_file(&out).unwrap();
    let mut strict = args.to_vec();
    strict.push("--strict");
    let (status, _, stderr) = run(&strict);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.starts_with("error: --strict"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn an_outline_that_is_empty_once_cut_joins_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let outlines = serde_json::json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Antarctica"},
         "geometry": {"type": "Polygon", "coordinates": [[
            [-180.0, -90.0], [180.0, -90.0], [180.0, -60.0], [-180.0, -60.0], [-180.0, -90.0]
         ]]}},
        {"type": "Feature", "properties": {"name": "Italy"}, "geometry": square(10.0, 40.0)}
    ]})
    .to_string();
    let (_, stdout, _) = check_with(dir.path(), &outlines, "country\nAntarctica\nItaly\n");
    assert!(
        stdout.contains("outline is empty once cut at the antimeridian: Antarctica"),
        "{stdout}"
    );
    assert!(stdout.contains("joined: 1 of 2"), "{stdout}");
}

#[test]
fn control_characters_in_names_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country\n\"At\u{1b}]0;pwned\u{7}lantis\"\n",
    );
    let (_, stdout, _) = run(&["check", "--data", data.to_str().unwrap()]);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}"), "{stdout}");
}

#[test]
fn check_reports_every_bad_csv_row_and_refuses_a_column_named_twice() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country,teams\nItaly,x\nSerbia,1\nIran,-2\n,1\nLaos,1\n",
    );
    let (status, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    for row in ["row 1 (line 2)", "row 3 (line 4)", "row 4 (line 5)"] {
        assert!(stderr.contains(row), "{row} missing: {stderr}");
    }
    assert!(!stderr.contains("row 2 (line 3)"), "{stderr}");

    let many: String = (0..50).map(|_| "Italy,x\n").collect();
    let data = write(dir.path(), "many.csv", &format!("country,teams\n{many}"));
    let (_, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert!(
        stderr.contains("and 30 more bad rows (50 in all)"),
        "{stderr}"
    );

    let data = write(
        dir.path(),
        "twice.csv",
        "country,country,teams,teams\nITA,SRB,1,2\n",
    );
    let (status, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(stderr.contains("\"country\" appears twice"), "{stderr}");
}

#[test]
fn a_csv_quote_is_attributed_and_nested_quotes_alternate() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country,quote,quote_by,quote_date,quote_source\n\
         Italy,\"We never \"\"export\"\" a model\",A. Speaker,2020-04-09,Daily Mail\n",
    );
    let out = dir.path().join("it.svg");
    let (status, _, stderr) = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--select",
        "Italy",
        "--popup",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("“We never ‘export’ a model”"), "{svg}");
    assert!(
        svg.contains("— A. Speaker · 9 April 2020 · Daily Mail"),
        "{svg}"
    );
}

fn features(list: &[(&str, Option<&str>, serde_json::Value, [f64; 2])]) -> String {
    let features: Vec<_> = list
        .iter()
        .map(|(name, id, properties, at)| {
            let mut feature = serde_json::json!({"type": "Feature", "properties": properties,
                "geometry": square(at[0], at[1])});
            feature["properties"]["name"] = serde_json::json!(name);
            if let Some(id) = id {
                feature["id"] = serde_json::json!(id);
            }
            feature
        })
        .collect();
    serde_json::json!({"type": "FeatureCollection", "features": features}).to_string()
}

#[test]
fn the_parts_of_a_country_in_a_map_unit_file_are_told_apart_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let gbr = serde_json::json!({"ISO_A3": "GBR", "ADMIN": "United Kingdom"});
    let outlines = features(&[
        ("England", None, gbr.clone(), [0.0, 51.0]),
        ("Scotland", None, gbr.clone(), [-4.0, 56.0]),
        ("Wales", None, gbr.clone(), [-4.0, 52.0]),
    ]);
    let svg = dir.path().join("uk.svg");
    let countries = write(dir.path(), "units.geojson", &outlines);
    let data = write(dir.path(), "uk.csv", "country,teams\nScotland,2\n");
    let (status, _, stderr) = run(&[
        "export",
        "--countries",
        countries.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains(r#"data-name="Scotland" data-code="GBR" data-teams="2""#),
        "Scotland gets its teams"
    );
    assert!(text.contains(r#"data-name="England" data-code="GBR" data-teams="0""#));
    // "United Kingdom" is all three: not one of them.
    let (status, stdout, _) = check_with(dir.path(), &outlines, "country\nUnited Kingdom\n");
    assert_eq!(status, 1, "{stdout}");
    assert!(
        stdout.contains("could be England (GBR), Scotland (GBR) or Wales (GBR)"),
        "{stdout}"
    );
}

#[test]
fn two_rows_for_one_outline_add_up_and_are_questioned() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country,teams\nBosnia and Herz.,2\nBIH,3\n",
    );
    let out = dir.path().join("map.svg");
    let (status, _, stderr) = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(">5 teams to 1 country<"),
        "no row's teams are lost"
    );
    let (_, stdout, _) = run(&["check", "--data", data.to_str().unwrap()]);
    assert!(
        stdout.contains("joins the same outline as row 1") && stdout.contains("added together"),
        "{stdout}"
    );
}

#[test]
fn ids_that_a_subset_of_rows_kept_are_not_read_as_codes() {
    let dir = tempfile::tempdir().unwrap();
    // 4 and 8 are Afghanistan's and Albania's codes, but here they are row numbers.
    let outlines = features(&[
        (
            "Bosnia and Herz.",
            Some("4"),
            serde_json::json!({}),
            [18.0, 44.0],
        ),
        ("Eq. Guinea", Some("8"), serde_json::json!({}), [10.0, 1.0]),
    ]);
    let (status, stdout, _) = check_with(dir.path(), &outlines, "country\nAfghanistan\nAlbania\n");
    assert_eq!(status, 1, "{stdout}");
    assert!(stdout.contains("joined: 0 of 2"), "{stdout}");
}

#[test]
fn teams_on_an_outline_a_projection_cannot_show_are_named_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    let outlines = features(&[
        ("Arctic Isle", None, serde_json::json!({}), [10.0, 86.5]),
        ("Italy", None, serde_json::json!({}), [12.0, 42.0]),
    ]);
    let countries = write(dir.path(), "arctic.geojson", &outlines);
    let data = write(
        dir.path(),
        "aid.csv",
        "country,teams\nArctic Isle,4\nItaly,1\n",
    );
    let out = dir.path().join("map.svg");
    let (status, _, stderr) = run(&[
        "export",
        "--countries",
        countries.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--projection",
        "mercator",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains(">1 team to 1 country<"), "only Italy is drawn");
    assert!(
        svg.contains("Arctic Isle): its outline is outside what this projection shows"),
        "the note names it"
    );
}

#[test]
fn data_cannot_forge_report_lines_and_punctuation_is_no_country() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "aid.csv",
        "country\n\"Atlantis\njoined: 10 of 10 countries\u{202E}\"\n",
    );
    let (_, stdout, _) = run(&["check", "--data", data.to_str().unwrap()]);
    assert!(
        !stdout.lines().any(|l| l.starts_with("joined: 10 of 10")),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{202E}'), "{stdout}");
    let data = write(dir.path(), "dash.csv", "country,teams\n-,2\n?,3\n");
    let (status, _, stderr) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(stderr.contains("has no letters or digits"), "{stderr}");
}

#[test]
fn object_with_geojson_or_the_bundled_outlines_is_an_error() {
    let (status, _, stderr) = run(&["check", "--object", "countries"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--object countries picks"), "{stderr}");
}

#[test]
fn csv_rows_are_placed_on_their_real_lines_with_crlf_and_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "crlf.csv",
            "country,teams\r\nItaly,1\r\nSerbia,1\r\nAtlantis,1\r\n",
            4,
        ),
        (
            "blank.csv",
            "country,teams\nItaly,1\n\nSerbia,1\n\nAtlantis,1\n",
            6,
        ),
    ];
    for (name, text, line) in cases {
        let data = write(dir.path(), name, text);
        let (_, stdout, _) = run(&["check", "--data", data.to_str().unwrap()]);
        let expected = format!("row 3 (line {line}): \"Atlantis\"");
        assert!(stdout.contains(&expected), "{name}: {stdout}");
    }
}
