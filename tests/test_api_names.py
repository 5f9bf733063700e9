"""events.api filters take names as the CLI does: any language, close spellings, with warnings."""
from __future__ import annotations

import warnings

import pytest

from events import api, errors
from test_cli_names import db  # noqa: F401  (the store the CLI's name tests read: one home)


@pytest.mark.parametrize("filters, ids, said", [
    ({"admin1": "Jawa Barat"}, ["IDN0000000001"], "'Jawa Barat' read as 'West Java'"),
    ({"country": "Irak"}, ["IRQ0000000003"], "'Irak' read as 'Iraq'"),
    ({"event_type": "kerusuhan"}, ["IDN0000000002"], "'kerusuhan' read as 'Riots'"),
    ({"region": "Asia Tenggara", "since": "2024-04-01"}, ["IDN0000000002"], "read as 'Southeast Asia'"),
    ({"country": "Indonesia", "event_type": ["Protests", "Riots"]}, ["IDN0000000001", "IDN0000000002"], None),
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
