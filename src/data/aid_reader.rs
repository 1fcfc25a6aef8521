//! Choosing the reader for an aid data file: CSV or aidmap JSON, by extension, or by
//! its first character when the extension says neither.

use std::path::Path;

use crate::data::aid::AidDataset;
use crate::data::aid_csv::read_aid_csv;
use crate::data::aid_json::read_aid_json;
use crate::error::LoadError;

/// Read an aid data set from a file on disk, within the default size limit.
pub fn load_aid(path: &Path) -> Result<AidDataset, LoadError> {
    load_aid_within(path, crate::data::Limits::default().max_file_bytes)
}

/// Read an aid data set from a file on disk of at most `max_bytes` (a pipe or a device
/// too: the limit holds while reading).
pub fn load_aid_within(path: &Path, max_bytes: u64) -> Result<AidDataset, LoadError> {
    let file = path.display().to_string();
    let bytes = crate::data::text::read_bounded(path, max_bytes, "raise it with --max-file-size")?;
    read_aid(&file, &bytes)
}

/// Read an aid data set from the bytes of a file called `file`.
pub fn read_aid(file: &str, bytes: &[u8]) -> Result<AidDataset, LoadError> {
    let extension = Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv") | Some("tsv") | Some("txt") => read_aid_csv(file, bytes),
        Some("json") => read_aid_json(file, bytes),
        _ => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let first = body.iter().find(|b| !b.is_ascii_whitespace());
            if first == Some(&b'{') {
                read_aid_json(file, bytes)
            } else {
                read_aid_csv(file, bytes)
            }
        }
    }
}
