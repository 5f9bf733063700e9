"""Time every extraction stage over the development texts, one process, one core (issue 12).

Run: .venv/bin/python benchmarks/bench_extract_stages.py [--repeats N] [--profile STAGE]
Prints milliseconds per article for each stage of `events.pipeline.STAGES` and for all of
them together (tables loaded before timing, as in a long-running process). Each article goes
through the stages in order, so every stage sees what the earlier ones found, as in a real
run. `--profile STAGE` adds the functions that cost most in that stage (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import time
from pathlib import Path

from events import pipeline
from events.article import Article

EVAL = Path("/work/shared/eval")


def articles() -> list[Article]:
    out = []
    for name in ("dev_id.jsonl", "dev_en.jsonl", "dev_id2.jsonl"):
        path = EVAL / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            out.append(Article(text=d["text"], id=d["id"], source=d.get("source"),
                               published=dt.date.fromisoformat(d["published"]) if d.get("published") else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20, help="passes over the development texts")
    parser.add_argument("--profile", choices=pipeline.STAGES, help="profile this stage (cProfile)")
    args = parser.parse_args()
    base = articles()
    for a in base:                                   # warm up: load tables and models once
        pipeline.run_article(a)
    spent = dict.fromkeys(pipeline.STAGES, 0.0)
    profile = cProfile.Profile() if args.profile else None
    n = 0
    for _ in range(args.repeats):
        for a in base:
            doc = pipeline.Doc(article=Article(text=a.text, id=a.id, source=a.source, published=a.published))
            for name in pipeline.STAGES:
                stage = pipeline._stage(name)
                if profile is not None and name == args.profile:
                    profile.enable()
                start = time.perf_counter()
                stage(doc)
                spent[name] += time.perf_counter() - start
                if profile is not None and name == args.profile:
                    profile.disable()
            n += 1
    chars = sum(len(a.text) for a in base) / len(base)
    for name, seconds in spent.items():
        print(f"{name:12s} {1000 * seconds / n:7.2f} ms/article")
    total = sum(spent.values())
    print(f"{'all':12s} {1000 * total / n:7.2f} ms/article = {n / total:,.0f} articles/s "
          f"({n} articles, {chars:,.0f} characters each on average)")
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
