"""claims: a named group that tells its own act claims it ("the FMLN reported that its units
attacked ...", "TPNPB menyatakan pasukannya menembak ..."); a force that reports what its own
soldiers did, or a group named only as the doer in someone else's report, claims nothing; the
marks of a group's way of attacking ("the hallmarks of the Taliban") attribute (own sentences)."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _claims(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))[1]


@pytest.mark.parametrize("language,text,group", [
    ("en", "The Taliban said its fighters killed five soldiers in an ambush in Ghazni.", "Taliban"),
    ("en", "THE NEW PEOPLE'S ARMY REPORTS THAT ITS UNITS AMBUSHED AN ARMY PATROL IN SAMAR.", "New People's Army"),
    ("en", "Al-Shabaab announced that our fighters stormed the base near Kismayo.", "Al Shabaab"),
    ("id", "TPNPB menyatakan pasukannya menembak dua prajurit di Intan Jaya.",
     "West Papua National Liberation Army (TPNPB)"),
    ("id", "JURU BICARA ABU SAYYAF, KELOMPOK ABU SAYYAF MENYATAKAN ANGGOTANYA MENCULIK TIGA NELAYAN.", "Abu Sayyaf"),
])
def test_claims_group_telling_its_own_act_claims_it(language: str, text: str, group: str) -> None:
    assert [c.group for c in _claims(text, language) if c.status == "claimed"][:1] == [group]


@pytest.mark.parametrize("language,text", [
    ("en", "The army said its soldiers killed five Taliban fighters in Ghazni."),
    ("en", "Police said the Taliban attacked the post and its men fled into the hills."),
    ("id", "Polisi menyatakan anggotanya menembak dua anggota TPNPB di Intan Jaya."),
])
def test_claims_no_claim_from_a_force_or_someone_elses_report(language: str, text: str) -> None:
    assert not [c for c in _claims(text, language) if c.status == "claimed"]


@pytest.mark.parametrize("language,text,group", [
    ("en", "The governor said the bombing bore the hallmarks of the Taliban.", "Taliban"),
    ("id", "Polisi menyebut serangan itu merupakan ciri khas kelompok Abu Sayyaf.", "Abu Sayyaf"),
])
def test_claims_hallmarks_attribute(language: str, text: str, group: str) -> None:
    assert [c.group for c in _claims(text, language) if c.status == "attributed"][:1] == [group]
