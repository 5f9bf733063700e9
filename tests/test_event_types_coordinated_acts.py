"""A violent verb joined to a crowd's protest by "and" ("protested over new fees and stoned a police
post") is the crowd's next act, not what it protests about: a violent demonstration. A noun of
violence joined so ("protested over the killing of a trader and the torching of his shop") stays
what is protested about, and so does an arrest ("the accused and detained journalists")."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language", [
    ("Students at a university in Kakamega, Kenya, protested over new fees on Monday and stoned a police post.",
     "en"),
    ("Traders in Kisumu, Kenya, demonstrated against new market levies on Monday and torched a county office.",
     "en"),
    ("Mahasiswa di Makassar, Sulawesi Selatan, berunjuk rasa menolak kenaikan biaya kuliah dan melempari "
     "kantor polisi dengan batu pada Senin.", "id"),
])
def test_a_violent_verb_after_and_is_the_crowds_act(text, language):
    assert _types(text, language) == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text, language", [
    ("Residents protested over the killing of a trader and the torching of his shop in Kisumu, Kenya, on "
     "Monday.", "en"),
    ("Journalists staged a human chain in front of the press club in Manikganj, Bangladesh, on Monday, "
     "demanding the release of accused and detained journalists.", "en"),
    ("Warga berunjuk rasa di Kisumu, Kenya, Senin (6/5/2024), memprotes pembunuhan seorang pedagang dan "
     "pembakaran tokonya.", "id"),
])
def test_what_is_protested_about_stays_so(text, language):
    assert _types(text, language) == [("Protests", "Peaceful protest")]
