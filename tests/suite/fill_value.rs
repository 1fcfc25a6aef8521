//! What the fills stand for: teams (the default) or members (`--value members`, View →
//! Colour by members). A recipient whose members are not all reported is grey, and the
//! legend says so; never a sum of the part that is known.

use aidmap::scene::MapStyle;
use aidmap::scene::fill_value::FillValue;
use aidmap::scene::style::ThemeChoice;
use egui_kittest::kittest::Queryable;

use crate::common::{at, bundled_model, harness, run_command};

/// The fill of each country in an exported SVG, by ISO code, and the legend's words.
fn export_svg(extra: &[&str]) -> (std::collections::HashMap<String, String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let mut args = vec!["--out", out.to_str().unwrap()];
    args.extend(extra);
    let (status, _, stderr) = run_command("export", &args);
    assert_eq!(status, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let fills = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("country"))
        .filter_map(|g| {
            let path = g.children().find(|c| c.has_tag_name("path"))?;
            Some((
                g.attribute("data-code")?.to_string(),
                path.attribute("fill")?.to_string(),
            ))
        })
        .collect();
    let legend = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend"))
        .flat_map(|g| g.descendants().filter(|c| c.has_tag_name("text")))
        .map(|t| t.text().unwrap_or_default().to_string())
        .collect();
    (fills, legend)
}

fn hex(color: egui::Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

#[test]
fn members_colour_only_the_recipients_whose_members_are_all_reported() {
    let unreported = hex(MapStyle::light().unreported);
    let (teams, teams_legend) = export_svg(&[]);
    assert_ne!(teams["ITA"], unreported);
    assert!(
        teams_legend.contains(&"Teams".to_string()),
        "{teams_legend:?}"
    );
    assert!(!teams_legend.iter().any(|t| t.contains("members")));

    let (members, legend) = export_svg(&["--value", "members"]);
    // Italy's second team is "12 or 13 (reports differ)": no sum is shown for Italy.
    assert_eq!(members["ITA"], unreported);
    assert_ne!(members["SRB"], unreported, "Serbia's members are reported");
    assert_ne!(members["SRB"], teams["SRB"], "and coloured by them");
    assert!(
        legend.contains(&"Members (badges: teams)".to_string()),
        "{legend:?}"
    );
    assert!(
        legend.contains(&"members not all reported".to_string()),
        "{legend:?}"
    );
    assert!(
        legend.contains(&"no team reported".to_string()),
        "{legend:?}"
    );
    assert_eq!(
        members["FRA"], teams["FRA"],
        "a country with no team stays land"
    );
}

#[test]
fn the_classes_are_those_of_the_reported_members() {
    let mut model = bundled_model();
    let teams_classes = model.classes.labels();
    model.set_value(FillValue::Members);
    let members_classes = model.classes.labels();
    assert_ne!(teams_classes, members_classes);
    let serbia = model.find_country("Serbia");
    let aidmap::data::matcher::CountryMatch::One(serbia) = serbia else {
        panic!("Serbia is on the map");
    };
    let destination = model.destination_by_country[serbia].unwrap();
    let reported = aidmap::scene::fill_value::members_of(&model.full.destinations[destination]);
    assert_eq!(model.value_of(serbia), Some(reported));
    assert!(reported.is_some());
}

#[test]
fn view_colour_by_members_recolours_and_a_bad_value_is_an_error() {
    let mut harness = harness(ThemeChoice::Light);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Colour by members").click();
    harness.run();
    assert_eq!(harness.state().model.value, FillValue::Members);
    // Hovering Italy (in Calabria, away from the arcs) says why its fill is grey.
    let calabria = at(&harness, 16.3, 39.0);
    harness.hover_at(calabria);
    harness.run();
    harness.run();
    harness.get_by_label("3 teams");
    harness.get_by_label("members not all reported");
    let (status, _, stderr) = run_command("export", &["--value", "people"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("teams") && stderr.contains("members"),
        "{stderr}"
    );
}
