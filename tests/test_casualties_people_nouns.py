"""Counts of suspects, troops and detainees are no toll when they are arrested or deployed, but are
when a casualty word follows them ("two suspects died", "three troops were killed", "dua tersangka
tewas"); a headline's present-tense lynching is a death ("Residents lynch a suspected thief").
Own sentences, both languages."""
from __future__ import annotations

import pytest

from test_casualties_counts import found


def _tolls(text: str, lang: str) -> list[tuple[str, int, int]]:
    return [(c.kind, c.low, c.high) for c in found(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Two troops were killed when their convoy hit a mine.", [("killed", 2, 2)]),
    ("en", "Three troops died in the ambush near the border.", [("killed", 3, 3)]),
    ("en", "Five suspects were shot dead by police at a roadblock.", [("killed", 5, 5)]),
    ("en", "During the raid two suspects died and one was injured.", [("killed", 2, 2), ("injured", 1, 1)]),
    ("en", "Four troops were wounded in the attack.", [("injured", 4, 4)]),
    ("id", "Dua tersangka tewas dalam baku tembak dengan polisi.", [("killed", 2, 2)]),
    ("id", "Tiga tahanan tewas saat kerusuhan di lembaga pemasyarakatan.", [("killed", 3, 3)]),
    ("en", "Residents lynch a suspected cattle thief in Kisii", [("killed", 1, 1)]),
    ("en", "Mob lynches two suspected robbers in Kakamega", [("killed", 2, 2)]),
])
def test_people_counted_when_hurt(lang: str, text: str, expected: list) -> None:
    assert _tolls(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Police arrested two suspects after the robbery."),
    ("en", "The army deployed 3,000 troops to the region on Monday."),
    ("en", "Five suspects were arrested and later released."),
    ("en", "Villagers threatened to lynch the suspects before police arrived."),
    ("id", "Polisi menangkap dua tersangka pelaku pembakaran."),
    ("id", "Tiga tersangka ditahan di Polres Jayapura."),
])
def test_people_arrested_or_deployed_are_no_toll(lang: str, text: str) -> None:
    assert _tolls(text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Officer killed, 4 troops hurt in clash with bandits in Basilan", [("killed", 1, 1), ("injured", 4, 4)]),
    ("en", "Soldier killed, 3 villagers wounded in rebel ambush", [("killed", 1, 1), ("injured", 3, 3)]),
])
def test_count_after_a_comma_with_its_own_word_is_that_words(lang: str, text: str, expected: list) -> None:
    assert _tolls(text, lang) == expected
