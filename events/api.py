"""The Python API for notebooks: the same store and queries as the CLI, as DuckDB and pandas.

    >>> import events.api as ev
    >>> con = ev.connect("data")                       # read-only; views events, articles, event_sources
    >>> con.sql("SELECT region, count(*) FROM events GROUP BY ALL").df()
    >>> ev.events_df("data", country="Iraq", since="2023-01-01")
    >>> ev.events_df("data", country="Irak", admin1="Jawa Barat")  # names as the CLI takes them
    >>> ev.summary_df("data", by=["region", "month"])
    >>> ev.ingest(["seeds/"], db="data").summary()

Filters take names as the CLI does (`events/names.py`): any language or a close spelling, read
as the stored value, with each reading or "matches nothing" hint given as a `UserWarning`;
an unknown or ambiguous country or type raises `events.errors.FilterError`.
pandas 3 gives text columns the `str` dtype and dates `datetime64[us]`.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence

import duckdb

from events import query, readers
from events.store import IngestReport, RecodeReport, Store


def connect(db: str | os.PathLike = "data") -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection over the store (it can read only the store's files)."""
    return query.connect(db)


def _filters(db: str | os.PathLike, given: dict[str, object]) -> query.Filters:
    """The filters with every value as stored, read as `summary`'s options are; what was read
    as what, and values that match nothing, are warnings (a notebook shows them)."""
    from events import names

    resolved, notes = names.resolve_filters(db, query.Filters.of(**given))
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=3)
    return resolved


def events_df(db: str | os.PathLike = "data", **filters: object):
    """Events as a pandas DataFrame; filters as `events summary` takes them: country, region,
    admin1, event_type, sub_event_type, actor, perpetrator, language, source, claim_status (a
    value or a list), min_fatalities, since, until (date or 'YYYY-MM-DD')."""
    return query.events_df(db, _filters(db, filters))


def summary_df(db: str | os.PathLike = "data", by: Sequence[str] = ("region",), **filters: object):
    """`events summary` as a pandas DataFrame."""
    import pandas as pd

    from events import names

    dims, notes = names.dimensions([by] if isinstance(by, str) else by)
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=2)
    rows = query.summary(db, dims, _filters(db, filters))
    return pd.DataFrame.from_records(rows.rows, columns=rows.columns)


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike = "data", fmt: str = "auto",
           max_bytes: int = readers.DEFAULT_MAX_BYTES) -> IngestReport:
    """Ingest files or folders into the store; the report lists rejections and counts."""
    return Store(db).ingest(readers.read(paths, fmt, max_bytes))


def recode(db: str | os.PathLike = "data") -> RecodeReport:
    """Re-run the current extractors over every stored article and replace their rows."""
    return Store(db).recode()
