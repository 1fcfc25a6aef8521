"""Reference values for tests/projections.rs, from PROJ through pyproj.

Run: pip install pyproj && python3 tests/reference/projections.py > tests/reference/projections.csv
Each projection on the unit sphere (+R=1), as aidmap's formulas are.
"""
import pyproj

PROJECTIONS = {
    "equal-earth": "+proj=eqearth +R=1",
    "natural-earth": "+proj=natearth +R=1",
    "equirectangular": "+proj=eqc +R=1",
    "mercator": "+proj=merc +R=1",
}
POINTS = [
    (0, 0), (12.4964, 41.9028), (-180, 0), (180, 0), (179.99, -16.5), (-70.5, -33.4),
    (139.7, 35.7), (-0.1, 51.5), (151.2, -33.9), (37.6, 55.75), (0, 89.9), (45, -89.9),
    (-120, 60), (100.5, 13.75), (-43.2, -22.9), (28.2, -29.6), (178, -17.8), (-175, 67),
    (90, 84.9), (-30, -84.9),
]

print("projection,lon,lat,x,y")
for key, definition in PROJECTIONS.items():
    transformer = pyproj.Transformer.from_crs("+proj=longlat +R=1", definition, always_xy=True)
    for lon, lat in POINTS:
        if key == "mercator" and abs(lat) > 85:
            continue
        x, y = transformer.transform(lon, lat)
        print(f"{key},{lon},{lat},{x:.12f},{y:.12f}")
