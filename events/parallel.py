"""Code a stream of articles on every core: results in input order, memory bounded.

`imap(items, jobs)` runs `pipeline.run_article` over each Article of `items` on `jobs`
worker processes (default: every core this process may use; `jobs=1` codes in this process)
and yields one `pipeline.Result` per Article, in input order; anything else in `items` (a
reader's Rejection) is passed through in its place. The same rows and ids come out whatever
`jobs` is, because a worker runs exactly what `jobs=1` runs, with the caller's options.

How it stays flat and never hangs:
- At most `window` chunks of `chunk` articles are in flight (sent, or done and waiting for an
  earlier chunk): the input is read only as fast as results are taken.
- Workers are started once per call and load the stages' tables once, in an initializer that
  codes two small warm-up texts; a run of at most one chunk is coded in this process instead,
  so a single article does not pay for starting workers.
- A stage that fails is already an error of that article (`run_article`); any other exception
  in a worker becomes an error of the article that raised it. A worker that dies (a crash, the
  OOM killer) breaks the pool: the chunks in flight are then re-run one article at a time on a
  fresh pool, and the article that kills a worker on its own gets an error, the others their rows.
- Workers ignore SIGINT: on Ctrl-C the caller gets KeyboardInterrupt, chunks not started are
  cancelled and the pool is shut down before the exception goes on (nothing half-done is
  yielded, so a store that commits only what it received stays whole).

Processes start with the 'forkserver' method: each worker is forked from a small server
process started fresh (with `events.pipeline` imported once), never from the caller, which
may hold DuckDB/Arrow thread pools or a progress-bar thread whose locks a plain `fork` would
copy mid-use; 'spawn' would be as safe but re-imports everything in every worker. As with any
multiprocessing start method but 'fork', a script that calls `imap` with jobs > 1 must keep
its top-level work under `if __name__ == "__main__":` (workers import the script's module);
the `events` command and notebooks need nothing.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from events import errors, pipeline
from events.article import Article

START_METHOD = "forkserver"
CHUNK = 16              # articles per task: ~0.1 s of work, so sending costs ~1 %
WINDOW_PER_JOB = 3      # chunks in flight per worker: enough that no worker waits for input

Run = Callable[..., pipeline.Result]     # run(article) or run(article, stages), as pipeline.run_article

class WorkerError(errors.EventsError):
    """Worker processes could not be started (or stopped before coding anything)."""


def workers_failed(why: str) -> str:
    return (f"could not start the worker processes ({why}); nothing was coded by them; "
            f"run again with --jobs 1 to code in one process")


def article_crashed() -> str:
    return ("worker process stopped abruptly while coding this article (a crash or the "
            "out-of-memory killer); it gave no rows")


def result_lost(exc: BaseException) -> str:
    return f"the worker's result could not be sent back ({type(exc).__name__}: {exc}); it gave no rows"


def default_jobs() -> int:
    """The cores this process may run on (respects taskset/cgroup affinity)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def imap(items: Iterable[Any], jobs: int | None = None, *, stages: Sequence[str] | None = None,
         opts: pipeline.Options | None = None, chunk: int = CHUNK, window: int | None = None,
         run: Run | None = None) -> Iterator[Any]:
    """A Result for each Article of `items`, other items passed through, all in input order.

    `opts` defaults to the options in force here (`pipeline.options(...)`), which workers
    would not otherwise see; results coded in workers are counted in this process's
    `pipeline.tally()` blocks, as in-process ones are. `run` codes one article (default
    `pipeline.run_article`, looked up when the run starts); workers import it by name, so it
    must be a module-level function.
    """
    run = run or pipeline.run_article
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or chunk < 1 or (window is not None and window < 1):
        raise ValueError(f"jobs, chunk and window must be at least 1 (got {jobs}, {chunk}, {window})")
    if opts is None:
        with pipeline.options() as opts:
            pass
    items = iter(items)
    head: list[Any] = []
    if jobs > 1:        # read one chunk ahead: a run that fits in it is coded here
        seen = 0
        for item in items:
            head.append(item)
            seen += isinstance(item, Article)
            if seen > chunk:
                break
        else:
            jobs = 1
    stream = _chain(head, items)
    if jobs == 1:
        for item in stream:
            if isinstance(item, Article):
                if run is pipeline.run_article:
                    pipeline.prepare(stages, opts)     # once per process: tables loaded, then settled
                item = _code(run, item, stages, opts, count=True)
            yield item
        return
    yield from _Parallel(jobs, chunk, window or WINDOW_PER_JOB * jobs, run, stages, opts).imap(stream)


def runner(jobs: int | None = None, **kwargs: Any) -> Callable[[Iterable[Article]], Iterator[pipeline.Result]]:
    """`imap` with its settings bound: what a store's ingest/recode takes as `run`."""
    return lambda articles: imap(articles, jobs, **kwargs)


def _chain(head: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from head
    head.clear()
    yield from rest


def _fields(opts: pipeline.Options) -> dict[str, Any]:
    return {f.name: getattr(opts, f.name) for f in dataclasses.fields(opts)}


def _code(run: Run, article: Article, stages: Sequence[str] | None, opts: pipeline.Options,
          count: bool = False) -> pipeline.Result:
    """One article, whatever happens short of the process dying (the same in-process and in
    workers; the options are in force around it, as `pipeline.options` sets them)."""
    try:
        with pipeline.options(**_fields(opts)):
            return run(article) if stages is None else run(article, stages)
    except Exception as exc:   # run_article names a failing stage itself; this is anything else
        result = pipeline.Result(article, [], [f"pipeline failed: {type(exc).__name__}: {exc}"])
        if count:
            pipeline._counted(result)
        return result


# --- in the worker processes -----------------------------------------------------------------

def _init(run: Run, stages: Sequence[str] | None, opts: pipeline.Options) -> None:
    """Ignore Ctrl-C (the parent stops the run) and load the pipeline's tables once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if run is pipeline.run_article:
        pipeline.prepare(stages, opts)


def _ready() -> int:
    return os.getpid()


def _work(run: Run, articles: list[Article], stages: Sequence[str] | None,
          opts: pipeline.Options) -> list[pipeline.Result]:
    return [_code(run, a, stages, opts) for a in articles]


# --- in the calling process ------------------------------------------------------------------

@dataclass
class _Slot:
    """A place in the output: items passed through, or a chunk of articles being coded."""
    items: list[Any]
    future: Future | None = None
    results: list[Any] | None = field(default=None)


class _Parallel:
    def __init__(self, jobs: int, chunk: int, window: int, run: Run,
                 stages: Sequence[str] | None, opts: pipeline.Options) -> None:
        self.jobs, self.chunk, self.window = jobs, chunk, window
        self.run, self.stages, self.opts = run, stages, opts
        self.context = multiprocessing.get_context(START_METHOD)
        self.context.set_forkserver_preload(["events.pipeline"])
        self.pool: ProcessPoolExecutor | None = None

    def _start(self, verify: bool) -> None:
        try:
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init,
                                            initargs=(self.run, self.stages, self.opts))
            pings = [self.pool.submit(_ready) for _ in range(self.jobs)]   # starts every worker now
            if verify:      # a fresh pool after a crash must work before an article is blamed
                pings[0].result()
        except (BrokenProcessPool, OSError) as exc:
            raise WorkerError(workers_failed(str(exc) or type(exc).__name__)) from None

    def _stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def imap(self, stream: Iterator[Any]) -> Iterator[Any]:
        pending: deque[_Slot] = deque()
        self._start(verify=False)
        pipeline.settle_memory()      # this process merges and stores what the workers code
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < self.window:
                    exhausted = self._read(stream, pending)
                if not pending:
                    return
                slot = pending.popleft()
                if slot.future is None:
                    yield from slot.items
                    continue
                if slot.results is None:
                    self._wait(slot, pending)
                for article, result in zip(slot.items, slot.results):
                    yield _returned(article, result)
        finally:
            self._stop()

    def _read(self, stream: Iterator[Any], pending: deque[_Slot]) -> bool:
        """Add one slot (a chunk sent to the workers, or an item passed through); True at the end."""
        articles: list[Article] = []
        for item in stream:
            if isinstance(item, Article):
                articles.append(item)
                if len(articles) == self.chunk:
                    break
            else:
                if articles:
                    pending.append(self._send(articles))
                pending.append(_Slot([item]))
                return False
        else:
            if articles:
                pending.append(self._send(articles))
            return True
        pending.append(self._send(articles))
        return False

    def _send(self, articles: list[Article]) -> _Slot:
        try:
            future = self.pool.submit(_work, self.run, articles, self.stages, self.opts)
        except BrokenProcessPool as exc:
            # a worker died after the last chunk went out: this chunk fails as if it had been
            # in flight, and _wait restarts the pool and re-runs it article by article
            future = Future()
            future.set_exception(exc)
        return _Slot(articles, future)

    def _wait(self, slot: _Slot, pending: deque[_Slot]) -> None:
        try:
            slot.results = slot.future.result()
            return
        except BrokenProcessPool:
            broken = True
        except Exception:       # e.g. a result that could not be pickled
            broken = False
        # A dead worker fails every chunk in flight with it, and any of them may hold the
        # article that killed it. Let the others finish (or fail) so the pool is idle, keep
        # what finished, and re-run the failed chunks one article at a time.
        failed = [slot]
        for other in pending:
            if other.future is not None and other.results is None:
                if _succeeded(other.future):
                    other.results = other.future.result()
                else:
                    failed.append(other)
        if broken:
            self._restart()
        for s in failed:
            self._isolate(s)

    def _restart(self) -> None:
        self._stop()
        self._start(verify=True)

    def _isolate(self, slot: _Slot) -> None:
        """Code a slot's articles one at a time, alone on the pool: a crash names its article."""
        results = []
        for article in slot.items:
            future = self.pool.submit(_work, self.run, [article], self.stages, self.opts)
            try:
                results.extend(future.result())
            except BrokenProcessPool:
                results.append(pipeline.Result(article, [], [article_crashed()]))
                self._restart()
            except Exception as exc:
                results.append(pipeline.Result(article, [], [result_lost(exc)]))
        slot.results = results


def _returned(article: Article, result: pipeline.Result) -> pipeline.Result:
    """A worker's result as `jobs=1` gives it: on the caller's own Article, updated as the
    pipeline updates it (a publication date given by option), and counted in its tallies."""
    article.__dict__.update(result.article.__dict__)
    result.article = article
    pipeline._counted(result)
    return result


def _succeeded(future: Future) -> bool:
    """Whether a chunk's task finished with its results (waits for it: the pool is draining)."""
    try:
        return future.exception() is None
    except CancelledError:
        return False
