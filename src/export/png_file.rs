//! PNG encoding with the text chunks an exported map carries: Title, Source, Software
//! and Creation Time (PNG's registered keywords), plus Data and Outlines, one fact per
//! chunk, so a picture found later on a drive still says what it shows and where the
//! data came from. Text is made valid Latin-1 without control characters (tEXt allows
//! neither NUL nor anything outside Latin-1).

use egui::ColorImage;

use crate::export::error::ExportError;

/// What a PNG says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PngMetadata {
    /// The map's title.
    pub title: String,
    /// Where the claim comes from: outlet, date and headline.
    pub source: String,
    /// The aid data file.
    pub data: String,
    /// The outlines and their credit.
    pub outlines: String,
    /// "aidmap 0.1.0".
    pub software: String,
    /// When it was made (RFC 2822, as PNG suggests).
    pub creation_time: String,
}

/// What a picture shows and where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct PngFacts<'a> {
    /// The map's title.
    pub title: &'a str,
    /// Where the claim comes from.
    pub source: &'a str,
    /// The aid data file.
    pub data: &'a str,
    /// The outlines and their credit.
    pub outlines: &'a str,
}

impl PngMetadata {
    /// Metadata for a picture of `facts`, made now by this aidmap.
    pub fn now(facts: PngFacts<'_>) -> Self {
        PngMetadata {
            title: facts.title.to_string(),
            source: facts.source.to_string(),
            data: facts.data.to_string(),
            outlines: facts.outlines.to_string(),
            software: format!("aidmap {}", env!("CARGO_PKG_VERSION")),
            creation_time: chrono::Utc::now().to_rfc2822(),
        }
    }
}

/// `image` as PNG bytes with `metadata` in tEXt chunks.
pub fn encode_png(image: &ColorImage, metadata: &PngMetadata) -> Result<Vec<u8>, ExportError> {
    encode(image, metadata).map_err(ExportError::Encode)
}

/// Put `metadata` in `encoder`'s header, one tEXt chunk a fact (for PNG and APNG).
pub fn add_text_chunks<W: std::io::Write>(
    encoder: &mut png::Encoder<'_, W>,
    metadata: &PngMetadata,
) -> Result<(), String> {
    let chunks = [
        ("Title", &metadata.title),
        ("Source", &metadata.source),
        ("Data", &metadata.data),
        ("Outlines", &metadata.outlines),
        ("Software", &metadata.software),
        ("Creation Time", &metadata.creation_time),
    ];
    for (keyword, text) in chunks {
        encoder
            .add_text_chunk(keyword.to_string(), latin1(text))
            .map_err(|e| format!("cannot add the PNG {keyword} chunk: {e}"))?;
    }
    Ok(())
}

fn encode(image: &ColorImage, metadata: &PngMetadata) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    add_text_chunks(&mut encoder, metadata)?;
    let mut writer = encoder
        .write_header()
        .map_err(|e| format!("cannot write PNG: {e}"))?;
    let data: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    writer
        .write_image_data(&data)
        .map_err(|e| format!("cannot write PNG: {e}"))?;
    writer
        .finish()
        .map_err(|e| format!("cannot write PNG: {e}"))?;
    Ok(bytes)
}

/// tEXt chunks are Latin-1 without NUL: typographic quotes and dashes become their
/// ASCII look-alikes, anything else outside Latin-1 a question mark, and control
/// characters (NUL among them) are dropped; line breaks become spaces.
fn latin1(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            '·' => '\u{b7}',
            c if (c as u32) < 256 => c,
            _ => '?',
        })
        .collect()
}
