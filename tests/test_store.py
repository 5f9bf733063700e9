"""store: atomic publish, idempotent ingest, recode, orphans, compaction, kill and concurrency."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from events import errors, pipeline, store
from events.article import Article
from events.store import Store

TESTS = Path(__file__).resolve().parent


def _article(n: int, country: str = "IRQ", date: str = "2023-12-08", deaths: int = 1, **kw) -> Article:
    text = f"Report {n}: rockets hit a base.\nEVENT {country} {date} {deaths}\n"
    return Article(text=text, origin=f"test:{n}", **kw)


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect()
    try:
        views = Store(db).view_statements()
        for v in views:
            con.execute(v)
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_store_ingest_writes_articles_events_and_links_in_one_manifest(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    report = Store(db).ingest([_article(1), _article(2, "IDN", "2024-01-02", 3),
                               _article(3, "NGA", "2022-05-01", 0, id="ext-3", source="AP")])
    assert (report.read, report.new, report.already, report.events) == (3, 3, 0, 3)
    m = json.loads((db / "manifest.json").read_text())
    assert m["generation"] == 1
    assert sorted(Path(p).parent.name for p in m["files"]["events"]) == ["year=2022", "year=2023", "year=2024"]
    assert _count(db, "SELECT count(*) FROM articles") == 3
    assert _count(db, "SELECT count(*) FROM event_sources WHERE article_id = 'ext-3'") == 1
    assert _count(db, "SELECT count(*) FROM articles WHERE source = 'AP' AND id = 'ext-3'") == 1
    t = pq.read_table(db / m["files"]["events"][0])
    assert t.schema.names == list(__import__("events.schema", fromlist=["x"]).column_names())


def test_store_ingest_is_idempotent_whatever_the_id(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([_article(1, id="first")])
    again = Article(text="  Report 1: rockets  hit a base.\nEVENT IRQ 2023-12-08 1  ", id="other-id")
    report = Store(db).ingest([again, _article(1)])
    assert (report.new, report.already, report.events) == (0, 2, 0)
    assert _count(db, "SELECT count(*) FROM articles") == 1
    assert _count(db, "SELECT count(*) FROM events") == 1
    assert json.loads((db / "manifest.json").read_text())["generation"] == 1   # nothing published


def test_store_same_id_with_different_text_is_rejected_not_overwritten(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([_article(1, id="dup")])
    report = Store(db).ingest([_article(2, id="dup")])
    assert [str(r) for r in report.rejected] == [f"test:2: {errors.id_taken('dup')}"]
    assert _count(db, "SELECT count(*) FROM articles WHERE text LIKE 'Report 1%'") == 1


def test_store_recode_replaces_rows_and_keeps_ids(tmp_path, marker_pipeline, monkeypatch):
    db = tmp_path / "db"
    Store(db).ingest([_article(1), _article(2, "IDN", "2024-01-02")])
    before = _count(db, "SELECT string_agg(event_id_cnty, ',' ORDER BY event_id_cnty) FROM events")

    def doubled(article, stages=None):    # new extractors: same events, deaths counted differently
        rows = __import__("conftest").rows_from_markers(article)
        for r in rows:
            r["fatalities"] = 10
        return pipeline.Result(article, rows, [])
    monkeypatch.setattr(pipeline, "run_article", doubled)
    report = Store(db).recode()
    assert (report.articles, report.events_before, report.events_after) == (2, 2, 2)
    assert _count(db, "SELECT string_agg(event_id_cnty, ',' ORDER BY event_id_cnty) FROM events") == before
    assert _count(db, "SELECT sum(fatalities) FROM events") == 20
    assert _count(db, "SELECT count(*) FROM event_sources") == 2


def test_store_orphans_are_removed_on_next_write(tmp_path, marker_pipeline, monkeypatch):
    db = tmp_path / "db"
    Store(db).ingest([_article(1)])

    def crash(self, m):
        raise RuntimeError("killed before publishing")
    with monkeypatch.context() as patch, pytest.raises(RuntimeError):
        patch.setattr(Store, "_publish", crash)
        Store(db).ingest([_article(2)])
    live = set(json.loads((db / "manifest.json").read_text())["files"]["events"])
    orphans = [p for p in db.rglob("part-*.parquet") if p.relative_to(db).as_posix() not in
               {q for t in store.TABLES for q in json.loads((db / "manifest.json").read_text())["files"][t]}]
    assert len(orphans) == 3 and len(live) == 1          # articles, events, links of the crashed run
    Store(db).ingest([_article(3)])
    assert not any(p.exists() for p in orphans)
    assert _count(db, "SELECT count(*) FROM events") == 2


def test_store_compacts_partitions_past_the_file_limit(tmp_path, marker_pipeline, monkeypatch):
    monkeypatch.setattr(store, "MAX_FILES", 3)
    db = tmp_path / "db"
    for n in range(5):
        Store(db).ingest([_article(n, "IRQ" if n % 2 else "AFG", f"2023-0{n + 1}-01")])
    m = Store(db).manifest()
    assert len(m.files["events"]) <= 3 and len(m.files["articles"]) <= 3
    assert _count(db, "SELECT count(*) FROM events") == 5
    assert _count(db, "SELECT count(DISTINCT id) FROM articles") == 5
    merged = [p for p in m.files["events"] if pq.ParquetFile(db / p).metadata.num_rows > 1]
    t = pq.read_table(db / merged[0])
    keys = list(zip(t.column("country").to_pylist(), t.column("event_date").to_pylist()))
    assert keys == sorted(keys)


def test_store_corrupt_manifest_is_a_clear_error(tmp_path):
    db = tmp_path / "db"
    db.mkdir()
    (db / "manifest.json").write_text("{not json")
    with pytest.raises(errors.StoreCorruptError, match="cannot read the store's manifest"):
        Store(db).manifest()


def test_store_lock_timeout_is_a_clear_error(tmp_path):
    import filelock
    db = tmp_path / "db"
    db.mkdir()
    with filelock.FileLock(str(db / ".lock")):
        with pytest.raises(errors.StoreLockedError, match="another events process"):
            Store(db, lock_timeout=0.2).commit([pipeline.Result(_article(1), [], [])])


def test_store_views_file_works_from_any_directory(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([_article(1), _article(2)])
    script = "import duckdb; c = duckdb.connect('events.duckdb', read_only=True); " \
             "print(c.execute('SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles), " \
             "(SELECT count(*) FROM event_sources)').fetchone())"
    out = subprocess.run([sys.executable, "-c", script], cwd=db, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "(2, 2, 2)"


def test_store_empty_store_has_typed_empty_views(tmp_path):
    db = tmp_path / "db"
    Store(db).commit([])
    con = duckdb.connect(str(db / "events.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall())
    assert types["event_date"] == "DATE" and types["article_ids"] == "VARCHAR[]"


# --- killed and concurrent writers (real subprocesses) ---------------------------------------

_WRITER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {tests!r})
    from conftest import rows_from_markers
    from events import pipeline, store
    from events.article import Article

    def run_article(article, stages=None):
        if os.environ.get("SLOW_PIPELINE"):
            time.sleep(float(os.environ["SLOW_PIPELINE"]))
        return pipeline.Result(article, rows_from_markers(article), [])
    pipeline.run_article = run_article

    if os.environ.get("HANG_BEFORE_PUBLISH"):       # files written, manifest not yet published
        real = store.Store._publish
        def hang(self, m):
            open(os.environ["HANG_BEFORE_PUBLISH"], "w").close()
            time.sleep(600)
        store.Store._publish = hang

    first, count = int(sys.argv[2]), int(sys.argv[3])
    arts = [Article(text=f"Report {{n}}: a clash.\\nEVENT IRQ 2023-12-08 {{n}}\\n", origin=str(n))
            for n in range(first, first + count)]
    report = store.Store(sys.argv[1]).ingest(arts, batch_articles=int(os.environ.get("BATCH", "500")))
    print(report.summary())
""")


def _writer(tmp_path: Path, db: Path, first: int, count: int, **env) -> subprocess.Popen:
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(tests=str(TESTS)))
    return subprocess.Popen([sys.executable, str(script), str(db), str(first), str(count)],
                            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "writer never reached the publish step"
        time.sleep(0.05)


def test_store_sigkill_before_publish_leaves_previous_dataset_and_next_run_finishes(tmp_path):
    db = tmp_path / "db"
    first = _writer(tmp_path, db, 0, 3)
    assert first.wait(60) == 0, first.stderr.read()
    before = (db / "manifest.json").read_text()
    marker = tmp_path / "publishing"
    victim = _writer(tmp_path, db, 0, 8, HANG_BEFORE_PUBLISH=str(marker))
    _wait_for(marker, victim)
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    assert (db / "manifest.json").read_text() == before               # previous state, complete
    assert _count(db, "SELECT count(*) FROM articles") == 3
    assert _count(db, "SELECT count(*) FROM events") == 3
    written = {p.relative_to(db).as_posix() for p in db.rglob("*.parquet")}
    assert len(written) > len(json.loads(before)["files"]["events"]) + 2    # orphans exist now
    again = _writer(tmp_path, db, 0, 8)
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert out.strip() == "8 articles read: 5 new, 3 already stored, 0 rejected; 5 events written"
    assert _count(db, "SELECT count(*) FROM events") == 8
    live = {p for ps in Store(db).manifest().files.values() for p in ps}
    assert {p.relative_to(db).as_posix() for p in db.rglob("*.parquet")} == live   # orphans gone


def test_store_sigkill_at_random_moments_never_breaks_the_dataset(tmp_path):
    db = tmp_path / "db"
    for delay in (0.3, 0.6, 0.9):
        proc = _writer(tmp_path, db, 0, 40, BATCH="3", SLOW_PIPELINE="0.01")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if (db / "manifest.json").exists():
            n = _count(db, "SELECT count(*) FROM articles")
            assert _count(db, "SELECT count(*) FROM events") == n       # articles with their events
    done = _writer(tmp_path, db, 0, 40)
    assert done.wait(60) == 0, done.stderr.read()
    assert _count(db, "SELECT count(*) FROM articles") == 40
    assert _count(db, "SELECT count(DISTINCT event_id_cnty) FROM events") == 40


def test_store_two_concurrent_ingests_store_the_union_once(tmp_path):
    db = tmp_path / "db"
    a = _writer(tmp_path, db, 0, 30, BATCH="4", SLOW_PIPELINE="0.01")
    b = _writer(tmp_path, db, 15, 30, BATCH="4", SLOW_PIPELINE="0.01")
    for p in (a, b):
        assert p.wait(120) == 0, p.stderr.read()
    assert _count(db, "SELECT count(*) FROM articles") == 45
    assert _count(db, "SELECT count(DISTINCT text_hash) FROM articles") == 45
    assert _count(db, "SELECT count(*) FROM events") == 45
    assert _count(db, "SELECT count(*) FROM event_sources") == 45


def test_store_published_dates_round_trip(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([_article(1, published=dt.date(2023, 12, 9), url="https://x.org/1", title="T")])
    con = duckdb.connect(str(db / "events.duckdb"), read_only=True)
    assert con.execute("SELECT published, url, title FROM articles").fetchone() == (dt.date(2023, 12, 9), "https://x.org/1", "T")


def test_store_moved_folder_gets_fresh_views_on_next_ingest(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([_article(1)])
    moved = tmp_path / "moved"
    db.rename(moved)
    assert not Store(moved).views_fresh()
    report = Store(moved).ingest([_article(1)])        # nothing new, but the views are rebuilt
    assert report.already == 1 and Store(moved).views_fresh()
    con = duckdb.connect(str(moved / "events.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]


def test_store_tells_when_it_waits_for_another_writer(tmp_path):
    import filelock
    import threading
    db = tmp_path / "db"
    db.mkdir()
    waited = []
    lock = filelock.FileLock(str(db / ".lock"), thread_local=False)   # released by the timer thread
    lock.acquire()
    threading.Timer(1.0, lock.release).start()
    Store(db, lock_timeout=20, on_lock_wait=lambda: waited.append(True)).commit([])
    assert waited == [True] and (db / "manifest.json").exists()


def test_store_cleanup_never_touches_files_it_did_not_write(tmp_path, marker_pipeline):
    db = tmp_path / "project"                     # e.g. --db pointed at a source tree by mistake
    (db / "events").mkdir(parents=True)
    (db / "articles").mkdir()
    for p in [db / "events" / "store.py", db / "articles" / "notes.txt"]:
        p.write_text("keep me")
    Store(db).ingest([_article(1)])
    # files named exactly like the store's own, which the store never wrote
    mine = [db / "events" / "store.py", db / "articles" / "notes.txt",
            db / "events" / "year=2023" / "part-999999-deadbeefcafe.parquet",
            db / "articles" / "part-000002-0123456789ab.parquet.tmp", db / ".manifest.json.0badf00d.tmp"]
    for p in mine:
        p.write_text("keep me")
    Store(db).ingest([_article(2)])
    Store(db).ingest([_article(3)])
    assert all(p.read_text() == "keep me" for p in mine)
    assert _count(db, "SELECT count(*) FROM events") == 3


def test_store_recode_without_a_store_says_so(tmp_path):
    with pytest.raises(errors.EventsError, match="no store at .*; ingest articles first"):
        Store(tmp_path / "none").recode()
    assert not (tmp_path / "none").exists()
