"""actors: the side or cause a word after the head gives an actor ("demonstran antipemerintah")
is read into its English label; English keeps it as written ("anti-government protesters")."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article, Sentence
from events.extract import actors, event_types
from events.pipeline import extract


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text,label", [
    ("id", "Ribuan demonstran antipemerintah berunjuk rasa di depan gedung parlemen.", "anti-government protesters"),
    ("id", "RIBUAN DEMONSTRAN ANTIPEMERINTAH BERUNJUK RASA DI DEPAN GEDUNG PARLEMEN.", "anti-government protesters"),
    ("id", "Milisi pro-pemerintah menyerang sebuah desa di utara.", "pro-government militia"),
    ("id", "Massa prodemokrasi memblokade jalan utama kota.", "pro-democracy protesters"),
])
def test_actors_modifier_after_head_joins_label(language: str, text: str, label: str) -> None:
    found, _ = _find(text, language)
    assert label in [a.label for a in found]


@pytest.mark.parametrize("language,text", [
    # a word after the head that is no side or cause changes nothing
    ("id", "Ribuan demonstran berunjuk rasa di depan gedung parlemen."),
    ("id", "Demonstran kemarin berunjuk rasa di depan gedung parlemen."),
])
def test_actors_no_modifier_keeps_label(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert [a.label for a in found if a.kind == "protesters"] == ["protesters"]


def test_actors_modifier_reaches_the_row() -> None:
    text = ("Demonstran antipemerintah melempari polisi dengan batu di Bangkok, Thailand, Jumat (8/3/2024). "
            "Polisi menembakkan gas air mata untuk membubarkan massa.")
    rows = extract(Article(text=text, published=dt.date(2024, 3, 10), language="id"))
    assert rows and rows[0]["perpetrator"] == "anti-government protesters"


def test_actors_english_modifier_is_kept_as_written() -> None:
    found, _ = _find("Anti-government protesters threw stones at police in the capital.", "en")
    assert [a.text for a in found if a.kind == "protesters"] == ["Anti-government protesters"]


@pytest.mark.parametrize("language,text,group", [
    # a group's name after "anti-" names its enemies: the group is only the one fired at
    ("en", "Anti-Houthi tribal fighters fired rockets at Houthi positions near the port.", "Houthis"),
    ("en", "ANTI-TALIBAN MILITIAMEN AMBUSHED A TALIBAN CONVOY NEAR THE PASS.", "Taliban"),
    ("id", "Milisi anti-ISIS menyerang markas ISIS di pinggir kota.", "Islamic State"),
])
def test_actors_anti_group_is_not_the_group(language: str, text: str, group: str) -> None:
    found, _ = _find(text, language)
    assert not [a for a in found if a.named and a.role == "perpetrator"]
    assert [a.label for a in found if a.named and a.role == "target"][:1] == [group]
