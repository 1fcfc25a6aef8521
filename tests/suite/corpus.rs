//! A corpus of bad and odd inputs (tests/data/corpus, tests/data/bad, and two generated
//! here): each one either loads (valid but unusual) or ends in a clear error, never a
//! panic, and within a time limit. Outlines that load are also projected, triangulated,
//! joined and drawn, so odd shapes are followed all the way to pixels.

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::Duration;

use aidmap::data::{bundled, load_aid, load_outlines};
use aidmap::export::offscreen::{Picture, render};
use aidmap::geometry::projection::Projection;
use aidmap::scene::{MapModel, MapView};

/// How long one file may take, load to pixels, in this (unoptimised) test build.
const TIME_LIMIT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
enum Expect {
    /// Outlines that load, with this many countries.
    Outlines(usize),
    /// Aid data that loads, with this summary.
    Data(&'static str),
    /// An error whose message contains each of these.
    Error(&'static [&'static str]),
}

use Expect::{Data, Error, Outlines};

const CORPUS: &[(&str, Expect)] = &[
    (
        "corpus/number-1e309.geojson",
        Error(&["line 1, column 137", "number out of range"]),
    ),
    ("corpus/negative-zero.geojson", Outlines(1)),
    ("corpus/duplicate-property-keys.geojson", Outlines(1)),
    ("corpus/duplicate-top-level-keys.geojson", Outlines(1)),
    ("corpus/bom.geojson", Outlines(1)),
    ("corpus/crlf.geojson", Outlines(1)),
    (
        "corpus/quoted-commas-and-newlines.csv",
        Data("4 teams in 2 countries"),
    ),
    ("corpus/bom-and-crlf.csv", Data("4 teams in 2 countries")),
    ("corpus/ring-with-three-positions.geojson", Outlines(1)),
    ("corpus/unclosed-ring.geojson", Outlines(1)),
    ("corpus/self-intersecting-ring.geojson", Outlines(1)),
    ("corpus/zero-area-ring.geojson", Outlines(2)),
    (
        "corpus/empty-feature-collection.geojson",
        Error(&["no Polygon or MultiPolygon", "0 features"]),
    ),
    ("corpus/null-geometry.geojson", Outlines(1)),
    ("corpus/nested-geometry-collections.geojson", Outlines(1)),
    (
        "corpus/misspelt-type.geojson",
        Error(&["\"Featurecollection\""]),
    ),
    (
        "corpus/topology-without-arcs.topojson",
        Error(&["line 1", "missing field `arcs`"]),
    ),
    (
        "corpus/topology-bad-transform.topojson",
        Error(&["line 1, column 44", "invalid type: string"]),
    ),
    (
        "corpus/topology-points-only.topojson",
        Error(&["no Polygon or MultiPolygon", "1 Point geometries"]),
    ),
    ("corpus/header-only.csv", Error(&["no data rows"])),
    (
        "corpus/ragged-rows.csv",
        Error(&["row 2 (line 3)", "1 cells", "header has 2"]),
    ),
    (
        "corpus/semicolon-separated.csv",
        Data("4 teams in 2 countries"),
    ),
    ("corpus/tab-separated.tsv", Data("3 teams in 1 country")),
    ("corpus/utf-16.csv", Error(&["UTF-16", "save it as UTF-8"])),
    (
        "corpus/latin-1.csv",
        Error(&["line 2, column 2", "not UTF-8", "Latin-1"]),
    ),
    (
        "corpus/huge-coordinates.geojson",
        Error(&["[1e300, 0]", "WGS 84"]),
    ),
    ("corpus/bare-multipolygon.geojson", Outlines(1)),
    (
        "corpus/properties-not-an-object.geojson",
        Error(&["line 1, column 71", "feature 1", "expected a map"]),
    ),
    (
        "corpus/aid-unknown-field.json",
        Error(&["line 1, column 53", "unknown field `member`"]),
    ),
    (
        "corpus/aid-unknown-source.json",
        Error(&["quotes[0]", "\"nowhere\""]),
    ),
    (
        "corpus/aid-impossible-date.json",
        Error(&["line 1, column 67", "not a real date"]),
    ),
    ("corpus/aid-no-teams.json", Data("0 teams in 0 countries")),
    ("corpus/long-decimals.geojson", Outlines(1)),
    ("bad/empty.geojson", Error(&["the file is empty"])),
    (
        "bad/truncated.geojson",
        Error(&["line 3, column 98", "truncated"]),
    ),
    ("bad/binary-junk.geojson", Error(&["not text", "binary"])),
    ("bad/not-geojson.json", Error(&["not GeoJSON or TopoJSON"])),
    (
        "bad/string-coordinates.geojson",
        Error(&["line 4", "feature 2"]),
    ),
    ("bad/nan-coordinates.geojson", Error(&["NaN"])),
    (
        "bad/out-of-range.geojson",
        Error(&["feature 1 at line 4 (Italy)"]),
    ),
    (
        "bad/no-polygons.geojson",
        Error(&["no Polygon or MultiPolygon"]),
    ),
    (
        "bad/arc-out-of-range.topojson",
        Error(&["arc index 5 is out of range"]),
    ),
    (
        "bad/no-country-column.csv",
        Error(&["no \"country\" column"]),
    ),
    ("bad/negative-teams.csv", Error(&["row 2 (line 3)", "'-1'"])),
    (
        "bad/non-numeric-teams.csv",
        Error(&["row 2 (line 3)", "'one'"]),
    ),
    (
        "bad/impossible-date.csv",
        Error(&["row 2 (line 3)", "2020-02-30"]),
    ),
];

fn is_data(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name.ends_with(".csv") || name.ends_with(".tsv") || name.starts_with("aid-")
}

/// Load `path` as outlines or data and, for outlines that load, go on to pixels.
/// Returns the outcome as text: `countries N`, `data SUMMARY` or `error MESSAGE`.
fn outcome(path: PathBuf) -> String {
    if is_data(&path) {
        return match load_aid(&path) {
            Ok(aid) => format!("data {}", aid.summary()),
            Err(err) => format!("error {err}"),
        };
    }
    match load_outlines(&path, None) {
        Ok(outlines) => {
            let count = outlines.countries.len();
            let model = MapModel::new(
                outlines,
                bundled::aid_data().unwrap(),
                Projection::EqualEarth,
                false,
            );
            let picture = Picture {
                size: egui::vec2(400.0, 200.0),
                scale: 1.0,
                view: MapView::default(),
                dark: false,
                selected: Some(0),
                popup: true,
                transparent: false,
            };
            let image = render(&model, &picture).unwrap();
            assert_eq!(image.size, [400, 200]);
            format!("countries {count}")
        }
        Err(err) => format!("error {err}"),
    }
}

/// `outcome`, on a thread, failing the test if it panics or overruns the time limit.
fn checked_outcome(path: PathBuf) -> String {
    let (sender, receiver) = channel();
    let shown = path.display().to_string();
    std::thread::spawn(move || {
        let _ = sender.send(outcome(path));
    });
    match receiver.recv_timeout(TIME_LIMIT) {
        Ok(text) => text,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{shown}: took over {TIME_LIMIT:?}")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("{shown}: panicked"),
    }
}

#[test]
fn every_file_in_the_corpus_loads_or_fails_clearly() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut listed = 0;
    for (file, expect) in CORPUS {
        let path = data.join(file);
        let text = checked_outcome(path.clone());
        match expect {
            Outlines(n) => assert_eq!(text, format!("countries {n}"), "{file}"),
            Data(summary) => assert_eq!(text, format!("data {summary}"), "{file}"),
            Error(parts) => {
                assert!(
                    text.starts_with(&format!("error {}: ", path.display())),
                    "{file}: {text}"
                );
                for part in *parts {
                    assert!(text.contains(part), "{file}: expected {part:?} in {text}");
                }
            }
        }
        listed += 1;
    }
    // Every committed corpus file is listed above.
    let on_disk = std::fs::read_dir(data.join("corpus")).unwrap().count()
        + std::fs::read_dir(data.join("bad")).unwrap().count();
    assert_eq!(
        listed, on_disk,
        "a file in tests/data/corpus or tests/data/bad is not in CORPUS"
    );
    assert!(listed >= 25);
}

#[test]
fn a_polygon_of_three_million_vertices_loads_and_draws() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("circle.geojson");
    let n = 3_000_000;
    let mut text = String::with_capacity(n * 40);
    text.push_str(r#"{"type":"Feature","properties":{"name":"Circle"},"geometry":{"type":"Polygon","coordinates":[["#);
    for i in 0..=n {
        let angle = (i % n) as f64 / n as f64 * std::f64::consts::TAU;
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "[{:.7},{:.7}]",
            20.0 * angle.cos(),
            20.0 * angle.sin()
        ));
    }
    text.push_str("]]}}");
    std::fs::write(&path, text).unwrap();
    assert_eq!(checked_outcome(path), "countries 1");
}

#[test]
fn arrays_nested_100000_deep_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.geojson");
    std::fs::write(
        &path,
        format!(
            "{{\"type\":\"Polygon\",\"coordinates\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let text = checked_outcome(path);
    assert!(text.contains("nested too deeply"), "{text}");
}
