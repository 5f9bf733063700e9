"""The shared multi-pattern matcher: whole words, any case, accents folded, longest first."""
import pytest

from events.matcher import Matcher, fold


@pytest.mark.parametrize("text", ["Almería", "ŁÓDŹ", "İstanbul", "Straße", "it’s", "KAMPUNG MELAYU"])
def test_matcher_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


def test_matcher_fold_strips_accents_and_case():
    assert fold("Almería") == "almeria"
    assert fold("BAGDAD") == "bagdad"


@pytest.mark.parametrize("text, expected", [
    ("Bom meledak di Kampung Melayu, Jakarta Timur.", ["Bom", "Kampung Melayu", "Jakarta Timur"]),
    ("BOM MELEDAK DI KAMPUNG MELAYU", ["BOM", "KAMPUNG MELAYU"]),
    ("Bombardir dan kampungnya", []),                           # no match inside words
    ("a blast in Dera Ismail Khan", ["Dera Ismail Khan"]),
])
def test_matcher_finds_whole_words_longest_first(text, expected):
    m = Matcher({"bom": 1, "kampung melayu": 2, "kampung": 3, "jakarta timur": 4, "jakarta": 5,
                 "dera ismail khan": 6, "khan": 7})
    assert [x.text for x in m.find(text)] == expected


def test_matcher_keeps_every_payload_of_a_shared_pattern():
    m = Matcher([("Serang", "city"), ("serang", "verb")])
    [match] = m.find("Mereka serang pos polisi")
    assert match.value == ["city", "verb"] and (match.start, match.end) == (7, 13)


def test_matcher_overlapping_mode_returns_nested_names():
    m = Matcher({"khan younis": "a", "younis": "b"})
    assert [x.key for x in m.find("in Khan Younis", overlapping=True)] == ["khan younis", "younis"]


def test_matcher_empty_pattern_set_finds_nothing():
    assert Matcher({}).find("anything") == []
