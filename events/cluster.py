"""Coding articles on a Dask cluster: the same results as `events.parallel`, on many machines.

`engine(address, workers)` connects to a running Dask scheduler (or starts a LocalCluster of
`workers` processes when no address is given) and yields a coder, what `Store.ingest` takes as
`run`: it maps a stream of items to one `pipeline.Result` per Article, in input order, with
anything else (a reader's Rejection, an article already stored) passed through in its place.
The store then commits in this process, as on one machine, so dedup, merging, ids and the one
manifest publish per batch are those of a single-machine ingest.

What Dask does and we do not: scheduling, moving chunks to workers, and retrying. A chunk of
articles is one task (`events.parallel._work`, the function the local worker processes run);
at most `window` chunks are in flight, so memory stays flat whatever the input's size. When a
worker dies mid-task, the scheduler runs its tasks again on another worker (a result is taken
once, from the future of its chunk, so nothing is lost or doubled). A chunk that kills workers
past the scheduler's `allowed-failures` (KilledWorker) is re-run one article at a time, and the
article that kills a worker on its own gets an error, as `events.parallel` does. An article
whose stage raises is an error of that article in the worker already (`pipeline.run_article`).

Each worker loads the stages' tables once (they are module-level caches of the worker's
process); `engine` codes two warm-up texts on every worker before the run starts.
Needs the optional extra: pip install "events[cluster]".
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from events import errors, parallel, pipeline
from events.article import Article

ENGINES = ("local", "dask")
CHUNK = 16                 # articles per task, as events.parallel
WINDOW_PER_WORKER = 4      # chunks in flight per worker
CONNECT_TIMEOUT = "30s"

Coder = Callable[[Iterable[Any]], Iterator[Any]]


class ClusterError(errors.EventsError):
    """The engine cannot be used: not installed, no scheduler at the address, no workers."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(errors.missing_dask()) from None
    return distributed


def check_installed() -> None:
    """Raise ClusterError (one line: how to install the extra) when Dask is not installed."""
    _distributed()


def _warm_up() -> int:
    """Load every table of the pipeline in this worker, as events.parallel's workers do."""
    pipeline.prepare()
    return 0


@contextmanager
def engine(address: str | None = None, workers: int | None = None, chunk: int = CHUNK,
           run: parallel.Run | None = None) -> Iterator[Coder]:
    """A coder on a Dask cluster: the scheduler at `address`, or a LocalCluster of `workers`
    processes (default: every core) started here and stopped at the end.

    `run` codes one article (default `pipeline.run_article`); it is sent to the workers by
    reference, so it must be importable there (the workers need `events` installed).
    """
    distributed = _distributed()
    cluster = None
    try:
        if address:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers or parallel.default_jobs(), threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(errors.no_scheduler(address or "a local cluster", str(exc) or type(exc).__name__)) from None
    try:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise ClusterError(errors.no_scheduler(address or "a local cluster", "no worker joined")) from None
        client.run(_warm_up)
        yield lambda items: imap(client, items, chunk=chunk, run=run)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def imap(client: Any, items: Iterable[Any], chunk: int = CHUNK, window: int | None = None,
         run: parallel.Run | None = None) -> Iterator[Any]:
    """A Result for each Article of `items` coded on the client's cluster, others passed
    through, all in input order (as `events.parallel.imap`, with the caller's options)."""
    run = run or pipeline.run_article
    with pipeline.options() as opts:
        pass
    if window is None:
        window = WINDOW_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[tuple[list[Any], Any]] = deque()      # (items, future or None)
    stream = iter(items)
    exhausted = False

    def read() -> bool:
        """Send one chunk (or queue one passed-through item); True at the end of the input."""
        articles: list[Article] = []
        for item in stream:
            if isinstance(item, Article):
                articles.append(item)
                if len(articles) == chunk:
                    break
            else:
                if articles:
                    pending.append((articles, send(articles)))
                pending.append(([item], None))
                return False
        else:
            if articles:
                pending.append((articles, send(articles)))
            return True
        pending.append((articles, send(articles)))
        return False

    def send(articles: list[Article]) -> Any:
        return client.submit(parallel._work, run, articles, None, opts, pure=False)

    try:
        while True:
            while not exhausted and len(pending) < window:
                exhausted = read()
            if not pending:
                return
            batch, future = pending.popleft()
            if future is None:
                yield from batch
                continue
            for article, result in zip(batch, _results(client, batch, future, run, opts)):
                yield parallel._returned(article, result)
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()


def _results(client: Any, batch: list[Article], future: Any, run: parallel.Run,
             opts: pipeline.Options) -> list[pipeline.Result]:
    """The chunk's results; a chunk that keeps killing workers is coded one article at a time."""
    distributed = _distributed()
    try:
        return future.result()
    except distributed.KilledWorker:
        pass
    out = []
    for article in batch:
        alone = client.submit(parallel._work, run, [article], None, opts, pure=False)
        try:
            out.extend(alone.result())
        except distributed.KilledWorker:
            out.append(pipeline.Result(article, [], [parallel.article_crashed()]))
    return out
