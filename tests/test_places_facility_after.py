"""A town written before an institution of its own, in one word or two ("the Manikganj Press
Club", "Kisumu Secondary School", "Meru County Assembly"), is the place, not part of a longer
proper name. Own sentences."""
from __future__ import annotations

import pytest

from events.extract.places import geocode


@pytest.mark.parametrize("text, location", [
    ("Journalists formed a human chain in front of the Manikganj Press Club on Monday.", "Manikganj"),
    ("Residents blocked the road at the Faridpur Press Club on Monday.", "Faridpur"),
    ("Hundreds of traders stormed the Meru County Assembly on Tuesday.", "Meru"),
    ("Protesters gathered outside the Nakuru Law Courts on Friday.", "Nakuru"),
])
def test_town_before_its_institution_is_the_place(text: str, location: str) -> None:
    assert [m.place.location for m in geocode(text, "en")][:1] == [location]


def test_town_inside_a_firm_name_stays_no_place() -> None:
    # a capitalised word after the town that is no institution word: part of a longer name
    assert [m.place.location for m in geocode("Workers of the Nakuru Sunrise Bakers went on strike.", "en")
            if m.place.location == "Nakuru" and "modifier" not in m.why] == []
