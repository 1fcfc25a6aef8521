//! The picture of the map as data: for one model, view, size, theme and set of options,
//! [`compose`] builds a display list ([`display`]) of the sea, the countries, the
//! hover and selection outlines, the badges, the title, the legend, the footer and the
//! card, in groups that say what they are. Every position, size and colour is decided
//! here, once. The back-ends only draw the list: [`egui_painter`] (the window and the
//! PNG), and the SVG and PDF writers in `export`. Input handling and panels live in
//! `ui`, not here.

pub mod arc_style;
pub mod arcs;
pub mod badge_items;
pub mod badges;
pub mod captions;
pub mod card;
pub mod card_placement;
pub mod classes;
pub mod compose;
pub mod compose_text;
pub mod damage;
pub mod data_rows;
pub mod display;
pub mod donors;
pub mod drawn;
pub mod egui_painter;
pub mod export_card;
pub mod fill_value;
pub mod flows;
pub mod fonts;
pub mod label_choice;
pub mod labels;
pub mod layout;
pub mod legend;
pub mod mesh_cache;
pub mod model;
mod model_build;
pub mod palette;
pub mod screen;
pub mod style;
pub mod text;
pub mod view;
pub mod wrap;

pub use compose::{SceneState, compose};
pub use egui_painter::paint_scene;
pub use mesh_cache::SceneCache;
pub use model::MapModel;
pub use model_build::has_origins;
pub use style::MapStyle;
pub use view::MapView;
