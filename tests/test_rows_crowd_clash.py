"""A clash whose sides are crowds (party factions, candidates' supporters, students, villagers)
with no armed group or state force named and no gun or bomb is a riot (ACLED: political party
supporters without an armed wing are rioters), mob violence when nobody was demonstrating. A
clash of a named armed group's factions, or of gunmen, stays an armed clash."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language", [
    ("Two factions of the ruling party clashed with sticks in Sylhet, Bangladesh, on Monday over control of a market.", "en"),
    ("SUPPORTERS OF THE WINNING AND LOSING CANDIDATES CLASHED IN BARISAL, BANGLADESH, ON MONDAY AFTER THE ELECTION.", "en"),
    ("Two Factions Of The Ruling Party's Student Wing Clashed At A University In Sylhet, Bangladesh, On Monday Over A Seating Dispute.", "en"),
    ("Dua kubu pendukung calon kepala desa bentrok di Kabupaten Jeneponto, Sulawesi Selatan, Senin (4/3/2024).", "id"),
])
def test_rows_crowd_clash_is_mob_violence(text, language):
    assert _types(text, language) == [("Riots", "Mob violence")]


@pytest.mark.parametrize("text, language", [
    ("Two factions of the Taliban clashed in Herat province on Monday, killing five fighters.", "en"),
    ("Rival groups of gunmen clashed in Kaduna, Nigeria, on Monday, killing four.", "en"),
])
def test_rows_crowd_clash_armed_sides_stay_battles(text, language):
    assert _types(text, language) == [("Battles", "Armed clash")]
