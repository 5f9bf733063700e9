"""Counts of suspects, troops and detainees are no toll when they are arrested or deployed, but are
when a casualty word follows them ("two suspects died", "three troops were killed", "dua tersangka
tewas"); a headline's present-tense lynching is a death ("Residents lynch a suspected thief").
A count of people arrested, captured or freed is theirs, no toll ("Leader killed, 3 others
nabbed"). Own sentences, both languages."""
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


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Police shot dead three suspects in Mathare on Monday.", [("killed", 3, 3)]),
    ("en", "Police killed two suspects and arrested three others.", [("killed", 2, 2)]),
    ("id", "Polisi menembak mati dua tersangka dan menangkap tiga lainnya.", [("killed", 2, 2)]),
])
def test_suspects_killed_by_a_verb_before_them_are_a_toll(lang: str, text: str, expected: list) -> None:
    assert _tolls(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Rebel leader killed, 3 others nabbed in raid in Sarangani", [("killed", 1, 1)]),
    ("en", "Rebel leader killed, two aides captured in raid", [("killed", 1, 1)]),
    ("en", "Gunmen killed three villagers and abducted two others.", [("killed", 3, 3)]),
    ("en", "Two soldiers were captured and killed by the rebels.", [("killed", 2, 2)]),
    ("id", "Seorang pimpinan kelompok bersenjata tewas, tiga lainnya diamankan.", [("killed", 1, 1)]),
    ("id", "Penembakan itu menewaskan dua warga dan tiga lainnya diculik.", [("killed", 2, 2)]),
])
def test_count_of_people_arrested_or_captured_is_no_toll(lang: str, text: str, expected: list) -> None:
    assert _tolls(text, lang) == expected


def test_part_of_those_arrested_found_dead_is_a_toll() -> None:
    assert _tolls("Soldiers arrested a family of five. Three of those arrested were later found dead.", "en") \
        == [("killed", 3, 3)]
