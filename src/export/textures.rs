//! The textures egui hands a back-end (the font atlas, mostly), kept up to date from
//! each pass's changes, for the CPU rasterizer to sample.

use std::collections::HashMap;

use egui::epaint::TextureId;
use egui::epaint::textures::TexturesDelta;
use egui::{ColorImage, ImageData};

/// The textures egui asked for (the font atlas, mostly), kept up to date from the
/// deltas of each pass.
#[derive(Default)]
pub struct Textures {
    /// Each texture's image, by its id.
    pub(crate) images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Apply one pass's texture changes.
    pub fn apply(&mut self, delta: &TexturesDelta) {
        for (id, changes) in &delta.set {
            for change in changes {
                let ImageData::Color(image) = &change.image;
                match change.pos {
                    None => {
                        self.images.insert(*id, (*image).as_ref().clone());
                    }
                    Some([x0, y0]) => {
                        if let Some(target) = self.images.get_mut(id) {
                            let [w, h] = image.size;
                            for y in 0..h {
                                for x in 0..w {
                                    let (tx, ty) = (x0 + x, y0 + y);
                                    if tx < target.size[0] && ty < target.size[1] {
                                        target.pixels[ty * target.size[0] + tx] =
                                            image.pixels[y * w + x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
    }
}
