//! The map as a widget, in the way of walkers' `Map`: [`MapMemory`] keeps what lasts
//! between frames (the view, hover and selection, the mesh and badge caches, where the
//! map was drawn), [`MapWidget::ui`] paints the scene, turns pointer and keys into pan,
//! zoom and hover, and returns what happened; the app decides what a click means. A
//! country smaller than the pointer's reach is still found: where the pointer is over
//! no country, the nearest one within `HOVER_REACH` points wins.

use egui::{Key, Pos2, Rect, Sense, Vec2, vec2};

use crate::scene::badges::Badge;
use crate::scene::fill_value::FillValue;
use crate::scene::flows::DrawnArc;
use crate::scene::labels::PlacedLabel;
use crate::scene::layout::Layout;
use crate::scene::text::{as_of, plural};
use crate::scene::{MapModel, MapStyle, MapView, SceneCache, SceneState, paint_scene};
use crate::ui::arc_hover::{arc_at, arc_tooltip, show_tooltip};

/// How far (in screen points) the pointer reaches for a country it is not over.
pub const HOVER_REACH: f32 = 20.0;
/// Screen points an arrow key pans by.
const KEY_PAN: f32 = 80.0;
/// Zoom factor of one +/- key press or double-click.
const KEY_ZOOM: f64 = 1.5;

/// What the map keeps between frames.
#[derive(Default)]
pub struct MapMemory {
    /// Pan and zoom.
    pub view: MapView,
    /// Hovered and selected country.
    pub state: SceneState,
    cache: SceneCache,
    badges: Vec<Badge>,
    arcs: Vec<DrawnArc>,
    labels: Vec<PlacedLabel>,
    last_map_rect: Option<Rect>,
    last_scene_rect: Option<Rect>,
    /// Where the pointer clicked: no tooltip there until it moves, so the pop-up the
    /// click opens is not covered by the tooltip of what was clicked.
    clicked_at: Option<Pos2>,
}

/// What happened on the map this frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapResponse {
    /// The country under the pointer.
    pub hovered: Option<usize>,
    /// A click on the map: the country clicked, or `Some(None)` for the sea or outside
    /// the map.
    pub clicked: Option<Option<usize>>,
    /// Where the pop-up of `popup` (given to the widget) should point, on screen.
    pub popup_anchor: Option<Pos2>,
}

/// The map for one frame.
pub struct MapWidget<'a> {
    model: &'a MapModel,
    memory: &'a mut MapMemory,
    style: &'a MapStyle,
    popup: Option<usize>,
}

impl<'a> MapWidget<'a> {
    /// The map of `model`, drawn in `style`, remembering in `memory`; `popup` is the
    /// country whose pop-up is open, if any.
    pub fn new(
        model: &'a MapModel,
        memory: &'a mut MapMemory,
        style: &'a MapStyle,
        popup: Option<usize>,
    ) -> Self {
        MapWidget {
            model,
            memory,
            style,
            popup,
        }
    }

    /// Paint the map into the rest of `ui` and handle its input.
    pub fn ui(self, ui: &mut egui::Ui) -> MapResponse {
        let MapWidget {
            model,
            memory,
            style,
            popup,
        } = self;
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "World map"));
        let map_rect = Layout::of(rect, model).map;
        memory.last_map_rect = Some(map_rect);
        memory.last_scene_rect = Some(rect);
        memory.view.clamp(model.projected.world_bounds, map_rect);
        memory.navigate(ui, &response, model, map_rect);

        let pointer = response.hover_pos().filter(|p| map_rect.contains(*p));
        let hovered_arc = pointer.and_then(|p| arc_at(&memory.arcs, &memory.badges, p));
        let hovered = match hovered_arc {
            Some(arc) => model.flows.arcs.get(arc).map(|flow| flow.country),
            None => pointer.and_then(|p| memory.country_at(model, p)),
        };
        memory.state.hovered = hovered;
        let clicked = (response.clicked() && !response.double_clicked()).then(|| {
            response
                .interact_pointer_pos()
                .filter(|p| map_rect.contains(*p))
                .and_then(|p| memory.thing_at(model, p))
        });

        if clicked.is_some() {
            // The app applies the click after this frame is painted: show it at once.
            ui.ctx().request_repaint();
            memory.clicked_at = pointer;
        }
        let tooltip_at = match (pointer, memory.clicked_at) {
            (Some(now), Some(at)) if now == at => None,
            (now, _) => {
                memory.clicked_at = None;
                now
            }
        };
        let painter = ui.painter_at(rect);
        let state = memory.state;
        let geometry = paint_scene(
            &painter,
            rect,
            model,
            &memory.view,
            style,
            &state,
            &mut memory.cache,
        );
        memory.badges = geometry.badges;
        memory.arcs = geometry.arcs;
        memory.labels = geometry.labels;
        // Where badges found no room the footer took a line: hit-test with the map
        // area as drawn.
        memory.last_map_rect = Some(geometry.layout.map);
        match (hovered_arc, hovered, tooltip_at) {
            (Some(arc), _, Some(pointer)) => arc_tooltip(ui.ctx(), model, arc, pointer),
            (None, Some(country), Some(pointer)) => tooltip(ui.ctx(), model, country, pointer),
            _ => {}
        }
        if hovered.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        MapResponse {
            hovered,
            clicked,
            popup_anchor: popup.map(|country| memory.anchor_of(model, country, map_rect)),
        }
    }
}

impl MapMemory {
    /// The map area of the last drawn frame.
    pub fn last_map_rect(&self) -> Option<Rect> {
        self.last_map_rect
    }

    /// The whole picture's area (title to source line) of the last drawn frame.
    pub fn last_scene_rect(&self) -> Option<Rect> {
        self.last_scene_rect
    }

    /// The badges as drawn in the last frame.
    pub fn badges(&self) -> &[Badge] {
        &self.badges
    }

    /// The countries' names as drawn in the last frame.
    pub fn labels(&self) -> &[PlacedLabel] {
        &self.labels
    }

    /// Centre the map on `country` if its label point is out of view.
    pub fn ensure_visible(&mut self, model: &MapModel, country: usize) {
        let Some(map_rect) = self.last_map_rect else {
            return;
        };
        let bounds = model.projected.world_bounds;
        let point = model.projected.countries[country].label_point();
        let on_screen = self.view.transform(bounds, map_rect).to_screen(point);
        if !map_rect.shrink(40.0).contains(on_screen) {
            let offset: Vec2 = map_rect.center() - on_screen;
            self.view.pan_by(bounds, map_rect, offset);
        }
    }

    /// Zoom to `country`.
    pub fn focus_on(&mut self, model: &MapModel, country: usize) {
        let Some(map_rect) = self.last_map_rect else {
            return;
        };
        let target = model.projected.countries[country].bounds;
        self.view
            .focus_on(model.projected.world_bounds, map_rect, target);
    }

    /// The country a click at `p` means: an arc's recipient, else [`Self::country_at`].
    fn thing_at(&self, model: &MapModel, p: Pos2) -> Option<usize> {
        match arc_at(&self.arcs, &self.badges, p) {
            Some(arc) => model.flows.arcs.get(arc).map(|flow| flow.country),
            None => self.country_at(model, p),
        }
    }

    /// The country under screen point `p`: a badge first, then the outline containing
    /// the point, then the nearest outline within reach.
    fn country_at(&self, model: &MapModel, p: Pos2) -> Option<usize> {
        if let Some(badge) = self
            .badges
            .iter()
            .find(|b| b.center.distance(p) <= b.radius)
        {
            return Some(badge.country);
        }
        let map_rect = self.last_map_rect?;
        let transform = self.view.transform(model.projected.world_bounds, map_rect);
        let reach = HOVER_REACH as f64 / transform.scale;
        model.projected.country_at(transform.to_world(p), reach)
    }

    /// Where a pop-up about `country` points: its badge, else its label point, kept
    /// inside the map.
    fn anchor_of(&self, model: &MapModel, country: usize, map_rect: Rect) -> Pos2 {
        let badge = self.badges.iter().find(|b| b.country == country);
        let point = badge.map_or_else(
            || {
                let transform = self.view.transform(model.projected.world_bounds, map_rect);
                transform.to_screen(model.projected.countries[country].label_point())
            },
            |b| b.center,
        );
        point.clamp(map_rect.min, map_rect.max)
    }

    /// Drag, scroll, pinch, double-click and keys.
    fn navigate(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        model: &MapModel,
        map_rect: Rect,
    ) {
        let bounds = model.projected.world_bounds;
        if response.dragged() {
            self.view.pan_by(bounds, map_rect, response.drag_delta());
        }
        if let Some(pointer) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = (scroll as f64 * 0.003).exp() * zoom as f64;
            if (factor - 1.0).abs() > 1e-4 {
                self.view.zoom_at(bounds, map_rect, pointer, factor);
            }
            if response.double_clicked() {
                self.view
                    .zoom_at(bounds, map_rect, pointer, KEY_ZOOM * KEY_ZOOM);
            }
        }
        let keys_for_map = ui.memory(|m| m.focused().is_none_or(|id| id == response.id));
        if keys_for_map {
            self.handle_keys(ui, bounds, map_rect);
        }
    }

    fn handle_keys(&mut self, ui: &egui::Ui, bounds: [f64; 4], map_rect: Rect) {
        let pressed = |key: Key| ui.input(|i| i.key_pressed(key));
        let pans = [
            (Key::ArrowLeft, vec2(KEY_PAN, 0.0)),
            (Key::ArrowRight, vec2(-KEY_PAN, 0.0)),
            (Key::ArrowUp, vec2(0.0, KEY_PAN)),
            (Key::ArrowDown, vec2(0.0, -KEY_PAN)),
        ];
        for (key, delta) in pans {
            if pressed(key) {
                self.view.pan_by(bounds, map_rect, delta);
            }
        }
        let centre = map_rect.center();
        if pressed(Key::Plus) || pressed(Key::Equals) {
            self.view.zoom_at(bounds, map_rect, centre, KEY_ZOOM);
        }
        if pressed(Key::Minus) {
            self.view.zoom_at(bounds, map_rect, centre, 1.0 / KEY_ZOOM);
        }
        if pressed(Key::Home) {
            self.view = MapView::default();
        }
    }
}

fn tooltip(ctx: &egui::Context, model: &MapModel, country: usize, pointer: Pos2) {
    let name = &model.outlines.countries[country].name;
    let teams = model.teams_of(country);
    // With one donor chosen, say whose teams are counted.
    let from = model.donor_phrase();
    let detail = if teams > 0 {
        let counted = format!("{teams} {}{from}", plural(teams, "team", "teams"));
        // On a day of the timeline, say which, as for countries with none.
        match model.day.and(as_of(model)) {
            Some(date) => format!("{counted} as of {date}"),
            None => counted,
        }
    } else {
        match as_of(model) {
            Some(date) => format!("no team{from} reported as of {date}"),
            None => format!("no team{from} reported"),
        }
    };
    let mut lines = vec![detail];
    if model.value == FillValue::Members && teams > 0 {
        // The fill stands for members: say the number it shows, or why there is none.
        lines.push(match model.value_of(country) {
            Some(Some(members)) => format!("{members} {}", plural(members, "member", "members")),
            _ => "members not all reported".to_string(),
        });
    }
    show_tooltip(ctx, pointer, name, &lines);
}
