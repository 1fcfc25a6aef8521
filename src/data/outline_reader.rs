//! Reading an outline file of any supported kind: a shapefile (a `.zip` or a `.shp`
//! with its siblings) goes to the shapefile reader; other bytes must be JSON text, and
//! GeoJSON is told from TopoJSON by the top-level `type`; lets the matching reader pull
//! out the features, and turns them into countries. It does not draw or join.

use std::collections::HashMap;
use std::path::Path;

use serde_json::value::RawValue;

use crate::data::outline::{
    Limits, Outlines, RawFeature, Skipped, VertexBudget, build_country, ids_look_like_iso_codes,
};
use crate::data::{geojson_reader, shapefile_files, shapefile_reader, text, topojson_reader};
use crate::error::{Hint, LoadError, Location, Problem};

/// Read outlines from a file on disk, within the default [`Limits`]. `object` picks a
/// TopoJSON object by name.
pub fn load_outlines(path: &Path, object: Option<&str>) -> Result<Outlines, LoadError> {
    load_outlines_within(path, object, Limits::default())
}

/// Read outlines from a file on disk within `limits`: a file over the size limit is
/// refused before it is read.
pub fn load_outlines_within(
    path: &Path,
    object: Option<&str>,
    limits: Limits,
) -> Result<Outlines, LoadError> {
    let file = path.display().to_string();
    if shapefile_files::is_shp_path(path) {
        if let Some(name) = object {
            return Err(LoadError::new(
                &file,
                format!(
                    "--object {name} picks a shapefile in a .zip or an object of a TopoJSON \
                     topology, and this is one shapefile's .shp"
                ),
            ));
        }
        let parts = shapefile_files::from_disk(path, limits.max_file_bytes)?;
        return read_shapefile(&file, parts, limits);
    }
    let bytes = text::read_bounded(path, limits.max_file_bytes, "raise it with --max-file-size")?;
    read_outlines_within(&file, &bytes, object, limits)
}

/// Read outlines from the bytes of a file called `file` (used in messages), within the
/// default [`Limits`].
pub fn read_outlines(
    file: &str,
    bytes: &[u8],
    object: Option<&str>,
) -> Result<Outlines, LoadError> {
    read_outlines_within(file, bytes, object, Limits::default())
}

/// Read outlines from the bytes of a file called `file`, within `limits`.
pub fn read_outlines_within(
    file: &str,
    bytes: &[u8],
    object: Option<&str>,
    limits: Limits,
) -> Result<Outlines, LoadError> {
    if shapefile_files::ZIP_MAGICS
        .iter()
        .any(|magic| bytes.starts_with(magic))
    {
        let parts = shapefile_files::from_zip(file, bytes, object, limits.max_file_bytes)?;
        return read_shapefile(file, parts, limits);
    }
    if bytes.starts_with(&shapefile_files::SHP_MAGIC) {
        return Err(LoadError::new(
            file,
            "this is part of a shapefile (its .shp or .shx) without the rest: open the .shp \
             by a name ending in .shp with its .dbf beside it, or the .zip as downloaded",
        ));
    }
    let mut budget = VertexBudget::new(limits.max_vertices);
    let whole = text::decode(file, bytes)?;
    let (kind, top) = top_level(file, whole)?;
    let mut skipped = Skipped::default();
    if let Some(name) = object
        && kind != "Topology"
    {
        return Err(LoadError::new(
            file,
            format!(
                "--object {name} picks an object of a TopoJSON topology, and this file is GeoJSON"
            ),
        ));
    }
    let raw_features = if kind == "Topology" {
        topojson_reader::read_features(file, whole, object, &mut skipped, &mut budget)?
    } else {
        geojson_reader::read_features(file, whole, &kind, &top, &mut skipped, &mut budget)?
    };
    outlines_from(file, raw_features, skipped)
}

/// The outlines of a shapefile whose parts are gathered, called `file` in messages.
fn read_shapefile(
    file: &str,
    parts: shapefile_files::ShapefileParts,
    limits: Limits,
) -> Result<Outlines, LoadError> {
    let mut budget = VertexBudget::new(limits.max_vertices);
    let mut skipped = Skipped::default();
    let raw_features = shapefile_reader::read_features(parts, &mut skipped, &mut budget)?;
    outlines_from(file, raw_features, skipped)
}

/// Countries from the features any reader found, or an error when none is drawable.
fn outlines_from(
    file: &str,
    raw_features: Vec<RawFeature>,
    mut skipped: Skipped,
) -> Result<Outlines, LoadError> {
    let feature_count = raw_features.len();
    let ids_are_codes = ids_look_like_iso_codes(&raw_features);
    let mut countries = Vec::with_capacity(feature_count);
    let mut questionable = Vec::new();
    for raw in raw_features {
        if let Some(country) =
            build_country(file, raw, ids_are_codes, &mut skipped, &mut questionable)?
        {
            countries.push(country);
        }
    }
    if countries.is_empty() {
        let mut message =
            format!("no Polygon or MultiPolygon outlines found ({feature_count} features read)");
        if skipped.total() > 0 {
            let reasons: Vec<String> = skipped
                .0
                .iter()
                .map(|(reason, n)| format!("{n} {reason}"))
                .collect();
            message.push_str(&format!("; skipped: {}", reasons.join(", ")));
        }
        return Err(LoadError::new(file, message));
    }
    Ok(Outlines {
        file: file.to_string(),
        countries,
        skipped,
        questionable,
    })
}

/// The top-level `type` of a JSON document and its members, or an error that says
/// why the text is not GeoJSON or TopoJSON.
fn top_level<'a>(
    file: &str,
    whole: &'a str,
) -> Result<(String, HashMap<String, &'a RawValue>), LoadError> {
    let value: &RawValue = serde_json::from_str(whole).map_err(|err| {
        text::json_error_in(file, whole, &err).hinted_if(
            |problem| *problem == Problem::NotJson,
            Hint::OutlinesAreJson,
        )
    })?;
    let first = value.get().trim_start().chars().next().unwrap_or(' ');
    if first != '{' {
        let what = match first {
            '[' => "an array",
            '"' => "a string",
            't' | 'f' => "a boolean",
            'n' => "null",
            _ => "a number",
        };
        return Err(LoadError::new(
            file,
            format!(
                "this is JSON, but not GeoJSON or TopoJSON: the top level is {what}, not an object"
            ),
        ));
    }
    let top: HashMap<String, &RawValue> =
        serde_json::from_str(whole).map_err(|err| text::json_error(file, &err))?;
    let kind = match top
        .get("type")
        .map(|raw| serde_json::from_str::<String>(raw.get()))
    {
        Some(Ok(kind)) => kind,
        _ => {
            let (line, column) = text::line_column(whole, text::offset_in(whole, value.get()));
            return Err(LoadError::at(
                file,
                Location::LineColumn { line, column },
                "this is JSON, but not GeoJSON or TopoJSON: the top-level object has no \
                 \"type\" (expected \"FeatureCollection\", \"Feature\" or \"Topology\")",
            ));
        }
    };
    const KNOWN: &[&str] = &[
        "Topology",
        "FeatureCollection",
        "Feature",
        "GeometryCollection",
        "Polygon",
        "MultiPolygon",
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
    ];
    if !KNOWN.contains(&kind.as_str()) {
        return Err(LoadError::new(
            file,
            format!("this is JSON, but not GeoJSON or TopoJSON: \"type\" is \"{kind}\""),
        ));
    }
    Ok((kind, top))
}
