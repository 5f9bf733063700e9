"""Coding on a Dask cluster: a LocalCluster of 2 worker processes started for this module.

The cluster's ingest stores what one machine stores (same rows, same ids, the same report),
a worker that dies mid-task is replaced and its chunk coded again (nothing lost or doubled),
an article whose coding fails is an error of that article, and without the extra
`--engine dask` is one line of advice.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import sys
import uuid
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")

import cloudpickle  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from events import cluster, parallel, pipeline, query, readers, remote  # noqa: E402
from events.cli import main  # noqa: E402
from events.store import Store  # noqa: E402

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


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server on a free port of 127.0.0.1, with the AWS_* variables pointing at it."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as mp:
        for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                            "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://{host}:{port}"}.items():
            mp.setenv(name, value)
        mp.delenv("AWS_PROFILE", raising=False)
        yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The merge reports, one of them again under another id, a line without text, a bad line."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    again = dict(json.loads(lines[0]), id="copy-of-first")
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(lines + [json.dumps(again), '{"id": "no-text"}', "not json"]) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_machine(corpus, tmp_path_factory) -> tuple[Path, str]:
    """The corpus ingested on one machine, in one process: (store folder, report summary)."""
    db = tmp_path_factory.mktemp("one") / "db"
    return db, Store(db).ingest(readers.read([corpus])).summary()


def tables(db: str | Path) -> dict[str, list[tuple]]:
    """Every stored row of the three tables, sorted; articles without their ingest time."""
    con = query.connect(db)
    try:
        return {t: sorted(con.execute(f"SELECT * {'EXCLUDE (ingested_at)' if t == 'articles' else ''} "
                                      f"FROM {t}").fetchall(), key=repr)
                for t in ("events", "articles", "event_sources")}
    finally:
        con.close()


def test_cluster_ingest_stores_what_one_machine_stores(dask_cluster, corpus, one_machine, tmp_path):
    db = tmp_path / "db"
    with cluster.engine(dask_cluster, chunk=3) as run:
        report = Store(db).ingest(readers.read([corpus]), run=run)
    assert report.summary() == one_machine[1]
    assert tables(db) == tables(one_machine[0])


def _die_once(marker: str, victim: str, article, stages=None):
    """Code as the pipeline does, but the first worker to reach `victim` dies on the spot."""
    if article.id == victim and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return pipeline.run_article(article, stages)


def test_cluster_worker_killed_mid_run_loses_and_doubles_nothing(dask_cluster, corpus, one_machine, tmp_path):
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
    assert report.summary() == one_machine[1]
    assert tables(tmp_path / "db") == tables(one_machine[0])


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


def test_cluster_cli_ingest_from_object_storage_into_object_storage(dask_cluster, s3_endpoint, corpus,
                                                                    one_machine):
    bucket = f"events-{uuid.uuid4().hex[:12]}"
    fs, _ = remote.filesystem(f"s3://{bucket}")
    fs.mkdir(bucket)
    fs.put_file(str(corpus), f"{bucket}/in/news.jsonl")
    uri = f"s3://{bucket}/store"
    runner = CliRunner()
    args = ["--db", uri, "ingest", "--engine", "dask", "--address", dask_cluster, f"s3://{bucket}/in/*.jsonl"]
    done = runner.invoke(main, args)
    assert done.exit_code == 1, done.output                  # the two bad lines are rejected
    assert done.stdout.strip().splitlines()[-1] == one_machine[1]
    assert tables(uri) == tables(one_machine[0])
    again = runner.invoke(main, args)                         # idempotent: nothing new, no publish
    assert again.exit_code == 1 and "36 articles read: 0 new, 34 already stored, 2 rejected" in again.stdout


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
