//! The eframe window: a menu bar, the recipients panel, the map with hover, click
//! pop-ups, pan and zoom. The map is a widget (`map_widget`: its memory, and a `ui` that
//! returns what happened); the menus and the side panel return actions; `app` applies
//! them in one place and owns the state tests drive. None of them imports `app`.
//! Composing and painting the picture is `scene`'s job.

mod app;
mod arc_hover;
mod captions_panel;
mod data_table;
pub mod export;
mod export_animation;
mod files;
pub mod map_widget;
pub mod menus;
mod popup;
pub mod screenshot;
pub mod settings;
mod side_panel;
mod timeline;

pub use app::{AidMapApp, AppOptions};
pub use files::FileKind;
pub use side_panel::SortColumn;
