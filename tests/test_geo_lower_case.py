"""A word written in lower case elsewhere in a mixed-case article is a word, not a name, except a
country or a city of millions ("kartu jakarta pintar" does not hide Jakarta); a province named like
an ordinary word stays a word ("the forest department"). Own sentences, both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language, admin1", [
    ("Sebanyak 19 pelajar terancam kehilangan kartu jakarta pintar akibat terlibat tawuran di Jakarta Pusat, "
     "Jumat (10/11/2023).", "id", "Jakarta"),
    ("Students who hold a new york city transit pass clashed with police in New York, United States, on Friday.",
     "en", "New York"),
])
def test_rows_a_big_city_written_in_lower_case_elsewhere_is_still_a_place(text: str, language: str,
                                                                          admin1: str) -> None:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2023, 11, 14), language=language)).rows
    assert [r["admin1"] for r in rows] == [admin1]


def test_rows_a_province_named_like_a_word_written_in_lower_case_is_no_place() -> None:
    text = ("Officers of the forest department staged a protest in front of the Forest Department office in "
            "Cox's Bazar, Bangladesh, on Monday.")
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language="en")).rows
    assert [r["country"] for r in rows] == ["Bangladesh"]


@pytest.mark.parametrize("text, admin1, location", [
    ("JAKARTA, KOMPAS.com - Sebanyak 19 pelajar terlibat tawuran di Kampung Rawa, Johar Baru, Jakarta Pusat, "
     "Jumat (10/11/2023).", "Jakarta", "Jakarta"),
    ("KKB menembak seorang guru di Kampung Beoga, Kabupaten Puncak, Papua Tengah, Jumat (10/11/2023).",
     "Central Papua", "Beoga"),
])
def test_rows_a_kampung_read_far_from_the_city_named_with_it_is_part_of_that_city(text: str, admin1: str,
                                                                                   location: str) -> None:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2023, 11, 14), language="id")).rows
    assert [(r["admin1"], r["location"]) for r in rows] == [(admin1, location)]
