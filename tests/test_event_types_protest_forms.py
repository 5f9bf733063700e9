"""A protest told by its form: pot-banging ("residents banged pots against the president",
"warga memukul panci di depan kantor wali kota") is a peaceful protest."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language", [
    ("Residents of Porto Alegre, Brazil, banged pots on Monday against the president during his visit to the "
     "city.", "en"),
    ("Warga Kota Makassar, Sulawesi Selatan, memukul panci di depan kantor wali kota, Senin (6/5/2024), menolak "
     "kenaikan tarif air.", "id"),
])
def test_pot_banging_is_a_protest(text, language):
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    assert [(r["event_type"], r["sub_event_type"]) for r in rows] == [("Protests", "Peaceful protest")]
