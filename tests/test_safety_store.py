"""Safety, the store: never wiped, repaired from verified files, and every failure one line.

The extractors are replaced by the marker pipeline (conftest) where the CLI is not needed, so
each case costs milliseconds; the CLI cases run the real command in-process.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from events import errors, query, store
from events.article import Article
from events.cli import main
from events.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _article(n: int, date: str = "2023-12-08") -> Article:
    return Article(text=f"Report {n}: rockets hit a base.\nEVENT IRQ {date} {n}\n", id=f"a{n}",
                   origin=f"test:{n}")


def _tree(root: Path) -> dict[str, str]:
    """Every stored file with its hash (the lock and the journal's housekeeping left out)."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name not in (".lock", "journal.jsonl")}


def _events(db: Path) -> list[tuple]:
    return query.run_sql(db, "SELECT event_id_cnty, fatalities FROM events ORDER BY 1").rows


def _cli(db: Path, *args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(main, ["--db", str(db), *args])


def _one_error(result, *words: str) -> str:
    """The command failed with exit 2 and exactly one `Error:` line (no traceback)."""
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errs = [line for line in lines if line.startswith("Error: ")]
    assert len(errs) == 1 and "Traceback" not in result.output, result.output
    for word in words:
        assert word in errs[0], (word, errs[0])
    return errs[0]


@pytest.fixture
def db(tmp_path, marker_pipeline) -> Path:
    path = tmp_path / "db"
    Store(path).ingest([_article(1), _article(2, "2024-01-05")])
    return path


# --- a store is never wiped ------------------------------------------------------------------

def test_safety_store_without_manifest_refuses_writes_and_repair_rebuilds_it(db, tmp_path):
    before = _events(db)
    (db / "manifest.json").unlink()
    files = _tree(db)
    src = tmp_path / "in.txt"
    src.write_text("Bom meledak di pasar Poso pada Senin.")
    for args in (["ingest", str(src)], ["recode"], ["query", "SELECT 1"], ["export", "-o", str(tmp_path / "x.csv")],
                 ["summary"]):
        _one_error(_cli(db, *args), "no manifest.json", "events repair")
        assert _tree(db) == files                            # nothing deleted, nothing written
    with pytest.raises(errors.StoreCorruptError):
        Store(db).commit([])
    assert _tree(db) == files
    result = _cli(db, "repair")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Rebuilt manifest.json from 4 verified files: 2 articles, 2 events, 2 links")
    assert _events(db) == before
    Store(db).ingest([_article(3)])                         # writable again, nothing lost
    assert len(_events(db)) == 3
    assert _cli(db, "repair").stdout.startswith("The store is healthy")


def test_safety_store_repair_after_compaction_and_recode_keeps_the_live_rows(db, monkeypatch):
    monkeypatch.setattr(store, "MAX_FILES", 2)
    for n in range(3, 8):
        Store(db).ingest([_article(n)])                     # compactions retire small files
    Store(db).recode()                                      # retires every event and link file
    live = _events(db)
    links = query.run_sql(db, "SELECT count(*) FROM event_sources").rows
    retired = Store(db).manifest().retired
    assert retired and all((db / r["path"]).exists() for r in retired)
    (db / "manifest.json").write_text("{ torn")
    report = Store(db).repair()
    assert report.saved_manifest and (db / report.saved_manifest).read_text() == "{ torn"
    assert _events(db) == live
    assert query.run_sql(db, "SELECT count(*) FROM event_sources").rows == links
    assert query.run_sql(db, "SELECT count(*), count(DISTINCT id) FROM articles").rows == [(7, 7)]
    assert all((db / r["path"]).exists() for r in retired)  # repair deletes nothing


def test_safety_store_repair_verifies_every_file(db):
    m = Store(db).manifest()
    art = db / m.files["articles"][0]
    shutil.copy(art, db / "articles" / "copy-of-mine.parquet")            # the same articles twice
    (db / "events" / "year=2023" / "broken.parquet").write_bytes(b"PAR1 not really")
    pq.write_table(pa.table({"x": [1]}), db / "events" / "other.parquet")  # not an events file
    half = db / "event_sources" / "half.parquet"
    half.write_bytes((db / m.files["event_sources"][0]).read_bytes()[:40])
    (db / "manifest.json").unlink()
    report = Store(db).repair()
    reasons = dict(report.skipped)
    assert set(reasons) == {"articles/copy-of-mine.parquet", "events/year=2023/broken.parquet",
                            "events/other.parquet", "event_sources/half.parquet"}
    assert "rows are in a newer file" in reasons["articles/copy-of-mine.parquet"]
    assert reasons["events/year=2023/broken.parquet"].startswith("unreadable")
    assert "no 'event_id_cnty' column" in reasons["events/other.parquet"]
    assert report.rows == {"articles": 2, "events": 2, "event_sources": 2}
    assert all(p.exists() for p in (art, half, db / "events" / "other.parquet"))
    Store(db).ingest([_article(9)])                          # files left out are never deleted
    assert half.exists() and (db / "articles" / "copy-of-mine.parquet").exists()


def test_safety_store_cleanup_deletes_only_what_the_journal_records(db, monkeypatch):
    user = [db / "events" / "year=2023" / "part-000003-aaaaaaaaaaaa.parquet",
            db / "articles" / "part-000009-bbbbbbbbbbbb.parquet.tmp", db / ".events.duckdb.1234abcd.tmp"]
    for p in user:
        p.write_bytes(b"the user's")

    def crash(self, m):
        raise OSError(errno.EIO, "killed")
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_publish", crash)
        with pytest.raises(errors.StoreNotWritableError):
            Store(db).ingest([_article(3)])
    journal = [e["path"] for e in map(json.loads, (db / "journal.jsonl").read_text().splitlines())
               if e["op"] == "write"]
    orphans = [db / p for p in journal if (db / p).exists() and p not in
               {q for ps in Store(db).manifest().files.values() for q in ps}]
    assert len(orphans) == 3
    Store(db).ingest([_article(4)])
    assert not any(p.exists() for p in orphans)
    assert all(p.read_bytes() == b"the user's" for p in user)


# --- a hand-edited or damaged manifest, damaged files ------------------------------------------

@pytest.mark.parametrize("edit, where", [
    (lambda m: m["files"]["events"].append("events/notes.txt"), "files.events"),
    (lambda m: m["files"]["articles"].append("../../victim.parquet"), "files.articles"),
    (lambda m: m["files"]["events"].append("/etc/passwd"), "files.events"),
    (lambda m: m["retired"].append({"path": "../victim.parquet", "since": 0}), "retired"),
    (lambda m: m["retired"].append({"path": "events/year=2023/x.parquet", "since": "abc"}), "retired"),
    (lambda m: m["retired"].append("events/year=2023/x.parquet"), "retired"),
    (lambda m: m.update(generation="many"), "generation"),
])
def test_safety_store_hand_edited_manifest_is_one_error(db, tmp_path, edit, where):
    victim = tmp_path / "victim.parquet"
    victim.write_bytes(b"not the store's")
    m = json.loads((db / "manifest.json").read_text())
    edit(m)
    (db / "manifest.json").write_text(json.dumps(m))
    files = _tree(db)
    src = tmp_path / "in.txt"
    src.write_text("x")
    for args in (["ingest", str(src)], ["recode"], ["query", "SELECT count(*) FROM events"], ["summary"]):
        _one_error(_cli(db, *args), where, "events repair")
    assert _tree(db) == files and victim.read_bytes() == b"not the store's"


@pytest.mark.parametrize("table, damage", [
    ("events", lambda b: b[: len(b) // 2]), ("events", lambda b: b"\0" * len(b)),
    ("articles", lambda b: b[:-9]), ("event_sources", lambda b: b"garbage"),
])
def test_safety_store_damaged_live_file_is_one_error(db, tmp_path, table, damage):
    path = db / Store(db).manifest().files[table][0]
    path.write_bytes(damage(path.read_bytes()))
    files = _tree(db)
    src = tmp_path / "in.txt"
    src.write_text("Report.\nEVENT IRQ 2023-12-09 1\n")
    for args in (["query", "SELECT count(*) FROM events"], ["export", "-o", str(tmp_path / "x.csv")],
                 ["summary"], ["ingest", str(src)], ["recode"]):
        if (table != "articles" and args[0] == "ingest") or (table == "event_sources" and args[0] == "recode"):
            continue            # ingest reads only the articles files; recode replaces the links
        _one_error(_cli(db, *args), "is damaged", path.name)
        assert _tree(db) == files
    assert not (tmp_path / "x.csv").exists()


# --- every failure is one line, data intact --------------------------------------------------

def _enospc(*a, **k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("target", ["pq.write_table", "_record", "os.replace", "os.fsync"])
def test_safety_store_disk_full_at_each_write_call_is_one_error(db, tmp_path, monkeypatch, target):
    before, files = _events(db), _tree(db)
    src = tmp_path / "in.txt"
    src.write_text("Report 3.\nEVENT IRQ 2023-12-09 3\n")
    with monkeypatch.context() as patch:
        if target == "pq.write_table":
            patch.setattr(store.pq, "write_table", _enospc)
        elif target == "_record":
            patch.setattr(Store, "_record", lambda self, op, rel: _enospc())
        else:
            patch.setattr(getattr(store, target.split(".")[0]), target.split(".")[1], _enospc)
        _one_error(_cli(db, "ingest", str(src)), "no space left on the device", "nothing stored was changed")
    assert _events(db) == before
    assert {k: v for k, v in _tree(db).items() if k in files} == files      # no stored file changed
    assert _cli(db, "ingest", str(src)).exit_code in (0, 1)     # free space again: it goes on
    assert len(_events(db)) == 3
    assert not [p for p in db.rglob("*.tmp")]


def test_safety_store_disk_full_while_rebuilding_the_views_is_one_error(db, tmp_path, monkeypatch):
    src = tmp_path / "in.txt"
    src.write_text("Report 3.\nEVENT IRQ 2023-12-09 3\n")
    real = duckdb.connect

    def full(path=":memory:", *a, **k):
        if str(path).endswith(".tmp"):
            raise duckdb.IOException("IO Error: Could not write file: No space left on device")
        return real(path, *a, **k)
    with monkeypatch.context() as patch:
        patch.setattr(duckdb, "connect", full)
        _one_error(_cli(db, "ingest", str(src)), "events.duckdb could not be refreshed", "No space left")
    assert len(_events(db)) == 3                           # the data itself was published
    assert not Store(db).views_fresh()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _cli(db, "ingest", str(empty)).exit_code == 0 and Store(db).views_fresh()
    assert not [p for p in db.iterdir() if p.name.endswith(".tmp")]


def test_safety_store_read_only_folder_is_one_error(db, tmp_path, monkeypatch):
    files = _tree(db)
    src = tmp_path / "in.txt"
    src.write_text("x")

    def read_only(*a, **k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))
    with monkeypatch.context() as patch:
        patch.setattr(store.filelock.FileLock, "acquire", read_only)
        for args in (["recode"], ["ingest", str(src)], ["repair"]):
            _one_error(_cli(db, *args), "Read-only file system")
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_record", lambda self, op, rel: read_only())
        _one_error(_cli(db, "recode"), "Read-only file system", "nothing stored was changed")
    assert _tree(db) == files


def test_safety_store_lock_that_is_a_folder_is_one_error(db, tmp_path):
    (db / ".lock").unlink(missing_ok=True)
    (db / ".lock").mkdir()
    src = tmp_path / "in.txt"
    src.write_text("x")
    for args in (["ingest", str(src)], ["recode"], ["repair"]):
        _one_error(_cli(db, *args), ".lock is a folder", "remove it")
    assert _cli(db, "query", "SELECT count(*) FROM events").exit_code == 0    # reading needs no lock


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf", "1e999"])
def test_safety_store_bad_lock_timeout_is_one_error(db, tmp_path, value):
    src = tmp_path / "in.txt"
    src.write_text("x")
    for args in (["ingest", str(src)], ["recode"]):
        _one_error(_cli(db, *args, env={"EVENTS_LOCK_TIMEOUT": value}), "EVENTS_LOCK_TIMEOUT", "not a number")
    assert _cli(db, "query", "SELECT 1", env={"EVENTS_LOCK_TIMEOUT": value}).exit_code == 0


# --- export: never into the store, no temp file left for good ---------------------------------

def test_safety_store_export_refuses_the_store_folder(db, tmp_path):
    files = _tree(db)
    live = db / Store(db).manifest().files["events"][0]
    link = tmp_path / "innocent.csv"
    link.symlink_to(db / "manifest.json")
    folder_link = tmp_path / "folder"
    folder_link.symlink_to(db / "events")
    for out in (db / "x.csv", live, db / "manifest.json", db / "events" / "new.parquet", link,
                folder_link / "y.csv"):
        _one_error(_cli(db, "export", "--force", "-o", str(out)), "inside the store")
    assert _tree(db) == files


def test_safety_store_killed_export_leaves_no_temp_file_for_good(db, tmp_path):
    out = tmp_path / "out" / "e.csv"
    out.parent.mkdir()
    marker = tmp_path / "copying"
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from events import query
        real_open = query._open
        class Slow:
            def __init__(self, con): self.con = con
            def __getattr__(self, name): return getattr(self.con, name)
            def execute(self, sql, *a):
                if sql.startswith("COPY"):
                    open({str(marker)!r}, "w").close()
                    time.sleep(60)
                return self.con.execute(sql, *a)
        def slow_open(*a, **k):
            con, files = real_open(*a, **k)
            return Slow(con), files
        query._open = slow_open
        query.export({str(db)!r}, "csv", {str(out)!r})
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        for _ in range(600):
            if marker.exists() or proc.poll() is not None:
                break
            __import__("time").sleep(0.05)
        assert marker.exists()
        held = [p for p in out.parent.iterdir()]
        assert len(held) == 1 and held[0].name.startswith(".e.csv.")     # the claimed temp file
        # while the export runs, another export keeps its temp file (it is locked)
        other = tmp_path / "out" / "f.csv"
        query.export(db, "csv", out.with_name("e.csv"))
        assert held[0].exists()
        out.unlink()
        del other
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert held[0].exists()                                   # the kill left it behind ...
    assert query.export(db, "csv", out) == 2                  # ... and the next run clears it
    assert sorted(p.name for p in out.parent.iterdir()) == ["e.csv"]


def test_safety_store_export_disk_full_leaves_nothing(db, tmp_path, monkeypatch):
    out = tmp_path / "e.csv"
    with monkeypatch.context() as patch:
        patch.setattr(query.os, "replace", _enospc)
        with pytest.raises(errors.QueryError, match="cannot write .*No space left"):
            query.export(db, "csv", out, bom=True)
    assert list(tmp_path.iterdir()) == [db]


def test_safety_store_repair_without_a_store_says_so(tmp_path):
    _one_error(_cli(tmp_path / "none", "repair"), "no store at")
    assert not (tmp_path / "none").exists()


def test_safety_store_article_that_cannot_be_stored_is_rejected_not_the_batch(db):
    bad = Article(text="Report 5.\nEVENT IRQ 2023-12-09 5\n", id="a5", title="Judul \udc00", origin="api:5")
    report = Store(db).ingest([_article(3), bad, _article(4)])
    assert (report.new, [str(r) for r in report.rejected]) == (
        2, [f"api:5: {errors.lone_surrogate('title', 6)}"])
    assert len(_events(db)) == 4


def test_safety_store_first_write_killed_before_publishing_is_not_a_lost_manifest(tmp_path, marker_pipeline,
                                                                                   monkeypatch):
    db = tmp_path / "new"
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_publish", lambda self, m: _enospc())      # killed before publishing
        with pytest.raises(errors.StoreNotWritableError):
            Store(db).ingest([_article(1)])
    orphans = list(db.rglob("*.parquet"))
    assert len(orphans) == 3 and not (db / "manifest.json").exists()
    report = Store(db).ingest([_article(1), _article(2)])   # a new store: the orphans go
    assert report.new == 2 and not any(p.exists() for p in orphans)
    assert len(_events(db)) == 2
    (db / "manifest.json").unlink()                          # once published, a lost manifest is refused
    with pytest.raises(errors.StoreCorruptError, match="no manifest.json"):
        Store(db).ingest([_article(3)])


def test_safety_store_undated_rows_are_stored_not_dropped(tmp_path, event_row):
    from events import pipeline
    rows = [event_row(), event_row(event_id_cnty="IRQ0000000009", event_date=None, year=None, time_precision=None)]
    Store(tmp_path / "db").commit([pipeline.Result(Article(text="t", id="a1"), rows, [])])
    assert query.run_sql(tmp_path / "db", "SELECT event_id_cnty, year FROM events ORDER BY 1").rows == [
        ("IRQ0000000001", 2023), ("IRQ0000000009", None)]
    con = duckdb.connect(str(tmp_path / "db" / "events.duckdb"), read_only=True)
    assert con.execute("SELECT typeof(year) FROM events LIMIT 1").fetchall() == [("SMALLINT",)]  # not a path part
    con.close()
