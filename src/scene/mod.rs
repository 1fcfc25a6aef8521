//! The picture of the map for one view: fills, borders, highlighted recipients, team
//! badges, title, legend and source line, painted with epaint shapes. The window, the
//! tests and (later) the exports all paint through here, so what you see is what you
//! export. Input handling and panels live in `ui`, not here.

pub mod badges;
pub mod card;
pub mod card_paint;
pub mod card_placement;
pub mod classes;
pub mod export_card;
pub mod fonts;
pub mod layout;
pub mod legend;
pub mod mesh_cache;
pub mod model;
pub mod paint;
pub mod style;
pub mod text;
pub mod view;
pub mod wrap;

pub use mesh_cache::SceneCache;
pub use model::MapModel;
pub use paint::{SceneState, paint_scene};
pub use style::MapStyle;
pub use view::MapView;
