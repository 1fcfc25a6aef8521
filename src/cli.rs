//! The command line: `aidmap` opens the window; `aidmap check` reports on files.
//! Parsing only (clap); what each command does lives in its own module.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// A desktop map of where aid went.
#[derive(Debug, Parser)]
#[command(name = "aidmap", version, about)]
pub struct Cli {
    /// Files to load instead of the bundled ones.
    #[command(flatten)]
    pub inputs: Inputs,
    /// What to do; without a command, the map window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The files every command reads.
#[derive(Debug, Args, Clone, Default)]
pub struct Inputs {
    /// Country outlines: GeoJSON or TopoJSON (default: bundled Natural Earth 1:50m).
    #[arg(long, global = true, value_name = "FILE")]
    pub countries: Option<PathBuf>,
    /// Aid data: aidmap JSON or CSV (default: the bundled 2020 data set).
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The TopoJSON object to read (default: the first with polygons).
    #[arg(long, global = true, value_name = "NAME")]
    pub object: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the files, join them and report what was read and what did not join.
    /// Exit status: 0 all joined, 1 some entries did not join, 2 a file is invalid.
    Check,
}
