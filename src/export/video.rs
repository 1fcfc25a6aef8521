//! MP4 video through `ffmpeg`, where it is on PATH: frames are piped to it as raw RGBA
//! and it writes H.264 into the temporary file, which is put in place when it
//! succeeds. aidmap does not encode video itself (no maintained pure-Rust H.264
//! encoder), so without ffmpeg `.mp4` is an error that says so.

use std::io::Write;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};

use egui::ColorImage;

use crate::export::error::ExportError;
use crate::export::file::AtomicFile;

/// An MP4 being written by ffmpeg.
pub struct VideoWriter {
    child: Child,
    input: Option<ChildStdin>,
    file: Option<AtomicFile>,
    fps: f32,
    shown: String,
}

impl VideoWriter {
    /// Start ffmpeg writing `out` from frames of `size` pixels at `fps`.
    pub fn create(out: &Path, size: [usize; 2], fps: f32) -> Result<VideoWriter, ExportError> {
        let file = AtomicFile::create(out)?;
        let shown = out.display().to_string();
        let mut child = Command::new("ffmpeg")
            .args(["-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo"])
            .args([
                "-pix_fmt",
                "rgba",
                "-s",
                &format!("{}x{}", size[0], size[1]),
            ])
            .args(["-r", &fps.to_string(), "-i", "-"])
            // H.264 in yuv420p wants even sides; most players want yuv420p.
            .args(["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264"])
            .args([
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
            ])
            .arg(file.temporary_path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|err| {
                ExportError::Request(if err.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "{shown}: writing .mp4 needs ffmpeg, and there is no ffmpeg on \
                         PATH (install it, or export .gif or .apng)"
                    )
                } else {
                    format!("{shown}: cannot start ffmpeg: {err}")
                })
            })?;
        let input = child.stdin.take();
        Ok(VideoWriter {
            child,
            input,
            file: Some(file),
            fps,
            shown,
        })
    }

    /// Add `image`, shown for `delay` seconds: repeated for as many frames as that
    /// takes at the video's rate (a video's frames all last the same).
    pub fn add(&mut self, image: ColorImage, delay: f32) -> Result<(), ExportError> {
        let repeats = (delay * self.fps).round().max(1.0) as usize;
        let rgba: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|c| c.to_srgba_unmultiplied())
            .collect();
        let Some(input) = self.input.as_mut() else {
            return Err(self.failed("its input is closed"));
        };
        for _ in 0..repeats {
            if let Err(err) = input.write_all(&rgba) {
                return Err(self.failed(&err.to_string()));
            }
        }
        Ok(())
    }

    /// Close ffmpeg's input, wait for it, and put the file in place when it succeeded.
    pub fn finish(mut self) -> Result<(), ExportError> {
        drop(self.input.take());
        let said = self.said();
        let status = self
            .child
            .wait()
            .map_err(|err| ExportError::Encode(format!("{}: ffmpeg: {err}", self.shown)))?;
        if !status.success() {
            return Err(ExportError::Encode(format!(
                "{}: ffmpeg failed ({status}): {}",
                self.shown,
                said.trim()
            )));
        }
        match self.file.take() {
            Some(file) => file.commit(),
            None => Err(ExportError::Encode(format!(
                "{}: already written",
                self.shown
            ))),
        }
    }

    /// What ffmpeg wrote to its error output (it has stopped, or its input is closed).
    fn said(&mut self) -> String {
        let mut said = String::new();
        if let Some(stderr) = self.child.stderr.as_mut() {
            let _ = std::io::Read::read_to_string(stderr, &mut said);
        }
        said
    }

    /// ffmpeg stopped taking frames: its own words, where it gave any.
    fn failed(&mut self, what: &str) -> ExportError {
        drop(self.input.take());
        let said = self.said();
        let _ = self.child.wait();
        ExportError::Encode(format!(
            "{}: ffmpeg stopped taking frames ({what}): {}",
            self.shown,
            said.trim()
        ))
    }
}

impl Drop for VideoWriter {
    /// A cancelled or failed export stops ffmpeg; the temporary file goes with the
    /// `AtomicFile`.
    fn drop(&mut self) {
        if self.input.is_some() {
            drop(self.input.take());
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
