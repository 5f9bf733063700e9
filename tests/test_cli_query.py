"""`events query`, `export`, `summary` through click, and --help for every command."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from events import pipeline
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture
def db(tmp_path, event_row):
    path = tmp_path / "db"
    rows = [event_row(event_id_cnty="IRQ0000000001", fatalities=2, notes="-rockets"),
            event_row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 2, 1), fatalities=1),
            event_row(event_id_cnty="NGA0000000003", event_date=dt.date(2024, 1, 5), iso=566,
                      region="Western Africa", country="Nigeria", admin1="Borno", fatalities=7)]
    Store(path).commit([pipeline.Result(Article(text="a", id="a1"), rows, [])])
    return path


def _run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_cli_every_command_has_help_with_an_example():
    runner = CliRunner()
    assert "Example" in runner.invoke(main, ["--help"]).output
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "country,n\nIraq,2\nNigeria,1\n"),
    ("jsonl", '{"country": "Iraq", "n": 2}\n{"country": "Nigeria", "n": 1}\n'),
    ("json", '[\n {\n  "country": "Iraq",\n  "n": 2\n },\n {\n  "country": "Nigeria",\n  "n": 1\n }\n]\n'),
    ("markdown", "| country | n |\n|---|---|\n| Iraq | 2 |\n| Nigeria | 1 |\n"),
])
def test_cli_query_formats(db, fmt, expected):
    result = _run(db, "query", "SELECT country, count(*) AS n FROM events GROUP BY ALL ORDER BY 1", "--format", fmt)
    assert (result.exit_code, result.stdout) == (0, expected)


def test_cli_query_defaults_to_csv_when_piped_and_table_on_request(db):
    assert _run(db, "query", "SELECT 1 AS x").stdout == "x\n1\n"
    table = _run(db, "query", "SELECT 'Iraq' AS country", "--format", "table").stdout
    assert "country" in table and "Iraq" in table and "┃" in table


def test_cli_query_refuses_writes_with_advice(db):
    result = _run(db, "query", "COPY events TO 'x.csv'")
    assert result.exit_code == 2
    assert result.stderr == ("Error: only read queries are allowed (got COPY); use SELECT, WITH, "
                             "DESCRIBE or SHOW, and `events export` to write files\n")


def test_cli_export_csv_with_filters(db, tmp_path):
    out = tmp_path / "x.csv"
    result = _run(db, "export", "--output", str(out), "--country", "IRQ", "--since", "2023-01-01")
    assert (result.exit_code, result.stdout) == (0, f"Wrote 2 events to {out}.\n")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[1].startswith("IRQ0000000001,2023-12-08,2023,")
    assert ",'-rockets," in lines[1]
    again = _run(db, "export", "--output", str(out))
    assert again.exit_code == 2
    assert again.stderr == f"Error: {out} already exists; choose another --output or add --force to overwrite it\n"
    assert _run(db, "export", "--output", str(out), "--force").stdout == f"Wrote 3 events to {out}.\n"


def test_cli_export_bad_filter_is_one_line(db, tmp_path):
    result = _run(db, "export", "--output", str(tmp_path / "x.csv"), "--country", "Atlantis")
    assert result.exit_code == 2
    assert result.stderr == ("Error: unknown country 'Atlantis'; use an ACLED country name "
                             "(e.g. 'Iraq') or an ISO code (IRQ, IQ)\n")


def test_cli_summary_csv_combined_dimensions_zero_filled(db):
    result = _run(db, "summary", "--by", "region", "--by", "month", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "region,month,events,fatalities,injuries,share_pct\n"
        "Middle East,2023-12,1,2,0,33.3\nMiddle East,2024-01,0,0,0,0.0\nMiddle East,2024-02,1,1,0,33.3\n"
        "Western Africa,2023-12,0,0,0,0.0\nWestern Africa,2024-01,1,7,0,33.3\nWestern Africa,2024-02,0,0,0,0.0\n")


def test_cli_summary_table_has_total_row(db):
    out = _run(db, "summary", "--by", "country", "--format", "table").stdout
    assert "Events by country" in out
    lines = [line for line in out.splitlines() if "Total" in line]
    assert len(lines) == 1 and "10" in lines[0] and "100.0" in lines[0]


def test_cli_summary_on_empty_store_prints_empty_table_and_note(tmp_path):
    result = _run(tmp_path / "fresh", "summary", "--by", "region", "--format", "table")
    assert result.exit_code == 0
    assert "region" in result.stdout and "Total" in result.stdout
    assert result.stderr == (f"No events stored in {tmp_path / 'fresh'} yet: ingest articles with "
                             f"`events ingest PATH`.\n")


def test_cli_summary_rejects_unknown_dimension(db):
    result = _run(db, "summary", "--by", "planet")
    assert result.exit_code == 2 and result.stderr.startswith("Error: unknown --by 'planet'; choose one of: region,")


def test_cli_query_reads_sql_from_stdin(db):
    result = CliRunner().invoke(main, ["--db", str(db), "query", "-", "--format", "csv"],
                                input="SELECT count(*) AS n FROM events")
    assert (result.exit_code, result.stdout) == (0, "n\n3\n")
