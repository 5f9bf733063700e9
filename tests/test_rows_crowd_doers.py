"""Demonstrators told as the doers of violence make a violent demonstration, whoever they hurt and
whatever the police did ("Demonstrators assaulted several students who refused to join", "Para
demonstran memukuli beberapa mahasiswa"): not a protest the police intervened in."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language", [
    ("Students staged a demonstration in Dhaka, Bangladesh, on Monday, demanding an end to the quota system. "
     "Demonstrators assaulted several students who refused to join the march.", "en"),
    ("Mahasiswa berunjuk rasa di Makassar, Sulawesi Selatan, Senin (6/5/2024), menuntut penurunan biaya kuliah. "
     "Para demonstran memukuli beberapa mahasiswa yang menolak ikut aksi.", "id"),
])
def test_demonstrators_doing_violence_make_a_violent_demonstration(text, language):
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    assert [(r["event_type"], r["sub_event_type"]) for r in rows] == [("Riots", "Violent demonstration")]
