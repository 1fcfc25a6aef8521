//! Animated PNG, streamed through the `png` crate's APNG writer: full colour, no
//! palette. The first frame is the whole picture; each later one only the rectangle
//! that changed, drawn over the frame before.

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use egui::{Color32, ColorImage};

use crate::export::error::ExportError;
use crate::export::file::AtomicFile;
use crate::export::frame_diff::changed_rect;
use crate::export::png_file::{PngMetadata, add_text_chunks};

/// The output file, shared with the PNG writer, which only gives its writer back by
/// dropping it (`finish` consumes it): the file is committed after that.
#[derive(Clone)]
struct SharedFile(Arc<Mutex<AtomicFile>>);

impl Write for SharedFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.lock()?.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.lock()?.flush()
    }
}

impl SharedFile {
    fn lock(&self) -> std::io::Result<std::sync::MutexGuard<'_, AtomicFile>> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("the file was poisoned by a failed write"))
    }
}

/// An APNG being written; it must get exactly the frames it was created for.
pub struct ApngWriter {
    writer: png::Writer<SharedFile>,
    file: SharedFile,
    previous: Option<Vec<Color32>>,
    size: [usize; 2],
}

impl ApngWriter {
    /// Start `out` for `frames` frames of `size` pixels, playing forever, saying what
    /// it shows in `metadata` (as a PNG does).
    pub fn create(
        out: &Path,
        size: [usize; 2],
        frames: usize,
        metadata: &PngMetadata,
    ) -> Result<ApngWriter, ExportError> {
        let file = SharedFile(Arc::new(Mutex::new(AtomicFile::create(out)?)));
        let encode_error = |err: png::EncodingError| {
            ExportError::Encode(format!("{}: cannot encode the APNG: {err}", out.display()))
        };
        let too_large =
            || ExportError::Request(format!("{}: the picture is too large", out.display()));
        let width = u32::try_from(size[0]).map_err(|_| too_large())?;
        let height = u32::try_from(size[1]).map_err(|_| too_large())?;
        let mut encoder = png::Encoder::new(file.clone(), width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // Frames are many: fast compression keeps the export quick; the picture is
        // the same.
        encoder.set_compression(png::Compression::Fast);
        add_text_chunks(&mut encoder, metadata).map_err(ExportError::Encode)?;
        let frames = u32::try_from(frames).map_err(|_| too_large())?;
        encoder.set_animated(frames, 0).map_err(encode_error)?;
        let writer = encoder.write_header().map_err(encode_error)?;
        Ok(ApngWriter {
            writer,
            file,
            previous: None,
            size,
        })
    }

    /// Add `image`, shown for `delay` seconds (kept, to compare the next one with).
    pub fn add(&mut self, image: ColorImage, delay: f32) -> Result<(), ExportError> {
        let encode_error = |err: png::EncodingError| {
            ExportError::Encode(format!("cannot encode an APNG frame: {err}"))
        };
        let [x0, y0, x1, y1] = match &self.previous {
            Some(previous) => {
                changed_rect(previous, &image.pixels, self.size).unwrap_or([0, 0, 1, 1])
            }
            None => [0, 0, self.size[0], self.size[1]],
        };
        let milliseconds = (delay * 1000.0).round().clamp(1.0, 65535.0) as u16;
        self.writer
            .set_frame_delay(milliseconds, 1000)
            .map_err(encode_error)?;
        if self.previous.is_some() {
            // The writer checks each change against the frame as it stands: from the
            // corner, a rectangle of any size fits; then it can move.
            self.writer.set_frame_position(0, 0).map_err(encode_error)?;
            self.writer
                .set_frame_dimension((x1 - x0) as u32, (y1 - y0) as u32)
                .map_err(encode_error)?;
            self.writer
                .set_frame_position(x0 as u32, y0 as u32)
                .map_err(encode_error)?;
        }
        let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
        for y in y0..y1 {
            let row = &image.pixels[y * self.size[0] + x0..y * self.size[0] + x1];
            rgba.extend(row.iter().flat_map(|c| c.to_srgba_unmultiplied()));
        }
        self.writer.write_image_data(&rgba).map_err(encode_error)?;
        self.previous = Some(image.pixels);
        Ok(())
    }

    /// Close the stream and put the file in place.
    pub fn finish(self) -> Result<(), ExportError> {
        self.writer
            .finish()
            .map_err(|err| ExportError::Encode(format!("cannot finish the APNG: {err}")))?;
        let file = Arc::try_unwrap(self.file.0)
            .ok()
            .and_then(|mutex| mutex.into_inner().ok())
            .ok_or_else(|| ExportError::Encode("the APNG writer kept its file".to_string()))?;
        file.commit()
    }
}
