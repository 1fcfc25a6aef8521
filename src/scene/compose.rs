//! Composing the picture: for one model, view, size, theme and set of options, the
//! display list every back-end draws, and where things ended up (for hit-testing and
//! for placing the card). The map's layers are here; the words around it (title,
//! legend, source line, card) are in `compose_text`.

use egui::{Color32, Pos2, Rect, Stroke, vec2};

pub use crate::scene::badge_items::badge_layout;
use crate::scene::badge_items::{badge_items, badges_for, country_code};
use crate::scene::badges::Placed;
use crate::scene::compose_text::{card_items, footer_items, header_items, legend_items};
use crate::scene::display::{DisplayList, Group, Primitive, ROW_HEIGHT};
pub use crate::scene::drawn::SceneGeometry;
use crate::scene::export_card::{Measure, card_for};
use crate::scene::flows::flow_items;
use crate::scene::labels::{label_items, place_labels};
use crate::scene::layout::Layout;
use crate::scene::legend::legend_layout;
use crate::scene::mesh_cache::SceneCache;
use crate::scene::model::MapModel;
use crate::scene::screen::{BORDER_TOLERANCE, screen_ring, world_outline};
use crate::scene::style::MapStyle;
use crate::scene::view::{MapView, ScreenTransform};

/// Width of the hover outline, in points (at layout scale 1 or less).
const HOVER_WIDTH: f32 = 1.6;
/// Width of the selection outline: thin enough that a small country's fill, which
/// says how many teams it got, still shows inside it.
const SELECTED_WIDTH: f32 = 1.6;
/// Width of the outline of a country a team arrived in on the day shown: thin, so a
/// small country's fill (its count's shade) still shows; its badge's ring says it
/// louder.
const ARRIVAL_WIDTH: f32 = 1.2;
/// Width of the world's edge around the sea.
const OCEAN_EDGE_WIDTH: f32 = 1.0;

/// What the user is pointing at and has chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SceneState {
    /// The country under the pointer.
    pub hovered: Option<usize>,
    /// The selected country.
    pub selected: Option<usize>,
}

/// How the countries are filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FillMode {
    /// One tessellated mesh (fills and borders), cached per zoom: for the window and
    /// the PNG, at this many pixels per point.
    Mesh {
        /// Pixels per point of the picture.
        pixels_per_point: f32,
    },
    /// One area per country, with its name and code: for the SVG and the PDF.
    Paths,
}

/// One picture to compose.
#[derive(Debug, Clone)]
pub struct SceneRequest {
    /// Where the picture goes, in points.
    pub rect: Rect,
    /// Which part of the map.
    pub view: MapView,
    /// Colours and widths.
    pub style: MapStyle,
    /// Hovered and selected countries.
    pub state: SceneState,
    /// Add the selected country's card.
    pub card: bool,
    /// Countries as a mesh or as areas.
    pub fills: FillMode,
    /// No background: the picture goes over a slide's own (a PNG's pixels outside the
    /// map are transparent); the header and footer get a panel to stay readable.
    pub transparent: bool,
}

/// A composed picture.
pub struct Scene {
    /// What to draw.
    pub list: DisplayList,
    /// Where things are.
    pub geometry: SceneGeometry,
}

/// Compose the picture asked for by `request`; `measure` gives text widths in the
/// picture's font.
pub fn compose(
    model: &MapModel,
    request: &SceneRequest,
    cache: &mut SceneCache,
    measure: Measure<'_>,
) -> Scene {
    let (layout, transform, placed) = place(model, request, cache);
    let style = &request.style;
    let mut list = DisplayList::new(request.rect);
    if !request.transparent {
        list.draw(Primitive::Rect {
            rect: request.rect,
            corner_radius: 0.0,
            fill: style.background,
            stroke: Stroke::NONE,
        });
    }
    let badges = placed.badges;
    // Laid out once: the names keep clear of its frame, and it is drawn after the map.
    let legend = legend_layout(model, style, &layout, |text: &str, size: f32| {
        vec2(measure(text, size), size * ROW_HEIGHT)
    });
    let keep_clear = [legend.frame];
    let labels = place_labels(model, &transform, &layout, &badges, &keep_clear, measure);
    let mut arcs = Vec::new();
    list.group(Group::Map { clip: layout.map }, |list| {
        map_items(list, model, request, cache, &layout, &transform);
        arcs = flow_items(list, model, style, &layout, &transform, &badges);
        badge_items(list, model, &badges, style, &layout);
        label_items(list, &labels, style);
    });
    header_items(
        &mut list,
        model,
        style,
        &layout,
        measure,
        request.transparent,
    );
    let legend = legend_items(&mut list, legend, style, &layout);
    footer_items(
        &mut list,
        model,
        style,
        &layout,
        measure,
        (placed.crowded, request.transparent),
    );
    let geometry = SceneGeometry {
        layout,
        transform,
        badges,
        arcs,
        legend,
        labels,
    };
    if request.card
        && let Some(country) = request.state.selected
    {
        let card = card_for(model, country, &geometry, style, measure);
        card_items(&mut list, &card, country_code(model, country));
    }
    Scene { list, geometry }
}

/// The layout, the transform and the badges. Where some badges find no room, the
/// footer takes a line more to say so, and the badges are placed again on the map
/// that is left.
fn place(
    model: &MapModel,
    request: &SceneRequest,
    cache: &mut SceneCache,
) -> (Layout, ScreenTransform, Placed) {
    let notes = Layout::note_lines(request.rect, model);
    let mut place_with = |layout: Layout| {
        let bounds = model.projected.world_bounds;
        let transform = request.view.transform(bounds, layout.map);
        let placed = cache.badges(model, &request.view, layout.map, || {
            badges_for(model, &transform, &layout)
        });
        (layout, transform, placed)
    };
    let first = place_with(Layout::with_notes(request.rect, notes));
    if first.2.crowded == 0 {
        return first;
    }
    place_with(Layout::with_notes(request.rect, notes + 1))
}

/// The sea, the countries, and the hover and selection outlines.
fn map_items(
    list: &mut DisplayList,
    model: &MapModel,
    request: &SceneRequest,
    cache: &mut SceneCache,
    layout: &Layout,
    transform: &ScreenTransform,
) {
    let style = &request.style;
    list.group(Group::Ocean, |list| {
        list.draw(Primitive::Area {
            rings: vec![world_outline(model, transform)],
            fill: style.ocean,
            stroke: Stroke::new(OCEAN_EDGE_WIDTH, style.land),
        });
    });
    // A vector picture may be enlarged, so its rings keep twice the detail.
    let tolerance = match request.fills {
        FillMode::Mesh { pixels_per_point } => {
            let mesh = cache.mesh(model, &request.view, layout.map, style, pixels_per_point);
            list.group(Group::Countries, |list| list.draw(Primitive::Mesh(mesh)));
            BORDER_TOLERANCE
        }
        FillMode::Paths => {
            list.group(Group::Countries, |list| {
                country_areas(list, model, style, transform);
            });
            BORDER_TOLERANCE / 2.0
        }
    };
    let outline = |list: &mut DisplayList, country: usize, color: Color32, width: f32| {
        list.draw(Primitive::Area {
            rings: screen_rings(model, country, transform, tolerance),
            fill: Color32::TRANSPARENT,
            stroke: Stroke::new(width * layout.scale.max(1.0), color),
        });
    };
    for &country in model.arrivals_today() {
        let code = country_code(model, country);
        list.group(Group::Arrived { code }, |list| {
            outline(list, country, style.arrival, ARRIVAL_WIDTH);
        });
    }
    let state = request.state;
    if let Some(hovered) = state.hovered.filter(|h| Some(*h) != state.selected) {
        list.group(Group::Hovered, |list| {
            outline(list, hovered, style.hover, HOVER_WIDTH);
        });
    }
    if let Some(selected) = state.selected {
        let code = country_code(model, selected);
        list.group(Group::Selected { code }, |list| {
            outline(list, selected, style.selected, SELECTED_WIDTH);
        });
    }
}

/// Every country as its own area, with its name, code and teams.
fn country_areas(
    list: &mut DisplayList,
    model: &MapModel,
    style: &MapStyle,
    transform: &ScreenTransform,
) {
    let border = Stroke::new(style.border_width, style.border);
    for (index, country) in model.outlines.countries.iter().enumerate() {
        let group = Group::Country {
            index,
            name: country.name.clone(),
            code: country_code(model, index),
            teams: model.teams_of(index),
        };
        let rings = screen_rings(model, index, transform, BORDER_TOLERANCE / 2.0);
        list.group(group, |list| {
            list.draw(Primitive::Area {
                rings,
                fill: model.fill_of(index, style),
                stroke: border,
            });
        });
    }
}

/// The rings of `country` on screen, each with at least three points.
fn screen_rings(
    model: &MapModel,
    country: usize,
    transform: &ScreenTransform,
    tolerance: f32,
) -> Vec<Vec<Pos2>> {
    model.projected.countries[country]
        .rings
        .iter()
        .map(|ring| screen_ring(ring, transform, tolerance))
        .filter(|ring| ring.len() >= 3)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;
    use crate::geometry::projection::Projection;
    use crate::scene::display::{Item, ROW_HEIGHT};
    use crate::scene::fonts::FontMeasure;

    fn bundled_model() -> MapModel {
        MapModel::new(
            bundled::outlines().unwrap(),
            bundled::aid_data().unwrap(),
            Projection::EqualEarth,
            true,
        )
    }

    fn vector_scene(model: &MapModel, size: egui::Vec2, fonts: &FontMeasure) -> Scene {
        let request = SceneRequest {
            rect: Rect::from_min_size(Pos2::ZERO, size),
            view: MapView::default(),
            style: MapStyle::light(),
            state: SceneState::default(),
            card: false,
            fills: FillMode::Paths,
            transparent: false,
        };
        let measure = |text: &str, size: f32| fonts.width(text, size);
        compose(model, &request, &mut SceneCache::default(), &measure)
    }

    /// Every text of the picture at `size`, as drawn: inside the picture, the header's
    /// inside the header, the footer's inside the footer, and no two overlapping.
    fn check_texts(model: &MapModel, size: egui::Vec2, fonts: &FontMeasure) {
        let scene = vector_scene(model, size, fonts);
        let layout = scene.geometry.layout;
        let boxes: Vec<(&Group, Rect)> = scene
            .list
            .texts()
            .into_iter()
            .filter_map(|(group, run)| {
                let extent = egui::vec2(fonts.width(&run.text, run.size), ROW_HEIGHT * run.size);
                Some((group?, run.anchor.anchor_size(run.pos, extent)))
            })
            .collect();
        for (group, rect) in &boxes {
            let band = match group {
                Group::Title | Group::Subtitle => layout.header,
                Group::NotShown | Group::Note | Group::Source => layout.footer,
                _ => layout.map,
            };
            assert!(
                band.expand(0.5).contains_rect(*rect),
                "{size:?}: {group:?} at {rect:?} leaves {band:?}"
            );
        }
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                let same_badge =
                    matches!(a, Group::Badge { .. }) && matches!(b, Group::Badge { .. });
                if a != b && !same_badge {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{size:?}: {a:?} overlaps {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_text_is_clipped_or_overlapping_from_240x700_to_4000x2000() {
        let model = bundled_model();
        let fonts = FontMeasure::default();
        for (w, h) in [
            (240.0, 700.0),
            (380.0, 420.0),
            (800.0, 400.0),
            (1600.0, 800.0),
            (1400.0, 860.0),
            (4000.0, 2000.0),
        ] {
            check_texts(&model, egui::vec2(w, h), &fonts);
        }
    }

    #[test]
    fn badges_stay_on_the_map_off_the_legend_and_off_each_other() {
        let model = bundled_model();
        let fonts = FontMeasure::default();
        for (w, h) in [
            (240.0, 700.0),
            (800.0, 400.0),
            (1600.0, 800.0),
            (4000.0, 2000.0),
        ] {
            let geometry = vector_scene(&model, egui::vec2(w, h), &fonts).geometry;
            let badges = &geometry.badges;
            assert_eq!(badges.len(), 10);
            assert!(geometry.layout.map.contains_rect(geometry.legend));
            for (i, badge) in badges.iter().enumerate() {
                assert!(geometry.layout.map.contains_rect(badge.rect()), "{w}x{h}");
                assert!(!badge.rect().intersects(geometry.legend), "{w}x{h}");
                for other in &badges[i + 1..] {
                    assert!(badge.center.distance(other.center) >= badge.radius + other.radius);
                }
            }
        }
    }

    #[test]
    fn a_vector_picture_has_every_country_once_with_its_code_and_teams() {
        let model = bundled_model();
        let scene = vector_scene(&model, egui::vec2(1600.0, 800.0), &FontMeasure::default());
        let countries: Vec<&Group> = scene
            .list
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Begin(group @ Group::Country { .. }) => Some(group),
                _ => None,
            })
            .collect();
        assert_eq!(countries.len(), model.outlines.countries.len());
        let italy = countries
            .iter()
            .find(|g| matches!(g, Group::Country { code, .. } if code == "ITA"));
        assert!(matches!(italy, Some(Group::Country { teams: 3, .. })));
        let begins = scene
            .list
            .items
            .iter()
            .filter(|i| matches!(i, Item::Begin(_)))
            .count();
        let ends = scene
            .list
            .items
            .iter()
            .filter(|i| matches!(i, Item::End))
            .count();
        assert_eq!(begins, ends, "every group is closed");
    }
}
