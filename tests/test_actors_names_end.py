"""actors: where an actor's words end: a unit's own name stops at an officer's rank ("Polres Sleman |
AKBP ..."), a relative clause stops at an auxiliary ("pelaku yang terlibat | akan ...", "the men who
fled | will ...") (own sentences, Indonesian and English, upper and mixed case)."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _texts(text: str, language: str) -> list[str]:
    sentences = [Sentence(0, len(text), text)]
    found, _ = actors.find(text, sentences, language, event_types.find(text, sentences, language))
    return [a.text for a in found]


@pytest.mark.parametrize("language,text,expected", [
    ("id", "Kapolres Sleman AKBP Yuswanto mengatakan Polres Sleman Iptu Dewi menangkap dua pemuda.", "Polres Sleman"),
    ("id", "Wakil Satgas Operasi Damai Cartenz Kombes Pol Yusuf menyebut pihaknya menangkap tiga orang.",
     "Satgas Operasi Damai Cartenz"),
    ("id", "Komandan Kodim Merauke Letkol Inf Agus memimpin patroli di perbatasan.", "Kodim Merauke"),
])
def test_actors_unit_name_ends_at_a_rank(language: str, text: str, expected: str) -> None:
    assert expected in _texts(text, language)


@pytest.mark.parametrize("language,text,expected", [
    ("id", "Para pelaku yang terlibat akan dihukum berat oleh pengadilan negeri.", "Para pelaku yang terlibat"),
    ("id", "PELAKU YANG MEMBAKAR RUMAH ITU AKAN SEGERA DITANGKAP.", "PELAKU YANG MEMBAKAR RUMAH ITU"),
    ("en", "Gunmen who attacked the convoy will be tried in the capital.", "Gunmen who attacked the convoy"),
])
def test_actors_relative_clause_ends_at_an_auxiliary(language: str, text: str, expected: str) -> None:
    assert expected in _texts(text, language)
