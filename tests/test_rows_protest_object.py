"""What a crowd protests about, as the protest verb's own object ("protested the arrest of a radio
host"), is no intervention in the protest: a peaceful protest; an arrest of the crowd itself, told
later in the sentence or after it, still is one; a crowd pelting or stoning, or in running battles, is a
violent demonstration. Own sentences, both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _subs(text: str, language: str) -> list[str]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language)).rows
    return [r["sub_event_type"] for r in rows]


@pytest.mark.parametrize("text, language", [
    ("Muslim clerics in Mombasa protested the arrest of a radio show host on Monday.", "en"),
    ("More than 30 villagers protested the arrest of a resident in Kabarnet on Monday.", "en"),
    ("Traders in Kisii were protesting against the detention of their chairman on Monday.", "en"),
    ("Warga berunjuk rasa di Sorong, Senin (6/5/2024), memprotes penangkapan seorang tokoh adat.", "id"),
])
def test_arrest_protested_about_is_no_intervention(text: str, language: str) -> None:
    assert _subs(text, language) == ["Peaceful protest"]


@pytest.mark.parametrize("text, language", [
    ("Students protested the fee increase in Nakuru on Monday and police arrested three of them.", "en"),
    ("Protesters marched in Kisumu on Monday. Police arrested 20 of the protesters.", "en"),
])
def test_arrest_of_the_crowd_is_an_intervention(text: str, language: str) -> None:
    assert _subs(text, language) == ["Protest with intervention"]


@pytest.mark.parametrize("text", [
    "Protesters began pelting the officers with stones before police dispersed them in Nairobi on Monday.",
    "Traders protesting new levies engaged police in running battles in Embu town on Monday.",
])
def test_crowd_stoning_is_a_violent_demonstration(text: str) -> None:
    assert _subs(text, "en") == ["Violent demonstration"]


@pytest.mark.parametrize("text, language, sub", [
    ("Students protested in Eldoret on Monday and blocked roads. Police made several arrests.", "en",
     "Protest with intervention"),
    ("Residents marched in Voi on Monday. Police later arrested three organisers.", "en", "Protest with intervention"),
    ("Ratusan mahasiswa berunjuk rasa di Makassar, Senin (6/5/2024). Polisi kemudian menangkap tiga "
     "koordinator aksi.", "id", "Protest with intervention"),
    ("Traders protested in Kisii on Monday over the detention of their chairman. He was arrested last week.",
     "en", "Peaceful protest"),
])
def test_arrests_by_the_police_told_after_the_protest(text: str, language: str, sub: str) -> None:
    assert _subs(text, language) == [sub]
