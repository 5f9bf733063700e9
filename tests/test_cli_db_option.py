"""`--db` is accepted after the command as well as before it, and DuckDB draws no progress bar
on stdout (it would land inside CSV or JSON output)."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from conftest import make_event_row
from events import pipeline, query
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    base = tmp_path_factory.mktemp("dbopt")
    one, two = base / "one", base / "two"
    Store(one).commit([pipeline.Result(Article(text="a", id="a1"), [make_event_row()], [])])
    rows = [make_event_row(event_id_cnty="IRQ0000000002"),
            make_event_row(event_id_cnty="IRQ0000000003", event_date=dt.date(2024, 1, 2))]
    Store(two).commit([pipeline.Result(Article(text="b", id="b1"), rows, [])])
    return one, two


def _events(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[1]


@pytest.mark.parametrize("where", ["before", "after", "after="])
def test_cli_db_option_before_or_after_the_command(dbs, where):
    one, _ = dbs
    args = {"before": ["--db", str(one), "summary", "--format", "csv"],
            "after": ["summary", "--format", "csv", "--db", str(one)],
            "after=": ["summary", f"--db={one}", "--format", "csv"]}[where]
    assert _events(CliRunner().invoke(main, args, env={"EVENTS_DB": None})) == "Middle East,1,0,0,100.0"


def test_cli_db_option_after_the_command_wins_over_before_and_the_environment(dbs):
    one, two = dbs
    result = CliRunner().invoke(main, ["--db", str(one), "summary", "--db", str(two), "--format", "csv"],
                                env={"EVENTS_DB": str(one)})
    assert _events(result) == "Middle East,2,0,0,100.0"


@pytest.mark.parametrize("command", ["summary", "export", "query", "report", "ingest", "show", "repair"])
def test_cli_db_option_in_the_help_of_store_commands(command):
    assert "--db DIRECTORY" in CliRunner().invoke(main, [command, "--help"]).output


@pytest.mark.parametrize("command", ["extract", "geocode", "schema", "evaluate"])
def test_cli_db_option_not_on_commands_that_open_no_store(command):
    result = CliRunner().invoke(main, [command, "--db", "x", "--help"])
    assert result.exit_code == 2 and "No such option '--db'" in result.output


def test_cli_db_option_duckdb_progress_bar_is_off(dbs):
    con = query.connect(dbs[0])
    try:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
    finally:
        con.close()
