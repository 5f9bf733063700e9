"""The Python API for notebooks: the same store and queries as the CLI, as DuckDB and pandas.

    >>> import events.api as ev
    >>> con = ev.connect("data")                       # read-only; views events, articles, event_sources
    >>> con.sql("SELECT region, count(*) FROM events GROUP BY ALL").df()
    >>> ev.events_df("data", country="Iraq", since="2023-01-01")
    >>> ev.summary_df("data", by=["region", "month"])
    >>> ev.ingest(["seeds/"], db="data").summary()

pandas 3 gives text columns the `str` dtype and dates `datetime64[us]`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import duckdb

from events import query, readers
from events.store import IngestReport, RecodeReport, Store


def connect(db: str | os.PathLike = "data") -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection over the store (it can read only the store's files)."""
    return query.connect(db)


def events_df(db: str | os.PathLike = "data", **filters: object):
    """Events as a pandas DataFrame; filters: country, region, admin1, event_type (a value or
    a list), since, until (date or 'YYYY-MM-DD')."""
    return query.events_df(db, query.Filters.of(**filters))


def summary_df(db: str | os.PathLike = "data", by: Sequence[str] = ("region",), **filters: object):
    """`events summary` as a pandas DataFrame."""
    import pandas as pd

    rows = query.summary(db, by, query.Filters.of(**filters))
    return pd.DataFrame.from_records(rows.rows, columns=rows.columns)


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike = "data", fmt: str = "auto",
           max_bytes: int = readers.DEFAULT_MAX_BYTES) -> IngestReport:
    """Ingest files or folders into the store; the report lists rejections and counts."""
    return Store(db).ingest(readers.read(paths, fmt, max_bytes))


def recode(db: str | os.PathLike = "data") -> RecodeReport:
    """Re-run the current extractors over every stored article and replace their rows."""
    return Store(db).recode()
