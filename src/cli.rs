//! The command line: `aidmap` opens the window; `aidmap check` reports on files.
//! Parsing only (clap); what each command does lives in its own module.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::Limits;
use crate::geometry::projection::Projection;
use crate::scene::style::ThemeChoice;

/// A desktop map of where aid went.
#[derive(Debug, Parser)]
#[command(name = "aidmap", version, about)]
pub struct Cli {
    /// Files to load instead of the bundled ones.
    #[command(flatten)]
    pub inputs: Inputs,
    /// How the window starts.
    #[command(flatten)]
    pub window: WindowArgs,
    /// What to do; without a command, the map window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the map window.
#[derive(Debug, Args, Clone, Default)]
pub struct WindowArgs {
    /// Save the window's first fully drawn frame as PNG to FILE, then exit.
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// The projection to start in (default: the last session's, else equal-earth).
    #[arg(long, value_enum)]
    pub projection: Option<ProjectionArg>,
    /// The theme to start in (default: the last session's, else system).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// The window's size in points, as WIDTHxHEIGHT (default: the last session's,
    /// else 1400x860).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Start as on a first run: neither read nor keep the remembered settings.
    #[arg(long)]
    pub fresh: bool,
}

/// A projection on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ProjectionArg {
    /// Equal Earth (the default).
    #[default]
    EqualEarth,
    /// Natural Earth I.
    NaturalEarth,
    /// Equirectangular (plate carrée).
    Equirectangular,
    /// Mercator, clipped at ±85°.
    Mercator,
}

impl From<ProjectionArg> for Projection {
    fn from(arg: ProjectionArg) -> Self {
        match arg {
            ProjectionArg::EqualEarth => Projection::EqualEarth,
            ProjectionArg::NaturalEarth => Projection::NaturalEarth1,
            ProjectionArg::Equirectangular => Projection::Equirectangular,
            ProjectionArg::Mercator => Projection::Mercator,
        }
    }
}

/// A theme on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ThemeArg {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl From<ThemeArg> for ThemeChoice {
    fn from(arg: ThemeArg) -> Self {
        match arg {
            ThemeArg::System => ThemeChoice::System,
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }
    }
}

/// Parse a `YYYY-MM-DD` day, refusing days the calendar has not got.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::data::date::parse(text)
}

/// Parse "1400x860".
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{text}' is not WIDTHxHEIGHT"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<f32>()
            .ok()
            .filter(|n| (200.0..=10000.0).contains(n))
            .ok_or_else(|| format!("'{v}' is not a size between 200 and 10000"))
    };
    Ok([parse(w)?, parse(h)?])
}

/// The files every command reads.
#[derive(Debug, Args, Clone)]
pub struct Inputs {
    /// Country outlines: GeoJSON, TopoJSON, or a shapefile (its .zip as downloaded, or
    /// the .shp with its .dbf beside it) (default: bundled Natural Earth 1:50m).
    #[arg(long, global = true, value_name = "FILE")]
    pub countries: Option<PathBuf>,
    /// Aid data: aidmap JSON or CSV (default: the bundled 2020 data set).
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The TopoJSON object to read (default: the first with polygons), or the shapefile
    /// to read from a zip that holds several.
    #[arg(long, global = true, value_name = "NAME")]
    pub object: Option<String>,
    /// Refuse outline and data files larger than this many MiB.
    #[arg(long, global = true, value_name = "MIB", default_value_t = 128)]
    pub max_file_size: u64,
    /// Refuse outline files with more vertices than this.
    #[arg(long, global = true, value_name = "N", default_value_t = 5_000_000)]
    pub max_vertices: usize,
}

impl Inputs {
    /// Options that only make sense with others: an error says which.
    pub fn validate(&self) -> Result<(), String> {
        if let (Some(name), None) = (&self.object, &self.countries) {
            return Err(format!(
                "--object {name} picks an object of a TopoJSON file given with --countries; \
                 the bundled outlines are GeoJSON"
            ));
        }
        Ok(())
    }

    /// The loading limits these options set.
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size.saturating_mul(1024 * 1024),
            max_vertices: self.max_vertices,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the files, join them and report what was read and what did not join.
    /// Exit status: 0 all joined, 1 some entries did not join, 2 a file is invalid.
    Check,
    /// Draw the map to a picture (PNG, SVG, PDF) or an animation (GIF, APNG, MP4)
    /// without opening a window.
    Export(Box<ExportArgs>),
}

/// Options of `aidmap export`.
#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// The file to write: .png, .svg or .pdf (one picture), .gif, .apng or .mp4 (an
    /// animation, one frame a day; .mp4 needs ffmpeg).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Width in logical pixels.
    #[arg(long, default_value_t = 1600.0)]
    pub width: f32,
    /// Height in logical pixels.
    #[arg(long, default_value_t = 800.0)]
    pub height: f32,
    /// Pixels per logical pixel of a PNG (default 1; 2 for a sharp picture on a
    /// high-density screen). An SVG has no pixels: it is an error there.
    #[arg(long)]
    pub scale: Option<f32>,
    /// The projection.
    #[arg(long, value_enum, default_value_t = ProjectionArg::EqualEarth)]
    pub projection: ProjectionArg,
    /// Light or dark.
    #[arg(long, value_enum, default_value_t = ExportTheme::Light)]
    pub theme: ExportTheme,
    /// Select (outline) a country, by name or code.
    #[arg(long, value_name = "CODE")]
    pub select: Option<String>,
    /// With --select: draw its card (the pop-up's facts and quotes) too, in every format.
    #[arg(long, requires = "select")]
    pub popup: bool,
    /// Draw the map as it stood on this day (teams that had arrived by its end).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Animation: the first day (default: the first arrival).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Animation: the last day (default: the data's claim date, or its last arrival).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Animation: days from one frame to the next (default 1).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub step_days: Option<u32>,
    /// Animation: frames per second (default 4).
    #[arg(long, allow_negative_numbers = true)]
    pub fps: Option<f32>,
    /// Animation: seconds the last frame stays (default 2).
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub hold: Option<f32>,
    /// Draw the arcs from each team's sender to where it arrived (the default where
    /// the data says where teams came from).
    #[arg(long, overrides_with = "no_flows")]
    pub flows: bool,
    /// Leave the arcs out.
    #[arg(long, overrides_with = "flows")]
    pub no_flows: bool,
    /// What the arcs' widths stand for: teams (the default) or members (arcs whose
    /// members are not reported are dashed).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub flow_width: Option<FlowWidthArg>,
    /// The recipients' fills: orange-red (the theme's), viridis, cividis or blues
    /// (colour-blind safe), greens.
    #[arg(long, value_name = "NAME", value_parser = parse_palette)]
    pub palette: Option<crate::scene::palette::Palette>,
    /// What the recipients' fills stand for: teams (the default) or members (a
    /// country whose members are not all reported is grey, and the legend says so).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub value: Option<ValueArg>,
    /// Country names on the map: none, recipients (the default) or all (every
    /// country the picture gives room; none covers another or a badge).
    #[arg(long, value_enum, value_name = "WHICH")]
    pub labels: Option<LabelsArg>,
    /// No background outside the map (PNG, SVG, PDF): for a slide's own. The title,
    /// legend and footer keep a panel behind them.
    #[arg(long)]
    pub transparent: bool,
    /// The picture's title (default: the data's own, or a CSV's file name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// A subtitle, set before aidmap's counts and date (which stay).
    #[arg(long, value_name = "TEXT")]
    pub subtitle: Option<String>,
    /// A line above the source line.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Draw only the teams of this donor (a country the data's `from` or provider
    /// names, by code or name).
    #[arg(long, value_name = "COUNTRY")]
    pub donor: Option<String>,
    /// Write nothing and exit with status 1 when some of the data is not on the map
    /// (instead of a warning and a note on the picture).
    #[arg(long)]
    pub strict: bool,
}

/// A palette by its name (`--palette viridis`).
fn parse_palette(name: &str) -> Result<crate::scene::palette::Palette, String> {
    use crate::scene::palette::Palette;
    Palette::named(name).ok_or_else(|| {
        let names: Vec<&str> = Palette::ALL.iter().map(|p| p.name()).collect();
        format!(
            "no palette is called \"{name}\" (there are: {})",
            names.join(", ")
        )
    })
}

/// What the fills stand for, as `--value` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValueArg {
    /// Teams.
    Teams,
    /// Members.
    Members,
}

impl From<ValueArg> for crate::scene::fill_value::FillValue {
    fn from(arg: ValueArg) -> Self {
        use crate::scene::fill_value::FillValue;
        match arg {
            ValueArg::Teams => FillValue::Teams,
            ValueArg::Members => FillValue::Members,
        }
    }
}

/// Which countries are named, as `--labels` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LabelsArg {
    /// No names.
    None,
    /// The recipients' names.
    Recipients,
    /// Every country's name, as the picture gives room.
    All,
}

impl From<LabelsArg> for crate::scene::label_choice::LabelChoice {
    fn from(arg: LabelsArg) -> Self {
        use crate::scene::label_choice::LabelChoice;
        match arg {
            LabelsArg::None => LabelChoice::None,
            LabelsArg::Recipients => LabelChoice::Recipients,
            LabelsArg::All => LabelChoice::All,
        }
    }
}

/// What the arcs' widths stand for, as `--flow-width` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlowWidthArg {
    /// The teams each arc stands for.
    Teams,
    /// The people in them.
    Members,
}

impl From<FlowWidthArg> for crate::scene::arcs::FlowWidth {
    fn from(arg: FlowWidthArg) -> Self {
        match arg {
            FlowWidthArg::Teams => Self::Teams,
            FlowWidthArg::Members => Self::Members,
        }
    }
}

/// The theme of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportTheme {
    /// Light (the default).
    #[default]
    Light,
    /// Dark.
    Dark,
}
