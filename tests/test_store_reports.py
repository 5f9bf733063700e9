"""The coder's rows a Store keeps from its own commits, so merging a later batch into stored
events does not code the stored articles again (that grew with every batch of an ingest)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from events import pipeline, store
from events.article import Article
from events.store import Store

DATA = Path(__file__).parent / "data" / "merge_reports.jsonl"
AFGOOYE = ("m-afg-reuters", "m-afg-afp", "m-afg-antara")

# our own wording, one report in each shipped language of one event, and one unrelated event
OWN = (
    Article(text="KABUL, 4 March 2024 - A roadside bomb exploded near a police checkpoint in Kabul on "
                 "Monday, killing three police officers, officials said.", id="own-en",
            published=dt.date(2024, 3, 4)),
    Article(text="KABUL - Tiga polisi tewas ketika bom meledak di dekat pos polisi di Kabul pada "
                 "Senin (4/3/2024).", id="own-id",
            published=dt.date(2024, 3, 5)),
    Article(text="JAYAPURA, 6 March 2024 - Gunmen attacked a police post in Jayapura, Papua, on "
                 "Wednesday, wounding two officers, police said.", id="own-papua",
            published=dt.date(2024, 3, 6)),
)


def article(case_id: str) -> Article:
    c = next(c for c in map(json.loads, DATA.read_text(encoding="utf-8").splitlines()) if c["id"] == case_id)
    return Article(text=c["text"], id=c["id"], source=c["source"], published=dt.date.fromisoformat(c["published"]))


def stored(db: Path) -> tuple[list[dict], set[tuple[str, str]]]:
    s = Store(db)
    rows = sorted((r for p in s.live_files("events") for r in pq.read_table(p).to_pylist()),
                  key=lambda r: r["event_id_cnty"])
    links = {(r["event_id_cnty"], r["article_id"]) for p in s.live_files("event_sources")
             for r in pq.read_table(p).to_pylist()}
    return rows, links


@pytest.fixture
def coded(monkeypatch) -> list[str]:
    """The ids of the articles the pipeline codes, in order."""
    seen: list[str] = []
    real = pipeline.run_article

    def counting(a: Article, stages=None, opts=None):
        seen.append(a.id)
        return real(a, stages, opts)

    monkeypatch.setattr(pipeline, "run_article", counting)
    return seen


def fresh(texts):
    return [Article(text=a.text, id=a.id, source=a.source, published=a.published) for a in texts]


@pytest.mark.parametrize("order", [AFGOOYE, AFGOOYE[::-1]])
def test_store_reports_one_store_codes_each_article_once_and_stores_what_recoding_gives(
        tmp_path, coded, order):
    def articles() -> list[Article]:
        return [article(i) for i in order] + fresh(OWN)

    kept, again = tmp_path / "kept", tmp_path / "again"
    Store(kept).ingest(articles(), batch_articles=1)       # one commit per article, one Store
    assert coded == [a.id for a in articles()]             # no stored article coded a second time
    del coded[:]
    for a in articles():                                   # a Store per commit: codes the stored again
        Store(again).ingest([a])
    assert len(coded) > len(articles())
    assert stored(kept) == stored(again)


def test_store_reports_other_options_code_the_stored_articles_again(tmp_path, coded):
    s = Store(tmp_path / "db")
    s.ingest([article(AFGOOYE[0])])
    with pipeline.options(keep_unlocated=True):
        s.ingest([article(AFGOOYE[1])])
    assert coded.count(AFGOOYE[0]) == 2         # rows kept under other options are not these rows


def test_store_reports_recode_refreshes_what_is_kept(tmp_path, coded, monkeypatch):
    s = Store(tmp_path / "db")
    s.ingest([article(AFGOOYE[0])] + fresh(OWN))
    s.recode()
    del coded[:]
    s.ingest([article(AFGOOYE[1])])
    assert coded == [AFGOOYE[1]]                # recode kept the rows it coded


def test_store_reports_kept_within_a_byte_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "REPORTS_KEPT_BYTES", 1)
    s = Store(tmp_path / "db")
    s.ingest(fresh(OWN), batch_articles=1)
    assert len(s._reports) <= 1 and s._reports_bytes <= max(map(len, s._reports.values()), default=0)


def test_store_reports_stored_articles_coded_again_are_not_counted(tmp_path, coded):
    db = tmp_path / "db"
    Store(db).ingest([article(AFGOOYE[0])])
    with pipeline.tally() as counted:
        Store(db).ingest([article(AFGOOYE[1])])     # a fresh Store codes the first again to merge
    assert coded == [AFGOOYE[0], AFGOOYE[1], AFGOOYE[0]]
    assert counted.articles == 1                   # the run's one article, not the stored one
