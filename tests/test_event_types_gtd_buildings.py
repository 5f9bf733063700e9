"""GTD: a bomb or grenade thrown at or into a notable's home or office is a bombing (the building
is attacked, no aim at the person is told); one set off outside it, or aimed at the notable's car
or convoy, is an assassination attempt."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 5, 4)


def _attack(text: str, language: str = "en") -> str | None:
    rows = extract(Article(text=text, published=DAY, source="test", language=language))
    assert rows, "no row"
    return rows[0]["attack_type"]


@pytest.mark.parametrize("text, language, attack_type", [
    ("On 3 May 2024, two men on a motorbike threw a grenade at the house of a party leader in Quetta, "
     "Pakistan. Nobody was hurt.", "en", "Bombing/Explosion"),
    ("ON 3 MAY 2024, UNKNOWN MEN THREW A BOMB INTO THE RESIDENCE OF A DISTRICT COUNCILLOR IN IMPHAL, MANIPUR.",
     "en", "Bombing/Explosion"),
    ("On 3 May 2024, a suicide bomber blew himself up outside the residence of the provincial governor in "
     "Kandahar, Afghanistan.", "en", "Assassination"),
    ("On 3 May 2024, a roadside bomb struck the convoy of the deputy governor in Kandahar, Afghanistan.", "en",
     "Assassination"),
    ("Orang tak dikenal melempar granat ke rumah seorang anggota DPRD di Kota Makassar, Sulawesi Selatan, "
     "Jumat (3/5/2024). Tidak ada korban.", "id", "Bombing/Explosion"),
])
def test_event_types_gtd_bomb_at_a_notables_building(text, language, attack_type):
    assert _attack(text, language) == attack_type
