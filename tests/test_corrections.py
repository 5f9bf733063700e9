"""Analysts' corrections (events.corrections): recorded apart, applied over coded rows, lasting."""
from __future__ import annotations

import datetime as dt
import os

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from events import corrections, merge, schema
from events.corrections import CorrectionError, Corrections
from tests.conftest import make_event_row


def rows() -> list[dict]:
    return [make_event_row(event_id_cnty="IRQ0000000001", article_ids=["a1"], fatalities=3),
            make_event_row(event_id_cnty="IRQ0000000002", article_ids=["a2"], fatalities=None,
                           location="Basra", admin1="Basra")]


def test_corrections_edit_is_recorded_with_who_when_why_old_and_new(tmp_path):
    c = Corrections(tmp_path)
    [made] = c.edit(rows()[0], {"fatalities": "5"}, "hospital count", who="analyst1")
    assert (made.event_id_cnty, made.field, made.old_value, made.new_value, made.who, made.why) == \
        ("IRQ0000000001", "fatalities", "3", "5", "analyst1", "hospital count")
    assert isinstance(made.at, dt.datetime)
    assert [x.correction_id for x in Corrections(tmp_path).load()] == [made.correction_id]
    assert pq.read_table(tmp_path / corrections.FILE).schema.names == corrections.table_schema().names


def test_corrections_apply_sets_fields_and_drops_deleted(tmp_path):
    c = Corrections(tmp_path)
    c.edit(rows()[0], {"fatalities": "5", "location": "Baghdad Airport"}, "reread the report", who="a")
    c.edit(rows()[0], {"fatalities": "6"}, "later count", who="b")
    c.delete(rows()[1], "not political violence", who="a")
    [row] = c.apply(rows())
    assert (row["event_id_cnty"], row["fatalities"], row["location"]) == ("IRQ0000000001", 6, "Baghdad Airport")
    assert [d["event_id_cnty"] for d in c.deletions()] == ["IRQ0000000002"]
    assert c.deletions()[0]["why"] == "not political violence"


def test_corrections_survive_recode_and_merge(tmp_path):
    """A recode rebuilds the rows (same ids); a merge folds the edited event into another id:
    the edit follows it, and a later merge does not undo it."""
    c = Corrections(tmp_path)
    c.edit(rows()[0], {"fatalities": "9"}, "official toll", who="a")
    recoded = rows()                                    # the coder's rows again, toll back at 3
    assert c.apply(recoded)[0]["fatalities"] == 9
    c.record_merge("IRQ0000000001", "IRQ0000000000", ["a1"])
    joined = [make_event_row(event_id_cnty="IRQ0000000000", article_ids=["a0", "a1"], fatalities=4)]
    assert c.apply(joined)[0]["fatalities"] == 9
    # no merge record (the id changed in a recode): the event holding the same articles takes it
    renamed = [make_event_row(event_id_cnty="IRQ0000000077", article_ids=["a1", "a5"], fatalities=4)]
    assert Corrections(tmp_path).apply(renamed)[0]["fatalities"] == 9
    assert [h.action for h in c.history("IRQ0000000000")] == ["edit", "merge"]


@pytest.mark.parametrize("changes, message", [
    ({"event_id_cnty": "IRQ1"}, "cannot be edited"),
    ({"article_ids": "x"}, "cannot be edited"),
    ({"no_such_column": "1"}, "not a column"),
    ({"fatalities": "many"}, "not a int32"),
    ({"event_date": "yesterday"}, "not a date"),
    ({"event_type": "Protests"}, "invalid"),             # sub-event type no longer fits
    ({"country": ""}, "cannot be empty"),
])
def test_corrections_bad_edits_are_refused_and_nothing_written(tmp_path, changes, message):
    c = Corrections(tmp_path)
    with pytest.raises(CorrectionError, match=message):
        c.edit(rows()[0], changes, "why", who="a")
    assert not (tmp_path / corrections.FILE).exists()


def test_corrections_need_a_reason(tmp_path):
    with pytest.raises(CorrectionError, match="--reason"):
        Corrections(tmp_path).delete(rows()[0], "  ", who="a")


@pytest.mark.parametrize("items, parsed", [
    (["fatalities=5"], {"fatalities": "5"}),
    (["actor1=Al Shabaab", "notes=a=b"], {"actor1": "Al Shabaab", "notes": "a=b"}),
    (["injuries="], {"injuries": ""}),
])
def test_corrections_parse_assignments(items, parsed):
    assert corrections.parse_assignments(items) == parsed


def test_corrections_parse_assignment_without_equals_is_an_error():
    with pytest.raises(CorrectionError, match="FIELD=VALUE"):
        corrections.parse_assignments(["fatalities"])


def test_corrections_write_is_atomic_and_clears_only_its_own_temporaries(tmp_path):
    stale = tmp_path / f".{corrections.FILE}.0123abcd.tmp"
    stale.write_bytes(b"half a file")
    other = tmp_path / "notes.tmp"
    other.write_text("not ours")
    Corrections(tmp_path).delete(rows()[1], "duplicate", who="a")
    assert not stale.exists() and other.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == ["notes.tmp"]


def test_corrections_view_sql_matches_apply(tmp_path):
    c = Corrections(tmp_path)
    c.edit(rows()[0], {"fatalities": "5", "location": "Baghdad Airport"}, "reread", who="a")
    c.edit(rows()[1], {"injuries": "2"}, "reread", who="a")
    c.edit(rows()[1], {"injuries": ""}, "no figure after all", who="a")
    c.record_merge("IRQ0000000009", "IRQ0000000001", ["a9"])
    c.edit({"event_id_cnty": "IRQ0000000009", "article_ids": ["a9"], **{k: v for k, v in rows()[0].items()
           if k not in ("event_id_cnty", "article_ids")}}, {"tags": "checked"}, "old id", who="a")
    table = pa.Table.from_pylist(rows(), schema=schema.arrow_schema())
    con = duckdb.connect()
    con.register("coded", table)
    got = con.execute(corrections.view_sql("coded", tmp_path / corrections.FILE) + " ORDER BY event_id_cnty")
    cols = [d[0] for d in got.description]
    viewed = [dict(zip(cols, r)) for r in got.fetchall()]
    applied = c.apply(rows())
    for name in ("event_id_cnty", "fatalities", "location", "injuries", "tags"):
        assert [r[name] for r in viewed] == [r.get(name) for r in applied]
    assert (viewed[0]["fatalities"], viewed[0]["tags"], viewed[1]["injuries"]) == (5, "checked", None)


def test_corrections_apply_on_merged_rows_keeps_the_analyst_value(tmp_path):
    """Merging more reports recomputes fatalities; the analyst's figure still wins."""
    c = Corrections(tmp_path)
    first = make_event_row(event_id_cnty="IRQ0000000001", article_ids=["a1"], fatalities=3, timestamp=10)
    c.edit(first, {"fatalities": "4"}, "checked with the ministry", who="a")
    later = make_event_row(event_id_cnty="IRQ0000000002", article_ids=["a2"], fatalities=8, timestamp=20)
    merged = merge.reconcile([first, later])
    assert merged["event_id_cnty"] == "IRQ0000000001" and merged["fatalities"] == 8
    assert c.apply([merged])[0]["fatalities"] == 4
    assert os.path.exists(tmp_path / corrections.FILE)
