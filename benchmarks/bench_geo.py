"""Geocoding accuracy on the gold files, plus load and resolution time and memory.

For each gold event: run the `places` stage over its article, then
`choose(doc, {sentence holding the gold evidence})`, and compare with the gold country,
admin1 (exact, and also "same division under another of its names") and coordinates (25 km).

    .venv/bin/python benchmarks/bench_geo.py [/work/shared/eval/dev_en.jsonl ...] [-v]
"""
from __future__ import annotations

import importlib
import json
import os
import re
import sys
import time
from pathlib import Path

DEFAULT_FILES = ["/work/shared/eval/dev_en.jsonl", "/work/shared/eval/dev_id.jsonl"]
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n+")


def _sentences(text: str):
    """The `sentences` stage if there is one, else a plain splitter (for this benchmark only)."""
    from events.article import Sentence
    out, pos = [], 0
    for piece in _SPLIT.split(text):
        start = text.find(piece, pos)
        if piece.strip():
            out.append(Sentence(start, start + len(piece), piece))
        pos = start + len(piece)
    return out


def _doc(rec: dict):
    from events.article import Article
    from events.pipeline import Doc
    article = Article(text=rec["text"], id=rec["id"], source=rec.get("source"), language=rec.get("language"))
    doc = Doc(article=article, language=rec.get("language"))
    for name in ("sentences", "dateline"):     # earlier stages, where they exist yet
        try:
            importlib.import_module(f"events.extract.{name}").run(doc)
        except Exception:
            pass
    if not doc.sentences:
        doc.sentences = _sentences(rec["text"])
    return doc


def _evidence_sentence(doc, evidence: str) -> int:
    words = set(re.findall(r"\w+", evidence.lower()))
    best, best_score = 0, -1.0
    for i, s in enumerate(doc.sentences):
        if evidence[:60] in s.text or s.text.strip()[:60] in evidence:
            return i
        sw = set(re.findall(r"\w+", s.text.lower()))
        score = len(words & sw) / (len(words) or 1)
        if score > best_score:
            best, best_score = i, score
    return best


def evaluate(path: str, verbose: bool = False) -> dict:
    from events import schema
    from events.extract import places
    from events.geo import distance_km, gazetteer
    gaz = gazetteer()
    n = country_ok = admin1_ok = admin1_alias_ok = near_ok = 0
    seconds = 0.0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec.get("events"):
            continue
        doc = _doc(rec)
        t0 = time.perf_counter()
        places.run(doc)
        seconds += time.perf_counter() - t0
        for ev in rec["events"]:
            n += 1
            idx = _evidence_sentence(doc, ev["evidence"])
            got = places.choose(doc, {idx})
            c_ok = got is not None and got.country == ev["country"]
            a_ok = c_ok and got.admin1 == ev["admin1"]
            alias = a_ok
            if c_ok and not a_ok and got.admin1:
                entry = gaz.admin1_entry(schema.country(got.country).iso2, got.admin1)
                alias = entry is not None and entry.idx in gaz.names.rows(
                    " ".join(ev["admin1"].lower().split())) if ev["admin1"] else False
            d_ok = (got is not None and got.latitude is not None and ev["latitude"] is not None
                    and distance_km(got.latitude, got.longitude, ev["latitude"], ev["longitude"]) <= 25)
            country_ok += c_ok
            admin1_ok += a_ok
            admin1_alias_ok += alias
            near_ok += d_ok
            if verbose and not (c_ok and a_ok and d_ok):
                print(f"  {rec['id'][:40]:40} s{idx}: gold {ev['country']}/{ev['admin1']}/{ev['location']} "
                      f"got {got and (got.country, got.admin1, got.location, got.geo_precision)}")
    return {"file": Path(path).name, "events": n, "country": country_ok / n, "admin1": admin1_ok / n,
            "admin1_any_name": admin1_alias_ok / n, "within_25km": near_ok / n,
            "ms_per_article": 1000 * seconds / max(1, n)}


def _rss_mb() -> float:
    """Resident memory of this process (Linux /proc; else peak RSS from resource)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = [a for a in argv if not a.startswith("-")] or DEFAULT_FILES
    import pyarrow.parquet  # noqa: F401  (imports are not the gazetteer's cost)
    from events import schema  # noqa: F401
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    from events.geo import gazetteer
    gazetteer()
    load = time.perf_counter() - t0
    print(f"gazetteer load: {load:.2f} s, +{_rss_mb() - rss0:.0f} MB resident")
    for path in files:
        r = evaluate(path, verbose)
        print(f"{r['file']}: {r['events']} events  country {r['country']:.2f}  admin1 {r['admin1']:.2f} "
              f"(any name {r['admin1_any_name']:.2f})  <=25 km {r['within_25km']:.2f}  "
              f"resolve {r['ms_per_article']:.1f} ms/event")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
