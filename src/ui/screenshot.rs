//! `aidmap --screenshot FILE`: wait for the first fully drawn frame, capture it, save
//! it as PNG and close the window. Saving writes a temporary file beside the target
//! and renames it, so a failure never leaves half a PNG.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, ViewportCommand};

use crate::export::ExportError;

/// Frames to let pass before capturing: egui lays out some widgets over two passes.
const SETTLE_FRAMES: u32 = 4;

/// Where a screenshot goes and, once done, how it went.
#[derive(Debug, Clone)]
pub struct ScreenshotTarget {
    /// The PNG to write.
    pub path: PathBuf,
    /// Filled in when the job ends: `Ok` or the error message.
    pub outcome: Arc<Mutex<Option<Result<(), ExportError>>>>,
}

/// A screenshot in progress.
pub struct ScreenshotJob {
    target: ScreenshotTarget,
    frames: u32,
    requested: bool,
    sender: Sender<Arc<ColorImage>>,
    receiver: Receiver<Arc<ColorImage>>,
}

impl ScreenshotJob {
    /// A job that saves to `target`.
    pub fn new(target: ScreenshotTarget) -> Self {
        let (sender, receiver) = channel();
        ScreenshotJob {
            target,
            frames: 0,
            requested: false,
            sender,
            receiver,
        }
    }

    /// Call once per frame, after everything is drawn.
    pub fn step(&mut self, ctx: &egui::Context, model: &crate::scene::MapModel) {
        self.frames += 1;
        if !self.requested && self.frames >= SETTLE_FRAMES {
            self.requested = true;
            let sender = self.sender.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let _ = sender.send(image);
                repaint.request_repaint();
            });
        }
        if let Ok(image) = self.receiver.try_recv() {
            let result = save_png(&self.target.path, &image, model);
            if let Ok(mut outcome) = self.target.outcome.lock() {
                *outcome = Some(result);
            }
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

/// Write `image` (a picture of `model`) to `path` as PNG with its metadata, atomically.
pub fn save_png(
    path: &Path,
    image: &ColorImage,
    model: &crate::scene::MapModel,
) -> Result<(), ExportError> {
    let bytes = crate::export::png_file::encode_png(image, &crate::export::metadata(model))?;
    crate::export::file::write_atomically(path, &bytes)
}
