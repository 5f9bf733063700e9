"""events.api filters take names as the CLI does: any language, close spellings, with warnings."""
from __future__ import annotations

import datetime as dt
import warnings

import pytest

from conftest import make_event_row as row
from events import api, errors, pipeline
from events.article import Article
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api_names") / "db"
    idn = dict(iso=360, region="Southeast Asia", country="Indonesia", language="id")
    rows = [
        row(event_id_cnty="IDN0000000101", event_date=dt.date(2024, 3, 4), admin1="West Java", location="Bogor",
            event_type="Protests", sub_event_type="Peaceful protest", disorder_type="Demonstrations",
            actor1="Protesters (Indonesia)", inter1=6, actor2=None, inter2=0, interaction=60,
            fatalities=0, source="Suara Bogor", **idn),
        row(event_id_cnty="IDN0000000102", event_date=dt.date(2024, 5, 6), admin1="Papua", location="Nabire",
            event_type="Riots", sub_event_type="Mob violence", disorder_type="Political violence",
            actor1="Rioters (Indonesia)", inter1=5, actor2=None, inter2=0, interaction=50, fatalities=2,
            source="Kabar Nabire", **idn),
        row(event_id_cnty="IRQ0000000103", event_date=dt.date(2024, 2, 1), fatalities=4, language="en",
            source="Example Wire"),
    ]
    Store(path).commit([pipeline.Result(Article(text="x", id="api1"), rows, [])])
    return path


@pytest.mark.parametrize("filters, ids, said", [
    ({"admin1": "Jawa Barat"}, ["IDN0000000101"], "'Jawa Barat' read as 'West Java'"),
    ({"country": "Irak"}, ["IRQ0000000103"], "'Irak' read as 'Iraq'"),
    ({"event_type": "kerusuhan"}, ["IDN0000000102"], "'kerusuhan' read as 'Riots'"),
    ({"region": "Asia Tenggara", "since": "2024-04-01"}, ["IDN0000000102"], "read as 'Southeast Asia'"),
    ({"country": "Indonesia", "event_type": ["Protests", "Riots"]}, ["IDN0000000101", "IDN0000000102"], None),
])
def test_api_names_events_df_reads_names_as_the_cli(db, filters, ids, said):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = api.events_df(db, **filters)
    assert sorted(df["event_id_cnty"]) == ids
    notes = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert (any(said in n for n in notes) if said else not notes), notes


def test_api_names_value_matching_nothing_warns_with_close_values(db):
    with pytest.warns(UserWarning, match="Papua"):
        df = api.events_df(db, admin1="Papuaa Barat Daya Jauh")
    assert df.empty


def test_api_names_unknown_country_raises_the_cli_error(db):
    with pytest.raises(errors.FilterError, match="country"):
        api.events_df(db, country="Atlantis")


def test_api_names_summary_df_by_in_indonesian(db):
    with pytest.warns(UserWarning, match="provinsi"):
        df = api.summary_df(db, by="provinsi", country="Indonesia")
    assert sorted(df["admin1"]) == ["Papua", "West Java"]
    assert df.set_index("admin1").loc["Papua", "fatalities"] == 2
