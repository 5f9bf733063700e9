"""query: the pieces under export and the views' file reads (formula rule in SQL, positional reads)."""
from __future__ import annotations

import os
import threading

import duckdb
import pyarrow as pa
import pytest

from events import query


def test_query_export_formula_rule_in_sql_equals_formula_risk_on_every_first_character():
    """The SQL rule (with its shortcut for text starting with code points 65 to 126) marks exactly
    the cells `formula_risk` marks: every code point alone, before a formula and before a digit."""
    points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    texts = ([chr(c) for c in points] + [chr(c) + "=1+1" for c in points[::5]] + [chr(c) + "5" for c in range(300)]
             + ["", "Bandung", "-5", "+1.5", " =SUM(A1)", "\u00a0@x", "\u200b-2 dead", "~ok", "[x]"])
    con = duckdb.connect()
    con.register("t", pa.table({"x": texts}))
    marked = [r[0] != x for r, x in zip(con.execute(f"SELECT {query._neutralise_sql('x')} FROM t").fetchall(), texts)]
    expected = [query.formula_risk(x) for x in texts]
    risky, number = query._formula_re()                    # the rule itself, without the shortcut
    assert expected == [bool(risky.match(x)) and not number.match(x) for x in texts]
    assert marked == expected
    assert sum(expected) > 150                     # the rule marks many: the comparison means something


def test_query_positional_reader_keeps_each_threads_position(tmp_path):
    """DuckDB's threads seek and read one shared handle: each thread must read its own bytes."""
    path = tmp_path / "blob"
    data = bytes(range(256)) * 4096                 # 1 MiB, every offset's byte known
    path.write_bytes(data)
    reader = query.PositionalReader(str(path))
    wrong = []
    barrier = threading.Barrier(4)

    def work(k: int) -> None:
        barrier.wait()
        for i in range(2000):
            offset = (k * 7919 + i * 104729) % (len(data) - 600)
            reader.seek(offset)
            got = reader.read(512)
            if got != data[offset:offset + 512] or reader.tell() != offset + 512:
                wrong.append((k, i))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
    reader.seek(-3, os.SEEK_END)
    assert reader.read() == data[-3:] and reader.read(10) == b""
    reader.close()
    assert reader.closed


def _store_with_days(tmp_path):
    """A store of 23 events over 9 days (several a day) plus 3 undated ones, in two countries."""
    import datetime as dt

    from events import pipeline
    from events.article import Article
    from events.store import Store
    from tests.conftest import make_event_row

    rows = []
    for i in range(23):
        day = dt.date(2024, 3, 1 + (i * 5) % 9)
        iraq = i % 3 != 0
        rows.append(make_event_row(
            event_id_cnty=f"{'IRQ' if iraq else 'NGA'}{i:010d}", event_date=day, fatalities=i % 4,
            notes=f"Event {i}: =a cell that looks like a formula" if i % 5 == 0 else f"Event {i}, a plain note",
            **({} if iraq else {"iso": 566, "region": "Western Africa", "country": "Nigeria", "admin1": "Borno",
                                "location": "Maiduguri", "latitude": 11.8, "longitude": 13.1})))
    for i in range(23, 26):
        rows.append(make_event_row(event_id_cnty=f"IRQ{i:010d}", event_date=None, year=None, time_precision=None))
    db = tmp_path / "db"
    Store(db, merging=False).commit([pipeline.Result(Article(text=f"text {k}", id=f"a{k}"), rows[k::4], [])
                                     for k in range(4)])
    return db


@pytest.mark.parametrize("fmt, bom", [("csv", False), ("csv", True), ("jsonl", False)])
@pytest.mark.parametrize("part_rows", [1, 4, 7, 25])
def test_query_export_in_parts_is_the_same_file(tmp_path, monkeypatch, fmt, bom, part_rows):
    """Parts of whole days (a day larger than a part is one part), undated rows last, BOM once:
    byte for byte the export written in one go."""
    db = _store_with_days(tmp_path)
    whole = tmp_path / f"whole.{fmt}"
    assert query.export(db, fmt, whole, bom=bom) == 26
    monkeypatch.setattr(query, "EXPORT_PART_ROWS", part_rows)
    parted = tmp_path / f"parted.{fmt}"
    count = query.export(db, fmt, parted, bom=bom, filters=query.Filters.of(country="Iraq") if part_rows == 7 else None)
    if part_rows == 7:                                  # a filter travels into every part
        assert count == 18 and query.export(db, fmt, tmp_path / "iraq", filters=query.Filters.of(country="Iraq")) == 18
        monkeypatch.setattr(query, "EXPORT_PART_ROWS", 10_000)
        query.export(db, fmt, tmp_path / "iraq1", filters=query.Filters.of(country="Iraq"), bom=bom)
        assert parted.read_bytes() == (tmp_path / "iraq1").read_bytes()
    else:
        assert count == 26 and parted.read_bytes() == whole.read_bytes()
    text = parted.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") == bom and text.count(b"\xef\xbb\xbf") == int(bom)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]      # no part left behind


def test_query_export_day_spans_cover_every_day_once_in_order(monkeypatch):
    import datetime as dt

    monkeypatch.setattr(query, "EXPORT_PART_ROWS", 4)
    day = lambda d: dt.date(2024, 1, d)                                      # noqa: E731
    days = [(day(d), n, 0) for d, n in ((1, 3), (2, 1), (3, 5), (4, 1), (5, 1))] + [(None, 2, 2)]
    assert query._day_spans(days) == [(day(1), day(2)), (day(3), day(3)), (day(4), day(5)), (None, None)]
    assert query._day_spans(days[:2]) == [None]                              # one part will do
