//! The PDF back-end: the SVG back-end's document, turned into a one-page vector PDF by
//! svg2pdf (typst's converter, on usvg). Paths stay paths; text stays text, in the
//! window's own font (egui's Ubuntu Light, with Hack for symbols), subset and embedded,
//! so the PDF looks the same on any machine and its words can be searched and copied.
//! One SVG user unit is one PDF point: the page is the requested size in points.

use svg2pdf::usvg::{self, fontdb};
use svg2pdf::{ConversionOptions, PageOptions};

/// The family the SVG names first; it must be a family of the fonts loaded below.
const FAMILY: &str = "Ubuntu";

/// The PDF of an SVG document written by the SVG back-end.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options {
        font_family: FAMILY.to_string(),
        ..usvg::Options::default()
    };
    *options.fontdb_mut() = window_fonts();
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the picture could not be read for the PDF: {e}"))?;
    svg2pdf::to_pdf(&tree, ConversionOptions::default(), PageOptions::default())
        .map_err(|e| format!("the PDF could not be made: {e}"))
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

/// The family names of the window's fonts, for tests and for the SVG's font list.
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
}
