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
        Limits {
            max_file_bytes: 512 * 1024 * 1024,
            max_vertices: 50_000_000,
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
}

impl Outlines {
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
/// nothing drawable is left (every ring degenerate), counting why in `skipped`.
pub fn build_country(
    file: &str,
    raw: RawFeature,
    skipped: &mut Skipped,
) -> Result<Option<Country>, LoadError> {
    let names = properties::all_values(&raw.properties, NAME_KEYS);
    let label = names.first().cloned();
    let describe = |location: &Location| match &label {
        Some(name) => format!("{location} ({name})"),
        None => location.to_string(),
    };
    let had_polygons = !raw.polygons.is_empty();
    let mut polygons = Vec::new();
    for rings in raw.polygons {
        let mut kept: Vec<LineString<f64>> = Vec::new();
        for (ring_index, ring) in rings.into_iter().enumerate() {
            check_range(&ring).map_err(|position| {
                LoadError::at(
                    file,
                    Location::Part(describe(&raw.location)),
                    format!(
                        "the position [{}, {}] is not a longitude/latitude in degrees \
                         (longitude must be within ±180, latitude within ±90); aidmap reads \
                         WGS 84 (EPSG:4326) coordinates, so a projected file must be \
                         reprojected first",
                        readable(position[0]),
                        readable(position[1])
                    ),
                )
            })?;
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
    let shape = antimeridian::cut_multi_polygon(MultiPolygon(polygons));
    let iso_n3 = properties::first_value(&raw.properties, NUMERIC_KEYS)
        .and_then(|text| properties::numeric_code(&text))
        .or_else(|| raw.id.as_deref().and_then(properties::numeric_code));
    let iso_a3 = properties::first_value(&raw.properties, ALPHA3_KEYS)
        .and_then(|text| properties::alpha3_code(&text))
        .or_else(|| raw.id.as_deref().and_then(properties::alpha3_code))
        .or_else(|| iso_n3.as_deref().and_then(country_names::alpha3_of))
        .or_else(|| names.iter().find_map(|name| country_names::alpha3_of(name)));
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
            &mut skipped,
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
        let country = build_country("f", raw(vec![line], json!({})), &mut skipped).unwrap();
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
            &mut skipped,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("f.geojson: feature 1 (X): the position [500000, 0]")
        );
        assert!(err.message.contains("projected"));
    }
}
