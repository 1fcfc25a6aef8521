//! The arcs from each team's sender to where it arrived: one per team, cut at the
//! antimeridian in every projection, credited, and switched off on request.

use crate::common::*;

/// The `d` of each `<path class="flow">` of an export to SVG with `args`, and the SVG.
fn flows_of(args: &[&str]) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("flows.svg");
    let mut all = vec!["--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let (status, _, stderr) = run_command("export", &all);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let paths = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("flow"))
        .map(|n| n.attribute("d").unwrap().to_string())
        .collect();
    (paths, svg)
}

/// The subpaths of a path's `d` (`M x,y L x,y …`), as points.
fn subpaths(d: &str) -> Vec<Vec<[f32; 2]>> {
    let mut pieces: Vec<Vec<[f32; 2]>> = Vec::new();
    let mut rest = d;
    while let Some(start) = rest.find(['M', 'L']) {
        let letter = &rest[start..start + 1];
        let tail = &rest[start + 1..];
        let end = tail.find(['M', 'L']).unwrap_or(tail.len());
        let (x, y) = tail[..end].split_once(',').unwrap();
        let point = [x.trim().parse().unwrap(), y.trim().parse().unwrap()];
        if letter == "M" {
            pieces.push(vec![point]);
        } else {
            pieces.last_mut().unwrap().push(point);
        }
        rest = &tail[end..];
    }
    pieces
}

#[test]
fn the_default_export_draws_twelve_arcs_credited_to_geonames() {
    let (paths, svg) = flows_of(&[]);
    assert_eq!(paths.len(), 12, "one arc per team");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let arc = |from: &str, to: &str| {
        doc.descendants().any(|n| {
            n.attribute("class") == Some("flow-arc")
                && n.attribute("data-from") == Some(from)
                && n.attribute("data-to") == Some(to)
        })
    };
    assert!(arc("Fuzhou", "Milan"), "Fujian's team to Milan");
    assert!(arc("Hangzhou", "Milan"), "Zhejiang's team to Milan");
    assert!(arc("Beijing", "Rome"));
    assert!(arc("Nanjing", "Venezuela (place not reported)"));
    assert!(
        svg.contains("Places: GeoNames"),
        "the places' source is credited"
    );
    assert!(svg.contains(">from sender to arrival place<"));
}

#[test]
fn no_arc_jumps_across_the_map_in_any_projection() {
    for projection in [
        "equal-earth",
        "natural-earth",
        "equirectangular",
        "mercator",
    ] {
        let (paths, _) = flows_of(&["--projection", projection]);
        assert_eq!(paths.len(), 12, "{projection}");
        let mut cut = 0;
        for d in &paths {
            let pieces = subpaths(d);
            cut += usize::from(pieces.len() > 1);
            for piece in &pieces {
                for pair in piece.windows(2) {
                    let step = ((pair[1][0] - pair[0][0]).powi(2)
                        + (pair[1][1] - pair[0][1]).powi(2))
                    .sqrt();
                    // 64 pieces to an arc: none is a quarter of the 1600-point map.
                    assert!(step < 400.0, "{projection}: a step of {step} in {d}");
                }
            }
        }
        // Nanjing to Venezuela goes over the Arctic and across the antimeridian.
        assert!(cut >= 1, "{projection}: no arc was cut at the antimeridian");
    }
}

#[test]
fn arcs_appear_on_their_day_and_go_with_no_flows() {
    let (paths, _) = flows_of(&["--date", "2020-03-21"]);
    assert_eq!(paths.len(), 5, "the teams arrived by 21 March");
    let (paths, svg) = flows_of(&["--no-flows"]);
    assert!(paths.is_empty());
    assert!(
        !svg.contains("GeoNames"),
        "nothing of theirs drawn, no credit"
    );
    assert!(!svg.contains("from sender to arrival place"));
}

#[test]
fn flows_for_data_that_says_no_sender_place_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "plain.csv", "country,teams\nItaly,2\n");
    let out = dir.path().join("x.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--flows",
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--flows") && stderr.contains("no arcs"),
        "{stderr}"
    );
    assert!(!out.exists());
    // Without --flows, the same data draws a map with no arcs and no legend line.
    let (paths, svg) = flows_of(&["--data", data.to_str().unwrap()]);
    assert!(paths.is_empty() && !svg.contains("from sender to arrival place"));
}

#[test]
fn your_own_data_draws_arcs_from_the_coordinates_it_gives() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,teams,place,lat,lon,from_place,from_lat,from_lon\n\
               Italy,2,Rome,41.9,12.5,Havana,23.13,-82.38\n\
               Fiji,1,Suva,-18.14,178.44,Havana,23.13,-82.38\n\
               Laos,1,,,,Paris,,\n";
    let data = write(dir.path(), "own.csv", csv);
    let (paths, svg) = flows_of(&["--data", data.to_str().unwrap()]);
    assert_eq!(paths.len(), 2, "which Paris is not said: no arc");
    // Havana to Suva crosses the antimeridian: two pieces, neither jumping.
    assert!(paths.iter().any(|d| subpaths(d).len() == 2), "{paths:?}");
    assert!(
        !svg.contains("GeoNames"),
        "your coordinates are not GeoNames'"
    );
    // A place name without its country is looked up in every country, and a name
    // several cities are known by there is reported with each, never chosen among.
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1, "{stdout}");
    assert!(
        stdout.contains(
            "unlocated: row 3 (line 4): from_place \"Paris\": 3 cities are known by that name: \
             Paris (48.853° N, 2.349° E, 2,138,551 people) in France; Paris (33.661° N, \
             95.556° W, 24,782 people) in United States; Parys ("
        ),
        "{stdout}"
    );
    // The JSON form takes the same fields, as numbers.
    let json = r#"{"title": "Own", "teams": [
        {"country": "Italy", "place": "Rome", "lat": 41.9, "lon": 12.5,
         "from_place": "Havana", "from_lat": 23.13, "from_lon": -82.38}]}"#;
    let data = write(dir.path(), "own.json", json);
    let (paths, _) = flows_of(&["--data", data.to_str().unwrap()]);
    assert_eq!(paths.len(), 1);
}

#[test]
fn half_a_coordinate_or_one_out_of_range_is_an_error_naming_its_row() {
    let dir = tempfile::tempdir().unwrap();
    for (csv, expected) in [
        (
            "country,from_lat\nItaly,41\n",
            "row 1 (line 2): from_lat is given without from_lon",
        ),
        (
            "country,lat,lon\nItaly,95,12\n",
            "lat '95' is not a number of degrees",
        ),
    ] {
        let data = write(dir.path(), "bad.csv", csv);
        let (status, _, stderr) = run_command("check", &["--data", data.to_str().unwrap()]);
        assert_eq!(status, 2, "{csv}");
        assert!(stderr.contains(expected), "{stderr}");
    }
    let json = r#"{"title": "Own", "teams": [{"country": "Italy", "lat": 41.9}]}"#;
    let data = write(dir.path(), "bad.json", json);
    let (status, _, stderr) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("teams[0]") && stderr.contains("lat is given without lon"),
        "{stderr}"
    );
}

#[test]
fn an_arrival_point_outside_its_country_is_not_drawn_and_every_gap_is_said() {
    let dir = tempfile::tempdir().unwrap();
    // Crema with its latitude and longitude swapped would end in Somalia.
    let csv = "country,teams,place,lat,lon,from_place,from_lat,from_lon\n\
               Italy,1,Crema,9.69,45.36,Havana,23.13,-82.38\n\
               Italy,1,Romee,,,Havana,23.13,-82.38\n\
               Italy,1,Brescia,45.54,10.21,Moscow,,\n";
    let data = write(dir.path(), "swap.csv", csv);
    let (paths, svg) = flows_of(&["--data", data.to_str().unwrap()]);
    assert_eq!(paths.len(), 1, "only Havana to (misspelt) Rome is drawn");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let to: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-to"))
        .collect();
    assert_eq!(to, ["Italy (Romee not located)"]);
    assert!(
        svg.contains("Not drawn: 1 arc to a point outside its country: Crema (Italy)"),
        "{svg}"
    );
    assert!(
        svg.contains("No arc for 1 team to Italy (where it came from is not given or not located)")
    );
    assert!(
        svg.contains("1 arc ends inside its country, its place not located: Italy (Romee)"),
        "{svg}"
    );
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1);
    for expected in [
        "questionable: the arrival point of Crema (Italy) lies outside its country's outline",
        "unlocated: row 3 (line 4): from_place \"Moscow\": 2 cities are known by that name: \
         Moscow (55.752° N, 37.618° E,",
        "unlocated: row 2 (line 3): place \"Romee\" is not among GeoNames' cities of 15,000 \
         people or more in Italy",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    // --strict refuses a picture with a gap.
    let out = dir.path().join("strict.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ];
    let (status, _, _) = run_command("export", &args);
    assert_eq!(status, 1);
    assert!(!out.exists());
}

#[test]
fn teams_without_a_sender_place_are_counted_by_check_and_the_picture_alike() {
    let dir = tempfile::tempdir().unwrap();
    // The provider names no country: none of its teams can start anywhere, and the
    // team given by its country only is one of them.
    let json = r#"{"title": "t", "provider": {"country": "Narnia"}, "teams": [
        {"country": "ITA", "place": "Rome"}, {"country": "FRA"}]}"#;
    let data = write(dir.path(), "narnia.json", json);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1, "{stdout}");
    assert!(
        stdout.contains("provider: from \"Narnia\" names no country")
            && stdout.contains("no arc: 2 teams (no sender place given"),
        "{stdout}"
    );
    let (_, svg) = flows_of(&["--data", data.to_str().unwrap()]);
    assert!(
        svg.contains(
            "No arc for 2 teams to France, Italy (where they came from is not given or not \
             located)"
        ),
        "{svg}"
    );
    let out = dir.path().join("strict.png");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let strict: Vec<&str> = args.iter().copied().chain(["--strict"]).collect();
    assert_eq!(run_command("export", &strict).0, 1);
    let flows: Vec<&str> = args.iter().copied().chain(["--flows"]).collect();
    assert_eq!(
        run_command("export", &flows).0,
        0,
        "the data says who sent them"
    );
    // A CSV row with an empty from among rows that have one: check says so too.
    let csv = "country,from,place\nITA,,Rome\nFRA,China,Paris\n";
    let data = write(dir.path(), "gap.csv", csv);
    let (status, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert_eq!(status, 1, "{stdout}");
    assert!(
        stdout.contains("  no arc: 1 team (no sender place given"),
        "{stdout}"
    );
}

#[test]
fn an_arc_from_a_place_to_itself_is_not_drawn_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,from,from_place,place\n\
               ITA,Italy,Bergamo,Bergamo\n\
               FRA,China,Shanghai,Paris\n";
    let data = write(dir.path(), "same.csv", csv);
    let (paths, svg) = flows_of(&["--data", data.to_str().unwrap()]);
    assert_eq!(paths.len(), 1, "only Shanghai to Paris has a line to draw");
    assert!(
        svg.contains("Not drawn: 1 arc that starts and ends in one place: Bergamo (Italy)"),
        "{svg}"
    );
    let (_, stdout, _) = run_command("check", &["--data", data.to_str().unwrap()]);
    assert!(
        stdout.contains("questionable: a team to Bergamo (Italy) was sent from where it arrived"),
        "{stdout}"
    );
}

#[test]
fn a_long_footer_note_wraps_onto_lines_that_stay_readable_in_a_small_picture() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "country,teams,from,from_place,place,lat,lon\n\
               Italy,1,Cuba,,Crema,9.69,45.36\n\
               Italy,2,Cuba,,Romee,,\n\
               Spain,3,,,Madrid,,\n\
               France,1,Hangzhou,,Paris,,\n\
               United States,1,Cuba,,Springfielld,,\n";
    let data = write(dir.path(), "gaps.csv", csv);
    let out = dir.path().join("small.svg");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--width",
        "600",
        "--height",
        "400",
    ];
    assert_eq!(run_command("export", &args).0, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let lines: Vec<(f32, f32, String)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("not-shown"))
        .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("text")))
        .map(|t| {
            let number = |name| t.attribute(name).unwrap().parse::<f32>().unwrap();
            let text: String = t.descendants().filter_map(|n| n.text()).collect();
            (number("y"), number("font-size"), text)
        })
        .collect();
    assert!(lines.len() >= 2, "the note wraps: {lines:?}");
    // Read from the top down, each line at the footer's own size or close to it.
    assert!(lines.windows(2).all(|w| w[0].0 < w[1].0), "{lines:?}");
    assert!(lines.iter().all(|l| l.1 >= 8.0), "{lines:?}");
    let whole = lines
        .iter()
        .map(|l| l.2.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for said in [
        "Not drawn: 1 arc to a point outside its country: Crema (Italy)",
        "No arc for 3 teams to Spain",
        "Donor country taken from the city given as donor: Hangzhou (China)",
    ] {
        assert!(whole.contains(said), "{said}: {whole}");
    }
    // The map made room: the lowest note line is above the source line.
    let source_y = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("source"))
        .and_then(|g| g.descendants().find(|n| n.has_tag_name("text")))
        .and_then(|t| t.attribute("y"))
        .unwrap()
        .parse::<f32>()
        .unwrap();
    assert!(lines.iter().all(|l| l.0 < source_y), "{lines:?} {source_y}");
    // The user's own long note wraps too, below the notes of what is left out.
    let note = "A note of the user's own that goes on and on. ".repeat(8);
    let mut with_note = args.to_vec();
    with_note.extend(["--note", note.trim()]);
    assert_eq!(run_command("export", &with_note).0, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let own: Vec<f32> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("note"))
        .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("text")))
        .map(|t| t.attribute("font-size").unwrap().parse::<f32>().unwrap())
        .collect();
    assert!(
        own.len() >= 2 && own.iter().all(|&size| size >= 8.0),
        "{own:?}"
    );
}
