"""The gazetteer's towns all carry a province, even where GeoNames still codes them in a former
one; a division's two names joined by a slash are searchable and written with a space."""
from __future__ import annotations

import pytest

from events.geo import gazetteer


@pytest.mark.parametrize("name, cc, admin1", [
    ("Sololo", "KE", "Marsabit"),        # coded in Kenya's former Eastern Province
    ("Timboroa", "KE", "Uasin Gishu"),   # ... and Rift Valley Province
])
def test_geo_town_in_a_former_province_takes_the_nearest_province(name, cc, admin1):
    found = [e for e in gazetteer().lookup(name) if e.kind == "city" and e.cc == cc]
    assert found and all(e.admin1 == admin1 for e in found)


def test_geo_towns_of_countries_with_provinces_have_one():
    g = gazetteer()
    for name in ("Voi", "Naivasha", "Lodwar", "Garissa"):
        assert all(e.admin1 for e in g.lookup(name) if e.kind == "city" and e.cc == "KE")


@pytest.mark.parametrize("written", ["Taita Taveta", "Taita/Taveta", "taita taveta"])
def test_geo_slashed_division_is_found_with_a_space(written):
    found = [e for e in gazetteer().lookup(written) if e.kind == "admin1" and e.cc == "KE"]
    assert [e.name for e in found] == ["Taita Taveta"]
