"""rows.gtd_attack: GTD's rarer attack types by the GTD codebook's definitions: an attack on a
prominent person named and titled (assassination), the seizure of a carrier of people
(hijacking; a car seized on the way is not), fire thrown at people (armed assault) or at a
building (facility attack), attackers holding a place (barricade incident)."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 5, 4)


def _attack(text: str) -> str | None:
    rows = extract(Article(text=text, published=DAY, source="test"))
    assert rows, "no row"
    return rows[0]["attack_type"]


@pytest.mark.parametrize("text,attack_type", [
    # the victim named, then given a notable's title in the next sentence
    ("On 3 May 2024, gunmen opened fire on Ahmed Nur Farah in Mandera town, Kenya. Farah, the deputy "
     "county commissioner, died of his wounds.", "Assassination"),
    ("On 3 May 2024, a bomb went off under the vehicle of Mohamed Abdi Warsame in Garissa, Kenya. "
     "Warsame, a senior county official, was killed.", "Assassination"),
    ("On 3 May 2024, gunmen shot dead the county secretary in Garissa, Kenya.", "Assassination"),
    # named victims with no title: an armed assault
    ("On 3 May 2024, gunmen opened fire on Ahmed Nur Farah in Mandera town, Kenya. Farah and his brother "
     "were killed.", "Armed Assault"),
    # a carrier of people seized is a hijacking; a car taken on the way is not
    ("On 3 May 2024, gunmen HIJACKED A PASSENGER BUS near Mandera, Kenya, and drove it towards the border.",
     "Hijacking"),
    ("On 3 May 2024, gunmen hijacked a car in Mandera, Kenya, and kidnapped two aid workers.",
     "Hostage Taking (Kidnapping)"),
    ("Pada Jumat (3/5/2024), kelompok bersenjata membajak sebuah kapal penumpang di perairan Kabupaten "
     "Sorong, Papua Barat Daya.", "Hijacking"),
    # fire thrown at people, or at a building
    ("On 3 May 2024, masked men threw petrol bombs at police officers outside a bank in Athens, Greece.",
     "Armed Assault"),
    ("On 3 May 2024, masked men threw petrol bombs at a police station in Athens, Greece.",
     "Facility/Infrastructure Attack"),
    ("On 3 May 2024, masked men torched the parked car of a traffic policeman in Athens, Greece.",
     "Facility/Infrastructure Attack"),
    # attackers holding a place
    ("On 3 May 2024, a gunman shot two guards at a shop in Mandera, Kenya, before barricading himself "
     "inside with the staff.", "Hostage Taking (Barricade Incident)"),
])
def test_gtd_attack_type(text: str, attack_type: str) -> None:
    assert _attack(text) == attack_type


@pytest.mark.parametrize("text,attack_type", [
    # shells, rockets or grenades used with firearms in one assault: an armed assault
    ("On 3 May 2024, militants attacked a border post with mortars and firearms near Mandera town, Kenya.",
     "Armed Assault"),
    ("On 3 May 2024, MILITANTS FIRED ROCKETS AND MACHINE GUNS AT AN ARMY CAMP near Mandera town, Kenya.",
     "Armed Assault"),
    ("Pada Jumat (3/5/2024), kelompok bersenjata menyerang pos TNI dengan granat dan senjata api di "
     "Kabupaten Intan Jaya, Papua Tengah.", "Armed Assault"),
    # shells alone, or a bomb set off, stay a bombing
    ("On 3 May 2024, militants fired mortars at an army camp near Mandera town, Kenya.", "Bombing/Explosion"),
    ("On 3 May 2024, a car bomb exploded outside a police station in Mandera town, Kenya, and gunmen later "
     "fled the scene.", "Bombing/Explosion"),
])
def test_shells_with_firearms_are_an_armed_assault(text: str, attack_type: str) -> None:
    assert _attack(text) == attack_type
