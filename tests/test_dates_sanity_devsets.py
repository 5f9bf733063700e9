"""Date sanity on the development sets beside the project (read at test time, never copied):
no row before 1900 and none after its article's publication date, with and without the
publication date given. Skipped where the files are not present."""
import datetime as dt
import json
from pathlib import Path

import pytest

from events import pipeline
from events.article import Article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
MUC_EVERY = 25          # one MUC-4 story in 25: ~50 wire stories with datelines and no metadata


def _gold(name: str, with_published: bool) -> list[Article]:
    path = EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(text=a["text"], language=a.get("language"),
                    published=dt.date.fromisoformat(a["published"]) if with_published and a.get("published")
                    else None) for a in arts]


def _muc() -> list[Article]:
    files = sorted((EVAL / "dev" / "muc4_dev").glob("*.txt"))
    if not files:
        pytest.skip("MUC-4 development texts not present")
    return [Article(text=f.read_text(encoding="utf-8", errors="replace"), language="en") for f in files[::MUC_EVERY]]


def _check(articles: list[Article]) -> tuple[int, int]:
    rows = 0
    for article in articles:
        result = pipeline.run_article(article)
        for row in result.rows:
            rows += 1
            day = row["event_date"]
            if day is None:
                assert row["year"] is None and row["time_precision"] is None
                continue
            assert day.year >= 1900, (article.text[:80], day)
            if result.article.published:
                assert day <= result.article.published, (article.text[:80], day)
    return len(articles), rows


@pytest.mark.parametrize("name", ["dev_en", "dev_id", "dev_id2"])
@pytest.mark.parametrize("with_published", [True, False])
def test_dates_sanity_devsets_gold(name, with_published):
    articles, rows = _check(_gold(name, with_published))
    assert rows > 0 and articles > 0


def test_dates_sanity_devsets_muc4_wire_stories_are_dated_by_their_datelines():
    articles = _muc()
    dated = 0
    for article in articles:
        result = pipeline.run_article(article)
        dated += any(r["event_date"] is not None for r in result.rows)
    _check(articles)
    assert dated >= len(articles) // 3          # the dateline's date reaches the rows
