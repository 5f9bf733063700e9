"""actors: the canonical list of armed groups (names, abbreviations, names in Indonesian), state
forces' periods, and groups in no list found as the subject of an event verb."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Sentence
from events.extract import actors, event_types, rows
from events.findings import Actor


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text,label", [
    ("en", "FMLN guerrillas attacked a garrison near the volcano.", "Farabundo Marti National Liberation Front (FMLN)"),
    ("en", "SHINING PATH REBELS BLEW UP A POWER PYLON NEAR THE CAPITAL.", "Shining Path (Sendero Luminoso)"),
    ("en", "The Extraditables set off a car bomb outside a newspaper office.", "The Extraditables (Medellin Cartel)"),
    ("en", "Militants of the Islamic State Khorasan Province bombed a mosque.", "Islamic State Khorasan Province (ISKP)"),
    ("en", "ISIS-K fighters attacked a checkpoint near the airport.", "Islamic State Khorasan Province (ISKP)"),
    ("en", "Members of the Weather Underground bombed a government office.", "Weather Underground (Weathermen)"),
    ("en", "Tamil Tigers ambushed an army convoy in the north.", "Liberation Tigers of Tamil Eelam (LTTE)"),
    ("en", "Pro-Russian separatists shelled a village near the front.",
     "Donetsk and Luhansk People's Republics' forces (NAF)"),
    ("id", "Kelompok Gerakan Aceh Merdeka menyerang pos tentara di Pidie.", "Free Aceh Movement (GAM)"),
    ("id", "Front Pembebasan Nasional Moro menyerang sebuah kamp militer.", "Moro National Liberation Front (MNLF)"),
    ("id", "Militan Negara Islam Khorasan meledakkan bom di sebuah masjid.", "Islamic State Khorasan Province (ISKP)"),
    ("id", "Jaringan Haqqani disebut berada di balik serangan itu.", "Haqqani Network"),
])
def test_actors_listed_group_by_any_name(language: str, text: str, label: str) -> None:
    found, _ = _find(text, language)
    assert any(a.named and a.label == label for a in found)


@pytest.mark.parametrize("language,text", [
    ("id", "Rapat paripurna DPR membahas anggaran pertahanan."),      # the parliament, no armed group
    ("en", "Ira Goldberg, a teacher, spoke at the school fair."),    # a first name, not the IRA
    ("en", "The Black Panther film opened in cinemas on Friday."),   # a film title
])
def test_actors_no_group_from_ordinary_words(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert not any(a.named for a in found)


@pytest.mark.parametrize("language,text,name", [
    ("en", "The Red Hand Front threw a firebomb into a bank in the harbour district.", "Red Hand Front"),
    ("en", "The Coastal Liberation Army bombed a railway bridge.", "Coastal Liberation Army"),
    ("en", "3/4/1972: The Valley Resistance Movement bombed a draft office.", "Valley Resistance Movement"),
    ("en", "The Harbour Independence Movement (HIM) claimed credit for the blast.", "Harbour Independence Movement (HIM)"),
    ("id", "Gerakan Perlawanan Lembah Hijau menembaki pos keamanan di perbatasan.", "Gerakan Perlawanan Lembah Hijau"),
])
def test_actors_unlisted_group_as_subject_of_an_event(language: str, text: str, name: str) -> None:
    found, _ = _find(text, language)
    assert any(a.named and a.text == name and a.role == "perpetrator" for a in found)


@pytest.mark.parametrize("language,text", [
    ("en", "The Pakistan Army shelled villages across the line of control."),   # state forces, not a group
    ("en", "The Fresno County Courthouse was bombed overnight."),              # no rebel word, passive
])
def test_actors_no_unlisted_group_for_state_or_places(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert not any(a.named and a.kind == "group" and a.role == "perpetrator" for a in found)


@pytest.mark.parametrize("kind,country,day,name", [
    ("police", "Kenya", dt.date(2010, 5, 1), "Police Forces of Kenya (2002-2013)"),
    ("police", "Kenya", dt.date(2019, 5, 1), "Police Forces of Kenya (2013-2022)"),
    ("military", "Ukraine", dt.date(2020, 4, 28), "Military Forces of Ukraine (2019-)"),
    ("police", "Bangladesh", dt.date(2023, 1, 10), "Police Forces of Bangladesh (2009-2024)"),
    ("police", "Bangladesh", dt.date(2024, 9, 1), "Police Forces of Bangladesh (2024-)"),
])
def test_actors_state_forces_period(kind: str, country: str, day: dt.date, name: str) -> None:
    actor = Actor("perpetrator", "x", None, 1, 0, 0, 1, kind=kind)
    assert rows.acled_name(actor, country, day)[0] == name


@pytest.mark.parametrize("language,text,country,doer,other", [
    ("en", "Pokot raiders attacked Turkana herders near Lokori and drove off 300 cattle.", "Kenya",
     "Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)"),
    ("en", "MURLE GUNMEN ATTACKED A DINKA CATTLE CAMP AT DAWN.", "South Sudan", "Murle Ethnic Militia (South Sudan)", None),
    ("id", "Milisi Lendu menyerang sebuah desa di dekat Bunia.", "Democratic Republic of Congo",
     "Lendu Ethnic Militia (Democratic Republic of Congo)", None),
])
def test_actors_ethnic_militia_named_by_its_community(language: str, text: str, country: str, doer: str,
                                                      other: str | None) -> None:
    found, _ = _find(text, language)
    named = [a for a in found if a.named]
    day = dt.date(2020, 5, 1)
    assert named and named[0].role == "perpetrator" and rows.acled_name(named[0], country, day) == (doer, 4)
    if other is not None:
        assert any(a.role == "target" and rows.acled_name(a, country, day)[0] == other for a in named[1:])


@pytest.mark.parametrize("language,text", [
    ("en", "The Luo Council of Elders met the governor on Monday."),      # a community named, no armed men
    ("en", "Turkana County officials opened a new school."),
])
def test_actors_community_name_alone_is_no_militia(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert not any(a.named for a in found)
