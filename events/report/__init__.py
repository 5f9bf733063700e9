"""The offline report: one self-contained HTML page (or chart images) over the filtered events.

    >>> from events import report, query
    >>> report.write("data", "report.html", query.Filters.of(country="Indonesia"))

Reads through `events.query` (read-only connection, the same filters as `summary`), draws
with Altair/Vega-Lite, and inlines everything (JavaScript, data, country outlines), so the
page opens with no network; `fmt="png"` or `"svg"` writes each chart as an image instead.
"""
from __future__ import annotations

import dataclasses
import os
import uuid
from pathlib import Path

import duckdb

from events import errors, query
from events.report import charts, data, page

FORMATS = ("html", "png", "svg")
IMAGE_NAMES = ("timeline", "timeline_region", "map", "countries", "admin1", "actors", "perpetrators", "claims")


def scope(filters: query.Filters | None) -> str:
    """The filters in words, for the page's subtitle ('All events' when there are none)."""
    parts = []
    for f in dataclasses.fields(query.Filters):
        value = getattr(filters, f.name, None) if filters else None
        if value in (None, (), [], ""):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        parts.append(f"{f.name.replace('_', ' ')}: {text}")
    return "; ".join(parts) if parts else "All events"


def _write_atomic(path: Path, content: bytes) -> None:
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise errors.QueryError(errors.output_not_writable(str(path), exc.strerror or str(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)


def write(db: str | os.PathLike, output: str | os.PathLike, filters: query.Filters | None = None,
          fmt: str = "html", latest: int = 50, title: str | None = None) -> tuple[list[Path], data.ReportData]:
    """Write the report for the events matching `filters`; return the files written and the data.

    html: `output` is the page (replaced whole, never left half-written). png/svg: `output` is
    a folder (created) that receives one image per chart.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    try:
        rows = data.read(db, filters, latest=latest)
    except duckdb.Error as exc:          # a failing read is one line, as for `events query`
        raise errors.QueryError(errors.sql_failed(str(exc).strip().splitlines()[0] if str(exc).strip()
                                                  else type(exc).__name__)) from None
    out = Path(output)
    if fmt == "html":
        if out.is_dir():
            raise errors.QueryError(errors.output_not_writable(str(out), "it is a folder"))
        text = page.render(rows, charts.specs(rows), title or "Conflict events report", scope(filters))
        _write_atomic(out, text.encode("utf-8"))
        return [out], rows
    import vl_convert

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.QueryError(errors.output_not_writable(str(out), exc.strerror or str(exc))) from None
    specs = charts.specs(rows, stack="event_type")
    region: charts.Datasets = {}
    if "timeline" in specs:
        specs["timeline_region"] = charts.to_spec(charts.timeline(rows, "region", region), region)
    written = []
    for name in (n for n in IMAGE_NAMES if n in specs):
        target = out / f"{name}.{fmt}"
        if fmt == "png":
            content = vl_convert.vegalite_to_png(specs[name], scale=2)
        else:
            content = vl_convert.vegalite_to_svg(specs[name]).encode("utf-8")
        _write_atomic(target, content)
        written.append(target)
    return written, rows
