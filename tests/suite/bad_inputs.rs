//! Every bad input ends in one clear message on stderr: it starts with `error:`, names
//! the file, says where and what; the exit status is 2; nothing panics.

use std::path::Path;

use crate::common::aidmap;

/// Check `FILE` given with `flag`: exit 2, one `error:` line naming the file, and each
/// of `expected` somewhere in it.
fn refuses(flag: &str, file: &str, expected: &[&str]) {
    let out = aidmap(&["check", flag, file]);
    assert_eq!(out.status, 2, "{file}: {}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.is_empty(),
        "{file}: printed a report: {}",
        out.stdout
    );
    assert!(
        out.stderr.starts_with(&format!("error: {file}: ")),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    for text in expected {
        assert!(
            out.stderr.contains(text),
            "{file}: expected {text:?} in {}",
            out.stderr
        );
    }
}

#[test]
fn an_empty_file_is_refused() {
    refuses(
        "--countries",
        "tests/data/bad/empty.geojson",
        &["the file is empty"],
    );
    refuses(
        "--data",
        "tests/data/bad/empty.geojson",
        &["the file is empty"],
    );
}

#[test]
fn truncated_json_is_refused_with_its_line_and_column() {
    refuses(
        "--countries",
        "tests/data/bad/truncated.geojson",
        &["line 3, column 98", "ends too early", "truncated"],
    );
}

#[test]
fn binary_junk_is_refused() {
    refuses(
        "--countries",
        "tests/data/bad/binary-junk.geojson",
        &["not text", "binary"],
    );
}

#[test]
fn json_that_is_not_geojson_is_refused() {
    refuses(
        "--countries",
        "tests/data/bad/not-geojson.json",
        &["line 1, column 1", "not GeoJSON or TopoJSON", "no \"type\""],
    );
    refuses(
        "--countries",
        "tests/data/bad/no-country-column.csv",
        &["this is not JSON", "GeoJSON, TopoJSON or shapefiles"],
    );
}

#[test]
fn coordinates_that_are_strings_are_refused_at_their_line() {
    refuses(
        "--countries",
        "tests/data/bad/string-coordinates.geojson",
        &["line 4", "feature 2", "invalid type: string \"0\""],
    );
}

#[test]
fn nan_coordinates_are_refused() {
    refuses(
        "--countries",
        "tests/data/bad/nan-coordinates.geojson",
        &["line 3, column 54", "NaN"],
    );
}

#[test]
fn coordinates_out_of_range_are_refused_with_a_hint_about_projections() {
    refuses(
        "--countries",
        "tests/data/bad/out-of-range.geojson",
        &[
            "feature 1 at line 4 (Italy)",
            "[1390000, 5100000]",
            "WGS 84",
            "reprojected",
        ],
    );
}

#[test]
fn a_file_without_polygons_is_refused_and_says_what_it_skipped() {
    refuses(
        "--countries",
        "tests/data/bad/no-polygons.geojson",
        &[
            "no Polygon or MultiPolygon",
            "1 Point geometries",
            "1 LineString geometries",
        ],
    );
}

#[test]
fn arrays_nested_100000_deep_are_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.geojson");
    let depth = 100_000;
    let text = format!(
        "{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":{}0{}}}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    std::fs::write(&deep, text).unwrap();
    let deep = deep.to_str().unwrap();
    refuses("--countries", deep, &["nested too deeply"]);
    let deep_data = dir.path().join("deep.json");
    let text = format!(
        "{{\"title\":\"x\",\"teams\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    std::fs::write(&deep_data, text).unwrap();
    refuses(
        "--data",
        deep_data.to_str().unwrap(),
        &["line 1, column 23"],
    );
    let bare = dir.path().join("bare.json");
    std::fs::write(&bare, "[".repeat(depth)).unwrap();
    refuses("--countries", bare.to_str().unwrap(), &[]);
}

#[test]
fn a_topojson_arc_index_out_of_range_is_refused() {
    refuses(
        "--countries",
        "tests/data/bad/arc-out-of-range.topojson",
        &[
            "object 'countries', geometry 2 (id 002)",
            "arc index 5 is out of range",
            "2 arcs",
        ],
    );
}

#[test]
fn a_csv_without_a_country_column_is_refused() {
    refuses(
        "--data",
        "tests/data/bad/no-country-column.csv",
        &[
            "header row (line 1)",
            "no \"country\" column",
            "nation, teams",
        ],
    );
}

#[test]
fn negative_and_non_numeric_team_counts_are_refused_with_their_row() {
    refuses(
        "--data",
        "tests/data/bad/negative-teams.csv",
        &["row 2 (line 3)", "'-1'", "whole number"],
    );
    refuses(
        "--data",
        "tests/data/bad/non-numeric-teams.csv",
        &["row 2 (line 3)", "'one'", "whole number"],
    );
}

#[test]
fn an_impossible_date_is_refused_with_its_row() {
    refuses(
        "--data",
        "tests/data/bad/impossible-date.csv",
        &["row 2 (line 3)", "'2020-02-30'", "not a real date"],
    );
}

#[test]
fn outlines_given_as_data_get_a_hint() {
    refuses(
        "--data",
        "tests/data/world-atlas-countries-110m.topojson",
        &["line 1", "--countries"],
    );
}

#[test]
fn a_missing_file_is_refused() {
    let missing = "tests/data/no-such-file.geojson";
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join(missing).exists());
    refuses("--countries", missing, &["cannot read the file"]);
}

#[test]
fn outline_files_over_the_limits_are_refused_and_the_limits_can_be_raised() {
    let file = "assets/countries-50m.geojson";
    let out = aidmap(&["check", "--countries", file, "--max-file-size", "1"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {file}: the file is larger than the 1.0 MiB limit"
        )),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--max-file-size"));
    let out = aidmap(&["check", "--countries", file, "--max-vertices", "50000"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("more than 50000 vertices") && out.stderr.contains("--max-vertices"),
        "{}",
        out.stderr
    );
    // A TopoJSON file that repeats one arc stops at the limit too.
    let out = aidmap(&[
        "check",
        "--countries",
        "tests/data/world-atlas-countries-110m.topojson",
        "--max-vertices",
        "5000",
    ]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("more than 5000 vertices"),
        "{}",
        out.stderr
    );
    // Raised, the same files load.
    let out = aidmap(&[
        "check",
        "--countries",
        file,
        "--max-file-size",
        "3",
        "--max-vertices",
        "200000",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
}
