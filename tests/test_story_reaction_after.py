"""A reaction or a policy step told after the act in its sentence ("killed in an ambush ..., drawing
condemnation from the president", "13 killed as officials weigh martial law") follows the event
told: the sentence is the event's. A reaction told first ("The president condemned the ambush
that killed three soldiers") stays background."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language))


@pytest.mark.parametrize("text, language, toll", [
    ("Three soldiers were killed in an ambush in Lamu, Kenya, on Monday, drawing condemnation from the "
     "president.", "en", 3),
    ("Gunmen killed 13 villagers in Bireuen, Aceh, on Monday as officials weighed martial law.", "en", 13),
    ("Tiga prajurit tewas disergap di Kabupaten Intan Jaya, Papua Tengah, Senin (6/5/2024), dan Presiden "
     "mengecam serangan itu.", "id", 3),
])
def test_a_reaction_after_the_act_keeps_the_event(text, language, toll):
    assert [r["fatalities"] for r in _result(text, language).rows] == [toll]


@pytest.mark.parametrize("text, language", [
    ("The president on Monday condemned the ambush that killed three soldiers in Lamu, Kenya.", "en"),
    ("Presiden mengecam serangan yang menewaskan tiga prajurit di Intan Jaya, Papua Tengah.", "id"),
])
def test_a_reaction_told_first_is_background(text, language):
    assert not _result(text, language).rows
