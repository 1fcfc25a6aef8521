//! Any bytes given as a GeoJSON outline file: an error or outlines, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = aidmap::data::read_outlines("fuzz.geojson", bytes, None);
});
