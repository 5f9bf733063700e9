"""Demonstrators' own wrecking or stoning told with vague words ("demolished a stall", "stoned
passing cars", "membakar sebuah mobil") is the codebook's violent demonstration; wrecking done
to the crowd, by the police, or told as the crowd's grievance leaves the protest peaceful (or
policed). Burning tyres, effigies or flags alone stays a peaceful protest (FORMAT.md, convention 8)."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


VIOLENT = ("Riots", "Violent demonstration")
PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text, language", [
    ("Students in Nakuru, Kenya, blocked roads and stoned passing cars on Monday to protest against a rise in fees.", "en"),
    ("Traders protesting in Kisumu, Kenya, on Monday demolished a market stall where council officials collect fees.", "en"),
    ("Villagers in Nyeri, Kenya, destroyed water pipes on Monday as they demonstrated against an irrigation project.", "en"),
    ("YOUTHS PROTESTING THE PARTY PRIMARIES STORMED A POLLING STATION IN KISUMU, KENYA, ON MONDAY AND BURNED BALLOT PAPERS.", "en"),
    ("Demonstrators Broke Into A Supermarket In Kisumu, Kenya, On Monday During A Protest Against The Election Results.", "en"),
    ("Ratusan mahasiswa berunjuk rasa di Kota Makassar, Senin (4/3/2024), lalu membakar sebuah mobil dinas.", "id"),
    ("MASSA AKSI DI KOTA MAKASSAR, SENIN (4/3/2024), MERUSAK PAGAR KANTOR BUPATI.", "id"),
])
def test_rows_crowd_wrecking_is_violent_demonstration(text, language):
    assert _types(text, language) == [VIOLENT]


@pytest.mark.parametrize("text, language, expected", [
    # done to the crowd, or what it protests about
    ("Residents protested in Nakuru, Kenya, on Monday after their kiosks were demolished by county officials.", "en", PEACEFUL),
    ("Traders protested in Nakuru, Kenya, on Monday, saying the county had destroyed their stalls.", "en", PEACEFUL),
    ("Warga berunjuk rasa di Makassar, Senin (4/3/2024), memprotes rumah mereka yang dirusak petugas.", "id", PEACEFUL),
    # tyres, flags and effigies burnt: a peaceful protest by the project's convention
    ("Protesters in Nakuru, Kenya, on Monday burned tyres and blocked the highway to demand better roads.", "en", PEACEFUL),
    ("Hundreds of students marched in Eldoret, Kenya, on Monday and burned flags of the ruling party.", "en", PEACEFUL),
    ("Mahasiswa berunjuk rasa di Makassar, Senin (4/3/2024), sambil membakar ban bekas di depan kampus.", "id", PEACEFUL),
    # the police's force on the crowd
    ("Police beat protesters in Nakuru, Kenya, on Monday during a march against fuel prices.", "en",
     ("Protests", "Protest with intervention")),
])
def test_rows_crowd_wrecking_not_the_crowds(text, language, expected):
    assert _types(text, language) == [expected]


@pytest.mark.parametrize("text, language, expected", [
    # wrecking by hand by a band not told as armed: the codebook's mob violence
    ("Assailants vandalized the house and car of a former MP in Ishwardi, Bangladesh, on Monday.", "en",
     ("Riots", "Mob violence")),
    ("Orang tak dikenal merusak rumah seorang calon kepala desa di Kabupaten Jeneponto, Sulawesi Selatan, "
     "Senin (4/3/2024).", "id", ("Riots", "Mob violence")),
    # armed men or gunmen wrecking: property destruction by an armed group
    ("ARMED MEN RANSACKED THE OFFICE OF AN AID AGENCY IN GAO, MALI, ON MONDAY.", "en",
     ("Strategic developments", "Looting/property destruction")),
    # a participle and a place name are no wrecking
    ("Residents protested in Larkana, Pakistan, on Monday for the recovery of their looted valuables.", "en", PEACEFUL),
    ("Traders blocked the highway at Burnt Forest, Kenya, on Monday, protesting against increased licence fees.",
     "en", PEACEFUL),
])
def test_rows_crowd_wrecking_by_a_band(text, language, expected):
    assert _types(text, language) == [expected]
