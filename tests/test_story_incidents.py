"""story + rows: which incidents an article tells and of what kind, by the ACLED and GTD
codebooks' definitions (own sentences, both languages)."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 5, 4)


def _rows(text: str, published: dt.date = DAY) -> list[dict]:
    return extract(Article(text=text, published=published, source="test"))


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r["event_type"], r["sub_event_type"]) for r in _rows(text)]


@pytest.mark.parametrize("text,event_type,sub_event_type", [
    # a demonstration with violence by the demonstrators is a riot; a crowd with no demand is a mob
    ("On 3 May 2024, students staged a protest in Kisumu, Kenya, demanding lower fees. "
     "The demonstrators vandalised several shops.", "Riots", "Violent demonstration"),
    ("On 3 May 2024, villagers lynched a suspected thief in Kisumu, Kenya.", "Riots", "Mob violence"),
    ("On 3 May 2024, supporters of two rival candidates clashed in Kisumu, Kenya. Several people "
     "were injured.", "Riots", "Mob violence"),
    ("Pada Jumat (3/5/2024), ratusan mahasiswa berunjuk rasa di depan kantor DPRD Kota Makassar, "
     "Sulawesi Selatan. Aksi itu berakhir ricuh setelah massa melempari polisi dengan batu.",
     "Riots", "Violent demonstration"),
    ("Pada Jumat (3/5/2024), tawuran antarwarga pecah di Kota Makassar, Sulawesi Selatan.",
     "Riots", "Mob violence"),
    # a beating by a band of men, no gun or bomb: a mob
    ("On 3 May 2024, a dozen assailants beat up a journalist in Mandera town, Kenya.",
     "Riots", "Mob violence"),
    # police stepping in: a protest with intervention, not a second event
    ("On 3 May 2024, hundreds of teachers staged a protest in Kisumu, Kenya. Police fired tear gas "
     "to disperse the protesters and arrested five of them.", "Protests", "Protest with intervention"),
    # shots in the air or a beating by counter-demonstrators, nobody killed: intervention
    ("On 3 May 2024, police shot in the air to quell demonstrators who blocked a highway in "
     "Kisumu, Kenya.", "Protests", "Protest with intervention"),
    ("On 3 May 2024, students staged a protest in Kisumu, Kenya. Supporters of the ruling party "
     "attacked and beat up the protesters.", "Protests", "Protest with intervention"),
    # a protest about a killing is a peaceful protest, not a riot or an attack
    ("On 3 May 2024, journalists staged a protest in Kisumu, Kenya, against the killing of a "
     "colleague.", "Protests", "Peaceful protest"),
    # the target fought back, or was armed: a battle
    ("On 3 May 2024, unidentified gunmen shot two police officers in Mandera, Kenya.",
     "Battles", "Armed clash"),
    # the police beating someone at their own checkpoint: violence against civilians
    ("On 3 May 2024, police officers beat up a motorcyclist at a checkpoint in Mandera, Kenya.",
     "Violence against civilians", "Attack"),
    # an attack on civilians
    ("On 3 May 2024, unidentified gunmen shot dead a trader in Mandera, Kenya.",
     "Violence against civilians", "Attack"),
    # a device defused is a disrupted weapons use, not an explosion
    ("On 3 May 2024, police defused a bomb planted near a church in Kisumu, Kenya.",
     "Strategic developments", "Disrupted weapons use"),
    ("Pada Jumat (3/5/2024), tim Gegana menjinakkan bom rakitan yang gagal meledak di depan gereja "
     "di Kota Makassar, Sulawesi Selatan.", "Strategic developments", "Disrupted weapons use"),
    # live fire by the police on a protest: excessive force
    ("On 3 May 2024, teachers staged a protest in Kisumu, Kenya. Police opened fire on the "
     "protesters, killing two.", "Protests", "Excessive force against protesters"),
    # a death the crowd protests about does not make the protest a riot
    ("On 3 May 2024, students staged a protest in Kisumu, Kenya, following the death of a "
     "classmate in a road accident.", "Protests", "Peaceful protest"),
    # a device found and nothing set off
    ("On 3 May 2024, a bomb was discovered near a church in Kisumu, Kenya.",
     "Strategic developments", "Disrupted weapons use"),
    # supporters fighting amid demonstrations told as the occasion: a mob
    ("On 3 May 2024, supporters of two rival candidates clashed with sticks in Kisumu, Kenya, "
     "amid demonstrations over the results.", "Riots", "Mob violence"),
    # strategic developments told with vague words and the state doing them
    ("On 3 May 2024, police deployed reinforcements in Mandera town, Kenya, to trace the gang.",
     "Strategic developments", "Change to group/activity"),
    ("Pada Jumat (3/5/2024), polisi mengamankan dua pria di Kota Makassar, Sulawesi Selatan.",
     "Strategic developments", "Arrests"),
    # upper-case wire copy
    ("ON 3 MAY 2024, UNIDENTIFIED GUNMEN SHOT DEAD A TRADER IN MANDERA, KENYA.",
     "Violence against civilians", "Attack"),
])
def test_story_incident_kind(text: str, event_type: str, sub_event_type: str) -> None:
    kinds = _kinds(text)
    assert kinds and kinds[0] == (event_type, sub_event_type), kinds


@pytest.mark.parametrize("text", [
    "On 3 May 2024, unidentified gunmen shot dead a trader in Mandera, Kenya. Police later arrested "
    "two suspects in connection with the killing.",
    "Pada Jumat (3/5/2024), orang tak dikenal menembak mati seorang pedagang di Kota Makassar, "
    "Sulawesi Selatan. Polisi kemudian menangkap dua terduga pelaku.",
])
def test_story_arrests_after_an_attack_are_no_second_event(text: str) -> None:
    rows = _rows(text)
    assert len(rows) == 1 and rows[0]["event_type"] == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "On 3 May 2024, hundreds of traders staged a protest in Kisumu, Kenya. Police dispersed them "
    "with tear gas. Officers arrested ten protesters.",
    "Pada Jumat (3/5/2024), ratusan buruh berunjuk rasa di depan kantor Gubernur Sulawesi Selatan di "
    "Kota Makassar. Polisi membubarkan massa dan menangkap sepuluh demonstran.",
])
def test_story_dispersal_is_no_arrests_row(text: str) -> None:
    rows = _rows(text)
    assert [r["sub_event_type"] for r in rows] == ["Protest with intervention"]


def test_story_roundup_of_towns_gives_one_row_each() -> None:
    text = ("On 3 May 2024, unidentified gunmen shot dead a trader in Mandera, Kenya. "
            "In a separate incident on 3 May 2024, a roadside bomb exploded near a police vehicle in "
            "Garissa, Kenya, injuring two officers. "
            "On 3 May 2024, students staged a protest in Kisumu, Kenya, demanding lower fees.")
    kinds = {(r["location"], r["event_type"]) for r in _rows(text)}
    assert len(kinds) == 3
    assert {e for _, e in kinds} == {"Violence against civilians", "Explosions/Remote violence", "Protests"}


@pytest.mark.parametrize("text,attack_type", [
    ("On 3 May 2024, unknown perpetrators set fire to a recruiting office in Kisumu, Kenya. "
     "Nobody was hurt.", "Facility/Infrastructure Attack"),
    ("On 3 May 2024, gunmen kidnapped a teacher in Mandera, Kenya, and later killed him.",
     "Hostage Taking (Kidnapping)"),
    ("On 3 May 2024, in Mandera, Kenya, gunmen shot dead the district governor.", "Assassination"),
    ("On 3 May 2024, in Mandera, Kenya, a suicide bomber blew himself up outside the residence of "
     "the deputy governor.", "Assassination"),
    ("On 3 May 2024, in Mandera, Kenya, gunmen shot dead a trader and two farmers.", "Armed Assault"),
    ("On 3 May 2024, a roadside bomb exploded near a market in Mandera, Kenya, killing four people.",
     "Bombing/Explosion"),
    ("Pada Jumat (3/5/2024), orang tak dikenal membakar kantor partai di Kota Makassar, "
     "Sulawesi Selatan, dengan bom molotov.", "Facility/Infrastructure Attack"),
])
def test_story_gtd_attack_type(text: str, attack_type: str) -> None:
    rows = _rows(text)
    assert rows and rows[0]["attack_type"] == attack_type, [(r["attack_type"], r["sub_event_type"]) for r in rows]


@pytest.mark.parametrize("text", [
    # the aggregate told after the event names the series it belongs to, not the event
    "On 3 May 2024, gunmen wounded a park ranger in Isiolo, Kenya, in the latest of a string of "
    "attacks on conservancies.",
    "ON 3 MAY 2024, POLICE SHOT DEAD A MILITANT SUSPECT IN MANDERA TOWN, KENYA, WHO THEY SAY WAS "
    "BEHIND A SPATE OF ATTACKS ON TRADERS.",
    "Pada Jumat (3/5/2024), sekelompok orang menyerang dan membakar rumah warga di Kota Makassar, "
    "Sulawesi Selatan, menambah serangkaian serangan di daerah itu.",
])
def test_story_aggregate_after_the_event_is_no_background(text: str) -> None:
    assert _rows(text)


@pytest.mark.parametrize("text", [
    # told before the event word, the aggregate is what the sentence counts: background
    "In a string of attacks on conservancies in Isiolo, Kenya, gunmen have wounded three rangers "
    "since January.",
    "Dalam serangkaian serangan di Kota Makassar, Sulawesi Selatan, pekan ini, tiga orang terluka.",
])
def test_story_aggregate_told_first_stays_background(text: str) -> None:
    assert not _rows(text)


@pytest.mark.parametrize("text,event_type,sub_event_type", [
    # a crowd's own violence with fire or home-made bombs is a riot, not a remote explosive
    ("On 3 May 2024, protesters hurled petrol bombs at the police during a march against fuel prices "
     "in Tripoli, Lebanon.", "Riots", "Violent demonstration"),
    ("ON 3 MAY 2024, UNIDENTIFIED ASSAILANTS HURLED CRUDE BOMBS AT A PARTY OFFICE IN NATORE TOWN, "
     "RAJSHAHI, BANGLADESH.", "Riots", "Mob violence"),
    ("Pada Jumat (3/5/2024), massa pengunjuk rasa melempar bom molotov ke kantor DPRD Kota Makassar, "
     "Sulawesi Selatan.", "Riots", "Violent demonstration"),
    # armed men's grenades and clashes stay theirs
    ("On 3 May 2024, gunmen threw a grenade at a police post in Mandera town, Kenya.",
     "Explosions/Remote violence", "Grenade"),
    ("On 3 May 2024, two armed men clashed with police officers in Mandera town, Kenya.",
     "Battles", "Armed clash"),
])
def test_story_crowd_weapons_make_a_riot(text: str, event_type: str, sub_event_type: str) -> None:
    assert (event_type, sub_event_type) in _kinds(text)


@pytest.mark.parametrize("text", [
    # "daily" of a newspaper or a wage counts no incidents
    "On 3 May 2024, garment workers staged a protest in Gazipur city, Dhaka, Bangladesh, demanding a "
    "higher daily wage, the daily Ittefaq reported.",
    "ON 3 MAY 2024, GARMENT WORKERS STAGED A PROTEST IN GAZIPUR CITY, DHAKA, BANGLADESH, DEMANDING A "
    "HIGHER DAILY WAGE.",
])
def test_story_daily_of_no_incident_is_no_aggregate(text: str) -> None:
    assert _kinds(text) == [("Protests", "Peaceful protest")]


def test_story_daily_incidents_are_an_aggregate() -> None:
    assert not _rows("Daily clashes between herders and farmers in Mandera county, Kenya, have displaced "
                     "hundreds of families.")


@pytest.mark.parametrize("text", [
    # a ceremony told as the occasion is where the event happened
    "On 3 May 2024, supporters of two rival candidates clashed in Kisumu, Kenya, "
    "during the party's founding anniversary celebrations.",
    "Pada Jumat (3/5/2024), dua kelompok pemuda bentrok saat upacara peringatan hari jadi kota di "
    "Kota Makassar, Sulawesi Selatan.",
])
def test_story_ceremony_as_occasion_is_no_commemoration(text: str) -> None:
    assert _rows(text)


def test_story_commemoration_of_an_old_event_stays_background() -> None:
    assert not _rows("On 3 May 2024, hundreds attended the anniversary of the massacre in Mandera town, Kenya.")


@pytest.mark.parametrize("text,event_type,sub_event_type", [
    # a beating with no weapon and no armed group or state doer is a mob's
    ("On 3 May 2024, a local official and his relatives assaulted a school teacher in Mandera town, Kenya.",
     "Riots", "Mob violence"),
    ("ON 3 MAY 2024, A JOURNALIST WAS BEATEN UP BY A GROUP OF TRADERS IN MANDERA TOWN, KENYA.",
     "Riots", "Mob violence"),
    ("Pada Jumat (3/5/2024), seorang guru dipukuli sejumlah orang di Kota Makassar, Sulawesi Selatan.",
     "Riots", "Mob violence"),
    # torture of someone held is violence against civilians, the state's beating too
    ("On 3 May 2024, a detainee was tortured to death in a prison in Mandera town, Kenya.",
     "Violence against civilians", "Attack"),
    ("ON 3 MAY 2024, POLICE OFFICERS BEAT UP A MOTORCYCLIST AT A CHECKPOINT IN MANDERA, KENYA.",
     "Violence against civilians", "Attack"),
])
def test_story_beating_by_unarmed_people_is_mob_violence(text: str, event_type: str, sub_event_type: str) -> None:
    assert (event_type, sub_event_type) in _kinds(text)
