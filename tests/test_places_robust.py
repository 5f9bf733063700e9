"""Bad or odd input never crashes the places stage."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.article import Article, Sentence
from events.extract import places
from events.findings import Dateline
from events.pipeline import Doc


@pytest.mark.parametrize("text", ["", " ", "\n\n", "...", "12345", "ÅÆØ ß ﬁ İstanbul ǅ", "a" * 5000,
                                  "ERA.id -", "JAKARTA, CNN Indonesia --", "di di di dekat near in"])
def test_places_odd_text_runs(text):
    doc = Doc(article=Article(text=text), language="id")
    places.run(doc)
    assert isinstance(doc.findings["places"], list)
    assert places.choose(doc, {0}) is None or places.choose(doc, {0}).country


def test_places_dateline_without_span_and_unknown_language():
    doc = Doc(article=Article(text="KABUL - A bomb exploded in Kabul."), language="xx")
    doc.findings["dateline"] = Dateline(outlet=None, place="Kabul")
    places.run(doc)
    assert places.choose(doc, {0}).country == "Afghanistan"


def test_places_sentence_indices_outside_the_text():
    doc = Doc(article=Article(text="Bom meledak di Kabul."), language="id")
    doc.sentences = [Sentence(0, 21, "Bom meledak di Kabul.")]
    places.run(doc)
    assert places.choose(doc, {7, 99}).location == "Kabul"      # falls back to the main place
    assert places.choose(doc, set()).location == "Kabul"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_places_any_text_never_crashes(text):
    doc = Doc(article=Article(text=text), language="en")
    places.run(doc)
    for m in doc.findings["places"]:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
