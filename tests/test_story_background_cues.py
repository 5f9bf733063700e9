"""Background cues that are part of the event's own telling: what the victim was doing ("shot
dead while investigating a theft"), a unit's name ("a rapid reaction officer"), rushing at
someone ("charged at police"), police answering the incident, and the grounds of an arrest told
after it ("arrested ... and charged with terrorism offences"). Trials, charges and investigations
told on their own stay background."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2021, 3, 2), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language, expected", [
    ("A man was arrested in Mombasa, Kenya, on Monday and charged with terrorism offences.", "en",
     ("Strategic developments", "Arrests")),
    ("TWO MEN WERE DETAINED IN MOMBASA, KENYA, ON MONDAY IN CONNECTION WITH THE BOMBING OF A BUS STATION.", "en",
     ("Strategic developments", "Arrests")),
    ("A police detective was shot dead in Nairobi, Kenya, on Monday while investigating a theft.", "en",
     ("Battles", "Armed clash")),
    ("Police responded to the incident in Kitale, Kenya, on Monday and the raiders opened fire, killing a constable.",
     "en", ("Battles", "Armed clash")),
    ("Seorang polisi ditembak mati saat memeriksa kendaraan di Kota Makassar, Senin (1/3/2021).", "id",
     ("Battles", "Armed clash")),
])
def test_story_background_cue_inside_the_event(text, language, expected):
    assert _types(text, language) == [expected]


@pytest.mark.parametrize("text, language", [
    ("Gunmen shot and wounded a rapid reaction police commander near Baqubah in Diyala province on Monday.", "en"),
    ("A gang of ten charged at police officers with machetes in Nairobi, Kenya, on Monday; three of them were shot dead.", "en"),
])
def test_story_background_cue_word_of_another_sense_gives_a_row(text, language):
    assert len(_types(text, language)) == 1


@pytest.mark.parametrize("text, language", [
    ("The court in Mombasa, Kenya, on Monday sentenced a man arrested last year for the bombing of a bus station.", "en"),
    ("A man was charged in Mombasa, Kenya, on Monday with the murder of a trader who was arrested last week.", "en"),
    ("Police in Nairobi, Kenya, said on Monday they were investigating the killing of a trader.", "en"),
    ("Majelis hakim di Makassar, Senin (1/3/2021), memvonis terdakwa pengeboman gereja 15 tahun penjara.", "id"),
])
def test_story_background_cue_trial_or_investigation_stays_background(text, language):
    assert _types(text, language) == []


@pytest.mark.parametrize("text, language, rows", [
    # the past words inside the clause of what was avenged tell the motive
    ("To avenge the murder of their chief two days earlier, armed youths shot dead three traders in "
     "Baringo, Kenya, on Monday.", "en", 1),
    ("Gunmen shot dead two guards in Baringo, Kenya, on Monday in revenge for the murder of their leader last week.", "en", 1),
    ("Sebagai balasan atas tewasnya kepala suku mereka dua hari sebelumnya, sekelompok orang bersenjata menembak "
     "mati dua sopir truk di Kabupaten Puncak, Papua, Senin (4/3/2024).", "id", 1),
    # the sentence's own event told as history stays background
    ("Last year gunmen shot dead two guards in Baringo, Kenya, in revenge for the theft of cattle.", "en", 0),
])
def test_story_background_cue_inside_a_motive_clause(text, language, rows):
    assert len(_types(text, language)) == rows
