"""Score the pipeline against a gold file (format: shared/eval/FORMAT.md).

Events are matched one-to-one within each article by country, date (within a day) and event
type; precision, recall and F1 count matches over all articles. Each field is then compared
on the matched pairs. Nothing here knows the extractors: it calls `events.pipeline` only.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from events import pipeline
from events.article import Article
from events.matcher import fold

FIELDS = ("event_date", "time_precision", "country", "admin1", "location", "event_type",
          "sub_event_type", "fatalities", "injuries", "perpetrator", "claim_status")
LOCATION_KM = 25.0


class GoldFileError(Exception):
    pass


@dataclass
class ArticleScore:
    id: str
    gold: int
    predicted: int
    matched: int
    misses: list[dict] = field(default_factory=list)          # gold events not found
    false_alarms: list[dict] = field(default_factory=list)    # rows with no gold event
    field_errors: list[tuple[str, object, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)           # pipeline errors


@dataclass
class Report:
    path: str
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    per_article: list[ArticleScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        return self.field_hits[name] / self.matched if self.matched else None

    def as_dict(self) -> dict:
        return {
            "file": self.path, "articles": self.articles, "gold_events": self.gold,
            "predicted_events": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {f: (None if self.accuracy(f) is None else round(self.accuracy(f), 4))
                       for f in FIELDS},
            "articles_detail": [{
                "id": a.id, "gold": a.gold, "predicted": a.predicted, "matched": a.matched,
                "misses": a.misses, "false_alarms": a.false_alarms,
                "field_errors": [{"field": f, "gold": _jsonable(g), "predicted": _jsonable(p)}
                                 for f, g, p in a.field_errors],
                "errors": a.errors} for a in self.per_article],
        }


def _jsonable(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date) else v


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_gold(path: str | Path) -> list[dict]:
    """The gold articles of a JSON Lines file; raises GoldFileError naming the bad line."""
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) \
                or not isinstance(item.get("events", []), list):
            raise GoldFileError(f"{path}:{n}: a gold line needs 'text' and a list 'events'")
        items.append(item)
    return items


def gold_article(item: dict, origin: str = "") -> Article:
    """The article as an input file would carry it (the gold annotations left out)."""
    return Article(text=item["text"], id=item.get("id"), title=item.get("title"),
                   published=_date(item.get("published")), source=item.get("source"),
                   url=item.get("url"), language=item.get("language"), origin=origin)


def _km(a: dict, b: dict) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in
                                  (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    except (TypeError, KeyError, ValueError):
        return None
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_PAREN = re.compile(r"\(.*?\)")


def _place_names(value: object) -> set[str]:
    """'Baghdad (Green Zone, Checkpoint 2)' -> {'baghdad'}; 'Kampung Melayu, East Jakarta' -> both parts."""
    if not value:
        return set()
    base = _PAREN.sub("", str(value))
    return {" ".join(fold(p).split()) for p in base.split(",") if p.strip()}


def _tokens(value: object) -> set[str]:
    return set(re.findall(r"\w+", fold(str(value)))) if value else set()


def same_location(gold: dict, row: dict) -> bool:
    km = _km(gold, row)
    if km is not None and km <= LOCATION_KM:
        return True
    g, p = _place_names(gold.get("location")), _place_names(row.get("location"))
    return bool(g & p) or (not g and not p)


def same_perpetrator(gold: object, predicted: object) -> bool:
    """Free-text actors agree when either's words mostly appear in the other's."""
    g, p = _tokens(gold), _tokens(predicted)
    if not g or not p:
        return not g and not p
    return len(g & p) / min(len(g), len(p)) >= 0.5


def _same(name: str, gold: dict, row: dict) -> bool:
    if name == "location":
        return same_location(gold, row)
    if name == "perpetrator":
        return same_perpetrator(gold.get("perpetrator"), row.get("perpetrator")) or \
            same_perpetrator(gold.get("perpetrator"), row.get("actor1"))
    if name == "event_date":
        return _date(gold.get(name)) == _date(row.get(name))
    if name in ("country", "admin1", "event_type", "sub_event_type"):
        g, p = gold.get(name), row.get(name)
        return (fold(g) if g else None) == (fold(p) if p else None)
    return gold.get(name) == row.get(name)


def _matches(gold: dict, row: dict) -> bool:
    gd, pd = _date(gold.get("event_date")), _date(row.get("event_date"))
    return (gold.get("country") == row.get("country")
            and gold.get("event_type") == row.get("event_type")
            and gd is not None and pd is not None and abs((gd - pd).days) <= 1)


def match_events(gold_events: list[dict], rows: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs; where several rows could match, the one agreeing on most fields wins."""
    scored = []
    for gi, g in enumerate(gold_events):
        for ri, r in enumerate(rows):
            if _matches(g, r):
                scored.append((sum(_same(f, g, r) for f in FIELDS), gi, ri))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_g, used_r, pairs = set(), set(), []
    for _, gi, ri in scored:
        if gi not in used_g and ri not in used_r:
            used_g.add(gi)
            used_r.add(ri)
            pairs.append((gold_events[gi], rows[ri]))
    return pairs


def _brief(e: dict) -> dict:
    keys = ("event_date", "country", "admin1", "location", "event_type", "sub_event_type", "fatalities")
    return {k: _jsonable(e.get(k)) for k in keys}


def evaluate(path: str | Path, extract: Callable[[Article], pipeline.Result] = pipeline.run_article,
             progress: Callable[[Iterable], Iterable] = lambda x: x) -> Report:
    """Run `extract` over every gold article of `path` and score it."""
    report = Report(path=str(path))
    for item in progress(read_gold(path)):
        result = extract(gold_article(item, origin=str(path)))
        gold_events = item.get("events", [])
        pairs = match_events(gold_events, result.rows)
        score = ArticleScore(id=str(item.get("id")), gold=len(gold_events),
                             predicted=len(result.rows), matched=len(pairs), errors=result.errors)
        matched_g = {id(g) for g, _ in pairs}
        matched_r = {id(r) for _, r in pairs}
        score.misses = [_brief(g) for g in gold_events if id(g) not in matched_g]
        score.false_alarms = [_brief(r) for r in result.rows if id(r) not in matched_r]
        for g, r in pairs:
            for name in FIELDS:
                if _same(name, g, r):
                    report.field_hits[name] += 1
                else:
                    score.field_errors.append((name, g.get(name), r.get(name)))
        report.articles += 1
        report.gold += score.gold
        report.predicted += score.predicted
        report.matched += score.matched
        report.per_article.append(score)
    return report
