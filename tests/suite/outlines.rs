//! Loading real Natural Earth outlines: codes, holes, the antimeridian, TopoJSON.

use aidmap::data::{Country, Outlines, bundled, read_outlines};
use aidmap::geometry::antimeridian::ring_crosses;
use geo::{Area, Contains, Coord, Point};

fn country<'a>(outlines: &'a Outlines, code: &str) -> &'a Country {
    outlines
        .countries
        .iter()
        .find(|c| c.iso_a3.as_deref() == Some(code))
        .unwrap_or_else(|| panic!("no {code}"))
}

fn named<'a>(outlines: &'a Outlines, name: &str) -> &'a Country {
    outlines
        .countries
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn contains(country: &Country, lon: f64, lat: f64) -> bool {
    country.shape.contains(&Point::new(lon, lat))
}

fn all_coords(country: &Country) -> impl Iterator<Item = &Coord<f64>> {
    country
        .shape
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .flat_map(|ring| ring.0.iter())
}

#[test]
fn the_bundled_50m_outlines_carry_codes_and_names() {
    let outlines = bundled::outlines().unwrap();
    assert_eq!(outlines.countries.len(), 241);
    assert_eq!(outlines.skipped.total(), 0);
    let without_codes: Vec<&str> = outlines
        .countries
        .iter()
        .filter(|c| c.iso_n3.is_none())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        without_codes,
        [
            "Somaliland",
            "Kosovo",
            "N. Cyprus",
            "Indian Ocean Ter.",
            "Siachen Glacier"
        ]
    );
    // The alpha-3 codes in the file (from i18n-iso-countries) agree with celes.
    for c in outlines.countries.iter().filter(|c| c.iso_n3.is_some()) {
        let from_numeric = aidmap::data::country_names::alpha3_of(c.iso_n3.as_ref().unwrap());
        assert_eq!(c.iso_a3, from_numeric, "{}", c.name);
    }
    assert_eq!(country(&outlines, "ITA").name, "Italy");
    assert_eq!(country(&outlines, "LAO").name, "Laos");
}

#[test]
fn the_bundled_110m_outlines_load_too() {
    let outlines = bundled::outlines_110m().unwrap();
    assert_eq!(outlines.countries.len(), 177);
}

#[test]
fn italy_has_holes_for_san_marino_and_the_vatican() {
    let outlines = bundled::outlines().unwrap();
    let italy = country(&outlines, "ITA");
    let holes: usize = italy.shape.0.iter().map(|p| p.interiors().len()).sum();
    assert!(holes >= 2, "Italy has {holes} holes");
    // San Marino's and the Vatican's land is not Italy's.
    assert!(contains(country(&outlines, "SMR"), 12.45, 43.94));
    assert!(!contains(italy, 12.45, 43.94));
    assert!(contains(italy, 12.5, 42.0));
}

#[test]
fn lesotho_is_a_hole_in_south_africa() {
    let outlines = bundled::outlines().unwrap();
    let maseru_area = (28.2, -29.6);
    assert!(contains(
        country(&outlines, "LSO"),
        maseru_area.0,
        maseru_area.1
    ));
    assert!(!contains(
        country(&outlines, "ZAF"),
        maseru_area.0,
        maseru_area.1
    ));
    assert!(contains(country(&outlines, "ZAF"), 25.0, -30.0));
}

#[test]
fn rings_across_the_antimeridian_are_cut_for_fiji_russia_and_antarctica() {
    let outlines = bundled::outlines().unwrap();
    for code in ["FJI", "RUS", "ATA"] {
        let c = country(&outlines, code);
        for polygon in &c.shape.0 {
            assert!(!ring_crosses(polygon.exterior()), "{code}");
            assert!(
                polygon.interiors().iter().all(|r| !ring_crosses(r)),
                "{code}"
            );
        }
        assert!(
            all_coords(c).all(|p| p.x.abs() <= 180.0 && p.y.abs() <= 90.0),
            "{code}"
        );
    }
    // Both halves survive the cut: Viti Levu (178° E) and the Lau Islands (179°–180° W).
    let fiji = country(&outlines, "FJI");
    assert!(contains(fiji, 178.0, -17.8));
    assert!(all_coords(fiji).any(|p| p.x < -178.0));
    // Chukotka runs past 180° to Cape Dezhnev (169.7° W), and Wrangel Island straddles it.
    let russia = country(&outlines, "RUS");
    assert!(contains(russia, -175.0, 67.0), "Chukotka east of 180°");
    assert!(
        contains(russia, 179.5, 71.3) || contains(russia, -179.5, 71.3),
        "Wrangel"
    );
    assert!(!contains(russia, 0.0, 67.0));
    // Antarctica closes through the South Pole: the polar cap is inside it.
    let antarctica = country(&outlines, "ATA");
    assert!(contains(antarctica, 0.0, -85.0));
    assert!(contains(antarctica, 179.0, -85.0) && contains(antarctica, -179.0, -85.0));
    assert!(!contains(antarctica, 0.0, -50.0));
}

#[test]
fn cutting_keeps_the_area_of_fiji_and_russia() {
    // The planar area (in square degrees) of each shape, before and after the cut: the
    // raw rings are measured after unwrapping longitudes so they do not wrap the world.
    let raw: serde_json::Value = serde_json::from_slice(bundled::OUTLINES_50M).unwrap();
    let outlines = bundled::outlines().unwrap();
    for code in ["FJI", "RUS"] {
        let feature = raw["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["iso_a3"] == code)
            .unwrap();
        let mut expected = 0.0;
        for polygon in feature["geometry"]["coordinates"].as_array().unwrap() {
            for (i, ring) in polygon.as_array().unwrap().iter().enumerate() {
                let area = unwrapped_ring_area(ring);
                expected += if i == 0 { area } else { -area };
            }
        }
        let actual = country(&outlines, code).shape.unsigned_area();
        assert!(
            (actual - expected).abs() / expected < 1e-6,
            "{code}: {actual} vs {expected}"
        );
    }
}

fn unwrapped_ring_area(ring: &serde_json::Value) -> f64 {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for p in ring.as_array().unwrap() {
        let (mut x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        if let Some(&(px, _)) = points.last() {
            while x - px > 180.0 {
                x -= 360.0;
            }
            while x - px < -180.0 {
                x += 360.0;
            }
        }
        points.push((x, y));
    }
    let twice: f64 = points
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum();
    (twice / 2.0).abs()
}

#[test]
fn world_atlas_topojson_decodes_to_the_same_countries_as_the_bundled_geojson() {
    // The bundled GeoJSON was made from this TopoJSON by topojson-client, the reference
    // decoder: our decoder must agree with it to the rounding of the bundled file.
    let topo = std::fs::read("tests/data/world-atlas-countries-110m.topojson").unwrap();
    let from_topo = read_outlines("countries-110m.json", &topo, None).unwrap();
    let from_geojson = bundled::outlines_110m().unwrap();
    assert_eq!(from_topo.countries.len(), from_geojson.countries.len());
    for (a, b) in from_topo.countries.iter().zip(&from_geojson.countries) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.iso_n3, b.iso_n3);
        assert_eq!(a.iso_a3, b.iso_a3, "{}", a.name);
        assert_eq!(a.shape.0.len(), b.shape.0.len(), "{}", a.name);
        let a_coords: Vec<&Coord<f64>> = all_coords(a).collect();
        let b_coords: Vec<&Coord<f64>> = all_coords(b).collect();
        assert_eq!(a_coords.len(), b_coords.len(), "{}", a.name);
        for (p, q) in a_coords.iter().zip(&b_coords) {
            assert!(
                (p.x - q.x).abs() < 2e-6 && (p.y - q.y).abs() < 2e-6,
                "{}: {p:?} {q:?}",
                a.name
            );
        }
    }
    // Kosovo has no ISO code in Natural Earth; its name gives the user-assigned XKX.
    // Northern Cyprus's name must not be taken for Cyprus.
    assert_eq!(named(&from_topo, "Kosovo").iso_a3.as_deref(), Some("XKX"));
    assert_eq!(named(&from_topo, "N. Cyprus").iso_a3, None);
}

#[test]
fn a_topojson_object_can_be_named() {
    let topo = std::fs::read("tests/data/world-atlas-countries-110m.topojson").unwrap();
    let land = read_outlines("countries-110m.json", &topo, Some("land")).unwrap();
    assert_eq!(land.countries.len(), 1);
    let err = read_outlines("countries-110m.json", &topo, Some("rivers")).unwrap_err();
    assert!(err.message.contains("no object 'rivers'"), "{err}");
    assert!(err.message.contains("'countries', 'land'"), "{err}");
}

#[test]
fn a_lone_feature_and_a_geometry_collection_load() {
    let feature = br#"{"type": "Feature", "id": 380, "properties": {"NAME": "Italy"},
        "geometry": {"type": "MultiPolygon", "coordinates": [[[[6.6, 45.1], [18.5, 40.1], [15.6, 38.0], [6.6, 45.1]]]]}}"#;
    let outlines = read_outlines("italy.geojson", feature, None).unwrap();
    assert_eq!(outlines.countries.len(), 1);
    assert_eq!(outlines.countries[0].iso_a3.as_deref(), Some("ITA"));

    let collection = br#"{"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        {"type": "Point", "coordinates": [5, 5]}]}"#;
    let outlines = read_outlines("shapes.geojson", collection, None).unwrap();
    assert_eq!(outlines.countries.len(), 1);
    assert_eq!(outlines.skipped.total(), 1);
}

#[test]
fn a_picture_model_keeps_every_country_and_far_fewer_points() {
    use aidmap::geometry::projection::Projection;
    use aidmap::scene::MapModel;
    let full = crate::common::bundled_model();
    // Natural Earth 1:50m drawn 400 pixels wide: most points are under a pixel apart.
    let picture = MapModel::for_picture(
        bundled::outlines().unwrap(),
        bundled::aid_data().unwrap(),
        Projection::EqualEarth,
        true,
        400.0,
    );
    let points = |model: &MapModel| -> usize {
        model
            .projected
            .countries
            .iter()
            .flat_map(|c| &c.rings)
            .map(|ring| ring.len())
            .sum()
    };
    assert!(
        points(&picture) * 3 < points(&full),
        "{} of {} points kept",
        points(&picture),
        points(&full)
    );
    // Every country still has area (San Marino, the Vatican, Nauru, Tuvalu…), and the
    // counts on the map are the same.
    for (index, (a, b)) in full
        .projected
        .countries
        .iter()
        .zip(&picture.projected.countries)
        .enumerate()
    {
        let name = &full.outlines.countries[index].name;
        assert_eq!(a.has_area(), b.has_area(), "{name}");
        assert_eq!(
            a.unfilled, b.unfilled,
            "{name}: a simplified ring left unfilled"
        );
    }
    assert_eq!(picture.drawn_totals(), full.drawn_totals());
    assert!(picture.not_shown().is_empty());
}
