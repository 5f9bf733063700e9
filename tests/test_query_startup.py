"""query start-up: a query builds only the views it names, summary and export read the files
with DuckDB's own reader, and running a command reads only the CLI modules naming it."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from events import cli, errors, pipeline, query
from events.article import Article
from events.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path, event_row):
    """A store with two events in Iraq (2023) and one in Nigeria (2024)."""
    import datetime as dt

    path = tmp_path / "db"
    rows = [event_row(event_id_cnty="IRQ0000000001", fatalities=3),
            event_row(event_id_cnty="IRQ0000000002", fatalities=1, admin1="Anbar"),
            event_row(event_id_cnty="NGA0000000003", event_date=dt.date(2024, 2, 1), iso=566,
                      region="Western Africa", country="Nigeria", admin1="Borno", fatalities=0)]
    Store(path).commit([pipeline.Result(Article(text="Rockets hit the embassy.", id="a1"), rows, [])])
    return path


@pytest.mark.parametrize("sql, tables", [
    ("SELECT 1", ()),
    ("select 41 + 1 AS answer -- no table here", ()),
    ("SELECT count(*) FROM events", ("events",)),
    ("from EVENTS limit 1", ("events",)),
    ('SELECT * FROM "coded_events"', ("events",)),
    ("SELECT * FROM event_origin JOIN corrections USING (event_id_cnty)", ("events",)),
    ("SELECT count(*) FROM event_sources", ("event_sources",)),           # not the events view
    ("SELECT a.id FROM articles a JOIN event_sources s ON s.article_id = a.id", ("articles", "event_sources")),
    ("SELECT * FROM query_table('deletions')", ("events",)),               # names in strings count
    ("SHOW TABLES", query.TABLES),
    ("DESCRIBE SELECT 1", query.TABLES),
    ("SELECT view_name FROM duckdb_views()", query.TABLES),
    ("SELECT table_name FROM information_schema.tables", query.TABLES),
    ("select eventsx, my_events from t", ()),                              # whole words only
])
def test_query_tables_named(sql, tables):
    assert query.tables_named(sql) == tables


def test_query_select_one_reads_no_table_file(db):
    """A statement naming no view binds no footer: a damaged events file (past the checks made
    on every live file at connect) does not stop it, and is still one error where it is read."""
    path = db / Store(db).manifest().files["events"][0]
    data = bytearray(path.read_bytes())
    footer = int.from_bytes(data[-8:-4], "little")
    data[-8 - footer:-8] = b"\xff" * footer        # its metadata, not its length or magic: the quick check passes
    path.write_bytes(bytes(data))
    assert query.run_sql(db, "SELECT 1 AS x").rows == [(1,)]
    with pytest.raises(errors.EventsError):
        query.run_sql(db, "SELECT sum(fatalities) FROM events")


@pytest.mark.parametrize("sql, expected", [
    ("SELECT count(*) FROM query_table('ev' || 'ents')", [(3,)]),          # a name built in the query
    ("SELECT count(*) FROM query('SELECT * FROM art' || 'icles')", [(1,)]),
])
def test_query_name_made_at_run_time_gets_every_view(db, sql, expected):
    assert query.tables_named(sql) == ()
    assert query.run_sql(db, sql).rows == expected


def test_query_unknown_table_is_still_one_error(db):
    with pytest.raises(errors.QueryError, match="nowhere"):
        query.run_sql(db, "SELECT * FROM nowhere")


@pytest.mark.parametrize("sql", ["SHOW TABLES", "SELECT view_name AS name FROM duckdb_views() WHERE NOT internal"])
def test_query_catalog_lists_every_view(db, sql):
    names = {r[0] for r in query.run_sql(db, sql).rows}
    assert {"events", "articles", "event_sources", "coded_events", "corrections", "deletions",
            "event_origin"} <= names


def test_query_summary_and_export_match_the_sandboxed_views(db, tmp_path):
    """summary and export read the files directly; they give what the sandboxed views give."""
    by_sql = query.run_sql(db, "SELECT region, count(*), sum(fatalities) FROM events GROUP BY ALL ORDER BY 2 DESC")
    by_summary = query.summary(db, ["region"])
    assert [r[:3] for r in by_summary.rows] == by_sql.rows
    out = tmp_path / "all.csv"
    assert query.export(db, "csv", out) == 3
    assert out.read_text(encoding="utf-8").count("\n") == 4


def _loaded(argv: list[str], modules: tuple[str, ...]) -> list[str]:
    code = textwrap.dedent(f"""
        import sys
        from events.cli import main
        try:
            main({argv!r}, standalone_mode=False)
        finally:
            print("LOADED", *sorted(m for m in {modules!r} if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}).stdout
    return out.strip().splitlines()[-1].split()[1:]


HEAVY = ("pyarrow", "pandas", "fsspec", "rich", "events.store", "events.pipeline")


@pytest.mark.parametrize("args, absent", [
    (["query", "SELECT 1", "--format", "csv"], HEAVY + ("duckdb",)),    # the engine only, not its Python layer
    (["query", "SELECT count(*) FROM events", "--format", "csv"], HEAVY[:2] + HEAVY[3:]),
    (["summary", "--by", "region", "--format", "csv"], HEAVY),
])
def test_query_commands_import_only_what_they_use(db, args, absent):
    assert _loaded(["--db", str(db), *args], absent) == []


def test_query_select_one_without_a_store_imports_no_store(tmp_path):
    assert _loaded(["--db", str(tmp_path / "none"), "query", "SELECT 1"], HEAVY) == []


def test_cli_find_agrees_with_the_whole_listing():
    for name, entry in cli.listing().items():
        assert cli._find(name) == entry
    assert cli._find("no-such-command") is None


def test_query_connection_handed_out_scans_arrow_and_frames(db):
    """query.connect's connection does what a duckdb one does (duckdb's Python layer loaded),
    though a query on the command line loads only the engine."""
    code = textwrap.dedent(f"""
        import pyarrow as pa
        from events import query
        con = query.connect({str(db)!r})
        con.register("extra", pa.table({{"x": [1, 2]}}))
        print(con.execute("SELECT sum(x) FROM extra").fetchall()[0][0], len(con.execute("FROM events").df()))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["3", "3"]
