"""A date told after what a crowd protests about ("protested on Friday against the killing of their
colleague on Wednesday", "berunjuk rasa pada Jumat memprotes pembunuhan rekan mereka pada Rabu") is
that death's date, not the protest's."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language", [
    ("Traders in Kisii town, Kenya, on Friday protested against the killing of their colleague on Wednesday.",
     "en"),
    ("Para pedagang di Makassar, Sulawesi Selatan, berunjuk rasa pada Jumat memprotes pembunuhan rekan mereka "
     "pada Rabu.", "id"),
])
def test_the_grievance_date_is_not_the_protests(text, language):
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 11), language=language)).rows
    assert [(r["sub_event_type"], r["event_date"]) for r in rows] == [("Peaceful protest", dt.date(2024, 5, 10))]
