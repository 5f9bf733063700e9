"""A road closed or a crowd's word done by the police or soldiers themselves ("Police blocked the
road ahead of the visit", "aparat menutup jalan") is no demonstration; the same words done by a
crowd, by retired officers, or told after another word of the police stay a protest."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language", [
    ("Police blocked the road in Nairobi, Kenya, on Monday ahead of the president's visit.", "en"),
    ("SOLDIERS BLOCKED THE MAIN ROAD INTO GOMA, DR CONGO, ON MONDAY.", "en"),
    ("Aparat kepolisian menutup jalan di Kota Makassar, Senin (4/3/2024), menjelang kunjungan presiden.", "id"),
])
def test_story_state_protest_words_are_no_protest(text, language):
    assert _types(text, language) == []


@pytest.mark.parametrize("text, language, expected", [
    ("Warga menutup jalan di Kota Makassar, Senin (4/3/2024), menuntut perbaikan jalan rusak.", "id",
     ("Protests", "Peaceful protest")),
    ("Retired police officers marched in Nairobi, Kenya, on Monday to demand their pensions.", "en",
     ("Protests", "Peaceful protest")),
    ("Police attacking marching nurses in Nyeri, Kenya, on Monday injured five of them.", "en",
     ("Protests", "Protest with intervention")),
])
def test_story_state_protest_words_crowds_stay_protests(text, language, expected):
    assert _types(text, language) == [expected]
