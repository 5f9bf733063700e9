"""DuckDB over the store: views, read-only SQL, filtered export and summaries.

Everything here only reads. The views are Arrow datasets over the manifest's live files,
opened by Python for reading, so a query sees one published state. The DuckDB connection
itself has no file access at all (`enable_external_access = false`, no allowed paths, no temp
folder, configuration locked): no SQL run on it can read or write any file, whatever the
statement wraps. DuckDB's `allowed_paths` is not used for the live files because it grants
writing as well as reading. User SQL is also checked statement by statement with DuckDB's
own parser, and filters always travel as query parameters.
"""
from __future__ import annotations

import datetime as dt
import decimal
import fcntl
import functools
import json
import os
import re
import sys
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as pads

from events import errors, remote, schema
from events.store import TABLES, Manifest, Store, table_schema

OUTPUT_FORMATS = ("table", "csv", "json", "jsonl", "markdown")
EXPORT_FORMATS = ("csv", "parquet", "jsonl", "geojson")
TIME_DIMENSIONS = ("year", "month", "week")
DIMENSIONS = ("region", "country", "admin1", "admin2", "event_type", "sub_event_type", "actor1", "perpetrator",
              "language", "source", *TIME_DIMENSIONS)
CLAIM_STATUSES = ("claimed", "denied", "no_claim", "not_reported")
MAX_GAP = 24            # summary: longer runs of empty years, months or weeks are not zero-filled
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")      # kept for callers; see formula_risk


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def duck_type(t: pa.DataType) -> str:
    """The DuckDB type name of an Arrow type (for typed empty views)."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_list(t):
        return duck_type(t.value_type) + "[]"
    if pa.types.is_struct(t):
        return "STRUCT(" + ", ".join(f"{_ident(f.name)} {duck_type(f.type)}" for f in t) + ")"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    return {pa.date32(): "DATE", pa.int8(): "TINYINT", pa.int16(): "SMALLINT",
            pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.float32(): "FLOAT",
            pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN"}[t]


def _source_sql(table: str, files: Sequence[Path]) -> str:
    if not files:
        cols = ", ".join(f"CAST(NULL AS {duck_type(f.type)}) AS {_ident(f.name)}" for f in table_schema(table))
        return f"SELECT {cols} WHERE false"
    listing = ", ".join(_lit(str(p)) for p in files)
    return f"SELECT * FROM read_parquet([{listing}], union_by_name = true, hive_partitioning = false)"


def view_statements(store: Store, manifest: Manifest | None = None) -> list[str]:
    """CREATE VIEW statements for events, articles and event_sources over the live files."""
    m = manifest or store.manifest()
    return [f"CREATE OR REPLACE VIEW {t} AS {_source_sql(t, sorted(store.live_files(t, m)))}" for t in TABLES]


def _open(db: str | os.PathLike, writable: Path | None = None) -> tuple[duckdb.DuckDBPyConnection, list[Path]]:
    """A sandboxed connection with the views; `writable` is the one file it may write (export)."""
    if remote.is_uri(db):       # object storage: the manifest's files, read by Arrow through fsspec
        sources, files = remote.datasets(str(db)), {t: [] for t in TABLES}
    else:
        store = Store(db)
        m = store.manifest()
        if not store.exists:
            m = Manifest()                        # no store yet: empty views, nothing created
        files = {t: sorted(store.verified_files(t, m)) for t in TABLES}
        sources = {t: pads.dataset([str(p) for p in files[t]], schema=table_schema(t), format="parquet")
                   for t in TABLES}
    config: dict[str, object] = {"temp_directory": ""}     # no spill folder to write or read
    if writable is not None:
        config["preserve_insertion_order"] = False          # export: ORDER BY still orders; less memory
    con = duckdb.connect(config=config)
    try:
        for t in TABLES:
            con.register(t, sources[t])
        if writable is not None:
            con.execute(f"SET allowed_paths = [{_lit(str(writable))}]")
        con.execute("SET enable_progress_bar = false")     # DuckDB draws it on stdout, amid the output
        con.execute("SET enable_external_access = false")
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con, [p for t in TABLES for p in files[t]]


def connect(db: str | os.PathLike = "data") -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with views `events`, `articles` and `event_sources`.

    The views read the store's live files through Arrow; the connection itself can open no
    file at all (read or write) and its configuration is locked, so no SQL run on it can
    damage stored data or write anywhere.
    """
    return _open(db)[0]


def read_statements(con: duckdb.DuckDBPyConnection, sql: str) -> list:
    """The statements of `sql`, each checked by DuckDB's parser to be a plain read.

    SELECT (with WITH, FROM-first, DESCRIBE, SHOW, SUMMARIZE, which parse as SELECT) is
    allowed, and EXPLAIN [ANALYZE] only of such a statement: EXPLAIN can wrap a COPY.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise errors.QueryError(errors.sql_failed(_first_line(exc))) from None
    if not statements:
        raise errors.QueryError(errors.no_sql())
    for st in statements:
        kind = _kind(st)
        if kind == "EXPLAIN":
            inner = _explained(st.query)
            try:
                wrapped = con.extract_statements(inner) if inner.strip() else []
            except duckdb.Error:
                wrapped = []
            if len(wrapped) != 1 or _kind(wrapped[0]) != "SELECT":
                raise errors.QueryError(errors.sql_not_read_only(
                    "EXPLAIN " + (_kind(wrapped[0]) if len(wrapped) == 1 else "of several statements")))
        elif kind != "SELECT":
            raise errors.QueryError(errors.sql_not_read_only(kind))
    return statements


def _kind(statement: object) -> str:
    t = statement.type  # type: ignore[attr-defined]
    return t.name if hasattr(t, "name") else str(t)


def _explained(sql: str) -> str:
    """The statement an EXPLAIN statement wraps: after EXPLAIN, ANALYZE and an option list."""
    tokens = [(start, kind) for start, kind in duckdb.tokenize(sql) if kind.name != "comment"]
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    words = [(start, sql[start:end].strip(), kind.name) for (start, kind), end in zip(tokens, ends)]
    i = 1 if words and words[0][1].upper() == "EXPLAIN" else 0
    if i < len(words) and words[i][1].upper() == "ANALYZE":
        i += 1
    if i < len(words) and words[i][1] == "(":
        depth = 0
        while i < len(words):
            depth += words[i][1].count("(") - words[i][1].count(")")
            i += 1
            if depth <= 0:
                break
    return sql[words[i][0]:] if i < len(words) else ""


@dataclass
class Rows:
    """A query result: column names and rows of Python values."""
    columns: list[str]
    rows: list[tuple]
    notes: list[str] = field(default_factory=list)


def run_sql(db: str | os.PathLike, sql: str) -> Rows:
    """Run one read statement on a read-only connection."""
    if not sql.strip():
        raise errors.QueryError(errors.no_sql())
    con = connect(db)
    try:
        statements = read_statements(con, sql)
    except BaseException:
        con.close()
        raise
    try:
        for st in statements[:-1]:
            con.execute(st)
        rel = con.execute(statements[-1])
        columns = [d[0] for d in rel.description] if rel.description else []
        return Rows(columns, rel.fetchall())
    except duckdb.Error as exc:
        raise errors.QueryError(errors.sql_failed(_first_line(exc))) from None
    finally:
        con.close()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# --- filters ---------------------------------------------------------------------------------

@dataclass
class Filters:
    """Row filters shared by export, summary and the Python API; rendered with parameters."""
    country: Sequence[str] = ()
    region: Sequence[str] = ()
    admin1: Sequence[str] = ()
    event_type: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    sub_event_type: Sequence[str] = ()
    actor: Sequence[str] = ()            # part of actor1, actor2 or their associated actors
    perpetrator: Sequence[str] = ()      # part of the perpetrator's name
    min_fatalities: int | None = None
    language: Sequence[str] = ()
    source: Sequence[str] = ()           # part of the outlets' names
    claim_status: Sequence[str] = ()

    @classmethod
    def of(cls, **kw: object) -> Filters:
        """Filters from keyword arguments; a single string is one value."""
        clean = {}
        for k, v in kw.items():
            if v is None:
                continue
            if k == "min_fatalities":
                clean[k] = int(v)  # type: ignore[call-overload]
            elif k in ("since", "until"):
                clean[k] = v.date() if isinstance(v, dt.datetime) else (
                    dt.date.fromisoformat(v) if isinstance(v, str) else v)
            else:
                clean[k] = (v,) if isinstance(v, str) else tuple(v)  # type: ignore[arg-type]
        return cls(**clean)  # type: ignore[arg-type]

    def where(self) -> tuple[str, list]:
        """(SQL condition, parameters); values are checked against the schema's reference data."""
        parts, params = ["true"], []

        def add_in(column: str, values: Sequence[str]) -> None:
            if values:
                parts.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)

        countries = []
        for c in self.country:
            found = schema.country(c) or schema.country(c.upper()) or next(
                (x for x in schema.countries() if x.name.lower() == c.lower()), None)
            if found is None:
                raise errors.FilterError(errors.unknown_country(c))
            countries.append(found.name)
        regions = []
        for r in self.region:
            match = next((x for x in schema.regions() if x.lower() == r.lower()), None)
            if match is None:
                raise errors.FilterError(errors.unknown_region(r, schema.regions()))
            regions.append(match)
        types = []
        for e in self.event_type:
            match = next((x for x in schema.taxonomy().event_types if x.lower() == e.lower()), None)
            if match is None:
                raise errors.FilterError(errors.unknown_event_type(e, schema.taxonomy().event_types))
            types.append(match)
        if self.since and self.until and self.since > self.until:
            raise errors.FilterError(errors.bad_date_range(self.since, self.until))
        add_in("country", countries)
        add_in("region", regions)
        if self.admin1:
            parts.append(f"lower(admin1) IN ({', '.join('?' for _ in self.admin1)})")
            params.extend(a.lower() for a in self.admin1)
        add_in("event_type", types)
        subs = []
        for e in self.sub_event_type:
            match = next((x for x in schema.taxonomy().event_type_of if x.lower() == e.lower()), None)
            if match is None:
                known = tuple(schema.taxonomy().event_type_of)
                raise errors.FilterError(errors.unknown_value("sub-event type", e, known))
            subs.append(match)
        add_in("sub_event_type", subs)
        claims = []
        for c in self.claim_status:
            key = c.strip().lower().replace(" ", "_")
            if key not in CLAIM_STATUSES:
                raise errors.FilterError(errors.unknown_value("claim status", c, CLAIM_STATUSES))
            claims.append(key)
        add_in("claim_status", claims)
        for values, columns in ((self.actor, ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")),
                                (self.perpetrator, ("perpetrator",)), (self.source, ("source",))):
            if values:           # any of the values, as part of any of the columns, in any case
                parts.append("(" + " OR ".join(f"contains(lower(coalesce({c}, '')), ?)"
                                               for _ in values for c in columns) + ")")
                params.extend(v.lower() for v in values for _ in columns)
        if self.language:
            parts.append(f"lower(language) IN ({', '.join('?' for _ in self.language)})")
            params.extend(v.lower() for v in self.language)
        if self.min_fatalities is not None:
            parts.append("coalesce(fatalities, 0) >= ?")
            params.append(self.min_fatalities)
        if self.since:
            parts.append("event_date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("event_date <= ?")
            params.append(self.until)
        return " AND ".join(parts), params


# --- export ----------------------------------------------------------------------------------

# Characters that start a formula once a spreadsheet has skipped what it ignores: ASCII and
# full-width/small forms of = + - @, and the minus sign.
FORMULA_SIGNS = "=+-@\uff1d\uff0b\uff0d\uff20\u2212\ufe62\ufe63\ufe66\ufe6b"
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"


@functools.cache
def _ignorable_ranges() -> tuple[tuple[int, int], ...]:
    """Code point ranges a spreadsheet may skip before a formula: control (NUL, tab, CR ...),
    format (zero-width, BOM, bidi marks, soft hyphen) and space characters (NBSP ...)."""
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") or ch.isspace():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return tuple((a, b) for a, b in ranges)


def _char_class(chars: list[tuple[int, int]], escape: str) -> str:
    one = (lambda c: f"\\x{{{c:x}}}") if escape == "re2" else (lambda c: f"\\U{c:08x}")
    return "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in chars)


def _formula_patterns(escape: str) -> tuple[str, str]:
    """(risky, plain number) patterns, in Python `re` or DuckDB's RE2 syntax."""
    skip = _char_class(list(_ignorable_ranges()), escape)
    signs = _char_class([(ord(c), ord(c)) for c in FORMULA_SIGNS], escape)
    cc = _char_class([(0, 0x1F), (0x7F, 0x9F)], escape)
    return f"^(?:[{skip}]*[{signs}]|[{cc}])", f"^{_NUMBER}$"


@functools.cache
def _formula_re() -> tuple[re.Pattern, re.Pattern]:
    risky, number = _formula_patterns("python")
    return re.compile(risky), re.compile(number)


def formula_risk(text: str) -> bool:
    """Whether a spreadsheet could run this text cell as a formula: it starts with a control
    character, or with = + - @ (also full-width ＝ ＋ － ＠ and the minus sign) after any
    spaces, NBSP, zero-width, BOM or control characters. Plain numbers ("-3", "+1.5") are safe."""
    risky, number = _formula_re()
    return bool(risky.match(text)) and not number.match(text)


def _neutralise_sql(expr: str) -> str:
    """Prefix a ' to text that a spreadsheet would run as a formula (the `formula_risk` rule)."""
    risky, number = _formula_patterns("re2")
    return (f"CASE WHEN regexp_matches({expr}, {_lit(risky)}) AND NOT regexp_matches({expr}, {_lit(number)}) "
            f"THEN '''' || {expr} ELSE {expr} END")


def export_columns(present: set[str], for_csv: bool, columns: Sequence[str] | None = None) -> list[str]:
    """SELECT expressions in schema column order (or the `columns` chosen, in their order); CSV
    flattens lists and evidence, and is safe."""
    exprs = []
    by_name = {c.name: c for c in schema.columns()}
    for col in [by_name[c] for c in columns] if columns else schema.columns():
        name = _ident(col.name)
        if col.name not in present:
            exprs.append(f"CAST(NULL AS {duck_type(col.arrow_type)}) AS {name}")
        elif not for_csv:
            exprs.append(name)
        elif col.type == "list<string>":
            exprs.append(f"{_neutralise_sql(f'array_to_string({name}, {_lit(chr(59) + chr(32))})')} AS {name}")
        elif col.type == "evidence":
            exprs.append(f"CAST(to_json({name}) AS VARCHAR) AS {name}")
        elif col.type == "string":
            exprs.append(f"{_neutralise_sql(name)} AS {name}")
        else:
            exprs.append(name)
    return exprs


class Exported(int):
    """The count of events exported, with how many had no coordinates and no date."""
    unlocated: int = 0
    undated: int = 0


def _geojson_select(exprs: list[str], cond: str) -> str:
    """One GeoJSON Feature per event: a Point at (longitude, latitude), or no geometry when the
    event has no coordinates (RFC 7946 allows a null geometry), the row's columns as properties."""
    names = [e.rsplit(" AS ", 1)[-1] if " AS " in e else e for e in exprs]
    props = ", ".join(f"{n} := r.{n}" for n in names)
    return (f"SELECT 'Feature' AS type, r.__id AS id, CASE WHEN r.__lat IS NULL OR r.__lon IS NULL THEN NULL "
            f"ELSE {{'type': 'Point', 'coordinates': [r.__lon, r.__lat]}} END AS geometry, "
            f"struct_pack({props}) AS properties FROM (SELECT {', '.join(exprs)}, event_id_cnty AS __id, "
            f"CAST(latitude AS DOUBLE) AS __lat, CAST(longitude AS DOUBLE) AS __lon, event_date AS __date "
            f"FROM events WHERE {cond}) r ORDER BY r.__date, r.__id")


def export(db: str | os.PathLike, fmt: str, output: str | os.PathLike, filters: Filters | None = None,
           bom: bool = False, force: bool = False, columns: Sequence[str] | None = None) -> Exported:
    """Write the filtered events to `output` (csv, parquet, jsonl or geojson); return the row count.
    `columns` picks and orders the columns (schema order by default).

    Rows are sorted by event_date then event_id_cnty, so two exports of the same data are
    identical (DuckDB does not keep file order under parallel filtered scans). The file
    appears whole or not at all: it is written beside the target and renamed.
    """
    out = Path(output)
    store_root = Path(db).resolve()
    target = out.resolve()
    if target == store_root or store_root in target.parents:
        raise errors.QueryError(errors.output_in_store(str(out), str(db)))
    if out.is_dir():
        raise errors.QueryError(errors.output_not_writable(str(out), "it is a folder"))
    if out.exists() and not force:
        raise errors.QueryError(errors.output_exists(str(out)))
    cond, params = (filters or Filters()).where()
    _clear_dead_exports(target)
    tmp = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}{_EXPORT_TMP}"
    try:
        holder = _claim(tmp)
    except OSError as exc:
        raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
    try:
        con, _ = _open(db, writable=tmp)
        try:
            present = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
            exprs = export_columns(present, fmt == "csv", columns)
            select = _geojson_select(exprs, cond) if fmt == "geojson" else (
                f"SELECT {', '.join(exprs)} FROM events WHERE {cond} ORDER BY event_date, event_id_cnty")
            counts = con.execute(f"SELECT count(*), count(*) FILTER (WHERE latitude IS NULL OR longitude IS NULL),"
                                 f" count(*) FILTER (WHERE event_date IS NULL) FROM events WHERE {cond}",
                                 params).fetchall()[0]
            count = Exported(counts[0])
            count.unlocated, count.undated = counts[1], counts[2]
            options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet, COMPRESSION zstd",
                       "jsonl": "FORMAT json", "geojson": "FORMAT json, ARRAY true"}[fmt]
            con.execute(f"COPY ({select}) TO {_lit(str(tmp))} ({options}, USE_TMP_FILE false)", params)
        except duckdb.IOException as exc:
            raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
        except duckdb.Error as exc:
            raise errors.QueryError(errors.sql_failed(_first_line(exc))) from None
        finally:
            con.close()
        written = tmp
        try:
            if bom or fmt == "geojson":         # a BOM before the CSV; the FeatureCollection around the features
                written = _framed(tmp, target, b"\xef\xbb\xbf" if bom else b"",
                                  b'{"type": "FeatureCollection", "features": ' if fmt == "geojson" else b"",
                                  b"}\n" if fmt == "geojson" else b"")
            os.replace(written, out)
        except OSError as exc:
            raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
        finally:
            if written != tmp:
                written.unlink(missing_ok=True)
        return count
    finally:
        tmp.unlink(missing_ok=True)
        os.close(holder)


_EXPORT_TMP = ".events-export.tmp"


def _claim(tmp: Path) -> int:
    """Create the export's temporary file and hold a lock on it while the export runs: a
    killed export's lock goes with its process, which tells the next run the file is dead."""
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _clear_dead_exports(target: Path) -> None:
    """Remove temporary files that killed exports to this target left (unlocked ones only)."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[0-9a-f]{{8}}{re.escape(_EXPORT_TMP)}$")
    try:
        names = [n for n in os.listdir(target.parent) if pattern.match(n)]
    except OSError:
        return
    for name in names:
        path = target.parent / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.path.samestat(os.fstat(fd), os.lstat(path)):
                path.unlink()
        except OSError:
            pass                          # still locked: another export is running
        finally:
            os.close(fd)


def _framed(path: Path, target: Path, bom: bytes, head: bytes = b"", tail: bytes = b"") -> Path:
    """A second claimed temporary file: a UTF-8 BOM and a head, the export (streamed), a tail."""
    out = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}{_EXPORT_TMP}"
    fd = _claim(out)
    try:
        with open(path, "rb") as src, open(fd, "wb", closefd=False) as dst:
            dst.write(bom + head)
            while chunk := src.read(1 << 22):
                dst.write(chunk)
            dst.write(tail)
    except BaseException:
        out.unlink(missing_ok=True)
        os.close(fd)
        raise
    os.close(fd)      # the renamed file needs no lock: it is no longer a temporary file
    return out


def events_df(db: str | os.PathLike = "data", filters: Filters | None = None):
    """The filtered events as a pandas DataFrame (schema column order)."""
    cond, params = (filters or Filters()).where()
    con, _ = _open(db)
    try:
        cols = ", ".join(_ident(c) for c in schema.column_names())
        return con.execute(f"SELECT {cols} FROM events WHERE {cond} ORDER BY event_date, event_id_cnty",
                           params).df()
    finally:
        con.close()


# --- summary ---------------------------------------------------------------------------------

_DIM_SQL = {"region": "region", "country": "country", "admin1": "admin1",
            "event_type": "event_type", "sub_event_type": "sub_event_type", "admin2": "admin2",
            "actor1": "actor1", "perpetrator": "perpetrator", "language": "language", "source": "source",
            "year": "CAST(date_trunc('year', event_date) AS DATE)",
            "month": "CAST(date_trunc('month', event_date) AS DATE)",
            "week": "CAST(date_trunc('week', event_date) AS DATE)"}


def summary(db: str | os.PathLike, by: Sequence[str] = ("region",), filters: Filters | None = None) -> Rows:
    """Events, fatalities, injuries and share of the total per group, sorted.

    Month/week buckets with no events appear with zeros: every bucket from the first to the
    last event within the filter, for each combination of the other dimensions present.
    """
    by = list(dict.fromkeys(by or ("region",)))
    for d in by:
        if d not in DIMENSIONS:
            raise errors.FilterError(errors.unknown_summary_dimension(d, DIMENSIONS))
    cond, params = (filters or Filters()).where()
    dims = [_ident(d) for d in by]
    select_dims = ", ".join(f"{_DIM_SQL[d]} AS {_ident(d)}" for d in by)
    time_dims = [d for d in by if d in TIME_DIMENSIONS]
    other = [_ident(d) for d in by if d not in TIME_DIMENSIONS]
    sql = [f"WITH f AS (SELECT * FROM events WHERE {cond}),",
           f"agg AS (SELECT {select_dims}, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities,"
           f" coalesce(sum(injuries), 0) AS injuries FROM f GROUP BY ALL),"]
    if time_dims:
        grids = []
        for d in time_dims:
            step = {"year": "1 YEAR", "month": "1 MONTH"}.get(d, "7 DAY")
            # every bucket from the first to the last, except inside a gap of more than MAX_GAP
            # empty buckets: one bad date decades off adds one row, not hundreds of zeros
            sql.append(f"n_{d} AS (SELECT DISTINCT {_ident(d)} AS x FROM agg WHERE {_ident(d)} IS NOT NULL),")
            sql.append(f"g_{d} AS (SELECT CAST(b AS DATE) AS {_ident(d)} FROM generate_series("
                       f"(SELECT CAST(min({_DIM_SQL[d]}) AS TIMESTAMP) FROM f), "
                       f"(SELECT CAST(max({_DIM_SQL[d]}) AS TIMESTAMP) FROM f), INTERVAL {step}) t(b)"
                       f" WHERE date_diff('{d}', (SELECT max(x) FROM n_{d} WHERE x <= CAST(b AS DATE)),"
                       f" (SELECT min(x) FROM n_{d} WHERE x >= CAST(b AS DATE))) <= {MAX_GAP + 1}),")
            grids.append(f"g_{d}")
        base = f"(SELECT DISTINCT {', '.join(other)} FROM agg)" if other else None
        sources = ([base + " o"] if base else []) + grids
        on = " AND ".join(f"grid.{c} IS NOT DISTINCT FROM agg.{c}" for c in dims)
        sql.append(f"grid AS (SELECT * FROM {' CROSS JOIN '.join(sources)}),")
        sql.append(f"filled AS (SELECT {', '.join(f'grid.{c}' for c in dims)}, coalesce(agg.events, 0) AS events,"
                   f" coalesce(agg.fatalities, 0) AS fatalities, coalesce(agg.injuries, 0) AS injuries"
                   f" FROM grid LEFT JOIN agg ON {on}"
                   # undated events (no date in the article at all) are a bucket of their own
                   f" UNION ALL SELECT {', '.join(dims)}, events, fatalities, injuries FROM agg"
                   f" WHERE {' OR '.join(f'{_ident(d)} IS NULL' for d in time_dims)})")
        order = ", ".join([f"{c} ASC NULLS LAST" for c in other] + [f"{_ident(d)} ASC NULLS LAST" for d in time_dims])
    else:
        sql.append("filled AS (SELECT * FROM agg)")
        order = "events DESC, fatalities DESC, " + ", ".join(f"{c} ASC NULLS LAST" for c in dims)
    outer_dims = ", ".join(
        f"coalesce(strftime({c}, '%Y'), 'unknown') AS {c}" if d == "year" else
        f"coalesce(strftime({c}, '%Y-%m'), 'unknown') AS {c}" if d == "month" else
        f"coalesce(strftime({c}, '%Y-%m-%d'), 'unknown') AS {c}" if d == "week" else c for d, c in zip(by, dims))
    sql.append(f"SELECT {outer_dims}, CAST(events AS BIGINT) AS events, CAST(fatalities AS BIGINT) AS fatalities,"
               f" CAST(injuries AS BIGINT) AS injuries,"
               f" round(100.0 * events / nullif(sum(events) OVER (), 0), 1) AS share_pct"
               f" FROM filled ORDER BY {order}")
    con, _ = _open(db)
    try:
        rel = con.execute("\n".join(sql), params)
        result = Rows([d[0] for d in rel.description], rel.fetchall())
        if not result.rows:
            stored = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
            result.notes.append(_empty_note(str(db), stored, articles))
        return result
    finally:
        con.close()


def _empty_note(db: str, stored: int, articles: int) -> str:
    if stored:
        return errors.no_events_match(db, stored)
    return errors.no_events_found(db, articles) if articles else errors.empty_store(db)


# --- rendering to text -----------------------------------------------------------------------

def _plain(value: object) -> object:
    """A JSON-ready Python value."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def cell_text(value: object) -> str:
    """A value as one text cell: lists joined with '; ' (as ACLED does), structs as JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(_plain(value), ensure_ascii=False)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    return str(_plain(value))


def safe_cell(value: object) -> str:
    """cell_text, with text that a spreadsheet would run as a formula prefixed by '."""
    text = cell_text(value)
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        return text
    return "'" + text if formula_risk(text) else text


def _csv_line(cells: Sequence[str]) -> str:
    """One CSV record (RFC 4180 quoting, "\\n" ends it). csv.writer with a "\\n" terminator
    leaves a bare CR unquoted, where a spreadsheet would start a new row."""
    def cell(text: str) -> str:
        if any(ch in text for ch in ',"\r\n') or (text == "" and len(cells) == 1):
            return '"' + text.replace('"', '""') + '"'
        return text
    return ",".join(cell(c) for c in cells) + "\n"


def render(rows: Rows, fmt: str) -> str:
    """Rows as csv, json, jsonl or markdown text (the table format is drawn by the CLI)."""
    if fmt == "csv":
        return _csv_line(rows.columns) + "".join(_csv_line([safe_cell(v) for v in r]) for r in rows.rows)
    if fmt == "json":
        return json.dumps([dict(zip(rows.columns, map(_plain, r))) for r in rows.rows],
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(dict(zip(rows.columns, map(_plain, r))), ensure_ascii=False) + "\n"
                       for r in rows.rows)
    if fmt == "markdown":
        def esc(v: object) -> str:
            return cell_text(v).replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(rows.columns) + " |",
                 "|" + "|".join("---" for _ in rows.columns) + "|"]
        lines += ["| " + " | ".join(esc(v) for v in r) + " |" for r in rows.rows]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
