//! Turning a shapefile's shapes and `.dbf` records into the features every outline
//! reader hands to `build_country`, so a shapefile joins by the same keys as GeoJSON
//! (`NAME`, `ISO_A3`, `ADM0_A3`, ...). The `shapefile` crate reads the bytes; what is
//! ours is putting each hole back in the outer ring that holds it (the format lists
//! rings in any order) and refusing names the `.cpg`'s encoding cannot read.

use std::io::Cursor;

use geo::{Area, BoundingRect, Contains, Coord, LineString, Point, Polygon, Rect};
use serde_json::{Map, Value};
use shapefile::dbase::{self, FieldValue};
use shapefile::{PolygonRing, Shape, ShapeReader};

use crate::data::outline::{RawFeature, Skipped, VertexBudget};
use crate::data::shapefile_files::ShapefileParts;
use crate::error::{LoadError, Location};

/// One ring as read: whether the format marks it outer (clockwise), and its positions.
type Ring = (bool, Vec<[f64; 2]>);
/// An outer ring as a polygon, with its bounds and area: what finding a hole's owner needs.
type OuterShape = (Polygon<f64>, Rect<f64>, f64);

/// The features of a shapefile, in file order: polygon shapes with their records'
/// fields as properties. Shapes that are not polygons are counted in `skipped`.
pub fn read_features(
    parts: ShapefileParts,
    skipped: &mut Skipped,
    budget: &mut VertexBudget,
) -> Result<Vec<RawFeature>, LoadError> {
    let shp_name = parts.shp_name.clone();
    let shp_error = |err: shapefile::Error| LoadError::new(&shp_name, shapefile_message(&err));
    let shapes = match parts.shx {
        Some(shx) => ShapeReader::with_shx(Cursor::new(parts.shp), Cursor::new(shx)),
        None => ShapeReader::new(Cursor::new(parts.shp)),
    }
    .map_err(shp_error)?;
    let mut builder = dbase::ReaderBuilder::new();
    if let Some((encoding, _)) = parts.encoding {
        builder = builder.with_encoding(dbase::encoding::EncodingRs::from(encoding));
    }
    let records = builder
        .build(Cursor::new(parts.dbf))
        .map_err(|err| LoadError::new(&parts.dbf_name, format!("cannot read the .dbf: {err}")))?;
    let encoding_label = parts.encoding.map(|(_, label)| label);
    let mut reader = shapefile::Reader::new(shapes, records);
    let mut features = Vec::new();
    for (index, item) in reader.iter_shapes_and_records().enumerate() {
        let location = Location::Part(format!("shape {}", index + 1));
        let (shape, record) = item.map_err(|err| match err {
            shapefile::Error::DbaseError(err) => LoadError::at(
                &parts.dbf_name,
                Location::Part(format!("record {}", index + 1)),
                format!("cannot read the record: {err}"),
            ),
            err => LoadError::at(&shp_name, location.clone(), shapefile_message(&err)),
        })?;
        let properties = properties_of(record).map_err(|field| {
            LoadError::at(
                &parts.dbf_name,
                Location::Part(format!("record {}, field {field}", index + 1)),
                undecodable(encoding_label.as_deref()),
            )
        })?;
        let Some(rings) = rings_of(shape, skipped) else {
            continue;
        };
        let count = rings.iter().map(|(_, ring)| ring.len()).sum();
        budget
            .spend(count)
            .map_err(|message| LoadError::at(&shp_name, location.clone(), message))?;
        features.push(RawFeature {
            location,
            id: None,
            properties,
            polygons: group_rings(rings),
        });
    }
    Ok(features)
}

/// The crate's words for a broken `.shp`, said as aidmap says things.
fn shapefile_message(err: &shapefile::Error) -> String {
    match err {
        shapefile::Error::InvalidFileCode(_) => {
            "this is not a shapefile's .shp (it does not start with the file code 9994)".into()
        }
        err => format!("cannot read the shapes: {err}"),
    }
}

fn undecodable(label: Option<&str>) -> String {
    match label {
        Some(label) => format!(
            "the text is not valid {label}, the encoding its .cpg names: the names would be \
             read wrongly (correct the .cpg)"
        ),
        None => "the text is not valid in the .dbf's encoding and there is no .cpg to say \
                 which it is: add one beside the .dbf naming it (for example UTF-8 or 1252)"
            .into(),
    }
}

/// A record's fields as JSON properties, or the name of a field whose text could not
/// be decoded (the decoder put U+FFFD in it).
fn properties_of(record: dbase::Record) -> Result<Map<String, Value>, String> {
    let mut properties = Map::new();
    for (name, value) in record {
        let value = match value {
            FieldValue::Character(Some(text)) | FieldValue::Memo(text) => {
                if text.contains('\u{FFFD}') {
                    return Err(name);
                }
                Value::String(text)
            }
            FieldValue::Numeric(Some(number)) => number_value(number),
            FieldValue::Float(Some(number)) => number_value(f64::from(number)),
            FieldValue::Double(number) | FieldValue::Currency(number) => number_value(number),
            FieldValue::Integer(number) => Value::from(number),
            FieldValue::Logical(Some(flag)) => Value::Bool(flag),
            FieldValue::Date(Some(date)) => Value::String(date.to_string()),
            _ => Value::Null,
        };
        properties.insert(name, value);
    }
    Ok(properties)
}

/// A whole number as an integer (so `ISO_N3` 380 reads "380", not "380.0").
fn number_value(number: f64) -> Value {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        Value::from(number as i64)
    } else {
        serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
    }
}

/// The rings of a polygon shape; `None` (counted in `skipped`) for any other shape.
fn rings_of(shape: Shape, skipped: &mut Skipped) -> Option<Vec<Ring>> {
    fn xy<P: shapefile::record::traits::HasXY>(ring: &PolygonRing<P>) -> Ring {
        let points = ring.points().iter().map(|p| [p.x(), p.y()]).collect();
        (matches!(ring, PolygonRing::Outer(_)), points)
    }
    match shape {
        Shape::Polygon(polygon) => Some(polygon.rings().iter().map(xy).collect()),
        Shape::PolygonM(polygon) => Some(polygon.rings().iter().map(xy).collect()),
        Shape::PolygonZ(polygon) => Some(polygon.rings().iter().map(xy).collect()),
        Shape::NullShape => {
            skipped.add("shape with no geometry (Null)");
            None
        }
        other => {
            skipped.add(format!("{} shape", other.shapetype()));
            None
        }
    }
}

/// Polygons as GeoJSON lists them (outer ring, then its holes) from rings in any
/// order: each hole goes to the smallest outer ring that holds its first point. A
/// hole that no outer ring holds is drawn as an outer ring (its winding was wrong),
/// as GDAL reads it, rather than dropped.
fn group_rings(rings: Vec<Ring>) -> Vec<Vec<Vec<[f64; 2]>>> {
    let (outers, inners): (Vec<Ring>, Vec<Ring>) = rings.into_iter().partition(|(outer, _)| *outer);
    let mut polygons: Vec<Vec<Vec<[f64; 2]>>> =
        outers.into_iter().map(|(_, ring)| vec![ring]).collect();
    let shapes: Vec<Option<OuterShape>> = polygons
        .iter()
        .map(|rings| outer_shape(&rings[0]))
        .collect();
    for (_, hole) in inners {
        let Some(first) = hole.first().map(|p| Point::new(p[0], p[1])) else {
            continue;
        };
        let holder = shapes
            .iter()
            .enumerate()
            .filter_map(|(index, shape)| shape.as_ref().map(|s| (index, s)))
            .filter(|(_, (_, bounds, _))| bounds_hold(bounds, first))
            .filter(|(_, (polygon, _, _))| polygon.contains(&first) || on_ring(polygon, first))
            .min_by(|a, b| a.1.2.total_cmp(&b.1.2))
            .map(|(index, _)| index);
        match holder {
            Some(index) => polygons[index].push(hole),
            None => polygons.push(vec![hole]),
        }
    }
    polygons
}

/// An outer ring as a polygon, with its bounds and area, for finding holes' owners.
fn outer_shape(ring: &[[f64; 2]]) -> Option<OuterShape> {
    let line: LineString<f64> = ring.iter().map(|p| Coord { x: p[0], y: p[1] }).collect();
    let polygon = Polygon::new(line, Vec::new());
    let bounds = polygon.bounding_rect()?;
    let area = polygon.unsigned_area();
    Some((polygon, bounds, area))
}

/// Whether `point` lies within `bounds`, edges included.
fn bounds_hold(bounds: &Rect<f64>, point: Point<f64>) -> bool {
    let (min, max) = (bounds.min(), bounds.max());
    (min.x..=max.x).contains(&point.x()) && (min.y..=max.y).contains(&point.y())
}

/// Whether `point` is one of `polygon`'s vertices: a hole may touch its outer ring.
fn on_ring(polygon: &Polygon<f64>, point: Point<f64>) -> bool {
    polygon.exterior().0.contains(&point.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64, outer: bool) -> Ring {
        let mut ring = vec![
            [x, y],
            [x + size, y],
            [x + size, y + size],
            [x, y + size],
            [x, y],
        ];
        if outer {
            ring.reverse();
        }
        (outer, ring)
    }

    #[test]
    fn holes_go_to_the_ring_that_holds_them_whatever_the_order() {
        let rings = vec![
            square(20.0, 20.0, 1.0, false),
            square(0.0, 0.0, 10.0, true),
            square(18.0, 18.0, 10.0, true),
            square(2.0, 2.0, 1.0, false),
        ];
        let polygons = group_rings(rings);
        assert_eq!(polygons.len(), 2);
        assert_eq!(polygons[0].len(), 2, "the 10° square keeps its hole at 2°");
        assert_eq!(polygons[0][1][0], [2.0, 2.0]);
        assert_eq!(
            polygons[1].len(),
            2,
            "the square at 18° keeps its hole at 20°"
        );
        assert_eq!(polygons[1][1][0], [20.0, 20.0]);
    }

    #[test]
    fn a_hole_inside_an_island_inside_a_lake_goes_to_the_island() {
        let rings = vec![
            square(0.0, 0.0, 10.0, true),
            square(2.0, 2.0, 6.0, false),
            square(3.0, 3.0, 4.0, true),
            square(4.0, 4.0, 1.0, false),
        ];
        let polygons = group_rings(rings);
        assert_eq!(polygons.len(), 2);
        assert_eq!(polygons[0][1][0], [2.0, 2.0]);
        assert_eq!(
            polygons[1][1][0],
            [4.0, 4.0],
            "the smallest ring holding it wins"
        );
    }

    #[test]
    fn a_hole_no_ring_holds_is_drawn_not_dropped() {
        let polygons = group_rings(vec![
            square(0.0, 0.0, 1.0, true),
            square(5.0, 5.0, 1.0, false),
        ]);
        assert_eq!(polygons.len(), 2);
    }

    #[test]
    fn whole_numbers_read_as_integers() {
        assert_eq!(number_value(380.0), Value::from(380));
        assert_eq!(number_value(1.5), serde_json::json!(1.5));
        assert_eq!(number_value(f64::NAN), Value::Null);
    }
}
