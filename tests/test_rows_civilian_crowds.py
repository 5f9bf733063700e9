"""Civilians as a crowd doing violence: villagers, residents or locals told as the subject of a
violent verb right after them ("a group of villagers killed a farmer", "warga mengeroyok pencuri")
are the perpetrators, a mob (Riots / Mob violence, actor1 Rioters), not its victims. Civilians
after an event word, after another actor, under a headline's participle ("two civilians killed in
shelling") or one person alone ("a man attacked tourists") stay the ones attacked."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, language: str) -> list[tuple[str, str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"], r["actor1"]) for r in result.rows]


@pytest.mark.parametrize("text, language, country", [
    ("A group of villagers killed a farmer in Shariatpur, Bangladesh, on Friday over a land dispute.", "en",
     "Bangladesh"),
    ("Locals hacked a suspected cattle thief to death in Natore, Bangladesh, on Thursday.", "en", "Bangladesh"),
    ("Residents torched the house of a murder suspect in Kisii, Kenya, on Friday.", "en", "Kenya"),
    ("Puluhan warga mengeroyok seorang terduga pencuri di Bekasi, Jawa Barat, Jumat (8/3/2024).", "id",
     "Indonesia"),
    ("Warga desa membakar rumah seorang tersangka pembunuhan di Kabupaten Sikka, NTT, Jumat (8/3/2024).", "id",
     "Indonesia"),
])
def test_civilians_doing_violence_are_a_mob(text, language, country):
    assert _rows(text, language) == [("Riots", "Mob violence", f"Rioters ({country})")]


@pytest.mark.parametrize("text, language", [
    # attacked, not attacking: a headline's participle, the agent after "by", an event word before
    ("Villagers attacked by bandits in Baringo, Kenya, on Friday.", "en"),
    ("Raiders killed three villagers, two school children and wounded a herder in Turkana, Kenya, on Friday.", "en"),
    # another actor between the civilians and the verb
    ("Residents said gunmen attacked the market in Garissa, Kenya, on Friday.", "en"),
    # one person is no crowd
    ("Seorang pria menyerang para turis di Paris, Prancis, Jumat (8/3/2024).", "id"),
])
def test_civilians_attacked_stay_the_victims(text, language):
    rows = _rows(text, language)
    assert rows and all(r[:2] == ("Violence against civilians", "Attack") for r in rows), rows


def test_civilians_killed_in_shelling_are_no_perpetrator():
    rows = _rows("Two civilians killed in shelling in Idlib, Syria, on Friday.", "en")
    assert rows and rows[0][0] == "Explosions/Remote violence" and not rows[0][2].startswith("Civilians"), rows


def test_civilians_become_hostages_do_nothing():
    # "warga menjadi sandera": a noun after the civilians, no verb of theirs
    result = pipeline.run_article(Article(
        text="Kelompok bersenjata itu menjadikan warga menjadi sandera di Kabupaten Nduga, Papua, Jumat (8/3/2024).",
        published=dt.date(2024, 3, 9), language="id"))
    assert all(r["sub_event_type"] != "Mob violence" for r in result.rows)


@pytest.mark.parametrize("text", [
    "Evicted street hawkers and police engaged in running battles in Nairobi, Kenya, on Friday.",
    "Squatters clashed with police on disputed land in Kisauni, Mombasa, on Friday.",
    "Boda boda riders clashed with police in Kisumu, Kenya, on Friday after a colleague was arrested.",
])
def test_working_people_fighting_the_police_are_rioters(text):
    # people told by their trade, armed with nothing said, against the police: a riot, not a battle
    assert [r[:2] for r in _rows(text, "en")] == [("Riots", "Mob violence")]
