//! Where the parts of a composed picture ended up: its layout, the transform from
//! projected coordinates to the screen, the badges as placed and the legend's frame.
//! The window hit-tests with it; the card is placed with it.

use egui::Rect;

use crate::scene::badges::Badge;
use crate::scene::flows::DrawnArc;
use crate::scene::layout::Layout;
use crate::scene::view::ScreenTransform;

/// What was drawn where, for turning pointer positions back into countries.
#[derive(Debug, Clone)]
pub struct SceneGeometry {
    /// Where the parts of the picture are.
    pub layout: Layout,
    /// Projected coordinates to screen points.
    pub transform: ScreenTransform,
    /// The badges as placed.
    pub badges: Vec<Badge>,
    /// The arcs as drawn.
    pub arcs: Vec<DrawnArc>,
    /// The legend's frame.
    pub legend: Rect,
    /// The countries' names as placed.
    pub labels: Vec<crate::scene::labels::PlacedLabel>,
}
