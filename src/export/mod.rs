//! Exporting the map: the scene's display list drawn as PNG (by the window's egui
//! back-end, rasterized on the CPU), SVG (vector paths and text) or PDF (from the SVG,
//! one page, fonts embedded), written atomically. The command line's `aidmap export`
//! and the window's exports both end here.

pub mod animation;
pub mod apng_file;
pub mod error;
pub mod file;
mod frame_diff;
pub mod frame_plan;
pub mod frames;
pub mod gif_file;
pub mod offscreen;
pub mod pdf;
mod pixels;
pub mod png_file;
pub mod raster;
pub mod svg;
pub mod textures;
pub mod video;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::data::matcher::{CountryMatch, several_message};
use crate::error::inline;
pub use crate::export::error::ExportError;
pub use crate::export::frames::FrameOptions;
use crate::geometry::projection::Projection;
use crate::scene::arcs::FlowWidth;
use crate::scene::captions::Captions;
use crate::scene::fill_value::FillValue;
use crate::scene::label_choice::LabelChoice;
use crate::scene::palette::Palette;
use crate::scene::{MapModel, MapView, text};

/// The largest picture, in pixels, an export may have (about 16000 × 10000).
pub const MAX_PIXELS: f64 = 160.0e6;
/// The largest frame of an animation, in pixels (8K, 7680 × 4320): an animation holds
/// a few frames at once (the last drawn, the one being encoded, the encoder's last),
/// and must stay within the memory a still picture may take.
pub const MAX_FRAME_PIXELS: f64 = 33.2e6;

/// The picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Raster, with metadata.
    Png,
    /// Vector: paths and text.
    Svg,
    /// Vector, one page, for print: paths and text with its font embedded.
    Pdf,
    /// Animated, 256 colours, plays everywhere.
    Gif,
    /// Animated PNG: full colour, plays in browsers.
    Apng,
    /// Video, written by ffmpeg where it is installed.
    Mp4,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Gif => "gif",
            Format::Apng => "apng",
            Format::Mp4 => "mp4",
        }
    }

    /// True for the formats that show the days one after another.
    pub fn is_animation(self) -> bool {
        matches!(self, Format::Gif | Format::Apng | Format::Mp4)
    }

    /// True for the formats made of pixels (where `--scale` applies).
    pub fn is_raster(self) -> bool {
        !matches!(self, Format::Svg | Format::Pdf)
    }

    /// What a file dialog calls it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG image",
            Format::Svg => "SVG picture",
            Format::Pdf => "PDF document",
            Format::Gif => "GIF animation",
            Format::Apng => "Animated PNG",
            Format::Mp4 => "MP4 video",
        }
    }

    /// The format for a file name, by its extension.
    pub fn of(path: &Path) -> Result<Format, ExportError> {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            Some("pdf") => Ok(Format::Pdf),
            Some("gif") => Ok(Format::Gif),
            Some("apng") => Ok(Format::Apng),
            Some("mp4") => Ok(Format::Mp4),
            _ => Err(ExportError::Request(format!(
                "{}: the file name must end in .png, .svg, .pdf, .gif, .apng or .mp4",
                path.display()
            ))),
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
    /// Pixels per point (PNG only; `None` for 1).
    pub scale: Option<f32>,
    /// The projection.
    pub projection: Projection,
    /// Dark theme.
    pub dark: bool,
    /// A country to select (name or code).
    pub select: Option<String>,
    /// Include the selected country's pop-up.
    pub popup: bool,
    /// The day to draw (a still picture); `None` for the whole data set.
    pub date: Option<NaiveDate>,
    /// Draw the arcs (`Some(true)`), leave them out (`Some(false)`), or as the model
    /// has it (`None`).
    pub flows: Option<bool>,
    /// What the arcs' widths stand for (`--flow-width`); `None` keeps the model's.
    pub flow_width: Option<FlowWidth>,
    /// Draw only this donor's teams (`--donor`, a name or code); `None`: as the model
    /// has it.
    pub donor: Option<String>,
    /// The days and timing of an animation.
    pub frames: FrameOptions,
    /// The picture's title, subtitle and note (`--title`, `--subtitle`, `--note`);
    /// `None` keeps the model's.
    pub captions: [Option<String>; 3],
    /// The fills' palette (`--palette`); `None` keeps the model's.
    pub palette: Option<Palette>,
    /// Which countries are named (`--labels`); `None` keeps the model's.
    pub labels: Option<LabelChoice>,
    /// What the fills stand for (`--value`); `None` keeps the model's.
    pub value: Option<FillValue>,
    /// No background outside the map (`--transparent`): PNG, SVG and PDF.
    pub transparent: bool,
}

impl ExportRequest {
    /// The captions asked for, checked; `None` where none is given.
    pub fn captions(&self) -> Result<Option<Captions>, String> {
        if self.captions.iter().all(Option::is_none) {
            return Ok(None);
        }
        let [title, subtitle, note] = &self.captions;
        Captions::new(
            [title.as_deref(), subtitle.as_deref(), note.as_deref()],
            ["--title", "--subtitle", "--note"],
        )
        .map(Some)
    }

    /// Check sizes and the file name before any work is done.
    pub fn validate(&self) -> Result<Format, ExportError> {
        self.check().map_err(ExportError::Request)
    }

    fn check(&self) -> Result<Format, String> {
        let format = Format::of(&self.out).map_err(|e| e.to_string())?;
        for (name, value) in [("width", self.width), ("height", self.height)] {
            if !(100.0..=20000.0).contains(&value) {
                return Err(format!("--{name} {value} is out of range (100 to 20000)"));
            }
        }
        self.check_time_options(format)?;
        self.captions()?;
        if self.transparent && format.is_animation() {
            return Err(format!(
                "--transparent is for a still picture (PNG, SVG, PDF): {} is an animation, \
                 whose frames are drawn over the one before",
                self.out.display()
            ));
        }
        if !format.is_raster() && self.scale.is_some() {
            return Err(format!(
                "--scale sets pixels per point, which only a PNG has: {} is a vector \
                 picture, which stays sharp at any size (set --width and --height instead)",
                self.out.display()
            ));
        }
        let scale = self.pixel_scale();
        if !(0.25..=8.0).contains(&scale) {
            return Err(format!("--scale {scale} is out of range (0.25 to 8)"));
        }
        let pixels = (self.width * scale) as f64 * (self.height * scale) as f64;
        let limit = if format.is_animation() {
            MAX_FRAME_PIXELS
        } else {
            MAX_PIXELS
        };
        if format.is_raster() && pixels > limit {
            return Err(format!(
                "{} × {} pixels is more than {} allows ({} million{})",
                (self.width * scale).round(),
                (self.height * scale).round(),
                if format.is_animation() {
                    "an animation's frame"
                } else {
                    "this export"
                },
                limit / 1.0e6,
                if format.is_animation() {
                    "; lower --scale or the size"
                } else {
                    ""
                }
            ));
        }
        if self.popup && self.select.is_none() {
            return Err("--popup draws the selected country's card: give --select too".into());
        }
        Ok(format)
    }

    /// `--date` for a still picture, `--from`… for an animation: never the other way.
    fn check_time_options(&self, format: Format) -> Result<(), String> {
        let frame_options = self.frames.given();
        if format.is_animation() {
            if let Some(date) = self.date {
                return Err(format!(
                    "--date {date} draws one day, and {} is an animation of many: give \
                     --from and --to instead",
                    self.out.display()
                ));
            }
            return self.frames.validate();
        }
        match frame_options.first() {
            Some(name) => Err(format!(
                "{name} is for animations (.gif, .apng, .mp4), and {} is one picture \
                 (use --date to draw one day)",
                self.out.display()
            )),
            None => Ok(()),
        }
    }

    /// Pixels per point of a PNG.
    pub fn pixel_scale(&self) -> f32 {
        self.scale.unwrap_or(1.0)
    }
}

/// Render and write `request` for `model` (already in the requested projection).
/// Apply `--flows`/`--no-flows`, `--flow-width` and `--donor` to `model`, or say why
/// one of them cannot be. [`export`] does; a caller that reports what the picture will
/// say before it is drawn does first.
pub fn apply_flow_options(model: &mut MapModel, request: &ExportRequest) -> Result<(), String> {
    if let Some(captions) = request.captions()? {
        model.captions = captions;
    }
    if let Some(palette) = request.palette {
        model.set_palette(palette);
    }
    if let Some(labels) = request.labels {
        model.labels = labels;
    }
    if let Some(value) = request.value {
        model.set_value(value);
    }
    if let Some(flows) = request.flows {
        if flows && !model.has_flows() {
            return Err(
                "--flows: the data says where no team came from, so there are no \
                 arcs to draw (give a place each team was sent from)"
                    .to_string(),
            );
        }
        model.show_flows = flows;
    }
    if let Some(width) = request.flow_width {
        if !model.has_flows() || !model.show_flows {
            return Err(
                "--flow-width: no arcs are drawn (--no-flows, or the data says \
                 where no team came from)"
                    .to_string(),
            );
        }
        model.flow_width = width;
    }
    if let Some(text) = &request.donor {
        let Some(donor) = model.donors.find(text) else {
            return Err(match model.donors.is_empty() {
                true => "--donor: the data names no donor (give a \"from\" column)".to_string(),
                false => format!(
                    "--donor: \"{}\" is not among the data's donors ({})",
                    inline(text),
                    model.donors.names.join(", ")
                ),
            });
        };
        model.set_donor(Some(donor));
    }
    Ok(())
}

/// `progress` hears of each frame of an animation and may cancel it.
pub fn export(
    model: &mut MapModel,
    request: &ExportRequest,
    progress: animation::Progress<'_>,
) -> Result<(), ExportError> {
    let format = request.validate()?;
    let selected = match &request.select {
        Some(text) => Some(selected_country(model, text).map_err(ExportError::Selection)?),
        None => None,
    };
    apply_flow_options(model, request).map_err(ExportError::Request)?;
    let view = MapView::default();
    let size = egui::vec2(request.width, request.height);
    let picture = offscreen::Picture {
        size,
        scale: request.pixel_scale(),
        view,
        dark: request.dark,
        selected,
        popup: request.popup,
        transparent: request.transparent,
    };
    if format.is_animation() {
        return animation::export_animation(model, request, format, &picture, progress);
    }
    let shown_before = model.day;
    if request.date.is_some() {
        model.set_day(request.date);
    }
    let result = still_bytes(model, request, format, &picture);
    model.set_day(shown_before);
    file::write_atomically(&request.out, &result?)
}

/// A still picture of `model` in `format`, encoded.
fn still_bytes(
    model: &MapModel,
    request: &ExportRequest,
    format: Format,
    picture: &offscreen::Picture,
) -> Result<Vec<u8>, ExportError> {
    let (view, size, selected) = (picture.view, picture.size, picture.selected);
    Ok(match format {
        Format::Png => {
            let image = offscreen::render(model, picture)?;
            png_file::encode_png(&image, &metadata(model))?
        }
        Format::Svg => {
            let options = svg::SvgOptions {
                dark: request.dark,
                selected,
                popup: request.popup,
                transparent: request.transparent,
            };
            svg::render(model, &view, size, &options).into_bytes()
        }
        Format::Pdf => {
            let options = svg::SvgOptions {
                dark: request.dark,
                selected,
                popup: request.popup,
                transparent: request.transparent,
            };
            pdf::from_svg(&svg::render(model, &view, size, &options), &pdf_info(model))?
        }
        Format::Gif | Format::Apng | Format::Mp4 => {
            return Err(ExportError::Request(format!(
                "{}: an animation is not one picture",
                request.out.display()
            )));
        }
    })
}

/// The outline `--select TEXT` means; several or none is an error that says which.
fn selected_country(model: &MapModel, text: &str) -> Result<usize, String> {
    match model.find_country(text) {
        CountryMatch::One(country) => Ok(country),
        CountryMatch::Several(candidates) => {
            Err(format!("--select {}", several_message(text, &candidates)))
        }
        CountryMatch::None { known: Some(known) } => {
            Err(format!("--select {text}: {known} is not in these outlines"))
        }
        CountryMatch::None { known: None } => Err(format!(
            "--select {text}: no country has this name or code (names and ISO codes \
             are matched exactly, never by their first letters)"
        )),
    }
}

/// What a PDF of `model` says about itself: its title, and its source as subject.
pub fn pdf_info(model: &MapModel) -> pdf::PdfInfo {
    pdf::PdfInfo {
        title: model.title().to_string(),
        subject: text::source_line(&model.aid, model.natural_earth, &model.outlines.file),
        created: chrono::Utc::now(),
    }
}

/// The PNG metadata for a picture of `model`: each fact in a field of its own.
pub fn metadata(model: &MapModel) -> png_file::PngMetadata {
    let claim_source = model
        .aid
        .claim
        .as_ref()
        .and_then(|c| c.source.as_deref())
        .and_then(|id| model.aid.source(id));
    let source = match claim_source {
        Some(source) => {
            let mut parts: Vec<String> = source.outlet.iter().cloned().collect();
            if let Some(date) = source.date {
                parts.push(text::long_date(date));
            }
            parts.push(format!("\"{}\"", source.title));
            parts.join(", ")
        }
        None => model.aid.file.clone(),
    };
    let outlines = if model.natural_earth {
        format!("Made with Natural Earth ({})", model.outlines.file)
    } else {
        model.outlines.file.clone()
    };
    png_file::PngMetadata::now(png_file::PngFacts {
        title: model.title(),
        source: &source,
        data: &model.aid.file,
        outlines: &outlines,
    })
}
