//! Any CSV that reads, joined to the bundled 1:110m outlines, and the map model built
//! from the two (projection, triangulation, classes).
#![no_main]
use std::sync::OnceLock;

use aidmap::data::{Outlines, bundled, join};
use libfuzzer_sys::fuzz_target;

fn outlines() -> &'static Outlines {
    static OUTLINES: OnceLock<Outlines> = OnceLock::new();
    OUTLINES.get_or_init(|| bundled::outlines_110m().expect("bundled outlines load"))
}

fuzz_target!(|bytes: &[u8]| {
    if let Ok(aid) = aidmap::data::aid_csv::read_aid_csv("fuzz.csv", bytes) {
        let joined = join(outlines(), &aid);
        assert_eq!(joined.matches.len(), aid.destinations.len());
        let _ = aid.summary();
    }
});
