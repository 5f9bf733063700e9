"""All-capitals wire copy: a name that is also a frequent word or surname is a town only with
support (a preposition, a dateline, its province or country written with it, a country named
near it for a large city); real places in the same texts stay found."""
from __future__ import annotations

import pytest

from events.extract import places
from events.geo import gazetteer


def _found(text: str, language: str) -> dict[str, str]:
    return {m.text: m.place.country for m in places.geocode(text, language)}


@pytest.mark.parametrize("text,language,not_places", [
    ("THE POWER WAS CUT AFTER THE WAR. MARTINEZ SAID THE SUMMIT WOULD GO ON.", "en",
     {"POWER", "WAR", "MARTINEZ", "SUMMIT"}),
    ("THE U.S. CONGRESS SAID THAT IN THE WAR MURPHY WAS WOUNDED IN SAN SALVADOR, EL SALVADOR.", "en",
     {"CONGRESS", "WAR", "MURPHY"}),
    ("MENURUT MARTINEZ, POWER LISTRIK PADAM SETELAH SERANGAN DI SAN SALVADOR, EL SALVADOR.", "id",
     {"MARTINEZ", "POWER"}),
])
def test_places_caps_frequent_words_without_support_are_no_places(text, language, not_places):
    found = _found(text, language)
    assert not_places.isdisjoint(found), found


@pytest.mark.parametrize("text,language,name,country", [
    ("BOGOTA, 5 JAN 90 -- A BOMB EXPLODED IN MEDELLIN, COLOMBIA. BOGOTA POLICE BLAMED THE CARTEL.",
     "en", "MEDELLIN", "Colombia"),
    ("BOGOTA, 5 JAN 90 -- A BOMB EXPLODED IN MEDELLIN, COLOMBIA. BOGOTA POLICE BLAMED THE CARTEL.",
     "en", "BOGOTA", "Colombia"),
    ("GUERRILLAS ATTACKED A POST NEAR USULUTAN, EL SALVADOR, LAST NIGHT.", "en", "USULUTAN", "El Salvador"),
    ("SEBUAH BOM MELEDAK DI MEDELLIN, KOLOMBIA, KAMIS MALAM.", "id", "MEDELLIN", "Colombia"),
    ("THE MAYOR OF LIMA SAID TWO BOMBS EXPLODED IN LIMA, PERU.", "en", "LIMA", "Peru"),
])
def test_places_caps_supported_towns_stay(text, language, name, country):
    assert _found(text, language).get(name) == country


def test_places_caps_rule_rests_on_shipped_word_frequencies():
    names = gazetteer().names
    assert names.word_frequency("war", "en") > names.word_frequency("bogota", "en") > \
        names.word_frequency("zacatecoluca", "en")
    assert names.word_frequency("zacatecoluca", "en") == 0.0


def test_places_caps_rule_leaves_mixed_case_text_alone():
    found = _found("Police said the attack in Power was the first this year.", "en")
    assert "Power" in found
