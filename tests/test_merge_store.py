"""Merging wired into the store: one event across runs, in any order, through recode."""
from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from events import corrections
from events.article import Article
from events.store import Store

DATA = Path(__file__).parent / "data" / "merge_reports.jsonl"
AFGOOYE = ("m-afg-reuters", "m-afg-afp", "m-afg-antara")


def article(case_id: str) -> Article:
    c = next(c for c in map(json.loads, DATA.read_text(encoding="utf-8").splitlines()) if c["id"] == case_id)
    return Article(text=c["text"], id=c["id"], source=c["source"], published=dt.date.fromisoformat(c["published"]))


def events_of(db: Path) -> list[dict]:
    rows = [r for p in Store(db).live_files("events") for r in pq.read_table(p).to_pylist()]
    return sorted(rows, key=lambda r: r["event_id_cnty"])


def links_of(db: Path) -> set[tuple[str, str]]:
    return {(r["event_id_cnty"], r["article_id"]) for p in Store(db).live_files("event_sources")
            for r in pq.read_table(p).to_pylist()}


def comparable(rows: list[dict]) -> list[dict]:
    """Rows without evidence: an article coded again from the store has its language stored, so
    the coder leaves out the "language: detected" entry it writes for a fresh article."""
    return [{k: v for k, v in r.items() if k != "evidence"} for r in rows]


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("one") / "db"
    Store(db).ingest([article(i) for i in AFGOOYE])
    return events_of(db)


@pytest.mark.parametrize("order", list(itertools.permutations(AFGOOYE)))
def test_merge_store_one_event_across_runs_in_any_order(tmp_path, order, one_run):
    db = tmp_path / "db"
    for case_id in order:
        Store(db).ingest([article(case_id)])
    rows = events_of(db)
    assert len(rows) == 1
    assert rows[0]["article_ids"] == sorted(AFGOOYE)
    assert comparable(rows) == comparable(one_run)               # the same as one run of all three
    assert links_of(db) == {(rows[0]["event_id_cnty"], a) for a in AFGOOYE}
    assert {e["text"] for e in rows[0]["evidence"] if e["field"] == "event_type"} == \
        {e["text"] for e in one_run[0]["evidence"] if e["field"] == "event_type"}


def test_merge_store_id_stable_through_recode_and_edit_survives(tmp_path):
    db = tmp_path / "db"
    Store(db).ingest([article("m-afg-reuters")])
    [first] = events_of(db)
    Store(db).ingest([article("m-afg-afp")])                     # published a day later: id kept
    [joined] = events_of(db)
    assert joined["event_id_cnty"] == first["event_id_cnty"]
    corrections.edit_event(db, joined["event_id_cnty"], ["fatalities=6"], "hospital list", who="a")
    Store(db).recode()
    [recoded] = events_of(db)
    assert comparable([recoded]) == comparable([joined])
    Store(db).ingest([article("m-afg-antara")])
    assert corrections.find(db, joined["event_id_cnty"])["fatalities"] == 6


def test_merge_store_keeps_distinct_events_apart(tmp_path):
    db = tmp_path / "db"
    Store(db).ingest([article("m-kbl-reuters"), article("m-kbl-market")])
    Store(db).ingest([article("m-kbl-tolo")])
    groups = sorted(r["article_ids"] for r in events_of(db))
    assert groups == [["m-kbl-market"], ["m-kbl-reuters", "m-kbl-tolo"]]


def test_merge_store_can_be_turned_off(tmp_path):
    db = tmp_path / "db"
    Store(db, merging=False).ingest([article(i) for i in AFGOOYE])
    assert len(events_of(db)) == 3


@pytest.mark.parametrize("order", [("m-djb-afp", "m-djb-antara"), ("m-djb-antara", "m-djb-afp")])
def test_merge_store_joins_across_runs_on_the_town_both_name(tmp_path, order):
    """No group named, nine dead in Djibo on the same night: the town named as such in both
    reports is a sign the store reads from the sentences of the coded reports, though it
    screens its stored events without them."""
    db = tmp_path / "db"
    for case_id in order:
        Store(db).ingest([article(case_id)])
    assert [r["article_ids"] for r in events_of(db)] == [["m-djb-afp", "m-djb-antara"]]
