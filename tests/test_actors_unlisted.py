"""actors: groups in no list, found by the shape of their name and the words around it; claims by no known name."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text,name,inter", [
    ("en", "Suspected members of the Coastal Liberation Front burned a customs post near the harbour.",
     "Coastal Liberation Front", 2),
    ("en", "An organization calling itself Revolutionary Cell 9 bombed a bank in the capital.", "Revolutionary Cell 9", 2),
    ("en", "The Northern Patriots Union claimed responsibility for the blast.", "Northern Patriots Union", 3),
    ("en", "Militants of the Sunrise Brigade (SB) attacked a checkpoint.", "Sunrise Brigade (SB)", 2),
    ("id", "Anggota kelompok Laskar Fajar Merah menembak seorang petani di perbatasan.", "Laskar Fajar Merah", 3),
    ("id", "Gerakan Pembebasan Lembah Hijau mengaku bertanggung jawab atas serangan itu.",
     "Gerakan Pembebasan Lembah Hijau", 2),
])
def test_actors_unlisted_group_by_its_name(language: str, text: str, name: str, inter: int) -> None:
    found, _ = _find(text, language)
    groups = [a for a in found if a.named and a.role == "perpetrator"]
    assert groups and groups[0].text == name and groups[0].acled_name == name and groups[0].inter == inter


@pytest.mark.parametrize("language,text", [
    ("en", "Members of the Nigerian Army killed two suspects in Maiduguri."),      # the state's forces
    ("en", "Members of the public were injured in the blast."),                   # no capitalised name
    ("en", "MEMBERS OF THE COASTAL LIBERATION FRONT BURNED A POST."),             # in capitals names do not show
])
def test_actors_unlisted_group_not_found(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert not [a for a in found if a.named]


@pytest.mark.parametrize("language,text,group", [
    ("en", "The Armed Commandos of the Valley claimed credit for the fire.", "Armed Commandos of the Valley"),
    ("en", "A GROUP CALLING ITSELF THE PEOPLE'S ARMY CLAIMED RESPONSIBILITY FOR THE BOMBING.", None),
    ("id", "SEBUAH KELOMPOK MENGAKU BERTANGGUNG JAWAB ATAS LEDAKAN ITU.", None),
])
def test_actors_claim_by_unlisted_or_unnamed_group(language: str, text: str, group: str | None) -> None:
    _, claims = _find(text, language)
    assert [(c.status, c.group) for c in claims] == [("claimed", group)]


@pytest.mark.parametrize("language,text", [
    ("en", "No group claimed responsibility for the attack."),
    ("id", "Belum ada kelompok yang mengaku bertanggung jawab."),
])
def test_actors_negated_claim_stays_no_claim(language: str, text: str) -> None:
    _, claims = _find(text, language)
    assert [c.status for c in claims] == ["no_claim"]


@pytest.mark.parametrize("language,text,perpetrator", [
    ("en", "Suspected Puerto Rican nationalists bombed a restaurant.", "Puerto Rican nationalists"),
    ("en", "Two radical leftists set fire to ten trucks.", "leftists"),
])
def test_actors_described_perpetrators(language: str, text: str, perpetrator: str) -> None:
    found, _ = _find(text, language)
    assert [a.text for a in found if a.role == "perpetrator"][:1] == [perpetrator]


@pytest.mark.parametrize("language,text,actor_text,label", [
    ("id", "Ratusan mahasiswa Unhas berunjuk rasa di depan kantor gubernur.", "Ratusan mahasiswa Unhas", "students"),
    ("id", "Satgas Operasi Damai Cartenz menangkap dua anggota KKB di Nabire.", "Satgas Operasi Damai Cartenz", "military"),
    ("id", "Tawuran antarpelajar pecah di Johar Baru, Jakarta Pusat.", "Tawuran antarpelajar", "two groups of students"),
    ("id", "TAWURAN ANTARWARGA KEMBALI TERJADI DI TALLO.", "TAWURAN ANTARWARGA", "two groups of residents"),
    ("id", "Seorang polisi ditembak orang tak dikenal di Wamena.", "orang tak dikenal", "unidentified gunmen"),
])
def test_actors_indonesian_names_and_descriptions(language: str, text: str, actor_text: str, label: str) -> None:
    found, _ = _find(text, language)
    assert any(a.text == actor_text and a.label == label for a in found), [(a.text, a.label) for a in found]
