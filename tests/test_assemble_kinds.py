"""assemble: kinds of rows the codebook settles (policing words need a crowd, deaths a crowd
gathers over are not its toll, one incident of a series is still an event), in both languages.

Places are built by hand; the other findings come from the real stages.
"""
from __future__ import annotations

import datetime as dt

import pytest

from test_assemble import _doc

PUB = dt.date(2023, 3, 4)


def rows(text: str, language: str) -> list[dict]:
    return _doc(text, language, PUB).rows


@pytest.mark.parametrize("language, text", [
    ("en", "Gunmen attacked a police post in Quetta on Friday. Police intervened, killing the three attackers."),
    ("en", "GUNMEN ATTACKED A POLICE POST IN Quetta ON FRIDAY. POLICE INTERVENED, KILLING THE THREE ATTACKERS."),
    ("en", "Militants stormed a checkpoint in Mosul on Friday; security forces intervened and killed two of them."),
])
def test_policing_word_with_no_crowd_is_no_protest(language: str, text: str) -> None:
    found = rows(text, language)
    assert found and all(r["event_type"] not in ("Protests", "Riots") for r in found)


@pytest.mark.parametrize("language, text, sub", [
    ("en", "Police fired tear gas to disperse hundreds of protesters in Quetta on Friday.",
     "Protest with intervention"),
    ("en", "Police shot dead two demonstrators during a march in Quetta on Friday.",
     "Excessive force against protesters"),
    ("id", "Polisi membubarkan massa yang berunjuk rasa di Poso pada Jumat dengan gas air mata.",
     "Protest with intervention"),
])
def test_policing_a_crowd_is_still_the_protest(language: str, text: str, sub: str) -> None:
    assert [r["sub_event_type"] for r in rows(text, language)] == [sub]


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, relatives of three farmers killed in a land dispute marched to the governor's office in Quetta, "
           "demanding justice."),
    ("en", "On Friday, residents blocked the road in Quetta with the body of a man killed by gunmen."),
    ("en", "On Friday, traders protested in Quetta over the killing of a shopkeeper by unknown gunmen."),
    ("en", "ON FRIDAY, RELATIVES OF THREE FARMERS KILLED IN A LAND DISPUTE MARCHED IN Quetta."),
    ("id", "Pada Jumat, keluarga dua korban yang tewas ditembak berunjuk rasa di Poso menuntut keadilan."),
])
def test_deaths_a_crowd_gathers_over_are_not_its_toll(language: str, text: str) -> None:
    found = rows(text, language)
    assert [(r["event_type"], r["fatalities"] or 0) for r in found] == [("Protests", 0)]


def test_a_mob_beating_a_killer_has_no_toll_of_his_victim() -> None:
    found = rows("On Friday, a mob beat up a man who had shot dead a trader in Quetta.", "en")
    assert [(r["sub_event_type"], r["fatalities"] or 0) for r in found] == [("Mob violence", 0)]


def test_protest_toll_of_its_own_stays() -> None:
    found = rows("On Friday, students protested in Quetta. Police shot dead two protesters.", "en")
    assert [(r["sub_event_type"], r["fatalities"]) for r in found] == [("Excessive force against protesters", 2)]


@pytest.mark.parametrize("language, text", [
    ("en", "3/2/2023: In a series of related attacks, militants detonated a pipe bomb at a shop in Quetta. "
           "There were no casualties."),
    ("en", "On Friday, a bomb exploded at a market in Mosul, killing four people, one of a series of bombings "
           "in the province."),
    ("id", "Pada Jumat, sebuah bom meledak di pasar Poso, bagian dari serangkaian serangan di wilayah itu."),
])
def test_one_incident_of_a_series_is_an_event(language: str, text: str) -> None:
    found = rows(text, language)
    assert [r["event_type"] for r in found] == ["Explosions/Remote violence"]


def test_a_series_told_as_a_whole_is_background() -> None:
    found = rows("A series of attacks has killed 40 people in Mosul since January.", "en")
    assert found == []


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, members of the two clans clashed over grazing land near Quetta. Three people were killed."),
    ("en", "ON FRIDAY, ETHNIC CLASHES BROKE OUT NEAR Quetta; THREE PEOPLE WERE KILLED."),
    ("en", "On Friday, tribesmen from rival villages clashed near Quetta over a water source."),
    ("en", "On Friday, four people were killed near Quetta as fighting between two tribes spread."),
    ("en", "On Friday, farmers and herders clashed over grazing land near Quetta; two people were killed."),
])
def test_communities_clashing_are_identity_militias_fighting(language: str, text: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in rows(text, language)] == [("Battles", "Armed clash")]


def test_armed_men_attacking_communities_is_still_an_attack() -> None:
    found = rows("On Friday, gunmen attacked farming communities near Quetta, killing four villagers.", "en")
    assert [(r["event_type"], r["sub_event_type"]) for r in found] == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize("language, text, sub", [
    ("en", "On Friday, residents clashed with police near Quetta.", "Mob violence"),
    ("en", "On Friday, protesters clashed with police during their demonstration in Quetta.", "Violent demonstration"),
    ("id", "Pada Jumat, warga dua kampung terlibat tawuran di Poso.", "Mob violence"),
])
def test_crowds_clashing_stay_riots(language: str, text: str, sub: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in rows(text, language)] == [("Riots", sub)]



@pytest.mark.parametrize("language, text, expected", [
    ("en", "On Friday, gunmen shot dead an off-duty police officer in Quetta.", ("Attack", "Civilians (Pakistan)")),
    ("en", "On Friday, gunmen shot dead a police officer who was off duty at his home in Quetta.",
     ("Attack", "Civilians (Pakistan)")),
    ("en", "ON FRIDAY, GUNMEN SHOT DEAD A RETIRED SOLDIER IN Quetta.", ("Attack", "Civilians (Pakistan)")),
    ("id", "Pada Jumat, orang tak dikenal menembak mati seorang polisi yang sedang lepas dinas di Poso.",
     ("Attack", "Civilians (Indonesia)")),
])
def test_police_off_duty_are_civilians(language: str, text: str, expected: tuple) -> None:
    assert [(r["sub_event_type"], r["actor2"]) for r in rows(text, language)] == [expected]


def test_a_former_word_of_the_attackers_leaves_the_police_armed() -> None:
    found = rows("On Friday, former rebels ambushed a police patrol near Quetta.", "en")
    assert [r["sub_event_type"] for r in found] == ["Armed clash"]


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, party members staged a protest rally in Quetta. Police obstructed and ended the rally."),
    ("en", "ON FRIDAY, TRADERS MARCHED IN Quetta UNTIL POLICE HALTED THE MARCH."),
    ("id", "Pada Jumat, ratusan mahasiswa berunjuk rasa di Poso, namun dihadang aparat di depan kantor bupati."),
])
def test_a_crowd_halted_by_police_is_a_protest_with_intervention(language: str, text: str) -> None:
    assert [r["sub_event_type"] for r in rows(text, language)] == ["Protest with intervention"]


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, a group of villagers vandalized the houses of a rival family in Quetta over a land dispute."),
    ("id", "Pada Jumat, warga merusak rumah seorang tersangka pencurian di Poso."),
    ("id", "Pada Jumat, warga mengobrak-abrik kantor desa di Poso."),
])
def test_a_crowd_of_civilians_wrecking_property_is_mob_violence(language: str, text: str) -> None:
    assert [r["sub_event_type"] for r in rows(text, language)] == ["Mob violence"]


def test_militants_torching_houses_stay_property_destruction() -> None:
    found = rows("On Friday, militants torched several houses in a village near Quetta.", "en")
    assert [r["sub_event_type"] for r in found] == ["Looting/property destruction"]


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, members of a vigilante gang hacked two suspected thieves to death in Quetta."),
    ("en", "On Friday, twelve suspected witches were burned to death by villagers near Quetta."),
    ("en", "ON FRIDAY, RESIDENTS LYNCHED A SUSPECTED ROBBER IN Quetta."),
    ("id", "Pada Jumat, seorang terduga pencuri tewas dihajar warga di Poso."),
])
def test_a_crowd_punishing_suspects_is_mob_violence(language: str, text: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in rows(text, language)] == [("Riots", "Mob violence")]


def test_gunmen_killing_a_man_stay_an_attack() -> None:
    found = rows("On Friday, gunmen shot dead a shopkeeper in Quetta.", "en")
    assert [r["sub_event_type"] for r in found] == ["Attack"]


def test_a_bombing_keeps_its_dead_when_a_riot_breaks_out_over_it() -> None:
    found = rows("Pada Jumat, kerusuhan pecah di Poso akibat serangan bom bunuh diri yang menewaskan 40 orang.", "id")
    assert [(r["sub_event_type"], r["fatalities"]) for r in found] == [("Suicide bomb", 41)]
