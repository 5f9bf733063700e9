"""An inquiry told after the act in the same sentence ("gunmen killed a shopkeeper, identified as
...", "shot two guards; police are investigating") follows the event told: the sentence is the
event's, not background. An inquiry told first ("Police are investigating the killing of ...")
stays background."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language=language))


@pytest.mark.parametrize("text, language, toll", [
    ("On Monday, gunmen killed a shopkeeper, identified as Rahim Uddin, in Bogura, Bangladesh.", "en", 1),
    ("Unknown attackers shot dead two guards at a warehouse in Kisumu, Kenya, on Monday, and police have "
     "opened an investigation.", "en", 2),
    ("Orang tak dikenal menembak mati dua penjaga gudang di Timika, Papua, Senin (3/6/2024), dan polisi masih "
     "melakukan penyelidikan.", "id", 2),
])
def test_an_inquiry_after_the_act_keeps_the_event(text, language, toll):
    rows = _result(text, language).rows
    assert [r["fatalities"] for r in rows] == [toll]


@pytest.mark.parametrize("text, language", [
    ("Police in Kisumu, Kenya, on Monday opened an investigation into the killing of two guards in 2019.", "en"),
    ("Polisi di Timika, Papua, Senin (3/6/2024), melakukan penyelidikan atas pembunuhan dua penjaga pada 2021.",
     "id"),
])
def test_an_inquiry_told_first_is_background(text, language):
    result = _result(text, language)
    assert not result.rows, result.rows


def test_an_organisation_before_its_named_spokesman_is_the_source():
    text = ("A bomb exploded outside a school in Barcelona, Spain, on Monday. The blast, described as small by "
            "Italian Embassy spokesman Filip Rossi, wounded one policeman.")
    rows = _result(text, "en").rows
    assert [r["perpetrator"] for r in rows] == [None]
