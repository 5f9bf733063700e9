"""Store benchmark (not a test): a synthetic 10-million-row store, then time the CLI on it.

    .venv/bin/python benchmarks/bench_store.py [--rows 10000000] [--out benchmarks/out/bench_db]

Builds the store's own layout directly with DuckDB (one sorted Parquet file per year, a
manifest, the views file), with values valid against events.schema, then runs as
subprocesses (cold start, as a user would):
  - `events summary --by region`                       target < 1 s
  - `events export --format csv` on ~1 million rows    target < 3 s
and reports wall time and peak memory (max RSS) of each.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from events import schema
from events.query import duck_type
from events.store import MANIFEST, Manifest, Store

HERE = Path(__file__).resolve().parent
FIRST_YEAR, LAST_YEAR = 2018, 2025


def _list(values: list) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" if isinstance(v, str) else str(v)
                           for v in values) + "]"


def _select(year: int, rows: int) -> str:
    """One year of synthetic rows, every value allowed by the schema, sorted like the store."""
    countries = list(schema.countries())
    t = schema.taxonomy()
    subs = list(t.event_type_of)
    pick = "list_element({lst}, 1 + CAST(floor(random() * {n}) AS INTEGER))"
    ci = "c_i"
    si = "s_i"
    gtd = schema.gtd_types()
    start = f"DATE '{year}-01-01'"
    days = 366 if year % 4 == 0 else 365
    exprs = {
        "event_id_cnty": f"list_element({_list([c.iso3 for c in countries])}, {ci}) || lpad(CAST(i AS VARCHAR), 10, '0')",
        "event_date": f"{start} + CAST(floor(random() * {days}) AS INTEGER)",
        "year": str(year),
        "time_precision": pick.format(lst="[1, 1, 1, 2, 3]", n=5),
        "disorder_type": f"list_element({_list([t.disorder_type_of[s] for s in subs])}, {si})",
        "event_type": f"list_element({_list([t.event_type_of[s] for s in subs])}, {si})",
        "sub_event_type": f"list_element({_list(subs)}, {si})",
        "actor1": pick.format(lst=_list(["Unidentified Armed Group", "Military Forces", "Rioters", "Protesters", "=SUM(A1)"]), n=5),
        "assoc_actor_1": "NULL",
        "inter1": "3",
        "actor2": "CASE WHEN random() < 0.5 THEN 'Civilians' END",
        "assoc_actor_2": "NULL",
        "inter2": "CASE WHEN actor2_set THEN 7 ELSE 0 END",
        "interaction": "CASE WHEN actor2_set THEN 37 ELSE 30 END",
        "civilian_targeting": "CASE WHEN actor2_set THEN 'Civilian targeting' END",
        "iso": f"list_element({_list([c.iso_numeric for c in countries])}, {ci})",
        "region": f"list_element({_list([c.region for c in countries])}, {ci})",
        "country": f"list_element({_list([c.name for c in countries])}, {ci})",
        "admin1": "'Province ' || CAST(i % 37 AS VARCHAR)",
        "admin2": "'District ' || CAST(i % 211 AS VARCHAR)",
        "admin3": "NULL",
        "location": "'Town ' || CAST(i % 4999 AS VARCHAR)",
        "latitude": "round(random() * 140 - 70, 4)",
        "longitude": "round(random() * 360 - 180, 4)",
        "geo_precision": pick.format(lst="[1, 2, 3]", n=3),
        "source": "'Outlet ' || CAST(i % 97 AS VARCHAR)",
        "source_scale": "'National'",
        "notes": "'On ' || CAST(i AS VARCHAR) || ', an armed group attacked a village; 2 people were killed.'",
        "fatalities": "CAST(floor(random() * random() * 20) AS INTEGER)",
        "tags": "NULL",
        "timestamp": "1732400000",
        "injuries": "CASE WHEN random() < 0.3 THEN CAST(floor(random() * 10) AS INTEGER) END",
        "fatalities_low": "NULL",
        "fatalities_high": "NULL",
        "attack_type": pick.format(lst=_list(list(gtd["attack_types"])), n=len(gtd["attack_types"])),
        "weapon_type": pick.format(lst=_list(list(gtd["weapon_types"])), n=len(gtd["weapon_types"])),
        "perpetrator": "NULL",
        "perpetrator_status": "'unknown'",
        "claim_status": "'not_reported'",
        "claimed_by": "NULL",
        "attributed_by": "NULL",
        "target": "NULL",
        "language": "CASE WHEN i % 2 = 0 THEN 'id' ELSE 'en' END",
        "article_ids": "['a' || CAST(i // 3 AS VARCHAR)]",
        "evidence": "[{'field': 'event_type', 'text': 'attacked a village', 'start': 20, 'end': 38}]",
        "confidence": "0.8",
        "extractor_version": "'bench'",
    }
    cols = ", ".join(f"CAST({exprs[c.name]} AS {duck_type(c.arrow_type)}) AS \"{c.name}\""
                     for c in schema.columns())
    first_id = (year - FIRST_YEAR) * rows
    return (f"SELECT {cols} FROM (SELECT i, 1 + CAST(floor(random() * {len(countries)}) AS INTEGER) AS c_i,"
            f" 1 + CAST(floor(random() * {len(subs)}) AS INTEGER) AS s_i, random() < 0.5 AS actor2_set"
            f" FROM range({first_id}, {first_id + rows}) t(i)) ORDER BY country, event_date")


def build(out: Path, total: int) -> float:
    """Write the store layout for `total` rows; return the seconds it took."""
    started = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    per_year = total // len(years)
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    manifest = Manifest()
    for year in years:
        rel = Path("events") / f"year={year}" / f"part-000001-bench{year}.parquet"
        (out / rel.parent).mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY ({_select(year, per_year)}) TO '{out / rel}' "
                    f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 131072)")
        manifest.files["events"].append(rel.as_posix())
        print(f"  built {year}: {per_year:,} rows", file=sys.stderr)
    for table, sql in (
        ("articles", f"SELECT 'a' || CAST(i AS VARCHAR) AS id, md5(CAST(i AS VARCHAR)) AS text_hash, "
                     f"'Outlet' AS source, NULL::VARCHAR AS url, NULL::VARCHAR AS title, NULL::DATE AS published, "
                     f"'en' AS language, 'Article text ' || CAST(i AS VARCHAR) AS text, "
                     f"now()::TIMESTAMPTZ AS ingested_at FROM range({total // 3}) t(i)"),
        ("event_sources", "SELECT event_id_cnty, article_ids[1] AS article_id FROM read_parquet("
                          f"{_list([str(out / p) for p in manifest.files['events']])})"),
    ):
        rel = Path(table) / f"part-000001-bench.parquet"
        (out / table).mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY ({sql}) TO '{out / rel}' (FORMAT parquet, COMPRESSION zstd)")
        manifest.files[table].append(rel.as_posix())
    con.close()
    manifest.generation = 1
    (out / MANIFEST).write_text(manifest.to_json())
    Store(out).rebuild_views()
    check(out)
    return time.perf_counter() - started


def check(out: Path, sample: int = 2000) -> None:
    """The synthetic rows are valid event rows (a random sample through schema.validate_row)."""
    con = duckdb.connect()
    files = [str(p) for p in Store(out).live_files("events")]
    rel = con.execute(f"SELECT * FROM read_parquet({_list(files)}) USING SAMPLE {sample} ROWS")
    names = [d[0] for d in rel.description]
    for values in rel.fetchall():
        row = {k: v for k, v in zip(names, values) if v is not None}
        problems = schema.validate_row(row)
        if problems:
            raise SystemExit(f"synthetic row is invalid: {problems}: {row}")
    con.close()


def run_measured(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one CLI run as a fresh process (as a user runs it).

    Peak memory comes from /usr/bin/time: a child forked straight from this (large) process
    would report this process's memory as its own maximum.
    """
    events = Path(sys.executable).with_name("events")
    report = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_time_{os.getpid()}.txt"
    timer = ["/usr/bin/time", "-f", "%M", "-o", str(report)] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    proc = subprocess.run([*timer, str(events), *args], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr}")
    rss = int(report.read_text().split()[-1]) / 1024 if timer else float("nan")
    report.unlink(missing_ok=True)
    return wall, rss, proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "bench_db")
    parser.add_argument("--reuse", action="store_true", help="Skip the build if the store exists.")
    args = parser.parse_args()
    out = args.out.resolve()
    if not (args.reuse and (out / MANIFEST).exists()):
        seconds = build(out, args.rows)
        print(f"build: {args.rows:,} rows in {seconds:.1f} s "
              f"({sum(f.stat().st_size for f in out.rglob('*.parquet')) / 2**20:.0f} MB of Parquet)")
    db = ["--db", str(out)]
    wall, rss, _ = run_measured([*db, "query", "SELECT 1", "--format", "csv"])
    print(f"cold start (events query 'SELECT 1'): {wall:.2f} s, peak {rss:.0f} MB")
    results = {}
    for label, cli in (
        ("summary --by region", ["summary", "--by", "region", "--format", "csv"]),
        ("summary --by region --by month", ["summary", "--by", "region", "--by", "month", "--format", "csv"]),
        ("summary --by country --since 2024-01-01 --country Iraq",
         ["summary", "--by", "country", "--since", "2024-01-01", "--country", "Iraq", "--format", "csv"]),
    ):
        best = min((run_measured([*db, *cli]) for _ in range(3)), key=lambda r: r[0])
        results[label] = best
        print(f"{label}: {best[0]:.2f} s (best of 3), peak {best[1]:.0f} MB")
    csv_out = out.parent / "export.csv"
    flt = ["--since", "2024-01-01", "--until", "2024-10-18"]
    wall, rss, text = min((run_measured([*db, "export", "--format", "csv", "--output", str(csv_out),
                                         "--force", *flt]) for _ in range(3)), key=lambda r: r[0])
    results["export --format csv"] = (wall, rss, text)
    print(f"export --format csv ({text.strip()}): {wall:.2f} s (best of 3), peak {rss:.0f} MB, "
          f"{csv_out.stat().st_size / 2**20:.0f} MB written")
    wall, rss, text = run_measured([*db, "export", "--format", "parquet", "--output",
                                    str(out.parent / "export.parquet"), "--force", *flt])
    print(f"export --format parquet ({text.strip()}): {wall:.2f} s, peak {rss:.0f} MB")
    print(json.dumps({k: round(v[0], 3) for k, v in results.items()}))


if __name__ == "__main__":
    main()
