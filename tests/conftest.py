"""Shared fixtures. Keep small: one fixture per need, documented."""
from __future__ import annotations

import datetime as dt

import pytest

from events import ids, pipeline, schema


def make_event_row(**over) -> dict:
    """A valid event row (the shape `events.pipeline` produces), with fields overridden."""
    row = {
        "event_id_cnty": "IRQ0000000001", "event_date": dt.date(2023, 12, 8), "year": 2023,
        "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Unidentified Armed Group (Iraq)", "inter1": 3,
        "actor2": "Civilians (United States)", "inter2": 7, "interaction": 37,
        "iso": 368, "region": "Middle East", "country": "Iraq", "admin1": "Baghdad",
        "location": "Baghdad", "latitude": 33.34, "longitude": 44.40, "geo_precision": 1,
        "notes": "Rockets hit the US embassy.", "timestamp": 1, "perpetrator_status": "attributed",
        "claim_status": "no_claim", "article_ids": ["a1"], "evidence": [], "confidence": 0.9,
        "extractor_version": "0.1.0",
    }
    row.update(over)
    if "event_date" in over and "year" not in over:
        row["year"] = row["event_date"].year
    return row


@pytest.fixture
def event_row():
    """Factory: event_row(**overrides) -> a valid event row dict."""
    return make_event_row


def rows_from_markers(article) -> list[dict]:
    """Test stand-in for the extractors: one row per line `EVENT <ISO3> <YYYY-MM-DD> <deaths>`."""
    rows = []
    for n, line in enumerate(article.text.splitlines()):
        parts = line.split()
        if len(parts) == 4 and parts[0] == "EVENT":
            c = schema.country(parts[1])
            date = dt.date.fromisoformat(parts[2])
            rows.append(make_event_row(
                event_id_cnty=ids.event_id(c.iso3, article.text_hash, n), event_date=date,
                iso=c.iso_numeric, region=c.region, country=c.name, admin1=None, location=None,
                latitude=None, longitude=None, fatalities=int(parts[3]), article_ids=[article.id]))
    return rows


@pytest.fixture
def marker_pipeline(monkeypatch):
    """Replace events.pipeline.run_article with `rows_from_markers` (the store calls only it)."""
    def run_article(article, stages=None):
        return pipeline.Result(article, rows_from_markers(article), [])
    monkeypatch.setattr(pipeline, "run_article", run_article)
    return run_article
