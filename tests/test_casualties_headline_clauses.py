"""Headline tolls told with no article: a subject of one person opens the headline ("Civilian
killed in rebel attack"), or its next clause after a semicolon or a colon ("Plot foiled; suspect
killed in shootout", "Army: soldier killed in ambush"); a noun at a headline's start is no verb
with an object ("Killing bares rebel identity" kills nobody); a count of weapons is no toll ("3 weapons
seized"). Own sentences; the bare subject in English only (the
rule needs a language whose nouns show their plural, [single] plural_suffixes)."""
from __future__ import annotations

import pytest

from test_casualties_people_nouns import _tolls


@pytest.mark.parametrize("text, expected", [
    ("Civilian killed in rebel attack in Surigao", [("killed", 1, 1)]),
    ("Civilian killed, 2 hurt in rebel attack in Surigao", [("killed", 1, 1), ("injured", 2, 2)]),
    ("Plot to bomb city hall foiled; suspect killed in shootout", [("killed", 1, 1)]),
    ("Army: soldier killed in ambush near Jolo", [("killed", 1, 1)]),
    ("One civilian killed and two hurt in blast", [("killed", 1, 1), ("injured", 2, 2)]),
    ("1 person killed in the attack on the market.", [("killed", 1, 1)]),
])
def test_headline_subject_of_one(text: str, expected: list) -> None:
    assert _tolls(text, "en") == expected


@pytest.mark.parametrize("text", [
    "Killing bares rebel identity, army says",
    "Killings spark outrage in the province",
    "Plot to bomb city hall foiled; suspects flee",
])
def test_no_toll_where_no_one_is_told_killed(text: str) -> None:
    assert [k for k, _, _ in _tolls(text, "en") if k == "killed"] == []



@pytest.mark.parametrize("lang, text, expected", [
    ("en", "NPA fighter killed, 3 weapons seized in Davao clash", [("killed", 1, 1)]),
    ("en", "Two gunmen killed, 12 firearms recovered after encounter", [("killed", 2, 2)]),
    ("id", "Seorang anggota KKB tewas, 3 senjata api disita aparat.", [("killed", 1, 1)]),
])
def test_count_of_weapons_is_no_toll(lang: str, text: str, expected: list) -> None:
    assert _tolls(text, lang) == expected
