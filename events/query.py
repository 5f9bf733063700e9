"""DuckDB over the store: views, read-only SQL, filtered export and summaries.

Everything here only reads. DuckDB reads the manifest's live files with its own Parquet reader,
but only through a read-only filesystem registered on the connection under a private scheme
(`events-store://`): it knows those files by name, opens them for reading and refuses every
write, removal or rename. The connection's own access is shut (`enable_external_access =
false`, `allowed_paths` exactly those URLs, the local filesystem disabled, no temp folder,
configuration locked): no SQL run on it can read any other file or write any file, whatever
the statement wraps. (There `allowed_paths` is never given a real path: DuckDB lets a listed
path be written as well as read.) User SQL is also checked statement by statement with DuckDB's own
parser, and filters always travel as query parameters. The `events` view applies analysts'
corrections (events.corrections) over the coded rows, so every reader here agrees.

Summary and export run only SQL written here (values as parameters) on a connection of their
own that reads the live files by their real paths (see `_open`'s own_sql); user SQL (`run_sql`,
`connect`) only ever reaches the fully sandboxed kind. A query builds only the views it names.
"""
from __future__ import annotations

import datetime as dt
import decimal
import fcntl
import functools
import io
import json
import os
import re
import sys
import threading
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:        # the engine, which `duckdb` re-exports as is: its Python layer (relational API, version
    import _duckdb as duckdb    # metadata) costs more start-up than a query here spends, and none of it is used
except ImportError:             # pragma: no cover (a duckdb package laid out otherwise)
    import duckdb

from events import errors, schema
from events.views import SCHEME, TABLES, Live, create_views, duck_type
from events.views import sql_ident as _ident
from events.views import sql_literal as _lit


OUTPUT_FORMATS = ("table", "csv", "json", "jsonl", "markdown")
EXPORT_FORMATS = ("csv", "parquet", "jsonl", "geojson")
TIME_DIMENSIONS = ("year", "month", "week")
DIMENSIONS = ("region", "country", "admin1", "admin2", "event_type", "sub_event_type", "actor1", "perpetrator",
              "language", "source", *TIME_DIMENSIONS)
CLAIM_STATUSES = ("claimed", "denied", "no_claim", "not_reported")
MAX_GAP = 24            # summary: longer runs of empty years, months or weeks are not zero-filled
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")      # kept for callers; see formula_risk


# --- the sandboxed connection ----------------------------------------------------------------
#
# DuckDB reads the live files natively (its own Parquet reader: projection, filters, threads),
# but only through a filesystem of our own registered on the connection under a private
# scheme: it knows the live files by name and opens them for reading; every write, removal,
# rename or listing is refused. `allowed_paths` names exactly those URLs, so with external
# access off DuckDB can open nothing else, and the local filesystem is disabled outright: no
# SQL can reach a local file, not even the live ones by their real path (`allowed_paths` on a
# real path would let COPY overwrite it).

CORRECTIONS_FILE = "corrections.parquet"                # events.corrections.FILE (tested equal)
_REL = re.compile(r"^(?:[A-Za-z0-9_=.-]+/)*[A-Za-z0-9_=.-]+\.parquet$")
_PARQUET_MAGIC = b"PAR1"


def _fast_manifest(db: Path) -> dict[str, list[str]] | None:
    """The live files from manifest.json when it is plainly well formed, else None (the store
    then reads it, with its own checks and messages). Saves importing the store (and Arrow)."""
    try:
        data = json.loads((db / "manifest.json").read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return None
    generation, retired = data.get("generation"), data.get("retired", [])
    if isinstance(generation, bool) or not isinstance(generation, int) or generation < 0:
        return None
    if not isinstance(retired, list) or retired:
        return None                         # files kept for readers: let the store check the entries
    files: dict[str, list[str]] = {}
    for t in TABLES:
        rels = data["files"].get(t, [])
        if not isinstance(rels, list) or not all(_plain_rel(r, t) for r in rels):
            return None
        files[t] = list(rels)
    return files


def _plain_rel(rel: object, table: str) -> bool:
    return (isinstance(rel, str) and rel.startswith(table + "/") and bool(_REL.match(rel))
            and all(part not in ("", ".", "..") for part in rel.split("/")))


def _live(db: Path) -> Live:
    """The store's live files, each checked to be there and to look like Parquet."""
    files = _fast_manifest(db)
    if files is None and not os.path.lexists(db):
        return Live()                       # no folder, so no store yet: empty views (as the store says)
    if files is None:
        from events.store import Store

        store = Store(db)
        m = store.manifest()
        if not store.exists:
            return Live()                   # no store yet: empty views, nothing created
        files = {t: list(m.files[t]) for t in TABLES}
    live = Live(files={t: sorted(files[t], key=lambda r: os.path.realpath(db / r)) for t in TABLES})
    for rel in (r for t in TABLES for r in live.files[t]):
        path = os.path.realpath(db / rel)
        _check_parquet(path)
        live.paths[rel] = path
    corrections = db / CORRECTIONS_FILE
    if corrections.is_file():
        live.paths[CORRECTIONS_FILE] = str(corrections)
        live.corrections = CORRECTIONS_FILE
    return live


def _check_parquet(path: str) -> None:
    """A live file that is missing or has no Parquet footer is a one-line error here; deeper
    damage is reported when DuckDB reads the footer (the views are created at connect)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(size - 8, 0))
            tail = fh.read(8)
    except FileNotFoundError:
        raise errors.StoreCorruptError(errors.manifest_missing_file(path)) from None
    except OSError as exc:
        raise errors.StoreCorruptError(errors.stored_file_damaged(path, exc.strerror or type(exc).__name__)) from None
    if size < 12 or head != _PARQUET_MAGIC or tail[4:] != _PARQUET_MAGIC \
            or int.from_bytes(tail[:4], "little") > size - 12:
        raise errors.StoreCorruptError(errors.stored_file_damaged(path, "not a Parquet file: no valid footer"))


class PositionalReader(io.RawIOBase):
    """A file opened for reading whose position is kept per thread, each read a `pread`.

    DuckDB's threads share one handle per file and read through it by a seek and then a read,
    two calls between which another thread can seek: with one shared position (a Python file
    object) a thread would read another's bytes. Here no read depends on another thread's seek."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self._fd = os.open(path, os.O_RDONLY)
        self._size = os.fstat(self._fd).st_size
        self._local = threading.local()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return getattr(self._local, "pos", 0)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self.tell(), os.SEEK_END: self._size}[whence]
        self._local.pos = max(base + offset, 0)
        return self._local.pos

    def read(self, size: int = -1) -> bytes:
        pos = self.tell()
        wanted = self._size - pos if size is None or size < 0 else size
        chunks = []
        while wanted > 0:
            data = os.pread(self._fd, wanted, pos)
            if not data:
                break
            chunks.append(data)
            pos += len(data)
            wanted -= len(data)
        self._local.pos = pos
        return b"".join(chunks)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


@functools.cache
def _read_only_filesystem() -> type:
    """The fsspec class DuckDB reads the live files through (fsspec is imported only here)."""
    import fsspec

    class ReadOnlyFiles(fsspec.AbstractFileSystem):
        """The live files by name, opened for reading; anything else is refused or absent."""
        protocol = SCHEME
        root_marker = ""
        cachable = False

        def __init__(self, paths: dict[str, str]) -> None:
            super().__init__()
            self.paths = dict(paths)

        def _path(self, path: str) -> str:
            name = self._strip_protocol(path)
            if name not in self.paths:
                raise FileNotFoundError(path)
            return self.paths[name]

        def _open(self, path, mode="rb", **kwargs):         # noqa: ANN001, ANN202 (fsspec's signature)
            if mode != "rb":
                raise PermissionError(f"{path}: the store's files are read-only here")
            return PositionalReader(self._path(path))

        def info(self, path, **kwargs):                      # noqa: ANN001, ANN202
            st = os.stat(self._path(path))
            return {"name": self._strip_protocol(path), "size": st.st_size, "type": "file"}

        def modified(self, path):                            # noqa: ANN001, ANN202
            return dt.datetime.fromtimestamp(os.stat(self._path(path)).st_mtime, dt.UTC)

        def ls(self, path, detail=True, **kwargs):           # noqa: ANN001, ANN202
            name = self._strip_protocol(path)
            if name in self.paths:
                return [self.info(name)] if detail else [name]
            raise FileNotFoundError(path)

        def _refuse(self, *args, **kwargs):                  # noqa: ANN002, ANN003, ANN202
            raise PermissionError("the store's files are read-only here")

        rm = rm_file = _rm = rmdir = mkdir = makedirs = mv = copy = cp_file = touch = _refuse
        pipe = pipe_file = put = put_file = _refuse

    return ReadOnlyFiles


def _open(db: str | os.PathLike, writable: Sequence[Path] | None = None,
          tables: Sequence[str] = TABLES, own_sql: bool = False) -> tuple[duckdb.DuckDBPyConnection, list[Path]]:
    """A sandboxed connection with the views; `writable` are the only files it may write (export).
    Only the views over `tables` are made (`events`: coded_events, corrections, deletions and
    event_origin as well): each binds its files' footers, which a query not reading them skips.

    `own_sql`: a connection that runs only the SQL this module writes, every value a parameter
    (summary, export, events_df), never a caller's and never handed out. DuckDB reads the live
    files there by their real paths, with its own reader: no fsspec import (as long as DuckDB's
    own start-up) and no Python call per read. External access is still off, the live files
    (and `writable`) the only ones allowed. Every connection user SQL reaches is the other kind."""
    config: dict[str, object] = {"temp_directory": ""}     # no spill folder to write or read
    if writable is not None:
        config["preserve_insertion_order"] = False          # export: ORDER BY still orders; less memory
    if isinstance(db, str) and "://" in db:
        return _open_remote(db, config, writable)
    live = _live(Path(db))
    live.direct = own_sql
    con = duckdb.connect(config=config)
    try:
        urls = [live.url(name) for name in live.paths]
        if live.paths and tables and not own_sql:       # (registering one imports fsspec)
            con.register_filesystem(_read_only_filesystem()(live.paths))
        allowed = urls + [str(p) for p in writable or ()]
        con.execute(f"SET allowed_paths = [{', '.join(_lit(u) for u in allowed)}]")
        if writable is None and not own_sql:
            con.execute("SET disabled_filesystems = 'LocalFileSystem'")
        _sandbox(con)
        con.execute("SET parquet_metadata_cache = true")   # each view binds the files' footers: read them once
        create_views(con, live, tables, catalog=not own_sql)
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        con.close()
        raise errors.StoreCorruptError(_damaged(live, exc)) from None
    except BaseException:
        con.close()
        raise
    return con, [Path(live.paths[r]) for t in TABLES for r in live.files[t]]


def _sandbox(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("SET enable_progress_bar = false")     # DuckDB draws it on stdout, amid the output
    con.execute("SET enable_external_access = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")


def _open_remote(db: str, config: dict, writable: Sequence[Path] | None) -> tuple[duckdb.DuckDBPyConnection, list[Path]]:
    """Object storage: the manifest's files, read by Arrow through fsspec (events.remote)."""
    from events import remote

    if not remote.is_uri(db):
        raise errors.StoreCorruptError(errors.not_a_store(db))
    _whole_package()                        # Arrow objects are scanned by the package's Python layer
    sources = remote.datasets(db)
    con = duckdb.connect(config=config)
    try:
        for t in TABLES:
            con.register(t, sources[t])
        if writable:
            con.execute(f"SET allowed_paths = [{', '.join(_lit(str(p)) for p in writable)}]")
        _sandbox(con)
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con, []


def _damaged(live: Live, exc: duckdb.Error) -> str:
    """The one-line message for a live file DuckDB could not read at connect."""
    text = _first_line(exc)
    for name, path in live.paths.items():
        if live.url(name) in str(exc):
            if name == live.corrections:
                return errors.correction_unreadable(path, live.where(text)[:160])
            return errors.stored_file_damaged(path, live.where(text)[:160])
    return errors.sql_failed(live.where(text))


def connect(db: str | os.PathLike = "data") -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection over the store. Views:

    - `events`: the event rows as analysts left them (`events edit` values set, `events delete`d
      rows gone); `coded_events` the coder's rows before that;
    - `corrections`: each edit and deletion in effect, with the id of the event it applies to now;
    - `event_origin`: per event, `origin` ('coded' or 'corrected') and the columns analysts set;
    - `deletions`: deleted ids, when and why (like ACLED's deletions feed);
    - `articles`, `event_sources`.

    DuckDB reads the live files itself, through a read-only filesystem that knows only them;
    the connection can open no other file (read or write), and its configuration is locked,
    so no SQL run on it can damage stored data or write anywhere.
    """
    _whole_package()                        # a caller's connection does all a duckdb one does
    return _open(db)[0]


def _whole_package() -> None:
    """Load duckdb's Python layer (Arrow and DataFrame scans: duckdb._sources) on top of the
    engine this module imports; a connection handed out or scanning Arrow needs it."""
    import duckdb as package  # noqa: F401


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


# The views of each table (what `_create_views` makes over it), and what lists the catalog.
_VIEWS_OF = {"articles": ("articles",), "event_sources": ("event_sources",),
             "events": ("events", "coded_events", "corrections", "deletions", "event_origin")}
_NAMED = re.compile(r"\b(?:" + "|".join(v for vs in _VIEWS_OF.values() for v in vs) + r")\b", re.IGNORECASE)
_CATALOG = re.compile(r"\b(?:show|describe|summarize|pragma|information_schema|(?:pg|sqlite|duckdb)_\w+)\b",
                      re.IGNORECASE)


def tables_named(sql: str) -> tuple[str, ...]:
    """The tables whose views `sql` may read: those whose view names it has anywhere, as whole
    words (in strings and comments too), and all of them when it may list the catalog (SHOW,
    DESCRIBE, information_schema, duckdb_views() ...). `SELECT 1` needs none: no footer read."""
    if _CATALOG.search(sql):
        return TABLES
    named = {m.lower() for m in _NAMED.findall(sql)}
    return tuple(t for t in TABLES if named & set(_VIEWS_OF[t]))


def run_sql(db: str | os.PathLike, sql: str) -> Rows:
    """Run one read statement on a read-only connection (with the views it names; with all of
    them again if a name was missing, as one made up inside the query would be)."""
    if not sql.strip():
        raise errors.QueryError(errors.no_sql())
    tables = tables_named(sql)
    try:
        return _run_sql(db, sql, tables)
    except duckdb.CatalogException:
        return _run_sql(db, sql, TABLES)


def _run_sql(db: str | os.PathLike, sql: str, tables: Sequence[str]) -> Rows:
    con, _ = _open(db, tables=tables)
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
        if isinstance(exc, duckdb.CatalogException) and tuple(tables) != TABLES:
            raise               # run_sql tries again with every view
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
    format (zero-width, BOM, bidi marks, soft hyphen) and space characters (NBSP ...).
    Read off every code point (0.2 s, each export paid it) unless this Python's Unicode data
    is the version scanned below (tests/test_safety_formula.py holds them equal)."""
    version, ranges = _IGNORABLE_SCANNED
    return ranges if unicodedata.unidata_version == version else _scan_ignorable()


# _scan_ignorable() under Unicode 14.0.0 (Python 3.11)
_IGNORABLE_SCANNED = ("14.0.0", (
    (0, 32), (127, 160), (173, 173), (1536, 1541), (1564, 1564), (1757, 1757), (1807, 1807),
    (2192, 2193), (2274, 2274), (5760, 5760), (6158, 6158), (8192, 8207), (8232, 8239), (8287, 8292),
    (8294, 8303), (12288, 12288), (65279, 65279), (65529, 65531), (69821, 69821), (69837, 69837),
    (78896, 78904), (113824, 113827), (119155, 119162), (917505, 917505), (917536, 917631)))


def _scan_ignorable() -> tuple[tuple[int, int], ...]:
    """`_ignorable_ranges` read off every code point of this Python's Unicode data."""
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
    if not text or (text[0] < "\x80" and text[0] not in _RISKY_ASCII):
        return False                # most cells: no need to build the Unicode tables below
    risky, number = _formula_re()
    return bool(risky.match(text)) and not number.match(text)


# The ASCII characters that may start a risky cell (controls, space, DEL and the signs); any
# other ASCII first character (printable, 33 to 126) makes a cell safe whatever follows.
_RISKY_ASCII = frozenset(chr(c) for c in range(33)) | frozenset("=+-@\x7f")
# ... said in SQL by byte order (text compares as bytes): first byte from A to ~, or ! to *, the
# comma, . to <, > or ?. A few comparisons of the string's inlined prefix, no decoding of it.
_SAFE_ASCII_SQL = ("({x} >= 'A' AND {x} < chr(127)) OR ({x} >= '.' AND {x} < '=') OR ({x} >= '!' AND {x} < '+')"
                   " OR ({x} >= ',' AND {x} < '-') OR ({x} >= '>' AND {x} < '@')")


def _neutralise_sql(expr: str) -> str:
    r"""Prefix a ' to text that a spreadsheet would run as a formula (the `formula_risk` rule).

    Text whose first character is printable ASCII (code points 33 to 126) other than = + - @
    cannot be risky: none of those is a sign, a space, a control or a format character. Most
    cells start so and skip the two regular expressions (a third of a CSV export's time)."""
    risky, number = _formula_patterns("re2")
    return (f"CASE WHEN NOT ({_SAFE_ASCII_SQL.format(x=expr)}) AND regexp_matches({expr}, {_lit(risky)}) "
            f"AND NOT regexp_matches({expr}, {_lit(number)}) THEN '''' || {expr} ELSE {expr} END")


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


EXPORT_PART_ROWS = 250_000     # rows DuckDB sorts at once in a csv/jsonl export (memory ~ 1.5 KB a row)


def export(db: str | os.PathLike, fmt: str, output: str | os.PathLike, filters: Filters | None = None,
           bom: bool = False, force: bool = False, columns: Sequence[str] | None = None) -> Exported:
    """Write the filtered events to `output` (csv, parquet, jsonl or geojson); return the row count.
    `columns` picks and orders the columns (schema order by default).

    Rows are sorted by event_date then event_id_cnty, so two exports of the same data are
    identical (DuckDB does not keep file order under parallel filtered scans). The file
    appears whole or not at all: it is written beside the target and renamed.

    A CSV or JSON Lines export is written in parts of whole days, about EXPORT_PART_ROWS rows
    each, in date order (undated rows last): DuckDB sorts one part at a time, so memory stays
    bounded however many rows go out, and the parts, each sorted, are appended in order.
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
    tmp = _export_tmp(target)
    try:
        holder = _claim(tmp)
    except OSError as exc:
        raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
    parts: list[tuple[Path, int]] = []          # claimed part files (csv, jsonl in several parts)
    try:
        con, _ = _open(db, tables=("events",), own_sql=True)    # read-only: what goes out, and in how many parts
        try:
            present = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
            exprs = export_columns(present, fmt == "csv", columns)
            days = con.execute(f"SELECT event_date, count(*), count(*) FILTER (WHERE latitude IS NULL OR "
                               f"longitude IS NULL) FROM events WHERE {cond} GROUP BY ALL "
                               f"ORDER BY event_date NULLS LAST", params).fetchall()
        except duckdb.Error as exc:
            raise errors.QueryError(errors.sql_failed(_first_line(exc))) from None
        finally:
            con.close()
        count = Exported(sum(n for _, n, _ in days))
        count.unlocated = sum(u for _, _, u in days)
        count.undated = sum(n for day, n, _ in days if day is None)
        spans = _day_spans(days) if fmt in ("csv", "jsonl") else [None]
        parted = len(spans) > 1
        for _ in spans if parted else ():
            part = _export_tmp(target)
            parts.append((part, _claim(part)))
        options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet, COMPRESSION zstd",
                   "jsonl": "FORMAT json", "geojson": "FORMAT json, ARRAY true"}[fmt]
        con, _ = _open(db, writable=[p for p, _ in parts] if parted else [tmp], tables=("events",),
                       own_sql=True)
        try:
            if parted and bom:
                os.write(holder, b"\xef\xbb\xbf")
            for n, span in enumerate(spans):
                where, values = cond, list(params)
                if span is not None:
                    where += " AND event_date IS NULL" if span[0] is None else " AND event_date BETWEEN ? AND ?"
                    values += [] if span[0] is None else list(span)
                select = _geojson_select(exprs, where) if fmt == "geojson" else (
                    f"SELECT {', '.join(exprs)} FROM events WHERE {where} ORDER BY event_date, event_id_cnty")
                written = parts[n][0] if parted else tmp
                head = options if n == 0 else options.replace("HEADER true", "HEADER false")
                con.execute(f"COPY ({select}) TO {_lit(str(written))} ({head}, USE_TMP_FILE false)", values)
                if parted:
                    _append(parts[n][1], holder)
                    parts[n][0].unlink(missing_ok=True)
        except duckdb.IOException as exc:
            raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
        except OSError as exc:
            raise errors.QueryError(errors.output_not_writable(str(out), _first_line(exc))) from None
        except duckdb.Error as exc:
            raise errors.QueryError(errors.sql_failed(_first_line(exc))) from None
        finally:
            con.close()
        written = tmp
        try:
            if (bom and not parted) or fmt == "geojson":   # a BOM before the CSV; the FeatureCollection around the features
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
        for part, fd in parts:
            part.unlink(missing_ok=True)
            os.close(fd)
        tmp.unlink(missing_ok=True)
        os.close(holder)


def _day_spans(days: list[tuple]) -> list[tuple | None]:
    """(first day, last day) spans of whole days holding about EXPORT_PART_ROWS rows each, in
    order, then (None, None) for undated rows; [None] (no span: every row) when one part will do."""
    if sum(n for _, n, _ in days) <= EXPORT_PART_ROWS:
        return [None]
    spans: list[tuple | None] = []
    first = last = None
    rows = 0
    for day, n, _ in days:
        if day is None:
            continue
        if first is not None and rows + n > EXPORT_PART_ROWS:
            spans.append((first, last))
            first, rows = None, 0
        first = day if first is None else first
        last, rows = day, rows + n
    if first is not None:
        spans.append((first, last))
    if days and days[-1][0] is None:
        spans.append((None, None))
    return spans


def _export_tmp(target: Path) -> Path:
    return target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}{_EXPORT_TMP}"


def _append(src: int, dst: int) -> None:
    """Append the whole file `src` to `dst` (in the kernel when it can)."""
    size, offset = os.fstat(src).st_size, 0
    try:
        while offset < size:
            copied = os.copy_file_range(src, dst, size - offset, offset)
            if not copied:
                break
            offset += copied
    except OSError:                     # another filesystem or kernel: copy through here
        pass
    while offset < size:
        chunk = os.pread(src, min(1 << 22, size - offset), offset)
        if not chunk:
            break
        offset += os.write(dst, chunk)


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
    con, _ = _open(db, tables=("events",), own_sql=True)
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
    con, _ = _open(db, tables=("events",), own_sql=True)
    try:
        rel = con.execute("\n".join(sql), params)
        result = Rows([d[0] for d in rel.description], rel.fetchall())
        stored = None if result.rows else con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()
    if stored is not None:
        con, _ = _open(db, tables=("articles",), own_sql=True)
        try:
            articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        finally:
            con.close()
        result.notes.append(_empty_note(str(db), stored, articles))
    return result


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
