//! Any bytes as aid data in CSV.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = aidmap::data::aid_csv::read_aid_csv("fuzz.csv", bytes);
});
