"""actors in the row: ACLED's crowd-first naming (a party's protest is "Protesters (X)" with the
party as associated actor), no state force invented for property destroyed by nobody named."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract


def _rows(text: str, published: str = "2024-03-10") -> list[dict]:
    return extract(Article(text=text, published=dt.date.fromisoformat(published)))


@pytest.mark.parametrize("text,actor1,assoc", [
    ("On 3 March 2024, members of the Farmers Unity League rallied outside the district office in "
     "Khulna, Bangladesh, calling for cheaper fertiliser.", "Protesters (Bangladesh)", "Farmers Unity League"),
    ("Anggota Serikat Buruh Sejahtera menggelar unjuk rasa di depan kantor gubernur di Kota Medan, "
     "Sumatera Utara, Senin (4/3/2024), menuntut kenaikan upah.", "Protesters (Indonesia)", "Serikat Buruh Sejahtera"),
])
def test_actors_rows_party_protest_is_a_crowd_with_its_party(text: str, actor1: str, assoc: str) -> None:
    rows = _rows(text)
    assert rows and rows[0]["event_type"] == "Protests"
    assert rows[0]["actor1"] == actor1 and assoc in (rows[0]["assoc_actor_1"] or "")


@pytest.mark.parametrize("text", [
    "A church was set on fire in Kaduna, Nigeria, on Sunday night.",
    "Unknown people set fire to a church in Kaduna, Nigeria, on Sunday night.",
])
def test_actors_rows_property_destroyed_by_nobody_named_is_no_police_act(text: str) -> None:
    rows = _rows(text)
    assert rows and not rows[0]["actor1"].startswith(("Police Forces", "Military Forces"))


@pytest.mark.parametrize("text,perpetrator", [
    ("Polres Merauke menangkap tiga anggota kelompok bersenjata di Distrik Muting, Kabupaten Merauke, "
     "Papua Selatan, Selasa (5/3/2024).", "police (Polres Merauke)"),
])
def test_actors_rows_indonesian_unit_keeps_its_own_name(text: str, perpetrator: str) -> None:
    rows = _rows(text)
    assert rows and rows[0]["perpetrator"] == perpetrator
