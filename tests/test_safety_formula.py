"""Safety, spreadsheets: CSV from `export` and `query` neutralises every formula variant.

A spreadsheet may skip leading spaces, NBSP, zero-width and BOM characters and control
characters, and reads full-width ＝ ＋ － ＠ as = + - @. Each such cell gets a leading ', in
the Python rule (`query.formula_risk`, used by `query --format csv`) and in the SQL rule
(`events export`), which must agree. Plain numbers stay numbers.
"""
from __future__ import annotations

import csv
import io

import pytest

from events import pipeline, query
from events.article import Article
from events.store import Store

SIGNS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\u2212", "\ufe62", "\ufe63", "\ufe66", "\ufe6b"]
LEADS = ["", " ", "   ", "\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e",
         "\x00", "\x01", "\x1f", "\x7f", "\t", "\r", "\n", "\u3000", "\u2028", " \u200b\ufeff\x00"]
BODIES = ["HYPERLINK(\"http://evil.example\",\"x\")", "cmd|' /C calc'!A0", "1+1", "SUM(A1:A2)"]
RISKY = [lead + sign + body for lead in LEADS for sign in SIGNS for body in BODIES[:2]] + \
        ["\tplain", "\rplain", "\x00plain", "\x1b[31m", "-", "+", "=", "@"]
SAFE = ["Baghdad", "Militia (Iraq)", " leading space only", "\u00a0Jakarta", "\u200bPoso", "a=b", "1-2 May",
        "3 killed", "-3", "+1.5", "-0.25", "12", "1e5", "-1E-3", ".5", "", "“=quoted”", "'=already"]


@pytest.mark.parametrize("text", RISKY)
def test_safety_formula_rule_flags_every_variant(text):
    assert query.formula_risk(text)
    assert query.safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", SAFE)
def test_safety_formula_rule_leaves_plain_text_and_numbers(text):
    assert not query.formula_risk(text)
    assert query.safe_cell(text) == text


@pytest.mark.parametrize("value", [-3, -2.5, 0, 1e6, -7])
def test_safety_formula_numbers_stay_numbers(value):
    assert query.safe_cell(value) == query.cell_text(value)


def test_safety_formula_export_and_query_csv_agree_on_every_variant(tmp_path, event_row):
    cells = RISKY + SAFE
    rows = [event_row(event_id_cnty=f"IRQ{n:010d}", notes=text or "x", actor1=text or None,
                      location=text or None, longitude=-44.25, fatalities=n)
            for n, text in enumerate(cells)]
    db = tmp_path / "db"
    Store(db).commit([pipeline.Result(Article(text="t", id="a1"), rows, [])])
    out = tmp_path / "e.csv"
    query.export(db, "csv", out)
    with open(out, encoding="utf-8", newline="") as fh:
        exported = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    got = query.run_sql(db, "SELECT event_id_cnty, notes, actor1, location, longitude FROM events")
    via_query = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(query.render(got, "csv"), newline=""))}
    for n, text in enumerate(cells):
        key = f"IRQ{n:010d}"
        want = ("'" + text) if query.formula_risk(text) else text
        for source in (exported, via_query):
            r = source[key]
            assert r["notes"] == (want if text else "x"), (n, text, r["notes"])
            assert r["actor1"] == want and r["location"] == want, (n, text)
            assert r["longitude"] == "-44.25"                       # a number is not prefixed
        assert exported[key]["fatalities"] == str(n)


def test_safety_formula_ignorable_table_is_this_pythons_unicode():
    """The shipped ranges (read once per Unicode version) are what this Python's data says."""
    import unicodedata

    version, ranges = query._IGNORABLE_SCANNED
    assert query._ignorable_ranges() == query._scan_ignorable()
    if unicodedata.unidata_version != version:
        pytest.skip(f"ranges scanned for Unicode {version}, this Python has {unicodedata.unidata_version}")
    assert ranges == query._scan_ignorable()
    for point in (0x00, 0xA0, 0xAD, 0x200B, 0x202E, 0x3000, 0xFEFF, 0xE0001):      # NUL, NBSP, soft hyphen ... tag
        assert any(a <= point <= b for a, b in ranges), hex(point)
    assert not any(a <= ord(c) <= b for a, b in ranges for c in "A=+-@\uff1d")
