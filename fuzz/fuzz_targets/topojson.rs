//! Any bytes as the body of a TopoJSON topology (arcs, objects, transform), so the
//! fuzzer spends its time inside the TopoJSON decoder; also the raw bytes alone.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = aidmap::data::read_outlines("fuzz.topojson", bytes, None);
    if let Ok(body) = std::str::from_utf8(bytes) {
        let wrapped = format!("{{\"type\":\"Topology\",{body}}}");
        let _ = aidmap::data::read_outlines("fuzz.topojson", wrapped.as_bytes(), Some("countries"));
        let _ = aidmap::data::read_outlines("fuzz.topojson", wrapped.as_bytes(), None);
    }
});
