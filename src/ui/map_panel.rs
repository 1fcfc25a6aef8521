//! The map area: paints the scene and turns pointer and keys into pan, zoom, hover and
//! selection. A country smaller than the pointer's reach is still found: where the
//! pointer is over no country, the nearest one within `HOVER_REACH` points wins.

use egui::{Align2, Id, Key, Order, Pos2, Rect, Sense, Vec2, vec2};

use crate::scene::badges::Badge;
use crate::scene::layout::Layout;
use crate::scene::text::{as_of, plural};
use crate::scene::{MapStyle, paint_scene};
use crate::ui::app::AidMapApp;

/// How far (in screen points) the pointer reaches for a country it is not over.
pub const HOVER_REACH: f32 = 20.0;
/// Screen points an arrow key pans by.
const KEY_PAN: f32 = 80.0;
/// Zoom factor of one +/- key press or double-click.
const KEY_ZOOM: f64 = 1.5;

/// What the map panel reports back to the app.
pub struct MapOutcome {
    /// Where the open pop-up should point, on screen.
    pub popup_anchor: Option<Pos2>,
}

/// Paint the map into the rest of `ui` and handle its input.
pub fn ui(ui: &mut egui::Ui, app: &mut AidMapApp, style: &MapStyle) -> MapOutcome {
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "World map"));
    let map_rect = Layout::of(rect, &app.model).map;
    let bounds = app.model.projected.world_bounds;
    app.last_map_rect = Some(map_rect);
    app.last_scene_rect = Some(rect);
    app.view.clamp(bounds, map_rect);

    // Pan and zoom.
    if response.dragged() {
        app.view.pan_by(bounds, map_rect, response.drag_delta());
    }
    let pointer = response.hover_pos();
    if let Some(pointer) = pointer {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll as f64 * 0.003).exp() * zoom as f64;
        if (factor - 1.0).abs() > 1e-4 {
            app.view.zoom_at(bounds, map_rect, pointer, factor);
        }
        if response.double_clicked() {
            app.view
                .zoom_at(bounds, map_rect, pointer, KEY_ZOOM * KEY_ZOOM);
        }
    }
    let keys_for_map = ui.memory(|m| m.focused().is_none_or(|id| id == response.id));
    if keys_for_map {
        handle_keys(ui, app, bounds, map_rect);
    }

    // Hover, from the view as it is now.
    let transform = app.view.transform(bounds, map_rect);
    let hovered = pointer
        .filter(|p| map_rect.contains(*p))
        .and_then(|p| country_at(app, &app.badges, p));
    app.scene_state.hovered = hovered;

    if response.clicked() && !response.double_clicked() {
        let clicked = response
            .interact_pointer_pos()
            .filter(|p| map_rect.contains(*p))
            .and_then(|p| country_at(app, &app.badges, p));
        app.select(clicked);
    }

    let painter = ui.painter_at(rect);
    let geometry = paint_scene(
        &painter,
        rect,
        &app.model,
        &app.view,
        style,
        &app.scene_state,
        &mut app.cache,
    );
    app.badges = geometry.badges;

    if let (Some(country), Some(pointer)) = (hovered, pointer) {
        tooltip(ui.ctx(), app, country, pointer);
    }
    if hovered.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let popup_anchor = app.popup.map(|country| {
        let badge = app.badges.iter().find(|b| b.country == country);
        let point = badge.map_or_else(
            || transform.to_screen(app.model.projected.countries[country].label_point()),
            |b| b.center,
        );
        point.clamp(map_rect.min, map_rect.max)
    });
    MapOutcome { popup_anchor }
}

/// The country under screen point `p`: a badge first, then the outline containing
/// the point, then the nearest outline within reach.
fn country_at(app: &AidMapApp, badges: &[Badge], p: Pos2) -> Option<usize> {
    if let Some(badge) = badges.iter().find(|b| b.center.distance(p) <= b.radius) {
        return Some(badge.country);
    }
    let map_rect = app.last_map_rect?;
    let transform = app
        .view
        .transform(app.model.projected.world_bounds, map_rect);
    let reach = HOVER_REACH as f64 / transform.scale;
    app.model.projected.country_at(transform.to_world(p), reach)
}

fn handle_keys(ui: &egui::Ui, app: &mut AidMapApp, bounds: [f64; 4], map_rect: Rect) {
    let pressed = |key: Key| ui.input(|i| i.key_pressed(key));
    let pans = [
        (Key::ArrowLeft, vec2(KEY_PAN, 0.0)),
        (Key::ArrowRight, vec2(-KEY_PAN, 0.0)),
        (Key::ArrowUp, vec2(0.0, KEY_PAN)),
        (Key::ArrowDown, vec2(0.0, -KEY_PAN)),
    ];
    for (key, delta) in pans {
        if pressed(key) {
            app.view.pan_by(bounds, map_rect, delta);
        }
    }
    if pressed(Key::Plus) || pressed(Key::Equals) {
        app.view
            .zoom_at(bounds, map_rect, map_rect.center(), KEY_ZOOM);
    }
    if pressed(Key::Minus) {
        app.view
            .zoom_at(bounds, map_rect, map_rect.center(), 1.0 / KEY_ZOOM);
    }
    if pressed(Key::Home) {
        app.reset_view();
    }
}

fn tooltip(ctx: &egui::Context, app: &AidMapApp, country: usize, pointer: Pos2) {
    let name = &app.model.outlines.countries[country].name;
    let teams = app.model.teams_of(country);
    let detail = if teams > 0 {
        format!("{teams} {}", plural(teams, "team", "teams"))
    } else {
        match as_of(&app.model.aid) {
            Some(date) => format!("no team reported as of {date}"),
            None => "no team reported".to_string(),
        }
    };
    egui::Area::new(Id::unique("map tooltip"))
        .order(Order::Tooltip)
        .fixed_pos(pointer + vec2(14.0, 16.0))
        .pivot(Align2::LEFT_TOP)
        .constrain(true)
        .interactable(false)
        .show(ctx, |ui| {
            // egui remembers an area's size from the frame before and wraps text to it:
            // after a short tooltip ("Iran, 1 team") a longer one would break mid-word.
            // The lines never wrap; the area takes their width.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(name);
                ui.label(detail);
            });
        });
}

/// Centre the map on `country` if its label point is out of view.
pub fn ensure_visible(app: &mut AidMapApp, country: usize) {
    let Some(map_rect) = app.last_map_rect else {
        return;
    };
    let bounds = app.model.projected.world_bounds;
    let point = app.model.projected.countries[country].label_point();
    let on_screen = app.view.transform(bounds, map_rect).to_screen(point);
    if !map_rect.shrink(40.0).contains(on_screen) {
        let offset: Vec2 = map_rect.center() - on_screen;
        app.view.pan_by(bounds, map_rect, offset);
    }
}

/// Zoom to `country`.
pub fn focus_on(app: &mut AidMapApp, country: usize) {
    let Some(map_rect) = app.last_map_rect else {
        return;
    };
    let target = app.model.projected.countries[country].bounds;
    app.view
        .focus_on(app.model.projected.world_bounds, map_rect, target);
}
