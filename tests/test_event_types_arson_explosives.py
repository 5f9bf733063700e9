"""Fire and explosives told by their own words: "started a fire at a store", "set off three
incendiaries", "threw a stick of dynamite", "claimed credit for blowing up a transmitter",
"melempar dinamit"; a threat to blow something up stays a threat."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language))


@pytest.mark.parametrize("text, language, sub", [
    ("On Monday, unknown men started a fire at a store in Ithaca, New York, United States.", "en",
     "Looting/property destruction"),
    ("On Monday, militants set off three incendiaries at a department store in Manhattan, New York, "
     "United States.", "en", "Looting/property destruction"),
    ("On Monday, militants threw a stick of dynamite at a courthouse in West Point, Mississippi, United States.",
     "en", "Remote explosive/landmine/IED"),
    ("On Monday, militants claimed credit for blowing up a radio transmitter in Houston, Texas, United States.",
     "en", "Remote explosive/landmine/IED"),
    ("Orang tak dikenal melempar dinamit ke sebuah pos polisi di Kabupaten Poso, Sulawesi Tengah, Senin "
     "(6/5/2024).", "id", "Remote explosive/landmine/IED"),
])
def test_fire_and_explosives_by_their_own_words(text, language, sub):
    assert [r["sub_event_type"] for r in _result(text, language).rows] == [sub]


def test_a_threat_to_blow_up_is_no_event():
    assert not _result("The rebels threatened to blow up the bridge in Kidal, Mali, on Monday.", "en").rows
