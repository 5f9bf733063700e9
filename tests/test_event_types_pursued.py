"""event_types: an attack told as what an arrest, a hunt, a funeral or a trial is about ("arrested
three men suspected of last week's ambush", "memburu pelaku yang menyerang") is no event of its
own sentence (hypothetical); the arrest itself, and attacks told without such a frame, stay events.
Own sentences, both languages, upper and mixed case."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import event_types


def _found(text: str, language: str):
    return event_types.find(text, [Sentence(0, len(text), text)], language)


@pytest.mark.parametrize("language,text,word", [
    ("en", "Police arrested three men suspected of last week's ambush in Patikul.", "ambush"),
    ("en", "POLICE ARRESTED THREE MEN SUSPECTED OF TAKING PART IN THE AMBUSH OF AN ARMY PATROL.", "ambush"),
    ("en", "Police are hunting the gunmen who shot dead a trader in Mandera.", "shot dead"),
    ("en", "Troops launched a manhunt for the militants behind the bombing of a market.", "bombing"),
    ("en", "Hundreds of mourners attended the funeral of a teacher who was stabbed in Kisumu.", "stabbed"),
    ("en", "A court in Nairobi sentenced two men for the bombing of a church.", "bombing"),
    ("id", "Polisi memburu pelaku yang menyerang dua petani di Poso.", "menyerang"),
    ("id", "Polisi menangkap tiga pria yang diduga terlibat penyerangan pos polisi di Poso.", "penyerangan"),
    ("id", "Ratusan warga menghadiri pemakaman seorang wartawan yang ditembak mati di Makassar.", "ditembak mati"),
    ("id", "POLISI MEMBEKUK PELAKU PENEMBAKAN WARGA DI MAKASSAR.", "penembakan"),
    # the suspects named before the attack, the arrest told after it
    ("en", "Two men accused of killing a trader in Mandera were arrested on Friday.", "killing"),
    ("en", "THREE SUSPECTS IN THE BOMBING OF A MARKET WERE DETAINED.", "bombing"),
    ("id", "Dua tersangka pembunuhan seorang pedagang di Makassar ditangkap polisi.", "pembunuhan"),
    # the dead a funeral buries
    ("en", "The bodies of five soldiers killed in the ambush were buried on Sunday.", "killed"),
    ("id", "Jenazah dua petani yang tewas diserang di Poso dimakamkan pada Sabtu.", "diserang"),
])
def test_event_types_pursued_attack_is_not_an_event(language: str, text: str, word: str) -> None:
    found = _found(text, language)
    pursued = [t for t in found if t.text.lower().startswith(word)]
    assert pursued and all(t.hypothetical for t in pursued)


@pytest.mark.parametrize("language,text", [
    ("en", "Police arrested three men suspected of last week's ambush in Patikul."),
    ("en", "POLICE ON FRIDAY DETAINED FIVE MEN WHO HAD ATTACKED A CHECKPOINT."),
    ("id", "Polisi menangkap tiga pria yang diduga terlibat penyerangan pos polisi di Poso."),
])
def test_event_types_pursued_arrest_stays(language: str, text: str) -> None:
    """The arrest is the sentence's event."""
    assert any(t.sub_event_type == "Arrests" and not t.hypothetical for t in _found(text, language))


@pytest.mark.parametrize("language,text,word", [
    # no arrest, hunt, funeral or trial before it
    ("en", "Gunmen who stormed the village shot dead five farmers.", "shot dead"),
    ("en", "Militants ambushed an army patrol and police later arrested three men.", "ambushed"),
    # the arrest told after the attack
    ("en", "The gunmen who shot dead a trader in Mandera were later arrested.", "shot dead"),
    # an attack after the arrest, with no reason word before it
    ("en", "Police arrested three men, and a day later gunmen attacked the police station.", "attacked"),
    ("id", "Kelompok bersenjata menyerang pos polisi dan menewaskan dua anggota.", "menyerang"),
    ("id", "Orang tak dikenal yang menembak mati seorang pedagang kemudian ditangkap polisi.", "menembak mati"),
    ("id", "POLISI MENANGKAP DUA PRIA, LALU KELOMPOK BERSENJATA MENYERANG POS POLISI.", "menyerang"),
    # a suspect word far from the attack word, or no arrest after it
    ("en", "Gunmen suspected of belonging to a local militia attacked a police post and were arrested.", "attacked"),
    ("en", "Two men accused of killing a trader fled the town.", "killing"),
    # the reason clause's verb is the attack pursued, not the clash told after it
    ("en", "Police searching for the gunmen who attacked a village on Friday clashed with them.", "clashed"),
    ("id", "Tersangka menembak seorang pedagang lalu melarikan diri.", "menembak"),
    # the dead found, not buried
    ("en", "The bodies of five soldiers killed in the ambush were found on Sunday.", "killed"),
])
def test_event_types_unpursued_attack_stays(language: str, text: str, word: str) -> None:
    found = [t for t in _found(text, language) if t.text.lower().startswith(word)]
    assert found and not any(t.hypothetical for t in found)


def test_event_types_pursued_spans_reported() -> None:
    """find() says which attack words it took as the reason of a pursuit (story reads them)."""
    text = "Polisi memburu pelaku yang menyerang dua petani di Poso."
    spans: list[tuple[int, int]] = []
    event_types.find(text, [Sentence(0, len(text), text)], "id", (), spans)
    assert [text[s:e].lower() for s, e in spans] == ["menyerang"]
