//! The bundled aid data says what its sources say, and nothing more.

use std::collections::BTreeMap;
use std::path::Path;

use aidmap::data::bundled;

const ARTICLE: &str = include_str!("../../assets/sources/article.txt");
const TEAMS_TABLE: &str = include_str!("../../assets/sources/teams-2020.md");

#[test]
fn every_quote_is_a_verbatim_substring_of_the_article() {
    let aid = bundled::aid_data().unwrap();
    assert!(aid.quotes.len() >= 3);
    for quote in &aid.quotes {
        assert!(
            ARTICLE.contains(&quote.text),
            "not in the article: {}",
            quote.text
        );
        assert_eq!(quote.speaker.as_deref(), Some("Zhao Lijian"));
        assert_eq!(
            quote.date.map(|d| d.to_string()).as_deref(),
            Some("2020-04-09")
        );
        assert!(quote.outlet.as_deref().unwrap().contains("Daily Mail"));
        assert!(quote.role.as_deref().unwrap().contains("Spokesperson"));
    }
}

#[test]
fn the_teams_add_up_to_twelve_in_ten_countries_with_italy_three() {
    let aid = bundled::aid_data().unwrap();
    assert_eq!(aid.summary(), "12 teams in 10 countries");
    let per_country: BTreeMap<&str, u32> = aid
        .destinations
        .iter()
        .map(|d| (d.country.as_str(), d.teams))
        .collect();
    assert_eq!(per_country["ITA"], 3);
    for code in [
        "PAK", "SRB", "KHM", "IRN", "IRQ", "LAO", "VEN", "PHL", "MMR",
    ] {
        assert_eq!(per_country[code], 1, "{code}");
    }
    let claim = aid.claim.as_ref().unwrap();
    assert_eq!((claim.teams, claim.countries), (12, 10));
    assert_eq!(claim.as_of.to_string(), "2020-04-09");
    assert_eq!(
        aid.provider.as_ref().unwrap().place.as_deref(),
        Some("Beijing")
    );
}

/// The rows of the table in teams-2020.md, as (alpha-3, arrived, place, members, sent by).
fn table_rows() -> Vec<(String, String, Option<String>, String, String)> {
    TEAMS_TABLE
        .lines()
        .filter(|line| {
            line.starts_with("| ") && line[2..].starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells[2].split('(').nth(1).unwrap()[..3].to_string();
            let (date, place) = match cells[3].split_once(", ") {
                Some((date, place)) => (date.to_string(), Some(place.to_string())),
                None => (cells[3].to_string(), None),
            };
            (
                code,
                date,
                place,
                cells[4].to_string(),
                cells[5].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_team_matches_its_row_in_the_team_list() {
    let aid = bundled::aid_data().unwrap();
    let rows = table_rows();
    assert_eq!(rows.len(), 12);
    let teams: Vec<(String, &aidmap::data::aid::Team)> = aid
        .destinations
        .iter()
        .flat_map(|d| d.details.iter().map(move |t| (d.country.clone(), t)))
        .collect();
    assert_eq!(teams.len(), 12);
    for (code, date, place, members, sent_by) in rows {
        let (_, team) = teams
            .iter()
            .find(|(c, t)| *c == code && t.arrived.unwrap().to_string() == date)
            .unwrap_or_else(|| panic!("no team for {code} on {date}"));
        assert_eq!(team.place, place, "{code} {date}");
        assert_eq!(
            team.sent_by.as_deref(),
            Some(sent_by.as_str()),
            "{code} {date}"
        );
        let uncertain = members.starts_with("unverified") || members.contains(" or ");
        match members.parse::<u32>() {
            Ok(n) => assert_eq!(team.members, Some(n), "{code} {date}"),
            // "12 (10 experts, 2 officials)": the number, with the rest as a note.
            Err(_) if !uncertain => {
                let n: u32 = members.split(' ').next().unwrap().parse().unwrap();
                assert_eq!(team.members, Some(n), "{code} {date}");
                assert!(members.contains(team.members_note.as_deref().unwrap()));
            }
            // "unverified ..." or "12 or 13 (reports differ)": no number is stated.
            Err(_) => {
                assert_eq!(team.members, None, "{code} {date}: {members}");
                if let Some(note) = &team.members_note {
                    assert_eq!(note, &members);
                }
            }
        }
    }
}

#[test]
fn the_bundled_sources_are_the_projects_source_material() {
    // In the project's workspace the originals sit beside the repository.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/source");
    if !shared.exists() {
        return;
    }
    for name in ["article.txt", "teams-2020.md"] {
        let original = std::fs::read(shared.join(name)).unwrap();
        let copy = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/sources")
                .join(name),
        )
        .unwrap();
        assert_eq!(
            original, copy,
            "assets/sources/{name} differs from shared/source"
        );
    }
}
