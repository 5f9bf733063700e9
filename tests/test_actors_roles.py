"""actors: who acted on whom (the object of an active verb is the target), the doers a later
sentence calls "the attackers", crowds of fans as rioters, unknown people as unidentified
attackers, and compound nationalities ("pro-Russian") that name no state's forces."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    trigs = event_types.find(text, sentences, language)
    return actors.find(text, sentences, language, trigs)


def _find_sentences(parts: list[str], language: str):
    text = " ".join(parts)
    sentences, pos = [], 0
    for part in parts:
        start = text.index(part, pos)
        sentences.append(Sentence(start, start + len(part), part))
        pos = start + len(part)
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text,doer_kind,object_kind", [
    ("en", "Government troops fired mortars at positions of the militia outside the town.", "military", "militia"),
    ("en", "SOLDIERS FIRED MORTARS AT POSITIONS OF THE MILITIA OUTSIDE THE TOWN.", "military", "militia"),
    ("en", "Police shot two armed bandits near the market.", "police", "armed"),
    ("en", "Tribal fighters ambushed a group of insurgents on the mountain road.", "militia", "rebels"),     # communal militia
    ("id", "Pasukan TNI menembaki para pemberontak di hutan dekat kampung itu.", "military", "rebels"),
    ("id", "Polisi menembak dua orang bersenjata yang bersembunyi di gudang.", "police", "armed"),
])
def test_actors_object_of_active_verb_is_target(language: str, text: str, doer_kind: str, object_kind: str) -> None:
    found, _ = _find(text, language)
    assert found[0].kind == doer_kind and found[0].role == "perpetrator"
    assert any(a.kind == object_kind and a.role == "target" for a in found[1:])


@pytest.mark.parametrize("language,text,kind", [
    ("en", "Insurgents were fired on by the militia near the river.", "militia"),       # the agent after "by"
    ("en", "The militia attacked an army patrol near the river.", "militia"),          # the subject itself
    ("id", "Milisi menyerang patroli tentara di dekat sungai.", "militia"),
])
def test_actors_agent_stays_perpetrator(language: str, text: str, kind: str) -> None:
    found, _ = _find(text, language)
    assert any(a.kind == kind and a.role == "perpetrator" for a in found)


@pytest.mark.parametrize("language,parts,group", [
    ("en", ["Members of the Al-Shabaab militia raided a village near the border on Monday.",
            "The attackers burned ten houses before fleeing."], "Al Shabaab"),
    ("en", ["A member of the Abu Sayyaf Group stopped a truck on the coastal road.",
            "Then the perpetrator stabbed the driver."], "Abu Sayyaf"),
    ("id", ["Anggota Mujahidin Indonesia Timur menyerang sebuah kebun di Poso, Senin.",
            "Para pelaku itu membakar dua rumah warga."], "East Indonesia Mujahideen (MIT)"),
])
def test_actors_definite_doers_are_the_group_named_before(language: str, parts: list[str], group: str) -> None:
    found, _ = _find_sentences(parts, language)
    later = [a for a in found if a.sentence == 1 and a.role == "perpetrator"]
    assert later and later[0].named and later[0].label == group


@pytest.mark.parametrize("language,parts", [
    ("en", ["Soldiers patrolled the area on Monday.", "The attackers burned ten houses."]),   # no group named
    ("en", ["Hamas fighters fired rockets on Monday.", "Unknown attackers burned ten houses."]),  # not definite
])
def test_actors_no_group_for_other_doers(language: str, parts: list[str]) -> None:
    found, _ = _find_sentences(parts, language)
    later = [a for a in found if a.sentence == 1 and a.role == "perpetrator"]
    assert later and not later[0].named


@pytest.mark.parametrize("language,text,kind", [
    ("en", "Football fans threw stones at each other outside the stadium.", "rioters"),
    ("en", "Rival fans fought with sticks after the derby.", "rioters"),
    ("en", "HOOLIGANS SMASHED SHOP WINDOWS AFTER THE MATCH.", "rioters"),
    ("id", "Ratusan suporter sepak bola saling lempar batu di luar stadion.", "rioters"),
    ("id", "Kantor partai itu dirusak sekelompok massa pada malam hari.", "rioters"),
    ("en", "Unknown people set fire to the village hall at night.", "armed"),
    ("en", "Unidentified men torched two lorries on the highway.", "armed"),
    ("id", "Sekelompok orang bersenjata menembaki truk di jalan raya.", "armed"),
    ("id", "Sekelompok orang tak dikenal membakar kantor desa.", "armed"),
])
def test_actors_crowds_and_unknown_doers(language: str, text: str, kind: str) -> None:
    found, _ = _find(text, language)
    assert found and found[0].kind == kind and found[0].role == "perpetrator"


@pytest.mark.parametrize("language,text", [
    ("en", "Ukrainian forces shelled positions of pro-Russian separatists near the front line."),
    ("en", "Pro-Iranian militia fired rockets at the base."),
])
def test_actors_compound_nationality_names_no_state(language: str, text: str) -> None:
    found, _ = _find(text, language)
    others = [a for a in found if a.kind not in ("military", "police")]
    assert others and all(a.country is None for a in others)


@pytest.mark.parametrize("language,text,first", [
    ("id", "Satuan Tugas (Satgas) Operasi Rajawali Timur bersama Polres Merauke menangkap dua anggota kelompok itu.",
     "Satuan Tugas (Satgas) Operasi Rajawali Timur"),
    ("id", "Tim gabungan TNI dan Polri menembak seorang penyerang di Kampung Waris.", None),
    ("en", "Police and soldiers raided a hideout of the gang on the outskirts of the city.", "Police"),
])
def test_actors_coordinated_forces_share_the_doers_role(language: str, text: str, first: str | None) -> None:
    found, _ = _find(text, language)
    forces = [a for a in found if a.kind in ("police", "military")]
    assert len(forces) >= 2 and all(a.role == "perpetrator" for a in forces[:2])
    if first is not None:
        assert forces[0].text == first
