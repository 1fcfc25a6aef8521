#!/usr/bin/env python3
"""Rebuild the shapefile zips the tests read, from the bundled Natural Earth outlines.

Natural Earth is mostly downloaded as a shapefile zip (`ne_110m_admin_0_countries.zip`:
.shp, .shx, .dbf, .prj, .cpg and a VERSION.txt at the top level, fields in upper case).
The tests need that form without the network, so this script writes the bundled
`assets/countries-110m.geojson` (Natural Earth 1:110m, public domain) the same way with
GDAL (through pyogrio, from PyPI), then zips it byte-for-byte reproducibly (fixed entry
times; the .dbf's "last update" date fixed).

    python3 tests/data/build_shapefiles.py

writes:
- tests/data/shapefile/ne_110m_admin_0_countries.zip: every country, UTF-8 (.cpg "UTF-8").
- tests/data/shapefile/latin1_countries.zip: five countries, names in Windows-1252 and a
  .cpg saying so, as older GIS tools write them ("Côte d'Ivoire" must still read right).

Needs: pip install pyogrio geopandas (geopandas 1.x, pyogrio 0.13 were used).
"""

import pathlib
import tempfile
import zipfile

import geopandas

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "assets" / "countries-110m.geojson"
OUT = ROOT / "tests" / "data" / "shapefile"
LAYER = "ne_110m_admin_0_countries"
FIXED_TIME = (2020, 4, 9, 0, 0, 0)
LATIN1_COUNTRIES = ["CIV", "ITA", "ZAF", "LSO", "FJI"]


def natural_earth_fields(frame):
    """Upper-case fields as Natural Earth's shapefile has them; -99 where no code."""
    out = geopandas.GeoDataFrame(
        {
            "NAME": frame["name"],
            "ISO_A3": frame["iso_a3"].fillna("-99"),
            "ISO_N3": frame["iso_n3"].fillna("-99"),
        },
        geometry=frame.geometry,
        crs="EPSG:4326",
    )
    return out


def fix_dbf_date(dbf: pathlib.Path):
    """The .dbf header holds the day it was written (bytes 1-3): fix it."""
    data = bytearray(dbf.read_bytes())
    data[1:4] = bytes([120, 4, 9])  # 2020-04-09
    dbf.write_bytes(bytes(data))


def write_zip(frame, zip_path: pathlib.Path, encoding: str):
    with tempfile.TemporaryDirectory() as tmp:
        shp = pathlib.Path(tmp) / f"{LAYER}.shp"
        frame.to_file(shp, driver="ESRI Shapefile", engine="pyogrio", encoding=encoding)
        fix_dbf_date(shp.with_suffix(".dbf"))
        (pathlib.Path(tmp) / f"{LAYER}.VERSION.txt").write_text("5.1.1\n")
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part in sorted(pathlib.Path(tmp).iterdir()):
                info = zipfile.ZipInfo(part.name, date_time=FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, part.read_bytes())


def main():
    frame = natural_earth_fields(geopandas.read_file(SOURCE, engine="pyogrio"))
    write_zip(frame, OUT / f"{LAYER}.zip", "UTF-8")
    latin1 = frame[frame["ISO_A3"].isin(LATIN1_COUNTRIES)]
    write_zip(latin1, OUT / "latin1_countries.zip", "CP1252")
    for path in sorted(OUT.glob("*.zip")):
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
