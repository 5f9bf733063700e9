"""claims: the many ways a group takes responsibility, in English and Indonesian, and phrases
that look alike but claim nothing."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import actors, event_types


def _claims(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))[1]


@pytest.mark.parametrize("language,text,group", [
    ("en", "The Red Hand Front took credit for the blast at the depot.", "Red Hand Front"),
    ("en", "A group called Freedom Falcons claimed credit for the fire at the warehouse.", "Freedom Falcons"),
    ("en", "Hamas said it carried out the rocket attack on the border town.", "Hamas"),
    ("en", "THE FMLN CLAIMED CREDIT FOR THE SABOTAGE OF THE POWER LINE.", "Farabundo Marti National Liberation Front (FMLN)"),
    ("id", "Kelompok ISIS mengeklaim bertanggung jawab atas ledakan di pasar itu.", "Islamic State"),
    ("id", "TPNPB mengaku bertanggungjawab atas penembakan di Intan Jaya.",
     "West Papua National Liberation Army (TPNPB)"),
    ("id", "Gerakan Aceh Merdeka mengklaim berada di balik serangan itu.", "Free Aceh Movement (GAM)"),
])
def test_claims_claimed_phrases(language: str, text: str, group: str) -> None:
    claims = _claims(text, language)
    assert claims and claims[0].status == "claimed" and claims[0].group == group


@pytest.mark.parametrize("language,text", [
    ("en", "The minister claimed the figures were wrong."),                     # no group, weak word
    ("id", "Warga mengklaim tanah itu milik adat."),                             # a land claim
    ("en", "No group has yet claimed credit for the bombing."),                 # said nobody claimed
    ("en", "Neither the rebels nor any other group has claimed responsibility for the ambush."),
    ("en", "NO WARNING WAS GIVEN, NOR HAS ANY ARMED GROUP CLAIMED RESPONSIBILITY FOR THE BLAST."),
    ("en", "The NPA claims that the mining firms are stealing the land of the tribes."),   # an assertion
    ("id", "Kelompok Abu Sayyaf mengklaim bahwa pemerintah melanggar kesepakatan damai."),
    ("en", "The army claimed it had killed twelve FARC fighters in the clash."),    # a state reports its own
])
def test_claims_not_a_claim(language: str, text: str) -> None:
    assert not any(c.status == "claimed" for c in _claims(text, language))
