"""Admin1 names as ACLED writes them, and no two admin1s of a country under one name."""
from __future__ import annotations

import csv
import json

import pytest

from events.geo import GazetteerError, Gazetteer, gazetteer
from events.geo import build
from events.extract.places import geocode


@pytest.mark.parametrize("name, cc, ours, acled", [
    ("Taiz", "YE", "Taiz", "Taizz"),
    ("Daraa", "SY", "Daraa", "Dar'a"),
    ("Khost province", "AF", "Khowst", "Khost"),
    ("Mogadishu", "SO", "Banaadir", "Banadir"),
])
def test_geo_admin1_written_as_acled_writes_it(name, cc, ours, acled):
    g = gazetteer()
    entry = max((e for e in g.lookup(name.split()[0]) if e.cc == cc), key=lambda e: e.population)
    assert entry.admin1 == ours                        # the gazetteer keeps GeoNames' voted name
    assert g.place(entry).admin1 == acled              # the output uses ACLED's spelling


def test_geo_admin1_unmapped_names_unchanged():
    g = gazetteer()
    kabul = max(g.lookup("Kabul"), key=lambda e: e.population)
    assert g.place(kabul).admin1 == "Kabul"
    jakarta = [m for m in geocode("Polisi membubarkan massa di Jakarta.", "id") if m.text == "Jakarta"][0]
    assert jakarta.place.admin1 == "Jakarta"


def test_geo_admin1_mapping_reaches_the_places_stage():
    found = {m.text: m.place for m in geocode("Houthi forces shelled a market in Taiz city on Friday.")}
    assert found["Taiz"].admin1 == "Taizz" and found["Taiz"].country == "Yemen"


@pytest.mark.parametrize("cc, names", [
    ("MX", ("Mexico", "Mexico City")),        # Estado de Mexico and Ciudad de Mexico
    ("UA", ("Kyiv", "Kyiv Oblast")),
    ("RU", ("Moscow", "Moscow Oblast")),
])
def test_geo_admin1_names_distinct_within_a_country(cc, names):
    g = gazetteer()
    entries = [g.admin1_entry(cc, n) for n in names]
    assert all(e is not None for e in entries)
    assert len({e.geonameid for e in entries}) == len(names)


def test_geo_mexico_city_is_in_mexico_city():
    g = gazetteer()
    city = max(g.lookup("Mexico City"), key=lambda e: e.population)
    assert city.kind == "city" and city.admin1 == "Mexico City"


def test_geo_admin1_names_file_errors(tmp_path):
    bad = tmp_path / "admin1_names.json"
    bad.write_text(json.dumps({"admin1": {"no slash": {"acled": "X"}}}), encoding="utf-8")
    with pytest.raises(GazetteerError, match="bad entry"):
        Gazetteer(admin1_names_path=bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError, match="rebuild it"):
        Gazetteer(admin1_names_path=bad)


def test_geo_admin1_names_file_missing_means_our_names(tmp_path):
    g = Gazetteer(admin1_names_path=tmp_path / "none.json")
    taiz = max(g.lookup("Taiz"), key=lambda e: e.population)
    assert g.place(taiz).admin1 == "Taiz"


@pytest.mark.parametrize("a, b, same", [
    ("Dar'a", "Dar a", True), ("Elgeyo-Marakwet", "Elgeyo Marakwet", True), ("Taizz", "Taiz", False),
])
def test_geo_written_form(a, b, same):
    assert (build.written_form(a) == build.written_form(b)) is same


@pytest.mark.parametrize("name, forms, found", [
    ("Sadah", [("Şāʻdah", "GeoNames name")], "Şāʻdah"),                          # ayn and accents off
    ("Suqutra", [("Arkhabīl Suquţrá", "GeoNames name")], "Arkhabīl Suquţrá"),    # its last word
    ("Wardak", [("Maidan Wardak", "GeoNames alternate name")], "Maidan Wardak"),
    ("Idleb", [("Idlib", "GeoNames name"), ("Idlib Governorate", "GeoNames alternate name")], None),
    ("Su", [("Arkhabil Su", "GeoNames name")], None),                           # too short a tail
])
def test_geo_admin1_name_needs_a_source(name, forms, found):
    strip = build._Stripper(build._config())
    got = build._supported(name, forms, strip)
    assert (got[0] if got else None) == found


def test_geo_admin1_names_from_coded_rows(tmp_path):
    """Rows at points inside a division vote for its name; one row is not enough, and a name no
    source has is not taken."""
    g = gazetteer()
    taiz = max(g.lookup("Taiz"), key=lambda e: e.population)
    sanaa = max(g.lookup("Sanaa"), key=lambda e: e.population)
    path = tmp_path / "coded.csv"
    rows = [("Yemen", "Taizz", taiz), ("Yemen", "Taizz", taiz), ("Yemen", "Taiz", taiz),
            ("Yemen", "Sanaa City", sanaa)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["country", "admin1", "latitude", "longitude"])
        for country, admin1, e in rows:
            out.writerow([country, admin1, e.lat, e.lon])
    found = {(e["cc"], e["admin1"]): e for e in build.acled_admin1_names(path)}
    assert found[("YE", "Taiz")]["acled"] == "Taizz" and found[("YE", "Taiz")]["rows"] == 2
    assert found[("YE", "Taiz")]["source"] == "GeoNames name"
    assert not any(cc == "YE" and e["acled"] == "Sanaa City" for (cc, _), e in found.items())
