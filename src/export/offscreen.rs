//! Drawing the map without a window: the scene's display list (with the selected
//! country's card, if asked) is drawn by the same egui back-end as the window, egui
//! tessellates it, and the CPU rasterizer turns the triangles into pixels.

use egui::{ColorImage, Pos2, RawInput, Rect, Vec2};

use crate::export::error::ExportError;
use crate::export::raster::{Canvas, Textures};
use crate::scene::compose::{FillMode, SceneRequest};
use crate::scene::damage::changed_areas;
use crate::scene::display::{DisplayList, Item, Primitive, SceneMesh};
use crate::scene::egui_painter::{MeshOutput, draw_with};
use crate::scene::fonts::measure_with;
use crate::scene::{MapModel, MapStyle, MapView, SceneCache, SceneState, compose};

/// What to draw.
#[derive(Debug, Clone, Copy)]
pub struct Picture {
    /// Size in points.
    pub size: Vec2,
    /// Pixels per point.
    pub scale: f32,
    /// Which part of the map.
    pub view: MapView,
    /// Dark or light.
    pub dark: bool,
    /// The selected country (outlined).
    pub selected: Option<usize>,
    /// Draw the selected country's pop-up too.
    pub popup: bool,
    /// No background outside the map (`--transparent`, PNG only).
    pub transparent: bool,
}

impl Picture {
    /// The whole world at `size` points, one pixel per point, light, nothing selected.
    pub fn whole_world(size: Vec2) -> Self {
        Picture {
            size,
            scale: 1.0,
            view: MapView::default(),
            dark: false,
            selected: None,
            popup: false,
            transparent: false,
        }
    }
}

/// The side of the font atlas: glyphs of a picture at scale 8 are eight times as
/// large, and egui's default atlas (2048 pixels square) overflowed, garbling text.
const ATLAS_SIDE: usize = 8192;

/// Draw `picture` of `model` into an image of `size × scale` pixels. Fails, rather than
/// draw garbled text, when the text would not fit the font atlas at this scale.
pub fn render(model: &MapModel, picture: &Picture) -> Result<ColorImage, ExportError> {
    Renderer::new(picture).render(model, picture)
}

/// Draws pictures of one size, scale and theme one after another, keeping what they
/// share: the font atlas, the laid-out text, and the map's mesh while the data set is
/// the same. The frames of an animation go through one renderer.
pub struct Renderer {
    ctx: egui::Context,
    cache: SceneCache,
    textures: Textures,
    /// The last picture drawn by [`Renderer::render_next`], and its display list
    /// (without its meshes, which stay the cache's alone, to be recoloured in place).
    last: Option<(DisplayList, ColorImage)>,
}

impl Renderer {
    /// A renderer for pictures like `picture`.
    pub fn new(picture: &Picture) -> Self {
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::scene::fonts::fonts());
        ctx.set_theme(if picture.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        // No fade-ins: a picture is one frame.
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        Renderer {
            ctx,
            cache: SceneCache::default(),
            textures: Textures::default(),
            last: None,
        }
    }

    /// Draw `picture` of `model` (as it is now: its day, its projection).
    pub fn render(
        &mut self,
        model: &MapModel,
        picture: &Picture,
    ) -> Result<ColorImage, ExportError> {
        self.last = None;
        Ok(self.draw_picture(model, picture, None)?.1)
    }

    /// Draw `picture` of `model` like [`Renderer::render`], redrawing only what
    /// changed since the last picture this method drew (the next frame of an
    /// animation: a date, some fills and badges). The pixels are the same as a whole
    /// render's (tested).
    pub fn render_next(
        &mut self,
        model: &MapModel,
        picture: &Picture,
    ) -> Result<ColorImage, ExportError> {
        let last = self.last.take();
        let (list, image) = self.draw_picture(model, picture, last)?;
        self.last = Some((without_meshes(list), image.clone()));
        Ok(image)
    }

    /// Compose, tessellate and rasterize `picture`: over the whole canvas, or only
    /// where it differs from `last` (a list and the image drawn from it).
    fn draw_picture(
        &mut self,
        model: &MapModel,
        picture: &Picture,
        last: Option<(DisplayList, ColorImage)>,
    ) -> Result<(DisplayList, ColorImage), ExportError> {
        let rect = Rect::from_min_size(Pos2::ZERO, picture.size);
        let style = MapStyle::for_dark_mode(picture.dark);
        let request = SceneRequest {
            rect,
            view: picture.view,
            style: style.clone(),
            state: SceneState {
                hovered: None,
                selected: picture.selected,
            },
            card: picture.popup,
            fills: FillMode::Mesh {
                pixels_per_point: picture.scale,
            },
            transparent: picture.transparent,
        };
        let input = input_for(rect, picture.scale);
        // One pass draws the map and the card: text laid out in it puts its glyphs in
        // the font atlas, whose image comes back in the same pass's texture changes.
        let cache = &mut self.cache;
        let mut drawn = None;
        let mut output = self.ctx.run_ui(input, |ui| {
            let painter = ui.painter_at(rect);
            let measure = |text: &str, size: f32| measure_with(&painter, text, size);
            let scene = compose(model, &request, cache, &measure);
            draw_with(&painter, &scene.list, MeshOutput::Callbacks);
            drawn = Some(scene.list);
        });
        if self.ctx.fonts(|f| f.font_atlas_fill_ratio()) >= 1.0 {
            return Err(ExportError::Render(format!(
                "the text does not fit egui's font atlas at scale {}: export at a lower --scale",
                picture.scale
            )));
        }
        let list = drawn.ok_or_else(|| ExportError::Render("nothing was drawn".into()))?;
        let fill_changes = self.cache.take_fill_changes();
        self.textures.apply(&output.textures_delta);
        // Applied above: tell epaint so (it checks in debug builds).
        output.textures_delta.clear();
        let pixels_per_point = output.pixels_per_point;
        let primitives = self.ctx.tessellate(output.shapes, pixels_per_point);
        let size = picture.size * pixels_per_point;
        let size = [size.x.round() as usize, size.y.round() as usize];
        let canvas = match last {
            Some((last_list, image)) if image.size == size => {
                let mut canvas = Canvas::from_image(image);
                let regions: Vec<Rect> = changed_areas(&last_list, &list, fill_changes.as_deref())
                    .into_iter()
                    .map(|area| {
                        Rect::from_min_max(area.min * pixels_per_point, area.max * pixels_per_point)
                    })
                    .collect();
                canvas.redraw_regions(
                    &primitives,
                    &self.textures,
                    pixels_per_point,
                    &regions,
                    style.background,
                );
                canvas
            }
            _ => {
                let background = match picture.transparent {
                    true => egui::Color32::TRANSPARENT,
                    false => style.background,
                };
                let mut canvas = Canvas::new(size[0], size[1], background);
                canvas.draw(&primitives, &self.textures, pixels_per_point);
                canvas
            }
        };
        Ok((list, canvas.into_image()))
    }
}

/// One pass's input for a picture in `rect` at `scale` pixels per point. The scale
/// goes in as the display's own pixels per point, not as a zoom
/// (`set_pixels_per_point`): a zoom divides the screen rect egui remembers from before
/// the first pass (10000 points square) by the scale, and everything past 10000 pixels
/// was clipped away.
fn input_for(rect: Rect, scale: f32) -> RawInput {
    let mut input = RawInput {
        screen_rect: Some(rect),
        ..RawInput::default()
    };
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(scale);
    input.max_texture_side = Some(ATLAS_SIDE);
    input
}

/// `list` with each mesh replaced by an empty one: what [`changed_areas`] needs of a
/// list kept for the next frame, without holding the cache's mesh.
fn without_meshes(mut list: DisplayList) -> DisplayList {
    for item in &mut list.items {
        if let Item::Draw(Primitive::Mesh(mesh)) = item {
            *mesh = std::sync::Arc::new(SceneMesh::new(egui::epaint::Mesh::default()));
        }
    }
    list
}
