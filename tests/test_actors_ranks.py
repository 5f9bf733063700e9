"""Security forces told by a rank or a woman officer's word ("an army lieutenant", "a policewoman",
"seorang letnan TNI", "polwan") are the state's forces: gunmen shooting them is a battle (FORMAT.md
7), not an attack on civilians."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


@pytest.mark.parametrize("text, language, actor2", [
    ("On Monday, unknown gunmen shot and killed a policewoman in Kandahar city, Afghanistan.", "en",
     "Police Forces of Afghanistan"),
    ("On Monday, unidentified gunmen shot dead a colonel outside his home in the city of Daraa, Syria.", "en",
     "Military Forces of Syria"),
    ("Seorang polwan ditembak mati orang tak dikenal di Kota Jayapura, Papua, Senin (6/5/2024).", "id",
     "Police Forces of Indonesia"),
    ("Orang tak dikenal menembak mati seorang sersan di Kabupaten Intan Jaya, Papua Tengah, Senin (6/5/2024).",
     "id", "Military Forces of Indonesia"),
])
def test_forces_told_by_rank_are_state_forces(text, language, actor2):
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    assert [r["event_type"] for r in rows] == ["Battles"]
    assert rows[0]["actor2"].startswith(actor2)
