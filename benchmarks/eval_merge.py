"""Measure merging: pairwise precision/recall on our own reports and on MUC-4, false merges on
ACLED notes, and the cost of finding candidates among 100,000 stored events.

    .venv/bin/python benchmarks/eval_merge.py own            # tests/data/merge_reports.jsonl
    .venv/bin/python benchmarks/eval_merge.py muc4           # ../shared/eval/dev/muc4_dev/
    .venv/bin/python benchmarks/eval_merge.py acled [--sample N]
    .venv/bin/python benchmarks/eval_merge.py cost [--stored 100000]

The MUC-4 and ACLED files are read at run time from DEVDATA (default ../shared/eval/dev) and
never copied; `--cache DIR` keeps the coded rows (they quote those texts) outside the repo.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import glob
import itertools
import json
import os
import pickle
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from events import merge, pipeline, schema
from events.article import Article

ROOT = Path(__file__).resolve().parent.parent
DEVDATA = Path(os.environ.get("DEVDATA", ROOT.parent / "shared" / "eval" / "dev"))
OWN = ROOT / "tests" / "data" / "merge_reports.jsonl"


def code(articles: list[Article], cache: Path | None, name: str) -> list[dict]:
    """Rows of every article (each row's article_ids holds its article's id)."""
    path = cache / f"{name}.pickle" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    rows = [row for a in articles for row in pipeline.extract(a)]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(rows))
    return rows


def pairwise(pred: Iterable[frozenset], gold: Iterable[frozenset]) -> tuple[float, float, int, int, int]:
    """(precision, recall, true pairs, predicted pairs, gold pairs) of unordered pairs."""
    p = {frozenset(x) for g in pred for x in itertools.combinations(sorted(g), 2)}
    t = {frozenset(x) for g in gold for x in itertools.combinations(sorted(g), 2)}
    hit = len(p & t)
    return (hit / len(p) if p else 1.0), (hit / len(t) if t else 1.0), hit, len(p), len(t)


def own_cases(path: Path = OWN) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def own_articles(cases: list[dict]) -> list[Article]:
    return [Article(text=c["text"], id=c["id"], source=c["source"],
                    published=dt.date.fromisoformat(c["published"])) for c in cases]


def report_units(rows: list[dict], cases: list[dict]) -> dict[tuple[str, str], str]:
    """(article, row id) -> gold incident. An article with several incidents lists them in
    `incidents` with the place each is in (`"incident@Place"`); its rows go by location."""
    by_id = {c["id"]: c for c in cases}
    out = {}
    for r in rows:
        aid = r["article_ids"][0]
        inc = by_id[aid]["incidents"]
        if isinstance(inc, list):
            found = [i.split("@")[0] for i in inc if "@" in i and i.split("@")[1] == r.get("location")]
            inc = found[0] if found else f"?{aid}:{r.get('location')}"
        out[(aid, r["event_id_cnty"])] = inc
    return out


APART_ORDER = ("no row", *merge.RULES, "joined elsewhere")


def pair_reasons(rows: list[dict], pairs: Iterable[tuple], group_of: Callable[[dict], Any]) -> list[tuple[tuple, str]]:
    """For gold pairs (a, b) the clustering did not join: the furthest rule of `merge.RULES`
    some row of a and some row of b pass before failing ("no row" when one has none; "joined
    elsewhere" when the pair matches but grouping kept them apart)."""
    by: dict[Any, list[dict]] = defaultdict(list)
    for r in rows:
        by[group_of(r)].append(r)
    out = []
    for a, b in pairs:
        best = 0
        for ra in by.get(a, ()):
            for rb in by.get(b, ()):
                _m, why = merge.judge(ra, rb)
                best = max(best, APART_ORDER.index(why) if why and why in APART_ORDER else len(APART_ORDER) - 1)
        out.append(((a, b), APART_ORDER[best]))
    return out


def apart_by(rows: list[dict], pairs: Iterable[tuple], group_of: Callable[[dict], Any]) -> dict[str, int]:
    """How many missed pairs each rule keeps apart (`pair_reasons`), in the order of the rules."""
    out: dict[str, int] = defaultdict(int)
    for _pair, why in pair_reasons(rows, pairs, group_of):
        out[why] += 1
    return dict(sorted(out.items(), key=lambda kv: APART_ORDER.index(kv[0])))


def _missed(pred: Iterable[frozenset], gold: Iterable[frozenset]) -> list[tuple]:
    p = {frozenset(x) for g in pred for x in itertools.combinations(sorted(g), 2)}
    return sorted({tuple(sorted(x, key=str)) for g in gold for x in itertools.combinations(sorted(g, key=str), 2)
                   if frozenset(x) not in p}, key=str)


def eval_own(cache: Path | None) -> dict:
    cases = own_cases()
    rows = code(own_articles(cases), None, "own")
    units = report_units(rows, cases)
    gold: dict[str, set] = defaultdict(set)
    for unit, inc in units.items():
        gold[inc].add(unit)
    told = {aid for aid, _row in units}
    for c in cases:                  # an article the coder made no row of still tells its incidents
        if c["id"] not in told:
            for inc in c["incidents"] if isinstance(c["incidents"], list) else [c["incidents"]]:
                gold[inc.split("@")[0]].add((c["id"], None))
    pred = [frozenset((r["article_ids"][0], r["event_id_cnty"]) for r in g) for g in merge.cluster(rows)]
    gold_groups = [frozenset(g) for g in gold.values()]
    p, r, hit, np_, ng = pairwise(pred, gold_groups)
    coded = {c["id"] for c in cases} & {r["article_ids"][0] for r in rows}
    key = lambda row: (row["article_ids"][0], row["event_id_cnty"])  # noqa: E731
    reasons = pair_reasons(rows, _missed(pred, gold_groups), key)
    missed = apart_by(rows, _missed(pred, gold_groups), key)
    incident = {unit: inc for inc, units in gold.items() for unit in units}
    missed_pairs = [{"incident": incident[a], "reports": [a[0], b[0]], "apart_by": why} for (a, b), why in reasons]
    return {"set": "own", "articles": len(cases), "articles_coded": len(coded), "rows": len(rows),
            "incidents": len(gold_groups), "incidents_in_several_articles": sum(len(g) > 1 for g in gold_groups),
            "precision": round(p, 3), "recall": round(r, 3), "pairs_true": hit, "pairs_predicted": np_,
            "pairs_gold": ng, "missed_pairs_apart_by": missed, "missed_pairs": missed_pairs}


# --- MUC-4 ---------------------------------------------------------------------------------

_DAY = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")


def muc4_key(ev: dict, country_level: bool = False) -> tuple | None:
    """(day, country, place, type) of a template; None when the day or place is not given."""
    days = _DAY.findall(ev.get("incident_date") or "")
    loc = ev.get("incident_location") or ""
    if not days or not loc or not ev.get("incident_type"):
        return None
    d, mon, yy = days[-1]
    parts = [re.sub(r"\s*\([^)]*\)", "", p).strip() for p in re.split(r"[:;]", loc)]
    parts = [p.strip('" ') for p in parts if p.strip('" ')]
    if len(parts) < 2 and not country_level:
        return None                  # "EL SALVADOR" alone: many incidents of a day share it
    return (f"{d.zfill(2)} {mon} {yy}", parts[0], parts[-1], ev["incident_type"].split(":")[0].strip())


def eval_muc4(cache: Path | None, limit: int | None, country_level: bool = False) -> dict:
    files = sorted(glob.glob(str(DEVDATA / "muc4_dev" / "*.json")))[:limit]
    if not files:
        sys.exit(f"Error: no MUC-4 files, {DEVDATA / 'muc4_dev'}, set DEVDATA to the dev folder")
    gold: dict[tuple, set[str]] = defaultdict(set)
    arts = []
    for f in files:
        doc = json.load(open(f, encoding="utf-8"))
        keys = {k for e in doc.get("events", []) if (k := muc4_key(e, country_level))}
        for k in keys:
            gold[k].add(doc["doc_id"])
        if keys:
            text = open(f[:-5] + ".txt", encoding="utf-8", errors="replace").read()
            arts.append(Article(text=text, id=doc["doc_id"], language="en"))
    rows = code(arts, cache, f"muc4-{len(files)}-{int(country_level)}")
    clusters = merge.cluster(rows)
    pred = [frozenset(a for r in g for a in r["article_ids"]) for g in clusters]
    gold_groups = [frozenset(v) for v in gold.values()]
    p, r, hit, np_, ng = pairwise(pred, gold_groups)
    coded = {a for r in rows for a in r["article_ids"]}
    p2, r2, *_ = pairwise(pred, [g & coded for g in gold_groups])
    missed = apart_by(rows, _missed(pred, gold_groups), lambda row: row["article_ids"][0])
    return {"set": "muc4" + ("-country-level" if country_level else ""), "documents": len(files), "with_templates": len(arts), "documents_coded": len(coded),
            "incidents_in_several_documents": sum(len(g) > 1 for g in gold_groups),
            "precision": round(p, 3), "recall": round(r, 3), "pairs_true": hit, "pairs_predicted": np_,
            "pairs_gold": ng, "recall_coded_documents": round(r2, 3), "missed_pairs_apart_by": missed}


# --- ACLED ---------------------------------------------------------------------------------

def eval_acled(cache: Path | None, sample: int | None, seed: int) -> dict:
    path = DEVDATA / "acled_dev.csv"
    if not path.exists():
        sys.exit(f"Error: no ACLED file, {path}, set DEVDATA to the dev folder")
    with open(path, encoding="utf-8", newline="") as f:
        notes = [r for r in csv.DictReader(f) if r.get("notes", "").strip()]
    if sample:
        notes = random.Random(seed).sample(notes, min(sample, len(notes)))
    arts = [Article(text=r["notes"], id=r["event_id_cnty"], source="ACLED notes",
                    published=dt.date.fromisoformat(r["event_date"])) for r in notes]
    rows = code(arts, cache, f"acled-{len(arts)}-{seed}")
    t0 = time.perf_counter()
    clusters = merge.cluster(rows)
    secs = time.perf_counter() - t0
    coded = {a for r in rows for a in r["article_ids"]}
    merged = {a for g in clusters if len({a for r in g for a in r["article_ids"]}) > 1
              for r in g for a in r["article_ids"]}
    # ACLED splits one report over several events (one per place or day) and gives each the
    # same note: no coder tells those apart, and a store keeps one article of one text
    text = {r["event_id_cnty"]: r["notes"] for r in notes}
    other_text = set()
    for g in clusters:
        ids = {a for r in g for a in r["article_ids"]}
        other_text |= {a for a in ids if any(text[b] != text[a] for b in ids)}
    by_type: dict[str, int] = defaultdict(int)
    for g in clusters:
        if len({a for r in g for a in r["article_ids"]}) > 1:
            for r in g:
                by_type[r["event_type"]] += 1
    return {"set": "acled", "notes": len(arts), "notes_coded": len(coded), "rows": len(rows),
            "notes_merged_with_another": len(merged),
            "false_merge_rate": round(len(merged) / len(arts), 4),
            "false_merge_rate_of_coded": round(len(merged) / len(coded), 4) if coded else 0.0,
            "notes_merged_with_another_text": len(other_text),
            "false_merge_rate_other_text": round(len(other_text) / len(arts), 4),
            "merged_rows_by_event_type": dict(by_type), "cluster_seconds": round(secs, 2)}


# --- cost ----------------------------------------------------------------------------------

def synthetic_rows(n: int, seed: int = 7) -> list[dict]:
    """n plausible stored events: 60 countries, two years, 300 towns, 40 named groups (about
    2.3 events per country and day: denser than ACLED's global average)."""
    rng = random.Random(seed)
    countries = [c for c in schema.countries()][:60]
    types = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
             ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
             ("Riots", "Mob violence"), ("Strategic developments", "Arrests")]
    start = dt.date(2023, 1, 1)
    rows = []
    for n_ in range(n):
        c = rng.choice(countries)
        et, sub = rng.choice(types)
        town = rng.randrange(300)
        lat, lon = (town % 30) * 0.3 - 5, (town // 30) * 0.3 + 100
        day = start + dt.timedelta(days=rng.randrange(730))
        rows.append({"event_id_cnty": f"{c.iso3}{n_:010d}", "country": c.name, "event_date": day,
                     "time_precision": 1, "event_type": et, "sub_event_type": sub,
                     "location": f"Town {town}", "admin1": f"Province {town % 12}", "latitude": lat,
                     "longitude": lon, "geo_precision": 1, "actor1": f"Group {rng.randrange(40)}", "inter1": 2,
                     "actor2": None, "inter2": 0, "fatalities": rng.randrange(6), "article_ids": [f"s{n_}"],
                     "timestamp": 1, "source": "Synthetic", "claim_status": "not_reported"})
    return rows


def eval_cost(stored: int, new: int = 2000) -> dict:
    rows = synthetic_rows(stored + new)
    old, fresh = rows[:stored], rows[stored:]
    rng = random.Random(3)
    for n in range(0, new, 10):                 # one new report in ten tells a stored event again
        fresh[n] = {**rng.choice(old), "article_ids": [f"again{n}"], "event_id_cnty": f"X{n:012d}",
                    "source": "Other outlet"}
    t0 = time.perf_counter()
    m = merge.Merger(old)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    joined = 0
    for r in fresh:
        out = m.fold([r])
        joined += bool(out.replaced)
    folded = time.perf_counter() - t0
    # ingest throughput: our articles coded (10 rounds), with and without folding into the store
    arts = own_articles(own_cases())
    pipeline.extract(arts[0])                        # tables loaded once, outside the timing
    t0 = time.perf_counter()
    coded_rows = [pipeline.extract(a) for _ in range(10) for a in arts]
    extract_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for n, article_rows in enumerate(coded_rows):
        m.fold([{**r, "article_ids": [f"{r['article_ids'][0]}-{n}"]} for r in article_rows])
    fold_s = time.perf_counter() - t0
    return {"set": "cost", "stored_events": stored, "new_reports": new, "index_build_seconds": round(built, 2),
            "fold_per_report_ms": round(1000 * folded / new, 3), "reports_per_second": round(new / folded),
            "joined_a_stored_event": joined, "ingest_articles": len(coded_rows),
            "articles_per_second_without_merge": round(len(coded_rows) / extract_s),
            "articles_per_second_with_merge": round(len(coded_rows) / (extract_s + fold_s))}


def eval_store_cost(stored: int, rounds: int = 4) -> dict:
    """Ingest throughput (articles/s) into a store holding `stored` events, merging on and off."""
    import shutil
    import tempfile

    from events.store import Store

    base = Path(tempfile.mkdtemp(prefix="merge-cost-"))
    try:
        seed = base / "seed"
        results = []
        rows = synthetic_rows(stored)
        for n in range(0, stored, 100):               # 100 events per synthetic article
            art = Article(text=f"synthetic article {n}", id=f"s{n}")
            chunk = []
            for r in rows[n:n + 100]:
                c = schema.country(r["country"])
                chunk.append({**_valid(), **r, "iso": c.iso_numeric, "region": c.region, "year": r["event_date"].year,
                              "event_id_cnty": c.iso3 + r["event_id_cnty"][3:], "article_ids": [art.id],
                              "interaction": schema.interaction(2, 0), "notes": "synthetic",
                              "disorder_type": schema.taxonomy().disorder_type_of[r["sub_event_type"]]})
            results.append(pipeline.Result(art, chunk, []))
        Store(seed, merging=False).commit(results)
        arts = own_articles(own_cases())
        pipeline.extract(arts[0])
        out = {"set": "store-cost", "stored_events": stored}
        for merging in (False, True):
            db = base / f"db-{merging}"
            shutil.copytree(seed, db)
            batch = [Article(text=a.text + f" ({k})", id=f"{a.id}-{k}", source=a.source, published=a.published)
                     for k in range(rounds) for a in arts]
            t0 = time.perf_counter()
            Store(db, merging=merging).ingest(batch)
            secs = time.perf_counter() - t0
            out[f"articles_per_second_{'with' if merging else 'without'}_merge"] = round(len(batch) / secs, 1)
        out["articles"] = len(batch)
        out["rounds"] = rounds
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _valid() -> dict:
    return {"disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
            "inter1": 2, "inter2": 0, "perpetrator_status": "unknown", "claim_status": "not_reported",
            "evidence": [], "confidence": 0.5, "extractor_version": pipeline.EXTRACTOR_VERSION, "timestamp": 1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["own", "muc4", "acled", "cost", "store-cost", "all"])
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, help="MUC-4: the first N documents")
    ap.add_argument("--stored", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=1,
                    help="store-cost: ingest our articles this many times (each copy after the first "
                         "tells stored events again)")
    ap.add_argument("--country-level", action="store_true",
                    help="MUC-4: also group templates placed only in a country")
    ap.add_argument("--cache", type=Path, help="keep coded rows here (outside the repository)")
    opt = ap.parse_args(argv)
    todo = ["own", "muc4", "acled", "cost"] if opt.what == "all" else [opt.what]
    for what in todo:
        result = {"own": lambda: eval_own(opt.cache), "muc4": lambda: eval_muc4(opt.cache, opt.limit, opt.country_level),
                  "acled": lambda: eval_acled(opt.cache, opt.sample, opt.seed),
                  "cost": lambda: eval_cost(opt.stored),
                  "store-cost": lambda: eval_store_cost(opt.stored, opt.rounds)}[what]()
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
