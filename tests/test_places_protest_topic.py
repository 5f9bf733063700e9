"""A protest happens where the crowd gathered, not where what it protests about happened: a place
named after a grievance word ("condemning the bombing of Gaza", "in solidarity with Palestine",
"mengecam serangan ke Gaza") is the topic, never the row's place when the sentence names a place before it,
and such a country does not count as one the article names (which would make the crowd's own town,
in a country never named, look like a namesake). A town written with its province ("Savar
(Dhaka)") names its country. Own sentences, both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _places(text: str, language: str) -> list[tuple[str, str, str]]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 9), language=language)).rows
    return [(r["event_type"], r["country"], r["location"]) for r in rows]


@pytest.mark.parametrize("text, language, country, location", [
    ("On 8 May 2024, students staged a protest in Dhaka - Badda (Badda), condemning the military "
     "assault on Gaza and expressing solidarity with Palestine.", "en", "Bangladesh", "Dhaka"),
    ("On 7 May 2024, teachers formed a human chain at the university campus in Savar (Dhaka), "
     "denouncing the bombing of Gaza.", "en", "Bangladesh", "Savar"),
    ("Hundreds marched through Karachi on Tuesday in solidarity with the people of Gaza, Palestine.", "en",
     "Pakistan", "Karachi"),
    ("Ratusan mahasiswa berunjuk rasa di Makassar, Selasa (7/5/2024), mengecam serangan ke Gaza dan "
     "menyatakan solidaritas dengan Palestina.", "id", "Indonesia", "Makassar"),
])
def test_protest_is_coded_where_the_crowd_gathered(text: str, language: str, country: str, location: str) -> None:
    assert _places(text, language) == [("Protests", country, location)]


@pytest.mark.parametrize("text, language", [
    ("On 8 May 2024, hundreds of people protested in Gaza City, condemning the blockade.", "en"),
    ("Warga Gaza berunjuk rasa di Gaza, Palestina, Rabu (8/5/2024), menuntut bantuan.", "id"),
])
def test_place_written_as_where_the_protest_was_stays(text: str, language: str) -> None:
    assert [(t, c) for t, c, _ in _places(text, language)] == [("Protests", "Palestine")]


def test_attack_on_a_named_place_is_no_topic() -> None:
    # no protest word: "condemning" does not make the attack's place a topic
    rows = _places("On 8 May 2024, an airstrike hit a school in Rafah, Gaza, killing four people, "
                   "officials said, condemning the raid.", "en")
    assert [(t, c) for t, c, _ in rows] == [("Explosions/Remote violence", "Palestine")]


@pytest.mark.parametrize("text, language, location", [
    ("Residents protested on Monday over the killing of a trader by police in Kitui, Kenya.", "en", "Kitui"),
    ("Warga berunjuk rasa, Senin (6/5/2024), atas penembakan seorang pedagang di Sorong, Papua Barat Daya.",
     "id", "Sorong"),
])
def test_grievance_place_is_the_place_when_no_other_is_named(text: str, language: str, location: str) -> None:
    assert [loc for t, _, loc in _places(text, language) if t == "Protests"] == [location]
