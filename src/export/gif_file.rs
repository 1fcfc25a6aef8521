//! Animated GIF, streamed: each frame is encoded as it comes and dropped. The palette
//! is fixed once, from the scene's own colours and the most common colours of the
//! fullest frame, so a fill keeps its exact colour in every frame (a palette quantized
//! per frame makes colours flicker). After the first frame, only the rectangle that
//! changed is written, with unchanged pixels transparent over the frame before.

use std::collections::HashMap;
use std::path::Path;

use egui::{Color32, ColorImage};

use crate::export::error::ExportError;
use crate::export::file::AtomicFile;
use crate::export::frame_diff::changed_rect;

/// The palette index of "unchanged since the last frame".
const TRANSPARENT: u8 = 255;
/// Colours the palette may hold besides the transparent index.
const COLOURS: usize = 255;
/// Colours closer than this (squared RGB distance) to one already in the palette are
/// not added: anti-aliased edges would otherwise take every slot with near-twins.
const MIN_DISTANCE_SQUARED: i32 = 48;

/// A GIF being written.
pub struct GifWriter {
    /// Where it goes (for messages).
    out: std::path::PathBuf,
    /// The scene's colours, first in the palette.
    anchors: Vec<Color32>,
    /// The file, until the first frame fixes the palette and the header is written.
    file: Option<AtomicFile>,
    /// The encoder and the palette, from the first frame on.
    encoder: Option<(gif::Encoder<AtomicFile>, PaletteMapper)>,
    previous: Option<Vec<Color32>>,
    size: [usize; 2],
    /// Seconds of the frames so far: each delay is rounded to GIF's hundredths so
    /// that the total stays true (four frames of 1/16 s take 25 hundredths, not 24).
    elapsed: f64,
}

impl GifWriter {
    /// Start `out` for frames of `size` pixels. The palette is fixed by the first
    /// frame: `anchors` (the scene's colours and their blends) first, then the first
    /// frame's most common colours.
    pub fn create(
        out: &Path,
        size: [usize; 2],
        anchors: Vec<Color32>,
    ) -> Result<GifWriter, ExportError> {
        if size.iter().any(|&side| u16::try_from(side).is_err()) {
            return Err(ExportError::Request(format!(
                "{}: a GIF is at most 65535 pixels wide and high",
                out.display()
            )));
        }
        Ok(GifWriter {
            out: out.to_path_buf(),
            anchors,
            file: Some(AtomicFile::create(out)?),
            encoder: None,
            previous: None,
            size,
            elapsed: 0.0,
        })
    }

    /// The encoder, started with the palette of `first` if this is the first frame.
    fn encoder(
        &mut self,
        first: &ColorImage,
    ) -> Result<&mut (gif::Encoder<AtomicFile>, PaletteMapper), ExportError> {
        if self.encoder.is_none() {
            let palette = palette(&self.anchors, first);
            let mut flat: Vec<u8> = palette.iter().flat_map(|c| [c.r(), c.g(), c.b()]).collect();
            flat.resize(256 * 3, 0);
            let out = self.out.display().to_string();
            let encode_error = |err: gif::EncodingError| {
                ExportError::Encode(format!("{out}: cannot encode the GIF: {err}"))
            };
            let file = self
                .file
                .take()
                .ok_or_else(|| ExportError::Encode(format!("{out}: the file is gone")))?;
            let [w, h] = self.size.map(|side| side as u16);
            let mut encoder = gif::Encoder::new(file, w, h, &flat).map_err(encode_error)?;
            encoder
                .set_repeat(gif::Repeat::Infinite)
                .map_err(encode_error)?;
            self.encoder = Some((encoder, PaletteMapper::new(palette)));
        }
        self.encoder
            .as_mut()
            .ok_or_else(|| ExportError::Encode("the GIF encoder did not start".into()))
    }

    /// The GIF delay of a frame of `delay` seconds after those so far: the rounded
    /// end time less the rounded start time, at least one hundredth.
    fn hundredths(&mut self, delay: f32) -> u16 {
        let start = (self.elapsed * 100.0).round();
        self.elapsed += f64::from(delay);
        let end = (self.elapsed * 100.0).round();
        (end - start).clamp(1.0, 65535.0) as u16
    }

    /// Add `image`, shown for `delay` seconds (kept, to compare the next one with).
    pub fn add(&mut self, image: ColorImage, delay: f32) -> Result<(), ExportError> {
        if image.size != self.size {
            return Err(ExportError::Encode(format!(
                "{}: a frame of another size",
                self.out.display()
            )));
        }
        let changed = match &self.previous {
            Some(previous) => changed_rect(previous, &image.pixels, self.size),
            None => Some([0, 0, self.size[0], self.size[1]]),
        };
        // Nothing changed: one transparent pixel carries the frame's time.
        let [x0, y0, x1, y1] = changed.unwrap_or([0, 0, 1, 1]);
        let hundredths = self.hundredths(delay);
        let previous = self.previous.take();
        let previous = previous.as_deref();
        let width = self.size[0];
        let (encoder, mapper) = self.encoder(&image)?;
        let mut buffer = Vec::with_capacity((x1 - x0) * (y1 - y0));
        // Pixels come in runs of one colour: look the colour up once a run.
        let mut last: Option<(Color32, u8)> = None;
        for y in y0..y1 {
            let row = y * width + x0..y * width + x1;
            if previous.is_some_and(|p| p[row.clone()] == image.pixels[row.clone()]) {
                buffer.resize(buffer.len() + (x1 - x0), TRANSPARENT);
                continue;
            }
            for x in x0..x1 {
                let i = y * width + x;
                let pixel = image.pixels[i];
                if previous.is_some_and(|p| p[i] == pixel) {
                    buffer.push(TRANSPARENT);
                    continue;
                }
                let index = match last {
                    Some((colour, index)) if colour == pixel => index,
                    _ => mapper.index(pixel),
                };
                last = Some((pixel, index));
                buffer.push(index);
            }
        }
        let frame = gif::Frame {
            delay: hundredths,
            dispose: gif::DisposalMethod::Keep,
            transparent: Some(TRANSPARENT),
            left: x0 as u16,
            top: y0 as u16,
            width: (x1 - x0) as u16,
            height: (y1 - y0) as u16,
            buffer: std::borrow::Cow::Owned(buffer),
            ..gif::Frame::default()
        };
        encoder
            .write_frame(&frame)
            .map_err(|err| ExportError::Encode(format!("cannot encode a GIF frame: {err}")))?;
        self.previous = Some(image.pixels);
        Ok(())
    }

    /// Write the trailer and put the file in place.
    pub fn finish(self) -> Result<(), ExportError> {
        let (encoder, _) = self.encoder.ok_or_else(|| {
            ExportError::Encode(format!("{}: no frames to write", self.out.display()))
        })?;
        let file = encoder
            .into_inner()
            .map_err(|err| ExportError::Encode(format!("cannot finish the GIF: {err}")))?;
        file.commit()
    }
}

/// The palette: `anchors` first, then the most common colours of `reference`, none
/// too close to one already in, at most [`COLOURS`].
fn palette(anchors: &[Color32], reference: &ColorImage) -> Vec<Color32> {
    let mut counts: HashMap<Color32, u32> = HashMap::new();
    // Counted a run of one colour at a time: a map is mostly long runs.
    let mut pixels = reference.pixels.iter().peekable();
    while let Some(&pixel) = pixels.next() {
        let mut run = 1;
        while pixels.next_if_eq(&&pixel).is_some() {
            run += 1;
        }
        *counts.entry(opaque(pixel)).or_default() += run;
    }
    let mut common: Vec<(Color32, u32)> = counts.into_iter().collect();
    common.sort_unstable_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.to_array().cmp(&b.0.to_array()))
    });
    let mut palette: Vec<Color32> = Vec::with_capacity(COLOURS);
    for colour in anchors
        .iter()
        .map(|&c| opaque(c))
        .chain(common.into_iter().map(|(c, _)| c))
    {
        if palette.len() == COLOURS {
            break;
        }
        if palette
            .iter()
            .all(|&p| distance_squared(p, colour) >= MIN_DISTANCE_SQUARED)
        {
            palette.push(colour);
        }
    }
    palette
}

/// `c` without alpha (export pictures are opaque; a stray translucent pixel is taken
/// as its colour).
fn opaque(c: Color32) -> Color32 {
    Color32::from_rgb(c.r(), c.g(), c.b())
}

fn distance_squared(a: Color32, b: Color32) -> i32 {
    let d = |x: u8, y: u8| i32::from(x) - i32::from(y);
    let (r, g, b) = (d(a.r(), b.r()), d(a.g(), b.g()), d(a.b(), b.b()));
    // Weighted as the eye is: green most, blue least.
    2 * r * r + 4 * g * g + 3 * b * b
}

/// The nearest palette colour of each pixel colour, remembered: a map has few
/// distinct colours, so most pixels are one lookup.
struct PaletteMapper {
    palette: Vec<Color32>,
    known: HashMap<Color32, u8>,
}

impl PaletteMapper {
    fn new(palette: Vec<Color32>) -> Self {
        PaletteMapper {
            palette,
            known: HashMap::new(),
        }
    }

    fn index(&mut self, pixel: Color32) -> u8 {
        let colour = opaque(pixel);
        if let Some(&index) = self.known.get(&colour) {
            return index;
        }
        let index = self
            .palette
            .iter()
            .enumerate()
            .min_by_key(|(_, p)| distance_squared(**p, colour))
            .map_or(0, |(i, _)| i as u8);
        self.known.insert(colour, index);
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anchors_keep_their_exact_colours_and_the_rest_fill_up_to_255() {
        let mut pixels = vec![Color32::from_rgb(10, 10, 10); 100];
        for (i, p) in pixels.iter_mut().enumerate().skip(50) {
            *p = Color32::from_rgb(i as u8 * 2, 0, 255 - i as u8);
        }
        let image = ColorImage::new([10, 10], pixels);
        let anchors = [Color32::from_rgb(0xF4, 0xA5, 0x82), Color32::WHITE];
        let palette = palette(&anchors, &image);
        assert_eq!(&palette[..2], &anchors);
        assert!(palette.contains(&Color32::from_rgb(10, 10, 10)));
        assert!(palette.len() <= COLOURS);
        let mut mapper = PaletteMapper::new(palette);
        assert_eq!(mapper.index(anchors[0]), 0);
        assert_eq!(mapper.index(Color32::from_rgb(0xF3, 0xA5, 0x82)), 0);
    }
}
