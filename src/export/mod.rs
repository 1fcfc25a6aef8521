//! Exporting the map as a picture: PNG (rasterized on the CPU from the same egui
//! shapes as the window) or SVG (the same scene as vector paths and text), written
//! atomically. The command line's `aidmap export` and the window's export both end here.

pub mod file;
pub mod offscreen;
pub mod png_file;
pub mod raster;
pub mod svg;

use std::path::{Path, PathBuf};

use crate::geometry::projection::Projection;
use crate::scene::{MapModel, MapView, text};

/// The largest picture, in pixels, an export may have (about 16000 × 10000).
pub const MAX_PIXELS: f64 = 160.0e6;

/// The picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Raster, with metadata.
    Png,
    /// Vector: paths and text.
    Svg,
}

impl Format {
    /// The format for a file name, by its extension.
    pub fn of(path: &Path) -> Result<Format, String> {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => Err(format!(
                "{}: the file name must end in .png or .svg",
                path.display()
            )),
        }
    }
}

/// One export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// Where to write.
    pub out: PathBuf,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Pixels per point (PNG).
    pub scale: f32,
    /// The projection.
    pub projection: Projection,
    /// Dark theme.
    pub dark: bool,
    /// A country to select (name or code).
    pub select: Option<String>,
    /// Include the selected country's pop-up.
    pub popup: bool,
}

impl ExportRequest {
    /// Check sizes and the file name before any work is done.
    pub fn validate(&self) -> Result<Format, String> {
        let format = Format::of(&self.out)?;
        for (name, value) in [("width", self.width), ("height", self.height)] {
            if !(100.0..=20000.0).contains(&value) {
                return Err(format!("--{name} {value} is out of range (100 to 20000)"));
            }
        }
        if !(0.25..=8.0).contains(&self.scale) {
            return Err(format!(
                "--scale {} is out of range (0.25 to 8)",
                self.scale
            ));
        }
        let pixels = (self.width * self.scale) as f64 * (self.height * self.scale) as f64;
        if pixels > MAX_PIXELS {
            return Err(format!(
                "{} × {} pixels is more than this export allows ({} million)",
                (self.width * self.scale).round(),
                (self.height * self.scale).round(),
                MAX_PIXELS / 1.0e6
            ));
        }
        Ok(format)
    }
}

/// Render and write `request` for `model` (already in the requested projection).
pub fn export(model: &MapModel, request: &ExportRequest) -> Result<(), String> {
    let format = request.validate()?;
    let selected = match &request.select {
        Some(text) => Some(
            model
                .find_country(text)
                .ok_or_else(|| format!("--select {text}: no country matches"))?,
        ),
        None => None,
    };
    let view = MapView::default();
    let size = egui::vec2(request.width, request.height);
    let bytes = match format {
        Format::Png => {
            let picture = offscreen::Picture {
                size,
                scale: request.scale,
                view,
                dark: request.dark,
                selected,
                popup: request.popup,
            };
            let image = offscreen::render(model, &picture);
            png_file::encode_png(&image, &metadata(model))?
        }
        Format::Svg => svg::render(model, &view, size, request.dark, selected).into_bytes(),
    };
    file::write_atomically(&request.out, &bytes)
}

/// The PNG metadata for a picture of `model`.
pub fn metadata(model: &MapModel) -> png_file::PngMetadata {
    let mut source = text::source_line(&model.aid, model.natural_earth, &model.outlines.file);
    if let Some(claim_source) = model
        .aid
        .claim
        .as_ref()
        .and_then(|c| c.source.as_deref())
        .and_then(|id| model.aid.source(id))
    {
        source = format!(
            "{}: \"{}\"; data: {}",
            source, claim_source.title, model.aid.file
        );
    } else {
        source = format!("{source}; data: {}", model.aid.file);
    }
    png_file::PngMetadata::now(&model.aid.title, &source)
}
