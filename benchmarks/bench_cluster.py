"""`events ingest --engine dask` on a local 2-worker cluster against `--jobs 2`, same articles.

    .venv/bin/python benchmarks/bench_cluster.py [--sizes 2000 20000] [--workers 2]

Each figure is a fresh `events ingest` process measured from outside as bench_cli.py does
(wall, CPU of the whole process tree, peak RSS of the tree): the input is N development-text
articles (bench_cli.make_articles), each into a new store folder. Printed beside them:

- start-up: a LocalCluster of `--workers` processes started and warmed (tables loaded on every
  worker), timed in this process, and the same for the engine's bare start without warm-up;
- the driver's own share: the same N articles committed by Store.ingest from results coded
  beforehand (reading, dedup, merging, Parquet writing, publishing), which no worker can take;
- whether the stores hold the same rows (`--engine dask` against `--jobs 2`);
- an estimate for a 32-node cluster from the per-worker rate, capped by the driver's rate.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_cli  # noqa: E402  (measure, make_articles, python_env, line)


def cluster_start(workers: int) -> tuple[float, float]:
    """Seconds to start a LocalCluster of `workers` processes, and to warm them as well."""
    import distributed

    from events import cluster

    started = time.perf_counter()
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as local, \
            distributed.Client(local) as client:
        client.wait_for_workers(workers)
        up = time.perf_counter() - started
        client.run(cluster._warm_up)
        warm = time.perf_counter() - started
    return up, warm


def driver_only(articles: Path, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds the driver needs for N articles already coded: Store.ingest with a
    coder that hands back results computed beforehand."""
    from events import parallel, readers
    from events.store import Store

    items = list(readers.read([articles]))
    coded = {id(r.article): r for r in parallel.imap(items, 2) if hasattr(r, "rows")}

    def precoded(stream):
        return (coded.get(id(i), i) for i in stream)

    db = work / "driver_db"
    shutil.rmtree(db, ignore_errors=True)
    started, cpu = time.perf_counter(), time.process_time()
    Store(db).ingest(items, run=precoded)
    return time.perf_counter() - started, time.process_time() - cpu


def same_rows(a: Path, b: Path) -> bool:
    from events import query

    def rows(db: Path) -> list:
        con = query.connect(db)
        try:
            return sorted(con.execute("SELECT * FROM events").fetchall(), key=repr)
        finally:
            con.close()

    return rows(a) == rows(b)


def in_child(step: str, *args: str) -> list[float]:
    """Run a step of this script in a fresh process (its cluster or pool leaves no child of
    ours behind, which bench_cli.measure would wait for); the numbers it prints."""
    out = subprocess.run([sys.executable, __file__, "--step", step, *args], capture_output=True, text=True,
                         check=True).stdout
    return [float(x) for x in out.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        if args.step[0] == "start":
            print(*cluster_start(int(args.step[1])))
        else:
            print(*driver_only(Path(args.step[1]), Path(args.step[2])))
        return
    bench_cli._become_subreaper()
    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    env = bench_cli.python_env(work)
    try:
        up, warm = in_child("start", str(args.workers))
        print(f"LocalCluster of {args.workers} workers: up in {up:.1f} s, tables loaded on every worker "
              f"after {warm:.1f} s", flush=True)
        for n in args.sizes:
            articles = work / f"articles_{n}.jsonl"
            chars = bench_cli.make_articles(articles, n)
            print(f"{n:,} articles ({chars:,} characters each on average)", flush=True)
            runs = {}
            for label, extra in (("events ingest --jobs 2", ["--jobs", str(args.workers)]),
                                 ("events ingest --engine dask --jobs 2",
                                  ["--engine", "dask", "--jobs", str(args.workers)])):
                db = work / f"db_{len(runs)}"
                runs[label] = (db, bench_cli.measure([str(bench_cli.EVENTS), "--db", str(db), "ingest",
                                                      str(articles), *extra], env))
                bench_cli.line(label, runs[label][1], per=n)
            (local_db, local), (dask_db, dask) = runs.values()
            print(f"  stored rows identical: {same_rows(local_db, dask_db)}", flush=True)
            driver, driver_cpu = in_child("driver", str(articles), str(work))
            print(f"  driver alone (commit of {n:,} coded articles): {driver:.1f} s wall, {driver_cpu:.1f} s CPU, "
                  f"{n / driver_cpu:.0f} articles/s per driver core", flush=True)
            # Per worker from CPU seconds (robust on a shared machine): the tree's CPU less the
            # driver's commit and the workers' start (tables loaded: ~`warm` s of CPU each at most).
            worker_cpu = max(dask.cpu - driver_cpu, 1e-9)
            per_worker = n / worker_cpu
            nodes, cores = 32, 16
            print(f"  per worker: {n:,} articles / ({dask.cpu:.1f} s CPU of the tree - {driver_cpu:.1f} s driver) "
                  f"= {per_worker:.1f} articles/s per worker core (start-up included)")
            print(f"  32 nodes x {cores} workers: {nodes * cores} x {per_worker:.1f} = "
                  f"{nodes * cores * per_worker:,.0f} articles/s of coding; one driver commits "
                  f"{n / driver_cpu:,.0f} articles/s, so about {min(nodes * cores * per_worker, n / driver_cpu):,.0f} "
                  f"articles/s end to end", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
