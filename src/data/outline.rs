//! Countries as aidmap holds them once read: codes, names and a longitude/latitude
//! multipolygon already cut at the antimeridian. Both outline readers (GeoJSON and
//! TopoJSON) hand their features to [`build_country`], so validation and key lookup
//! happen in one place. Reading files is not done here.

use std::collections::BTreeMap;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};

use crate::data::country_names;
use crate::data::properties::{self, ALPHA3_KEYS, NAME_KEYS, NUMERIC_KEYS};
use crate::error::{LoadError, Location};
use crate::geometry::antimeridian;

/// How far past ±180° / ±90° a coordinate may lie and still be read as the edge
/// (rounding in real files); it is then clamped.
const RANGE_TOLERANCE: f64 = 1e-6;

/// One country (or territory) outline.
#[derive(Debug, Clone)]
pub struct Country {
    /// The name to show: the first of `NAME`, `name`, `NAME_LONG`, `ADMIN`, else a code.
    pub name: String,
    /// Every name the feature carries (for joining by name).
    pub names: Vec<String>,
    /// ISO 3166-1 alpha-3, from the file or, failing that, from the numeric code or name.
    pub iso_a3: Option<String>,
    /// ISO 3166-1 numeric, three digits.
    pub iso_n3: Option<String>,
    /// The outline in degrees (x = longitude, y = latitude), within ±180°.
    pub shape: MultiPolygon<f64>,
}

/// A feature as a reader found it, before validation.
pub struct RawFeature {
    /// Where the feature is, for messages.
    pub location: Location,
    /// The feature's `id`, as text.
    pub id: Option<String>,
    /// Its properties (empty when it has none).
    pub properties: Map<String, Value>,
    /// Polygons as rings of positions; each position has at least two numbers.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// What a reader passed over, counted by reason ("Point geometry", ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped(pub BTreeMap<String, usize>);

impl Skipped {
    /// Count one more thing skipped for `reason`.
    pub fn add(&mut self, reason: impl Into<String>) {
        *self.0.entry(reason.into()).or_insert(0) += 1;
    }

    /// How many things were skipped in all.
    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

/// Limits that keep an outline file from exhausting memory: the file's size, and the
/// number of vertices its outlines may have (a small TopoJSON file can repeat one long
/// arc millions of times). Both can be raised on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_file_bytes: u64,
    /// The most vertices all outlines together may have.
    pub max_vertices: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // Natural Earth 1:10m is 21 MiB and 545,000 vertices: the defaults leave room
        // for files ten times as detailed, and keep a run under about 2 GiB (reading
        // JSON costs up to ten times the file's size; drawing about 170 bytes a vertex).
        Limits {
            max_file_bytes: 128 * 1024 * 1024,
            max_vertices: 5_000_000,
        }
    }
}

/// Counts vertices as a reader makes them, and stops it at the limit.
#[derive(Debug)]
pub struct VertexBudget {
    limit: usize,
    used: usize,
}

impl VertexBudget {
    /// A budget of `limit` vertices.
    pub fn new(limit: usize) -> Self {
        VertexBudget { limit, used: 0 }
    }

    /// Spend `count` vertices; the error says the limit and how to raise it.
    pub fn spend(&mut self, count: usize) -> Result<(), String> {
        self.used = self.used.saturating_add(count);
        if self.used > self.limit {
            Err(format!(
                "the outlines have more than {} vertices, the limit for one file \
                 (raise it with --max-vertices)",
                self.limit
            ))
        } else {
            Ok(())
        }
    }
}

/// The result of reading an outline file.
#[derive(Debug, Clone)]
pub struct Outlines {
    /// The file as named to the user.
    pub file: String,
    /// The countries read, in file order.
    pub countries: Vec<Country>,
    /// Features (or parts of them) that were not used, and why.
    pub skipped: Skipped,
    /// Features read with a doubt worth a look (a code and a name that disagree).
    pub questionable: Vec<String>,
}

impl Outlines {
    /// Each country's outline, in order (what geometry projects: it knows shapes, not
    /// countries).
    pub fn shapes(&self) -> Vec<&MultiPolygon<f64>> {
        self.countries.iter().map(|c| &c.shape).collect()
    }

    /// The total number of vertices in all outlines.
    pub fn vertex_count(&self) -> usize {
        self.countries
            .iter()
            .flat_map(|c| &c.shape.0)
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum()
    }
}

/// Validate a raw feature and turn it into a [`Country`]. Returns `Ok(None)` when
/// nothing drawable is left (every ring degenerate, or nothing left after the
/// antimeridian cut), counting why in `skipped`. The feature's `id` is read as an ISO
/// code only when `ids_are_codes` (see [`ids_look_like_iso_codes`]); where a code and
/// the name disagree, the name wins and the doubt goes to `questionable`.
pub fn build_country(
    file: &str,
    raw: RawFeature,
    ids_are_codes: bool,
    skipped: &mut Skipped,
    questionable: &mut Vec<String>,
) -> Result<Option<Country>, LoadError> {
    let names = properties::all_values(&raw.properties, NAME_KEYS);
    if let Some(message) = names
        .iter()
        .find_map(|n| crate::data::text::too_long("its name", n, crate::data::text::MAX_NAME_CHARS))
    {
        return Err(LoadError::at(file, raw.location.clone(), message));
    }
    let label = names.first().cloned();
    let describe = |location: &Location| match &label {
        Some(name) => format!("{location} ({name})"),
        None => location.to_string(),
    };
    let had_polygons = !raw.polygons.is_empty();
    let at = || LoadError::at(file, Location::Part(describe(&raw.location)), "");
    let polygons = usable_polygons(raw.polygons, skipped).map_err(|position| LoadError {
        message: not_degrees(position),
        ..at()
    })?;
    if polygons.is_empty() {
        // Geometries that are not polygons were counted by the reader; a feature whose
        // polygons were all degenerate is named, so the user knows what went missing.
        if had_polygons {
            skipped.add(format!(
                "feature dropped, every ring degenerate: {}",
                label.as_deref().unwrap_or("(unnamed)")
            ));
        }
        return Ok(None);
    }
    if let Some(message) = winds_round_too_often(&polygons) {
        return Err(LoadError { message, ..at() });
    }
    let shape = antimeridian::cut_multi_polygon(MultiPolygon(polygons));
    if shape.0.is_empty() {
        // Nothing left to draw (a box from -180° to 180° that unwraps to nothing): the
        // feature is not a country on the map, so nothing may join to it.
        skipped.add(format!(
            "feature dropped, its outline is empty once cut at the antimeridian: {}",
            label.as_deref().unwrap_or("(unnamed)")
        ));
        return Ok(None);
    }
    let id = raw.id.as_deref().filter(|_| ids_are_codes);
    let (iso_a3, iso_n3) = codes_of(&raw.properties, id, &names, |code, by_name| {
        questionable.push(format!(
            "{}: its code {code} is {}, but its name is {}'s; joined by its name",
            describe(&raw.location),
            country_names::name_of(code),
            country_names::name_of(by_name)
        ));
    });
    let name = label
        .or_else(|| iso_a3.clone())
        .or_else(|| iso_n3.clone())
        .unwrap_or_else(|| raw.location.to_string());
    Ok(Some(Country {
        name,
        names,
        iso_a3,
        iso_n3,
        shape,
    }))
}

/// A feature's ISO alpha-3 and numeric codes: from its code properties or id, else
/// from its name. Where the code and the name say different countries, the name wins
/// and `disagree(code, name's code)` is told.
fn codes_of(
    feature_properties: &Map<String, Value>,
    id: Option<&str>,
    names: &[String],
    mut disagree: impl FnMut(&str, &str),
) -> (Option<String>, Option<String>) {
    let coded_n3 = properties::first_value(feature_properties, NUMERIC_KEYS)
        .and_then(|text| properties::numeric_code(&text))
        .or_else(|| id.and_then(properties::numeric_code));
    let coded_a3 = properties::first_value(feature_properties, ALPHA3_KEYS)
        .and_then(|text| properties::alpha3_code(&text))
        .or_else(|| id.and_then(properties::alpha3_code))
        .or_else(|| coded_n3.as_deref().and_then(country_names::alpha3_of));
    let named_a3 = names.iter().find_map(|name| country_names::alpha3_of(name));
    match (coded_a3, named_a3) {
        (Some(code), Some(by_name)) if code != by_name => {
            disagree(&code, &by_name);
            (Some(by_name), None)
        }
        (Some(code), _) => (Some(code), coded_n3),
        (None, by_name) => (by_name, coded_n3),
    }
}

/// The polygons of a feature with their degenerate rings left out (counted in
/// `skipped`); a polygon whose outer ring is degenerate goes entirely. The first
/// position that is not longitude/latitude in degrees is an error.
fn usable_polygons(
    raw: Vec<Vec<Vec<[f64; 2]>>>,
    skipped: &mut Skipped,
) -> Result<Vec<Polygon<f64>>, [f64; 2]> {
    let mut polygons = Vec::new();
    for rings in raw {
        let mut kept: Vec<LineString<f64>> = Vec::new();
        for (ring_index, ring) in rings.into_iter().enumerate() {
            check_range(&ring)?;
            match usable_ring(ring) {
                Some(line) => kept.push(line),
                None if ring_index == 0 => {
                    skipped.add("polygons with a degenerate outer ring");
                    kept.clear();
                    break;
                }
                None => skipped.add("degenerate holes"),
            }
        }
        if !kept.is_empty() {
            let exterior = kept.remove(0);
            polygons.push(Polygon::new(exterior, kept));
        }
    }
    Ok(polygons)
}

/// What is wrong with a position outside ±180° by ±90°.
fn not_degrees(position: [f64; 2]) -> String {
    format!(
        "the position [{}, {}] is not a longitude/latitude in degrees \
         (longitude must be within ±180, latitude within ±90); aidmap reads \
         WGS 84 (EPSG:4326) coordinates, so a projected file must be \
         reprojected first",
        readable(position[0]),
        readable(position[1])
    )
}

/// A country goes round the globe at most once (Antarctica, Russia): a ring that winds
/// round it again and again is not an outline, and would cost a boolean operation per
/// turn. The message where one does.
fn winds_round_too_often(polygons: &[Polygon<f64>]) -> Option<String> {
    const MAX_STRIPS: usize = 3;
    let strips = polygons
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(antimeridian::strips_spanned)
        .find(|&n| n > MAX_STRIPS)?;
    Some(format!(
        "a ring winds round the globe over {} times; an outline goes round at most once",
        strips - 1
    ))
}

/// Whether the features' ids are ISO 3166-1 numeric codes (world-atlas writes "380"
/// for Italy) rather than row numbers (geopandas writes 0, 1, 2, …, and a subset of
/// its rows keeps them: "4", "8"). Every id must be a known code and the ids must not
/// count up from 0 or 1; no feature's name may name another country than its id; and
/// unless the ids are written as codes are (three digits, "004"), at least one name
/// must confirm its id, or the features must have no names at all.
pub fn ids_look_like_iso_codes(features: &[RawFeature]) -> bool {
    let ids: Vec<&str> = features
        .iter()
        .filter_map(|f| f.id.as_deref())
        .map(str::trim)
        .collect();
    if ids.is_empty() {
        return false;
    }
    let code_of = |id: &str| -> Option<String> {
        if id.bytes().all(|b| b.is_ascii_alphabetic()) {
            return (id.len() == 3).then(|| id.to_ascii_uppercase());
        }
        properties::numeric_code(id).and_then(|code| country_names::alpha3_of(&code))
    };
    if !ids.iter().all(|id| code_of(id).is_some()) {
        return false;
    }
    let counts_up = |start: usize| {
        ids.len() > 1
            && ids
                .iter()
                .enumerate()
                .all(|(i, id)| id.parse::<usize>().ok() == Some(start + i))
    };
    if counts_up(0) || counts_up(1) {
        return false;
    }
    let (mut confirmed, mut named) = (0, 0);
    for feature in features {
        let Some(id_code) = feature.id.as_deref().and_then(|id| code_of(id.trim())) else {
            continue;
        };
        let names = properties::all_values(&feature.properties, NAME_KEYS);
        if !names.is_empty() {
            named += 1;
        }
        match names.iter().find_map(|n| country_names::alpha3_of(n)) {
            Some(by_name) if by_name == id_code => confirmed += 1,
            Some(_) => return false,
            None => {}
        }
    }
    let written_as_codes = ids
        .iter()
        .all(|id| id.len() == 3 && id.bytes().all(|b| b.is_ascii_alphanumeric()));
    written_as_codes || confirmed > 0 || named == 0
}

/// A coordinate as a person would write it: 1e300, not three hundred digits.
fn readable(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e7 {
        value.to_string()
    } else {
        format!("{value:e}")
    }
}

/// `Err(position)` for the first position outside longitude/latitude range; positions
/// just past the edge are accepted (and clamped later).
fn check_range(ring: &[[f64; 2]]) -> Result<(), [f64; 2]> {
    match ring.iter().find(|[x, y]| {
        !x.is_finite()
            || !y.is_finite()
            || x.abs() > 180.0 + RANGE_TOLERANCE
            || y.abs() > 90.0 + RANGE_TOLERANCE
    }) {
        Some(position) => Err(*position),
        None => Ok(()),
    }
}

/// The ring as a closed line string, or `None` when it has fewer than three distinct
/// positions (and so no area). An unclosed ring is closed.
fn usable_ring(ring: Vec<[f64; 2]>) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = ring
        .into_iter()
        .map(|[x, y]| Coord {
            x: x.clamp(-180.0, 180.0),
            y: y.clamp(-90.0, 90.0),
        })
        .collect();
    coords.dedup();
    if coords.len() > 1 && coords.first() == coords.last() {
        coords.pop();
    }
    if coords.len() < 3 {
        return None;
    }
    if let Some(first) = coords.first().copied() {
        coords.push(first);
    }
    Some(LineString(coords))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(polygons: Vec<Vec<Vec<[f64; 2]>>>, properties: Value) -> RawFeature {
        RawFeature {
            location: Location::Part("feature 1".into()),
            id: None,
            properties: properties.as_object().cloned().unwrap_or_default(),
            polygons,
        }
    }

    #[test]
    fn a_country_known_only_by_name_gets_its_iso_codes() {
        let square = vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]];
        let mut skipped = Skipped::default();
        let country = build_country(
            "f",
            raw(vec![square], json!({"name": "Lao PDR"})),
            false,
            &mut skipped,
            &mut Vec::new(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(country.iso_a3.as_deref(), Some("LAO"));
        assert_eq!(country.name, "Lao PDR");
    }

    #[test]
    fn degenerate_rings_are_skipped_and_counted() {
        let line = vec![vec![[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]];
        let mut skipped = Skipped::default();
        let country = build_country(
            "f",
            raw(vec![line], json!({})),
            false,
            &mut skipped,
            &mut Vec::new(),
        )
        .unwrap();
        assert!(country.is_none());
        assert_eq!(skipped.total(), 2);
        assert!(
            skipped
                .0
                .keys()
                .any(|reason| reason.contains("every ring degenerate"))
        );
    }

    #[test]
    fn projected_coordinates_are_refused_with_a_hint() {
        let metres = vec![vec![[500000.0, 0.0], [1.0, 0.0], [1.0, 1.0]]];
        let mut skipped = Skipped::default();
        let err = build_country(
            "f.geojson",
            raw(vec![metres], json!({"name": "X"})),
            false,
            &mut skipped,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("f.geojson: feature 1 (X): the position [500000, 0]")
        );
        assert!(err.message.contains("projected"));
    }
}
