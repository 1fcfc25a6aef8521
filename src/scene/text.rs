//! The words on the map, derived from the data set: title, subtitle with the claim and
//! its date, source line. A user's data set gets its own.

use chrono::NaiveDate;

use crate::data::AidDataset;
use crate::scene::model::MapModel;

/// "9 April 2020".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The subtitle: the teams and countries on the map, and the date of the data's claim
/// where it records one ("12 teams to 10 countries, as of 9 April 2020"). Only what is
/// drawn is counted; what is not is said in the footer's note.
pub fn subtitle(model: &MapModel) -> String {
    let (teams, countries) = model.drawn_totals();
    let counts = format!(
        "{teams} {} to {countries} {}",
        plural(teams, "team", "teams"),
        plural(countries, "country", "countries")
    );
    match as_of(&model.aid) {
        Some(date) => format!("{counts}, as of {date}"),
        None => counts,
    }
}

/// The footer's note when some teams are not on the map:
/// "Not shown: 1 team (Atlantis): no matching outline".
pub fn not_shown_note(model: &MapModel) -> Option<String> {
    let notes: Vec<String> = [missing_note(model), unfilled_note(model)]
        .into_iter()
        .flatten()
        .collect();
    (!notes.is_empty()).then(|| notes.join(" · "))
}

/// "No room at this size for 3 team counts (zoom in or make the picture larger)": the
/// badges that could not be placed without covering another.
pub fn crowded_note(crowded: usize) -> String {
    format!(
        "No room at this size for {crowded} team {} (zoom in or make the picture larger)",
        if crowded == 1 { "count" } else { "counts" }
    )
}

/// "Not filled: Italy (its outline crosses itself too often to fill)".
fn unfilled_note(model: &MapModel) -> Option<String> {
    let names: Vec<&str> = model
        .projected
        .countries
        .iter()
        .zip(&model.outlines.countries)
        .filter(|(projected, _)| projected.unfilled > 0)
        .map(|(_, country)| country.name.as_str())
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!(
            "Not filled: {one} (its outline crosses itself too often to fill)"
        )),
        many => Some(format!(
            "Not filled: {} outlines that cross themselves too often ({}{})",
            many.len(),
            many.iter().take(3).copied().collect::<Vec<_>>().join(", "),
            if many.len() > 3 { ", …" } else { "" }
        )),
    }
}

/// "Not shown: 1 team (Atlantis): no matching outline".
fn missing_note(model: &MapModel) -> Option<String> {
    /// Entries named one by one; the rest are counted.
    const LISTED: usize = 4;
    let missing = model.not_shown();
    if missing.is_empty() {
        return None;
    }
    let teams: u32 = missing.iter().map(|m| m.teams).sum();
    let mut named: Vec<String> = missing
        .iter()
        .take(LISTED)
        .map(|m| format!("{}: {}", m.country, m.reason))
        .collect();
    if missing.len() > LISTED {
        named.push(format!("{} more", missing.len() - LISTED));
    }
    let what = format!("{teams} {}", plural(teams, "team", "teams"));
    Some(match missing.as_slice() {
        [only] => format!("Not shown: {what} ({}): {}", only.country, only.reason),
        _ => format!("Not shown: {what} ({})", named.join("; ")),
    })
}

/// The source line: where the claim comes from, and the outlines' credit.
pub fn source_line(aid: &AidDataset, natural_earth: bool, outlines_file: &str) -> String {
    let claim_source = aid
        .claim
        .as_ref()
        .and_then(|claim| claim.source.as_deref())
        .and_then(|id| aid.source(id));
    let mut parts = Vec::new();
    match claim_source {
        Some(source) => {
            let mut text = format!(
                "Source: {}",
                source.outlet.as_deref().unwrap_or(&source.title)
            );
            if let Some(date) = source.date {
                text.push_str(&format!(", {}", long_date(date)));
            }
            parts.push(text);
        }
        None => parts.push(format!("Data: {}", file_name(&aid.file))),
    }
    if natural_earth {
        parts.push("Made with Natural Earth".to_string());
    } else {
        parts.push(format!("Outlines: {}", file_name(outlines_file)));
    }
    parts.join(" · ")
}

/// The "as of" date of the data, for "no team reported as of …".
pub fn as_of(aid: &AidDataset) -> Option<String> {
    aid.claim.as_ref().map(|claim| long_date(claim.as_of))
}

/// `one` for 1, else `many`.
pub fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn file_name(path: &str) -> String {
    let name = path.strip_prefix("bundled ").unwrap_or(path);
    std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;

    #[test]
    fn the_bundled_data_reads_as_the_claim_and_its_source() {
        let aid = bundled::aid_data().unwrap();
        let model = MapModel::new(
            bundled::outlines().unwrap(),
            aid.clone(),
            crate::geometry::projection::Projection::EqualEarth,
            true,
        );
        assert_eq!(
            subtitle(&model),
            "12 teams to 10 countries, as of 9 April 2020"
        );
        assert_eq!(not_shown_note(&model), None);
        assert_eq!(
            source_line(&aid, true, "x"),
            "Source: Daily Mail (Islamabad), 9 April 2020 · Made with Natural Earth"
        );
        assert_eq!(as_of(&aid).as_deref(), Some("9 April 2020"));
    }
}
