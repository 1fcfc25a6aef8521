//! The data as a table: one row per entry of the whole data set (a team, or a CSV
//! row's teams), with the country as the outlines name it and its ISO code, whether it
//! is on the map, and every fact the data gives. The window's Data table shows these
//! rows; File → Export data as CSV writes them, in columns aidmap reads back.

use chrono::NaiveDate;

use crate::scene::MapModel;

/// One entry of the data, joined to the outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    /// The country: the outline's name where it joined, else as the data writes it.
    pub country: String,
    /// The outline's ISO alpha-3 code, where it joined and has one.
    pub code: Option<String>,
    /// Whether the entry is drawn: its country joined an outline the map shows.
    pub on_map: bool,
    /// Teams it stands for.
    pub teams: u32,
    /// When it arrived.
    pub arrived: Option<NaiveDate>,
    /// Members, where reported.
    pub members: Option<u32>,
    /// What the reports say of the members where no number can be given.
    pub members_note: Option<String>,
    /// Who sent it.
    pub sent_by: Option<String>,
    /// Its donor country, as the data names it (the row's `from`, or the provider).
    pub donor: Option<String>,
    /// Where it was sent from, with coordinates, where known.
    pub from: Option<(String, f64, f64)>,
    /// Where it arrived, as the data names it.
    pub place: Option<String>,
    /// That place's coordinates, where known.
    pub place_at: Option<(f64, f64)>,
    /// Its sources.
    pub sources: Vec<String>,
}

/// Every entry of `model`'s whole data set, in the data's order.
pub fn data_rows(model: &MapModel) -> Vec<DataRow> {
    let aid = &model.full;
    let mut rows = Vec::new();
    for (index, destination) in aid.destinations.iter().enumerate() {
        let outline = model.join.matches.get(index).copied().flatten();
        let country = outline.map(|o| &model.outlines.countries[o]);
        let on_map = outline.is_some_and(|o| model.destination_by_country[o].is_some());
        for team in &destination.details {
            rows.push(DataRow {
                country: country.map_or_else(|| destination.country.clone(), |c| c.name.clone()),
                code: country.and_then(|c| c.iso_a3.clone()),
                on_map,
                teams: team.count,
                arrived: team.arrived,
                members: team.members,
                members_note: team.members_note.clone(),
                sent_by: team.sent_by.clone(),
                donor: aid.donor_of(team).map(str::to_string),
                from: team.origin.as_ref().map(|o| (o.name.clone(), o.lat, o.lon)),
                place: team.place.clone(),
                place_at: team.arrival_point.as_ref().map(|p| (p.lat, p.lon)),
                sources: team.sources.clone(),
            });
        }
    }
    rows
}

/// The rows as CSV, in columns aidmap reads back (`country`, `teams`, `arrived`,
/// `members`, `sent_by`, `from`, `from_place`, `from_lat`, `from_lon`, `place`,
/// `lat`, `lon`, `source`), with the outline's `iso_a3`, `on_map` and
/// `members_note` beside them.
pub fn to_csv(rows: &[DataRow]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "country",
        "iso_a3",
        "on_map",
        "teams",
        "arrived",
        "members",
        "members_note",
        "sent_by",
        "from",
        "from_place",
        "from_lat",
        "from_lon",
        "place",
        "lat",
        "lon",
        "source",
    ];
    writer.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        writer.write_record(cells(row)).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// A row's cells, in [`to_csv`]'s column order; empty where the data says nothing.
pub fn cells(row: &DataRow) -> [String; 16] {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<f64>| value.map(|v| format!("{v:.5}")).unwrap_or_default();
    [
        row.country.clone(),
        text(&row.code),
        if row.on_map { "yes" } else { "no" }.to_string(),
        row.teams.to_string(),
        row.arrived.map(|d| d.to_string()).unwrap_or_default(),
        row.members.map(|m| m.to_string()).unwrap_or_default(),
        text(&row.members_note),
        text(&row.sent_by),
        text(&row.donor),
        row.from.as_ref().map(|f| f.0.clone()).unwrap_or_default(),
        number(row.from.as_ref().map(|f| f.1)),
        number(row.from.as_ref().map(|f| f.2)),
        text(&row.place),
        number(row.place_at.map(|p| p.0)),
        number(row.place_at.map(|p| p.1)),
        row.sources.join("; "),
    ]
}
