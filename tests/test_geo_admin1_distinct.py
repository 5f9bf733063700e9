"""No two admin1s of a country under one name (the build makes them distinct)."""
from __future__ import annotations

import pytest

from events.geo import gazetteer


@pytest.mark.parametrize("cc, names", [
    ("MX", ("Mexico", "Mexico City")),        # Estado de Mexico and Ciudad de Mexico
    ("UA", ("Kyiv", "Kyiv Oblast")),
    ("RU", ("Moscow", "Moscow Oblast")),
])
def test_geo_admin1_names_distinct_within_a_country(cc, names):
    g = gazetteer()
    entries = [g.admin1_entry(cc, n) for n in names]
    assert all(e is not None for e in entries)
    assert len({e.geonameid for e in entries}) == len(names)


def test_geo_mexico_city_is_in_mexico_city():
    g = gazetteer()
    city = max(g.lookup("Mexico City"), key=lambda e: e.population)
    assert city.kind == "city" and city.admin1 == "Mexico City"
