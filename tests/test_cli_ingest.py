"""`events ingest` and `events recode` through click: exact output and exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from events import errors, pipeline
from events.cli import main

TEXT = "Gunmen killed three villagers in Borno State on Tuesday.\nEVENT NGA 2024-02-20 3\n"


def _run(db, *args, input=None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)


def test_cli_ingest_folder_summary_and_idempotence(tmp_path, marker_pipeline):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT)
    (src / "sub" / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Other.\nEVENT IRQ 2023-12-08 0"}) + "\n")
    db = tmp_path / "db"
    first = _run(db, "ingest", str(src))
    assert (first.exit_code, first.stdout, first.stderr) == (
        0, "2 articles read: 2 new, 0 already stored, 0 rejected; 2 events written\n", "0 articles gave no row\n")
    again = _run(db, "ingest", str(src))
    assert again.stdout == "2 articles read: 0 new, 2 already stored, 0 rejected; 0 events written\n"
    assert again.exit_code == 0


def test_cli_ingest_reports_each_rejection_and_exits_1(tmp_path, marker_pipeline):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(TEXT)
    (src / "empty.txt").write_bytes(b"")
    (src / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (src / "items.jsonl").write_text('{"id": "x", "text": "ok text"}\n{"id": broken}\n')
    result = _run(tmp_path / "db", "ingest", str(src))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"rejected {src / 'empty.txt'}: {errors.EMPTY}",
        f"rejected {src / 'items.jsonl'}:2: broken JSON (Expecting value at column 8)",
        f"rejected {src / 'pic.png'}: {errors.binary('PNG image')}",
        "0 articles gave no row",
    ]
    assert result.stdout == ("5 articles read: 2 new, 0 already stored, 3 rejected; 1 event written "
                             "(rejected: 1 empty file, 1 broken JSON, 1 binary file)\n")


def test_cli_ingest_stdin(tmp_path, marker_pipeline):
    result = _run(tmp_path / "db", "ingest", "-", input=json.dumps({"id": "s", "text": TEXT}) + "\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 article read: 1 new")


def test_cli_ingest_missing_path_is_a_usage_error(tmp_path):
    result = _run(tmp_path / "db", "ingest", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope'} does not exist; check the path\n"
    assert not (tmp_path / "db").exists()


def test_cli_ingest_db_that_is_a_file_is_fatal(tmp_path):
    (tmp_path / "f").write_text("x")
    (tmp_path / "a.txt").write_text(TEXT)
    result = _run(tmp_path / "f", "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "Error: Invalid value for '--db'" in result.stderr
    assert "is a file" in result.stderr and "Traceback" not in result.output


def test_cli_ingest_pipeline_errors_are_warnings_and_the_article_is_kept(tmp_path, monkeypatch):
    def failing(article, stages=None):
        return pipeline.Result(article, [], ["stage 'places' failed: KeyError: 'x'"])
    monkeypatch.setattr(pipeline, "run_article", failing)
    (tmp_path / "a.txt").write_text(TEXT)
    result = _run(tmp_path / "db", "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"warning {tmp_path / 'a.txt'}: stage 'places' failed: KeyError: 'x'"


@pytest.mark.parametrize("limit, code", [("100", 1), ("100000", 0)])
def test_cli_ingest_max_bytes(tmp_path, marker_pipeline, limit, code):
    (tmp_path / "a.txt").write_text(TEXT * 3)
    result = _run(tmp_path / "db", "ingest", "--max-bytes", limit, str(tmp_path / "a.txt"))
    assert result.exit_code == code


def test_cli_recode_replaces_rows(tmp_path, marker_pipeline, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT)
    db = tmp_path / "db"
    _run(db, "ingest", str(tmp_path / "a.txt"))
    monkeypatch.setattr(pipeline, "run_article", lambda a, stages=None: pipeline.Result(a, [], []))
    result = _run(db, "recode")
    assert (result.exit_code, result.stdout) == (0, "1 article recoded: 1 event before, 0 after\n")
    assert _run(db, "query", "SELECT count(*) AS n FROM events", "--format", "csv").stdout == "n\n0\n"
