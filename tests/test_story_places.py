"""story: the event's own place is not vetoed by a country named only as a people's or an
actor's nationality ("Somali gunmen", "milisi Somalia"); a country's own name read as its
capital names that country; a reading abroad gives way to the wire dateline's town (own
sentences, both languages)."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 6, 4)


def _places(text: str, published: dt.date | None = DAY, language: str | None = None) -> list[tuple]:
    rows = extract(Article(text=text, published=published, source="test", language=language))
    return [(r["country"], r["admin1"], r["location"]) for r in rows]


@pytest.mark.parametrize("text,language,place", [
    ("Residents of Garissa protest the murder of a shopkeeper by suspected Somali gunmen. Later the march "
     "turned into fighting between ethnic Somali youths and their neighbours, and police used tear gas on "
     "the rioters.", "en", ("Kenya", "Garissa", "Garissa")),
    ("Warga Garissa menggelar unjuk rasa pada Senin (3/6) memprotes pembunuhan seorang pemilik toko oleh "
     "pria bersenjata Somalia.", "id", ("Kenya", "Garissa", "Garissa")),
    ("Ratusan warga Garissa berunjuk rasa memprotes pembunuhan seorang pedagang oleh milisi Somalia, "
     "Senin (3/6).", "id", ("Kenya", "Garissa", "Garissa")),
    ("Gunmen attacked Haluqa, outside of Garissa, burning a telecom mast, and fled with the workers into "
     "Somalia.", "en", ("Kenya", "Garissa", "Garissa")),
])
def test_story_nationality_does_not_veto_the_events_place(text, language, place):
    assert place in _places(text, language=language)


@pytest.mark.parametrize("text,language,place", [
    # the town abroad is still refused when the country is named as a place, not a nationality
    ("Two people were killed on Monday when rival groups clashed in Durgapur, Rajshahi, Bangladesh.",
     "en", ("Bangladesh", "Rajshahi", "Rajshahi")),
    ("Dua orang tewas ketika kelompok yang bertikai bentrok di Durgapur, Rajshahi, Bangladesh, Senin (3/6).",
     "id", ("Bangladesh", "Rajshahi", "Rajshahi")),
])
def test_story_place_in_a_named_country_still_wins(text, language, place):
    found = _places(text, language=language)
    assert found and all(p[0] == place[0] for p in found), found


@pytest.mark.parametrize("text,language,country", [
    ("CLANDESTINE, 12 JAN 90 (RADIO) -- [TEXT] GUERRILLAS KIDNAPPED A UNION LEADER IN GUATEMALA CITY TODAY, "
     "12 JANUARY. HE HAD ARRIVED IN GUATEMALA ON 11 JANUARY. HIS FRIENDS FLORES AND RIVERA WERE WITH HIM.",
     "en", "Guatemala"),
    ("SAN SALVADOR, 3 JAN 90 (RADIO) -- [TEXT] URBAN COMMANDOS KILLED TWO SOLDIERS GUARDING THE HOME OF "
     "COLONEL FLORES TODAY.", "en", "El Salvador"),
])
def test_story_wire_places_stay_in_the_story_country(text, language, country):
    found = _places(text, published=None, language=language)
    assert found and all(p[0] == country for p in found), found


@pytest.mark.parametrize("text,language", [
    ("On 6 May 2020, in Atenango del Rio, Guerrero, gunmen shot dead a farmer in San Juan de Teocalcingo village.",
     "en"),
    ("On 6 May 2020, gunmen shot dead a farmer in San Juan de Teocalcingo village, Atenango del Rio, Guerrero.",
     "en"),
    ("Pada 6 Mei 2020, di Atenango del Rio, Guerrero, sekelompok pria bersenjata menembak mati seorang petani "
     "di desa San Juan de Teocalcingo.", "id"),
])
def test_story_sentence_naming_a_province_keeps_its_event_inside_it(text, language):
    found = _places(text, published=dt.date(2020, 5, 10), language=language)
    assert found and all(p[:2] == ("Mexico", "Guerrero") for p in found), found


@pytest.mark.parametrize("text,language", [
    ("Iran's Fars news agency said a suicide bomber killed 20 people in Pishin, a town in the country's "
     "south-east, on Sunday.", "en"),
    ("Kantor berita Fars milik Iran menyebut seorang pelaku bom bunuh diri menewaskan 20 orang di Pishin, "
     "sebuah kota di tenggara negara itu, Minggu (3/6).", "id"),
])
def test_story_a_province_inside_a_name_does_not_hold_the_event(text, language):
    found = _places(text, language=language)
    assert found and all(p[1] == "Sistan and Baluchestan" for p in found), found
