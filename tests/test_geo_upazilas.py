"""Bangladesh's upazilas (sub-districts), which GeoNames' towns mostly lack, are places at their
centre in the right division (OCHA COD-AB, events/geo/build.py): an event told by its upazila is
coded there, not at its district's seat 30 km away. Own sentences, both languages."""
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


# (upazila, its division, a point inside it: the upazila's seat, from a map)
UPAZILAS = [("Nandigram", "Rajshahi", 24.66, 89.24), ("Rangunia", "Chittagong", 22.47, 92.07),
            ("Thanchi", "Chittagong", 21.79, 92.43), ("Godagari", "Rajshahi", 24.47, 88.33),
            ("Gazaria", "Dhaka", 23.54, 90.61)]


@pytest.mark.parametrize("name, division, lat, lon", UPAZILAS)
def test_geo_upazila_is_a_place_in_its_division(name: str, division: str, lat: float, lon: float) -> None:
    found = [e for e in gazetteer().lookup(name) if e.cc == "BD"]
    assert found, f"{name} is not in the gazetteer"
    assert found[0].admin1 == division
    assert _km(found[0].lat, found[0].lon, lat, lon) < 25


@pytest.mark.parametrize("text, language, location, division", [
    ("Supporters of two rival candidates clashed with sticks in Nandigram upazila (Bogura, Rajshahi) on Monday, "
     "injuring 12 people.", "en", "Nandigram", "Rajshahi"),
    ("SUPPORTERS OF TWO RIVAL CANDIDATES CLASHED IN GODAGARI UPAZILA OF RAJSHAHI, BANGLADESH, ON MONDAY.", "en",
     "Godagari", "Rajshahi"),
    ("A Buddhist monk was shot dead by unidentified gunmen in Thanchi, Bandarban district, on Monday.", "en",
     "Thanchi", "Chittagong"),
    ("Dua kelompok pendukung calon ketua bentrok di Godagari, Rajshahi, Bangladesh, Senin (3/6/2024), melukai "
     "sepuluh orang.", "id", "Godagari", "Rajshahi"),
])
def test_rows_event_in_an_upazila_is_coded_there(text: str, language: str, location: str, division: str) -> None:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language=language)).rows
    assert [(r["country"], r["admin1"], r["location"]) for r in rows] == [("Bangladesh", division, location)]
    assert rows[0]["geo_precision"] == 1

