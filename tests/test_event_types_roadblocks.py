"""event_types/story: a road closed with barricades is the codebook's road-blocking using
barricades, a violent demonstration; barricades the police or soldiers put up are no
demonstration; torches carried or lit are lights, no arson. Own sentences, both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article, Sentence
from events.extract import event_types


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


def _reported(text: str, language: str) -> list[str]:
    return [t.sub_event_type for t in event_types.find(text, [Sentence(0, len(text), text)], language)
            if not t.hypothetical and not t.negated]


VIOLENT = ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text, language", [
    ("Students in Nakuru, Kenya, barricaded the main highway with logs on Monday to protest against a fee rise.", "en"),
    ("Traders in Kisumu, Kenya, erected barricades on Monday as they demonstrated against new market levies.", "en"),
    ("RESIDENTS OF ELDORET, KENYA, PROTESTED ON MONDAY, BARRICADING ROADS WITH ROCKS AND LOGS.", "en"),
    ("Ratusan warga berunjuk rasa di Kota Makassar, Senin (4/3/2024), dan membarikade jalan dengan kayu.", "id"),
])
def test_event_types_barricaded_road_is_violent_demonstration(text: str, language: str) -> None:
    assert VIOLENT in _types(text, language)


@pytest.mark.parametrize("text, language", [
    ("Police barricaded the area around parliament in Nairobi, Kenya, on Monday as teachers marched to demand pay.", "en"),
    ("Teachers marched peacefully through Nairobi, Kenya, on Monday to demand higher pay.", "en"),
])
def test_event_types_police_barricades_are_no_riot(text: str, language: str) -> None:
    types = _types(text, language)
    assert types and VIOLENT not in types
    assert all(t[0] == "Protests" for t in types)


@pytest.mark.parametrize("text, language, word", [
    ("Hundreds marched with torches through the old town to support the government.", "en", "torches"),
    ("The crowd was lighting torches and singing outside the city hall.", "en", "torches"),
])
def test_event_types_torches_carried_are_no_arson(text: str, language: str, word: str) -> None:
    assert "Looting/property destruction" not in _reported(text, language)


@pytest.mark.parametrize("text, language, sub", [
    ("An angry crowd torches the house of a councillor in Kisii.", "en", "Looting/property destruction"),
    ("A crowd lynches a man accused of stealing a goat.", "en", "Mob violence"),
    ("Two rival groups of party youths came to blows outside the tallying centre.", "en", "Mob violence"),
    ("Thousands of opposition supporters poured into the streets of the capital after the verdict.", "en",
     "Peaceful protest"),
    ("Two neighbours' sons fought with sticks after an altercation at the village market.", "en", "Mob violence"),
    ("A herder was speared in the chest near the river.", "en", "Attack"),
    ("The councillor was attacked at his home and left for dead.", "en", "Attack"),
])
def test_event_types_everyday_words_of_events(text: str, language: str, sub: str) -> None:
    assert sub in _reported(text, language)


@pytest.mark.parametrize("text, language, sub", [
    ("Residents protested over the water shortage, throwing stones at passing cars.", "en",
     "Violent demonstration"),
    ("Pupils protesting against their head teacher, torched a dormitory of the school.", "en",
     "Looting/property destruction"),
])
def test_event_types_grievance_ends_at_its_clause(text: str, language: str, sub: str) -> None:
    assert sub in _reported(text, language)


@pytest.mark.parametrize("text, language, sub", [
    ("Residents protested against youths throwing stones at passing cars.", "en", "Violent demonstration"),
    ("Pupils protested against the torching of a dormitory of the school.", "en", "Looting/property destruction"),
])
def test_event_types_grievance_within_its_clause(text: str, language: str, sub: str) -> None:
    assert sub not in _reported(text, language)
