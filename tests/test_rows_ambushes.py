"""An ambush is a battle when it strikes soldiers or police and an attack on civilians when it
strikes only civilians ("gunmen ambushed a bus and killed three passengers", "KKB menyergap warga")."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    return [(r["event_type"], r["sub_event_type"]) for r in rows]


@pytest.mark.parametrize("text, language", [
    ("On Monday, gunmen ambushed a bus near Garissa, Kenya, and killed three passengers.", "en"),
    ("KKB menyergap dan menembak mati seorang sopir truk di Kabupaten Puncak, Papua Tengah, Senin (6/5/2024).",
     "id"),
])
def test_an_ambush_of_civilians_is_an_attack(text, language):
    assert _types(text, language) == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize("text, language", [
    ("On Monday, gunmen ambushed a police patrol near Garissa, Kenya, killing two officers.", "en"),
    ("KKB menyergap prajurit TNI di Kabupaten Puncak, Papua Tengah, Senin (6/5/2024), menewaskan dua prajurit.",
     "id"),
])
def test_an_ambush_of_forces_is_a_battle(text, language):
    assert _types(text, language) == [("Battles", "Armed clash")]
