"""Raiders and rustlers no community is named for ("armed raiders shot a herdsman", "unknown
raiders attacked a cattle camp") are an unidentified armed group, the doers of an attack, not a
mob; raiders a community is named for stay that community's militia."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str) -> list[tuple[str, str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language="en"))
    return [(r["event_type"], r["sub_event_type"], r["actor1"]) for r in result.rows]


@pytest.mark.parametrize("text", [
    "Herdsman shot in attack by armed raiders in Turkana, Kenya",
    "Unknown raiders attacked a cattle camp near Bor, South Sudan, on Friday, killing one herder.",
    "Cattle rustlers attacked a village in Baringo, Kenya, on Friday and shot a herder.",
])
def test_raiders_are_an_armed_group(text):
    rows = _rows(text)
    assert [r[:2] for r in rows] == [("Violence against civilians", "Attack")], rows
    assert rows[0][2].startswith("Unidentified Armed Group"), rows


def test_raiders_of_a_named_community_are_its_militia():
    assert _rows("Pokot raiders killed three herders in Turkana, Kenya, on Friday.") == \
        [("Violence against civilians", "Attack", "Pokot Ethnic Militia (Kenya)")]
