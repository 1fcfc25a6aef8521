//! Everything aidmap reads: country outlines (GeoJSON, TopoJSON, shapefiles), aid data sets (JSON,
//! CSV), and how the two join. No drawing here, and no egui.

pub mod aid;
pub mod aid_csv;
mod aid_grouping;
pub mod aid_json;
mod aid_places;
pub mod aid_reader;
pub mod bundled;
pub mod country_names;
pub mod date;
pub mod gazetteer;
mod geojson_reader;
pub mod join;
mod looked_up;
pub mod matcher;
pub mod outline;
pub mod outline_reader;
pub mod place_lookup;
pub mod places;
pub mod properties;
pub mod shapefile_files;
mod shapefile_reader;
pub mod text;
pub mod timeline;
mod topojson_reader;

pub use aid::AidDataset;
pub use aid_reader::{load_aid, load_aid_within, read_aid};
pub use join::{Join, JoinIssue, join, merge_message, merge_same_outline};
pub use outline::{Country, Limits, Outlines};
pub use outline_reader::{
    load_outlines, load_outlines_within, read_outlines, read_outlines_within,
};
pub use timeline::Timeline;
