//! Reading TopoJSON outlines. A Topology stores shared borders once, as arcs (usually
//! quantized and delta-encoded); polygons list the arcs of their rings by index, a
//! negative index (`!i`) meaning arc `i` reversed. We decode this ourselves: it is a few
//! dozen lines, and the `topojson` crate pins an older geojson than ours.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::data::outline::{RawFeature, Skipped, VertexBudget};
use crate::data::text;
use crate::error::{LoadError, Location};

#[derive(Deserialize)]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: Map<String, Value>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(default)]
    arcs: Option<Value>,
    #[serde(default)]
    geometries: Option<Vec<Geometry>>,
}

/// The features of the TopoJSON document `whole`. `object` names the object to read;
/// without it, the first object that holds polygons is read.
pub fn read_features(
    file: &str,
    whole: &str,
    object: Option<&str>,
    skipped: &mut Skipped,
    budget: &mut VertexBudget,
) -> Result<Vec<RawFeature>, LoadError> {
    let topology: Topology =
        serde_json::from_str(whole).map_err(|err| text::json_error(file, &err))?;
    // Every arc counts, used or not: a file of unused arcs costs memory all the same.
    let positions: usize = topology.arcs.iter().map(Vec::len).sum();
    budget
        .spend(positions)
        .map_err(|message| LoadError::new(file, message))?;
    let arcs = decode_arcs(file, &topology)?;
    let names: Vec<&String> = topology.objects.keys().collect();
    let chosen: Vec<(&String, &Value)> = match object {
        Some(name) => match topology.objects.get_key_value(name) {
            Some(entry) => vec![entry],
            None => {
                let known: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
                return Err(LoadError::new(
                    file,
                    format!(
                        "the topology has no object '{name}' (it has {})",
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                ));
            }
        },
        None => topology.objects.iter().collect(),
    };
    for (name, value) in chosen {
        let geometry: Geometry = serde_json::from_value(value.clone()).map_err(|err| {
            LoadError::at(
                file,
                Location::Part(format!("object '{name}'")),
                err.to_string(),
            )
        })?;
        let mut members = Vec::new();
        flatten(geometry, &mut members);
        let mut features = Vec::with_capacity(members.len());
        let mut local_skipped = Skipped::default();
        for (index, member) in members.into_iter().enumerate() {
            let place = format!("object '{name}', geometry {}", index + 1);
            features.push(build(
                file,
                &place,
                member,
                &arcs,
                &mut local_skipped,
                budget,
            )?);
        }
        let found = features.iter().any(|f| !f.polygons.is_empty()) || object.is_some();
        for (reason, count) in local_skipped.0 {
            *skipped.0.entry(reason).or_insert(0) += count;
        }
        if found {
            return Ok(features);
        }
    }
    Ok(Vec::new())
}

/// Geometry collections, nested or not, as their member geometries.
fn flatten(geometry: Geometry, out: &mut Vec<Geometry>) {
    match (geometry.kind.as_deref(), geometry.geometries) {
        (Some("GeometryCollection"), Some(members)) => {
            for member in members {
                flatten(member, out);
            }
        }
        (_, geometries) => out.push(Geometry {
            geometries,
            ..geometry
        }),
    }
}

fn build(
    file: &str,
    place: &str,
    geometry: Geometry,
    arcs: &[Vec<[f64; 2]>],
    skipped: &mut Skipped,
    budget: &mut VertexBudget,
) -> Result<RawFeature, LoadError> {
    let id = geometry.id.as_ref().and_then(|id| match id {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    });
    let place = match &id {
        Some(id) => format!("{place} (id {id})"),
        None => place.to_string(),
    };
    let bad = |message: String| LoadError::at(file, Location::Part(place.clone()), message);
    let arc_lists = geometry.arcs.unwrap_or(Value::Null);
    let polygons: Vec<Vec<Vec<i64>>> = match geometry.kind.as_deref() {
        Some("Polygon") => vec![
            serde_json::from_value(arc_lists)
                .map_err(|err| bad(format!("bad Polygon arcs: {err}")))?,
        ],
        Some("MultiPolygon") => serde_json::from_value(arc_lists)
            .map_err(|err| bad(format!("bad MultiPolygon arcs: {err}")))?,
        Some(other) => {
            skipped.add(format!("{other} geometries"));
            Vec::new()
        }
        None => {
            skipped.add("geometries without a type");
            Vec::new()
        }
    };
    let mut out = Vec::with_capacity(polygons.len());
    for polygon in polygons {
        let mut rings = Vec::with_capacity(polygon.len());
        for ring in polygon {
            rings.push(stitch(&ring, arcs, budget).map_err(&bad)?);
        }
        out.push(rings);
    }
    Ok(RawFeature {
        location: Location::Part(place.clone()),
        id,
        properties: geometry.properties.unwrap_or_default(),
        polygons: out,
    })
}

/// The ring made of the arcs `indices`, each arc after the first without its first
/// position (it repeats the previous arc's last one).
fn stitch(
    indices: &[i64],
    arcs: &[Vec<[f64; 2]>],
    budget: &mut VertexBudget,
) -> Result<Vec<[f64; 2]>, String> {
    let mut ring: Vec<[f64; 2]> = Vec::new();
    for &index in indices {
        let (arc_number, reversed) = if index >= 0 {
            (index, false)
        } else {
            (!index, true)
        };
        let arc = usize::try_from(arc_number)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or_else(|| {
                format!(
                    "arc index {index} is out of range (the topology has {} arcs)",
                    arcs.len()
                )
            })?;
        budget.spend(arc.len())?;
        let skip = usize::from(!ring.is_empty());
        if reversed {
            ring.extend(arc.iter().rev().skip(skip));
        } else {
            ring.extend(arc.iter().skip(skip));
        }
    }
    Ok(ring)
}

/// Arcs in absolute coordinates: undo the delta encoding and quantization when the
/// topology has a transform.
fn decode_arcs(file: &str, topology: &Topology) -> Result<Vec<Vec<[f64; 2]>>, LoadError> {
    let mut decoded = Vec::with_capacity(topology.arcs.len());
    for (index, arc) in topology.arcs.iter().enumerate() {
        let mut points = Vec::with_capacity(arc.len());
        let (mut x, mut y) = (0.0, 0.0);
        for position in arc {
            let [a, b] = match position.as_slice() {
                [a, b, ..] => [*a, *b],
                _ => {
                    return Err(LoadError::at(
                        file,
                        Location::Part(format!("arc {index}")),
                        "a position has fewer than two numbers",
                    ));
                }
            };
            points.push(match &topology.transform {
                Some(t) => {
                    x += a;
                    y += b;
                    [
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    ]
                }
                None => [a, b],
            });
        }
        decoded.push(points);
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_indices_reverse_arcs_and_shared_points_are_not_repeated() {
        let arcs = vec![
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]],
            vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
        ];
        let mut budget = VertexBudget::new(100);
        let ring = stitch(&[0, !1], &arcs, &mut budget).unwrap();
        assert_eq!(
            ring,
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
        );
        assert!(
            stitch(&[7], &arcs, &mut budget)
                .unwrap_err()
                .contains("out of range")
        );
        let mut small = VertexBudget::new(4);
        assert!(
            stitch(&[0, 0], &arcs, &mut small)
                .unwrap_err()
                .contains("--max-vertices")
        );
    }
}
