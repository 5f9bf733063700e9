"""Long articles: seconds per stage for one article of repeated sentences (issue 8).

The target is time linear in length: 5 MB (the default --max-bytes) under 30 s on one core.
Prints one line per stage and the total, for each size; with --whole, also the real command
(`events extract --jobs 1` on a file of that size, whole process, CPU seconds of the child)
against its own run on a 1/5 size file in the same run (the ratio shows linearity however
loaded the machine is).

    python benchmarks/bench_long_article.py --mb 1 5
    python benchmarks/bench_long_article.py --mb 5 --whole
    python benchmarks/bench_long_article.py --mb 1 --sentence "Orang bersenjata menewaskan 3 warga di Poso pada Senin. "
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S_PER_5MB = 30.0


def _text(size: int, sentence: str) -> str:
    """`size` bytes or just under (a whole number of characters; the sentences are ASCII or not)."""
    text = (sentence * (size // len(sentence.encode()) + 1))
    return text.encode()[:size].decode(errors="ignore").strip()


def whole(size: int, sentence: str, folder: Path) -> tuple[float, float, int]:
    """`events extract --jobs 1` on one file of `size` bytes: (wall s, child CPU s, rows)."""
    path = folder / f"long_{size}.txt"
    path.write_text(_text(size, sentence), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "events", "extract", "--jobs", "1", "--format", "jsonl",
                           "--published", "2024-03-04", str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"Error: events extract failed on {path}: {done.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, sum(1 for line in done.stdout.splitlines() if line.strip())


def run(size: int, sentence: str) -> float:
    from events import pipeline
    from events.article import Article

    text = _text(size, sentence)
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
    parser.add_argument("--whole", action="store_true",
                        help="time the real command per size (whole process) instead of the stages")
    args = parser.parse_args()
    if args.whole:
        with tempfile.TemporaryDirectory() as folder:
            for mb in args.mb:
                size = int(mb * 2**20)
                base = whole(size // 5, args.sentence, Path(folder))
                full = whole(size, args.sentence, Path(folder))
                print(f"events extract, {mb:g} MB: {full[1]:.1f} s CPU ({full[0]:.1f} s wall), {full[2]} rows; "
                      f"{mb / 5:g} MB: {base[1]:.1f} s CPU; ratio {full[1] / max(base[1], 1e-9):.2f} "
                      f"(5.00 is linear); target {TARGET_S_PER_5MB * mb / 5:.1f} s")
        return
    from events import pipeline
    run(2000, args.sentence)                   # load the tables outside the timings, as a command does
    pipeline.settle_memory()
    for mb in args.mb:
        run(int(mb * 2**20), args.sentence)


if __name__ == "__main__":
    main()
