"""A country's name naming whose soldiers, citizens or diplomats they are ("six US soldiers were
killed", "United States (US) troops", "tentara AS", "dua warga negara Indonesia") is no place of
the event: it neither splits the story into an incident in another country nor places the row."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, language: str) -> list[tuple[str, int | None]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["country"], r["fatalities"]) for r in result.rows]


@pytest.mark.parametrize("text, language, expected", [
    ("Assailants fired rockets at a military base in Baghdad, Iraq, on Friday. Six US soldiers were killed and "
     "20 others were wounded in the attack.", "en", [("Iraq", 6)]),
    ("Assailants fired rockets at a military base in Baghdad, Iraq, on Friday. Six United States (US) soldiers "
     "were killed in the attack.", "en", [("Iraq", 6)]),
    ("Gunmen attacked a hotel in Mogadishu, Somalia, on Friday. Two Kenya nationals were among the three people "
     "killed.", "en", [("Somalia", 3)]),
    ("Kelompok bersenjata menyerang sebuah pangkalan militer di Kota Kirkuk, Irak, Jumat (8/3/2024). Tiga "
     "tentara AS tewas dalam serangan itu.", "id", [("Iraq", 3)]),
    ("Dua warga negara Indonesia tewas dalam serangan pisau di Paris, Prancis, Jumat (8/3/2024).", "id",
     [("France", 2)]),
])
def test_a_countrys_people_are_not_its_place(text, language, expected):
    assert _rows(text, language) == expected


def test_a_country_named_as_a_place_still_places():
    # "in the United States": a place, not whose people
    assert _rows("A gunman shot dead three people at a school in Texas, United States, on Friday.", "en") == \
        [("United States", 3)]
