"""An arrest word right after a comma in what a crowd demands ("demanding the release of a student,
detained under the act", "menuntut pembebasan seorang aktivis, ditahan polisi sejak pekan lalu")
describes who is to be freed: the protest stays peaceful. An arrest told as news of its own
("Police detained ten protesters") is the police's answer to the crowd."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _subs(text: str, language: str) -> list[str]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    return [r["sub_event_type"] for r in rows]


@pytest.mark.parametrize("text, language", [
    ("On Monday, students staged a protest on campus in Savar, Dhaka, Bangladesh, demanding the release of a "
     "student, detained under the digital security act.", "en"),
    ("Ratusan mahasiswa berunjuk rasa di Makassar, Sulawesi Selatan, Senin (6/5/2024), menuntut pembebasan "
     "seorang aktivis, ditahan polisi sejak pekan lalu.", "id"),
])
def test_an_arrest_describing_who_is_demanded_free(text, language):
    assert _subs(text, language) == ["Peaceful protest"]


def test_an_arrest_told_as_news_is_the_polices_answer():
    text = ("On Monday, students staged a protest on campus in Savar, Dhaka, Bangladesh, demanding the release of "
            "a student. Police detained ten protesters.")
    assert _subs(text, "en") == ["Protest with intervention"]
