//! Any bytes as an aidmap aid data file (JSON).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = aidmap::data::aid_json::read_aid_json("fuzz.json", bytes);
});
