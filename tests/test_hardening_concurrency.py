"""Hardening, concurrency: two `events ingest` runs and queries at once (real CLI, subprocesses).
No corruption, no lost article, and a clear message for the writer that waits or is refused."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import filelock
from click.testing import CliRunner

from events import errors
from events.cli import main
from test_hardening_crash import check_consistent, comparable, corpus, events_cmd, reference_of, run, snapshot


def _wait_for_text(path: Path, text: str, procs: list[subprocess.Popen], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while text not in path.read_text(errors="replace"):
        assert all(p.poll() is None for p in procs), path.read_text()
        assert time.monotonic() < deadline, f"no {text!r} in {path.read_text()!r}"
        time.sleep(0.05)


def test_hardening_concurrency_two_ingests_and_queries(tmp_path):
    src = corpus(tmp_path)
    half = tmp_path / "half"                            # the second run overlaps the first
    half.mkdir()
    lines = (src / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (half / "b.jsonl").write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    ref_db = tmp_path / "ref"
    assert CliRunner().invoke(main, ["--db", str(ref_db), "ingest", str(src)]).exit_code == 0
    ref_state = snapshot(ref_db)

    db = tmp_path / "db"
    db.mkdir()
    lock = filelock.FileLock(str(db / ".lock"), thread_local=False)
    lock.acquire()                                      # a third writer holds the store
    procs, logs = [], []
    try:
        for name, path in (("a", src), ("b", half)):
            log = tmp_path / f"{name}.err"
            with open(log, "w") as err:
                procs.append(subprocess.Popen(events_cmd(db, "ingest", str(path)), stdout=subprocess.PIPE,
                                              stderr=err, text=True, env=os.environ.copy()))
            logs.append(log)
        for log in logs:                                # each waiting writer says so
            _wait_for_text(log, errors.store_busy(str(db)), procs)
        reading = run(db, "query", "SELECT count(*) AS n FROM articles", "--format", "csv")
        assert (reading.returncode, reading.stdout) == (0, "n\n0\n")      # readers never wait
    finally:
        lock.release()
    queries = []
    while any(p.poll() is None for p in procs):          # queries while both write
        q = run(db, "query", "SELECT count(*) AS n FROM events", "--format", "csv")
        assert q.returncode == 0 and q.stdout.startswith("n\n"), q.stderr
        queries.append(int(q.stdout.split()[1]))
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [log.read_text() for log in logs]
    assert queries == sorted(queries)                    # counts only grow: each read saw a whole state
    state = snapshot(db)
    check_consistent(state, reference_of(ref_state))
    assert sorted(state["articles"]) == sorted(ref_state["articles"])      # no article lost, none twice
    assert comparable(state["rows"]) == comparable(ref_state["rows"])
    new = [int(o.split(": ")[1].split(" new")[0]) for o in outs]
    assert sum(new) == len(ref_state["articles"])        # each article stored by exactly one run


def test_hardening_concurrency_refused_writer_says_why_and_writes_nothing(tmp_path):
    src = corpus(tmp_path)
    db = tmp_path / "db"
    db.mkdir()
    lock = filelock.FileLock(str(db / ".lock"), thread_local=False)
    lock.acquire()
    try:
        refused = run(db, "ingest", str(src / "articles.jsonl"), env={"EVENTS_LOCK_TIMEOUT": "1"})
    finally:
        lock.release()
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == f"Error: {errors.store_locked(str(db), 1)}"
    assert "Traceback" not in refused.stderr
    assert not list(db.rglob("*.parquet")) and not (db / "manifest.json").exists()
