//! Any ring: the bytes become a polygon's positions (pairs of 16-bit numbers spread
//! over longitude and latitude), read as GeoJSON, cut at the antimeridian, projected,
//! triangulated and given a label point. Self-crossing stars, slivers, rings that
//! double back: every one must finish in bounded time and memory.
#![no_main]
use aidmap::data::read_outlines;
use aidmap::geometry::projected::ProjectedMap;
use aidmap::geometry::projection::Projection;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some((&scale_byte, rest)) = bytes.split_first() else {
        return;
    };
    // The first byte picks a scale: whole-world rings down to slivers of 1e-7°.
    let scale = 10f64.powi(-((scale_byte % 10) as i32));
    let positions: Vec<String> = rest
        .chunks_exact(4)
        .map(|c| {
            let x = i16::from_le_bytes([c[0], c[1]]) as f64 / i16::MAX as f64;
            let y = i16::from_le_bytes([c[2], c[3]]) as f64 / i16::MAX as f64;
            format!("[{},{}]", (x * 180.0 * scale).clamp(-180.0, 180.0), (y * 90.0 * scale).clamp(-90.0, 90.0))
        })
        .collect();
    let Some(first) = positions.first() else {
        return;
    };
    let ring = format!("[{},{}]", positions.join(","), first);
    let geojson = format!(
        r#"{{"type":"Feature","properties":{{"name":"Italy"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}"#
    );
    if let Ok(outlines) = read_outlines("fuzz.geojson", geojson.as_bytes(), None) {
        for projection in [Projection::EqualEarth, Projection::Mercator] {
            let map = ProjectedMap::new(&outlines.shapes(), projection);
            for country in &map.countries {
                let [x, y] = country.label_point();
                assert!(x.is_finite() && y.is_finite());
            }
        }
    }
});
