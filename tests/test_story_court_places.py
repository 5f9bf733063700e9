"""A court named as a place, after the act the sentence tells ("a suicide bomber detonated a car
near a court van", "warga melempari gedung pengadilan"), is where the event happened, not a trial:
the sentence is no background. A court told before the act ("the court sentenced the man who
bombed ...") is a trial, background as before."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))


@pytest.mark.parametrize("text, language, event_type", [
    ("A suicide bomber detonated an explosives-laden car near a court van in Peshawar, Pakistan, on Friday, "
     "killing the driver.", "en", "Explosions/Remote violence"),
    ("Gunmen opened fire on the court building in Kandahar, Afghanistan, on Friday, killing two guards.", "en",
     "Battles"),
    ("Sebuah bom meledak di depan gedung pengadilan di Kota Makassar, Sulawesi Selatan, Jumat (8/3/2024), dan "
     "melukai dua petugas.", "id", "Explosions/Remote violence"),
])
def test_a_court_after_the_act_is_its_place(text, language, event_type):
    rows = _result(text, language).rows
    assert [r["event_type"] for r in rows] == [event_type]


@pytest.mark.parametrize("text, language", [
    ("A court in Peshawar, Pakistan, on Friday sentenced to death a man who bombed a market in 2019.", "en"),
    ("Pengadilan Negeri Makassar, Jumat (8/3/2024), memvonis seorang pria yang meledakkan bom di gereja pada "
     "2021.", "id"),
])
def test_a_court_before_the_act_is_a_trial(text, language):
    result = _result(text, language)
    assert not result.rows and result.no_rows == "background only", (result.rows, result.why)
