"""A town written after its own people's adjective ("Philippine Marawi conflict", "Afghan
Kunduz", "pasukan Filipina di Marawi") is that town, not part of a longer proper name; a
capitalised word of another kind before it still makes it one ("Christopher Allen")."""
from __future__ import annotations

import pytest

from events.extract import places


def _found(text: str, language: str) -> dict[str, str]:
    return {m.text: m.place.country for m in places.geocode(text, language)}


@pytest.mark.parametrize("text,language,name,country", [
    ("Terrorists killed in Philippine Marawi fighting pass 300", "en", "Marawi", "Philippines"),
    ("Afghan Kunduz falls to the Taliban after a week of fighting", "en", "Kunduz", "Afghanistan"),
    ("Troops retake Iraqi Mosul district from militants", "en", "Mosul", "Iraq"),
    ("Korban tewas dalam konflik Marawi Filipina melampaui 300 orang", "id", "Marawi", "Philippines"),
])
def test_places_town_after_its_own_nationality(text, language, name, country):
    assert _found(text, language).get(name) == country


@pytest.mark.parametrize("text,language,not_place", [
    # another people's adjective before a name keeps it a proper name ("Philippine Allen Plaza")
    ("Police said Philippine Allen Corporation had closed its office.", "en", "Allen"),
])
def test_places_foreign_adjective_keeps_a_proper_name(text, language, not_place):
    assert not_place not in _found(text, language)


@pytest.mark.parametrize("text,language,name,expected", [
    ("Soldier killed in clash with rebels in N. Samar town", "en", "N. Samar", ("Philippines", "Northern Samar")),
    ("Fighting in S. Kordofan kills 12 herders", "en", "S. Kordofan", ("Sudan", "Southern Kordofan")),
    ("Police fire tear gas at protesters in W. Bengal", "en", "W. Bengal", ("India", "West Bengal")),
    ("Bentrokan di S. Kordofan menewaskan 12 penggembala", "id", "S. Kordofan", ("Sudan", "Southern Kordofan")),
])
def test_places_abbreviated_direction_before_a_division(text, language, name, expected):
    found = {m.text: (m.place.country, m.place.location) for m in places.geocode(text, language)}
    assert found.get(name) == expected, found


@pytest.mark.parametrize("text,language,not_place", [
    ("Minister S. Jaishankar met the envoy in Kabul", "en", "S. Jaishankar"),
    ("Clashes in S. Philippines kill two soldiers", "en", "S. Philippines"),
])
def test_places_initial_or_region_is_no_abbreviated_division(text, language, not_place):
    assert not_place not in {m.text for m in places.geocode(text, language)}
