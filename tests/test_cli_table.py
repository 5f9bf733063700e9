"""`events query` (and `summary`) as a table on a terminal: as wide as the terminal, long cells
cut with an ellipsis, the columns that do not fit left out and named on stderr with a hint for
`--format`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import make_event_row as row
from events import pipeline
from events.article import Article
from events.cli import main
from events.cli.output import MIN_FIT, fitted_columns, shared_widths
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("table") / "db"
    notes = "A long note about an armed group firing rockets at a compound near the river, " * 3
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), [row(notes=notes)], [])])
    return path


def _table(db, sql, width):
    return CliRunner().invoke(main, ["--db", str(db), "query", sql, "--format", "table"],
                              env={"COLUMNS": str(width)})


@pytest.mark.parametrize("width", [40, 80, 120])
def test_cli_table_every_column_fits_the_terminal(db, width):
    result = _table(db, "SELECT * FROM events", width)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    assert "event_id_cnty" in lines[1]                     # the first columns are the ones kept
    hidden = result.stderr.strip()
    assert hidden.endswith(f"the terminal is {width} characters wide; use --format csv, json, jsonl or "
                           f"markdown for every column, or select fewer")
    total = len(CliRunner().invoke(main, ["--db", str(db), "query", "SELECT * FROM events LIMIT 0",
                                          "--format", "csv"]).stdout.strip().split(","))
    shown = lines[1].count("┃") - 1
    assert hidden.startswith(f"{total - shown} of {total} columns not shown (")


def test_cli_table_cuts_a_long_cell_with_an_ellipsis(db):
    result = _table(db, "SELECT event_id_cnty, notes FROM events", 80)
    assert result.exit_code == 0 and result.stderr == ""
    body = [line for line in result.stdout.splitlines() if "IRQ0000000001" in line]
    assert len(body) == 1 and "…" in body[0] and "A long note" in body[0]     # one line, not wrapped


def test_cli_table_that_fits_is_whole_and_says_nothing(db):
    result = _table(db, "SELECT country, fatalities FROM events", 80)
    assert result.exit_code == 0 and result.stderr == ""
    assert "Iraq" in result.stdout and "…" not in result.stdout


def test_cli_table_summary_fits_too(db):
    result = CliRunner().invoke(main, ["--db", str(db), "summary", "--by", "country", "--by", "admin1",
                                       "--format", "table"], env={"COLUMNS": "50"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 50


@pytest.mark.parametrize("widths, terminal, shown", [
    ([10, 10, 10], 100, 3),
    ([40, 40, 40, 40], 40, 2),          # each needs MIN_FIT + border
    ([200], 20, 1),                      # one column at least, whatever the terminal
    ([5, 5, 5, 5, 5, 5], 30, 3),
])
def test_cli_table_fitted_columns(widths, terminal, shown):
    assert fitted_columns(widths, terminal) == shown


@pytest.mark.parametrize("widths, room, expected", [
    ([10, 20], 40, [10, 20]),
    ([10, 40, 30], 60, [10, 25, 25]),           # the widest cut first, to one width
    ([40, 40], 10, [MIN_FIT, MIN_FIT]),        # never below MIN_FIT (rich cuts the rest)
])
def test_cli_table_shared_widths(widths, room, expected):
    assert shared_widths(widths, room) == expected


def test_cli_table_extract_fits_too():
    result = CliRunner().invoke(main, ["extract", "-", "--format", "table", "--jobs", "1"],
                                input="BAGHDAD, 8 Dec 2023 - Rockets struck a market in Baghdad on Friday, "
                                      "killing two people, police said.\n", env={"COLUMNS": "70"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 70 and "Baghdad" in result.stdout
    assert "columns not shown" in result.stderr and "use --format jsonl for every column" in result.stderr
