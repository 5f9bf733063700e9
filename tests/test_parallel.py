"""events.parallel: the same results on N processes as in one, in input order, a failing or
crashing article isolated, the input read only a bounded window ahead, workers stopped."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from events import parallel, pipeline
from events.article import Article
from events.evaluate import gold_article, read_gold
from events.readers import Rejection

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
FAIL, CRASH = "FAIL-THIS-ARTICLE", "CRASH-THIS-WORKER"


def gold_articles() -> list[Article]:
    paths = sorted(EVAL.glob("*.jsonl"))
    assert paths, f"no gold files in {EVAL}"
    return [gold_article(item, origin=str(p)) for p in paths for item in read_gold(p)]


def in_worker() -> bool:
    return multiprocessing.parent_process() is not None


# Module-level stand-ins for the pipeline (workers import them by name).
def echo(article: Article, stages=None) -> pipeline.Result:
    """Records where it ran: the worker's pid as the only error-free 'row'."""
    return pipeline.Result(article, [{"text": article.text, "pid": os.getpid()}], [])


def fragile(article: Article, stages=None) -> pipeline.Result:
    """Raises on one article, kills its (worker) process on another, echoes the rest."""
    if FAIL in article.text:
        raise RuntimeError("boom")
    if CRASH in article.text and in_worker():
        os._exit(3)
    return echo(article)


def numbered(n: int, marks: dict[int, str] | None = None) -> list[Article]:
    marks = marks or {}
    return [Article(text=f"article {i} {marks.get(i, '')}".strip()) for i in range(n)]


def test_parallel_two_jobs_give_the_same_rows_ids_and_order_as_one_on_the_gold_articles():
    articles = gold_articles()
    with pipeline.tally() as one_tally:
        one = list(parallel.imap(articles, jobs=1))
    with pipeline.tally() as two_tally:
        two = list(parallel.imap(articles, jobs=2, chunk=4))
    assert len(one) == len(two) == len(articles)
    assert [r.article.id for r in two] == [a.id for a in articles]
    assert sum(len(r.rows) for r in one) > 0
    assert [r.rows for r in two] == [r.rows for r in one]
    assert [[row["event_id_cnty"] for row in r.rows] for r in two] == \
        [[row["event_id_cnty"] for row in r.rows] for r in one]
    assert [r.errors for r in two] == [r.errors for r in one]
    assert two_tally.summary() == one_tally.summary() and two_tally.articles == len(articles)


def test_parallel_run_options_reach_the_workers():
    text = "A bomb exploded at a market in Kabul on Friday, killing three people, police said."
    firsts, seconds = ([Article(text=f"{text} Report {i}.") for i in range(6)] for _ in range(2))
    with pipeline.options(published=dt.date(2024, 3, 10)):
        one = list(parallel.imap(firsts, jobs=1))
        two = list(parallel.imap(seconds, jobs=2, chunk=2))
    assert [r.rows for r in two] == [r.rows for r in one]
    assert {row["event_date"] for r in two for row in r.rows} == {dt.date(2024, 3, 8)}
    assert [r.article for r in two] == seconds and all(r.article is a for r, a in zip(two, seconds))
    assert all(a.published == dt.date(2024, 3, 10) for a in seconds)    # as jobs=1 leaves them


def test_parallel_items_that_are_not_articles_pass_through_in_their_place():
    items: list = []
    for i, article in enumerate(numbered(20)):
        items.append(article)
        if i % 3 == 0:
            items.append(Rejection(f"input.jsonl:{i}", "not valid JSON"))
    out = list(parallel.imap(items, jobs=2, chunk=3, run=echo))
    assert [o if isinstance(o, Rejection) else o.article for o in out] == items
    assert len({o.rows[0]["pid"] for o in out if not isinstance(o, Rejection)} - {os.getpid()}) >= 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_parallel_an_article_that_raises_is_an_error_of_that_article_only(jobs):
    articles = numbered(30, {7: FAIL})
    out = list(parallel.imap(articles, jobs=jobs, chunk=4, run=fragile))
    assert [r.article.text for r in out] == [a.text for a in articles]
    assert out[7].rows == [] and out[7].errors == ["pipeline failed: RuntimeError: boom"]
    assert all(r.rows and not r.errors for i, r in enumerate(out) if i != 7)


def test_parallel_a_worker_that_dies_fails_its_article_and_the_run_goes_on():
    articles = numbered(40, {5: CRASH, 23: FAIL})
    out = list(parallel.imap(articles, jobs=2, chunk=4, window=4, run=fragile))
    assert [r.article.text for r in out] == [a.text for a in articles]
    assert out[5].rows == [] and out[5].errors == [parallel.article_crashed()]
    assert out[23].errors == ["pipeline failed: RuntimeError: boom"]
    assert all(r.rows and not r.errors for i, r in enumerate(out) if i not in (5, 23))


def test_parallel_a_pool_found_broken_when_a_chunk_is_sent_reruns_that_chunk(monkeypatch):
    # a worker can die between two submits: the next submit itself raises BrokenProcessPool
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    real, calls = ProcessPoolExecutor.submit, []

    def submit(self, fn, *args, **kwargs):
        if fn is parallel._work:
            calls.append(1)
            if len(calls) == 3:
                raise BrokenProcessPool("a child process terminated abruptly")
        return real(self, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    articles = numbered(24)
    out = list(parallel.imap(articles, jobs=2, chunk=4, window=3, run=echo))
    assert [r.article.text for r in out] == [a.text for a in articles]
    assert all(r.rows and not r.errors for r in out)


@pytest.mark.parametrize("chunk,window", [(1, 2), (4, 3), (16, 6)])
def test_parallel_reads_the_input_at_most_a_window_of_chunks_ahead(chunk, window):
    pulled = 0
    articles = numbered(200)

    def source():
        nonlocal pulled
        for a in articles:
            pulled += 1
            yield a

    ahead = []
    for taken, _ in enumerate(parallel.imap(source(), jobs=2, chunk=chunk, window=window, run=echo), 1):
        ahead.append(pulled - taken)
    assert max(ahead) <= window * chunk
    assert len(ahead) == 200


def test_parallel_a_short_run_is_coded_in_this_process():
    out = list(parallel.imap(numbered(5), jobs=2, chunk=16, run=echo))
    assert {r.rows[0]["pid"] for r in out} == {os.getpid()}


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in state


def test_parallel_stopping_early_shuts_the_workers_down():
    gen = parallel.imap(numbered(100), jobs=2, chunk=2, run=echo)
    pids = {next(gen).rows[0]["pid"] for _ in range(10)}
    gen.close()
    assert pids and os.getpid() not in pids
    assert all(_gone(pid) for pid in pids)


def test_parallel_ctrl_c_stops_the_run_and_its_workers():
    seen: list[int] = []

    def source():
        for i, a in enumerate(numbered(100)):
            if i == 60:
                signal.raise_signal(signal.SIGINT)
            yield a

    with pytest.raises(KeyboardInterrupt):
        for result in parallel.imap(source(), jobs=2, chunk=4, run=echo):
            seen.append(result.rows[0]["pid"])
    assert len(seen) < 60
    assert all(_gone(pid) for pid in set(seen))


def test_parallel_refuses_zero_jobs():
    with pytest.raises(ValueError):
        list(parallel.imap(numbered(3), jobs=0))
    assert parallel.default_jobs() >= 1


def _stored(db) -> list[tuple]:
    from events.query import run_sql
    return run_sql(db, "SELECT event_id_cnty, event_date, country, event_type, fatalities, article_ids "
                       "FROM events ORDER BY event_id_cnty").rows


def test_parallel_ingest_and_recode_on_two_jobs_store_what_one_stores(tmp_path):
    from events.store import Store
    articles = gold_articles()[:40]
    one, two = Store(tmp_path / "one"), Store(tmp_path / "two")
    report_one = one.ingest(articles + articles[:3])
    report_two = two.ingest(articles + articles[:3], run=parallel.runner(2, chunk=4))
    assert (report_two.new, report_two.already, report_two.events) == \
        (report_one.new, report_one.already, report_one.events) == (40, 3, report_one.events)
    assert _stored(tmp_path / "two") == _stored(tmp_path / "one") and report_one.events > 0
    recoded = two.recode(run=parallel.runner(2, chunk=4))
    assert recoded.articles == 40 and _stored(tmp_path / "two") == _stored(tmp_path / "one")


def test_parallel_extract_jobs_two_prints_what_jobs_one_prints(tmp_path):
    from click.testing import CliRunner
    from events.cli import main
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": str(a.published or "")
                                        or None, "source": a.source}) + "\n"
                            for a in gold_articles()[:30]) + "not json\n", encoding="utf-8")
    outs = [CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl", "--jobs", jobs])
            for jobs in ("1", "2")]
    assert [o.exit_code for o in outs] == [1, 1]         # the bad line is rejected in both
    assert outs[0].stdout == outs[1].stdout and outs[0].stdout.count("\n") > 10


SETTLED = """
import gc, json
from events import parallel, pipeline
from events.article import Article
before = gc.get_threshold()[0]
with pipeline.tally() as counted:
    out = list(parallel.imap([Article(text="Gunmen killed two people in Kabul on 3 March 2024.")], jobs=1))
print(json.dumps({"before": before, "after": gc.get_threshold()[0], "frozen": gc.get_freeze_count(),
                  "counted": counted.articles, "rows": len(out[0].rows)}))
"""


def test_parallel_a_process_loads_its_tables_uncounted_then_settles_the_collector():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", SETTLED], capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    assert got["before"] != pipeline.GC_YOUNG and got["after"] == pipeline.GC_YOUNG
    assert got["frozen"] > 10_000          # the tables are out of the collector's reach
    assert got["counted"] == 1 and got["rows"] == 1     # the warm-up texts are not counted
