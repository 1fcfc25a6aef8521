//! Geometry on longitude/latitude shapes: pure functions, no drawing, no files.

pub mod antimeridian;
pub mod great_circle;
pub mod projected;
pub mod projection;
pub mod strips;
pub mod triangulate;
