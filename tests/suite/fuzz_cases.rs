//! Inputs from the fuzzing runs (tests/data/fuzz/<target>/), replayed through the same
//! calls as the fuzz targets in fuzz/fuzz_targets/. Any crash a fuzzer finds goes into
//! the matching folder, so it stays fixed. See fuzz/README.md.

use std::path::Path;

use aidmap::data::aid_csv::read_aid_csv;
use aidmap::data::aid_json::read_aid_json;
use aidmap::data::{bundled, join, read_outlines};

fn cases(target: &str) -> Vec<Vec<u8>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", folder.display());
    files
        .into_iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect()
}

#[test]
fn geojson_cases_load_or_fail_cleanly() {
    for bytes in cases("geojson") {
        if let Err(err) = read_outlines("fuzz.geojson", &bytes, None) {
            assert!(err.to_string().starts_with("fuzz.geojson: "), "{err}");
        }
    }
}

#[test]
fn topojson_cases_load_or_fail_cleanly() {
    for bytes in cases("topojson") {
        let _ = read_outlines("fuzz.topojson", &bytes, None);
        if let Ok(body) = std::str::from_utf8(&bytes) {
            let wrapped = format!("{{\"type\":\"Topology\",{body}}}");
            for object in [None, Some("countries")] {
                if let Err(err) = read_outlines("fuzz.topojson", wrapped.as_bytes(), object) {
                    assert!(err.to_string().starts_with("fuzz.topojson: "), "{err}");
                }
            }
        }
    }
}

#[test]
fn aid_json_cases_load_or_fail_cleanly() {
    for bytes in cases("aid_json") {
        if let Err(err) = read_aid_json("fuzz.json", &bytes) {
            assert!(err.to_string().starts_with("fuzz.json: "), "{err}");
        }
    }
}

#[test]
fn csv_and_join_cases_load_or_fail_cleanly() {
    let outlines = bundled::outlines_110m().unwrap();
    for bytes in cases("aid_csv").into_iter().chain(cases("join")) {
        match read_aid_csv("fuzz.csv", &bytes) {
            Ok(aid) => assert_eq!(join(&outlines, &aid).matches.len(), aid.destinations.len()),
            Err(err) => assert!(err.to_string().starts_with("fuzz.csv: "), "{err}"),
        }
    }
}
