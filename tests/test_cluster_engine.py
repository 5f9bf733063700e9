"""Coding on a Dask cluster: a LocalCluster of 2 worker processes started for this module.

The cluster's ingest stores what one machine stores (same rows, same ids, the same report),
a worker that dies mid-task is replaced and its chunk coded again (nothing lost or doubled),
an article whose coding fails is an error of that article, and without the extra
`--engine dask` is one line of advice.
"""
from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("s3fs")
pytest.importorskip("moto.server")

import cloudpickle  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from events import cluster, parallel, pipeline, query, readers, remote  # noqa: E402
from events.cli import main  # noqa: E402
from events.store import Store  # noqa: E402
# the same fixtures: an S3 server, a bucket, the corpus and its ingest on one machine
from test_remote_store import REPORTS, bucket, corpus, local_store, s3_endpoint, tables  # noqa: E402, F401

CORPUS = Path(__file__).parent / "data" / "merge_reports.jsonl"
# One xdist worker runs this module and the other cluster/remote one (`--dist loadgroup`),
# so their servers and the cluster start once, not once per worker.
pytestmark = pytest.mark.xdist_group("cluster")

# The workers import `events`, not this file: functions of this module travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def dask_cluster():
    """A LocalCluster of 2 single-threaded worker processes on 127.0.0.1 (its scheduler address)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


def test_cluster_ingest_stores_what_one_machine_stores(dask_cluster, corpus, local_store, tmp_path):
    db = tmp_path / "db"
    with cluster.engine(dask_cluster, chunk=3) as run:
        report = Store(db).ingest(readers.read([corpus]), run=run)
    assert report.summary() == local_store[1]
    assert tables(db) == tables(local_store[0])


def _die_once(marker: str, victim: str, article, stages=None):
    """Code as the pipeline does, but the first worker to reach `victim` dies on the spot."""
    if article.id == victim and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return pipeline.run_article(article, stages)


def test_cluster_worker_killed_mid_run_loses_and_doubles_nothing(dask_cluster, corpus, local_store, tmp_path):
    marker = tmp_path / "died"
    with distributed.Client(dask_cluster) as client:
        before = set(client.run(os.getpid).values())
    run_dying = functools.partial(_die_once, str(marker), "m-afg-afp")
    with cluster.engine(dask_cluster, chunk=3, run=run_dying) as run:
        report = Store(tmp_path / "db").ingest(readers.read([corpus]), run=run)
    assert marker.exists()                                   # a worker did die mid-task
    with distributed.Client(dask_cluster) as client:
        client.wait_for_workers(2, timeout=60)
        after = set(client.run(os.getpid).values())
    assert len(before - after) == 1                          # ... and was replaced
    assert report.summary() == local_store[1]
    assert tables(tmp_path / "db") == tables(local_store[0])


def _fail_on(victim: str, article, stages=None):
    if article.id == victim:
        raise RuntimeError("a stage broke on this article")
    return pipeline.run_article(article, stages)


def test_cluster_failing_article_is_its_error_as_on_one_machine(dask_cluster, corpus):
    fail = functools.partial(_fail_on, "m-afg-reuters")
    articles = [a for a in readers.read([corpus]) if isinstance(a, readers.Article)][:6]
    here = list(parallel.imap(articles, 1, run=fail))
    with cluster.engine(dask_cluster, run=fail) as run:
        there = list(run(articles))
    assert [(r.article.id, r.rows, r.errors) for r in there] == [(r.article.id, r.rows, r.errors) for r in here]
    failed = [r for r in there if r.errors]
    assert [r.article.id for r in failed] == ["m-afg-reuters"] and not failed[0].rows
    assert "a stage broke on this article" in failed[0].errors[0]


def test_cluster_cli_ingest_from_object_storage_into_object_storage(dask_cluster, bucket, corpus, local_store):
    fs, _ = remote.filesystem(f"s3://{bucket}")
    fs.put_file(str(corpus), f"{bucket}/in/news.jsonl")
    uri = f"s3://{bucket}/store"
    runner = CliRunner()
    args = ["--db", uri, "ingest", "--engine", "dask", "--address", dask_cluster, f"s3://{bucket}/in/*.jsonl"]
    done = runner.invoke(main, args)
    assert done.exit_code == 1, done.output                  # the two bad lines are rejected
    assert done.stdout.strip().splitlines()[-1] == local_store[1]
    assert tables(uri) == tables(local_store[0])
    again = runner.invoke(main, args)                         # idempotent: nothing new, no publish
    assert again.exit_code == 1 and f"{REPORTS + 3} articles read: 0 new, {REPORTS + 1} already stored, 2 rejected" in again.stdout


def test_cluster_engine_without_the_extra_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)    # as if not installed
    done = CliRunner().invoke(main, ["--db", str(tmp_path / "db"), "ingest", "--engine", "dask", str(CORPUS)])
    assert done.exit_code == 2
    assert done.output == ('Error: --engine dask needs the optional extra that is not installed; '
                           'run: pip install "events[cluster]" (or use --engine local)\n')
    assert not (tmp_path / "db").exists()


def test_cluster_unreachable_scheduler_is_one_line(monkeypatch, tmp_path):
    import socket

    with socket.socket() as s:                                 # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    done = CliRunner().invoke(main, ["--db", str(tmp_path / "db"), "ingest", "--engine", "dask",
                                     "--address", f"tcp://127.0.0.1:{port}", str(CORPUS)])
    assert done.exit_code == 2
    assert done.output.startswith(f"Error: cannot reach a Dask scheduler at tcp://127.0.0.1:{port} (")
    assert done.output.count("\n") == 1


def test_cluster_address_without_the_engine_is_a_usage_error(tmp_path):
    done = CliRunner().invoke(main, ["--db", str(tmp_path / "db"), "ingest", "--address", "tcp://h:8786",
                                     str(CORPUS)])
    assert (done.exit_code, done.output) == (2, "Error: --address names a Dask scheduler; give --engine dask with it\n")
