"""A part of the country named by a direction ("in the north of the country", "di wilayah utara
negara itu") is the province named after that direction where the country has one."""
from __future__ import annotations

import pytest

from events.article import Article
from events.extract import places
from events.pipeline import Doc


def _choice(text: str, language: str):
    doc = Doc(article=Article(text=text), language=language)
    places.run(doc)
    return places.choose(doc, {0})


@pytest.mark.parametrize("text,language,country,admin1", [
    ("Gunmen killed five villagers in the north of the country, Cameroon's army said.", "en", "Cameroon", "North"),
    ("Jihadists attacked a village in the northern part of the country, Burkina Faso officials said.", "en",
     "Burkina Faso", "Nord"),
    ("Pemberontak menyerang desa di wilayah utara negara itu, kata militer Kamerun.", "id", "Cameroon", "North"),
    ("Pemberontak menyerang desa di utara negara itu, kata militer Ghana.", "id", "Ghana", "Northern"),
    ("REBELS ATTACKED A VILLAGE IN THE NORTH OF THE COUNTRY, GHANA'S POLICE SAID.", "en", "Ghana", "Northern"),
])
def test_places_region_of_the_country_is_its_direction_province(text, language, country, admin1):
    place = _choice(text, language)
    assert (place.country, place.admin1, place.feature, place.geo_precision) == (country, admin1, "admin1", 3)


@pytest.mark.parametrize("text,language", [
    ("Gunmen killed five people in the north of the country, Nigeria's police said.", "en"),
    ("Orang bersenjata menewaskan lima orang di wilayah utara negara itu, kata polisi Nigeria.", "id"),
])
def test_places_region_without_a_province_of_that_name_stays_the_country(text, language):
    place = _choice(text, language)
    assert (place.country, place.feature) == ("Nigeria", "country")
