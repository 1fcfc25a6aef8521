//! The PDF back-end: the SVG back-end's document, turned into vector graphics by
//! svg2pdf (typst's converter, on usvg) and placed on one page with pdf-writer, with
//! the document's title, subject (the source) and dates. Paths stay paths; text stays
//! text, in the window's own font (egui's Ubuntu Light, with Hack for symbols), subset
//! and embedded, so the PDF looks the same on any machine and its words can be searched
//! and copied. One SVG user unit is one PDF point: the page is the requested size.

use chrono::{Datelike, Timelike};
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::ConversionOptions;
use svg2pdf::usvg::{self, fontdb};

use crate::export::error::ExportError;

/// The family the SVG names first; it must be a family of the fonts loaded below.
const FAMILY: &str = "Ubuntu";

/// What the PDF says about itself (File → Properties in a reader).
#[derive(Debug, Clone)]
pub struct PdfInfo {
    /// The map's title.
    pub title: String,
    /// Where the data comes from.
    pub subject: String,
    /// When the file was made.
    pub created: chrono::DateTime<chrono::Utc>,
}

/// The one-page PDF of an SVG document written by the SVG back-end.
pub fn from_svg(svg: &str, info: &PdfInfo) -> Result<Vec<u8>, ExportError> {
    let mut options = usvg::Options {
        font_family: FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let fonts = window_fonts();
    let svg = with_drawable_characters(svg, &fonts);
    *options.fontdb_mut() = fonts;
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| {
        ExportError::Encode(format!("the picture could not be read for the PDF: {e}"))
    })?;
    let (chunk, picture) = svg2pdf::to_chunk(&tree, ConversionOptions::default())
        .map_err(|e| ExportError::Encode(format!("the PDF could not be made: {e}")))?;
    Ok(one_page(chunk, picture, tree.size(), info))
}

/// A PDF whose one page, `size` points, shows the form `picture` of `chunk`.
fn one_page(chunk: pdf_writer::Chunk, picture: Ref, size: usvg::Size, info: &PdfInfo) -> Vec<u8> {
    let mut next = Ref::new(1);
    let (catalog, pages, page, content, info_ref) = (
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
    );
    // The chunk numbers its objects from 1 too: move them past ours.
    let mut renumbered = std::collections::HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| next.bump()));
    let picture = renumbered.get(&picture).copied().unwrap_or(picture);
    let name = Name(b"Map");
    // PDF readers take pages up to 14,400 units a side; a larger picture is drawn in
    // larger units (PDF's UserUnit), so a 20,000-point map stays 20,000 points.
    const MAX_SIDE: f32 = 14_400.0;
    let unit = (size.width().max(size.height()) / MAX_SIDE).max(1.0);
    let (width, height) = (size.width() / unit, size.height() / unit);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page]).count(1);
    let mut page_writer = pdf.page(page);
    page_writer.media_box(Rect::new(0.0, 0.0, width, height));
    if unit > 1.0 {
        page_writer.user_unit(unit);
    }
    page_writer.parent(pages);
    page_writer.contents(content);
    page_writer.resources().x_objects().pair(name, picture);
    page_writer.finish();
    // svg2pdf's form is one unit square: scale it to the page.
    let mut draw = Content::new();
    draw.save_state();
    draw.transform([width, 0.0, 0.0, height, 0.0, 0.0]);
    draw.x_object(name);
    draw.restore_state();
    pdf.stream(content, &draw.finish());
    pdf.extend(&chunk);
    let created = pdf_date(info.created);
    let mut document = pdf.document_info(info_ref);
    document.title(TextStr(&printable(&info.title)));
    document.subject(TextStr(&printable(&info.subject)));
    document.creator(TextStr(concat!("aidmap ", env!("CARGO_PKG_VERSION"))));
    document.producer(TextStr("aidmap with svg2pdf"));
    document.creation_date(created);
    document.modified_date(created);
    document.finish();
    pdf.finish()
}

/// `text` without control characters (which a reader's Properties would show as
/// boxes); line breaks become spaces.
fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            '\u{FFFE}' | '\u{FFFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn pdf_date(time: chrono::DateTime<chrono::Utc>) -> Date {
    let small = |n: u32| u8::try_from(n).unwrap_or(0);
    Date::new(u16::try_from(time.year()).unwrap_or(2000))
        .month(small(time.month()))
        .day(small(time.day()))
        .hour(small(time.hour()))
        .minute(small(time.minute()))
        .second(small(time.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// `svg` with every character that the text faces (Ubuntu Light, Hack) cannot draw
/// replaced by U+FFFD. svg2pdf would draw such a character as nothing and give every
/// one of them the same entry in the text layer, so copying "中文" from the PDF gave
/// "文文": the replacement character is drawn, and copies as what it is.
fn with_drawable_characters(svg: &str, fonts: &fontdb::Database) -> String {
    // The replacement: the one meant for it, else a box as egui draws for a missing
    // glyph, else a question mark.
    const REPLACEMENTS: [char; 3] = ['\u{FFFD}', '\u{25A1}', '?'];
    let mut wanted: std::collections::BTreeSet<char> =
        svg.chars().filter(|c| !c.is_ascii()).collect();
    if wanted.is_empty() {
        return svg.to_string();
    }
    wanted.extend(REPLACEMENTS);
    let mut drawable: std::collections::BTreeSet<char> = std::collections::BTreeSet::new();
    let text_faces = fonts.faces().filter(|face| {
        face.families
            .iter()
            .any(|(name, _)| name == FAMILY || name == "Hack")
    });
    for face in text_faces {
        fonts.with_face_data(face.id, |data, index| {
            if let Ok(parsed) = ttf_parser::Face::parse(data, index) {
                drawable.extend(wanted.iter().filter(|&&c| parsed.glyph_index(c).is_some()));
            }
        });
    }
    let replacement = REPLACEMENTS
        .into_iter()
        .find(|c| c.is_ascii() || drawable.contains(c))
        .unwrap_or('?');
    svg.chars()
        .map(|c| {
            if c.is_ascii() || drawable.contains(&c) {
                c
            } else {
                replacement
            }
        })
        .collect()
}

/// The fonts the window draws with (and only those: a PDF made here looks the same as
/// one made on any other machine).
fn window_fonts() -> fontdb::Database {
    let mut database = fontdb::Database::new();
    for data in crate::scene::fonts::fonts().font_data.values() {
        // egui keeps font bytes the way fontdb takes them: shared, not copied.
        database.load_font_source(fontdb::Source::Binary(data.font.clone()));
    }
    database
}

/// The family names of the window's fonts.
pub fn font_families() -> Vec<String> {
    let database = window_fonts();
    let mut names: Vec<String> = database
        .faces()
        .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_the_svg_names_first_is_one_of_the_window_s_fonts() {
        let families = font_families();
        assert!(families.iter().any(|f| f == FAMILY), "{families:?}");
        assert!(
            crate::export::svg::FONT_FAMILY.starts_with(FAMILY),
            "the SVG names another font first"
        );
    }

    #[test]
    fn characters_the_fonts_cannot_draw_become_the_replacement_character() {
        let svg = "<text>Ünïcödé Ελλάδα Россия 中文 ✓</text>";
        let drawn = with_drawable_characters(svg, &window_fonts());
        assert!(drawn.starts_with("<text>Ünïcödé Ελλάδα Россия "), "{drawn}");
        let rest: Vec<char> = drawn["<text>Ünïcödé Ελλάδα Россия ".len()..]
            .chars()
            .collect();
        let replacement = rest[0];
        assert!(
            ['\u{FFFD}', '\u{25A1}', '?'].contains(&replacement),
            "{drawn}"
        );
        assert_eq!(
            rest[..4],
            [replacement, replacement, ' ', replacement],
            "{drawn}"
        );
    }

    #[test]
    fn metadata_keeps_words_and_drops_control_characters() {
        assert_eq!(
            printable("Aid\u{0}\u{1b} to\nItaly\u{FFFF}"),
            "Aid to Italy"
        );
    }
}
