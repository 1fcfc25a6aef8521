//! Turning the bytes of a file into text we can parse, with the checks every loader
//! shares: empty files, binary junk, a byte-order mark. Also maps byte offsets back to
//! line and column, for error messages. It does not parse anything.

use crate::error::{LoadError, Location, Problem};

/// The longest text a data file may hold in one field (a quote, a source): far past
/// any real quote, and small enough that laying it out costs little.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest name (of a country, a place, a data set's title).
pub const MAX_NAME_CHARS: usize = 300;

/// The bytes of the file at `path`, read through a limit of `max_bytes`: a file, a
/// pipe or a device (`/dev/zero`) that goes on past the limit is refused as soon as it
/// does, whatever its metadata says. `raise` says how to raise the limit.
pub fn read_bounded(
    path: &std::path::Path,
    max_bytes: u64,
    raise: &str,
) -> Result<Vec<u8>, LoadError> {
    use std::io::Read as _;
    let file = path.display().to_string();
    let cannot =
        |err: std::io::Error| LoadError::new(&file, format!("cannot read the file: {err}"));
    let opened = std::fs::File::open(path).map_err(cannot)?;
    let expected = opened.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.min(max_bytes) as usize);
    opened
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::new(
            &file,
            format!(
                "the file is larger than the {} limit ({raise})",
                human_size(max_bytes)
            ),
        ));
    }
    Ok(bytes)
}

/// The first `listed` of `names`, joined by commas, and the rest counted: "Crema
/// (Italy), Lodi (Italy), 2 more". For notes and messages that name a few of many.
pub fn first_named<S: AsRef<str>>(names: impl IntoIterator<Item = S>, listed: usize) -> String {
    let mut named: Vec<String> = Vec::new();
    let mut more = 0usize;
    for name in names {
        if named.len() < listed {
            named.push(name.as_ref().to_string());
        } else {
            more += 1;
        }
    }
    if more > 0 {
        named.push(format!("{more} more"));
    }
    named.join(", ")
}

/// A size a person can read at any scale: "512 bytes", "3.2 KiB", "12.0 MiB", "1.5 GiB".
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else if b < KIB * KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else {
        format!("{:.1} GiB", b / (KIB * KIB * KIB))
    }
}

/// An error message when `text` (called `what`) is longer than `max` characters.
pub fn too_long(what: &str, text: &str, max: usize) -> Option<String> {
    // Bytes bound characters from above: only long texts are counted.
    (text.len() > max && text.chars().count() > max).then(|| {
        format!(
            "{what} is {} characters long; aidmap takes at most {max}",
            text.chars().count()
        )
    })
}

/// The offset of the first JSON string in `whole` longer than [`MAX_TEXT_CHARS`]
/// characters (counted in bytes of its source text, escapes included), if any: one
/// pass, before the text is parsed into anything.
pub fn overlong_json_string(whole: &str) -> Option<usize> {
    let bytes = whole.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut length = 0usize;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
            length += 1;
        }
        if length > MAX_TEXT_CHARS * 4 {
            return Some(start);
        }
        i += 1;
    }
    None
}

/// "UTF-32" or "UTF-16" (little- or big-endian) for text in those encodings: by their
/// byte-order mark, or without one by the zero bytes ASCII text has in them.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        return Some("UTF-32 (little-endian)");
    }
    if bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Some("UTF-32 (big-endian)");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("UTF-16 (little-endian)");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 (big-endian)");
    }
    // Without a mark: ASCII in a wide encoding puts zero bytes in fixed places.
    let head = &bytes[..bytes.len().min(64) & !3];
    if head.len() < 8 {
        return None;
    }
    let zero_at = |phase: usize, step: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, _)| i % step == phase)
            .all(|(_, &b)| b == 0)
    };
    if zero_at(1, 4) && zero_at(2, 4) && zero_at(3, 4) && !zero_at(0, 4) {
        Some("UTF-32 (little-endian)")
    } else if zero_at(0, 4) && zero_at(1, 4) && zero_at(2, 4) && !zero_at(3, 4) {
        Some("UTF-32 (big-endian)")
    } else if zero_at(1, 2) && !zero_at(0, 2) {
        Some("UTF-16 (little-endian)")
    } else if zero_at(0, 2) && !zero_at(1, 2) {
        Some("UTF-16 (big-endian)")
    } else {
        None
    }
}

/// The text of a file, without a UTF-8 byte-order mark.
///
/// Fails with a clear message for an empty file, for a file that holds only white
/// space, and for bytes that are not UTF-8 text (an image, a zip, a shapefile).
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(LoadError::new(
            file,
            format!(
                "this is {encoding} text (as Excel's \"Unicode text\" saves UTF-16); save it as UTF-8"
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Err(LoadError::new(file, "the file is empty"));
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let before = String::from_utf8_lossy(&bytes[..offset]);
        let (line, column) = line_column(&before, before.len());
        LoadError::at(
            file,
            Location::LineColumn { line, column },
            if looks_binary(bytes) {
                "this is not text (is it a binary file, such as a shapefile, an image or a zip?)"
                    .to_string()
            } else {
                format!(
                    "this is not UTF-8 text (byte 0x{:02X}); it may be Latin-1 or Windows-1252: \
                     save it as UTF-8",
                    bytes[offset]
                )
            },
        )
    })?;
    if text.contains('\0') {
        return Err(LoadError::new(
            file,
            "the file contains NUL bytes: it is binary, not a text file",
        ));
    }
    if text.trim().is_empty() {
        return Err(LoadError::new(file, "the file holds only white space"));
    }
    Ok(text)
}

/// True when a good share of the first bytes are control characters other than white
/// space: a binary file, not text in another encoding.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    control * 20 > head.len()
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The start of every line of a text, for finding the line of many offsets quickly
/// (one pass to build, a binary search per look-up).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// The byte offset of a 1-based line and column in `text` (the inverse of
/// [`line_column`]); past the end it gives the length of the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// The byte offset of `part` inside `whole`, when `part` is a slice of it.
pub fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// A `serde_json` error as a [`LoadError`] with its line and column.
pub fn json_error(file: &str, err: &serde_json::Error) -> LoadError {
    let message = describe_json_error(err);
    let error = if err.line() == 0 {
        LoadError::new(file, message)
    } else {
        LoadError::at(
            file,
            Location::LineColumn {
                line: err.line(),
                column: err.column(),
            },
            message,
        )
    };
    error.of_kind(json_problem(err))
}

/// The kind of a serde_json error. serde_json says which member it did not know only
/// in its message ("unknown field `type`, expected …"), so that one message is read
/// here, where it is made, and nowhere else.
fn json_problem(err: &serde_json::Error) -> Problem {
    let text = err.to_string();
    text.strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map_or(Problem::Other, |(field, _)| {
            Problem::UnknownField(field.to_string())
        })
}

/// Like [`json_error`], with hints that need the text: `NaN` and `Infinity` (which
/// JSON does not allow), and a file that is not JSON at all.
pub fn json_error_in(file: &str, whole: &str, err: &serde_json::Error) -> LoadError {
    let mut error = json_error(file, err);
    if err.line() == 0 || !err.is_syntax() {
        return error;
    }
    let at = offset_of(whole, err.line(), err.column());
    let rest = whole.get(at..).unwrap_or("").trim_start_matches(['-', '+']);
    if ["NaN", "nan", "Infinity", "inf"]
        .iter()
        .any(|t| rest.starts_with(t))
    {
        error.message = "NaN and Infinity are not numbers JSON allows; every coordinate must be a finite number".into();
    } else if whole
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c != '{' && c != '[')
    {
        error.message = format!("this is not JSON ({})", error.message);
        error.problem = Problem::NotJson;
    }
    error
}

/// serde_json's message without its trailing " at line L column C", which we print
/// in front instead, and with the cases users meet most put in plain words.
fn describe_json_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    match err.classify() {
        serde_json::error::Category::Eof => {
            format!("the JSON ends too early ({text}); is the file truncated?")
        }
        serde_json::error::Category::Syntax if text.contains("recursion limit") => {
            "the JSON is nested too deeply (over 128 levels) to be a map file".to_string()
        }
        serde_json::error::Category::Syntax => format!("invalid JSON: {text}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_sensibly_at_any_scale() {
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(1000), "1000 bytes");
        assert_eq!(human_size(3 * 1024 + 300), "3.3 KiB");
        assert_eq!(human_size(128 * 1024 * 1024), "128.0 MiB");
        assert_eq!(human_size(3 * 1024 * 1024 * 1024), "3.0 GiB");
    }

    #[test]
    fn wide_encodings_are_named_with_or_without_a_mark() {
        let utf16le: Vec<u8> = "country,teams\nItaly,1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let utf16be: Vec<u8> = "country,teams\nItaly,1\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let utf32le: Vec<u8> = "country,teams\nItaly,1\n"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let mut marked32 = vec![0xFF, 0xFE, 0, 0];
        marked32.extend(&utf32le);
        assert_eq!(wide_encoding(&utf16le), Some("UTF-16 (little-endian)"));
        assert_eq!(wide_encoding(&utf16be), Some("UTF-16 (big-endian)"));
        assert_eq!(wide_encoding(&utf32le), Some("UTF-32 (little-endian)"));
        assert_eq!(wide_encoding(&marked32), Some("UTF-32 (little-endian)"));
        assert_eq!(wide_encoding(b"country,teams\nItaly,1\n"), None);
    }

    #[test]
    fn line_column_counts_from_one_in_characters() {
        let text = "ab\nçd\nef";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 5), (2, 2));
        assert_eq!(offset_of(text, 2, 2), 5);
        assert_eq!(offset_of(text, 3, 1), 7);
        let lines = LineIndex::new(text);
        assert_eq!(
            [0, 2, 3, 5, 7, 8].map(|o| lines.line_of(o)),
            [1, 1, 2, 2, 3, 3]
        );
    }

    #[test]
    fn decode_strips_a_byte_order_mark_and_refuses_junk() {
        assert_eq!(decode("f", b"\xEF\xBB\xBF{}").unwrap(), "{}");
        assert!(decode("f", b"").unwrap_err().message.contains("empty"));
        assert!(
            decode("f", b"\xff\xfe\x00")
                .unwrap_err()
                .message
                .contains("UTF-8")
        );
        assert!(
            decode("f", b" \n ")
                .unwrap_err()
                .message
                .contains("white space")
        );
    }
}
