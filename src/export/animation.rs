//! Animations (GIF, APNG, MP4): one frame a day, each a whole scene (title, date,
//! legend, source), drawn by one [`Renderer`] so frames share the font atlas and
//! layout, and streamed to the encoder: no more than two frames are ever held.

use egui::{Color32, ColorImage};

use crate::export::apng_file::ApngWriter;
use crate::export::error::ExportError;
use crate::export::gif_file::GifWriter;
use crate::export::offscreen::{Picture, Renderer};
use crate::export::video::VideoWriter;
use crate::export::{ExportRequest, Format};
use crate::scene::{MapModel, MapStyle};

/// Called after each frame with (frames done, frames in all); returning false cancels
/// the export (nothing is written).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// Draw and write the animation `request` asks for. `model`'s day is moved frame by
/// frame and put back at the end.
pub fn export_animation(
    model: &mut MapModel,
    request: &ExportRequest,
    format: Format,
    picture: &Picture,
    progress: Progress<'_>,
) -> Result<(), ExportError> {
    let days = request
        .frames
        .days(model.timeline.as_ref())
        .map_err(ExportError::Request)?;
    let shown_before = model.day;
    let result = write_frames(model, request, format, picture, &days, progress);
    model.set_day(shown_before);
    result
}

fn write_frames(
    model: &mut MapModel,
    request: &ExportRequest,
    format: Format,
    picture: &Picture,
    days: &[chrono::NaiveDate],
    progress: Progress<'_>,
) -> Result<(), ExportError> {
    let mut renderer = Renderer::new(picture);
    let fps = request.frames.fps();
    let mut sink = match format {
        Format::Gif => {
            // The palette comes from the fullest frame, the last: every fill is in it.
            model.set_day(days.last().copied());
            let reference = renderer.render_next(model, picture)?;
            let anchors = scene_colours(model, picture.dark);
            Sink::Gif(GifWriter::create(&request.out, &reference, &anchors)?)
        }
        Format::Apng => Sink::Apng(ApngWriter::create(
            &request.out,
            pixel_size(picture),
            days.len(),
        )?),
        Format::Mp4 => Sink::Video(VideoWriter::create(&request.out, pixel_size(picture), fps)?),
        Format::Png | Format::Svg | Format::Pdf => {
            return Err(ExportError::Request(format!(
                "{}: not an animation format",
                request.out.display()
            )));
        }
    };
    for (k, &day) in days.iter().enumerate() {
        model.set_day(Some(day));
        let image = renderer.render_next(model, picture)?;
        let last = k + 1 == days.len();
        let delay = 1.0 / fps + if last { request.frames.hold() } else { 0.0 };
        sink.add(&image, delay)?;
        if !progress(k + 1, days.len()) {
            return Err(ExportError::Cancelled);
        }
    }
    sink.finish()
}

/// The picture's size in pixels.
fn pixel_size(picture: &Picture) -> [usize; 2] {
    [
        (picture.size.x * picture.scale).round() as usize,
        (picture.size.y * picture.scale).round() as usize,
    ]
}

/// The colours the scene paints with, which a GIF's palette keeps exactly.
fn scene_colours(model: &MapModel, dark: bool) -> Vec<Color32> {
    let style = MapStyle::for_dark_mode(dark);
    let mut colours = vec![
        style.background,
        style.ocean,
        style.land,
        style.border,
        style.text,
        style.muted_text,
        style.badge_fill,
        style.badge_text,
        style.arrival,
        style.selected,
    ];
    let classes = model.classes.len();
    colours.extend((0..classes).map(|class| style.highlight(class, classes)));
    colours
}

/// Where frames go.
enum Sink {
    Gif(GifWriter),
    Apng(ApngWriter),
    Video(VideoWriter),
}

impl Sink {
    fn add(&mut self, image: &ColorImage, delay: f32) -> Result<(), ExportError> {
        match self {
            Sink::Gif(writer) => writer.add(image, delay),
            Sink::Apng(writer) => writer.add(image, delay),
            Sink::Video(writer) => writer.add(image, delay),
        }
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Sink::Gif(writer) => writer.finish(),
            Sink::Apng(writer) => writer.finish(),
            Sink::Video(writer) => writer.finish(),
        }
    }
}
