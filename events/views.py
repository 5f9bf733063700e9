"""The DuckDB views of a store, built here for both sides: `events.store` writes them into its
events.duckdb (absolute paths, for DuckDB users), `events.query` creates them on its sandboxed
connection (through the read-only filesystem's URLs). One home, so the store and the query side
never import each other.

Views: `coded_events` (the coder's rows), `events` (analysts' edits applied, deletions left out),
`articles`, `event_sources`, `corrections`, `deletions` (like ACLED's deletions feed) and
`event_origin`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from events import schema
from events.schema import TABLES

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

SCHEME = "events-store"                 # the read-only filesystem's URL scheme (events.query)


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def duck_type(t: pa.DataType) -> str:
    """The DuckDB type name of an Arrow type (for typed empty views)."""
    import pyarrow as pa

    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_list(t):
        return duck_type(t.value_type) + "[]"
    if pa.types.is_struct(t):
        return "STRUCT(" + ", ".join(f"{sql_ident(f.name)} {duck_type(f.type)}" for f in t) + ")"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    return {pa.date32(): "DATE", pa.int8(): "TINYINT", pa.int16(): "SMALLINT",
            pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.float32(): "FLOAT",
            pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN"}[t]


def _source_sql(table: str, files: Sequence[Path]) -> str:
    if not files:
        return _empty_sql(table)
    listing = ", ".join(sql_literal(str(p)) for p in files)
    return f"SELECT * FROM read_parquet([{listing}], union_by_name = true, hive_partitioning = false)"


def _empty_sql(table: str) -> str:
    """A typed view of no rows, for a table with no live file yet."""
    cols = ", ".join(f"CAST(NULL AS {duck_type(f.type)}) AS {sql_ident(f.name)}" for f in schema.table_schema(table))
    return f"SELECT {cols} WHERE false"


def view_statements(files: Mapping[str, Sequence[Path]]) -> list[str]:
    """CREATE VIEW statements for events, articles and event_sources over the live files of each
    table (absolute paths: the store's events.duckdb, for DuckDB users outside this package)."""
    return [f"CREATE OR REPLACE VIEW {t} AS {_source_sql(t, sorted(files.get(t, ())))}" for t in TABLES]


@dataclass
class Live:
    """The files a connection may read: store-relative name -> real path, per table."""
    files: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TABLES})
    paths: dict[str, str] = field(default_factory=dict)
    corrections: str | None = None          # the name of the corrections table, if the store has one
    direct: bool = False                    # read by their real paths (a connection running our SQL only)

    def url(self, name: str) -> str:
        return self.paths[name] if self.direct else f"{SCHEME}://{name}"

    def where(self, text: str) -> str:
        """A DuckDB message with our URLs turned back into the real paths."""
        for name, path in self.paths.items() if not self.direct else ():
            text = text.replace(self.url(name), path)
        return text


def create_views(con: duckdb.DuckDBPyConnection, live: Live, tables: Sequence[str] = TABLES,
                  catalog: bool = True) -> None:
    """coded_events, events (corrections applied), articles, event_sources, corrections,
    deletions and event_origin, over the live files (only those over `tables`; the last
    three only for a `catalog` that users query, not for this module's own SQL)."""
    for t in (t for t in TABLES if t in tables):
        names = live.files[t]
        source = (f"SELECT * FROM read_parquet([{', '.join(sql_literal(live.url(n)) for n in names)}], "
                  f"union_by_name = true, hive_partitioning = false)") if names else _empty_sql(t)
        if t == "events":
            con.execute(f"CREATE VIEW coded_events AS {source}")
            present = [r[0] for r in con.execute("DESCRIBE coded_events").fetchall()]
            if present == list(schema.column_names()):
                continue
            source = "SELECT " + ", ".join(      # older files: the schema's columns, in its order
                sql_ident(c.name) if c.name in present else f"CAST(NULL AS {duck_type(c.arrow_type)}) AS {sql_ident(c.name)}"
                for c in schema.columns()) + f" FROM ({source})"
        con.execute(f"CREATE OR REPLACE VIEW {'coded_events' if t == 'events' else t} AS {source}")
    if "events" not in tables:
        return
    applied = _applied_corrections(con, live)
    con.execute(f"CREATE VIEW events AS {_corrected_sql(con, applied)}")
    if not catalog:
        return
    con.execute(f"CREATE VIEW corrections AS {_corrections_sql(applied)}")
    con.execute(f"CREATE VIEW deletions AS {_deletions_sql(live)}")
    con.execute("CREATE VIEW event_origin AS SELECT e.event_id_cnty, CASE WHEN c.fields IS NULL THEN 'coded' "
                "ELSE 'corrected' END AS origin, coalesce(c.fields, []) AS corrected_fields FROM events e "
                "LEFT JOIN (SELECT event_id_cnty, list(DISTINCT field ORDER BY field) AS fields FROM corrections "
                "WHERE action = 'edit' GROUP BY event_id_cnty) c ON c.event_id_cnty = e.event_id_cnty")


# --- analysts' corrections in the views ------------------------------------------------------

@dataclass(frozen=True)
class _Applied:
    """An analyst's edit or deletion and the stored event it applies to now."""
    record: Any                      # events.corrections.Correction
    target: str


def _applied_corrections(con: duckdb.DuckDBPyConnection, live: Live) -> list[_Applied]:
    """The edits and deletions in effect, in the order written, each resolved to an event as
    `events.corrections.apply` resolves it (merge records followed; an id gone without one goes
    to the event that holds all the articles it was made on)."""
    if live.corrections is None:
        return []
    url = sql_literal(live.url(live.corrections))
    if not con.execute(f"SELECT count(*) FROM read_parquet({url}) WHERE action <> 'merge'").fetchall()[0][0]:
        return []                   # only the store's notes of merged ids: the rows are as coded
    from events import corrections  # (and Arrow: only for a store that analysts corrected)

    rel = con.execute(f"SELECT correction_id, seq, event_id_cnty, action, field, old_value, new_value, who, "
                      f"epoch(\"at\") AS \"at\", why, article_ids FROM read_parquet({url}) ORDER BY seq")
    names = [d[0] for d in rel.description]
    records = []
    for values in rel.fetchall():
        r = dict(zip(names, values))
        r["at"] = dt.datetime.fromtimestamp(r["at"], dt.UTC)
        r["article_ids"] = tuple(r["article_ids"] or ())
        records.append(corrections.Correction(**r))
    aliases = corrections._aliases(records)
    active = [c for c in records if c.action != "merge"]
    wanted = sorted({corrections._follow(c.event_id_cnty, aliases) for c in active})
    present = {r[0] for r in con.execute("SELECT DISTINCT event_id_cnty FROM coded_events "
                                         "WHERE event_id_cnty IN (SELECT unnest(?))", [wanted]).fetchall()}
    lost = sorted({a for c in active if corrections._follow(c.event_id_cnty, aliases) not in present
                   for a in c.article_ids})
    by_article: dict[str, set[str]] = {}
    if lost:
        for event_id, articles in con.execute("SELECT event_id_cnty, article_ids FROM coded_events "
                                              "WHERE list_has_any(article_ids, ?)", [lost]).fetchall():
            for a in articles or ():
                by_article.setdefault(a, set()).add(event_id)
    out = []
    for c in active:
        target = corrections.resolve(c, dict.fromkeys(present), aliases, by_article)
        if target is not None:
            out.append(_Applied(c, target))
    return out


def _corrected_sql(con: duckdb.DuckDBPyConnection, applied: list[_Applied]) -> str:
    """The events view: coded rows with each (event, column)'s latest edit, deleted rows left out;
    year follows an edited event_date and interaction edited inter codes (as corrections.apply)."""
    if not applied:
        return "SELECT * FROM coded_events"
    from events import corrections

    deleted = sorted({a.target for a in applied if a.record.action == "delete"})
    values: dict[str, dict[str, object]] = {}                   # column -> event -> value
    for a in applied:
        if a.record.action == "edit" and a.record.field:
            value = corrections.parse_value(a.record.field, a.record.new_value)
            values.setdefault(a.record.field, {})[a.target] = value
            if a.record.field == "event_date":
                values.setdefault("year", {})[a.target] = value.year if value else None
    inter = sorted(set(values.get("inter1", {})) | set(values.get("inter2", {})))
    if inter:
        stored = con.execute("SELECT event_id_cnty, inter1, inter2 FROM coded_events "
                             "WHERE event_id_cnty IN (SELECT unnest(?))", [inter]).fetchall()
        for event_id, inter1, inter2 in stored:
            inter1 = values.get("inter1", {}).get(event_id, inter1)
            inter2 = values.get("inter2", {}).get(event_id, inter2)
            values.setdefault("interaction", {})[event_id] = schema.interaction(inter1, inter2 or 0)
    types = {c.name: duck_type(c.arrow_type) for c in schema.columns()}
    replace = []
    for column, by_event in values.items():
        cases = " ".join(f"WHEN {sql_literal(e)} THEN CAST({_sql_value(v)} AS {types[column]})" for e, v in by_event.items())
        replace.append(f"CASE event_id_cnty {cases} ELSE {sql_ident(column)} END AS {sql_ident(column)}")
    select = f"SELECT * REPLACE ({', '.join(replace)})" if replace else "SELECT *"
    where = f" WHERE event_id_cnty NOT IN ({', '.join(sql_literal(e) for e in deleted)})" if deleted else ""
    return f"{select} FROM coded_events{where}"


def _sql_value(value: object) -> str:
    return "NULL" if value is None else sql_literal(value.isoformat() if isinstance(value, dt.date) else str(value))


_CORRECTION_COLUMNS = (("event_id_cnty", "VARCHAR"), ("recorded_id", "VARCHAR"), ("action", "VARCHAR"),
                       ("field", "VARCHAR"), ("old_value", "VARCHAR"), ("new_value", "VARCHAR"),
                       ("who", "VARCHAR"), ("at", "TIMESTAMPTZ"), ("why", "VARCHAR"),
                       ("correction_id", "VARCHAR"), ("seq", "BIGINT"))


def _corrections_sql(applied: list[_Applied]) -> str:
    """The corrections view: each edit and deletion in effect, by the event it applies to now
    (`recorded_id`: the id it was made on)."""
    rows = [(a.target, a.record.event_id_cnty, a.record.action, a.record.field, a.record.old_value,
             a.record.new_value, a.record.who, a.record.at.isoformat(), a.record.why, a.record.correction_id,
             str(a.record.seq)) for a in applied]
    cols = ", ".join(f"CAST(c{i} AS {t}) AS {sql_ident(n)}" for i, (n, t) in enumerate(_CORRECTION_COLUMNS))
    body = ", ".join("(" + ", ".join(_sql_value(v) for v in r) + ")" for r in rows) or \
        "(" + ", ".join("NULL" for _ in _CORRECTION_COLUMNS) + ")"
    names = ", ".join(f"c{i}" for i in range(len(_CORRECTION_COLUMNS)))
    return f"SELECT {cols} FROM (VALUES {body}) t({names})" + ("" if rows else " WHERE false")


def _deletions_sql(live: Live) -> str:
    """Deleted events, like ACLED's deletions feed (`Corrections.deletions`): id, Unix time, why, who."""
    if live.corrections is None:
        return ("SELECT CAST(NULL AS VARCHAR) AS event_id_cnty, CAST(NULL AS BIGINT) AS timestamp, "
                "CAST(NULL AS VARCHAR) AS why, CAST(NULL AS VARCHAR) AS who WHERE false")
    return (f"SELECT event_id_cnty, CAST(epoch(\"at\") AS BIGINT) AS timestamp, why, who "
            f"FROM read_parquet({sql_literal(live.url(live.corrections))}) WHERE action = 'delete' "
            f"QUALIFY row_number() OVER (PARTITION BY event_id_cnty ORDER BY seq DESC) = 1 "
            f"ORDER BY timestamp, event_id_cnty")
