"""In capitals, an ordinary word or surname that is also a province abroad ("STORE", "FLORES",
"RIVERA") is that province only in a country the article names or the dateline's, when it
names one ("INTAN JAYA REGENCY (PAPUA)" names none: Papua stays); a direction
word read as a province ("NORTHERN", "NORTHEASTERN") that says where in the next place it is
describes that place."""
from __future__ import annotations

import pytest

from events.extract import places


def _found(text: str, language: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.place.country, m.place.feature) for m in places.geocode(text, language)}


@pytest.mark.parametrize("text,language,not_places", [
    ("A BOMB WENT OFF OUTSIDE THE (LA ESPIGA) STORE IN SAN SALVADOR, EL SALVADOR, LAST NIGHT.", "en", {"STORE"}),
    ("POLICE IN PERU SAID FLORES AND RIVERA WERE ARRESTED AFTER THE ATTACK ON THE MAYOR.", "en",
     {"FLORES", "RIVERA"}),
    ("POLISI PERU MENYEBUT FLORES DAN RIVERA DITANGKAP SETELAH SERANGAN ITU.", "id", {"FLORES", "RIVERA"}),
    ("THE REBELS ATTACKED A CONVOY IN NORTHERN OLANCHO DEPARTMENT.", "en", {"NORTHERN"}),
    ("THE REBELS ATTACKED THE GARRISON IN THE NORTHEASTERN DEPARTMENT OF CHALATENANGO.", "en", {"NORTHEASTERN"}),
    ("HEAVY FIGHTING WAS REPORTED IN NORTHEASTERN SAN SALVADOR.", "en", {"NORTHEASTERN"}),
    ("Rebels ambushed a patrol in northern Olancho department on Friday.", "en", {"northern"}),
])
def test_places_caps_province_readings_need_the_story_country(text, language, not_places):
    found = _found(text, language)
    assert not_places.isdisjoint(found), found


@pytest.mark.parametrize("text,language,name,expected", [
    ("THE REBELS ATTACKED A CONVOY IN NORTHERN OLANCHO DEPARTMENT.", "en", "OLANCHO DEPARTMENT",
     ("Honduras", "admin1")),
    ("A BOMB EXPLODED IN VICTORIA, AUSTRALIA, ON MONDAY.", "en", "VICTORIA", ("Australia", "admin1")),
    ("SEBUAH BOM MELEDAK DI VICTORIA, AUSTRALIA, SENIN.", "id", "VICTORIA", ("Australia", "admin1")),
    ("BANDITS KILLED TWO HERDERS IN TURKANA, KENYA.", "en", "TURKANA", ("Kenya", "admin1")),
    ("Fighting in Northern Province, Zambia, killed five.", "en", "Northern Province", ("Zambia", "admin1")),
    ("Bentrokan di Sulawesi Utara menewaskan dua orang.", "id", "Sulawesi Utara", ("Indonesia", "admin1")),
    ("GUNMEN SHOT DEAD A VILLAGE HEAD IN INTAN JAYA REGENCY (PAPUA) ON MONDAY.", "en", "PAPUA",
     ("Indonesia", "admin1")),
    ("KONTAK TEMBAK TERJADI DI DISTRIK KIWIROK, KABUPATEN PEGUNUNGAN BINTANG, PAPUA, KAMIS.", "id", "PAPUA",
     ("Indonesia", "admin1")),
])
def test_places_caps_supported_provinces_stay(text, language, name, expected):
    assert _found(text, language).get(name) == expected
