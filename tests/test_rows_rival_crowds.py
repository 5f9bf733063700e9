"""Supporters or factions of rival sides clashing, with nobody armed or of the state named, are a
brawl between crowds (FORMAT.md 8: Riots / Mob violence) even at a rally or procession, which is
their occasion; protesters told as such clashing, or factions clashing during their own
demonstration, stay a violent demonstration. Own sentences, both
languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _subs(text: str, language: str) -> list[str]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 5), language=language)).rows
    return [r["sub_event_type"] for r in rows]


@pytest.mark.parametrize("text, language", [
    ("Supporters of two rival candidates clashed during a campaign rally in Kapsabet on Saturday.", "en"),
    ("Supporters of the ruling party clashed with supporters of the opposition at a rally in Kabarnet "
     "on Saturday.", "en"),
    ("Two factions of the party's youth wing clashed during a procession in Chittagong city on Saturday.", "en"),
    ("Ratusan pendukung dua calon bupati bentrok saat kampanye di Manokwari, Sabtu (4/5/2024).", "id"),
])
def test_rival_crowds_clashing_are_mob_violence(text: str, language: str) -> None:
    assert _subs(text, language) == ["Mob violence"]


@pytest.mark.parametrize("text, language", [
    ("Protesters clashed with police during a rally in Kisumu on Saturday.", "en"),
    ("Protesters clashed with supporters of the governor in Kisumu on Saturday.", "en"),
    ("Two factions of the party clashed during their demonstration in Natore city on Saturday.", "en"),
])
def test_protesters_clashing_stay_a_violent_demonstration(text: str, language: str) -> None:
    assert _subs(text, language) == ["Violent demonstration"]


@pytest.mark.parametrize("text, language", [
    # a crowd's violence at a gathering that voices no demand: the gathering is its occasion
    ("Supporters of a defeated candidate stabbed a supporter of the winner during a victory procession in Pabna "
     "on Saturday.", "en"),
    ("Party workers beat up three rivals at a celebration rally in Bogra town on Saturday.", "en"),
    ("Pendukung calon yang kalah memukuli seorang pendukung lawan saat pawai kemenangan di Kabupaten Jeneponto, "
     "Sabtu (4/5/2024).", "id"),
])
def test_violence_at_a_gathering_with_no_demand_is_mob_violence(text: str, language: str) -> None:
    assert _subs(text, language) == ["Mob violence"]


@pytest.mark.parametrize("text, language", [
    # the gathering voices a demand: a demonstration, its crowd's violence a violent one
    ("Party members clashed with rivals in Kurigram on Saturday during a rally demanding the release of their "
     "leader.", "en"),
    ("Lawyers clashed at the bar office in Mymensingh on Saturday during a rally of lawyers against the bar "
     "polls.", "en"),
    ("Massa pawai menolak kenaikan harga BBM bentrok dengan warga di Kota Makassar, Sabtu (4/5/2024).", "id"),
])
def test_violence_at_a_gathering_voicing_a_demand_is_a_violent_demonstration(text: str, language: str) -> None:
    assert _subs(text, language) == ["Violent demonstration"]
