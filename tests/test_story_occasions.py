"""A ceremony the people struck were taking part in is where the attack happened, not an old
event remembered ("exploded while pilgrims were taking part in a ceremony commemorating Ashura",
"meledak ketika warga menghadiri upacara peringatan hari jadi kota")."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language, toll", [
    ("A bomb exploded in Balad Ruz, Diyala, Iraq, on Tuesday as pilgrims were taking part in a ceremony "
     "commemorating Ashura, killing two people.", "en", 2),
    ("Sebuah bom meledak di Poso, Sulawesi Tengah, Selasa (7/5/2024), menewaskan dua warga yang menghadiri "
     "upacara peringatan hari jadi kota.", "id", 2),
])
def test_a_ceremony_taken_part_in_is_the_occasion(text, language, toll):
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 8), language=language)).rows
    assert [r["fatalities"] for r in rows] == [toll]
