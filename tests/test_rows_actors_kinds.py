"""Rows' actors by ACLED's conventions: a mob's victims are Civilians (two crowds fighting are
rioters both); a clan's, tribe's or ethnic community's fighters are a communal or ethnic militia,
its people attacked civilians; criminal gangs named as such are "Unidentified Gang"; a named
group wins over the unnamed word beside it."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, language: str) -> list[tuple[str, str, str | None]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in result.rows]


@pytest.mark.parametrize("text, language, expected", [
    ("A mob beat to death a suspected thief in Kisumu, Kenya, on Tuesday.", "en",
     ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")),
    ("RESIDENTS LYNCHED A MAN ACCUSED OF STEALING A GOAT IN KAKAMEGA, KENYA, ON MONDAY.", "en",
     ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")),
    ("Warga memukuli seorang terduga pencuri hingga tewas di Kecamatan Tallo, Makassar, pada Rabu (6/3/2024).",
     "id", ("Mob violence", "Rioters (Indonesia)", "Civilians (Indonesia)")),
    # two crowds fighting each other: rioters on both sides
    ("Supporters of two rival candidates clashed with stones in Kisumu, Kenya, on Tuesday; six people "
     "were injured.", "en", ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")),
    ("MAKASSAR - Tawuran antarwarga pecah di Kecamatan Tallo, Makassar, pada Rabu (6/3/2024). Satu warga terluka.",
     "id", ("Mob violence", "Rioters (Indonesia)", "Rioters (Indonesia)")),
    ("AMBON - Bentrokan antarwarga dua desa terjadi di Ambon, Maluku, pada Kamis (7/3/2024); dua rumah dibakar.",
     "id", ("Mob violence", "Rioters (Indonesia)", "Rioters (Indonesia)")),
])
def test_rows_actors_mob_victims_are_civilians_rival_crowds_rioters(text, language, expected):
    assert _rows(text, language) == [expected]


@pytest.mark.parametrize("text, language", [
    ("Protesters marched peacefully through Nairobi, Kenya, on Tuesday to demand lower fuel prices.", "en"),
    ("Ratusan mahasiswa berunjuk rasa dengan damai di depan gedung DPRD Makassar, Sulawesi Selatan, "
     "pada Rabu (6/3/2024).", "id"),
])
def test_rows_actors_a_peaceful_protest_gets_no_civilians(text, language):
    rows = _rows(text, language)
    assert rows and all(r[2] is None for r in rows)


@pytest.mark.parametrize("text, language, expected", [
    ("Clan militias clashed in Beledweyne, Hiiraan, Somalia, on Tuesday, killing four.", "en",
     ("Armed clash", "Unidentified Communal Militia (Somalia)", "Unidentified Communal Militia (Somalia)")),
    ("Fighting between two tribes broke out in Wamena, Papua, on Tuesday, killing three people.", "en",
     ("Armed clash", "Unidentified Communal Militia (Indonesia)", "Unidentified Communal Militia (Indonesia)")),
    ("JAYAPURA - Perang suku pecah di Distrik Ilaga, Kabupaten Puncak, Papua, pada Senin (4/3/2024). "
     "Dua warga tewas terkena panah.", "id",
     ("Armed clash", "Unidentified Communal Militia (Indonesia)", "Unidentified Communal Militia (Indonesia)")),
    ("Armed tribesmen attacked a bus near Marib, Yemen, on Tuesday, killing two passengers.", "en",
     ("Attack", "Unidentified Communal Militia (Yemen)", "Civilians (Yemen)")),
    ("Milisi suku menyerang sebuah desa di Ilaga, Kabupaten Puncak, Papua Tengah, pada Selasa (5/3/2024), "
     "menewaskan dua warga.", "id", ("Attack", "Unidentified Communal Militia (Indonesia)", "Civilians (Indonesia)")),
    # a named community: its fighters are its ethnic militia, its people attacked civilians
    ("Young men from the Pokot tribe shot dead two women of the Turkana tribe at a well near Kapedo, Turkana, "
     "Kenya, on Tuesday.", "en", ("Attack", "Pokot Ethnic Militia (Kenya)", "Civilians (Kenya)")),
    ("Milisi Pokot menyerang warga suku Turkana di Kapedo, Turkana, Kenya, pada Selasa (5/3/2024), "
     "menewaskan dua orang.", "id", ("Attack", "Pokot Ethnic Militia (Kenya)", "Civilians (Kenya)")),
    ("Pokot raiders clashed with Turkana warriors in Baringo, Kenya, on Tuesday, killing four.", "en",
     ("Armed clash", "Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)")),
])
def test_rows_actors_communal_fighters_are_identity_militias(text, language, expected):
    assert _rows(text, language) == [expected]


@pytest.mark.parametrize("text, language", [
    ("About 600 members of the Ogiek community protested in Kapsabet, Nandi, Kenya, on Tuesday.", "en"),
    ("Hundreds of traders protested in Malindi, Kilifi, Kenya, on Tuesday against killings by street gangs.", "en"),
    ("Hundreds of traders protested in Malindi, Kilifi, Kenya, on Tuesday against murders blamed on suspected "
     "street gangs.", "en"),
    ("Residents demonstrated in Mombasa, Kenya, on Tuesday, saying they were stereotyped as drug dealers.", "en"),
    ("Ratusan warga berunjuk rasa di depan Polres Bandung, Jawa Barat, pada Rabu (6/3/2024) menuntut polisi "
     "menangkap anggota geng motor yang membacok pelajar.", "id"),
])
def test_rows_actors_a_community_or_gang_is_not_the_protesting_crowd(text, language):
    rows = _rows(text, language)
    assert rows and all(r[1].startswith("Protesters (") for r in rows)


@pytest.mark.parametrize("text, language, expected", [
    ("Members of a criminal gang shot dead a shopkeeper in Port-au-Prince, Haiti, on Tuesday.", "en",
     ("Attack", "Unidentified Gang (Haiti)", "Civilians (Haiti)")),
    ("CARTEL GUNMEN SHOT DEAD TWO MEN IN LEON, GUANAJUATO, MEXICO, ON TUESDAY.", "en",
     ("Attack", "Unidentified Gang (Mexico)", "Civilians (Mexico)")),
    ("BANDUNG - Sekelompok geng motor membacok seorang pelajar di Bandung, Jawa Barat, pada Rabu (6/3/2024).",
     "id", ("Attack", "Unidentified Gang (Indonesia)", "Civilians (Indonesia)")),
    ("Drug traffickers shot dead a bus driver in Sao Goncalo, Rio de Janeiro, Brazil, on Tuesday.", "en",
     ("Attack", "Unidentified Gang (Brazil)", "Civilians (Brazil)")),
])
def test_rows_actors_gangs_named_as_such(text, language, expected):
    assert _rows(text, language) == [expected]


@pytest.mark.parametrize("text, language", [
    # "gang" inside another word is no gang
    ("A woman was gang-raped by three men in Kisumu, Kenya, on Tuesday.", "en"),
    ("Gunmen shot dead a shopkeeper in Port-au-Prince, Haiti, on Tuesday.", "en"),
])
def test_rows_actors_no_gang_without_the_word(text, language):
    rows = _rows(text, language)
    assert rows and all("Gang" not in r[1] for r in rows)


@pytest.mark.parametrize("text, language, expected", [
    ("Separatist rebels of the West Papua National Liberation Army shot dead a teacher in Puncak, Papua, "
     "on Tuesday.", "en", "West Papua National Liberation Army"),
    ("Militan Al Shabaab menyerang sebuah pos polisi di Mandera, Kenya, pada Selasa (5/3/2024).", "id", "Al Shabaab"),
    ("Suspected Al-Shabaab militants attacked a police post in Mandera, Kenya, on Tuesday.", "en", "Al Shabaab"),
    ("Gunmen believed to be members of Boko Haram killed five farmers in Gwoza, Borno, Nigeria, on Tuesday.",
     "en", "Boko Haram"),
])
def test_rows_actors_the_named_group_wins_over_its_descriptor(text, language, expected):
    rows = _rows(text, language)
    assert rows and rows[0][1].startswith(expected)


@pytest.mark.parametrize("text, language, published, forces", [
    ("At least nine Taliban fighters died in clashes with army commandos in Kandahar province, Afghanistan, "
     "on Tuesday.", "en", dt.date(2020, 3, 6), "Military Forces of Afghanistan"),
    ("Lima anggota Abu Sayyaf tewas dalam kontak tembak dengan pasukan khusus Filipina di Patikul, Sulu, "
     "pada Selasa (3/3/2020).", "id", dt.date(2020, 3, 6), "Military Forces of the Philippines"),
])
def test_rows_actors_commandos_and_special_forces_are_the_state(text, language, published, forces):
    result = pipeline.run_article(Article(text=text, published=published, language=language))
    assert result.rows and any(forces in (r["actor1"] or "") + (r["actor2"] or "") for r in result.rows)


def test_rows_actors_a_group_named_commandos_stays_a_group():
    rows = _rows("Gunmen of the Red Commandos shot dead a trader in Nova Iguacu, Rio de Janeiro, Brazil, "
                 "on Tuesday.", "en")
    assert rows and all("Military Forces" not in (r[1] + (r[2] or "")) for r in rows)


@pytest.mark.parametrize("text, language, expected", [
    ("A vigilante group lynched a suspected murderer in Nthambiro, Meru, Kenya, on Tuesday.", "en",
     ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")),
    ("A crowd stormed a tea farm in Kericho, Kenya, on Tuesday and whipped the workers, demanding their jobs back.",
     "en", ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")),
    # property only, nobody hurt: no second actor
    ("An angry mob torched two parked lorries in Kisumu, Kenya, on Tuesday.", "en", ("Mob violence", "Rioters (Kenya)", None)),
    ("Massa yang marah membakar dua truk yang diparkir di Kecamatan Tallo, Makassar, pada Rabu (6/3/2024).", "id",
     ("Mob violence", "Rioters (Indonesia)", None)),
])
def test_rows_actors_mob_vigilantes_are_rioters_and_only_people_hurt_are_civilians(text, language, expected):
    assert _rows(text, language) == [expected]
