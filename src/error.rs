//! The one error type for everything aidmap reads: it names the file, says where in it
//! (line and column, a CSV row, a feature) and what is wrong. It never carries a panic
//! or a backtrace; the command line prints it after `error:`, the window shows it.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A line and column, both counted from 1 (JSON, GeoJSON, TopoJSON).
    LineColumn { line: usize, column: usize },
    /// A CSV record: `row` counts data rows from 1 (the header is not a row), `line`
    /// is the file line the record starts on.
    Row { row: usize, line: usize },
    /// A part of a structured file that has no useful line, such as
    /// "object 'countries', geometry 12".
    Part(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::LineColumn { line, column } => write!(f, "line {line}, column {column}"),
            Location::Row { row, line } => write!(f, "row {row} (line {line})"),
            Location::Part(part) => f.write_str(part),
        }
    }
}

/// What kind of problem a reader met, where its caller may want to know more than the
/// words: a caller adds a [`Hint`] by the kind, never by matching the message, so a
/// reworded message keeps its hint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Problem {
    /// Anything not listed below.
    #[default]
    Other,
    /// The text is not JSON at all.
    NotJson,
    /// A JSON object has a member the format does not know.
    UnknownField(String),
}

/// Advice added after the message by the reader that knows what the file was meant to
/// be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Given as aid data, the file looks like outlines.
    LooksLikeOutlines,
    /// Given as outlines, the file is not JSON (perhaps aid data in CSV).
    OutlinesAreJson,
}

impl Hint {
    /// The advice, to follow the message.
    pub fn text(self) -> &'static str {
        match self {
            Hint::LooksLikeOutlines => {
                "this looks like GeoJSON or TopoJSON outlines: give it with --countries, not --data"
            }
            Hint::OutlinesAreJson => {
                "outline files are GeoJSON, TopoJSON or shapefiles (aid data in CSV goes with --data)"
            }
        }
    }
}

/// A file could not be read, or what it says cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it (or `bundled: NAME` for the files in the binary).
    pub file: String,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// What kind of problem it is.
    pub problem: Problem,
    /// Advice that follows the message.
    pub hint: Option<Hint>,
}

impl LoadError {
    /// An error about the file as a whole.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            location: None,
            message: message.into(),
            problem: Problem::Other,
            hint: None,
        }
    }

    /// An error at a place in the file.
    pub fn at(file: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            location: Some(location),
            message: message.into(),
            problem: Problem::Other,
            hint: None,
        }
    }

    /// The same error, of kind `problem`.
    pub fn of_kind(self, problem: Problem) -> Self {
        LoadError { problem, ..self }
    }

    /// The same error with `hint` where it is of kind `when`.
    pub fn hinted_if(self, when: impl Fn(&Problem) -> bool, hint: Hint) -> Self {
        if when(&self.problem) {
            LoadError {
                hint: Some(hint),
                ..self
            }
        } else {
            self
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{}: {}: {}", self.file, location, self.message)?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        match self.hint {
            // A hint follows a message in brackets, or after a semicolon where the
            // message ends in brackets of its own.
            Some(hint) if self.message.ends_with(')') => write!(f, "; {}", hint.text()),
            Some(hint) => write!(f, " ({})", hint.text()),
            None => Ok(()),
        }
    }
}

impl std::error::Error for LoadError {}

/// `text` made safe for a terminal: control characters other than the line feed (ESC,
/// BEL, carriage return, C1 controls, DEL) and the bidirectional overrides (U+202E and
/// its kin, which reorder what follows) become visible escapes such as `\u{1b}`, so a
/// name in a data file can never clear the screen, retitle the terminal or disguise a
/// line.
pub fn printable(text: &str) -> String {
    escape_where(text, |c| c != '\n' && needs_escape(c))
}

/// A single field from a file (a country as written, a name) made safe to put inside
/// one line of a message: as [`printable`], and line feeds escaped too, so data can
/// never start a line of its own in a report.
pub fn inline(text: &str) -> String {
    escape_where(text, needs_escape)
}

/// Control characters, the bidirectional marks and overrides that could turn a
/// message around, and the invisible ones that would hide why a name did not match
/// ("Ro\u{200b}me"): zero-width spaces and joiners, the word joiner, the byte-order
/// mark, the soft hyphen.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{00AD}'
        )
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if escape(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_given_as_data_and_csv_given_as_outlines_get_their_hint() {
        let geojson = br#"{"type": "FeatureCollection", "features": []}"#;
        let err = crate::data::aid_json::read_aid_json("world.json", geojson).unwrap_err();
        assert_eq!(err.hint, Some(Hint::LooksLikeOutlines));
        assert!(
            err.to_string().contains("give it with --countries"),
            "{err}"
        );
        let csv = b"country,teams\nItaly,3\n";
        let err = crate::data::read_outlines("aid.csv", csv, None).unwrap_err();
        assert_eq!(err.hint, Some(Hint::OutlinesAreJson));
        assert!(
            err.to_string().contains("aid data in CSV goes with --data"),
            "{err}"
        );
    }

    #[test]
    fn a_hint_depends_on_the_kind_of_problem_not_on_the_words() {
        let reworded = LoadError::new("f", "reworded").of_kind(Problem::NotJson);
        let hinted = reworded.hinted_if(|p| *p == Problem::NotJson, Hint::OutlinesAreJson);
        assert_eq!(hinted.hint, Some(Hint::OutlinesAreJson));
        let other = LoadError::new("f", "this is not JSON")
            .hinted_if(|p| *p == Problem::NotJson, Hint::OutlinesAreJson);
        assert_eq!(other.hint, None);
    }
    #[test]
    fn a_field_cannot_forge_a_line_or_turn_text_around() {
        assert_eq!(
            super::inline("Italy\njoined: 10 of 10\u{202E}"),
            "Italy\\u{a}joined: 10 of 10\\u{202e}"
        );
        // Invisible characters show where they are: why "Ro\u{200b}me" is no city.
        assert_eq!(
            super::inline("Ro\u{200b}me\u{feff}"),
            "Ro\\u{200b}me\\u{feff}"
        );
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(
            super::printable("Ita\u{1b}]0;pwned\u{7}ly\r\nnext"),
            "Ita\\u{1b}]0;pwned\\u{7}ly\\u{d}\nnext"
        );
    }
}
