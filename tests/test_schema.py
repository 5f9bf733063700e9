"""The schema files are complete and consistent with ACLED's published taxonomy."""
import datetime as dt

import pytest

from events import schema
from conftest import make_event_row


def test_schema_has_acled_31_columns_in_order_then_extensions():
    names = schema.column_names()
    acled = [c.name for c in schema.columns() if c.origin == "acled"]
    assert acled == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp"]
    assert list(names[:31]) == acled
    for ext in ("injuries", "fatalities_low", "fatalities_high", "attack_type", "weapon_type",
                "perpetrator", "perpetrator_status", "claim_status", "claimed_by",
                "attributed_by", "target", "language", "article_ids", "evidence", "confidence",
                "extractor_version"):
        assert ext in names[31:]
    assert schema.arrow_schema().names == list(names)


def test_schema_taxonomy_has_6_event_types_and_25_sub_event_types():
    t = schema.taxonomy()
    assert t.event_types == ("Battles", "Explosions/Remote violence", "Violence against civilians",
                             "Protests", "Riots", "Strategic developments")
    assert sum(len(s) for s in t.sub_event_types.values()) == 25
    assert len(t.event_type_of) == 25            # no sub-event type under two event types
    assert set(t.disorder_types) == {"Political violence", "Demonstrations",
                                     "Political violence; Demonstrations", "Strategic developments"}
    assert t.disorder_type_of["Mob violence"] == "Political violence"
    assert t.disorder_type_of["Peaceful protest"] == "Demonstrations"
    assert t.precedence("Battles") < t.precedence("Explosions/Remote violence")


def test_schema_inter_codes_and_interactions():
    assert sorted(schema.inter_codes()) == list(range(9))
    assert len(schema.valid_interactions()) == 44
    assert schema.interaction(7, 1) == 17
    assert schema.interaction(2, 0) == 20
    assert 71 not in schema.valid_interactions()


def test_schema_every_country_has_one_of_17_regions_and_unique_codes():
    cs = schema.countries()
    assert len(schema.regions()) == 17
    for key in ("iso2", "iso3", "name"):
        values = [getattr(c, key) for c in cs]
        assert len(values) == len(set(values)), key
    assert schema.country("IRQ").region == "Middle East"
    assert schema.country("ID").name == "Indonesia"
    assert schema.country("Democratic Republic of Congo").iso_numeric == 180
    assert schema.country("AFG").region == "South Asia"


def test_schema_gtd_types():
    g = schema.gtd_types()
    assert len(g["attack_types"]) == 9 and "Bombing/Explosion" in g["attack_types"]
    assert len(g["weapon_types"]) == 13 and "Explosives" in g["weapon_types"]


def test_schema_validate_row_accepts_a_goodmake_event_row():
    assert schema.validate_row(make_event_row()) == []


@pytest.mark.parametrize("over, problem", [
    ({"sub_event_type": "Armed clash"}, "is not a kind of"),
    ({"event_type": "Fights"}, "not an allowed value"),
    ({"year": 2022}, "year does not match"),
    ({"interaction": 73}, "not an allowed value"),
    ({"interaction": 17}, "interaction does not match"),
    ({"region": "Europe"}, "disagree"),
    ({"event_id_cnty": "IDN1"}, "must start with IRQ"),
    ({"notes": None}, "notes is missing"),
    ({"latitude": 133.0}, "out of range"),
    ({"claim_status": "maybe"}, "not an allowed value"),
    ({"bogus": 1}, "unknown columns"),
])
def test_schema_validate_row_rejects(over, problem):
    problems = schema.validate_row(make_event_row(**over))
    assert any(problem in p for p in problems), problems
