"""Hardening, property-based: every extractor stage and every reader over arbitrary Unicode,
huge numbers, deeply repeated words and pathological punctuation. No exception, no stage error,
no runaway time, and every row valid against the schema."""
from __future__ import annotations

import datetime as dt
import io
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import pipeline, readers, schema
from events.article import Article
from events.pipeline import Doc

# a safety bound per article, far above what any of these texts takes; not a benchmark
ARTICLE_SECONDS = 30.0

WORDS = st.sampled_from([
    "tewas", "menewaskan", "killed", "wounded", "luka-luka", "setidaknya", "at least", "up to",
    "between", "dan", "and", "bom", "bomb", "roket", "rockets", "militan", "gunmen", "polisi",
    "police", "Bagdad", "Baghdad", "Borno", "Papua", "Jakarta", "Kabul", "Jumat", "Monday",
    "8/12/2023", "2023-12-08", "pukul", "tahun", "including", "termasuk", "di antaranya", "puluhan",
    "dozens", "ribuan", "thousand", "juta", "billion", "ERA.id -", "JAKARTA, CNN Indonesia --",
    "said", "kata", "mengaku bertanggung jawab", "claimed responsibility", "protest", "demo",
])
NUMBERS = st.one_of(st.integers(-10**30, 10**30).map(str), st.sampled_from(
    ["9" * 400, "1.000.000.000.000", "1,000,000,000,000", "2.500", "4.30", "0", "-0", "1e308",
     "NaN", "∞", "٣٤", "१२", "１２", "Ⅻ", "³"]))
PUNCT = st.sampled_from(list(".,;:!?()[]{}\"'“”‘’«»—–-…/\\|*&^%$#@~`<>=+_\n\t\r\u2028\u200b\ufeff\x0b\x0c")
                        + ["...", "?!", "\n\n", " . ", "(((", ")))", "--", "—", "\u0301", "\ud7ff"])
PIECE = st.one_of(WORDS, NUMBERS, PUNCT, st.text(max_size=20))
TEXTS = st.lists(st.tuples(PIECE, st.sampled_from([" ", "", "\n", ", "])), max_size=60).map(
    lambda parts: "".join(a + b for a, b in parts))
REPEATED = st.tuples(st.one_of(WORDS, NUMBERS, PUNCT), st.integers(50, 3000)).map(
    lambda wn: (wn[0] + " ") * wn[1])


def _check(article: Article) -> pipeline.Result:
    started = time.monotonic()
    result = pipeline.run_article(article)
    assert time.monotonic() - started < ARTICLE_SECONDS
    assert result.errors == []                         # no stage raised, no row was dropped
    for row in result.rows:
        assert schema.validate_row(row) == []
        assert row["article_ids"] and article.id in row["article_ids"]
    return result


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, language=st.sampled_from([None, "id", "en", "fr", "xx"]),
       published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
       source=st.one_of(st.none(), st.text(max_size=30)))
def test_hardening_properties_pipeline_any_text(text, language, published, source):
    if not text.strip():
        text = "."
    _check(Article(text=text, language=language, published=published, source=source))


@settings(max_examples=15, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=REPEATED, published=st.one_of(st.none(), st.just(dt.date(2024, 2, 20))))
def test_hardening_properties_pipeline_deeply_repeated_words(text, published):
    _check(Article(text=text.strip() or ".", published=published))


@pytest.mark.parametrize("kind", ["prose", "one_sentence"])
def test_hardening_properties_one_megabyte_article_within_the_bound(kind, seed_text):
    unit = (seed_text + "\n") if kind == "prose" else ("setidaknya 12 orang tewas dan 3 luka-luka, "
                                                      "killed 4 between 2 and 9 (27) pukul 4 ")
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    result = _check(Article(text=text, published=dt.date(2023, 12, 8)))
    assert isinstance(result.rows, list)


@pytest.fixture(scope="module")
def seed_text() -> str:
    from pathlib import Path
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))


# --- readers -----------------------------------------------------------------------------------

JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40),
                                 st.floats(allow_nan=False), st.text(max_size=30)),
                       lambda inner: st.one_of(st.lists(inner, max_size=4),
                                               st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                       max_leaves=12)
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSONISH, "text": st.one_of(TEXTS, JSONISH), "published": st.one_of(JSONISH, st.dates().map(str)),
    "title": JSONISH, "source": JSONISH, "url": JSONISH, "language": JSONISH})


def _items_are_well_formed(items: list, origin_prefix: str) -> None:
    for item in items:
        assert isinstance(item, (Article, readers.Rejection))
        if isinstance(item, readers.Rejection):
            assert item.origin.startswith(origin_prefix)
            assert "\n" not in item.reason and item.reason
        else:
            assert item.text.strip() and item.id


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(data=st.binary(max_size=3000), fmt=st.sampled_from(readers.FORMATS))
def test_hardening_properties_readers_any_bytes(data, fmt):
    items = list(readers.read(["-"], fmt=fmt, stdin=io.BytesIO(data), max_bytes=2000))
    _items_are_well_formed(items, "<stdin>")


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(lines=st.lists(st.one_of(RECORDS.map(json.dumps), JSONISH.map(json.dumps), st.text(max_size=40)),
                      max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_hardening_properties_jsonl_any_records(tmp_path_factory, lines, encoding):
    path = tmp_path_factory.mktemp("j") / "a.jsonl"
    body = "\n".join(lines) + "\n"
    try:
        path.write_bytes(body.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(body.encode("utf-8"))
    items = list(readers.read([path], max_bytes=5000))
    _items_are_well_formed(items, str(path))
    for item in items:
        if isinstance(item, Article):
            _check(item)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(rows=st.lists(st.lists(st.one_of(TEXTS, NUMBERS, st.text(max_size=10)), max_size=5), max_size=8),
       header=st.sampled_from([["id", "text"], ["text"], ["id", "text", "published", "source"], ["body"]]))
def test_hardening_properties_csv_any_cells(tmp_path_factory, rows, header):
    import csv
    path = tmp_path_factory.mktemp("c") / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    items = list(readers.read([path], max_bytes=5000))
    _items_are_well_formed(items, str(path))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(body=TEXTS, wrap=st.sampled_from(["<html><body><p>{}</p></body></html>", "<p>{}",
                                         "<html><script>{}</script></html>", "<article>{}</article>",
                                         "<html><body><div><div><div>{}"]))
def test_hardening_properties_html_any_body(tmp_path_factory, body, wrap):
    path = tmp_path_factory.mktemp("h") / "a.html"
    path.write_text(wrap.format(body), encoding="utf-8")
    items = list(readers.read([path]))
    _items_are_well_formed(items, str(path))
