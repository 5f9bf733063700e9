"""Time the language, sentences, dateline, dates and casualties stages over the dev files.

Run: .venv/bin/python benchmarks/bench_extract_stages.py [repeats]
Prints articles per second for each stage alone and for the five together (tables loaded
before timing, as in a long-running process).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from events.article import Article
from events.extract import casualties, dateline, dates, language, sentences
from events.pipeline import Doc

EVAL = Path("/work/shared/eval")
STAGES = (language, sentences, dateline, dates, casualties)


def articles() -> list[Article]:
    out = []
    for name in ("dev_id.jsonl", "dev_en.jsonl"):
        for line in (EVAL / name).read_text().splitlines():
            d = json.loads(line)
            out.append(Article(text=d["text"], id=d["id"], source=d.get("source"),
                               published=dt.date.fromisoformat(d["published"]) if d.get("published") else None))
    return out


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    batch = articles() * repeats
    chars = sum(len(a.text) for a in batch)
    docs = [Doc(a) for a in batch]
    for stage in STAGES:            # warm up: load tables and models once
        stage.run(Doc(batch[0], language="id"))
        stage.run(Doc(batch[-1], language="en"))
    total = 0.0
    for stage in STAGES:
        start = time.perf_counter()
        for doc in docs:
            stage.run(doc)
        spent = time.perf_counter() - start
        total += spent
        print(f"{stage.__name__.rsplit('.', 1)[-1]:10s} {len(docs) / spent:9.0f} articles/s")
    print(f"{'all five':10s} {len(docs) / total:9.0f} articles/s "
          f"({len(docs)} articles, {chars / len(docs):.0f} chars each on average)")


if __name__ == "__main__":
    main()
