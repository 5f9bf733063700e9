"""event_types: a demand reaches to the end of its clause (what a crowd demands, however long
the phrase, is no event of its own); a comma ends it. Own sentences, both languages."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import event_types


def _find(text: str, language: str) -> list:
    return event_types.find(text, [Sentence(0, len(text), text)], language)


@pytest.mark.parametrize("language,text,word", [
    ("en", "Nurses staged a protest on Monday demanding punishment for the men said to be behind "
           "last month's clash.", "clash"),
    ("en", "TRADERS HELD A RALLY CALLING FOR THE TRIAL OF THE OFFICERS ACCUSED IN THE SHOOTING.", "shooting"),
    ("en", "Farmers Marched To The Town Hall Demanding Compensation For Families Of Those Killed.", "killed"),
    ("id", "Ratusan buruh berunjuk rasa menuntut polisi segera menangkap para pelaku pembakaran "
           "rumah ibadah itu.", "pembakaran"),
    ("id", "MAHASISWA MENGGELAR AKSI MENDESAK APARAT MENGUSUT PARA PELAKU PENGANIAYAAN TERHADAP "
           "REKAN MEREKA.", "penganiayaan"),
])
def test_event_types_demand_reaches_its_clause(language: str, text: str, word: str) -> None:
    found = _find(text, language)
    demanded = [t for t in found if t.text.lower() == word]
    assert demanded and all(t.hypothetical for t in demanded)
    assert any(t.event_type == "Protests" and not t.hypothetical for t in found)


@pytest.mark.parametrize("language,text,word", [
    # a comma closes what was demanded: the violence after it happened
    ("en", "Workers staged a protest demanding higher pay for the night shift, and later a mob "
           "torched two lorries.", "torched"),
    ("id", "Warga berunjuk rasa menuntut ganti rugi lahan yang belum dibayar, lalu massa membakar "
           "pos jaga.", "membakar pos"),
])
def test_event_types_demand_ends_at_a_comma(language: str, text: str, word: str) -> None:
    found = _find(text, language)
    assert any(t.text.lower() == word and not t.hypothetical for t in found)
