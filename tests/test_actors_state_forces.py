"""actors: a state's forces named by their own name carry their country ("Border Guard Bangladesh",
"Kenya Defence Forces"), nationalities of more states, "X accused of ..." blames X, and "at the
positions of X" makes X the one fired on (own sentences, English and Indonesian)."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article, Sentence
from events.extract import actors, event_types
from events.pipeline import extract


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("language,text,kind,country", [
    ("en", "Members of the Border Guard Bangladesh shot a smuggler near the river.", "military", "Bangladesh"),
    ("en", "RAB OFFICERS RAIDED A HOUSE IN THE TOWN.", "police", "Bangladesh"),
    ("en", "Kenya Defence Forces soldiers repulsed an attack on the camp.", "military", "Kenya"),
    ("en", "The GSU dispersed traders in the market with tear gas.", "police", "Kenya"),
    ("en", "IRGC forces fired missiles at a base across the border.", "military", "Iran"),
    ("id", "Garda Revolusi menembakkan rudal ke sebuah pangkalan di seberang perbatasan.", "military", "Iran"),
    ("en", "Ugandan soldiers opened fire on herders near the border.", "military", "Uganda"),
    ("id", "Tentara Uganda menembaki para penggembala di dekat perbatasan.", "military", "Uganda"),
])
def test_actors_state_force_by_its_name_has_its_country(language: str, text: str, kind: str, country: str) -> None:
    found, _ = _find(text, language)
    assert [(a.kind, a.country) for a in found if a.kind == kind][:1] == [(kind, country)]


def test_actors_foreign_force_is_an_external_actor_in_the_row() -> None:
    text = "On 3 March 2024, Ugandan soldiers shot dead two herders in Lokiriama, Turkana County, Kenya."
    rows = extract(Article(text=text, published=dt.date(2024, 3, 10), language="en"))
    assert rows and rows[0]["actor1"].startswith("Military Forces of Uganda") and rows[0]["inter1"] == 8


@pytest.mark.parametrize("language,text,blamed", [
    ("en", "Ugandan soldiers were accused of shooting two herders near the border.", ("soldiers", "Ugandan soldiers")),
    ("en", "Al-Shabaab militants were suspected of bombing the bridge.", ("Al Shabaab",)),
    ("en", "AL-SHABAAB MILITANTS WERE SUSPECTED OF BOMBING THE BRIDGE.", ("Al Shabaab",)),
])
def test_actors_accused_before_the_cue_is_blamed(language: str, text: str, blamed: tuple) -> None:
    found, claims = _find(text, language)
    assert [c.group for c in claims if c.status == "attributed"][:1] in [[b] for b in blamed]
    assert not [a for a in found if a.role == "source"]


@pytest.mark.parametrize("language,text,target", [
    ("en", "Government forces fired rockets, heavy guns and rifles toward positions of al-Shabaab near the bridge.",
     "al-Shabaab"),
    ("id", "Pasukan pemerintah menembakkan mortir dan senapan mesin ke posisi Tentara Rakyat Baru di dekat jembatan.",
     "Tentara Rakyat Baru"),
])
def test_actors_positions_of_a_group_are_the_target(language: str, text: str, target: str) -> None:
    found, _ = _find(text, language)
    roles = {a.text: a.role for a in found}
    assert roles.get(target) == "target"
    assert [a.role for a in found if a.kind == "military"][:1] == ["perpetrator"]
