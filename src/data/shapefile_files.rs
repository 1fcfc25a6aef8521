//! Gathering the files of an Esri shapefile as people get them: Natural Earth's `.zip`
//! (which holds `.shp`, `.shx`, `.dbf`, `.prj` and `.cpg`), or a `.shp` with its
//! siblings beside it on disk. It reads the bytes within a size budget, refuses a
//! `.prj` that is not longitude/latitude and works out the `.dbf`'s text encoding from
//! the `.cpg`. Turning the shapes into features is `shapefile_reader`'s job.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::error::LoadError;

/// How a `.shp` file starts: the file code 9994, big-endian.
pub const SHP_MAGIC: [u8; 4] = [0x00, 0x00, 0x27, 0x0a];
/// How a zip archive starts: a local file header, or (an empty archive) the end of
/// its central directory.
pub const ZIP_MAGICS: [[u8; 4]; 2] = [[b'P', b'K', 0x03, 0x04], [b'P', b'K', 0x05, 0x06]];
/// The most entries a zip may list: Natural Earth's hold 7; a zip listing millions of
/// entries is not outlines.
const MAX_ZIP_ENTRIES: usize = 10_000;

/// The bytes of one shapefile's parts, each named as the user would find it.
#[derive(Debug)]
pub struct ShapefileParts {
    /// The `.shp` as named in messages ("ne.zip/ne_110m_admin_0_countries.shp").
    pub shp_name: String,
    /// The shapes.
    pub shp: Vec<u8>,
    /// The index, when there is one (shapes are then read by it, as the format means).
    pub shx: Option<Vec<u8>>,
    /// The `.dbf` as named in messages.
    pub dbf_name: String,
    /// The attributes: names and codes.
    pub dbf: Vec<u8>,
    /// The `.dbf`'s text encoding from the `.cpg`, with the label it was read from;
    /// `None` when there is no `.cpg` (the `.dbf`'s own language mark then decides).
    pub encoding: Option<(&'static Encoding, String)>,
}

/// Whether `path` names a shapefile's `.shp` (in any letter case).
pub fn is_shp_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("shp"))
}

/// The parts of the shapefile whose `.shp` is `shp_path`, read from beside it; all
/// together at most `max_bytes`.
pub fn from_disk(shp_path: &Path, max_bytes: u64) -> Result<ShapefileParts, LoadError> {
    let mut budget = ByteBudget::new(max_bytes);
    let shp_name = shp_path.display().to_string();
    let shp = budget.read_file(shp_path)?;
    let sibling = |extension: &str| sibling_path(shp_path, extension);
    let dbf_path = sibling("dbf").ok_or_else(|| missing_dbf(&shp_name))?;
    let dbf_name = dbf_path.display().to_string();
    let shx = sibling("shx")
        .map(|path| budget.read_file(&path))
        .transpose()?;
    let dbf = budget.read_file(&dbf_path)?;
    if let Some(prj_path) = sibling("prj") {
        check_prj(
            &prj_path.display().to_string(),
            &budget.read_file(&prj_path)?,
        )?;
    }
    let encoding = match sibling("cpg") {
        Some(cpg_path) => Some(encoding_of(
            &cpg_path.display().to_string(),
            &budget.read_file(&cpg_path)?,
        )?),
        None => None,
    };
    Ok(ShapefileParts {
        shp_name,
        shp,
        shx,
        dbf_name,
        dbf,
        encoding,
    })
}

/// The parts of the shapefile in the zip archive `bytes` (called `file`): its only
/// `.shp`, or the one `object` names when it holds several.
pub fn from_zip(
    file: &str,
    bytes: &[u8],
    object: Option<&str>,
    max_bytes: u64,
) -> Result<ShapefileParts, LoadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| LoadError::new(file, format!("cannot read the zip archive: {err}")))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(LoadError::new(
            file,
            format!(
                "the zip archive lists {} entries, more than the {MAX_ZIP_ENTRIES} aidmap reads",
                archive.len()
            ),
        ));
    }
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|name| name.into_owned())
        .filter(|name| !is_zip_litter(name))
        .collect();
    let shp_entry = pick_shp(file, &names, object)?;
    let stem = &shp_entry[..shp_entry.len() - ".shp".len()];
    let sibling = |extension: &str| {
        names
            .iter()
            .find(|name| {
                name.len() == stem.len() + 1 + extension.len()
                    && name.starts_with(stem)
                    && name[stem.len()..].eq_ignore_ascii_case(&format!(".{extension}"))
            })
            .cloned()
    };
    let named = |entry: &str| format!("{file}/{entry}");
    let mut budget = ByteBudget::new(max_bytes);
    let mut read = |entry: &str| budget.read_zip_entry(file, &mut archive, entry);
    let dbf_entry = sibling("dbf").ok_or_else(|| missing_dbf(&named(&shp_entry)))?;
    let shp = read(&shp_entry)?;
    let dbf = read(&dbf_entry)?;
    let shx = sibling("shx").map(|entry| read(&entry)).transpose()?;
    if let Some(prj) = sibling("prj") {
        check_prj(&named(&prj), &read(&prj)?)?;
    }
    let encoding = match sibling("cpg") {
        Some(cpg) => Some(encoding_of(&named(&cpg), &read(&cpg)?)?),
        None => None,
    };
    Ok(ShapefileParts {
        shp_name: named(&shp_entry),
        shp,
        shx,
        dbf_name: named(&dbf_entry),
        dbf,
        encoding,
    })
}

/// Entries a zip tool adds that are not the data: macOS's resource forks.
fn is_zip_litter(name: &str) -> bool {
    name.starts_with("__MACOSX/") || name.rsplit('/').next().is_some_and(|n| n.starts_with("._"))
}

/// The `.shp` entry to read: the only one, or the one whose name (with or without
/// folder and extension) is `object`. Never a guess among several.
fn pick_shp(file: &str, names: &[String], object: Option<&str>) -> Result<String, LoadError> {
    let shps: Vec<&String> = names
        .iter()
        .filter(|name| name.to_ascii_lowercase().ends_with(".shp"))
        .collect();
    let base = |name: &str| {
        let file_name = name.rsplit('/').next().unwrap_or(name);
        file_name[..file_name.len() - 4].to_string()
    };
    let listed = || {
        // Names as the zip has them where two share a file name.
        let shown = |n: &str| {
            let twice = shps.iter().filter(|other| base(other) == base(n)).count() > 1;
            if twice {
                n[..n.len() - 4].to_string()
            } else {
                base(n)
            }
        };
        let mut bases: Vec<String> = shps.iter().take(20).map(|n| shown(n)).collect();
        if shps.len() > 20 {
            bases.push(format!("and {} more", shps.len() - 20));
        }
        bases.join(", ")
    };
    if let Some(object) = object {
        // The whole name (with or without ".shp") or the file's own name, but never a
        // guess between two of that name in different folders.
        let whole = |name: &str| name == object || name[..name.len() - 4] == *object;
        let named: Vec<&&String> = match shps.iter().find(|name| whole(name)) {
            Some(name) => vec![name],
            None => shps.iter().filter(|name| base(name) == object).collect(),
        };
        return match named.as_slice() {
            [one] => Ok(one.to_string()),
            [] => Err(LoadError::new(
                file,
                format!(
                    "--object {object}: the zip holds no such shapefile (it holds: {})",
                    listed()
                ),
            )),
            several => Err(LoadError::new(
                file,
                format!(
                    "--object {object}: the zip holds {} shapefiles of that name ({}): give \
                     the folder too",
                    several.len(),
                    several
                        .iter()
                        .map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        };
    }
    match shps.as_slice() {
        [only] => Ok(only.to_string()),
        [] => Err(LoadError::new(
            file,
            "the zip archive holds no shapefile (no .shp file in it)",
        )),
        _ => Err(LoadError::new(
            file,
            format!(
                "the zip archive holds {} shapefiles ({}): pick one with --object NAME, or \
                 unzip it and open its .shp",
                shps.len(),
                listed()
            ),
        )),
    }
}

/// The sibling of `shp_path` with `extension` in lower or upper case, if it exists.
fn sibling_path(shp_path: &Path, extension: &str) -> Option<PathBuf> {
    [extension.to_string(), extension.to_ascii_uppercase()]
        .into_iter()
        .map(|e| shp_path.with_extension(e))
        .find(|path| path.is_file())
}

fn missing_dbf(shp_name: &str) -> LoadError {
    LoadError::new(
        shp_name,
        "the shapefile has no .dbf beside it: aidmap needs it for the countries' names and \
         codes (open the .zip as downloaded, or keep the .dbf next to the .shp)",
    )
}

/// Refuse a `.prj` that does not say longitude/latitude in degrees: aidmap projects
/// the outlines itself, and a projected file's metres would be read as degrees.
pub fn check_prj(prj_name: &str, bytes: &[u8]) -> Result<(), LoadError> {
    let text = String::from_utf8_lossy(bytes);
    let wkt = text.trim().trim_start_matches('\u{feff}');
    if wkt.is_empty() {
        return Ok(());
    }
    let upper = wkt.to_ascii_uppercase();
    let refuse = |why: String| {
        Err(LoadError::new(
            prj_name,
            format!(
                "{why}; aidmap reads outlines in longitude/latitude degrees (convert the \
                 file first, for example: ogr2ogr -t_srs EPSG:4326 out.shp in.shp)"
            ),
        ))
    };
    let projected = ["PROJCS[", "PROJCRS[", "PROJECTEDCRS["];
    if projected.iter().any(|p| upper.contains(p)) {
        return refuse(format!(
            "the outlines are in a projected coordinate system ({}), not longitude/latitude",
            first_quoted(wkt).unwrap_or("unnamed")
        ));
    }
    if LON_LAT_CODES.contains(&upper.as_str()) {
        return Ok(());
    }
    let geographic = ["GEOGCS[", "GEOGCRS[", "GEOGRAPHICCRS[", "GEODCRS["];
    if !geographic.iter().any(|g| upper.starts_with(g)) {
        let shown: String = wkt.chars().take(60).collect();
        return refuse(format!(
            "the .prj does not describe longitude/latitude (it starts \"{shown}\")"
        ));
    }
    // WKT 2 names the coordinates' unit ANGLEUNIT (LENGTHUNIT is the ellipsoid's);
    // WKT 1 puts it last, after the spheroid and the prime meridian.
    let unit_at = upper
        .find("ANGLEUNIT[\"")
        .map(|at| at + "ANGLEUNIT[\"".len())
        .or_else(|| upper.rfind("UNIT[\"").map(|at| at + "UNIT[\"".len()));
    let unit = unit_at.and_then(|at| wkt[at..].split('"').next());
    if let Some(unit) = unit.filter(|u| !u.to_ascii_lowercase().starts_with("degree")) {
        return refuse(format!("the coordinates are in {unit}, not degrees"));
    }
    match prime_meridian(wkt, &upper) {
        Some((name, offset)) if offset != 0.0 => refuse(format!(
            "longitudes are counted from the {name} meridian ({offset}° from Greenwich), \
             not from Greenwich"
        )),
        _ => Ok(()),
    }
}

/// Coordinate systems a `.prj` may name by code alone that are longitude/latitude in
/// degrees from Greenwich: WGS 84, NAD83, ETRS89.
const LON_LAT_CODES: [&str; 3] = ["EPSG:4326", "EPSG:4269", "EPSG:4258"];

/// The prime meridian a WKT names (`PRIMEM["Paris",2.337229]`, WKT 2's `PRIMEM` too),
/// with its longitude from Greenwich.
fn prime_meridian<'a>(wkt: &'a str, upper: &str) -> Option<(&'a str, f64)> {
    let at = upper.find("PRIMEM[\"")? + "PRIMEM[\"".len();
    let mut parts = wkt[at..].splitn(2, '"');
    let name = parts.next()?;
    let value = parts
        .next()?
        .trim_start_matches(',')
        .split([',', ']'])
        .next()?;
    Some((name, value.trim().parse().ok()?))
}

/// The first "quoted" text in `wkt`: the coordinate system's name.
fn first_quoted(wkt: &str) -> Option<&str> {
    wkt.split('"').nth(1).filter(|name| !name.is_empty())
}

/// The encoding a `.cpg` names: a WHATWG label ("UTF-8", "latin1", "windows-1252"), a
/// Windows code page number ("1252", "ANSI 1252", "65001") or an ISO 8859 part
/// ("88591", "8859_1", "ISO 8859-1"). An unknown label is an error: reading names in
/// the wrong encoding would join them wrongly.
pub fn encoding_of(cpg_name: &str, bytes: &[u8]) -> Result<(&'static Encoding, String), LoadError> {
    let text = String::from_utf8_lossy(bytes);
    let label = text
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_string();
    let lower = label.to_ascii_lowercase();
    let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    let iso_part = digits.strip_prefix("8859").filter(|part| !part.is_empty());
    let found = Encoding::for_label(lower.as_bytes())
        .or_else(|| match iso_part {
            Some(part) => Encoding::for_label(format!("iso-8859-{part}").as_bytes()),
            None => None,
        })
        .or_else(|| {
            let code_page_only = lower
                .strip_prefix("ansi")
                .or_else(|| lower.strip_prefix("cp"))
                .unwrap_or(&lower)
                .trim();
            code_page_only
                .parse::<u16>()
                .ok()
                .and_then(codepage::to_encoding_no_replacement)
        });
    // A .dbf's header and field names are single bytes: UTF-16 cannot be its encoding.
    let found = found.filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE);
    found
        .map(|encoding| (encoding, label.clone()))
        .ok_or_else(|| {
            let shown: String = label.chars().take(40).collect();
            LoadError::new(
                cpg_name,
                format!(
                    "the .cpg names the text encoding \"{shown}\", which aidmap does not know \
                 (UTF-8, a Windows code page such as 1252, or ISO 8859 are read)"
                ),
            )
        })
}

/// Bytes read so far from a shapefile's parts, against one limit for all of them (a
/// small zip can unpack to gigabytes).
struct ByteBudget {
    left: u64,
    limit: u64,
}

impl ByteBudget {
    fn new(limit: u64) -> Self {
        ByteBudget { left: limit, limit }
    }

    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, LoadError> {
        let bytes =
            crate::data::text::read_bounded(path, self.left, "raise it with --max-file-size")
                .map_err(|err| self.over_limit(err))?;
        self.left -= bytes.len() as u64;
        Ok(bytes)
    }

    fn read_zip_entry(
        &mut self,
        file: &str,
        archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
        entry: &str,
    ) -> Result<Vec<u8>, LoadError> {
        let named = format!("{file}/{entry}");
        let mut opened = archive
            .by_name(entry)
            .map_err(|err| LoadError::new(&named, format!("cannot unpack it: {err}")))?;
        let mut bytes = Vec::with_capacity(opened.size().min(self.left) as usize);
        (&mut opened)
            .take(self.left.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|err| LoadError::new(&named, format!("cannot unpack it: {err}")))?;
        if bytes.len() as u64 > self.left {
            return Err(self.over_limit(LoadError::new(&named, "")));
        }
        self.left -= bytes.len() as u64;
        Ok(bytes)
    }

    /// The error for parts that together pass the limit.
    fn over_limit(&self, err: LoadError) -> LoadError {
        if err.message.is_empty() || err.message.contains("larger than") {
            LoadError {
                message: format!(
                    "the shapefile's parts together are larger than the {} limit (raise it \
                     with --max-file-size)",
                    crate::data::text::human_size(self.limit)
                ),
                ..err
            }
        } else {
            err
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_earths_prj_is_longitude_latitude() {
        let prj = br#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;
        assert!(check_prj("ne.prj", prj).is_ok());
    }

    #[test]
    fn a_projected_prj_is_refused_by_name() {
        let prj = br#"PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0]]"#;
        let err = check_prj("web.prj", prj).unwrap_err();
        assert_eq!(err.file, "web.prj");
        assert!(
            err.message
                .contains("WGS_1984_Web_Mercator_Auxiliary_Sphere"),
            "{}",
            err.message
        );
        assert!(err.message.contains("projected"), "{}", err.message);
    }

    #[test]
    fn a_geographic_prj_in_grads_is_refused() {
        let prj = br#"GEOGCS["NTF (Paris)",DATUM["NTF",SPHEROID["Clarke 1880",6378249.2,293.4660212936269]],PRIMEM["Paris",2.5969213],UNIT["grad",0.01570796326794897]]"#;
        let err = check_prj("paris.prj", prj).unwrap_err();
        assert!(err.message.contains("grad"), "{}", err.message);
    }

    #[test]
    fn cpg_labels_as_written_by_gis_tools() {
        let name = |label: &str| encoding_of("x.cpg", label.as_bytes()).map(|(e, _)| e.name());
        assert_eq!(name("UTF-8\n").unwrap(), "UTF-8");
        assert_eq!(name("\u{feff}utf8").unwrap(), "UTF-8");
        assert_eq!(name("65001").unwrap(), "UTF-8");
        assert_eq!(name("1252").unwrap(), "windows-1252");
        assert_eq!(name("ANSI 1251").unwrap(), "windows-1251");
        assert_eq!(name("88591").unwrap(), "windows-1252");
        assert_eq!(name("ISO 8859-2").unwrap(), "ISO-8859-2");
        assert_eq!(name("latin1").unwrap(), "windows-1252");
        let err = name("KLINGON").unwrap_err();
        assert!(err.message.contains("KLINGON"), "{}", err.message);
        assert_eq!(err.file, "x.cpg");
    }

    #[test]
    fn several_shapefiles_in_a_zip_are_never_guessed_between() {
        let names = vec!["a/rivers.shp".to_string(), "a/countries.shp".to_string()];
        let err = pick_shp("ne.zip", &names, None).unwrap_err();
        assert!(err.message.contains("rivers, countries"), "{}", err.message);
        assert_eq!(
            pick_shp("ne.zip", &names, Some("countries")).unwrap(),
            "a/countries.shp"
        );
        assert!(pick_shp("ne.zip", &names, Some("lakes")).is_err());
    }
}
