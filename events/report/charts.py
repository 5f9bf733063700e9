"""The report's charts as Vega-Lite specs, built with Altair (rendered offline by vl-convert).

Each function takes the rows of `events.report.data` and returns an Altair chart; `specs`
returns them all by name, ready to embed in the page or to render to PNG/SVG.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import altair as alt

from events import schema
from events.report import outlines
from events.report.data import CLAIM_PICTURE, ReportData

WIDTH = 860
EVENT_TYPE_COLOURS = ("#4e79a7", "#e15759", "#b07aa1", "#59a14f", "#f28e2b", "#9c755f")
STATUS_COLOURS = {"claimed": "#e15759", "attributed": "#f28e2b", "reported": "#4e79a7", "unknown": "#bab0ac"}
CLAIM_COLOURS = ("#e15759", "#76b7b2", "#f28e2b", "#59a14f", "#bab0ac")
REGION_COLOURS = ("#4e79a7", "#a0cbe8", "#f28e2b", "#ffbe7d", "#59a14f", "#8cd17d", "#b6992d", "#f1ce63",
                  "#499894", "#86bcb6", "#e15759", "#ff9d9a", "#79706e", "#bab0ac", "#d37295", "#fabfd2",
                  "#b07aa1")   # Tableau 20 minus its last three: one per ACLED region


def _plain(rows: list[dict]) -> list[dict]:
    """JSON-ready rows (dates as ISO text)."""
    return [{k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in r.items()}
            for r in rows]


Datasets = dict[str, list]


def _values(rows: list[dict], name: str, datasets: Datasets | None) -> alt.Data | alt.NamedData:
    """The rows inline, or (with `datasets`) by name, the values kept aside: Altair then validates
    the chart, not every value, which on a big store saves seconds."""
    if datasets is None:
        return alt.Data(values=_plain(rows))
    datasets[name] = _plain(rows)
    return alt.NamedData(name=name)


def event_type_scale() -> alt.Scale:
    """One colour per ACLED event type, the same in every chart."""
    return alt.Scale(domain=list(schema.taxonomy().event_types), range=list(EVENT_TYPE_COLOURS))


def timeline(data: ReportData, stack: str | None = None, datasets: Datasets | None = None) -> alt.VConcatChart:
    """Events and fatalities per month (or year), stacked by event type or region.

    In the page a radio button switches the stacking; an image uses `stack` (default event type).
    """
    unit = "yearmonth" if data.time_unit == "month" else "year"
    bind = {} if stack else {"bind": alt.binding_radio(options=["event_type", "region"],
                                                        labels=["Event type", "Region"], name="Stack by ")}
    param = alt.param(name="stack", value=stack or "event_type", **bind)
    x = alt.X(f"{unit}(period):T", title=None, axis=alt.Axis(format="%b %Y" if unit == "yearmonth" else "%Y"))
    types, regions = list(schema.taxonomy().event_types), list(schema.regions())

    def pick(a: object, b: object) -> dict:
        return {"expr": f"stack == 'event_type' ? {json.dumps(a)} : {json.dumps(b)}"}

    # the same colours as the map for event types; domain and colours follow the radio button
    present = {(r["stack"], r["group"]) for r in data.timeline}
    types = [(t, EVENT_TYPE_COLOURS[i]) for i, t in enumerate(types) if ("event_type", t) in present]
    regions = [(g, REGION_COLOURS[i]) for i, g in enumerate(regions) if ("region", g) in present]
    longest = max(len(types), len(regions), 1)
    colours = [pick(types[i][1] if i < len(types) else "#999", regions[i][1] if i < len(regions) else "#999")
               for i in range(longest)]
    colour = alt.Color("group:N", title=None, legend=alt.Legend(orient="right", labelLimit=220),
                       scale=alt.Scale(domain=pick([t for t, _ in types], [g for g, _ in regions]),
                                       range=colours))
    tooltip = [alt.Tooltip(f"{unit}(period):T", title=data.time_unit.capitalize()),
               alt.Tooltip("group:N", title="Group"), alt.Tooltip("events:Q", title="Events"),
               alt.Tooltip("fatalities:Q", title="Fatalities")]
    base = alt.Chart(_values(data.timeline, "timeline", datasets)).transform_filter(alt.datum.stack == param).properties(
        width=WIDTH - 260, height=170)
    events = base.mark_bar().encode(x=x, y=alt.Y("sum(events):Q", title="Events"), color=colour, tooltip=tooltip)
    fatalities = base.mark_bar().encode(x=x, y=alt.Y("sum(fatalities):Q", title="Fatalities"), color=colour,
                                        tooltip=tooltip)
    return alt.vconcat(events, fatalities).add_params(param).properties(
        title=f"Events and fatalities per {data.time_unit}")


def _extent(points: list[dict]) -> tuple[float, float, float, float]:
    """The events' longitude/latitude box, padded; the whole world when there are none."""
    if not points:
        return (-180.0, -58.0, 180.0, 84.0)
    lons = [p["lon"] for p in points]
    lats = [p["lat"] for p in points]
    pad = max(2.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    return (max(-180.0, min(lons) - pad), max(-80.0, min(lats) - pad),
            min(180.0, max(lons) + pad), min(84.0, max(lats) + pad))


def event_map(data: ReportData, datasets: Datasets | None = None) -> alt.LayerChart:
    """Events as points (area by fatalities, colour by event type) over country outlines."""
    box = _extent(data.points)
    west, south, east, north = box
    corners = [[west, south], [east, south], [east, north], [west, north],
               [(west + east) / 2, south], [(west + east) / 2, north]]
    wide = east - west > 100
    projection = {"type": "equalEarth" if wide else "mercator",
                  "fit": {"type": "Feature", "properties": {},
                          "geometry": {"type": "MultiPoint", "coordinates": corners}}}
    height = 460
    countries = outlines.features(box, coarse=east - west > 0.2 * WIDTH)
    land = alt.Chart(_values(countries, "outlines", datasets)).mark_geoshape(
        fill="#eceae4", stroke="#9a968c", strokeWidth=0.6, clip=True).encode(
        tooltip=alt.Tooltip("properties.name:N", title="Country")).project(**projection)
    size_title = "Fatalities" + (f" (per {data.cell:g}° cell)" if data.cell else "")
    tips = [("country", "Country"), ("event_type", "Main type")]
    if not data.cell:
        tips = [("location", "Place"), ("admin1", "Admin1"), ("country", "Country"), ("event_type", "Type"),
                ("first", "First"), ("last", "Last")]
    dots = alt.Chart(_values(data.points, "points", datasets)).mark_circle(
        opacity=0.7, stroke="white", strokeWidth=0.5, clip=True).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("fatalities:Q", title=size_title,
                      scale=alt.Scale(range=[20, 900] if len(data.points) <= 300 else [6, 160], zero=False),
                      legend=alt.Legend(orient="right", tickCount=4)),
        color=alt.Color("event_type:N", title="Main event type" if data.cell else "Event type",
                        scale=event_type_scale(),
                        legend=alt.Legend(orient="right")),
        order=alt.Order("fatalities:Q", sort="descending"),
        tooltip=[alt.Tooltip(f"{field}:N", title=title) for field, title in tips]
        + [alt.Tooltip("events:Q", title="Events"), alt.Tooltip("fatalities:Q", title="Fatalities")],
    ).project(**projection)
    return alt.layer(land, dots).properties(width=WIDTH - 220, height=height, title="Where").configure_view(
        fill="#f4f8fb")


def top_bars(rows: list[dict], title: str, colour: str = "#4e79a7", name: str = "top",
             datasets: Datasets | None = None) -> alt.LayerChart:
    """A ranked horizontal bar chart: events, with fatalities beside each bar."""
    base = alt.Chart(_values(rows, name, datasets)).encode(
        y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("events:Q", title="Events"),
        tooltip=[alt.Tooltip("name:N", title="Name"), alt.Tooltip("events:Q", title="Events"),
                 alt.Tooltip("fatalities:Q", title="Fatalities")])
    bars = base.mark_bar(color=colour)
    labels = base.mark_text(align="left", dx=3, color="#555").encode(
        text=alt.Text("fatalities:Q", format=",d"))
    return alt.layer(bars, labels).properties(
        width=230, height=max(60, 22 * len(rows)),
        title=alt.TitleParams(title, subtitle="bar: events; number: fatalities"))


def perpetrators(rows: list[dict], datasets: Datasets | None = None) -> alt.Chart:
    """Top perpetrators, each bar split by how responsibility is known."""
    statuses = list(STATUS_COLOURS)
    names = sorted({r["name"] for r in rows})
    return alt.Chart(_values(rows, "perpetrators", datasets)).mark_bar().encode(
        y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("sum(events):Q", title="Events"),
        color=alt.Color("status:N", title="Responsibility",
                        scale=alt.Scale(domain=statuses, range=list(STATUS_COLOURS.values()))),
        tooltip=[alt.Tooltip("name:N", title="Perpetrator"), alt.Tooltip("status:N", title="Responsibility"),
                 alt.Tooltip("events:Q", title="Events"), alt.Tooltip("fatalities:Q", title="Fatalities")],
    ).properties(width=230, height=max(60, 22 * len(names)), title="Perpetrators")


def claims(rows: list[dict], datasets: Datasets | None = None) -> alt.Chart:
    """The claim picture: claimed, denied, attributed, nobody claimed, not reported."""
    labels = [label for label, _ in CLAIM_PICTURE]
    return alt.Chart(_values(rows, "claims", datasets)).mark_bar().encode(
        y=alt.Y("claim:N", sort=labels, title=None),
        x=alt.X("events:Q", title="Events"),
        color=alt.Color("claim:N", legend=None, scale=alt.Scale(domain=labels, range=list(CLAIM_COLOURS))),
        tooltip=[alt.Tooltip("claim:N", title="Responsibility"), alt.Tooltip("events:Q", title="Events"),
                 alt.Tooltip("fatalities:Q", title="Fatalities")],
    ).properties(width=360, height=5 * 26, title="Claims of responsibility")


def charts(data: ReportData, stack: str | None = None, datasets: Datasets | None = None) -> dict[str, Any]:
    """Every chart of the report by name (file stem for images, element id in the page)."""
    return {
        "timeline": timeline(data, stack, datasets),
        "map": event_map(data, datasets),
        "countries": top_bars(data.countries, "Countries", name="countries", datasets=datasets),
        "admin1": top_bars(data.admin1, "First-level divisions", "#76b7b2", "admin1", datasets),
        "actors": top_bars(data.actors, "Main actors (actor1)", "#9c755f", "actors", datasets),
        "perpetrators": perpetrators(data.perpetrators, datasets),
        "claims": claims(data.claims, datasets),
    }


def _names(spec: object) -> set[str]:
    """Names of the datasets a spec refers to."""
    if isinstance(spec, dict):
        found = {spec["data"]["name"]} if isinstance(spec.get("data"), dict) and "name" in spec["data"] else set()
        return found.union(*(_names(v) for v in spec.values()))
    if isinstance(spec, list):
        return set().union(*(_names(v) for v in spec))
    return set()


def to_spec(chart: Any, datasets: Datasets) -> dict:
    """A validated Vega-Lite dict with the datasets it names attached."""
    spec = chart.to_dict()
    spec["datasets"] = {n: datasets[n] for n in sorted(_names(spec))}
    return spec


def specs(data: ReportData, stack: str | None = None) -> dict[str, dict]:
    """The charts as Vega-Lite JSON dicts, each carrying its own data; a chart with nothing to
    draw (no perpetrator named, say) is left out, and the page says so instead."""
    datasets: Datasets = {}
    built = {name: to_spec(chart, datasets) for name, chart in charts(data, stack, datasets).items()}
    return {name: spec for name, spec in built.items()
            if any(values for key, values in spec["datasets"].items() if key != "outlines")}
