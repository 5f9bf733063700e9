"""Hardening, crash safety: `events ingest` (the real CLI and extractors, in a subprocess) killed
with SIGKILL at random moments. After each kill the dataset opens, validates, has no duplicate
and no partial rows; re-running the same ingest then completes it exactly."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import query, schema
from events.cli import main

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
BATCH = 3        # commit every 3 articles, so kills land between, during and after commits

# runs `events` with small batches (the CLI has no option for it; the store's code is unchanged)
CLI = """
import sys
from events import store
real = store.Store.ingest
def ingest(self, items, on_item=None, batch_articles=0, batch_seconds=store.BATCH_SECONDS, **more):
    return real(self, items, on_item, batch_articles={batch}, batch_seconds=batch_seconds, **more)
store.Store.ingest = ingest
from events.cli import main
main()
"""

HAND_WRITTEN = [
    ("hw-id-1", "JAYAPURA, KOMPAS.com - Dua anggota TNI tewas ditembak kelompok kriminal bersenjata di "
                "Kabupaten Intan Jaya, Papua, pada Senin (15/1/2024), kata polisi.", "2024-01-16"),
    ("hw-id-2", "Ratusan mahasiswa berunjuk rasa di depan gedung DPRD Makassar, Sulawesi Selatan, pada Kamis "
                "(7/3/2024). Aksi itu berlangsung damai.", "2024-03-08"),
    ("hw-en-1", "MAIDUGURI, Nigeria (AP) - Gunmen killed three villagers in Borno State on Tuesday, police "
                "said. No group claimed responsibility.", "2024-02-21"),
    ("hw-en-2", "The city council of Leeds approved a new budget for libraries on Monday.", "2024-02-19"),
]


def corpus(tmp_path: Path) -> Path:
    """The dev gold texts, the seed and hand-written articles, as one folder of inputs."""
    if not EVAL.is_dir():
        pytest.skip(f"{EVAL} is absent (the shared eval set sits beside the repository)")
    src = tmp_path / "corpus"
    src.mkdir(exist_ok=True)
    lines = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                lines.append({k: rec.get(k) for k in ("id", "text", "published", "source", "language")})
    lines += [{"id": i, "text": t, "published": p} for i, t, p in HAND_WRITTEN]
    (src / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                                        encoding="utf-8")
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        (src / seed.name).write_bytes(seed.read_bytes())
    return src


def events_cmd(db: Path, *args: str, env: dict | None = None) -> list[str]:
    return [sys.executable, "-c", CLI.format(batch=BATCH), "--db", str(db), *args]


def run(db: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(events_cmd(db, *args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def snapshot(db: Path) -> dict:
    """The stored state, read the way users read it (a read-only connection)."""
    con = query.connect(db)
    try:
        arts = con.execute("SELECT id, text_hash FROM articles").fetchall()
        rel = con.execute("SELECT * FROM events")
        cols = [d[0] for d in rel.description]
        rows = [dict(zip(cols, r)) for r in rel.fetchall()]
        links = con.execute("SELECT event_id_cnty, article_id FROM event_sources").fetchall()
    finally:
        con.close()
    return {"articles": arts, "rows": rows, "links": links}


def check_consistent(state: dict, reference: dict) -> None:
    """No duplicates, no partial rows: each stored article has exactly its reference events."""
    arts, rows, links = state["articles"], state["rows"], state["links"]
    assert len({a for a, _ in arts}) == len(arts) and len({h for _, h in arts}) == len(arts)
    ids = [r["event_id_cnty"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert len(set(links)) == len(links)
    for r in rows:
        assert schema.validate_row(r) == [], r["event_id_cnty"]
    stored = {a for a, _ in arts}
    by_article: dict[str, set[str]] = {}
    for event_id, article_id in links:
        by_article.setdefault(article_id, set()).add(event_id)
    for article_id in stored:
        assert by_article.get(article_id, set()) == reference["by_article"].get(article_id, set()), article_id
    assert set(ids) == {e for a in stored for e in reference["by_article"].get(a, set())}


def reference_of(state: dict) -> dict:
    by_article: dict[str, set[str]] = {}
    for event_id, article_id in state["links"]:
        by_article.setdefault(article_id, set()).add(event_id)
    return {"by_article": by_article}


def comparable(rows: list[dict]) -> list[tuple]:
    return sorted(tuple((k, repr(v)) for k, v in sorted(r.items())) for r in rows)


def test_hardening_crash_sigkill_at_random_moments(tmp_path):
    src = corpus(tmp_path)
    ref_db = tmp_path / "ref"
    started = time.monotonic()
    done = CliRunner().invoke(main, ["--db", str(ref_db), "ingest", str(src)], catch_exceptions=False)
    estimate = 1.0 + (time.monotonic() - started)         # a subprocess also starts Python
    assert done.exit_code == 0, done.stderr
    ref_state = snapshot(ref_db)
    reference = reference_of(ref_state)
    n_articles = len(ref_state["articles"])
    assert n_articles >= 50 and ref_state["rows"]

    rng = random.Random(20261124)
    kills = 0
    for round_no in range(3):                            # a fresh store each time, killed once
        db = tmp_path / f"db{round_no}"
        delay = rng.uniform(0.3, estimate)
        for _attempt in range(4):                        # killed mid-run, or tried again sooner
            proc = subprocess.Popen(events_cmd(db, "ingest", str(src)), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(delay)
            killed = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
            if killed:
                break
            shutil.rmtree(db, ignore_errors=True)
            delay /= 2
        kills += killed
        if (db / "manifest.json").exists():
            state = snapshot(db)
            check_consistent(state, reference)
            assert len(state["articles"]) <= n_articles
        again = run(db, "ingest", str(src))
        assert again.returncode == 0, again.stderr
        final = snapshot(db)
        check_consistent(final, reference)
        assert sorted(final["articles"]) == sorted(ref_state["articles"])
        assert comparable(final["rows"]) == comparable(ref_state["rows"])
        assert sorted(final["links"]) == sorted(ref_state["links"])
        live = {p for ps in json.loads((db / "manifest.json").read_text())["files"].values() for p in ps}
        on_disk = {p.relative_to(db).as_posix() for p in db.rglob("*.parquet")}
        assert live <= on_disk                           # retired files may linger for readers
        assert not list(db.rglob("*.tmp"))
    assert kills == 3
