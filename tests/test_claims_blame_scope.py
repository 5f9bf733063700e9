"""claims: blame that names an unnamed doer needs an act in its sentence ("it is believed the man
supplied armed groups" blames nobody), and an event that "was reported" has no speaker (own
sentences, English and Indonesian)."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _claims(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))[1]


@pytest.mark.parametrize("language,text,blamed", [
    ("en", "It is believed that the driver supplied militant groups with fuel.", []),
    ("en", "The bombing of the bridge was blamed on militants.", ["militants"]),
    ("en", "Officials suspect al-Shabaab, which is active in the area.", ["Al Shabaab"]),
    ("id", "Polisi menduga pria itu memasok senjata kepada kelompok bersenjata.", []),
])
def test_claims_unnamed_blame_needs_an_act(language: str, text: str, blamed: list[str]) -> None:
    found = [c.group for c in _claims(text, language) if c.status == "attributed"]
    assert [g.lower() for g in found] == [b.lower() for b in blamed]


@pytest.mark.parametrize("text,by", [
    ("A clash between GNA and LNA forces was reported near the airport.", None),
    ("The army reported that the LNA shelled the airport.", "The army"),
])
def test_claims_passive_report_has_no_speaker(text: str, by: str | None) -> None:
    found = [c for c in _claims(text, "en") if c.status == "attributed"]
    assert [c.by for c in found][:1] == ([by] if by else [])
