"""Safety, SQL: `events query` and `events.api.connect()` cannot write anything, anywhere.

Each statement is tried through the CLI (`events query`) and on a connection from
`events.api.connect()`. After each one, every file of the store has the same hash, and no file
appears in the store, in DuckDB's temp folder `./.tmp`, or in a folder elsewhere.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from events import api, errors, pipeline, query
from events.article import Article
from events.cli import main
from events.store import Store


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """(store folder, a folder elsewhere, the working folder), the store holding two events."""
    from conftest import make_event_row

    root = tmp_path_factory.mktemp("sql")
    db, elsewhere, cwd = root / "db", root / "elsewhere", root / "cwd"
    elsewhere.mkdir()
    cwd.mkdir()
    rows = [make_event_row(), make_event_row(event_id_cnty="IRQ0000000002", notes="second")]
    Store(db).commit([pipeline.Result(Article(text="one", id="a1"), rows, [])])
    return db, elsewhere, cwd


def _statements(db: Path, elsewhere: Path) -> list[str]:
    live = str(Store(db).live_files("events")[0])
    out = str(elsewhere / "out.parquet")
    copy_live = f"COPY (SELECT 1 AS x) TO '{live}' (FORMAT parquet, USE_TMP_FILE false)"
    return [
        f"EXPLAIN ANALYZE {copy_live}", f"EXPLAIN {copy_live}", copy_live,
        f"/* hidden */ EXPLAIN (FORMAT json) ANALYZE {copy_live}",
        f"COPY events TO '{db}/events/extra.parquet' (FORMAT parquet)",
        f"COPY events TO '{db / 'manifest.json'}' (FORMAT csv)",
        "COPY events TO '.tmp/x.csv'", "COPY (SELECT 1) TO './.tmp/y.parquet' (FORMAT parquet)",
        f"COPY events TO '{out}' (FORMAT parquet)", f"COPY (SELECT 42) TO '{elsewhere}/x.csv'",
        f"SELECT 1; COPY events TO '{out}'", f"SELECT 1; EXPLAIN ANALYZE {copy_live}",
        f"EXPORT DATABASE '{elsewhere}/dump'",
        "CREATE TABLE t AS SELECT 1", "CREATE VIEW v AS SELECT 1", "CREATE SECRET s (TYPE s3, KEY_ID 'k')",
        "CREATE PERSISTENT SECRET p (TYPE s3, KEY_ID 'k')",
        "INSERT INTO events SELECT * FROM events",
        f"ATTACH '{elsewhere}/new.duckdb' AS n", f"ATTACH '{db / 'events.duckdb'}' AS v",
        "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true", "RESET enable_external_access",
        f"SET temp_directory = '{elsewhere}'", f"PRAGMA temp_directory = '{elsewhere}'",
        "PRAGMA enable_profiling", f"SET profiling_output = '{elsewhere}/p.json'",
        "CALL pragma_version()", "CALL duckdb_secrets()", "CHECKPOINT", "VACUUM",
        f"SELECT * FROM read_parquet('{live}')", "SELECT * FROM read_text('/etc/hostname')",
        f"SELECT * FROM glob('{db}/*')", "SELECT getenv('HOME')", "DROP VIEW events",
        # the views read the live files through a read-only filesystem under a private scheme:
        # its URLs are allowed for reading, never for writing, moving or listing
        *_through_the_views_scheme(db),
    ]


def _through_the_views_scheme(db: Path) -> list[str]:
    rel = Store(db).manifest().files["events"][0]
    url, other = f"{query.SCHEME}://{rel}", f"{query.SCHEME}://events/new.parquet"
    return [
        f"COPY (SELECT 1 AS x) TO '{url}' (FORMAT parquet, USE_TMP_FILE false)",
        f"COPY (SELECT 1 AS x) TO '{url}' (FORMAT parquet)", f"COPY events TO '{url}' (FORMAT csv)",
        f"COPY (SELECT 1 AS x) TO '{other}' (FORMAT parquet)",
        f"EXPLAIN ANALYZE COPY (SELECT 1 AS x) TO '{url}' (FORMAT parquet, USE_TMP_FILE false)",
        f"ATTACH '{url}' AS lf", "CREATE TABLE lf.t AS SELECT 1", "DETACH lf",
        f"ATTACH '{other}' AS nf", f"SELECT * FROM glob('{query.SCHEME}://*')",
        f"SELECT * FROM glob('{query.SCHEME}://events/*')",
        "SET disabled_filesystems = ''", "RESET disabled_filesystems", f"SET allowed_directories = ['{db}']",
        f"SET allowed_paths = ['{db / rel}']",
    ]


def _assert_untouched(db: Path, elsewhere: Path, cwd: Path, before: dict[str, str]) -> None:
    assert _tree(db) == before
    assert list(elsewhere.iterdir()) == []
    assert list(cwd.iterdir()) == []                    # no ./.tmp, nothing else


def test_safety_sql_query_command_refuses_every_write(place, monkeypatch):
    db, elsewhere, cwd = place
    monkeypatch.chdir(cwd)
    before = _tree(db)
    statements = _statements(db, elsewhere)
    for sql in statements:
        for args, stdin in (([sql], None), *((["-"], sql),) * (sql in statements[:4] + statements[-4:])):
            result = CliRunner().invoke(main, ["--db", str(db), "query", *args], input=stdin)
            assert result.exit_code == 2, (sql, result.output)
            assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1, sql
            assert result.exception is None or isinstance(result.exception, SystemExit)
            _assert_untouched(db, elsewhere, cwd, before)
    ok = CliRunner().invoke(main, ["--db", str(db), "query", "SELECT count(*) AS n FROM events", "--format", "csv"])
    assert (ok.exit_code, ok.output) == (0, "n\n2\n")


def test_safety_sql_api_connection_cannot_write_by_construction(place, monkeypatch):
    """Statements run straight on the connection (no parser check): the sandbox alone holds."""
    db, elsewhere, cwd = place
    monkeypatch.chdir(cwd)
    before = _tree(db)
    con = api.connect(db)                               # one connection: state could build up
    for sql in _statements(db, elsewhere):
        try:
            con.execute(sql)
        except duckdb.Error:
            pass                                        # refused by DuckDB: fine
        _assert_untouched(db, elsewhere, cwd, before)
    con.close()
    con = api.connect(db)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        con.execute(f"COPY events TO '{elsewhere}/z.csv'")
    con.close()
    _assert_untouched(db, elsewhere, cwd, before)


@pytest.mark.parametrize("target", ["url", "path"])
@pytest.mark.parametrize("tmp_file", ["false", "true"])
def test_safety_sql_copy_onto_a_live_file_fails_and_leaves_it_unchanged(place, monkeypatch, target, tmp_file):
    """The files the views read natively cannot be overwritten, by their scheme URL or their real path."""
    db, elsewhere, cwd = place
    monkeypatch.chdir(cwd)
    before = _tree(db)
    rel = Store(db).manifest().files["events"][0]
    name = f"{query.SCHEME}://{rel}" if target == "url" else str(db / rel)
    con = api.connect(db)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]     # read through it
    with pytest.raises(duckdb.Error):
        con.execute(f"COPY (SELECT 1 AS x) TO '{name}' (FORMAT parquet, USE_TMP_FILE {tmp_file})")
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    con.close()
    _assert_untouched(db, elsewhere, cwd, before)


@pytest.mark.parametrize("sql", [
    "SELECT count(*) FROM events", "WITH a AS (SELECT 1 AS x) SELECT * FROM a", "FROM events LIMIT 1",
    "DESCRIBE events", "SHOW TABLES", "SUMMARIZE events", "EXPLAIN SELECT * FROM events",
    "EXPLAIN ANALYZE SELECT count(*) FROM events", "-- note\nEXPLAIN (FORMAT json) SELECT 1",
    "SELECT 1; SELECT 2",
])
def test_safety_sql_reads_still_run(place, sql):
    db, _, _ = place
    rows = query.run_sql(db, sql)
    assert rows.columns and rows.rows


@pytest.mark.parametrize("sql, kind", [
    ("EXPLAIN ANALYZE COPY (SELECT 1) TO 'x.parquet'", "EXPLAIN COPY"),
    ("EXPLAIN CREATE TABLE t AS SELECT 1", "EXPLAIN CREATE"),
    ("SELECT 1; PRAGMA version", "PRAGMA"), ("CALL pragma_version()", "CALL"),
    ("SELECT 1; COPY events TO 'x.csv'", "COPY"), ("RESET threads", "SET"),
])
def test_safety_sql_parser_names_the_refused_statement(place, sql, kind):
    db, _, _ = place
    with pytest.raises(errors.QueryError, match=f"only read queries are allowed \\(got {kind}\\)"):
        query.run_sql(db, sql)


def test_safety_sql_export_writes_only_its_own_file(place, tmp_path):
    db, _, _ = place
    before = _tree(db)
    out = tmp_path / "e.parquet"
    assert query.export(db, "parquet", out) == 2
    assert sorted(os.listdir(tmp_path)) == ["e.parquet"]
    assert _tree(db) == before
