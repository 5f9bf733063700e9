"""What the report shows, read from the store: aggregates small enough to inline in one page.

Every query runs on `query.connect` (read-only, can open only the store's live files) with
the same `query.Filters` as `summary` and `export`, so the report and the tables agree. Each
result is bounded (top N, points binned and capped, months or years) whatever the store's size.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from events import query

MAX_MONTHS = 180          # longer spans are shown per year, so one bad date cannot make 40,000 bars
MAX_POINTS = 3000         # map points: events one by one, or past this many binned in cells, busiest first
CELLS_ACROSS = 400        # binned, a cell is about 1/400 of the events' extent (2 pixels on the map) ...
CELL_SIZES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)   # ... rounded up to one of these (degrees)
TOP = 12
EXACT_ARTICLES = 1_000_000   # past this many events the articles are counted approximately (HyperLogLog)

CLAIM_PICTURE = (          # (label, SQL condition), first match wins; the order is the precedence
    ("Claimed", "claim_status = 'claimed' OR perpetrator_status = 'claimed'"),
    ("Denied", "claim_status = 'denied'"),
    ("Attributed", "perpetrator_status = 'attributed'"),
    ("No claim", "claim_status = 'no_claim'"),
    ("Not reported", "true"),
)


@dataclass
class Totals:
    events: int = 0
    fatalities: int = 0
    injuries: int = 0
    countries: int = 0
    articles: int = 0
    articles_approx: bool = False
    first: dt.date | None = None
    last: dt.date | None = None
    undated: int = 0                  # events whose article gives no date at all


@dataclass
class ReportData:
    """Everything the page and the charts need, as plain Python values."""
    totals: Totals
    time_unit: str                                   # "month" or "year"
    timeline: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)
    cell: float | None = None                        # degrees: events grouped per cell (many events)
    points_capped: bool = False                      # only the MAX_POINTS busiest places kept
    countries: list[dict] = field(default_factory=list)
    admin1: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    perpetrators: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    latest: list[dict] = field(default_factory=list)
    stored_events: int = 0


def _records(con, sql: str, params: Sequence) -> list[dict]:
    rel = con.execute(sql, list(params))
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def _top(con, where: str, params: list, column: str, label: str, extra_where: str = "true") -> list[dict]:
    return _records(con, f"""
        SELECT {column} AS {label}, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
        FROM events WHERE ({where}) AND {column} IS NOT NULL AND {column} <> '' AND {extra_where}
        GROUP BY ALL ORDER BY events DESC, fatalities DESC, {label} LIMIT {TOP}""", params)


def read(db: str | os.PathLike, filters: query.Filters | None = None, latest: int = 50) -> ReportData:
    """The report's data for the events matching `filters` (all events by default)."""
    where, params = (filters or query.Filters()).where()
    con = query.connect(db)
    try:
        row = con.execute(f"""
            SELECT count(*), coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0),
                   count(DISTINCT country), min(event_date), max(event_date),
                   max(longitude) - min(longitude), max(latitude) - min(latitude),
                   count(*) FILTER (WHERE event_date IS NULL)
            FROM events WHERE {where}""", params).fetchone()
        span = max(row[6] or 0.0, row[7] or 0.0)
        totals = Totals(int(row[0]), int(row[1]), int(row[2]), int(row[3]), first=row[4], last=row[5],
                        undated=int(row[8]))
        totals.articles_approx = totals.events > EXACT_ARTICLES
        distinct = "approx_count_distinct(a)" if totals.articles_approx else "count(DISTINCT a)"
        totals.articles = con.execute(f"""
            SELECT {distinct} FROM (SELECT unnest(article_ids) AS a FROM events WHERE {where})""",
                                      params).fetchone()[0]
        months = 0 if totals.first is None else (
            (totals.last.year - totals.first.year) * 12 + totals.last.month - totals.first.month + 1)
        unit = "month" if months <= MAX_MONTHS else "year"
        data = ReportData(totals=totals, time_unit=unit)
        data.stored_events = totals.events if where == "true" else \
            con.execute("SELECT count(*) FROM events").fetchone()[0]
        if not totals.events:
            return data
        data.timeline = _records(con, f"""
            WITH f AS (SELECT CAST(date_trunc('{unit}', event_date) AS DATE) AS period, region, event_type,
                              fatalities FROM events WHERE {where})
            SELECT period, 'region' AS stack, region AS "group", count(*) AS events,
                   coalesce(sum(fatalities), 0) AS fatalities FROM f GROUP BY ALL
            UNION ALL
            SELECT period, 'event_type', event_type, count(*), coalesce(sum(fatalities), 0) FROM f GROUP BY ALL
            ORDER BY period, stack, "group" """, params)
        if totals.events > MAX_POINTS:
            # one point per cell, coloured by its most frequent event type (grouping by the type
            # as well costs twice as long on a big store)
            data.cell = next((c for c in CELL_SIZES if c >= span / CELLS_ACROSS), CELL_SIZES[-1])
            lat, lon = (f"round(round({c} / {data.cell}) * {data.cell}, 2)" for c in ("latitude", "longitude"))
            kind, places = "mode(event_type) AS event_type", "any_value(country) AS country"
        else:
            lat, lon, kind = "round(latitude, 4)", "round(longitude, 4)", "event_type"
            places = ("min(location) AS location, min(admin1) AS admin1, min(country) AS country, "
                      "min(event_date) AS first, max(event_date) AS last")
        data.points = _records(con, f"""
            SELECT {lat} AS lat, {lon} AS lon, {kind},
                   count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities, {places}
            FROM events WHERE ({where}) AND latitude IS NOT NULL AND longitude IS NOT NULL
            GROUP BY {"ALL" if kind == "event_type" else "lat, lon"}
            ORDER BY events DESC, fatalities DESC, lat, lon LIMIT {MAX_POINTS + 1}""", params)
        data.points_capped = len(data.points) > MAX_POINTS
        del data.points[MAX_POINTS:]
        data.countries = _top(con, where, params, "country", "name")
        data.admin1 = [{"name": f"{r.pop('admin1')}, {r.pop('country')}", **r} for r in _records(con, f"""
            SELECT admin1, country, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
            FROM events WHERE ({where}) AND admin1 IS NOT NULL AND admin1 <> ''
            GROUP BY ALL ORDER BY events DESC, fatalities DESC, admin1, country LIMIT {TOP}""", params)]
        data.actors = _top(con, where, params, "actor1", "name")
        data.perpetrators = _records(con, f"""
            WITH top AS ({_top_sql(where, 'perpetrator')})
            SELECT perpetrator AS name, perpetrator_status AS status, count(*) AS events,
                   coalesce(sum(fatalities), 0) AS fatalities
            FROM events WHERE ({where}) AND perpetrator IN (SELECT perpetrator FROM top)
            GROUP BY ALL ORDER BY name, status""", params + params)
        case = " ".join(f"WHEN {cond} THEN '{label}'" for label, cond in CLAIM_PICTURE)
        order = " ".join(f"WHEN '{label}' THEN {i}" for i, (label, _) in enumerate(CLAIM_PICTURE))
        data.claims = _records(con, f"""
            SELECT claim, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
            FROM (SELECT CASE {case} END AS claim, fatalities FROM events WHERE {where})
            GROUP BY claim ORDER BY CASE claim {order} END""", params)
        data.latest = _latest(con, where, params, latest)
        return data
    finally:
        con.close()


def _top_sql(where: str, column: str) -> str:
    return (f"SELECT {column} FROM events WHERE ({where}) AND {column} IS NOT NULL AND {column} <> '' "
            f"GROUP BY ALL ORDER BY count(*) DESC, coalesce(sum(fatalities), 0) DESC, {column} LIMIT {TOP}")


def _latest(con, where: str, params: list, limit: int) -> list[dict]:
    # the newest ids first (two narrow columns), then their wide rows: no sort over every note
    newest = con.execute(f"""
        SELECT event_id_cnty, event_date FROM events WHERE {where}
        ORDER BY event_date DESC NULLS LAST, event_id_cnty LIMIT {int(limit)}""", params).fetchall()
    if not newest:
        return []
    ids = [r[0] for r in newest]
    oldest = min((r[1] for r in newest if r[1] is not None), default=dt.date.max)
    marks = ", ".join("?" for _ in ids)
    # the date bound lets DuckDB skip every file and row group older than the oldest one listed
    rows = _records(con, f"""
        SELECT event_id_cnty, event_date, time_precision, event_type, sub_event_type, country, admin1,
               admin2, location, fatalities, injuries, actor1, actor2, perpetrator, perpetrator_status,
               claim_status, claimed_by, source, notes, language
        FROM events WHERE (event_date >= ? OR event_date IS NULL) AND event_id_cnty IN ({marks})
        ORDER BY event_date DESC NULLS LAST, event_id_cnty""", [oldest, *ids])
    sources: dict[str, list[dict]] = {}
    for s in _records(con, f"""
            SELECT s.event_id_cnty, a.source, a.url, a.title, a.published
            FROM event_sources s JOIN articles a ON a.id = s.article_id
            WHERE s.event_id_cnty IN ({marks}) ORDER BY s.event_id_cnty, a.published NULLS LAST, a.id""", ids):
        sources.setdefault(s.pop("event_id_cnty"), []).append(s)
    for r in rows:
        r["sources"] = sources.get(r["event_id_cnty"], [])
    return rows
