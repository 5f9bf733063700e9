"""Arabic place names GeoNames writes with their article ("Al Hawijah", "At Tarmiyah") are found
when the news leaves it out, for districts and for the seats GeoNames lists without a population
too, as long as the word is a name of its own ("Kala Bhavan area" is no El Kala). Own sentences,
both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, language: str) -> list[dict]:
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language=language)).rows


@pytest.mark.parametrize("text, language, admin1, location", [
    ("A car bomb exploded at a market in Hawijah on Monday, killing five people.", "en", "Kirkuk", "Al Hawijah"),
    ("Gunmen attacked a checkpoint in Tarmiyah, north of Baghdad, on Monday, killing two soldiers.", "en",
     "Baghdad", "At Tarmiyah"),
    ("Bom mobil meledak di sebuah pasar di Hawijah, Irak, Senin (3/6/2024), menewaskan lima orang.", "id",
     "Kirkuk", "Al Hawijah"),
])
def test_rows_arabic_name_without_its_article_is_found(text: str, language: str, admin1: str, location: str) -> None:
    rows = _rows(text, language)
    assert [(r["country"], r["admin1"], r["location"]) for r in rows] == [("Iraq", admin1, location)]


def test_rows_word_of_a_longer_name_is_no_seat_read_with_an_article() -> None:
    rows = _rows("Students staged a protest in the Kala Bhavan area of Dhaka on Monday.", "en")
    assert [(r["country"], r["admin1"]) for r in rows] == [("Bangladesh", "Dhaka")]
