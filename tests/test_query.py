"""query: read-only SQL, parameterised filters, export (CSV safety, round trip), summary zero-fill."""
from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from events import api, errors, pipeline, query, schema
from events.article import Article
from events.store import Store


@pytest.fixture
def db(tmp_path, event_row):
    """A store with five events in Iraq, Indonesia and Nigeria, Dec 2023 to Mar 2024."""
    path = tmp_path / "db"
    rows = [
        event_row(event_id_cnty="IRQ0000000001", notes="=HYPERLINK(\"http://x\")", longitude=-44.4,
                  fatalities=2, injuries=1, article_ids=["a1", "a2"],
                  evidence=[{"field": "event_type", "text": "roket", "start": 3, "end": 8}]),
        event_row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 3, 2), fatalities=None,
                  admin1="Anbar", actor1="+Militia", notes="@home\tsafe", tags="-5 dead"),
        event_row(event_id_cnty="IDN0000000003", event_date=dt.date(2024, 1, 15), iso=360,
                  region="Southeast Asia", country="Indonesia", admin1="Papua", fatalities=4,
                  latitude=-4.0, longitude=138.0, event_type="Battles", sub_event_type="Armed clash",
                  disorder_type="Political violence", inter2=1, interaction=13, actor2="Military Forces"),
        event_row(event_id_cnty="IDN0000000004", event_date=dt.date(2024, 1, 20), iso=360,
                  region="Southeast Asia", country="Indonesia", admin1="Papua", fatalities=0,
                  notes="Ledakan di Jayapura; “tidak ada korban”"),
        event_row(event_id_cnty="NGA0000000005", event_date=dt.date(2023, 12, 30), iso=566,
                  region="Western Africa", country="Nigeria", admin1="Borno", fatalities=10),
    ]
    Store(path).commit([pipeline.Result(Article(text="one", id="a1"), rows[:2], []),
                        pipeline.Result(Article(text="two", id="a2"), rows[2:], [])])
    return path


def test_query_run_sql_reads_the_views(db):
    rows = query.run_sql(db, "SELECT country, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, country")
    assert rows.columns == ["country", "n"]
    assert rows.rows == [("Indonesia", 2), ("Iraq", 2), ("Nigeria", 1)]
    assert query.run_sql(db, "SELECT count(*) FROM event_sources").rows == [(9,)]


@pytest.mark.parametrize("sql, kind", [
    ("COPY events TO 'x.csv'", "COPY"), ("CREATE TABLE t AS SELECT 1", "CREATE"),
    ("INSERT INTO events SELECT * FROM events", "INSERT"), ("ATTACH 'x.db'", "ATTACH"),
    ("SELECT 1; DROP VIEW events", "DROP"), ("SET threads = 1", "SET"),
])
def test_query_refuses_statements_that_write(db, sql, kind):
    with pytest.raises(errors.QueryError, match=f"only read queries are allowed \\(got {kind}\\)"):
        query.run_sql(db, sql)


def test_query_connection_cannot_touch_files_even_directly(db, tmp_path):
    con = api.connect(db)
    live = Store(db).live_files("events")[0]
    for sql in (f"COPY (SELECT 1 AS a) TO '{live}' (FORMAT parquet)",
                f"COPY events TO '{tmp_path / 'out.csv'}'",
                "SELECT * FROM read_csv('/etc/passwd')"):
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(5,)]
    assert pq.read_table(live).num_rows >= 1


def test_query_sql_errors_are_one_line(db):
    with pytest.raises(errors.QueryError) as info:
        query.run_sql(db, "SELECT nope FROM events")
    assert str(info.value).startswith("query failed: Binder Error: Referenced column \"nope\" not found")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("filters, ids", [
    ({"country": "IRQ"}, ["IRQ0000000001", "IRQ0000000002"]),
    ({"country": ["Indonesia", "ng"]}, ["NGA0000000005", "IDN0000000003", "IDN0000000004"]),
    ({"region": "southeast asia", "since": "2024-01-16"}, ["IDN0000000004"]),
    ({"admin1": "papua", "event_type": "battles"}, ["IDN0000000003"]),
    ({"until": dt.date(2023, 12, 31)}, ["IRQ0000000001", "NGA0000000005"]),
    ({"admin1": "x' OR '1'='1"}, []),
])
def test_query_filters_select_rows_by_parameters(db, filters, ids):
    df = api.events_df(db, **filters)
    assert list(df["event_id_cnty"]) == ids


@pytest.mark.parametrize("filters, message", [
    ({"country": "Iraq' OR 1=1 --"}, "unknown country"),
    ({"region": "Mars"}, "unknown --region 'Mars'; choose one of: Antarctica, Caribbean"),   # names as the CLI reads them
    ({"event_type": "Fights"}, "unknown --event-type 'Fights'; did you mean 'Battles'?"),
    ({"since": "2024-02-01", "until": "2024-01-01"}, "--since 2024-02-01 is after --until 2024-01-01"),
])
def test_query_bad_filters_give_advice(db, filters, message):
    with pytest.raises(errors.FilterError, match=message.replace("(", "\\(")):
        api.events_df(db, **filters)


def test_query_events_df_has_schema_columns_and_pandas3_dtypes(db):
    df = api.events_df(db)
    assert list(df.columns) == list(schema.column_names())
    assert str(df["country"].dtype) == "str"                 # pandas 3 default string dtype
    assert df["event_date"].dtype.kind == "M"
    assert df.loc[df["event_id_cnty"] == "IRQ0000000001", "article_ids"].iloc[0].tolist() == ["a1", "a2"]


def test_query_export_csv_round_trip_and_formula_neutralisation(db, tmp_path):
    out = tmp_path / "events.csv"
    assert query.export(db, "csv", out) == 5
    with open(out, encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert list(records[0]) == list(schema.column_names())
    first = next(r for r in records if r["event_id_cnty"] == "IRQ0000000001")
    assert first["notes"] == "'=HYPERLINK(\"http://x\")"
    assert first["longitude"] == "-44.4" and first["latitude"] == "33.34"   # numbers stay numbers
    assert first["article_ids"] == "a1; a2" and first["event_date"] == "2023-12-08"
    assert json.loads(first["evidence"]) == [{"field": "event_type", "text": "roket", "start": 3, "end": 8}]
    second = next(r for r in records if r["event_id_cnty"] == "IRQ0000000002")
    assert (second["actor1"], second["notes"], second["tags"]) == ("'+Militia", "'@home\tsafe", "'-5 dead")
    assert second["fatalities"] == ""
    idn = next(r for r in records if r["event_id_cnty"] == "IDN0000000004")
    assert idn["notes"] == "Ledakan di Jayapura; “tidak ada korban”"
    order = [(r["event_date"], r["event_id_cnty"]) for r in records]
    assert order == sorted(order)
    back = pd.read_csv(out)
    assert back["longitude"].dtype.kind == "f" and back["fatalities"].sum() == 16


def test_query_export_bom_parquet_jsonl_and_overwrite(db, tmp_path):
    out = tmp_path / "e.csv"
    query.export(db, "csv", out, query.Filters.of(country="Nigeria"), bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
    with pytest.raises(errors.QueryError, match="already exists; choose another --output or add --force"):
        query.export(db, "csv", out)
    assert query.export(db, "parquet", tmp_path / "e.parquet", query.Filters.of(region="Middle East")) == 2
    t = pq.read_table(tmp_path / "e.parquet")
    assert t.column_names == list(schema.column_names()) and t.num_rows == 2
    query.export(db, "jsonl", tmp_path / "e.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(lines) == 5 and lines[0]["event_date"] == "2023-12-08" and lines[0]["article_ids"] == ["a1", "a2"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_query_summary_by_region_sorted_with_shares(db):
    s = query.summary(db, ["region"])
    assert s.columns == ["region", "events", "fatalities", "injuries", "share_pct"]
    assert s.rows == [("Southeast Asia", 2, 4, 0, 40.0), ("Middle East", 2, 2, 1, 40.0),
                      ("Western Africa", 1, 10, 0, 20.0)]


def test_query_summary_zero_fills_months_for_each_other_dimension(db):
    s = query.summary(db, ["country", "month"])
    assert s.rows == [
        ("Indonesia", "2023-12", 0, 0, 0, 0.0), ("Indonesia", "2024-01", 2, 4, 0, 40.0),
        ("Indonesia", "2024-02", 0, 0, 0, 0.0), ("Indonesia", "2024-03", 0, 0, 0, 0.0),
        ("Iraq", "2023-12", 1, 2, 1, 20.0), ("Iraq", "2024-01", 0, 0, 0, 0.0),
        ("Iraq", "2024-02", 0, 0, 0, 0.0), ("Iraq", "2024-03", 1, 0, 0, 20.0),
        ("Nigeria", "2023-12", 1, 10, 0, 20.0), ("Nigeria", "2024-01", 0, 0, 0, 0.0),
        ("Nigeria", "2024-02", 0, 0, 0, 0.0), ("Nigeria", "2024-03", 0, 0, 0, 0.0)]


def test_query_summary_shows_undated_events_as_unknown(tmp_path, event_row):
    """An article with no date at all still gives its event; time summaries count it as unknown."""
    path = tmp_path / "db"
    rows = [event_row(event_id_cnty="IRQ0000000011", event_date=dt.date(2024, 1, 5), fatalities=1),
            event_row(event_id_cnty="IRQ0000000012", event_date=dt.date(2024, 3, 9), fatalities=2),
            event_row(event_id_cnty="IRQ0000000013", event_date=None, year=None, time_precision=None,
                      fatalities=5)]
    Store(path).commit([pipeline.Result(Article(text="dated", id="a1"), rows[:2], []),
                        pipeline.Result(Article(text="undated", id="a2"), rows[2:], [])])
    s = query.summary(path, ["month"])
    assert [r[:3] for r in s.rows] == [("2024-01", 1, 1), ("2024-02", 0, 0), ("2024-03", 1, 2),
                                       ("unknown", 1, 5)]
    s = query.summary(path, ["country", "year"])
    assert [r[:4] for r in s.rows] == [("Iraq", "2024", 2, 3), ("Iraq", "unknown", 1, 5)]


def test_query_summary_weeks_within_filter(db):
    s = query.summary(db, ["week"], query.Filters.of(country="Indonesia"))
    assert s.rows == [("2024-01-15", 2, 4, 0, 100.0)]
    s = query.summary(db, ["week"], query.Filters.of(since="2023-12-25", until="2024-01-20"))
    assert [r[:2] for r in s.rows] == [("2023-12-25", 1), ("2024-01-01", 0), ("2024-01-08", 0), ("2024-01-15", 2)]


def test_query_summary_on_an_empty_store_is_empty_with_a_note(tmp_path):
    s = query.summary(tmp_path / "none", ["region"])
    assert s.rows == [] and s.notes == [f"No events stored in {tmp_path / 'none'} yet: ingest articles with `events ingest PATH`."]


def test_query_summary_with_filters_matching_nothing_says_so(db):
    s = query.summary(db, ["region", "month"], query.Filters.of(country="France"))
    assert s.rows == [] and s.notes == [f"No events match these filters (5 events stored in {db})."]


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "a,b,c\n'=1+1,1.5,x; y\n,-2,\n"),
    ("json", '[\n {\n  "a": "=1+1",\n  "b": 1.5,\n  "c": [\n   "x",\n   "y"\n  ]\n },\n {\n  "a": null,\n  "b": -2,\n  "c": null\n }\n]\n'),
    ("jsonl", '{"a": "=1+1", "b": 1.5, "c": ["x", "y"]}\n{"a": null, "b": -2, "c": null}\n'),
    ("markdown", "| a | b | c |\n|---|---|---|\n| =1+1 | 1.5 | x; y |\n|  | -2 |  |\n"),
])
def test_query_render_formats(fmt, expected):
    rows = query.Rows(["a", "b", "c"], [("=1+1", 1.5, ["x", "y"]), (None, -2, None)])
    assert query.render(rows, fmt) == expected


def test_query_views_database_file_matches_the_manifest(db):
    con = duckdb.connect(str(db / "events.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events WHERE country = 'Iraq'").fetchall() == [(2,)]
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_cells = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=_cells, actor=_cells, lon=st.floats(-180, 180, allow_nan=False))
def test_query_export_csv_round_trips_any_text(tmp_path_factory, event_row, notes, actor, lon):
    db = tmp_path_factory.mktemp("db")
    row = event_row(notes=notes or "x", actor1=actor or None, longitude=lon)
    Store(db).commit([pipeline.Result(Article(text="t", id="a1"), [row], [])])
    out = tmp_path_factory.mktemp("out") / "e.csv"
    query.export(db, "csv", out)
    with open(out, encoding="utf-8", newline="") as fh:
        [back] = list(csv.DictReader(fh))

    def expect(v: str) -> str:
        return "'" + v if query.formula_risk(v) else v
    assert back["notes"] == expect(row["notes"])
    assert back["actor1"] == (expect(actor) if actor else "")
    assert float(back["longitude"]) == lon
