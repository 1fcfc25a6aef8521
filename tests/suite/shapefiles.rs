//! Shapefiles as Natural Earth users download them: the zip (made by
//! tests/data/build_shapefiles.py with GDAL from the bundled 1:110m outlines), the
//! `.shp` with its siblings, the `.cpg`'s encoding, a projected `.prj` refused, and
//! broken or hostile archives refused with the file named.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use aidmap::data::{Limits, load_outlines, load_outlines_within};
use geo::{Contains, Point};

use crate::common::{repo_file, run_command};

const NE_ZIP: &str = "tests/data/shapefile/ne_110m_admin_0_countries.zip";
const LATIN1_ZIP: &str = "tests/data/shapefile/latin1_countries.zip";

/// The entries of a zip: (name, bytes), in order.
fn entries(zip_path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// Write `entries` as a zip at `path`.
fn write_zip(path: &Path, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();
    path.to_path_buf()
}

/// The Natural Earth zip's entries with `change` applied to each.
fn altered_zip(
    dir: &Path,
    name: &str,
    mut change: impl FnMut(&str, Vec<u8>) -> Option<(String, Vec<u8>)>,
) -> PathBuf {
    let changed: Vec<(String, Vec<u8>)> = entries(&repo_file(NE_ZIP))
        .into_iter()
        .filter_map(|(entry, bytes)| change(&entry, bytes))
        .collect();
    write_zip(&dir.join(name), &changed)
}

#[test]
fn natural_earths_zip_reads_as_its_geojson_does() {
    let from_zip = load_outlines(&repo_file(NE_ZIP), None).unwrap();
    let from_geojson = load_outlines(&repo_file("assets/countries-110m.geojson"), None).unwrap();
    assert_eq!(from_zip.countries.len(), 177);
    assert_eq!(from_zip.vertex_count(), from_geojson.vertex_count());
    for (shp, json) in from_zip.countries.iter().zip(&from_geojson.countries) {
        assert_eq!(shp.name, json.name);
        assert_eq!(shp.iso_a3, json.iso_a3, "{}", shp.name);
        assert_eq!(
            shp.shape.0.len(),
            json.shape.0.len(),
            "{} polygons",
            shp.name
        );
    }
    let name = |n: &str| from_zip.countries.iter().find(|c| c.name == n).unwrap();
    assert_eq!(name("Côte d'Ivoire").iso_a3.as_deref(), Some("CIV"));
    // Lesotho is a hole in South Africa: the hole came back to South Africa's ring.
    let maseru = Point::new(27.48, -29.31);
    assert!(!name("South Africa").shape.contains(&maseru));
    assert!(name("Lesotho").shape.contains(&maseru));
    assert!(
        name("South Africa")
            .shape
            .contains(&Point::new(28.0, -26.2))
    );
    // Fiji and Russia cross the antimeridian and are cut there.
    for country in ["Fiji", "Russia"] {
        let shape = &name(country).shape;
        let east = shape
            .0
            .iter()
            .any(|p| p.exterior().0.iter().any(|c| c.x > 179.0));
        let west = shape
            .0
            .iter()
            .any(|p| p.exterior().0.iter().any(|c| c.x < -179.0));
        assert!(east && west, "{country} has parts on both sides");
    }
}

#[test]
fn check_reads_the_zip_and_joins_every_recipient() {
    let (status, stdout, stderr) = run_command("check", &["--countries", NE_ZIP]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("177 countries read"), "{stdout}");
    assert!(stdout.contains("joined: 10 of 10 countries"), "{stdout}");
}

#[test]
fn the_shp_with_its_siblings_reads_like_the_zip_in_any_letter_case() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in entries(&repo_file(NE_ZIP)) {
        let upper = name.replace(".shp", ".SHP").replace(".dbf", ".DBF");
        std::fs::write(dir.path().join(upper), bytes).unwrap();
    }
    let shp = dir.path().join("ne_110m_admin_0_countries.SHP");
    let outlines = load_outlines(&shp, None).unwrap();
    assert_eq!(outlines.countries.len(), 177);
    let (status, stdout, stderr) = run_command("check", &["--countries", shp.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("joined: 10 of 10"), "{stdout}");
}

#[test]
fn the_cpg_encoding_is_honoured() {
    let outlines = load_outlines(&repo_file(LATIN1_ZIP), None).unwrap();
    let names: Vec<&str> = outlines.countries.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"Côte d'Ivoire"), "{names:?}");
    let ivory = outlines
        .countries
        .iter()
        .find(|c| c.name == "Côte d'Ivoire")
        .unwrap();
    assert_eq!(ivory.iso_a3.as_deref(), Some("CIV"));
}

#[test]
fn a_cpg_that_names_the_wrong_encoding_is_an_error_naming_the_dbf() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = entries(&repo_file(LATIN1_ZIP));
    for (name, bytes) in &mut latin1 {
        if name.ends_with(".cpg") {
            *bytes = b"UTF-8".to_vec();
        }
    }
    let zip = write_zip(&dir.path().join("lying.zip"), &latin1);
    let err = load_outlines(&zip, None).unwrap_err().to_string();
    assert!(
        err.contains("lying.zip/ne_110m_admin_0_countries.dbf"),
        "{err}"
    );
    assert!(err.contains("field NAME"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn an_unknown_cpg_is_an_error_naming_the_cpg() {
    let dir = tempfile::tempdir().unwrap();
    let zip = altered_zip(dir.path(), "odd.zip", |name, bytes| {
        let bytes = if name.ends_with(".cpg") {
            b"EBCDIC-FR".to_vec()
        } else {
            bytes
        };
        Some((name.to_string(), bytes))
    });
    let err = load_outlines(&zip, None).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}/ne_110m_admin_0_countries.cpg", zip.display())),
        "{err}"
    );
    assert!(err.contains("EBCDIC-FR"), "{err}");
}

#[test]
fn a_projected_prj_is_refused_naming_the_prj() {
    let dir = tempfile::tempdir().unwrap();
    let mercator = br#"PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0]]"#;
    let zip = altered_zip(dir.path(), "mercator.zip", |name, bytes| {
        let bytes = if name.ends_with(".prj") {
            mercator.to_vec()
        } else {
            bytes
        };
        Some((name.to_string(), bytes))
    });
    let (status, _, stderr) = run_command("check", &["--countries", zip.to_str().unwrap()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.contains("mercator.zip/ne_110m_admin_0_countries.prj"),
        "{stderr}"
    );
    assert!(
        stderr.contains("WGS_1984_Web_Mercator_Auxiliary_Sphere"),
        "{stderr}"
    );
}

#[test]
fn a_shapefile_without_its_dbf_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = altered_zip(dir.path(), "no-dbf.zip", |name, bytes| {
        (!name.ends_with(".dbf")).then(|| (name.to_string(), bytes))
    });
    let err = load_outlines(&zip, None).unwrap_err().to_string();
    assert!(err.contains(".dbf"), "{err}");
    let shp_alone = dir.path().join("alone.shp");
    let shp_bytes = entries(&repo_file(NE_ZIP))
        .into_iter()
        .find(|(name, _)| name.ends_with(".shp"))
        .unwrap()
        .1;
    std::fs::write(&shp_alone, &shp_bytes).unwrap();
    let err = load_outlines(&shp_alone, None).unwrap_err().to_string();
    assert!(err.starts_with(&shp_alone.display().to_string()), "{err}");
    assert!(err.contains("no .dbf"), "{err}");
    // The same bytes under another name are still recognised.
    let renamed = dir.path().join("alone.json");
    std::fs::write(&renamed, &shp_bytes).unwrap();
    let err = load_outlines(&renamed, None).unwrap_err().to_string();
    assert!(err.contains("part of a shapefile"), "{err}");
}

#[test]
fn a_zip_of_several_shapefiles_needs_object_to_pick_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut both = entries(&repo_file(NE_ZIP));
    let copies: Vec<(String, Vec<u8>)> = both
        .iter()
        .map(|(name, bytes)| {
            (
                format!("copy/{}", name.replace("ne_110m", "other")),
                bytes.clone(),
            )
        })
        .collect();
    both.extend(copies);
    let zip = write_zip(&dir.path().join("both.zip"), &both);
    let err = load_outlines(&zip, None).unwrap_err().to_string();
    assert!(err.contains("2 shapefiles"), "{err}");
    assert!(err.contains("--object"), "{err}");
    let picked = load_outlines(&zip, Some("other_admin_0_countries")).unwrap();
    assert_eq!(picked.countries.len(), 177);
    let err = load_outlines(&zip, Some("rivers")).unwrap_err().to_string();
    assert!(err.contains("no such shapefile"), "{err}");
}

#[test]
fn a_zip_that_unpacks_past_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = altered_zip(dir.path(), "bomb.zip", |name, bytes| {
        let bytes = if name.ends_with(".dbf") {
            let mut padded = bytes;
            padded.resize(40 * 1024 * 1024, b' ');
            padded
        } else {
            bytes
        };
        Some((name.to_string(), bytes))
    });
    assert!(
        std::fs::metadata(&zip).unwrap().len() < 2 * 1024 * 1024,
        "it packs small"
    );
    let limits = Limits {
        max_file_bytes: 8 * 1024 * 1024,
        ..Limits::default()
    };
    let err = load_outlines_within(&zip, None, limits)
        .unwrap_err()
        .to_string();
    assert!(err.contains("larger than the 8.0 MiB limit"), "{err}");
}

#[test]
fn a_broken_zip_or_shp_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(repo_file(NE_ZIP)).unwrap();
    let cut = dir.path().join("cut.zip");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let err = load_outlines(&cut, None).unwrap_err().to_string();
    assert!(err.starts_with(&cut.display().to_string()), "{err}");
    let truncated = altered_zip(dir.path(), "short-shp.zip", |name, mut bytes| {
        if name.ends_with(".shp") {
            bytes.truncate(bytes.len() / 3);
        }
        if name.ends_with(".shx") {
            return None;
        }
        Some((name.to_string(), bytes))
    });
    let err = load_outlines(&truncated, None).unwrap_err().to_string();
    assert!(
        err.contains("short-shp.zip/ne_110m_admin_0_countries.shp"),
        "{err}"
    );
}

#[test]
fn export_draws_from_a_shapefile_zip() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let (status, _, stderr) = run_command(
        "export",
        &["--countries", NE_ZIP, "--out", svg.to_str().unwrap()],
    );
    assert_eq!(status, 0, "{stderr}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Pakistan"), "the recipients are drawn");
}

/// The Natural Earth zip with its `.dbf` changed by `change`.
fn with_dbf(dir: &Path, name: &str, change: impl Fn(&mut Vec<u8>)) -> PathBuf {
    altered_zip(dir, name, |entry, mut bytes| {
        if entry.ends_with(".dbf") {
            change(&mut bytes);
        }
        Some((entry.to_string(), bytes))
    })
}

#[test]
fn a_deleted_record_drops_its_shape_and_no_other_shape_takes_a_wrong_name() {
    let dir = tempfile::tempdir().unwrap();
    let zip = with_dbf(dir.path(), "deleted.zip", |dbf| {
        let header = u16::from_le_bytes([dbf[8], dbf[9]]) as usize;
        dbf[header] = b'*'; // the first record (Fiji) is marked deleted
    });
    let outlines = load_outlines(&zip, None).unwrap();
    let whole = load_outlines(&repo_file(NE_ZIP), None).unwrap();
    assert_eq!(outlines.countries.len(), whole.countries.len() - 1);
    assert!(outlines.countries.iter().all(|c| c.name != "Fiji"));
    for country in &outlines.countries {
        let same = whole
            .countries
            .iter()
            .find(|c| c.name == country.name)
            .unwrap();
        assert_eq!(
            country.shape, same.shape,
            "{} keeps its own outline",
            country.name
        );
    }
    assert_eq!(outlines.skipped.total(), whole.skipped.total() + 1);
}

#[test]
fn a_dbf_with_a_record_too_few_or_too_many_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fewer = with_dbf(dir.path(), "fewer.zip", |dbf| {
        let records = u32::from_le_bytes([dbf[4], dbf[5], dbf[6], dbf[7]]) - 1;
        dbf[4..8].copy_from_slice(&records.to_le_bytes());
    });
    let err = load_outlines(&fewer, None).unwrap_err().to_string();
    assert!(
        err.contains("fewer.zip/ne_110m_admin_0_countries.dbf"),
        "{err}"
    );
    assert!(err.contains("176 records"), "{err}");
    let latin1 = entries(&repo_file(LATIN1_ZIP));
    let ne_dbf = entries(&repo_file(NE_ZIP))
        .into_iter()
        .find(|(n, _)| n.ends_with(".dbf"))
        .unwrap()
        .1;
    let more: Vec<(String, Vec<u8>)> = latin1
        .into_iter()
        .map(|(n, b)| {
            if n.ends_with(".dbf") {
                (n, ne_dbf.clone())
            } else {
                (n, b)
            }
        })
        .collect();
    let more = write_zip(&dir.path().join("more.zip"), &more);
    let err = load_outlines(&more, None).unwrap_err().to_string();
    assert!(
        err.contains("177 records and the .shp fewer shapes"),
        "{err}"
    );
}

#[test]
fn a_dbf_whose_header_day_is_no_date_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let zip = with_dbf(dir.path(), "day0.zip", |dbf| {
        dbf[1..4].copy_from_slice(&[0, 0, 0])
    });
    assert_eq!(load_outlines(&zip, None).unwrap().countries.len(), 177);
}

#[test]
fn a_byte_the_code_page_leaves_undefined_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = entries(&repo_file(LATIN1_ZIP));
    for (name, bytes) in &mut latin1 {
        if name.ends_with(".dbf") {
            let at = bytes.windows(5).position(|w| w == b"Italy").unwrap();
            bytes[at + 4] = 0x81; // "Ital\x81": undefined in Windows-1252
        }
    }
    let zip = write_zip(&dir.path().join("undefined.zip"), &latin1);
    let err = load_outlines(&zip, None).unwrap_err().to_string();
    assert!(err.contains("field NAME"), "{err}");
}

#[test]
fn prj_variants_that_are_longitude_latitude_read_and_others_are_named() {
    use aidmap::data::shapefile_files::check_prj;
    let wkt2 = br#"GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],ANGLEUNIT["degree",0.0174532925199433]]"#;
    assert!(check_prj("w.prj", wkt2).is_ok());
    assert!(check_prj("e.prj", b"EPSG:4326").is_ok());
    let paris = br#"GEOGCS["NTF (Paris)",DATUM["NTF",SPHEROID["Clarke 1880",6378249.2,293.46]],PRIMEM["Paris",2.33722917],UNIT["Degree",0.0174532925199433]]"#;
    let err = check_prj("p.prj", paris).unwrap_err();
    assert!(err.message.contains("Paris meridian"), "{}", err.message);
}
