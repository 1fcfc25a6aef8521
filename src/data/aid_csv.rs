//! Reading aid data from CSV: a header row, then one row per team or group of teams.
//! `country` is required (ISO alpha-3, ISO numeric or an English name); `teams`,
//! `arrived`, `members`, `sent_by`, `source` and `quote` are optional. Header names
//! are matched in any letter case. Every error names the row and its line.

use std::path::Path;

use crate::data::aid::{AidDataset, Team};
use crate::data::aid_grouping::group_by_country;
use crate::data::{date, text};
use crate::error::{LoadError, Location};

/// The columns aidmap reads, besides `country`.
const OPTIONAL_COLUMNS: &[&str] = &["teams", "arrived", "members", "sent_by", "source", "quote"];

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
        .map_err(|err| csv_error(file, &err))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(country_column) = column("country") else {
        return Err(LoadError::at(
            file,
            Location::Part("the header row (line 1)".into()),
            format!(
                "the header has no \"country\" column (it has: {})",
                headers.join(", ")
            ),
        ));
    };
    let teams_col = column("teams");
    let arrived_col = column("arrived");
    let members_col = column("members");
    let sent_by_col = column("sent_by");
    let source_col = column("source");
    let quote_col = column("quote");
    let unused: Vec<&String> = headers
        .iter()
        .filter(|h| *h != "country" && !OPTIONAL_COLUMNS.contains(&h.as_str()))
        .collect();
    let mut notes = Vec::new();
    if !unused.is_empty() {
        let names: Vec<String> = unused.iter().map(|h| format!("\"{h}\"")).collect();
        notes.push(format!("columns not used: {}", names.join(", ")));
    }

    let mut entries = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| csv_error(file, &err))?;
        let row = index + 1;
        let line = record.position().map_or(row + 1, |p| p.line() as usize);
        let at = |message: String| LoadError::at(file, Location::Row { row, line }, message);
        let cell = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .filter(|value| !value.is_empty())
                .map(str::to_string)
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let Some(country) = cell(Some(country_column)) else {
            return Err(at("the \"country\" cell is empty".into()));
        };
        let count = match cell(teams_col) {
            None => 1,
            Some(value) => value.parse::<u32>().map_err(|_| {
                at(format!(
                    "the team count '{value}' is not a whole number of 0 or more"
                ))
            })?,
        };
        let arrived = match cell(arrived_col) {
            None => None,
            Some(value) => Some(date::parse(&value).map_err(|m| at(format!("arrived: {m}")))?),
        };
        let members = match cell(members_col) {
            Some(value) if !NOT_REPORTED.contains(&value.to_lowercase().as_str()) => {
                Some(value.parse::<u32>().map_err(|_| {
                    at(format!(
                        "members '{value}' is not a whole number (leave the cell empty when it was not reported)"
                    ))
                })?)
            }
            _ => None,
        };
        let team = Team {
            count,
            arrived,
            place: None,
            members,
            members_note: None,
            sent_by: cell(sent_by_col),
            sources: cell(source_col).into_iter().collect(),
            quote: cell(quote_col),
        };
        entries.push((country, Location::Row { row, line }, team));
    }
    if entries.is_empty() {
        return Err(LoadError::new(
            file,
            "the CSV has a header but no data rows",
        ));
    }
    Ok(AidDataset {
        file: file.to_string(),
        title: title_from_file_name(file),
        provider: None,
        claim: None,
        destinations: group_by_country(file, entries)?,
        quotes: Vec::new(),
        sources: Vec::new(),
        notes,
    })
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

fn csv_error(file: &str, err: &csv::Error) -> LoadError {
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
                line: position.line() as usize,
            },
            message,
        ),
        None => LoadError::new(file, message),
    }
}
