"""Whole-process benchmarks of the real commands, each against a baseline timed in the same run.

    .venv/bin/python benchmarks/bench_cli.py [--sizes 2000 20000] [--rows 10000000] [--reuse]
                                             [--only startup extract ingest summary export]

Every figure is a fresh process started the way a user starts it, measured from outside:
wall time, CPU seconds of the process and everything it started, and the peak of the RSS of
all its processes together (the command and its workers, sampled from /proc every 50 ms; PSS
beside it). Each command is set against a baseline run in the same invocation, so the ratio
holds on a loaded machine:

- startup: `events --help` vs `python -c pass`; `events query "select 1"` and
  `"select count(*) from events"` on the synthetic store (and "select 1" with no store) vs a
  bare `import duckdb; duckdb.sql("select 1")`.
- extract / ingest: `events extract --format jsonl` and `events ingest` on N development-text
  articles (the texts of ../shared/eval/*.jsonl repeated, each copy with its own suffix so none
  is a duplicate), vs a bare process pool running `events.pipeline.run_article` over the same
  file on every core (the compute the commands cannot avoid); also `--jobs 1` when the command has it.
- summary: `events summary --by region` vs a bare DuckDB process running the same GROUP BY on
  the same Parquet files (a synthetic store of --rows rows, built as benchmarks/bench_store.py does).
- export: `events export --format csv` of ~1 M rows vs DuckDB's own `COPY ... TO` of the same rows.

Processes run with a bytecode cache under the work folder (as an installed package has one),
whatever PYTHONDONTWRITEBYTECODE says, and each command once unmeasured first.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"
EVENTS = Path(sys.executable).with_name("events")
PAGE = os.sysconf("SC_PAGE_SIZE")
SINCE, UNTIL = "2024-01-01", "2024-10-18"      # ~1 M of 10 M synthetic rows (8 years)


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float       # peak of the summed RSS of the process tree
    pss_mb: float       # peak of its summed PSS
    out: str = ""

    def __str__(self) -> str:
        return (f"{self.wall:7.2f} s wall {self.cpu:7.2f} s CPU  peak {self.rss_mb:5.0f} MB RSS "
                f"{self.pss_mb:5.0f} MB PSS")


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = defaultdict(list)
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            kids[int(stat.rsplit(")", 1)[1].split()[1])].append(int(name))
    return kids


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of `pid` and all its descendants (forkserver workers are grandchildren).

    RSS counts a page shared by several processes once in each (the issue's measure); PSS
    splits it between them (what the machine really spends)."""
    kids, rss, pss, stack = _children(), 0, 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for text in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if text.startswith("Rss:"):
                    rss += int(text.split()[1]) * 1024
                elif text.startswith("Pss:"):
                    pss += int(text.split()[1]) * 1024
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(kids.get(p, ()))
    return rss, pss


def measure(argv: list[str], env: dict[str, str], stdin: Path | None = None,
            stdout: Path | None = None) -> Run:
    """Run `argv` as a fresh process; sample its process tree's RSS every 50 ms."""
    _cpu_of_children()                  # forget whatever ran before
    out = stdout.open("w") if stdout else subprocess.PIPE
    inp = stdin.open("rb") if stdin else subprocess.DEVNULL
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=inp, stdout=out, stderr=subprocess.PIPE, env=env, text=True)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, pss = tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    text, err = proc.communicate()
    _reap_orphans()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if stdout:
        out.close()
    if stdin:
        inp.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return Run(wall, _cpu_of_children(), peak[0] / 2**20, peak[1] / 2**20, text or "")


def _become_subreaper() -> None:
    """Orphans of a measured command (a forkserver outliving it) become our children, so
    their CPU time is counted and we wait for them before the next measurement."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)     # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


_cpu_seen = [0.0]


def _cpu_of_children() -> float:
    """CPU seconds of the processes reaped since the last call (the command and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    spent, _cpu_seen[0] = total - _cpu_seen[0], total
    return spent


def python_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    # this tree's package, whatever checkout the venv's editable install points at
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("EVENTS_DB", None)
    return env


def make_articles(path: Path, n: int) -> int:
    """n JSON Lines articles from the development texts, each copy with its own suffix."""
    from events.evaluate import read_gold
    base = [item for p in sorted(EVAL.glob("*.jsonl")) for item in read_gold(p)]
    chars = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            item = base[i % len(base)]
            text = f"{item['text']}\n\n[{_letters(i)}]"
            chars += len(text)
            f.write(json.dumps({"id": f"bench-{i}", "text": text, "published": item.get("published"),
                                "source": item.get("source")}, ensure_ascii=False) + "\n")
    return chars // n


def _letters(i: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'ba': a suffix with no digits for the extractors to read."""
    out = ""
    while True:
        out = chr(ord("a") + i % 26) + out
        i //= 26
        if not i:
            return out


POOL_BASELINE = """
import json, multiprocessing as mp, os, sys
from events import pipeline
from events.evaluate import gold_article

def code(line):
    result = pipeline.run_article(gold_article(json.loads(line)))
    return len(result.rows)

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f, mp.get_context("forkserver").Pool(os.cpu_count()) as pool:
        rows = sum(pool.imap(code, f, chunksize=16))
    print(rows)
"""


def has_option(command: str, option: str, env: dict[str, str]) -> bool:
    text = subprocess.run([str(EVENTS), command, "--help"], capture_output=True, text=True, env=env).stdout
    return option in text


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.wall)


def line(label: str, run: Run, base: Run | None = None, per: int | None = None) -> None:
    rate = f" {per / run.wall:7.0f} articles/s" if per else ""
    # the CPU ratio holds better than the wall ratio when other work shares the cores
    ratio = f"  {run.wall / base.wall:5.2f}x baseline ({run.cpu / max(base.cpu, 1e-3):4.2f}x CPU)" if base else ""
    print(f"  {label:52s} {run}{rate}{ratio}", flush=True)


def bench_startup(env: dict[str, str], work: Path, db: Path) -> None:
    """`events query` on the synthetic store (its manifest, views and files as a user has them)."""
    print(f"start-up (best of 5, alternating; queries on {db})")
    py = sys.executable
    cases = {
        "python -c pass (baseline)": [py, "-c", "pass"],
        "events --help": [str(EVENTS), "--help"],
        "python: import every events.cli module (old --help)": [py, "-c", "import pkgutil, importlib, events.cli as c; "
                                                   "[importlib.import_module('events.cli.' + m.name) "
                                                   "for m in pkgutil.iter_modules(c.__path__)]"],
        "python: import duckdb; select 1 (baseline)": [py, "-c",
                                                       "import duckdb; duckdb.sql('select 1').fetchall()"],
        'events query "select 1"': [str(EVENTS), "--db", str(db), "query", "select 1", "--format", "csv"],
        'events query "select count(*) from events"': [str(EVENTS), "--db", str(db), "query",
                                                       "select count(*) from events", "--format", "csv"],
        'events query "select 1" (no store: empty typed views)': [str(EVENTS), "--db", str(work / "no-store"),
                                                                  "query", "select 1", "--format", "csv"],
    }
    for argv in cases.values():
        measure(argv, env)
    runs: dict[str, list[Run]] = {k: [] for k in cases}
    for _ in range(5):
        for label, argv in cases.items():
            runs[label].append(measure(argv, env))
    labels = list(cases)
    line(labels[0], best(runs[labels[0]]))
    for label in labels[1:3]:
        line(label, best(runs[label]), best(runs[labels[0]]))
    line(labels[3], best(runs[labels[3]]))
    for label in labels[4:]:
        line(label, best(runs[label]), best(runs[labels[3]]))


def bench_coding(sizes: list[int], env: dict[str, str], work: Path, which: list[str]) -> None:
    pool_script = work / "pool_baseline.py"
    pool_script.write_text(POOL_BASELINE)
    jobs = {c: has_option(c, "--jobs", env) for c in ("extract", "ingest")}
    for n in sizes:
        articles = work / f"articles_{n}.jsonl"
        chars = make_articles(articles, n)
        print(f"{n:,} articles ({chars:,} characters each on average), {os.cpu_count()} cores")
        base = measure([sys.executable, str(pool_script), str(articles)], env)
        line("bare pool over run_article (baseline)", base, per=n)
        if "extract" in which:
            run = measure([str(EVENTS), "extract", str(articles), "--format", "jsonl"], env,
                          stdout=work / "extract.jsonl")
            line("events extract --format jsonl", run, base, per=n)
            if jobs["extract"] and n == min(sizes):
                run = measure([str(EVENTS), "extract", str(articles), "--format", "jsonl", "--jobs", "1"],
                              env, stdout=work / "extract1.jsonl")
                line("events extract --format jsonl --jobs 1", run, base, per=n)
                same = (work / "extract.jsonl").read_bytes() == (work / "extract1.jsonl").read_bytes()
                print(f"  rows printed with --jobs 1 and by default: {'identical' if same else 'DIFFERENT'}")
        if "ingest" in which:
            for extra in ([], ["--jobs", "1"]) if jobs["ingest"] and n == min(sizes) else ([],):
                db = work / "ingest_db"
                shutil.rmtree(db, ignore_errors=True)
                run = measure([str(EVENTS), "--db", str(db), "ingest", str(articles), *extra], env)
                line(" ".join(["events ingest", *extra]), run, base, per=n)


def ensure_store(db: Path, rows: int, reuse: bool) -> None:
    """The synthetic store of `rows` rows (built as benchmarks/bench_store.py does)."""
    sys.path.insert(0, str(HERE))
    import bench_store
    from events.store import MANIFEST
    if not (reuse and (db / MANIFEST).exists()):
        seconds = bench_store.build(db, rows)
        print(f"synthetic store: {rows:,} rows built in {seconds:.0f} s")


def bench_store(db: Path, env: dict[str, str], work: Path, which: list[str]) -> None:
    import duckdb
    from events.store import Store
    files = [str(p) for p in Store(db).live_files("events")]
    listing = "[" + ", ".join(f"'{f}'" for f in files) + "]"
    rows = duckdb.sql(f"SELECT count(*) FROM read_parquet({listing})").fetchall()[0][0]
    py = sys.executable
    if "summary" in which:
        print(f"summary --by region on {rows:,} rows (best of 3, alternating)")
        sql = (f"SELECT region, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities, "
               f"coalesce(sum(injuries), 0) AS injuries, round(100.0 * count(*) / sum(count(*)) OVER (), 1) "
               f"FROM read_parquet({listing}) GROUP BY region ORDER BY events DESC")
        cases = {"bare duckdb GROUP BY (baseline)": [py, "-c",
                                                     f"import duckdb; print(duckdb.sql({sql!r}).fetchall())"],
                 "events summary --by region": [str(EVENTS), "--db", str(db), "summary", "--by", "region",
                                                "--format", "csv"]}
        _alternate(cases, env, 3)
    if "export" in which:
        count_sql = (f"SELECT count(*) FROM read_parquet({listing}) "
                     f"WHERE event_date BETWEEN DATE '{SINCE}' AND DATE '{UNTIL}'")
        n = duckdb.sql(count_sql).fetchall()[0][0]
        print(f"CSV export of {n:,} rows (best of 3, alternating)")
        copy = (f"COPY (SELECT * FROM read_parquet({listing}) WHERE event_date BETWEEN DATE '{SINCE}' "
                f"AND DATE '{UNTIL}' ORDER BY event_date, event_id_cnty) TO '{work / 'duckdb.csv'}' "
                f"(FORMAT csv, HEADER true)")
        cases = {"duckdb COPY ... TO csv (baseline)": [py, "-c", f"import duckdb; duckdb.sql({copy!r})"],
                 "events export --format csv": [str(EVENTS), "--db", str(db), "export", "--format", "csv",
                                                "--output", str(work / "events.csv"), "--force",
                                                "--since", SINCE, "--until", UNTIL]}
        _alternate(cases, env, 3)


def _alternate(cases: dict[str, list[str]], env: dict[str, str], times: int) -> None:
    runs: dict[str, list[Run]] = {k: [] for k in cases}
    for _ in range(times):
        for label, argv in cases.items():
            runs[label].append(measure(argv, env))
    labels = list(cases)
    base = best(runs[labels[0]])
    line(labels[0], base)
    for label in labels[1:]:
        line(label, best(runs[label]), base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--work", type=Path, default=HERE / "out" / "bench_cli")
    parser.add_argument("--store", type=Path, default=HERE / "out" / "bench_db",
                        help="The synthetic store (bench_store.py builds the same one there).")
    parser.add_argument("--reuse", action="store_true", help="Keep the synthetic store if it exists.")
    parser.add_argument("--only", nargs="+", default=["startup", "extract", "ingest", "summary", "export"],
                        choices=["startup", "extract", "ingest", "summary", "export"])
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = python_env(work)
    _become_subreaper()
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores "
          f"(other work on the machine slows both sides of each ratio)")
    store = args.store.resolve()
    if {"startup", "summary", "export"} & set(args.only):
        ensure_store(store, args.rows, args.reuse)
    if "startup" in args.only:
        bench_startup(env, work, store)
    if {"extract", "ingest"} & set(args.only):
        bench_coding(args.sizes, env, work, args.only)
    if {"summary", "export"} & set(args.only):
        bench_store(store, env, work, args.only)


if __name__ == "__main__":
    main()
