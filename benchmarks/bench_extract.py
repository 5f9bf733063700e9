"""Extraction throughput: articles per second on all cores, and peak memory.

Repeats the gold dev articles (and the seed) up to --articles, runs the whole pipeline in a
process pool (one worker per core), and prints articles/s and the peak resident memory of
the workers and of the parent.

    python benchmarks/bench_extract.py --articles 4000
"""
from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import os
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _load_articles():
    from events.evaluate import gold_article, read_gold
    from events.article import Article
    items = []
    for path in sorted(EVAL.glob("*.jsonl")):
        items += [gold_article(i) for i in read_gold(path)]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        items.append(Article(text=path.read_text(encoding="utf-8")))
    return items


def _work(chunk):
    from events import pipeline
    rows = errors = 0
    for article in chunk:
        result = pipeline.run_article(article)
        rows += len(result.rows)
        errors += len(result.errors)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(chunk), rows, errors, peak_kb


def _warm(_):
    from events import pipeline
    from events.article import Article
    pipeline.run_article(Article(text="Warm-up: a bomb exploded in Baghdad on Friday."))
    return os.getpid()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    base = _load_articles()
    articles = list(itertools.islice(itertools.cycle(base), args.articles))
    chunks = [articles[i:i + 200] for i in range(0, len(articles), 200)]
    with mp.get_context("fork").Pool(args.workers) as pool:
        t0 = time.perf_counter()
        pool.map(_warm, range(args.workers))
        warm = time.perf_counter() - t0
        t0 = time.perf_counter()
        results = pool.map(_work, chunks)
        elapsed = time.perf_counter() - t0
    done = sum(r[0] for r in results)
    rows = sum(r[1] for r in results)
    errors = sum(r[2] for r in results)
    peak_worker_mb = max(r[3] for r in results) / 1024
    chars = sum(len(a.text) for a in articles)
    print(f"articles: {done} ({len(base)} distinct, {chars / done:.0f} chars on average)")
    print(f"workers: {args.workers}; start-up (loading tables): {warm:.2f} s")
    print(f"throughput: {done / elapsed:.0f} articles/s ({elapsed:.2f} s); rows: {rows}; stage errors: {errors}")
    print(f"peak memory: worker {peak_worker_mb:.0f} MB, parent "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
