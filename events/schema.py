"""The event row and its reference data, read from `schemas/` (and only here).

Everyone else asks this module: the pyarrow schema of the `events` table, row validation,
the CSV column order, the ACLED taxonomy, inter codes, GTD types and the country table.
"""
from __future__ import annotations

import csv
import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:       # imported when first needed: `events query` and `--help` load no Arrow
    import pyarrow as pa


def _schemas_dir() -> Path:
    """`schemas/` beside the package in a checkout, or the copy installed inside it."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "_schemas"):
        if (candidate / "event.toml").exists():
            return candidate
    return Path(str(resources.files("events") / "_schemas"))


SCHEMAS_DIR = _schemas_dir()


@cache
def _arrow_types() -> dict[str, pa.DataType]:
    import pyarrow as pa

    evidence = pa.list_(pa.struct([
        pa.field("field", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
    ]))
    return {
        "string": pa.string(), "date": pa.date32(), "int8": pa.int8(), "int16": pa.int16(),
        "int32": pa.int32(), "int64": pa.int64(), "float32": pa.float32(),
        "float64": pa.float64(), "list<string>": pa.list_(pa.string()), "evidence": evidence,
    }


def __getattr__(name: str) -> Any:
    if name == "EVIDENCE_TYPE":         # the evidence column's Arrow type, built on first use
        return _arrow_types()["evidence"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    origin: str
    description: str
    values: Any = None

    @property
    def arrow_type(self) -> pa.DataType:
        return _arrow_types()[self.type]


@dataclass(frozen=True)
class Taxonomy:
    """ACLED event types in order of precedence, each with its sub-event types."""
    event_types: tuple[str, ...]
    sub_event_types: dict[str, tuple[str, ...]]          # event type -> its sub-event types
    event_type_of: dict[str, str]                        # sub-event type -> event type
    disorder_type_of: dict[str, str]                     # sub-event type -> disorder type
    disorder_types: tuple[str, ...] = field(default=())

    def precedence(self, event_type: str) -> int:
        """Lower wins: Battles 0 ... Strategic developments 5."""
        return self.event_types.index(event_type)


def _read_toml(name: str) -> dict:
    with (SCHEMAS_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def columns() -> tuple[Column, ...]:
    return tuple(Column(name=c["name"], type=c["type"], nullable=c["nullable"],
                        origin=c["origin"], description=c["description"],
                        values=c.get("values"))
                 for c in _read_toml("event.toml")["column"])


@cache
def column_names() -> tuple[str, ...]:
    """Column order of the events table and of CSV exports."""
    return tuple(c.name for c in columns())


@cache
def arrow_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in columns()])


@cache
def taxonomy() -> Taxonomy:
    data = _read_toml("acled_taxonomy.toml")["event_type"]
    event_types = tuple(e["name"] for e in data)
    subs = {e["name"]: tuple(s["name"] for s in e["sub_event_types"]) for e in data}
    event_type_of = {s: et for et, ss in subs.items() for s in ss}
    disorder_of = {s["name"]: s["disorder_type"] for e in data for s in e["sub_event_types"]}
    disorder_types = tuple(dict.fromkeys(disorder_of.values()))
    return Taxonomy(event_types, subs, event_type_of, disorder_of, disorder_types)


@cache
def inter_codes() -> dict[int, str]:
    return {int(k): v for k, v in _read_toml("inter_codes.toml")["codes"].items()}


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: both inter codes, lower first; 10*inter1 with no actor2."""
    if not inter2:
        return 10 * inter1
    low, high = sorted((inter1, inter2))
    return 10 * low + high


@cache
def valid_interactions() -> frozenset[int]:
    codes = [c for c in inter_codes() if c]
    return frozenset({10 * a for a in codes} | {10 * a + b for a in codes for b in codes if b >= a})


@cache
def gtd_types() -> dict[str, tuple[str, ...]]:
    data = _read_toml("gtd_types.toml")
    return {k: tuple(t["name"] for t in v) for k, v in data.items()}


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    official_name: str
    region: str


@cache
def countries() -> tuple[Country, ...]:
    with (SCHEMAS_DIR / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(Country(r["iso2"], r["iso3"], int(r["iso_numeric"]), r["name"],
                             r["official_name"], r["region"]) for r in csv.DictReader(fh))


@cache
def country_index() -> dict[str, Country]:
    """Countries by ISO2, ISO3 and ACLED name (all exact)."""
    index: dict[str, Country] = {}
    for c in countries():
        index[c.iso2] = index[c.iso3] = index[c.name] = c
    return index


def country(key: str) -> Country | None:
    """Look a country up by ISO2, ISO3 or ACLED name: country('IRQ').name == 'Iraq'."""
    return country_index().get(key)


@cache
def regions() -> tuple[str, ...]:
    return tuple(sorted({c.region for c in countries()}))


@cache
def _allowed(name: str) -> frozenset | None:
    v = next(c for c in columns() if c.name == name).values
    if v is None:
        return None
    if isinstance(v, list):
        return frozenset(v)
    kind, _, key = v.partition(":")
    if kind == "taxonomy":
        t = taxonomy()
        return frozenset({"event_type": t.event_types, "sub_event_type": tuple(t.event_type_of),
                          "disorder_type": t.disorder_types}[key])
    if kind == "countries":
        return frozenset(getattr(c, key) for c in countries())
    if kind == "gtd":
        return frozenset(gtd_types()[key])
    if kind == "inter":
        return valid_interactions()
    raise ValueError(f"unknown value reference {v!r} in schemas/event.toml")


_PY_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
    "int8": lambda v: isinstance(v, int) and not isinstance(v, bool) and -128 <= v < 128,
    "int16": lambda v: isinstance(v, int) and not isinstance(v, bool) and -2**15 <= v < 2**15,
    "int32": lambda v: isinstance(v, int) and not isinstance(v, bool) and -2**31 <= v < 2**31,
    "int64": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float32": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "float64": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "list<string>": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "evidence": lambda v: isinstance(v, list) and all(
        isinstance(x, dict) and isinstance(x.get("field"), str) and isinstance(x.get("text"), str)
        and isinstance(x.get("start"), int) and isinstance(x.get("end"), int) for x in v),
}


def validate_row(row: dict) -> list[str]:
    """Problems with one event row (empty list when it is valid).

    Checks presence, type, allowed values and the cross-field rules ACLED implies:
    sub-event type belongs to event type, disorder type matches, year matches the date,
    interaction matches inter1/inter2, country/iso/region agree, id starts with the ISO3.
    """
    problems: list[str] = []
    names = set(column_names())
    extra = set(row) - names
    if extra:
        problems.append(f"unknown columns: {', '.join(sorted(extra))}")
    for col in columns():
        v = row.get(col.name)
        if v is None:
            if not col.nullable:
                problems.append(f"{col.name} is missing")
            continue
        if not _PY_CHECKS[col.type](v):
            problems.append(f"{col.name} has type {type(v).__name__}, expected {col.type}")
            continue
        allowed = _allowed(col.name)
        if allowed is not None and v not in allowed:
            problems.append(f"{col.name}={v!r} is not an allowed value")
    if problems:
        return problems
    t = taxonomy()
    if t.event_type_of[row["sub_event_type"]] != row["event_type"]:
        problems.append(f"sub_event_type {row['sub_event_type']!r} is not a kind of {row['event_type']!r}")
    if t.disorder_type_of[row["sub_event_type"]] != row["disorder_type"]:
        problems.append(f"disorder_type of {row['sub_event_type']!r} is "
                        f"{t.disorder_type_of[row['sub_event_type']]!r}")
    day = row.get("event_date")
    if (row.get("year") != day.year) if day is not None else \
            (row.get("year") is not None or row.get("time_precision") is not None):
        problems.append("year does not match event_date")
    if interaction(row["inter1"], row["inter2"]) != row["interaction"]:
        problems.append("interaction does not match inter1/inter2")
    c = country(row["country"])
    if c is None or c.iso_numeric != row["iso"] or c.region != row["region"]:
        problems.append("country, iso and region disagree")
    elif not row["event_id_cnty"].startswith(c.iso3):
        problems.append(f"event_id_cnty must start with {c.iso3}")
    for lo, hi in (("fatalities_low", "fatalities_high"),):
        if row.get(lo) is not None and row.get(hi) is not None and row[lo] > row[hi]:
            problems.append(f"{lo} is greater than {hi}")
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
        problems.append("latitude/longitude out of range")
    return problems


def describe() -> str:
    """The columns as a Markdown table (what `events schema` prints)."""
    lines = ["| column | type | null | origin | description |", "|---|---|---|---|---|"]
    for c in columns():
        lines.append(f"| {c.name} | {c.type} | {'yes' if c.nullable else 'no'} | {c.origin} | {c.description} |")
    return "\n".join(lines)


# --- the store's tables ----------------------------------------------------------------------
# One home for the tables' names and Arrow schemas: the store writes them, the views read them.

TABLES = ("articles", "events", "event_sources")


def articles_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([
        pa.field("id", pa.string(), nullable=False),
        pa.field("text_hash", pa.string(), nullable=False),
        pa.field("source", pa.string()), pa.field("url", pa.string()),
        pa.field("title", pa.string()), pa.field("published", pa.date32()),
        pa.field("language", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("language_detected", pa.bool_()),     # language found by the extractors, not given
    ])


def event_sources_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field("event_id_cnty", pa.string(), nullable=False),
                      pa.field("article_id", pa.string(), nullable=False)])


def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of one of the store's TABLES."""
    return {"articles": articles_schema, "events": arrow_schema, "event_sources": event_sources_schema}[table]()
