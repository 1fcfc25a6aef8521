//! Why an export failed, by the stage that failed, so callers can tell a request that
//! cannot be made from a file that could not be written (the window shows each as a
//! toast; the command line prints it after `error:` and exits with status 2).

use std::fmt;

/// An export that could not be made. Each message names what it is about (the option,
/// the country, the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The request cannot be drawn: a size, scale, file name or option (checked before
    /// any work).
    Request(String),
    /// `--select` names no country, or several.
    Selection(String),
    /// The picture could not be drawn at this size and scale.
    Render(String),
    /// The picture could not be encoded (PNG, PDF).
    Encode(String),
    /// The file could not be written; the old one, if any, is untouched.
    Write(String),
    /// The user cancelled (an animation in the window); nothing was written.
    Cancelled,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Request(message)
            | ExportError::Selection(message)
            | ExportError::Render(message)
            | ExportError::Encode(message)
            | ExportError::Write(message) => f.write_str(message),
            ExportError::Cancelled => f.write_str("cancelled: nothing was written"),
        }
    }
}

impl std::error::Error for ExportError {}
