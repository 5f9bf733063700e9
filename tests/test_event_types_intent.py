"""event_types: what is threatened, intended or asked for is no event ([modifiers] intent reach
to the end of their clause); what follows a clause break is told as done."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import event_types


def _told(text: str, language: str) -> set[str]:
    """Sub-event types of the triggers told as having happened."""
    return {t.sub_event_type for t in event_types.find(text, [Sentence(0, len(text), text)], language)
            if not t.negated and not t.hypothetical}


@pytest.mark.parametrize("language,text,absent", [
    ("en", "The group threatened to carry out more of its bombings across the capital.", "Remote explosive/landmine/IED"),
    ("en", "THE MILITIA VOWED TO KEEP UP ITS AMBUSHES ON THE HIGHWAY.", "Armed clash"),
    ("en", "The interior ministry has requested the arrest of two opposition organisers.", "Arrests"),
    ("en", "A judge issued a warrant for the arrest of the commander.", "Arrests"),
    ("id", "Kelompok itu berniat meledakkan bom di jembatan perbatasan.", "Remote explosive/landmine/IED"),
    ("id", "Polisi meminta penangkapan dua tokoh ormas yang diduga memicu kerusuhan.", "Arrests"),
])
def test_intent_is_hypothetical(language: str, text: str, absent: str) -> None:
    assert absent not in _told(text, language)


@pytest.mark.parametrize("language,text,present", [
    # a clause break ends what was threatened: the arson was done
    ("en", "The rebels threatened to return, and later torched two houses in the village.",
     "Looting/property destruction"),
    ("en", "Gunmen who had vowed revenge ambushed a police patrol.", "Armed clash"),
    ("id", "Pelaku sempat mengancam warga, lalu membakar rumah warga di desa itu.", "Looting/property destruction"),
])
def test_intent_stops_at_clause_break(language: str, text: str, present: str) -> None:
    assert present in _told(text, language)
