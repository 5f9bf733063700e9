"""Long articles: seconds per stage for one article of repeated sentences (issue 8).

The target is time linear in length: 5 MB (the default --max-bytes) under 30 s on one core.
Prints one line per stage and the total, for each size.

    python benchmarks/bench_long_article.py --mb 1 5
    python benchmarks/bench_long_article.py --mb 1 --sentence "Orang bersenjata menewaskan 3 warga di Poso pada Senin. "
"""
from __future__ import annotations

import argparse
import time

TARGET_S_PER_5MB = 30.0


def run(size: int, sentence: str) -> float:
    from events import pipeline
    from events.article import Article

    text = (sentence * (size // len(sentence) + 1))[:size].strip()
    doc = pipeline.Doc(article=Article(text=text, id="long"))
    total = 0.0
    for name in pipeline.STAGES:
        started = time.perf_counter()
        pipeline._stage(name)(doc)
        spent = time.perf_counter() - started
        total += spent
        print(f"  {name:<12} {spent:7.2f} s")
    print(f"{size / 2**20:.1f} MB: {total:.1f} s, {len(doc.rows)} rows "
          f"(target {TARGET_S_PER_5MB * size / (5 * 2**20):.1f} s)")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0])
    parser.add_argument("--sentence", default="Gunmen killed 3 people in Baghdad on Monday. ")
    args = parser.parse_args()
    run(2000, args.sentence)                   # load the tables outside the timings
    for mb in args.mb:
        run(int(mb * 2**20), args.sentence)


if __name__ == "__main__":
    main()
