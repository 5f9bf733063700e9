"""claims: blame that names nobody, liability that is no claim, and a name after a preposition
that is no claimant, in English and Indonesian, upper and mixed case (own sentences)."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text", [
    # what the doer used or did is suspected, not who the doer was
    ("id", "Pelaku diduga menggunakan senapan laras panjang saat menembak petugas di depan pasar."),
    ("id", "PARA PELAKU DIDUGA MELARIKAN DIRI KE HUTAN SETELAH MENEMBAK DUA WARGA."),
    ("en", "The attackers are believed to have fled into the forest after shooting two guards."),
    ("en", "THE PERPETRATOR IS SUSPECTED OF USING A STOLEN RIFLE IN THE SHOOTING."),
])
def test_claims_blame_of_a_bare_doer_is_no_attribution(language: str, text: str) -> None:
    _, claims = _find(text, language)
    assert not [c for c in claims if c.status == "attributed"]


@pytest.mark.parametrize("language,text,group", [
    # the same cue still blames a named group or a description of the doers
    ("id", "Penembakan itu diduga dilakukan oleh Tentara Rakyat Baru di pinggir kota.", "New People's Army"),
    ("en", "Police said the bombing was blamed on militants of the Coastal Liberation Front.",
     "Coastal Liberation Front"),
])
def test_claims_blame_of_a_named_doer_stays(language: str, text: str, group: str) -> None:
    _, claims = _find(text, language)
    assert [c.group for c in claims if c.status == "attributed"] == [group]


@pytest.mark.parametrize("language,text", [
    # liability for damage is no claim of an attack
    ("id", "Pemilik kapal meminta agar pelaku perusakan bertanggung jawab atas kerusakan yang diperbuat."),
    ("id", "SOPIR ITU HARUS BERTANGGUNG JAWAB ATAS KERUSAKAN PAGAR SEKOLAH."),
    # a name after a preposition before "claimed" is no claimant
    ("en", "A statement read on TV claimed foreign involvement in the bombing of the bus."),
    ("en", "An official speaking in Washington claimed the bombing was planned abroad."),
])
def test_claims_liability_and_objects_are_no_claim(language: str, text: str) -> None:
    found, claims = _find(text, language)
    assert not [c for c in claims if c.status == "claimed"]
    assert not [a for a in found if a.named]


@pytest.mark.parametrize("language,text,group", [
    ("id", "Tentara Rakyat Baru bertanggung jawab atas penyergapan patroli tentara itu.", "New People's Army"),
    ("id", "Front Pembebasan Lembah Hijau bertanggungjawab atas ledakan di jembatan.",
     "Front Pembebasan Lembah Hijau"),
    ("en", "The Coastal Liberation Front claimed the bombing of the customs post.", "Coastal Liberation Front"),
])
def test_claims_named_group_responsible_is_a_claim(language: str, text: str, group: str) -> None:
    _, claims = _find(text, language)
    assert [c.group for c in claims if c.status == "claimed"][:1] == [group]


@pytest.mark.parametrize("language,text", [
    ("en", "Senior members of the Revolutionary Guard were killed by the blast at the meeting hall."),
    ("en", "Two members of the National Guard were wounded when the convoy was hit."),
])
def test_actors_state_force_after_members_of_is_no_group(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert not [a for a in found if a.named]
    assert [a.kind for a in found if a.kind == "military"]
