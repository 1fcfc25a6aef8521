//! Bounded time and memory on hostile inputs: each case once took minutes or gigabytes.
//! Every run here is a child process under an address-space limit (`ulimit -v`) and a
//! deadline, so a regression fails the test instead of hanging or swapping CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space each run may use, in KiB (2 GiB).
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// Time each run may take (generous: tests run the unoptimised binary).
const DEADLINE: Duration = Duration::from_secs(60);

/// Run `aidmap ARGS` under the limits; its exit status and stderr.
fn bounded(args: &[&str]) -> (i32, String) {
    let command = format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\"");
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(command)
        .arg(env!("CARGO_BIN_EXE_aidmap"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            use std::io::Read as _;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            return (status.code().unwrap_or(-1), stderr);
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("aidmap {args:?} took more than {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn polygon_file(dir: &Path, name: &str, ring: &[[f64; 2]]) -> PathBuf {
    let doc = serde_json::json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Italy"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}
    ]});
    let path = dir.join(name);
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

fn closed(mut ring: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    ring.push(ring[0]);
    ring
}

/// Export `countries` (joined to Italy's three teams) to PNG under the limits.
fn export_within_limits(dir: &Path, countries: &Path) {
    let out = dir.join("out.png");
    let (status, stderr) = bounded(&[
        "export",
        "--countries",
        countries.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_sliver_gets_a_label_point_without_exhausting_memory() {
    let dir = tempfile::tempdir().unwrap();
    let sliver = closed(vec![[0.0, 0.0], [10.0, 0.0], [10.0, 1e-8], [0.0, 1e-8]]);
    export_within_limits(
        dir.path(),
        &polygon_file(dir.path(), "sliver.geojson", &sliver),
    );
}

#[test]
fn a_self_crossing_star_is_drawn_in_bounded_time_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let n = 2001;
    let star: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let a = std::f64::consts::TAU * (i * (n / 2)) as f64 / n as f64;
            [10.0 + 5.0 * a.cos(), 40.0 + 5.0 * a.sin()]
        })
        .collect();
    let countries = polygon_file(dir.path(), "star.geojson", &closed(star));
    let out = dir.path().join("star.svg");
    let (status, stderr) = bounded(&[
        "export",
        "--countries",
        countries.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("Not filled: Italy"), "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Not filled: Italy"), "the picture says so too");
}

#[test]
fn long_strips_and_densified_squares_triangulate_in_near_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let m = 50_000;
    let mut strip: Vec<[f64; 2]> = (0..m)
        .map(|i| [i as f64 * 10.0 / m as f64, 0.001])
        .collect();
    strip.extend((0..m).rev().map(|i| [i as f64 * 10.0 / m as f64, 0.0]));
    export_within_limits(
        dir.path(),
        &polygon_file(dir.path(), "strip.geojson", &closed(strip)),
    );
    let side = 25_000;
    let step = 10.0 / side as f64;
    let mut square = Vec::new();
    square.extend((0..side).map(|i| [i as f64 * step, 0.0]));
    square.extend((0..side).map(|i| [10.0, i as f64 * step]));
    square.extend((0..side).map(|i| [10.0 - i as f64 * step, 10.0]));
    square.extend((0..side).map(|i| [0.0, 10.0 - i as f64 * step]));
    export_within_limits(
        dir.path(),
        &polygon_file(dir.path(), "square.geojson", &closed(square)),
    );
}

#[test]
fn sixty_thousand_unknown_names_are_checked_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("country,teams\n");
    for i in 0..60_000 {
        csv.push_str(&format!("Nowhere{i},1\n"));
    }
    let data = dir.path().join("unknown.csv");
    std::fs::write(&data, csv).unwrap();
    let (status, stderr) = bounded(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 1, "{stderr}");
}

#[test]
fn long_texts_and_endless_inputs_are_refused_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("long.csv");
    std::fs::write(
        &data,
        format!("country,teams\n{},1\n", "x".repeat(5_000_000)),
    )
    .unwrap();
    let (status, stderr) = bounded(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("characters long; aidmap takes at most"),
        "{stderr}"
    );

    for option in ["--data", "--countries"] {
        let (status, stderr) = bounded(&["check", option, "/dev/zero", "--max-file-size", "4"]);
        assert_eq!(status, 2, "{option}: {stderr}");
        assert!(
            stderr.contains("larger than the 4.0 MiB limit"),
            "{option}: {stderr}"
        );
    }
}

#[test]
fn a_ring_that_winds_round_the_pole_again_and_again_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 100 turns round the south pole, 60 points a turn.
    let mut ring: Vec<[f64; 2]> = (0..6000)
        .map(|i| {
            [
                ((i * 6) % 360) as f64 - 180.0,
                -80.0 + (i / 60) as f64 * 0.05,
            ]
        })
        .collect();
    ring.push([0.0, -89.0]);
    let countries = polygon_file(dir.path(), "spiral.geojson", &closed(ring));
    let (status, stderr) = bounded(&["check", "--countries", countries.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("winds round the globe"), "{stderr}");
}

#[test]
fn a_zigzag_ring_of_400_000_points_triangulates_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    // Every other point 0.5° further out: earcut went quadratic on this (52 s at 1M).
    let n = 400_000;
    let ring: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let t = std::f64::consts::TAU * i as f64 / n as f64;
            let r = 10.0 + if i % 2 == 1 { 0.5 } else { 0.0 };
            [12.0 + r * t.cos(), 42.0 + r * 0.5 * t.sin()]
        })
        .collect();
    let countries = polygon_file(dir.path(), "zigzag.geojson", &closed(ring));
    export_within_limits(dir.path(), &countries);
}

#[test]
fn forty_thousand_recipients_are_drawn_in_bounded_time_and_the_picture_says_what_did_not_fit() {
    // A grid of 200 × 200 small squares, each a recipient: once four minutes of
    // badge placement, quadratic in the recipients.
    let dir = tempfile::tempdir().unwrap();
    let mut features = Vec::new();
    let mut rows = String::from("country,teams\n");
    for i in 0..40_000 {
        let (x, y) = (
            (i % 200) as f64 * 1.5 - 150.0,
            (i / 200) as f64 * 0.6 - 60.0,
        );
        let ring = [
            [x, y],
            [x + 1.0, y],
            [x + 1.0, y + 0.5],
            [x, y + 0.5],
            [x, y],
        ];
        features.push(
            serde_json::json!({"type": "Feature", "properties": {"name": format!("C{i:05}")},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}),
        );
        rows.push_str(&format!("C{i:05},{}\n", 1 + i % 7));
    }
    let doc = serde_json::json!({"type": "FeatureCollection", "features": features});
    let countries = dir.path().join("grid.geojson");
    std::fs::write(&countries, doc.to_string()).unwrap();
    let data = dir.path().join("grid.csv");
    std::fs::write(&data, rows).unwrap();
    let out = dir.path().join("grid.svg");
    let args = [
        "export",
        "--countries",
        countries.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let (status, stderr) = bounded(&args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("team counts (zoom in or make the picture larger)"),
        "no note"
    );
}

#[test]
fn millions_of_rows_of_no_teams_are_refused_within_bounds_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    // Rows of 0 teams add nothing to the teams' limit: the rows' own limit holds.
    let csv = dir.path().join("zeros.csv");
    let rows = "IT,0\n".repeat(1_500_000);
    std::fs::write(&csv, format!("country,teams\n{rows}")).unwrap();
    let (status, stderr) = bounded(&["check", "--data", csv.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("row 1000001 (line 1000002): more than 1,000,000 rows"),
        "{stderr}"
    );
    let json = dir.path().join("zeros.json");
    let teams = vec![r#"{"country":"IT","count":0}"#; 1_200_000].join(",");
    std::fs::write(&json, format!(r#"{{"title":"t","teams":[{teams}]}}"#)).unwrap();
    let (status, stderr) = bounded(&["check", "--data", json.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("more than 1,000,000 entries in this list"),
        "{stderr}"
    );
    // One team's own sources: a pop-up lists them, so a hundred at most.
    let sources = vec![r#""s""#; 101].join(",");
    let json = dir.path().join("sources.json");
    let team = format!(r#"{{"country":"IT","sources":[{sources}]}}"#);
    std::fs::write(&json, format!(r#"{{"title":"t","teams":[{team}]}}"#)).unwrap();
    let (status, stderr) = bounded(&["check", "--data", json.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("more than 100 entries in this list"),
        "{stderr}"
    );
}
