"""Kenya's constituencies and wards, which GeoNames lacks (no second level there, few of their
towns), are places in the right county (kenya-data: IEBC 2012 units, COD-AB centres;
events/geo/build.py): a constituency at its centre, a ward at its constituency's centre, both
of the precision of a part of a region. Own sentences, both languages."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from events import pipeline
from events.article import Article
from events.geo import gazetteer


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


def _rows(text: str, language: str = "en") -> list[dict]:
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language=language)).rows


# (constituency, its county, a point inside it, from a map)
CONSTITUENCIES = [("Kisauni", "Mombasa", -3.99, 39.71), ("Mathare", "Nairobi", -1.26, 36.86),
                  ("Kibra", "Nairobi", -1.31, 36.78), ("Embakasi East", "Nairobi", -1.31, 36.91)]


@pytest.mark.parametrize("name, county, lat, lon", CONSTITUENCIES)
def test_geo_constituency_is_a_division_of_its_county(name: str, county: str, lat: float, lon: float) -> None:
    found = [e for e in gazetteer().lookup(name) if e.cc == "KE"]
    assert [(e.kind, e.admin1, e.admin2) for e in found] == [("admin2", county, name)]
    assert _km(found[0].lat, found[0].lon, lat, lon) < 25


@pytest.mark.parametrize("name, county, constituency", [
    ("Hongwe", "Lamu", "Lamu West"),
    ("Mukaro", "Nyeri", "Nyeri Town"),          # one of a ward's two names ("Kamakwa/Mukaro")
])
def test_geo_ward_is_a_place_of_its_constituency(name: str, county: str, constituency: str) -> None:
    found = [e for e in gazetteer().lookup(name) if e.cc == "KE"]
    assert [(e.kind, e.admin1, e.admin2) for e in found] == [("admin2", county, constituency)]


@pytest.mark.parametrize("name, county, constituency", [
    ("Eastleigh", "Nairobi", "Kamukunji"),      # wards "Eastleigh North", "Eastleigh South"
    ("Dandora", "Nairobi", "Embakasi North"),   # wards "Dandora Area I" to "IV"
])
def test_geo_area_a_series_of_wards_is_parts_of_is_a_place(name: str, county: str, constituency: str) -> None:
    found = [e for e in gazetteer().lookup(name) if e.cc == "KE"]
    assert [(e.kind, e.admin1, e.admin2) for e in found] == [("admin2", county, constituency)]


@pytest.mark.parametrize("name", ["Township", "Central", "Narok Town", "Malindi Town"])
def test_geo_ward_named_by_a_word_or_its_town_is_no_place_of_its_own(name: str) -> None:
    assert not [e for e in gazetteer().lookup(name) if e.cc == "KE" and e.kind == "admin2"]


@pytest.mark.parametrize("text, language, county, location, precision", [
    ("Police fired tear gas at rioters who blocked a road in Kisauni on Monday.", "en",
     "Mombasa", "Kisauni", 2),
    ("Six people were injured when farmers and herders clashed in Hongwe ward, Lamu West, on Tuesday.", "en",
     "Lamu", "Hongwe", 2),
    ("RIOTERS BLOCKED ROADS AND BURNED TYRES IN MATHARE, NAIROBI, ON MONDAY.", "en", "Nairobi", "Mathare", 2),
    # a town named after its ward: the ward is a part of it, coded at the town
    ("Seventeen people were killed in clashes in Butiye village in Moyale town on Monday.", "en",
     "Marsabit", "Moyale", 1),
    ("Narok Town residents protested against the closure of the market on Monday.", "en", "Narok", "Narok", 1),
    ("Dua warga tewas dalam bentrokan antarkelompok di Mathare, Nairobi, Kenya, Senin (3/6/2024).", "id",
     "Nairobi", "Mathare", 2),
    ("A grenade exploded at a bus stop in Eastleigh, Nairobi, on Monday, injuring six people.", "en",
     "Nairobi", "Eastleigh", 2),
    ("Granat meledak di halte bus di Eastleigh, Nairobi, Kenya, Senin (3/6/2024), melukai enam orang.", "id",
     "Nairobi", "Eastleigh", 2),
])
def test_rows_event_in_a_constituency_or_ward_is_coded_there(text: str, language: str, county: str,
                                                               location: str, precision: int) -> None:
    rows = _rows(text, language)
    assert [(r["country"], r["admin1"], r["location"], r["geo_precision"]) for r in rows] \
        == [("Kenya", county, location, precision)]


@pytest.mark.parametrize("text, language, county", [
    # the only Kapedo the gazetteer knows is a ward across the county line: the unit written stands for it
    ("Raiders shot dead three herders in Kapedo in Tiaty Sub-county, Baringo County, on Monday.", "en", "Baringo"),
    ("Milisi bersenjata menyerang penggembala di Kapedo di Tiaty, Baringo, Kenya, Senin (3/6/2024), menewaskan "
     "tiga orang.", "id",
     "Baringo"),
])
def test_rows_small_namesake_in_another_province_gives_way_to_the_unit_written(text: str, language: str,
                                                                              county: str) -> None:
    assert [(r["country"], r["admin1"]) for r in _rows(text, language)] == [("Kenya", county)]
