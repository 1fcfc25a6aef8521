// Regenerates assets/countries-{110m,50m}.geojson from the npm package world-atlas@2.0.2
// (Natural Earth 4.1.0 admin-0 countries as TopoJSON).
//
// Run from this folder:  npm ci && npm run build
//
// What it does, and nothing more:
//  - decodes the TopoJSON object `countries` with topojson-client (the reference decoder);
//  - keeps each feature's ISO 3166-1 numeric code (the TopoJSON `id`) and Natural Earth's
//    English short name (`properties.name`);
//  - adds the ISO 3166-1 alpha-3 code for that numeric code from i18n-iso-countries;
//  - rounds coordinates to 6 decimals (0.1 m; the source is quantized to ~400 m);
//  - writes one feature per line, in the source's order, so diffs stay readable.
// Features Natural Earth gives no ISO code (Kosovo, N. Cyprus, Somaliland, ...) keep
// null codes: aidmap joins them by name. Nothing is filled in by hand.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import isoCountries from "i18n-iso-countries";

const here = path.dirname(fileURLToPath(import.meta.url));
const atlas = path.join(here, "node_modules", "world-atlas");
const round = (x) => Math.round(x * 1e6) / 1e6;

function roundCoordinates(value) {
  return typeof value === "number" ? round(value) : value.map(roundCoordinates);
}

function convert(resolution) {
  const topology = JSON.parse(fs.readFileSync(path.join(atlas, `countries-${resolution}.json`), "utf8"));
  const collection = feature(topology, topology.objects.countries);
  const lines = collection.features.map((f) => {
    const numeric = f.id === undefined ? null : String(f.id);
    const alpha3 = numeric === null ? null : isoCountries.numericToAlpha3(numeric) ?? null;
    const out = {
      type: "Feature",
      id: numeric,
      properties: { name: f.properties.name, iso_a3: alpha3, iso_n3: numeric },
      geometry: f.geometry === null ? null : {
        type: f.geometry.type,
        coordinates: roundCoordinates(f.geometry.coordinates),
      },
    };
    return JSON.stringify(out);
  });
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
  const target = path.join(here, "..", `countries-${resolution}.geojson`);
  fs.writeFileSync(target, text);
  console.log(`${target}: ${lines.length} features`);
}

convert("110m");
convert("50m");
