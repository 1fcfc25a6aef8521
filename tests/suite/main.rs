//! aidmap's tests, in one binary (one link instead of twenty on a two-core machine):
//! each module tests one part the way a user meets it, through the library, the
//! `aidmap` command or the real window driven by egui_kittest. `common` holds what they
//! share.

mod animation;
mod bad_inputs;
mod bounded;
mod bundled_data;
mod captions;
mod check_command;
mod common;
mod corpus;
mod donors;
mod export;
mod fill_value;
mod flows;
mod fuzz_cases;
mod hit_testing;
mod hostile_places;
mod labels;
mod matching;
mod outlines;
mod places;
mod projections;
mod properties;
mod settings;
mod shapefiles;
mod trust;
mod window_export;
mod window_files;
mod window_list;
mod window_map;
mod window_popup;
mod window_snapshots;
mod window_timeline;
