//! Reading GeoJSON outlines: a FeatureCollection, a lone Feature, a GeometryCollection
//! or a bare Polygon/MultiPolygon, with or without the obsolete `crs` member. Each
//! feature is parsed on its own (with the geojson crate) so an error can say which
//! feature and which line it is on. Other geometry types are skipped and counted.

use std::collections::HashMap;

use serde_json::value::RawValue;

use crate::data::outline::{RawFeature, Skipped, VertexBudget};
use crate::data::text;
use crate::error::{LoadError, Location};

/// The features of a GeoJSON document whose top-level object is `top`, in order,
/// with their polygons. `whole` is the complete file text (for line numbers).
pub fn read_features(
    file: &str,
    whole: &str,
    kind: &str,
    top: &HashMap<String, &RawValue>,
    skipped: &mut Skipped,
    budget: &mut VertexBudget,
) -> Result<Vec<RawFeature>, LoadError> {
    let spend = |feature: &RawFeature, budget: &mut VertexBudget| {
        let count = feature.polygons.iter().flatten().map(Vec::len).sum();
        budget
            .spend(count)
            .map_err(|message| LoadError::at(file, feature.location.clone(), message))
    };
    match kind {
        "FeatureCollection" => {
            let features = member(file, whole, top, "features")?;
            let list: Vec<&RawValue> = serde_json::from_str(features.get())
                .map_err(|err| relocated(file, whole, features.get(), &err))?;
            let mut out = Vec::with_capacity(list.len());
            let lines = text::LineIndex::new(whole);
            for (index, raw) in list.into_iter().enumerate() {
                let feature = read_feature(file, whole, &lines, index + 1, raw.get(), skipped)?;
                spend(&feature, budget)?;
                out.push(feature);
            }
            Ok(out)
        }
        "Feature" => {
            let lines = text::LineIndex::new(whole);
            let feature = read_feature(file, whole, &lines, 1, whole, skipped)?;
            spend(&feature, budget)?;
            Ok(vec![feature])
        }
        "GeometryCollection" | "Polygon" | "MultiPolygon" => {
            let geometry: geojson::Geometry =
                serde_json::from_str(whole).map_err(|err| text::json_error(file, &err))?;
            let (line, column) = text::line_column(whole, 0);
            let mut polygons = Vec::new();
            collect_polygons(&geometry.value, &mut polygons, skipped);
            let feature = RawFeature {
                location: Location::LineColumn { line, column },
                id: None,
                properties: serde_json::Map::new(),
                polygons,
            };
            spend(&feature, budget)?;
            Ok(vec![feature])
        }
        other => {
            skipped.add(format!("{other} geometry"));
            Ok(Vec::new())
        }
    }
}

fn member<'a>(
    file: &str,
    whole: &str,
    top: &HashMap<String, &'a RawValue>,
    name: &str,
) -> Result<&'a RawValue, LoadError> {
    top.get(name).copied().ok_or_else(|| {
        let (line, column) = text::line_column(whole, 0);
        LoadError::at(
            file,
            Location::LineColumn { line, column },
            format!("the GeoJSON object has no \"{name}\" member"),
        )
    })
}

/// One feature, parsed from its slice of the file.
fn read_feature(
    file: &str,
    whole: &str,
    lines: &text::LineIndex,
    index: usize,
    raw: &str,
    skipped: &mut Skipped,
) -> Result<RawFeature, LoadError> {
    let start = text::offset_in(whole, raw);
    let feature: geojson::Feature = serde_json::from_str(raw).map_err(|err| {
        let inner = relocated(file, whole, raw, &err);
        // Columns are counted only here, on the way to an error: counting them for every
        // feature of a one-line file would be quadratic.
        let (line, column) = text::line_column(whole, start);
        LoadError::at(
            file,
            inner
                .location
                .unwrap_or(Location::LineColumn { line, column }),
            format!("feature {index}: {}", inner.message),
        )
    })?;
    let line = lines.line_of(start);
    let mut polygons = Vec::new();
    match &feature.geometry {
        Some(geometry) => collect_polygons(&geometry.value, &mut polygons, skipped),
        None => skipped.add("features without geometry"),
    }
    let id = feature.id.as_ref().map(|id| match id {
        geojson::feature::Id::String(text) => text.clone(),
        geojson::feature::Id::Number(number) => number.to_string(),
    });
    Ok(RawFeature {
        location: Location::Part(format!("feature {index} at line {line}")),
        id,
        properties: feature.properties.unwrap_or_default(),
        polygons,
    })
}

/// Gather the polygons of a geometry (descending into collections); count the rest.
fn collect_polygons(
    value: &geojson::GeometryValue,
    out: &mut Vec<Vec<Vec<[f64; 2]>>>,
    skipped: &mut Skipped,
) {
    use geojson::GeometryValue as G;
    match value {
        G::Polygon { coordinates } => out.push(rings(coordinates)),
        G::MultiPolygon { coordinates } => out.extend(coordinates.iter().map(|p| rings(p))),
        G::GeometryCollection { geometries } => {
            for geometry in geometries {
                collect_polygons(&geometry.value, out, skipped);
            }
        }
        other => skipped.add(format!("{} geometries", other.type_name())),
    }
}

fn rings(polygon: &[Vec<geojson::Position>]) -> Vec<Vec<[f64; 2]>> {
    polygon
        .iter()
        .map(|ring| {
            ring.iter()
                .map(|position| match position.as_slice() {
                    [x, y, ..] => [*x, *y],
                    // The geojson crate refuses positions with fewer than two numbers.
                    _ => [f64::NAN, f64::NAN],
                })
                .collect()
        })
        .collect()
}

/// A serde error inside `part` (a slice of `whole`) with its line and column in `whole`.
pub fn relocated(file: &str, whole: &str, part: &str, err: &serde_json::Error) -> LoadError {
    let mut error = text::json_error(file, err);
    if let Some(Location::LineColumn { line, column }) = error.location {
        let offset = text::offset_in(whole, part) + text::offset_of(part, line, column.max(1) - 1);
        let (line, column) = text::line_column(whole, offset);
        error.location = Some(Location::LineColumn {
            line,
            column: column + 1,
        });
    }
    error
}
