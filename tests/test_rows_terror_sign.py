"""Convention 2 (criminal or personal violence is no event) gives way when the state treats the
violence as terrorism: an attacker's mental illness, told with counter-terrorism prosecutors or
police taking the case, leaves an attack; a story that rules terrorism out stays crime.
Own sentences, both languages (background.toml `terror`, `not_terror`)."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, language: str) -> list[dict]:
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 4), language=language)).rows


ATTACK_EN = ("A man stabbed two tourists near the cathedral in Strasbourg on Saturday, killing one. "
             "Police said the attacker had a history of mental illness. ")
ATTACK_ID = ("Seorang pria menyerang dua turis dengan pisau di dekat katedral di Strasbourg, Sabtu (2/3/2024), "
             "menewaskan satu orang. Polisi menyebut pelaku memiliki riwayat gangguan kejiwaan. ")


@pytest.mark.parametrize("text, language", [
    (ATTACK_EN + "Anti-terrorism prosecutors have taken over the investigation.", "en"),
    (ATTACK_EN + "The man was later charged with terrorism offences.", "en"),
    (ATTACK_ID + "Jaksa antiterorisme mengambil alih penyelidikan kasus itu.", "id"),
    (ATTACK_ID + "Tim Densus 88 turut memeriksa tersangka.", "id"),
])
def test_rows_attack_treated_as_terrorism_is_an_event_despite_a_personal_motive(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [(r["country"], r["sub_event_type"], r["fatalities"]) for r in rows] == [("France", "Attack", 1)]


@pytest.mark.parametrize("text, language", [
    (ATTACK_EN, "en"),
    (ATTACK_EN + "Counter-terrorism police questioned him but ruled out terrorism.", "en"),
    (ATTACK_ID, "id"),
    (ATTACK_ID + "Densus 88 memastikan serangan itu tidak terkait terorisme.", "id"),
])
def test_rows_personal_violence_stays_no_event_without_a_terror_sign(text: str, language: str) -> None:
    assert _rows(text, language) == []
