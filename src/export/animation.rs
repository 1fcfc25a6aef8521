//! Animations (GIF, APNG, MP4): one frame a day, each a whole scene (title, date,
//! legend, source), drawn by one [`Renderer`] so frames share the font atlas and
//! layout, and streamed to an encoder on its own thread: no more than three frames are
//! ever held.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use egui::{Color32, ColorImage};

use crate::export::apng_file::ApngWriter;
use crate::export::error::ExportError;
use crate::export::frame_plan::{self, PlannedFrame};
use crate::export::gif_file::GifWriter;
use crate::export::offscreen::{Picture, Renderer};
use crate::export::video::VideoWriter;
use crate::export::{ExportRequest, Format};
use crate::scene::style::DONOR_HUES;
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
    let (shown_before, news_before) = (model.day, model.news_from);
    let frames = frame_plan::plan(model, request, &days);
    let result = write_frames(model, request, format, picture, &frames, progress);
    model.set_day_with_news(shown_before, news_before);
    model.growth = 1.0;
    model.note_lines_kept = 0;
    result
}

fn write_frames(
    model: &mut MapModel,
    request: &ExportRequest,
    format: Format,
    picture: &Picture,
    frames: &[PlannedFrame],
    progress: Progress<'_>,
) -> Result<(), ExportError> {
    let mut renderer = Renderer::new(picture);
    // A growing arc's frames each take a share of a day's time: a video runs at that
    // finer rate, and shows a whole day's frame for as many of its frames.
    let fps = request.frames.fps() * frame_plan::video_frames_per_day(frames) as f32;
    let sink = match format {
        Format::Gif => Sink::Gif(Box::new(GifWriter::create(
            &request.out,
            pixel_size(picture),
            scene_colours(model, picture.dark),
        )?)),
        Format::Apng => Sink::Apng(ApngWriter::create(
            &request.out,
            pixel_size(picture),
            frames.len(),
            &crate::export::metadata(model),
        )?),
        Format::Mp4 => Sink::Video(VideoWriter::create(&request.out, pixel_size(picture), fps)?),
        Format::Png | Format::Svg | Format::Pdf => {
            return Err(ExportError::Request(format!(
                "{}: not an animation format",
                request.out.display()
            )));
        }
    };
    // Frames are encoded on a thread of their own while the next is drawn; the
    // channel holds one frame, so at most three are ever in memory.
    let (sender, receiver) = sync_channel::<Frame>(1);
    std::thread::scope(|scope| {
        let encoder = scope.spawn(move || encode(sink, receiver));
        let drawn = draw_frames(model, &mut renderer, picture, frames, &sender, progress);
        if drawn.is_ok() {
            // A closed channel means the encoder failed: its error is the one to tell.
            let _ = sender.send(Frame::End);
        }
        drop(sender);
        let encoded = encoder
            .join()
            .unwrap_or_else(|_| Err(ExportError::Encode("the encoder stopped".into())));
        match (drawn, encoded) {
            (Err(ExportError::Cancelled), _) => Err(ExportError::Cancelled),
            (_, Err(err)) | (Err(err), Ok(())) => Err(err),
            (Ok(()), Ok(())) => Ok(()),
        }
    })
}

/// What goes to the encoder: a frame and its time on screen, or the end.
enum Frame {
    Image(ColorImage, f32),
    End,
}

/// Draw each planned frame and send it to the encoder; progress counts frames.
fn draw_frames(
    model: &mut MapModel,
    renderer: &mut Renderer,
    picture: &Picture,
    frames: &[PlannedFrame],
    encoder: &SyncSender<Frame>,
    progress: Progress<'_>,
) -> Result<(), ExportError> {
    for (k, frame) in frames.iter().enumerate() {
        model.set_day_with_news(Some(frame.day), Some(frame.news_from));
        model.growth = frame.growth;
        let image = renderer.render_next(model, picture)?;
        if encoder.send(Frame::Image(image, frame.delay)).is_err() {
            // The encoder has stopped and kept its error.
            return Ok(());
        }
        if !progress(k + 1, frames.len()) {
            return Err(ExportError::Cancelled);
        }
    }
    Ok(())
}

/// Encode frames as they come; put the file in place only at the end. A channel that
/// closes before the end (a cancel, a drawing error) leaves no file.
fn encode(mut sink: Sink, frames: Receiver<Frame>) -> Result<(), ExportError> {
    for frame in frames {
        match frame {
            Frame::Image(image, delay) => sink.add(image, delay)?,
            Frame::End => return sink.finish(),
        }
    }
    Ok(())
}

/// The picture's size in pixels.
fn pixel_size(picture: &Picture) -> [usize; 2] {
    [
        (picture.size.x * picture.scale).round() as usize,
        (picture.size.y * picture.scale).round() as usize,
    ]
}

/// The colours the scene paints with, which a GIF's palette keeps exactly, then their
/// blends where a border, outline or badge's anti-aliased edge meets a fill: every
/// day's colours are in, whichever day the first frame shows.
fn scene_colours(model: &MapModel, dark: bool) -> Vec<Color32> {
    let style = MapStyle::for_dark_mode(dark);
    let classes = model.classes.len();
    let mut fills = vec![style.background, style.ocean, style.land];
    fills.extend((0..classes).map(|class| model.class_color(class, &style)));
    let edges = [
        style.border,
        style.arrival,
        style.selected,
        style.badge_fill,
        style.badge_text,
        style.text,
        style.muted_text,
    ];
    let mut colours: Vec<Color32> = fills.iter().chain(&edges).copied().collect();
    // The arcs' hues, exactly: a donor's arcs keep its hue in every frame.
    let several = model.donors.told_apart();
    let mut hues = vec![style.donor_flow(None, several)];
    hues.extend(
        (0..model.donors.len().min(DONOR_HUES)).map(|d| style.donor_flow(Some(d), several)),
    );
    colours.extend(&hues);
    for &fill in &fills {
        for &edge in &edges {
            colours.extend(BLEND_STEPS.iter().map(|&t| lerp(fill, edge, t)));
        }
    }
    // And their edges over land and sea.
    for &hue in &hues {
        for under in [style.land, style.ocean] {
            colours.extend(BLEND_STEPS.iter().map(|&t| lerp(under, hue, t)));
        }
    }
    colours
}

/// Where between a fill and an edge colour the palette gets a blend.
const BLEND_STEPS: [f32; 3] = [0.25, 0.5, 0.75];

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// Where frames go.
enum Sink {
    Gif(Box<GifWriter>),
    Apng(ApngWriter),
    Video(VideoWriter),
}

impl Sink {
    fn add(&mut self, image: ColorImage, delay: f32) -> Result<(), ExportError> {
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
