"""query: the views apply analysts' corrections (events edit / delete), as corrections.apply does,
so `events query`, summary, export, the report and the Python API all show the same rows."""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from events import api, corrections, pipeline, query
from events.article import Article
from events.corrections import Corrections
from events.store import Store
from tests.conftest import make_event_row


def _rows() -> list[dict]:
    return [
        make_event_row(event_id_cnty="IRQ0000000001", article_ids=["a1"], fatalities=3, location="Baghdad"),
        make_event_row(event_id_cnty="IRQ0000000002", article_ids=["a2"], fatalities=1, location="Basra",
                       admin1="Basra", event_date=dt.date(2024, 2, 3)),
        make_event_row(event_id_cnty="IRQ0000000003", article_ids=["a3"], fatalities=None, location="Mosul",
                       admin1="Nineveh", event_date=dt.date(2024, 5, 6)),
    ]


def _store(path, rows: list[dict]):
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article_ids"][0], []).append(r)
    Store(path, merging=False).commit([pipeline.Result(Article(text=f"text of {a}", id=a), rs, [])
                                       for a, rs in by_article.items()])
    return path


def _view(db, view: str = "events", order: str = "event_id_cnty") -> list[dict]:
    con = api.connect(db)
    try:
        rel = con.execute(f"SELECT * FROM {view} ORDER BY {order}")
        names = [d[0] for d in rel.description]
        return [dict(zip(names, r)) for r in rel.fetchall()]
    finally:
        con.close()


@pytest.fixture
def db(tmp_path):
    return _store(tmp_path / "db", _rows())


def test_query_corrections_edits_and_deletions_show_in_every_reader(db, tmp_path):
    corrections.edit_event(db, "IRQ0000000001", ["fatalities=7", "location=Baghdad Airport"],
                           "the hospital gave a higher count", who="analyst1")
    corrections.delete_event(db, "IRQ0000000002", "a crime, not political violence", who="analyst2")
    shown = _view(db)
    assert [(r["event_id_cnty"], r["fatalities"], r["location"]) for r in shown] == [
        ("IRQ0000000001", 7, "Baghdad Airport"), ("IRQ0000000003", None, "Mosul")]
    assert [r["event_id_cnty"] for r in _view(db, "coded_events")] == [
        "IRQ0000000001", "IRQ0000000002", "IRQ0000000003"]                    # the coder's rows stay
    assert query.run_sql(db, "SELECT sum(fatalities), count(*) FROM events").rows == [(7, 2)]
    summary = query.summary(db, ["region"])
    assert [r[1:3] for r in summary.rows] == [(2, 7)]
    out = tmp_path / "e.csv"
    assert query.export(db, "csv", out) == 2
    with open(out, encoding="utf-8", newline="") as fh:
        exported = [(r["event_id_cnty"], r["fatalities"], r["location"]) for r in csv.DictReader(fh)]
    assert exported == [("IRQ0000000001", "7", "Baghdad Airport"), ("IRQ0000000003", "", "Mosul")]
    df = api.events_df(db)
    assert df["event_id_cnty"].tolist() == ["IRQ0000000001", "IRQ0000000003"]
    assert corrections.find(db, "IRQ0000000001")["fatalities"] == 7                # events show agrees


def test_query_corrections_origin_corrections_and_deletions_views(db):
    corrections.edit_event(db, "IRQ0000000003", ["fatalities=2"], "a later report", who="a")
    corrections.edit_event(db, "IRQ0000000003", ["fatalities=4", "admin2=Mosul district"], "the final toll", who="b")
    corrections.delete_event(db, "IRQ0000000002", "duplicate of another event", who="c")
    origin = {r["event_id_cnty"]: (r["origin"], r["corrected_fields"]) for r in _view(db, "event_origin")}
    assert origin == {"IRQ0000000001": ("coded", []), "IRQ0000000003": ("corrected", ["admin2", "fatalities"])}
    applied = _view(db, "corrections", "seq")
    assert [(r["event_id_cnty"], r["action"], r["field"], r["old_value"], r["new_value"], r["who"])
            for r in applied] == [
        ("IRQ0000000003", "edit", "fatalities", None, "2", "a"),
        ("IRQ0000000003", "edit", "fatalities", "2", "4", "b"),
        ("IRQ0000000003", "edit", "admin2", None, "Mosul district", "b"),
        ("IRQ0000000002", "delete", None, None, None, "c")]
    assert _view(db, "events")[1]["fatalities"] == 4                       # the latest edit wins
    feed = _view(db, "deletions")
    assert [{k: r[k] for k in ("event_id_cnty", "timestamp", "why", "who")} for r in feed] == \
        Corrections(db).deletions()


def test_query_corrections_none_or_only_merge_notes_show_the_coded_rows(db):
    assert _view(db) == _view(db, "coded_events")
    assert _view(db, "corrections") == [] and _view(db, "deletions") == []
    Corrections(db).record_merge("IRQ0000000009", "IRQ0000000001", ["a9"])
    assert _view(db) == _view(db, "coded_events")
    assert {r["origin"] for r in _view(db, "event_origin")} == {"coded"}


def test_query_corrections_date_and_inter_edits_carry_year_and_interaction(db):
    corrections.edit_event(db, "IRQ0000000001", ["event_date=2025-01-02", "inter2=1"], "reread", who="a")
    [row] = [r for r in _view(db) if r["event_id_cnty"] == "IRQ0000000001"]
    assert (row["event_date"], row["year"], row["inter1"], row["inter2"], row["interaction"]) == \
        (dt.date(2025, 1, 2), 2025, 3, 1, 13)
    assert query.run_sql(db, "SELECT count(*) FROM events WHERE year = 2025").rows == [(1,)]


def test_query_corrections_follow_merges_and_renamed_ids_like_apply(tmp_path):
    """Records made on ids that later joined another event (merge records, two hops) or that a
    recode renamed (no record: the event holding the same articles takes it): the view and
    corrections.apply give the same rows."""
    old = [make_event_row(event_id_cnty="IRQ0000000011", article_ids=["a1"], fatalities=3),
           make_event_row(event_id_cnty="IRQ0000000012", article_ids=["a2"], fatalities=1, location="Basra",
                          admin1="Basra"),
           make_event_row(event_id_cnty="IRQ0000000013", article_ids=["a3"], fatalities=5, location="Mosul",
                          admin1="Nineveh")]
    stored = [make_event_row(event_id_cnty="IRQ0000000010", article_ids=["a0", "a1"], fatalities=4),
              make_event_row(event_id_cnty="IRQ0000000077", article_ids=["a2", "a5"], fatalities=2,
                             location="Basra", admin1="Basra"),
              make_event_row(event_id_cnty="IRQ0000000013", article_ids=["a3"], fatalities=5, location="Mosul",
                             admin1="Nineveh")]
    db = _store(tmp_path / "db", stored)
    c = Corrections(db)
    c.edit(old[0], {"fatalities": "9"}, "official toll", who="a")
    c.record_merge("IRQ0000000011", "IRQ0000000099", ["a1"])
    c.record_merge("IRQ0000000099", "IRQ0000000010", ["a0", "a1"])
    c.edit(old[1], {"location": "Basra port"}, "the port, not the city", who="b")
    c.delete(old[2], "not an event", who="c")
    c.edit(make_event_row(event_id_cnty="IRQ0000000055", article_ids=["a404"]), {"fatalities": "1"},
           "an event no longer stored", who="d")
    expected = sorted(c.apply(_view(db, "coded_events")), key=lambda r: r["event_id_cnty"])
    assert _view(db) == expected
    assert [(r["event_id_cnty"], r["fatalities"], r["location"]) for r in expected] == [
        ("IRQ0000000010", 9, "Baghdad"), ("IRQ0000000077", 2, "Basra port")]
    assert [(r["event_id_cnty"], r["recorded_id"]) for r in _view(db, "corrections", "seq")] == [
        ("IRQ0000000010", "IRQ0000000011"), ("IRQ0000000077", "IRQ0000000012"),
        ("IRQ0000000013", "IRQ0000000013")]


def test_query_corrections_names_shared_with_the_store_and_the_corrections_table():
    from events import store
    assert query.TABLES == store.TABLES and query.CORRECTIONS_FILE == corrections.FILE
