"""query: the pieces under export and the views' file reads (formula rule in SQL, positional reads)."""
from __future__ import annotations

import os
import threading

import duckdb
import pyarrow as pa

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
