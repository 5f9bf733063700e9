"""Country outlines for the report's map, shipped with the package (Natural Earth, public domain).

The file is built by `python -m events.report.outlines_build`; the map inlines only the
countries that reach into the events' box, so a report on one region stays small.
"""
from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

OUTLINES_PATH = Path(__file__).resolve().parent / "outlines.json.gz"


@functools.cache
def collection() -> dict:
    """The whole GeoJSON FeatureCollection (250 countries and territories)."""
    return json.loads(gzip.decompress(OUTLINES_PATH.read_bytes()))


MIN_RING_AREA = 0.01      # square degrees; a ring that rounding flattened would fill the globe in d3-geo


def _area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def _ring(ring: list, digits: int) -> list[list[float]]:
    kept: list[list[float]] = []
    for x, y in ring:
        pt = [round(x, digits), round(y, digits)]
        if not kept or pt != kept[-1]:
            kept.append(pt)
    return kept if len(kept) >= 4 and abs(_area(kept)) >= MIN_RING_AREA else []


def _coarse(polygons: list, digits: int) -> list:
    """Coordinates rounded to `digits`, repeated points dropped, rings too small to see dropped."""
    out = []
    for exterior, *holes in polygons:
        outer = _ring(exterior, digits)
        if outer:
            out.append([outer, *(r for h in holes if (r := _ring(h, digits)))])
    return out


def features(box: tuple[float, float, float, float] | None = None, coarse: bool = False) -> list[dict]:
    """Countries whose bounding box meets `box` (west, south, east, north), or all of them;
    `coarse` for a world map (0.4 degree detail, one decimal: finer than a pixel there)."""
    digits = 1 if coarse else 2
    found = []
    for f in collection()["features"]:
        if box is not None:
            w, s, e, n = f["properties"]["bbox"]
            if w > box[2] or e < box[0] or s > box[3] or n < box[1]:
                continue
        coordinates = _coarse(f["coarse"] if coarse else f["geometry"]["coordinates"], digits)
        if coordinates:
            found.append({"type": "Feature", "properties": {"name": f["properties"]["name"],
                                                            "iso3": f["properties"]["iso3"]},
                          "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return found
