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

/// A file could not be read, or what it says cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it (or `bundled: NAME` for the files in the binary).
    pub file: String,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl LoadError {
    /// An error about the file as a whole.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            location: None,
            message: message.into(),
        }
    }

    /// An error at a place in the file.
    pub fn at(file: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            location: Some(location),
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{}: {}: {}", self.file, location, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
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

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
    #[test]
    fn a_field_cannot_forge_a_line_or_turn_text_around() {
        assert_eq!(
            super::inline("Italy\njoined: 10 of 10\u{202E}"),
            "Italy\\u{a}joined: 10 of 10\\u{202e}"
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
