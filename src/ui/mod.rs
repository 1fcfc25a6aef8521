//! The eframe window: a menu bar, the recipients panel, the map with hover, click
//! pop-ups, pan and zoom. Each panel is a module with its own `ui` function; `app`
//! composes them and owns the state tests drive. Painting the map is `scene`'s job.

mod app;
pub mod export;
mod files;
mod map_panel;
mod menus;
mod popup;
pub mod screenshot;
mod side_panel;

pub use app::{AidMapApp, AppOptions, ThemeChoice};
pub use files::FileKind;
pub use popup::ui as country_popup;
pub use side_panel::SortColumn;
