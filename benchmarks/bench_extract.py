"""Where the time of a parallel run goes: `events.parallel.imap` (what extract, ingest and
recode use) against `jobs=1`, with the driver's CPU, the workers' CPU and their idle share.

Repeats the development texts (and the seeds) up to --articles and codes them with
`parallel.imap` for each --jobs and --chunk given, in this process as the commands do. For
each run it prints articles/s, the driver's CPU seconds (reading nothing here: what sending
articles, unpickling results and yielding them costs), the workers' CPU seconds (sampled
from /proc: forkserver workers are not this process's children), the workers' idle share
(1 - worker CPU / (jobs x wall)) and the peak RSS of this process and its whole process tree.
Whole-process figures of the real commands are benchmarks/bench_cli.py's.

    python benchmarks/bench_extract.py --articles 2000 --jobs 1 2 --chunk 16 64
"""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
TICK = os.sysconf("SC_CLK_TCK")


def _load_articles():
    from events.article import Article
    from events.evaluate import gold_article, read_gold
    items = []
    for path in sorted(EVAL.glob("*.jsonl")):
        items += [gold_article(i) for i in read_gold(path)]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        items.append(Article(text=path.read_text(encoding="utf-8")))
    return items


def _tree() -> dict[int, tuple[float, int]]:
    """(CPU seconds, RSS bytes) of every descendant of this process, by pid."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[float, int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        stats[int(name)] = ((int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * os.sysconf("SC_PAGE_SIZE"))
    me, out = os.getpid(), {}
    for pid in stats:
        p = pid
        while p in parents and p not in (0, 1):
            p = parents[p]
            if p == me:
                out[pid] = stats[pid]
                break
    return out


def run(articles, jobs: int, chunk: int) -> dict:
    cpu: dict[int, float] = {}
    peak = [0]
    sampling = [0.0]        # the sampler's own CPU, not the driver's work
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            started = time.thread_time()
            tree = _tree()
            for pid, (seconds, _rss) in tree.items():
                cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            own = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            peak[0] = max(peak[0], own + sum(rss for _s, rss in tree.values()))
            sampling[0] += time.thread_time() - started
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_SELF)
    sampler.start()
    t0 = time.perf_counter()
    rows = errors = 0
    from events import parallel
    for result in parallel.imap(iter(articles), jobs, chunk=chunk):
        rows += len(result.rows)
        errors += len(result.errors)
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_SELF)
    driver = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) - sampling[0]
    workers = sum(cpu.values())
    return {"wall": wall, "driver": driver, "workers": workers, "rows": rows, "errors": errors,
            "idle": 1 - workers / (jobs * wall) if jobs > 1 else 0.0, "peak": peak[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    parser.add_argument("--chunk", type=int, nargs="+", default=[16])
    args = parser.parse_args()
    from events import parallel, pipeline  # noqa: F401  (imported before any run is timed)
    base = _load_articles()
    articles = list(itertools.islice(itertools.cycle(base), args.articles))
    chars = sum(len(a.text) for a in articles)
    print(f"articles: {len(articles)} ({len(base)} distinct, {chars / len(articles):.0f} chars on average); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    seen = None
    for jobs in args.jobs:
        for chunk in args.chunk if jobs > 1 else args.chunk[:1]:
            r = run(articles, jobs, chunk)
            same = "" if seen is None else ("  rows as before" if r["rows"] == seen else "  ROWS DIFFER")
            seen = r["rows"] if seen is None else seen
            print(f"jobs {jobs} chunk {chunk:3d}: {len(articles) / r['wall']:6.0f} articles/s ({r['wall']:.1f} s); "
                  f"driver CPU {r['driver']:.1f} s ({1000 * r['driver'] / len(articles):.2f} ms/article), "
                  f"workers CPU {r['workers']:.1f} s, workers idle {100 * r['idle']:.0f}%; "
                  f"peak RSS {r['peak'] / 2**20:.0f} MB; rows {r['rows']}, stage errors {r['errors']}{same}",
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
