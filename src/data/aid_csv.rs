//! Reading aid data from CSV: a header row, then one row per team or group of teams.
//! `country` is required (ISO alpha-3, ISO numeric or an English name); `teams`,
//! `arrived`, `place` (with `lat` and `lon`), `from` (the donor country), `from_place`
//! (with `from_lat` and `from_lon`: where the team was sent from, the start of its
//! arc), `members`,
//! `sent_by`, `source`, `quote` (with `quote_by`, `quote_date` and `quote_source` to
//! attribute it) are optional. Header names are matched in any
//! letter case; a column named twice is refused. Every bad row is reported (the
//! first twenty by row and line), not only the first.

use std::path::Path;

use crate::data::aid::{AidDataset, MAX_ENTRIES, MAX_TEAMS, Quote, Team};
use crate::data::aid_grouping::group_by_country;
use crate::data::aid_places::{located, names_in_bounds};
use crate::data::gazetteer;
use crate::data::place_lookup::locate_by_name;
use crate::data::{date, text};
use crate::error::{LoadError, Location};

/// The columns aidmap reads, besides `country`.
const OPTIONAL_COLUMNS: &[&str] = &[
    "teams",
    "from",
    "arrived",
    "place",
    "lat",
    "lon",
    "from_place",
    "from_lat",
    "from_lon",
    "members",
    "members_note",
    "sent_by",
    "source",
    "quote",
    "quote_by",
    "quote_date",
    "quote_source",
];

/// Bad rows named one by one in an error; the rest are counted.
const BAD_ROWS_LISTED: usize = 20;

/// Words that mean "no number was reported" in a `members` cell.
const NOT_REPORTED: &[&str] = &[
    "",
    "-",
    "n/a",
    "na",
    "unknown",
    "unverified",
    "not reported",
];

/// Read an aid data set from the CSV text `bytes` of the file `file`.
pub fn read_aid_csv(file: &str, bytes: &[u8]) -> Result<AidDataset, LoadError> {
    let whole = text::decode(file, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .delimiter(delimiter(file, whole))
        .from_reader(whole.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|err| csv_error(file, whole, &err))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let (columns, notes) = columns_of(file, &headers)?;
    let lines = text::LineIndex::new(whole);
    let mut entries = Vec::new();
    let mut bad_rows: Vec<(Location, String)> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| csv_error(file, whole, &err))?;
        let row = index + 1;
        let line = record.position().map_or(row + 1, |p| {
            line_of_record(whole, &lines, p.byte() as usize)
        });
        if record.iter().all(str::is_empty) {
            continue;
        }
        if entries.len() + bad_rows.len() == MAX_ENTRIES {
            return Err(LoadError::at(
                file,
                Location::Row { row, line },
                format!(
                    "more than {} rows; aidmap reads at most that many (a million teams, \
                     one to a row)",
                    crate::data::gazetteer::thousands(MAX_ENTRIES as u64)
                ),
            ));
        }
        match read_row(&record, &columns) {
            Ok((country, team)) => entries.push((country, Location::Row { row, line }, team)),
            Err(message) => bad_rows.push((Location::Row { row, line }, message)),
        }
    }
    if let Some(error) = bad_rows_error(file, &bad_rows) {
        return Err(error);
    }
    if entries.is_empty() {
        return Err(LoadError::new(
            file,
            "the CSV has a header but no data rows",
        ));
    }
    let looked_up = locate_by_name(&mut entries, Default::default())?;
    let mut notes = notes;
    notes.extend(looked_up.note());
    Ok(AidDataset {
        file: file.to_string(),
        title: title_from_file_name(file),
        provider: None,
        claim: None,
        destinations: group_by_country(file, entries)?,
        quotes: Vec::new(),
        sources: Vec::new(),
        notes,
        places_credit: (looked_up.by_name > 0 || looked_up.at_capitals > 0)
            .then(|| gazetteer::CREDIT.to_string()),
        unlocated: looked_up.unlocated,
    })
}

/// Where each column is, from the header row; a note on columns aidmap does not read.
/// A header without "country", or with a column twice, is an error.
fn columns_of(file: &str, headers: &[String]) -> Result<(Columns, Vec<String>), LoadError> {
    let header_row = || Location::Part("the header row (line 1)".into());
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = headers
        .iter()
        .find(|h| !h.is_empty() && !seen.insert(h.as_str()))
    {
        return Err(LoadError::at(
            file,
            header_row(),
            format!("the column \"{twice}\" appears twice; aidmap would not know which to read"),
        ));
    }
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(country_column) = column("country") else {
        return Err(LoadError::at(
            file,
            header_row(),
            format!(
                "the header has no \"country\" column (it has: {})",
                headers.join(", ")
            ),
        ));
    };
    let columns = Columns {
        country: country_column,
        teams: column("teams"),
        from: column("from"),
        arrived: column("arrived"),
        place: column("place"),
        lat: column("lat"),
        lon: column("lon"),
        from_place: column("from_place"),
        from_lat: column("from_lat"),
        from_lon: column("from_lon"),
        members: column("members"),
        members_note: column("members_note"),
        sent_by: column("sent_by"),
        source: column("source"),
        quote: column("quote"),
        quote_by: column("quote_by"),
        quote_date: column("quote_date"),
        quote_source: column("quote_source"),
    };
    let unused: Vec<String> = headers
        .iter()
        .filter(|h| *h != "country" && !OPTIONAL_COLUMNS.contains(&h.as_str()))
        .map(|h| format!("\"{h}\""))
        .collect();
    let notes = if unused.is_empty() {
        Vec::new()
    } else {
        vec![format!("columns not used: {}", unused.join(", "))]
    };
    Ok((columns, notes))
}

/// The line a record starts on. The csv crate gives the offset where it began looking
/// for it, which is still on the line before after a CRLF line end or a blank line:
/// the record starts at the first byte after that which is no line break.
fn line_of_record(whole: &str, lines: &text::LineIndex, offset: usize) -> usize {
    let start = whole.as_bytes()[offset.min(whole.len())..]
        .iter()
        .position(|&b| b != b'\r' && b != b'\n')
        .map_or(whole.len(), |skip| offset + skip);
    lines.line_of(start)
}

/// Where each column aidmap reads is, if the file has it.
struct Columns {
    country: usize,
    teams: Option<usize>,
    from: Option<usize>,
    arrived: Option<usize>,
    place: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    from_place: Option<usize>,
    from_lat: Option<usize>,
    from_lon: Option<usize>,
    members: Option<usize>,
    members_note: Option<usize>,
    sent_by: Option<usize>,
    source: Option<usize>,
    quote: Option<usize>,
    quote_by: Option<usize>,
    quote_date: Option<usize>,
    quote_source: Option<usize>,
}

/// The row's quote, attributed by its `quote_by`, `quote_date` and `quote_source`
/// cells; an attribution without a quote is an error.
fn quote_of(
    cell: &dyn Fn(Option<usize>) -> Option<String>,
    columns: &Columns,
) -> Result<Option<Quote>, String> {
    let attribution = [columns.quote_by, columns.quote_date, columns.quote_source];
    let Some(text) = cell(columns.quote) else {
        if attribution.into_iter().any(|c| cell(c).is_some()) {
            return Err(
                "quote_by, quote_date or quote_source is filled in, but the quote is empty".into(),
            );
        }
        return Ok(None);
    };
    let date = match cell(columns.quote_date) {
        None => None,
        Some(value) => Some(date::parse(&value).map_err(|m| format!("quote_date: {m}"))?),
    };
    Ok(Some(Quote {
        text,
        speaker: cell(columns.quote_by),
        role: None,
        date,
        outlet: cell(columns.quote_source),
        source: None,
    }))
}

/// One data row: its country and what it says of the team(s), or what is wrong.
fn read_row(record: &csv::StringRecord, columns: &Columns) -> Result<(String, Team), String> {
    let cell = |col: Option<usize>| {
        col.and_then(|c| record.get(c))
            .filter(|value| !value.is_empty())
            .map(str::to_string)
    };
    if let Some(long) = record
        .iter()
        .find_map(|c| text::too_long("a cell", c, text::MAX_TEXT_CHARS))
    {
        return Err(long);
    }
    let country = cell(Some(columns.country)).ok_or("the \"country\" cell is empty")?;
    if let Some(long) = text::too_long("the \"country\" cell", &country, text::MAX_NAME_CHARS) {
        return Err(long);
    }
    let count = match cell(columns.teams) {
        None => 1,
        Some(value) => value
            .parse::<u32>()
            .ok()
            .filter(|&n| n <= MAX_TEAMS)
            .ok_or_else(|| {
                format!("the team count '{value}' is not a whole number from 0 to {MAX_TEAMS}")
            })?,
    };
    let arrived = match cell(columns.arrived) {
        None => None,
        Some(value) => Some(date::parse(&value).map_err(|m| format!("arrived: {m}"))?),
    };
    let members = match cell(columns.members) {
        Some(value) if !NOT_REPORTED.contains(&value.to_lowercase().as_str()) => {
            Some(value.parse::<u32>().map_err(|_| {
                format!(
                    "members '{value}' is not a whole number (leave the cell empty when it was not reported)"
                )
            })?)
        }
        _ => None,
    };
    let quote = quote_of(&cell, columns)?;
    // A place's name and where it is, from its three columns.
    let place_at = |[name, lat, lon]: [Option<usize>; 3], prefix| {
        let name = cell(name);
        let at = located(
            name.as_deref(),
            cell(lat).as_deref(),
            cell(lon).as_deref(),
            prefix,
        );
        at.map(|at| (name, at))
    };
    let (place, arrival_point) = place_at([columns.place, columns.lat, columns.lon], "")?;
    let from = [columns.from_place, columns.from_lat, columns.from_lon];
    let (from_place, origin) = place_at(from, "from_")?;
    let donor = cell(columns.from);
    names_in_bounds([
        ("from", donor.as_deref()),
        ("place", place.as_deref()),
        ("from_place", from_place.as_deref()),
    ])?;
    let team = Team {
        count,
        arrived,
        place,
        members,
        members_note: cell(columns.members_note),
        sent_by: cell(columns.sent_by),
        donor,
        sources: cell(columns.source).into_iter().collect(),
        quote,
        origin,
        arrival_point,
        from_place,
        donor_city: None,
    };
    Ok((country, team))
}

/// One error for every bad row: the first names its row and line, the message lists
/// the others (up to [`BAD_ROWS_LISTED`]) and counts the rest.
fn bad_rows_error(file: &str, bad_rows: &[(Location, String)]) -> Option<LoadError> {
    let ((first_at, first), rest) = bad_rows.split_first()?;
    let mut message = first.clone();
    for (at, problem) in rest.iter().take(BAD_ROWS_LISTED - 1) {
        message.push_str(&format!("\n  also {at}: {problem}"));
    }
    if bad_rows.len() > BAD_ROWS_LISTED {
        message.push_str(&format!(
            "\n  and {} more bad rows ({} in all)",
            bad_rows.len() - BAD_ROWS_LISTED,
            bad_rows.len()
        ));
    }
    Some(LoadError::at(file, first_at.clone(), message))
}

/// The cell separator: a tab for `.tsv` files; otherwise a comma, unless the header has
/// no comma but semicolons (as spreadsheets in many locales write CSV) or tabs.
fn delimiter(file: &str, whole: &str) -> u8 {
    if file.to_ascii_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    let header = whole.lines().next().unwrap_or("");
    if header.contains(',') {
        b','
    } else if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// A title for a data set that has none: the file's name without folder or extension.
fn title_from_file_name(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|stem| stem.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_else(|| file.to_string())
}

fn csv_error(file: &str, whole: &str, err: &csv::Error) -> LoadError {
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} cells, but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "this row is not UTF-8 text".to_string(),
        _ => err.to_string(),
    };
    match err.position() {
        Some(position) => LoadError::at(
            file,
            Location::Row {
                row: (position.record() as usize).max(1),
                line: line_of_record(
                    whole,
                    &text::LineIndex::new(whole),
                    position.byte() as usize,
                ),
            },
            message,
        ),
        None => LoadError::new(file, message),
    }
}
