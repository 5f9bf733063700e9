"""Ingest commits a batch on a thread while the next batch is coded: same rows, the run's
options inside the commit, a commit's error raised from ingest with earlier batches stored."""
from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest

from events import pipeline
from events.article import Article
from events.store import Store, _current_options

TEXTS = (
    "KABUL, 4 March 2024 - A roadside bomb exploded near a police checkpoint in Kabul on Monday, "
    "killing three police officers, officials said.",
    "JAYAPURA, 6 March 2024 - Gunmen attacked a police post in Jayapura, Papua, on Wednesday, "
    "wounding two officers, police said.",
    "JAKARTA - Ratusan mahasiswa berunjuk rasa di depan gedung DPR di Jakarta pada Kamis (7/3/2024) "
    "menolak kenaikan harga bahan bakar.",
    "POSO - Dua warga tewas ditembak orang tak dikenal di Poso, Sulawesi Tengah, pada Jumat (8/3/2024).",
)


def articles() -> list[Article]:
    return [Article(text=t, id=f"c{n}", published=dt.date(2024, 3, 9)) for n, t in enumerate(TEXTS)]


def stored_ids(db) -> list[str]:
    return sorted(r["id"] for p in Store(db).live_files("articles") for r in pq.read_table(p).to_pylist())


def test_store_commit_in_batches_stores_what_one_commit_stores(tmp_path):
    one, many = tmp_path / "one", tmp_path / "many"
    a = Store(one).ingest(articles())
    b = Store(many).ingest(articles(), batch_articles=1)
    rows = [sorted((r for p in Store(db).live_files("events") for r in pq.read_table(p).to_pylist()),
                   key=lambda r: r["event_id_cnty"]) for db in (one, many)]
    assert rows[0] == rows[1] and rows[0]
    assert (a.read, a.new, a.already, a.events) == (b.read, b.new, b.already, b.events) == (4, 4, 0, len(rows[0]))


def test_store_commit_sees_the_run_options(tmp_path, monkeypatch):
    seen = []
    real = Store.commit

    def commit(self, results, report=None):
        seen.append(_current_options())
        return real(self, results, report)

    monkeypatch.setattr(Store, "commit", commit)
    with pipeline.options(keep_unlocated=True, published=dt.date(2024, 3, 10)):
        Store(tmp_path / "db").ingest(articles(), batch_articles=1)
    assert len(seen) >= 4
    assert all(o.keep_unlocated and o.published == dt.date(2024, 3, 10) for o in seen)


def test_store_commit_error_is_raised_and_earlier_batches_stay(tmp_path, monkeypatch):
    calls = [0]
    real = Store.commit

    def commit(self, results, report=None):
        calls[0] += 1
        if calls[0] == 2:
            raise OSError(28, "No space left on device")
        return real(self, results, report)

    monkeypatch.setattr(Store, "commit", commit)
    db = tmp_path / "db"
    with pytest.raises(OSError):
        Store(db).ingest(articles(), batch_articles=1)
    assert stored_ids(db) == ["c0"]

