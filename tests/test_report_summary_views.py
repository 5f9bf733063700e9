"""The analysts' views and filters (issue 13): `summary --by year|admin2|actor1|perpetrator|
sub_event_type|language|source` and the filters --sub-event-type, --actor, --perpetrator,
--min-fatalities, --language, --source, --claim-status, shared by summary, export and report."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from conftest import make_event_row as row
from events import errors, pipeline, query
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "db"
    idn = dict(iso=360, region="Southeast Asia", country="Indonesia")
    rows = [
        row(event_id_cnty="IRQ0000000001", event_date=dt.date(2022, 5, 1), fatalities=3, admin2="Karkh",
            actor1="Islamic State (ISIS)", perpetrator="Islamic State (ISIS)", claim_status="claimed",
            perpetrator_status="claimed", language="en", source="Example Wire"),
        row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 3, 2), fatalities=0, admin2="Karkh",
            actor1="Unidentified Armed Group (Iraq)", perpetrator=None, claim_status="not_reported",
            perpetrator_status="unknown", language="en", source="Example Wire; Kabar Contoh"),
        row(event_id_cnty="IDN0000000003", event_date=dt.date(2024, 1, 15), fatalities=4, admin1="Papua",
            admin2="Jayapura", event_type="Battles", sub_event_type="Armed clash",
            actor1="Military Forces of Indonesia (2014-)", actor2="West Papua National Liberation Army (TPNPB)",
            inter1=1, inter2=2, interaction=12, perpetrator="West Papua National Liberation Army (TPNPB)",
            perpetrator_status="attributed", claim_status="denied", language="id", source="Kabar Contoh", **idn),
    ]
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), rows, [])])
    return path


def _summary(db, by, **filters):
    rows = query.summary(db, by, query.Filters.of(**filters))
    return [tuple(r[:len(by) + 2]) for r in rows.rows]


@pytest.mark.parametrize("by, expected", [
    ("year", [("2022", 1, 3), ("2023", 0, 0), ("2024", 2, 4)]),
    ("admin2", [("Karkh", 2, 3), ("Jayapura", 1, 4)]),
    ("actor1", [("Military Forces of Indonesia (2014-)", 1, 4), ("Islamic State (ISIS)", 1, 3),
                ("Unidentified Armed Group (Iraq)", 1, 0)]),
    ("perpetrator", [("West Papua National Liberation Army (TPNPB)", 1, 4), ("Islamic State (ISIS)", 1, 3),
                     (None, 1, 0)]),
    ("sub_event_type", [("Shelling/artillery/missile attack", 2, 3), ("Armed clash", 1, 4)]),
    ("language", [("en", 2, 3), ("id", 1, 4)]),
    ("source", [("Kabar Contoh", 1, 4), ("Example Wire", 1, 3), ("Example Wire; Kabar Contoh", 1, 0)]),
])
def test_report_summary_by_new_dimensions(db, by, expected):
    assert _summary(db, [by]) == expected


@pytest.mark.parametrize("filters, ids", [
    ({"sub_event_type": "armed clash"}, {"IDN0000000003"}),
    ({"actor": "islamic state"}, {"IRQ0000000001"}),
    ({"actor": "TPNPB"}, {"IDN0000000003"}),                      # actor2 counts too
    ({"perpetrator": "west papua"}, {"IDN0000000003"}),
    ({"min_fatalities": 3}, {"IRQ0000000001", "IDN0000000003"}),
    ({"language": "ID"}, {"IDN0000000003"}),
    ({"source": "kabar contoh"}, {"IRQ0000000002", "IDN0000000003"}),
    ({"claim_status": ["claimed", "not reported"]}, {"IRQ0000000001", "IRQ0000000002"}),
    ({"country": "Iraq", "min_fatalities": 1}, {"IRQ0000000001"}),
])
def test_report_new_filters_select_rows(db, filters, ids):
    got = query.events_df(db, query.Filters.of(**filters))
    assert set(got["event_id_cnty"]) == ids


@pytest.mark.parametrize("filters, message", [
    ({"sub_event_type": "Picnic"}, "unknown sub-event type 'Picnic'"),
    ({"claim_status": "maybe"}, "unknown claim status 'maybe'"),
])
def test_report_new_filters_refuse_unknown_values(db, filters, message):
    with pytest.raises(errors.FilterError, match=message):
        query.Filters.of(**filters).where()


def test_report_new_filters_on_the_command_line(db, tmp_path):
    result = CliRunner().invoke(main, ["--db", str(db), "summary", "--by", "year", "--actor", "islamic state",
                                       "--min-fatalities", "1", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["year,events,fatalities,injuries,share_pct", "2022,1,3,0,100.0"]
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(out), "--claim-status", "denied",
                                       "--language", "id"])
    assert result.exit_code == 0 and "1 event, 4 fatalities, 1 country." in result.output
    result = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(tmp_path / "e.csv"),
                                       "--perpetrator", "Islamic State"])
    assert result.exit_code == 0 and result.output.startswith("Wrote 1 ")


@pytest.mark.parametrize("by, expected", [
    ("month", ["1901-01", "2024-01", "2024-02", "2024-03", "unknown"]),
    ("year", ["1901", "2024", "unknown"]),
])
def test_report_summary_one_far_date_is_not_bridged_with_zeros(tmp_path, by, expected):
    """A bad date a century off adds one bucket, not 1,400 empty months (query.MAX_GAP)."""
    path = tmp_path / "db"
    rows = [row(event_id_cnty="IRQ0000000001", event_date=dt.date(1901, 1, 5)),
            row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 1, 5)),
            row(event_id_cnty="IRQ0000000003", event_date=dt.date(2024, 3, 5)),
            row(event_id_cnty="IRQ0000000004", event_date=None, year=None, time_precision=None)]
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), rows, [])])
    got = query.summary(path, [by])
    assert [r[0] for r in got.rows] == expected
    assert sum(r[1] for r in got.rows) == 4


def test_report_summary_gaps_up_to_the_limit_are_zero_filled(tmp_path):
    path = tmp_path / "db"
    rows = [row(event_id_cnty="IRQ0000000001", event_date=dt.date(2020, 1, 5)),
            row(event_id_cnty="IRQ0000000002", event_date=dt.date(2020, 1, 1) + dt.timedelta(days=31 * query.MAX_GAP + 20))]
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), rows, [])])
    months = [r[0] for r in query.summary(path, ["month"]).rows]
    assert len(months) == query.MAX_GAP + 2 and months[0] == "2020-01"
