//! The words on the map, derived from the data set: title, subtitle with the claim and
//! its date, source line. A user's data set gets its own.

use chrono::NaiveDate;

use crate::data::AidDataset;
use crate::data::text::first_named;
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
    let (donors, unknown) = model.drawn_donors();
    let from = donors_phrase(model, &donors, teams, unknown);
    let counts = format!(
        "{teams} {}{from} to {countries} {}",
        plural(teams, "team", "teams"),
        plural(countries, "country", "countries")
    );
    let counts = match as_of(model) {
        Some(date) => format!("{counts}, as of {date}"),
        None => counts,
    };
    match arrived_note(model).or_else(|| beyond_note(model)) {
        Some(note) => format!("{counts} ({note})"),
        None => counts,
    }
}

/// Who sent the `teams` drawn: " from Cuba", " from 3 donors", and, where some
/// (`unknown`) have no known donor, each part counted: " (2 from China, 1 whose donor
/// is not known)". Nothing where the data has one donor and the user chose none.
fn donors_phrase(model: &MapModel, donors: &[usize], teams: u32, unknown: u32) -> String {
    let said = model.donors.told_apart() || model.donor.is_some();
    let named = match donors {
        [one] if said => format!("from {}", model.donors.names[*one]),
        [] | [_] => String::new(),
        several => format!("from {} donors", several.len()),
    };
    let unknown = if said { unknown } else { 0 };
    match (named.is_empty(), unknown) {
        (true, 0) => String::new(),
        (false, 0) => format!(" {named}"),
        (true, n) if n == teams => " (donor not known)".to_string(),
        (true, n) => format!(" ({n} whose donor is not known)"),
        (false, n) => {
            let known = teams.saturating_sub(n);
            format!(" ({known} {named}, {n} whose donor is not known)")
        }
    }
}

/// "the data ends on 9 April 2020": on a day after the timeline's last, the counts
/// are the data's last word, not news of that day.
fn beyond_note(model: &MapModel) -> Option<String> {
    let last = model.timeline.as_ref()?.last;
    (model.day? > last).then(|| format!("the data ends on {}", long_date(last)))
}

/// "arrived that day: Serbia" (or "arrived since 16 March: Serbia, Cambodia" in an
/// animation a week a frame): the countries outlined as news.
fn arrived_note(model: &MapModel) -> Option<String> {
    /// Countries named one by one; the rest are counted.
    const LISTED: usize = 3;
    let arrived = model.arrivals_today();
    if arrived.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = arrived
        .iter()
        .map(|&c| model.outlines.countries[c].name.as_str())
        .collect();
    names.sort_unstable();
    let when = match (model.news_from, model.day) {
        (Some(first), Some(day)) if first < day => {
            format!("arrived since {}", first.format("%-d %B"))
        }
        _ => "arrived that day".to_string(),
    };
    Some(format!("{when}: {}", first_named(names, LISTED)))
}

/// The footer's note line: what the map leaves out ([`not_shown_note`]), then what
/// it shows on aidmap's own reading of the data (donors taken from cities).
pub fn footer_note(model: &MapModel) -> Option<String> {
    let notes: Vec<String> = [not_shown_note(model), donor_cities_note(model)]
        .into_iter()
        .flatten()
        .collect();
    (!notes.is_empty()).then(|| notes.join(" · "))
}

/// What the map leaves out, where it does (an export warns of it, and `--strict`
/// refuses it): "Not shown: 1 team (Atlantis): no matching outline".
pub fn not_shown_note(model: &MapModel) -> Option<String> {
    let notes: Vec<String> = [missing_note(model), unfilled_note(model)]
        .into_iter()
        .flatten()
        .chain(flows_notes(model))
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

/// What the arcs leave out, where arcs are drawn: "No arc for 1 team (where it came
/// from is not given)"; "Not drawn: 1 arc to a point outside its country: Crema
/// (Italy)".
fn flows_notes(model: &MapModel) -> Vec<String> {
    /// Arcs named one by one; the rest are counted.
    const LISTED: usize = 3;
    let flows = &model.flows;
    if !model.show_flows {
        return Vec::new();
    }
    let listed = |names: &[String]| first_named(names, LISTED);
    // "Not drawn: 1 arc to a point outside its country: Crema (Italy)".
    let not_drawn = |names: &[String], one: &str, many: &str| {
        let n = names.len() as u32;
        (n > 0).then(|| format!("Not drawn: {n} {}: {}", plural(n, one, many), listed(names)))
    };
    let mut notes: Vec<String> = [
        not_drawn(
            &flows.outside,
            "arc to a point outside its country",
            "arcs to points outside their countries",
        ),
        not_drawn(
            &flows.same_place,
            "arc that starts and ends in one place",
            "arcs that start and end in one place",
        ),
        not_drawn(
            &flows.no_end,
            "arc with no point inside its country's outline to end at",
            "arcs with no point inside their countries' outlines to end at",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !flows.unlocated_ends.is_empty() {
        let n = flows.unlocated_ends.len() as u32;
        notes.push(format!(
            "{n} {} inside {} country, {} place not located: {}",
            plural(n, "arc ends", "arcs end"),
            if n == 1 { "its" } else { "their" },
            if n == 1 { "its" } else { "their" },
            listed(&flows.unlocated_ends)
        ));
    }
    if flows.beyond_limit > 0 {
        notes.push(format!(
            "Not drawn: {} more arcs (a picture draws the {} that carry the most teams)",
            flows.beyond_limit,
            crate::scene::arcs::MAX_ARCS
        ));
    }
    // Whenever the data has arcs, even where none of the teams shown has one.
    if flows.without_origin > 0 && model.has_flows() {
        let n = flows.without_origin;
        notes.push(format!(
            "No arc for {n} {} to {} (where {} from is not given or not located)",
            plural(n, "team", "teams"),
            listed(&flows.without_origin_to),
            if n == 1 { "it came" } else { "they came" }
        ));
    }
    notes
}

/// "Donor country taken from the city given as donor: Hangzhou (China)": the donors
/// of the teams shown (on the map's day, of the donor chosen) that the data gave as a
/// city, whose country aidmap took for the donor. Donors come in the legend's order;
/// those the legend names are each named here, the rest counted, as the legend
/// counts them.
pub fn donor_cities_note(model: &MapModel) -> Option<String> {
    /// Cities named for one donor; the rest are counted.
    const CITIES_LISTED: usize = 2;
    let by_donor = &model.flows.donor_cities;
    // One donor chosen: the legend names it, whatever its place among the donors.
    let legend_names = match model.donor {
        Some(_) => usize::MAX,
        None => crate::scene::style::DONOR_HUES,
    };
    let named = by_donor.range(..legend_names).map(|(&d, cities)| {
        let cities = first_named(cities, CITIES_LISTED);
        format!("{cities} ({})", model.donors.names[d])
    });
    let mut parts: Vec<String> = named.collect();
    match by_donor.range(legend_names..).count() {
        0 => {}
        1 => parts.push("1 other donor".to_string()),
        n => parts.push(format!("{n} other donors")),
    }
    (!parts.is_empty()).then(|| {
        format!(
            "Donor country taken from the city given as donor: {}",
            parts.join(", ")
        )
    })
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

/// The day the map shows, for "as of …": the timeline's day, else the claim's date.
pub fn as_of(model: &MapModel) -> Option<String> {
    model.shown_day().map(long_date)
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
        assert_eq!(as_of(&model).as_deref(), Some("9 April 2020"));
    }

    #[test]
    fn on_a_day_the_subtitle_counts_what_had_arrived_by_then() {
        let mut model = MapModel::new(
            bundled::outlines().unwrap(),
            bundled::aid_data().unwrap(),
            crate::geometry::projection::Projection::EqualEarth,
            true,
        );
        let all_classes = model.classes.labels();
        let day = crate::data::date::parse("2020-03-21").unwrap();
        model.set_day(Some(day));
        assert_eq!(
            subtitle(&model),
            "5 teams to 4 countries, as of 21 March 2020 (arrived that day: Serbia)"
        );
        model.set_day(Some(crate::data::date::parse("2020-03-22").unwrap()));
        assert_eq!(
            subtitle(&model),
            "5 teams to 4 countries, as of 22 March 2020"
        );
        assert_eq!(
            model.classes.labels(),
            all_classes,
            "classes of the whole data"
        );
        model.set_day(Some(crate::data::date::parse("2020-01-01").unwrap()));
        assert_eq!(
            subtitle(&model),
            "0 teams to 0 countries, as of 1 January 2020"
        );
        model.set_day(None);
        assert_eq!(
            subtitle(&model),
            "12 teams to 10 countries, as of 9 April 2020"
        );
    }
}
