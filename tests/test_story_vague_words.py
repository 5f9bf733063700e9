"""Words that tell an event on their own, in headline tense too: a demonstration ("residents
demonstrate"), a car sprayed with bullets, a village attacked or raided ("menyerang kampung"),
window panes shattered by a crowd, and a battle word told of clans or tribes. Their negatives:
the same vague words with nothing violent or nobody fighting stay no event."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language, expected", [
    ("Residents demonstrate in Nakuru, Kenya, on Monday over rising insecurity.", "en",
     ("Protests", "Peaceful protest")),
    ("UNKNOWN GUNMEN SPRAYED A CAR BELONGING TO A SENATOR WITH BULLETS IN NAIROBI, KENYA, ON MONDAY.", "en",
     ("Violence against civilians", "Attack")),
    ("Raiders attacked a village in Turkana, Kenya, on Monday and escaped with hundreds of cattle.", "en",
     ("Violence against civilians", "Attack")),
    ("Two Clans Battle In Mandera, Kenya, On Monday Over Grazing Land.", "en", ("Battles", "Armed clash")),
    ("Kelompok bersenjata menyerang kampung Yogonik di Kabupaten Nduga, Papua, Senin (4/3/2024).", "id",
     ("Violence against civilians", "Attack")),
    ("Perang antarsuku kembali pecah di Distrik Kwamki Narama, Kabupaten Mimika, Papua, Senin (4/3/2024).", "id",
     ("Battles", "Armed clash")),
    ("A rival clan attacks a herdsman near Moyale, Kenya, on Monday.", "en", ("Violence against civilians", "Attack")),
    ("Raiders attacked a farm in Trans Nzoia, Kenya, on Monday, burning several houses.", "en",
     ("Violence against civilians", "Attack")),
    ("Migrant labourers blocked the traffic on the national highway in Barwani, Madhya Pradesh, on Monday, "
     "demanding transport home.", "en", ("Protests", "Peaceful protest")),
])
def test_story_vague_words_tell_an_event(text, language, expected):
    assert _types(text, language) == [expected]


@pytest.mark.parametrize("text, language", [
    ("The two clans held a battle of words in Mandera, Kenya, on Monday over the new county budget.", "en"),
    ("Village elders in Turkana, Kenya, demonstrated a new water pump to visitors on Monday.", "en"),
    ("Hujan deras menghancurkan kebun warga di Kabupaten Maros, Sulawesi Selatan, Senin (4/3/2024).", "id"),
    # a community named far from a vague word of violence, in a statement
    ("The tribal council in Mandera, Kenya, said on Monday that violence in the county had fallen this year.", "en"),
    ("Clan elders in Mandera, Kenya, on Monday called for an end to the violence between the two communities.", "en"),
])
def test_story_vague_words_no_event(text, language):
    assert _types(text, language) == []
