"""The SQL examples in README.md run on a store (docs that cannot rot)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from events import pipeline, query
from events.article import Article
from events.store import Store

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLES = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_query_readme_has_sql_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("sql", EXAMPLES, ids=[e.splitlines()[0][3:40] for e in EXAMPLES])
def test_query_readme_example_runs(tmp_path, event_row, sql):
    db = tmp_path / "db"
    rows = [event_row(perpetrator="Islamic Resistance in Iraq", article_ids=["r1"]),
            event_row(event_id_cnty="IDN0000000002", iso=360, region="Southeast Asia",
                      country="Indonesia", admin1="Papua", article_ids=["r1"])]
    Store(db).commit([pipeline.Result(Article(text="x", id="r1", source="ERA.id"), rows, [])])
    result = query.run_sql(db, sql.strip().rstrip(";"))
    assert result.rows, sql
