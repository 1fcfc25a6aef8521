//! Turning a shapefile's shapes and `.dbf` records into the features every outline
//! reader hands to `build_country`, so a shapefile joins by the same keys as GeoJSON
//! (`NAME`, `ISO_A3`, `ADM0_A3`, ...). The `shapefile` crate reads the bytes; what is
//! ours is putting each hole back in the outer ring that holds it (the format lists
//! rings in any order) and refusing names the `.cpg`'s encoding cannot read.

use std::io::Cursor;

use geo::{Area, BoundingRect, Contains, Coord, LineString, Point, Polygon, Rect};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
use serde_json::{Map, Value};
use shapefile::dbase::{self, FieldValue};
use shapefile::{PolygonRing, Shape, ShapeReader};

use crate::data::outline::{RawFeature, Skipped, VertexBudget};
use crate::data::properties::{ALPHA3_KEYS, NAME_KEYS, NUMERIC_KEYS};
use crate::data::shapefile_files::ShapefileParts;
use crate::error::{LoadError, Location};

/// One ring as read: whether the format marks it outer (clockwise), and its positions.
type Ring = (bool, Vec<[f64; 2]>);
/// The most outer rings whose bounds may hold one point of a hole: real outlines have a
/// few; thousands nested round one point would make matching holes quadratic.
const MAX_NESTED: usize = 1_000;
/// An outer ring as a polygon, with its bounds and area: what finding a hole's owner needs.
type OuterShape = (Polygon<f64>, Rect<f64>, f64);

/// The features of a shapefile, in file order: polygon shapes with their records'
/// fields as properties. Shapes that are not polygons, and shapes whose record is
/// marked deleted, are counted in `skipped`. Shape k takes record k, always: a `.dbf`
/// with more or fewer records than the `.shp` has shapes is an error, never a shift.
pub fn read_features(
    parts: ShapefileParts,
    skipped: &mut Skipped,
    budget: &mut VertexBudget,
) -> Result<Vec<RawFeature>, LoadError> {
    let ShapefileParts {
        shp_name,
        shp,
        shx,
        dbf_name,
        dbf,
        encoding,
    } = parts;
    let mut table = Table::open(&dbf_name, dbf, encoding)?;
    let mut shapes = match shx {
        Some(shx) => ShapeReader::with_shx(Cursor::new(shp), Cursor::new(shx)),
        None => ShapeReader::new(Cursor::new(shp)),
    }
    .map_err(|err| LoadError::new(&shp_name, shapefile_message(&err)))?;
    let mut features = Vec::new();
    let mut count = 0;
    for (index, shape) in shapes.iter_shapes().enumerate() {
        count = index + 1;
        let location = Location::Part(format!("shape {count}"));
        let shape = shape
            .map_err(|err| LoadError::at(&shp_name, location.clone(), shapefile_message(&err)))?;
        let Some(properties) = table.record(index, skipped)? else {
            continue;
        };
        let Some(rings) = rings_of(shape, skipped) else {
            continue;
        };
        let vertices = rings.iter().map(|(_, ring)| ring.len()).sum();
        budget
            .spend(vertices)
            .map_err(|message| LoadError::at(&shp_name, location.clone(), message))?;
        let polygons = group_rings(rings)
            .map_err(|message| LoadError::at(&shp_name, location.clone(), message))?;
        features.push(RawFeature {
            location,
            id: None,
            properties,
            polygons,
        });
    }
    table.check_count(count)?;
    Ok(features)
}

/// The `.dbf`'s records, read one by one beside the shapes.
struct Table {
    name: String,
    file: dbase::File<Cursor<Vec<u8>>>,
    /// The `.cpg`'s label, for messages.
    label: Option<String>,
}

impl Table {
    fn open(
        name: &str,
        mut dbf: Vec<u8>,
        encoding: Option<(&'static encoding_rs::Encoding, String)>,
    ) -> Result<Table, LoadError> {
        // Bytes 1-3 are the day the file was last written, which nothing here uses;
        // dbase refuses a file whose day is not a date (0/0/0, as some tools write),
        // so a valid one stands in for it.
        if let Some(day) = dbf.get_mut(1..4) {
            day.copy_from_slice(&[95, 1, 1]);
        }
        let source = Cursor::new(dbf);
        let file = match &encoding {
            Some((encoding, _)) => dbase::File::open_with_encoding(
                source,
                dbase::encoding::EncodingRs::from(*encoding),
            ),
            None => dbase::File::open(source),
        }
        .map_err(|err| LoadError::new(name, format!("cannot read the .dbf: {}", err.kind())))?;
        Ok(Table {
            name: name.to_string(),
            file,
            label: encoding.map(|(_, label)| label),
        })
    }

    /// Record `index` as properties; `None` (counted in `skipped`) where it is marked
    /// deleted.
    fn record(
        &mut self,
        index: usize,
        skipped: &mut Skipped,
    ) -> Result<Option<Map<String, Value>>, LoadError> {
        let records = self.file.num_records();
        let at = |what: String| Location::Part(what);
        let name = self.name.clone();
        let Some(mut record) = self.file.record(index) else {
            return Err(LoadError::new(&name, mismatch(records, "more")));
        };
        let cannot = |err: dbase::Error| {
            LoadError::at(
                &name,
                at(format!("record {}", index + 1)),
                format!("cannot read it: {}", err.kind()),
            )
        };
        if record.is_deleted().map_err(cannot)? {
            skipped.add("shape whose .dbf record is marked deleted");
            return Ok(None);
        }
        let record = record.read().map_err(cannot)?;
        properties_of(record).map(Some).map_err(|field| {
            LoadError::at(
                &name,
                at(format!("record {}, field {field}", index + 1)),
                undecodable(self.label.as_deref()),
            )
        })
    }

    /// An error where the `.dbf` has records beyond the `.shp`'s `shapes` shapes.
    fn check_count(&self, shapes: usize) -> Result<(), LoadError> {
        let records = self.file.num_records();
        if records > shapes {
            return Err(LoadError::new(&self.name, mismatch(records, "fewer")));
        }
        Ok(())
    }
}

/// Why a `.dbf` of `records` records cannot go with a `.shp` that has `more` or
/// `fewer` shapes.
fn mismatch(records: usize, more_or_fewer: &str) -> String {
    format!(
        "the .dbf has {records} records and the .shp {more_or_fewer} shapes: shape k takes \
         record k, so the two do not belong together (a record too many or too few would \
         give every later shape another's name)"
    )
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
            "the text is not valid {label} (the encoding its .cpg names), or holds control \
             characters: the names would be read wrongly (correct the .cpg or the text)"
        ),
        None => "the text is not valid in the .dbf's encoding, or holds control characters, \
                 and there is no .cpg to say which encoding it is: add one beside the .dbf \
                 naming it (for example UTF-8 or 1252)"
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
                if unreadable(&text, is_key(&name)) {
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

/// Whether `text` could not have been read right: the decoder's U+FFFD, a C1 control
/// (a byte the code page leaves undefined, as Windows-1252's 0x81), or, in a field
/// aidmap joins by (`key`), any control character.
fn unreadable(text: &str, key: bool) -> bool {
    text.chars()
        .any(|c| c == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&c) || (key && c.is_control()))
}

/// Whether field `name` is one aidmap joins by (a name or a code).
fn is_key(name: &str) -> bool {
    [NAME_KEYS, ALPHA3_KEYS, NUMERIC_KEYS]
        .iter()
        .flat_map(|keys| keys.iter())
        .any(|key| key.eq_ignore_ascii_case(name))
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
fn group_rings(rings: Vec<Ring>) -> Result<Vec<Vec<Vec<[f64; 2]>>>, String> {
    let (outers, inners): (Vec<Ring>, Vec<Ring>) = rings.into_iter().partition(|(outer, _)| *outer);
    let mut polygons: Vec<Vec<Vec<[f64; 2]>>> =
        outers.into_iter().map(|(_, ring)| vec![ring]).collect();
    if inners.is_empty() {
        return Ok(polygons);
    }
    let shapes: Vec<Option<OuterShape>> = polygons
        .iter()
        .map(|rings| outer_shape(&rings[0]))
        .collect();
    // The outer rings' bounds in an R-tree: a shape of 400,000 islands each with a
    // lake takes a look-up per lake, not a pass over every island.
    let boxes: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>> = RTree::bulk_load(
        shapes
            .iter()
            .enumerate()
            .filter_map(|(index, shape)| {
                let (_, bounds, _) = shape.as_ref()?;
                let (min, max) = (bounds.min(), bounds.max());
                Some(GeomWithData::new(
                    Rectangle::from_corners([min.x, min.y], [max.x, max.y]),
                    index,
                ))
            })
            .collect(),
    );
    for (_, hole) in inners {
        let Some(first) = hole.first().copied() else {
            continue;
        };
        let point = Point::new(first[0], first[1]);
        let candidates: Vec<usize> = boxes
            .locate_all_at_point(&first)
            .map(|entry| entry.data)
            .take(MAX_NESTED + 1)
            .collect();
        if candidates.len() > MAX_NESTED {
            return Err(format!(
                "more than {MAX_NESTED} rings lie around one point of a hole: this is not an \
                 outline aidmap can draw"
            ));
        }
        let holder = candidates
            .into_iter()
            .filter_map(|index| shapes[index].as_ref().map(|shape| (index, shape)))
            .filter(|(_, (polygon, _, _))| polygon.contains(&point) || on_ring(polygon, point))
            .min_by(|a, b| a.1.2.total_cmp(&b.1.2))
            .map(|(index, _)| index);
        match holder {
            Some(index) => polygons[index].push(hole),
            None => polygons.push(vec![hole]),
        }
    }
    Ok(polygons)
}

/// An outer ring as a polygon, with its bounds and area, for finding holes' owners.
fn outer_shape(ring: &[[f64; 2]]) -> Option<OuterShape> {
    let line: LineString<f64> = ring.iter().map(|p| Coord { x: p[0], y: p[1] }).collect();
    let polygon = Polygon::new(line, Vec::new());
    let bounds = polygon.bounding_rect()?;
    let area = polygon.unsigned_area();
    Some((polygon, bounds, area))
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
        let polygons = group_rings(rings).unwrap();
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
        let polygons = group_rings(rings).unwrap();
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
        ])
        .unwrap();
        assert_eq!(polygons.len(), 2);
    }

    #[test]
    fn many_islands_each_with_a_lake_are_matched_one_look_up_each() {
        // 100,000 squares in a row, each with a hole: matching by a pass over every
        // square per hole took minutes; the R-tree makes it a look-up each.
        let rings: Vec<Ring> = (0..100_000)
            .flat_map(|k| {
                let x = f64::from(k) * 0.001;
                [
                    square(x, 0.0, 0.0008, true),
                    square(x + 0.0002, 0.0002, 0.0004, false),
                ]
            })
            .collect();
        let polygons = group_rings(rings).unwrap();
        assert_eq!(polygons.len(), 100_000);
        assert!(polygons.iter().all(|p| p.len() == 2));
    }

    #[test]
    fn rings_nested_without_end_round_one_point_are_refused() {
        let mut rings: Vec<Ring> = (1..=1_200)
            .map(|k| square(-f64::from(k), -f64::from(k), 2.0 * f64::from(k), true))
            .collect();
        rings.push(square(-0.1, -0.1, 0.2, false));
        assert!(group_rings(rings).is_err());
    }

    #[test]
    fn whole_numbers_read_as_integers() {
        assert_eq!(number_value(380.0), Value::from(380));
        assert_eq!(number_value(1.5), serde_json::json!(1.5));
        assert_eq!(number_value(f64::NAN), Value::Null);
    }
}
