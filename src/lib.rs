//! aidmap: a desktop map of where aid went.
//!
//! Data flows one way: files → [`data`] (outlines, aid data, the join) →
//! [`geometry`] → the window ([`ui`]). The command line ([`cli`]) drives the same
//! pieces without a window, e.g. `aidmap check`.

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
