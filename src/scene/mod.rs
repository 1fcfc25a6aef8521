//! The picture of the map for one view: fills, borders, highlighted recipients, team
//! badges, title, legend and source line, painted with epaint shapes. The window, the
//! tests and (later) the exports all paint through here, so what you see is what you
//! export. Input handling and panels live in `ui`, not here.

pub mod badges;
pub mod card;
pub mod card_placement;
pub mod classes;
pub mod compose;
pub mod compose_text;
pub mod display;
pub mod drawn;
pub mod egui_painter;
pub mod export_card;
pub mod fonts;
pub mod layout;
pub mod legend;
pub mod mesh_cache;
pub mod model;
pub mod screen;
pub mod style;
pub mod text;
pub mod view;
pub mod wrap;

pub use compose::{SceneState, compose};
pub use egui_painter::paint_scene;
pub use mesh_cache::SceneCache;
pub use model::MapModel;
pub use style::MapStyle;
pub use view::MapView;
