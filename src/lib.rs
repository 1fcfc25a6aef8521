//! aidmap: a desktop map of where aid went.
//!
//! The layers import one way, each only from those before it:
//! [`geometry`] (shapes, projections) ← [`error`] ← [`data`] (outlines, aid data, the
//! join) ← [`scene`] (the picture as a display list) ← [`export`] (PNG, SVG, PDF) ←
//! [`ui`] (the window) ← [`check`], [`cli`] and the binary. A test (`layering`) reads
//! the sources and fails on an import against the grain or a circle between modules.

#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod check;
pub mod cli;
pub mod data;
pub mod error;
pub mod export;
pub mod geometry;
pub mod scene;
pub mod ui;

#[cfg(test)]
mod layering;

pub use error::{LoadError, Location};
