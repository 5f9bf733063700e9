"""The Parquet dataset: articles, their events and the links between them.

Layout of a store folder (`data/` by default):

    manifest.json                       the live files of each table; the only thing readers trust
    articles/part-<gen>-<uid>.parquet   one row per stored article (deduplicated by text_hash)
    events/year=<YYYY>/part-...parquet  event rows, one folder per year, sorted by country then
                                        event_date (row-group statistics prune date/country filters)
    event_sources/part-...parquet       (event_id_cnty, article_id)
    events.duckdb                       views over the live files (absolute paths) for DuckDB users
    journal.jsonl                       every file this store created, recorded before creating it
    .lock                               held while writing

Writing: under the lock, each new file is first recorded in the journal, then written under a
temporary name, fsynced and renamed; a new manifest is published with one os.replace (fsynced).
A run killed at any moment leaves the previous manifest and all its files intact; files the
journal records but no manifest lists are orphans and are removed at the next write. Nothing
else is ever deleted, whatever its name. Articles and their events go in the same manifest,
so they are committed together. Files a newer manifest dropped (compaction, recode) are kept
for a grace period so that readers of the previous manifest can finish. Stored Parquet files
are written once and never opened for writing again.

A folder holding data files but no readable manifest is refused for writing (the next write
would otherwise start an empty store over them), unless the journal shows that no manifest was
ever published and it recorded every one of those files (a first write killed before its
publish). `Store.repair` (`events repair`) rebuilds the manifest from the files that verify.

Ingest commits a batch on a thread while the next batch is being coded (one commit at a time,
in order), and a Store keeps the coder's rows of the articles it committed, so merging a new
batch into the stored events it tells again reads those rows instead of coding the stored
texts again in this process (stored articles it has not seen are still coded again).
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import contextvars
import os
import pickle
import re
import stat
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import filelock
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from events import errors, merge, pipeline, schema, views
from events.files import fsync_dir, fsync_file
from events.article import Article, Rejection
from events.schema import TABLES, articles_schema, event_sources_schema, table_schema

MANIFEST = "manifest.json"
VIEWS_DB = "events.duckdb"
JOURNAL = "journal.jsonl"
LOCK = ".lock"
FORMAT = 1
BATCH_ARTICLES = 500          # articles per commit during ingest
BATCH_SECONDS = 30.0          # ... or a commit at least this often
MAX_FILES = 16                # files in one partition before the small ones are merged
COMPACT_BELOW = 64 * 2**20    # only files smaller than this are merged (bounded rewrite cost)
RETIRED_GRACE_S = 300.0       # how long files dropped by a newer manifest stay for readers
ROW_GROUP = 128 * 1024
REPORTS_KEPT_BYTES = 128 * 2**20   # coded reports of committed articles kept (compressed) for merging
DEFAULT_LOCK_TIMEOUT = 600.0
_GENERATION = re.compile(r"^part-(\d{6})-[0-9a-f]{12}\.parquet$")


def lock_timeout_from_env() -> float:
    """EVENTS_LOCK_TIMEOUT in seconds (default 600); a bad value is a one-line error."""
    raw = os.environ.get("EVENTS_LOCK_TIMEOUT")
    if raw is None or not raw.strip():
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not value >= 0 or value == float("inf"):
        raise errors.EventsError(errors.bad_lock_timeout(raw))
    return value


def _safe_rel(rel: object, tables: Iterable[str] = TABLES, suffix: str = ".parquet") -> bool:
    """A path the manifest may name: relative, inside a table folder, no '..', a Parquet name."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\x00" in rel:
        return False
    parts = rel.split("/")
    return (not rel.startswith("/") and parts[0] in tables and len(parts) >= 2
            and all(p not in ("", ".", "..") for p in parts) and rel.endswith(suffix))


def data_files(db: Path) -> list[str]:
    """Parquet files under the table folders (relative paths, sorted), symlinks not followed."""
    found = []
    for table in TABLES:
        root = db / table
        if not root.is_dir() or root.is_symlink():
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(".parquet") and stat.S_ISREG(os.lstat(path).st_mode):
                    found.append(path.relative_to(db).as_posix())
    return found


@dataclass
class Manifest:
    """The published state: live files per table (paths relative to the store folder)."""
    generation: int = 0
    files: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TABLES})
    retired: list[dict] = field(default_factory=list)     # {"path": ..., "since": unix time}

    @classmethod
    def load(cls, db: Path) -> Manifest:
        path = db / MANIFEST
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if db.is_dir() and not _unpublished_only(db):
                raise errors.StoreCorruptError(errors.manifest_lost(str(db))) from None
            return cls()
        except (OSError, UnicodeDecodeError) as exc:
            why = getattr(exc, "strerror", None) or type(exc).__name__
            raise errors.StoreCorruptError(errors.manifest_unreadable(str(path), why)) from None
        return cls.parse(raw, str(path))

    @classmethod
    def parse(cls, raw: str, path: str) -> Manifest:
        """A manifest from its JSON text, checked as `load` checks it (`path` names it in errors;
        the object-store backend, events.remote, reads the text itself)."""
        try:
            data = json.loads(raw)
            files = {t: list(data["files"].get(t, [])) for t in TABLES}
            generation = data["generation"]
            retired = list(data.get("retired", []))
            if isinstance(generation, bool) or not isinstance(generation, int) or generation < 0:
                raise ValueError(f"generation {generation!r} is not a count")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise errors.StoreCorruptError(errors.manifest_unreadable(
                path, f"{type(exc).__name__}: {str(exc)[:80]}")) from None
        for table, rels in files.items():
            for rel in rels:
                if not _safe_rel(rel, (table,)):
                    raise errors.StoreCorruptError(errors.manifest_bad_entry(path, f"files.{table}", rel))
        for entry in retired:
            since = entry.get("since") if isinstance(entry, dict) else None
            if (not isinstance(entry, dict) or not _safe_rel(entry.get("path"))
                    or isinstance(since, bool) or not isinstance(since, (int, float)) or since != since):
                raise errors.StoreCorruptError(errors.manifest_bad_entry(path, "retired", entry))
        return cls(generation, files, retired)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "generation": self.generation,
                           "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                           "files": self.files, "retired": self.retired}, indent=1)


@dataclass
class IngestReport:
    """What one ingest did: the one-line summary and the rejections behind it."""
    read: int = 0
    new: int = 0
    already: int = 0
    events: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)      # pipeline errors (article still stored)

    def summary(self) -> str:
        line = (f"{_n(self.read, 'article')} read: {self.new} new, {self.already} already stored, "
                f"{len(self.rejected)} rejected; {_n(self.events, 'event')} written")
        if self.rejected:
            counts: dict[str, int] = {}
            for r in self.rejected:
                key = r.reason.split(" (")[0].split(";")[0]
                counts[key] = counts.get(key, 0) + 1
            line += " (rejected: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ")"
        return line


@dataclass
class RecodeReport:
    articles: int = 0
    events_before: int = 0
    events_after: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{_n(self.articles, 'article')} recoded: {_n(self.events_before, 'event')} before, "
                f"{self.events_after} after")


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


@dataclass
class RepairReport:
    """What `repair` did: the files kept in the rebuilt manifest and the ones left out."""
    needed: bool = True
    kept: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLES})
    rows: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLES})
    skipped: list[tuple[str, str]] = field(default_factory=list)     # (path, reason)
    saved_manifest: str | None = None

    def summary(self) -> str:
        if not self.needed:
            return "The store is healthy: its manifest reads and every file it lists verifies; nothing to repair."
        line = (f"Rebuilt {MANIFEST} from {_n(sum(self.kept.values()), 'verified file')}: "
                f"{_n(self.rows['articles'], 'article')}, {_n(self.rows['events'], 'event')}, "
                f"{_n(self.rows['event_sources'], 'link')}; {len(self.skipped)} left out")
        if self.saved_manifest:
            line += f"; the old manifest is kept as {self.saved_manifest}"
        return line


class Store:
    """One store folder. Reading needs no lock; every write goes through `_writing()`."""

    def __init__(self, db: str | os.PathLike, lock_timeout: float | None = None,
                 on_lock_wait: Callable[[], None] | None = None, merging: bool = True) -> None:
        self.db = Path(db)
        self.merging = merging                    # fold reports of one event into one row (events.merge)
        self._lock_timeout = lock_timeout          # None: EVENTS_LOCK_TIMEOUT, read when writing
        self.on_lock_wait = on_lock_wait          # called once when another writer holds the lock
        self._known: dict[str, str] = {}          # text_hash by article id, as of _known_generation
        self._known_generation = -1
        # The coder's rows of articles this Store committed or recoded, by (id, text_hash,
        # options), pickled and compressed (~1 KB an article), oldest dropped past
        # REPORTS_KEPT_BYTES: merging a later batch reads them instead of re-running the
        # pipeline over the stored texts in this process (that grew with every batch).
        self._reports: OrderedDict[tuple, bytes] = OrderedDict()
        self._reports_bytes = 0
        if self.db.exists() and not self.db.is_dir():
            raise errors.StoreCorruptError(errors.not_a_store(str(self.db)))
        if isinstance(db, str) and "://" in db:      # Path() would fold s3://b/p into a local s3:/b/p
            raise errors.EventsError(f"{db} is object storage, not a folder: open it with "
                                     f"events.remote.open_store (pip install \"events[cluster]\")")

    @property
    def lock_timeout(self) -> float:
        return lock_timeout_from_env() if self._lock_timeout is None else self._lock_timeout

    # --- reading -----------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return (self.db / MANIFEST).exists()

    def manifest(self) -> Manifest:
        return Manifest.load(self.db)

    def live_files(self, table: str, manifest: Manifest | None = None) -> list[Path]:
        """Absolute paths of a table's live files (checked to exist)."""
        m = manifest or self.manifest()
        paths = [(self.db / p).resolve() for p in m.files[table]]
        for p in paths:
            if not p.exists():
                raise errors.StoreCorruptError(errors.manifest_missing_file(str(p)))
        return paths

    def verified_files(self, table: str, manifest: Manifest | None = None) -> list[Path]:
        """Live files whose Parquet footer reads (a damaged file is a one-line error)."""
        paths = self.live_files(table, manifest)
        for p in paths:
            _footer(p)
        return paths

    def count(self, table: str) -> int:
        return sum(_footer(p).num_rows for p in self.live_files(table))

    def known_articles(self, manifest: Manifest | None = None) -> dict[str, str]:
        """text_hash by article id, for deduplication (reread only when another writer published)."""
        m = manifest or self.manifest()
        if m.generation != self._known_generation:
            known: dict[str, str] = {}
            for p in self.live_files("articles", m):
                t = _damaged_as_error(p, lambda: pq.read_table(p, columns=["id", "text_hash"]))
                known.update(zip(t.column("id").to_pylist(), t.column("text_hash").to_pylist()))
            self._known, self._known_generation = known, m.generation
        return self._known

    def iter_articles(self, manifest: Manifest | None = None, batch: int = 256,
                      ids: Iterable[str] | None = None) -> Iterator[Article]:
        """The stored articles (only those of `ids` when given), rebuilt as `Article`s (for recode)."""
        wanted = ["id", "text", "title", "published", "source", "url", "language", "language_detected"]
        only = None if ids is None else pa.array(sorted(set(ids)), pa.string())
        for p in self.live_files("articles", manifest):
            present = set(_footer(p).schema.names)          # older files lack newer columns
            cols = [c for c in wanted if c in present]
            try:
                for rb in (pq.ParquetFile(p).iter_batches(batch_size=batch, columns=cols) if only is None
                           else _rows_with_ids(p, cols, only)):
                    for r in rb.to_pylist():
                        # a detected language is detected again, so recode gives the same rows
                        language = None if r.get("language_detected") else r.get("language")
                        yield Article(text=r["text"], id=r["id"], title=r.get("title"),
                                      published=r.get("published"), source=r.get("source"), url=r.get("url"),
                                      language=language, origin=f"article {r['id']}")
            except (OSError, pa.ArrowException) as exc:
                _damaged_as_error(p, lambda exc=exc: (_ for _ in ()).throw(exc))

    # --- writing -----------------------------------------------------------------------------

    @contextmanager
    def _writing(self, repairing: bool = False) -> Iterator[Manifest | None]:
        """Hold the lock, clear what crashed writers left, yield the current manifest.

        Any OSError on the way (read-only folder, disk full, `.lock` not a file) becomes one
        StoreNotWritableError; the published state is untouched by a failed write. When
        `repairing`, an unreadable manifest yields None instead of raising.
        """
        try:
            self.db.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.StoreNotWritableError(errors.store_not_writable(str(self.db), _why(exc))) from None
        if (self.db / LOCK).is_dir():
            raise errors.StoreNotWritableError(errors.lock_not_a_file(str(self.db / LOCK)))
        timeout = self.lock_timeout
        lock = filelock.FileLock(str(self.db / LOCK), timeout=timeout)
        try:
            try:
                lock.acquire(timeout=min(0.5, timeout))
            except filelock.Timeout:
                if self.on_lock_wait:
                    self.on_lock_wait()
                lock.acquire()
        except filelock.Timeout:
            raise errors.StoreLockedError(errors.store_locked(str(self.db), timeout)) from None
        except OSError as exc:
            raise errors.StoreNotWritableError(errors.store_not_writable(str(self.db / LOCK), _why(exc))) from None
        try:
            try:
                m: Manifest | None = self.manifest()
            except errors.StoreCorruptError:
                if not repairing:
                    raise
                m = None
            if m is not None:
                self._clean(m)
            yield m
        except OSError as exc:
            raise errors.StoreNotWritableError(errors.store_not_writable(str(self.db), _why(exc))) from None
        finally:
            lock.release()

    # --- the journal: every file this store creates, recorded before it is created ---------

    def _journal(self, m: Manifest | None) -> list[tuple[str, str]]:
        """(op, path) entries; a store from before the journal starts from its manifest."""
        entries = read_journal(self.db)
        if entries is None and m is not None and not (self.db / JOURNAL).exists():
            entries = [("write", p) for t in TABLES for p in m.files[t]]
            entries += [("write", r["path"]) for r in m.retired] + [("retire", r["path"]) for r in m.retired]
            if self.exists:
                entries.append(("publish", MANIFEST))
            self._rewrite_journal(entries)
        return entries or []

    def _record(self, op: str, rel: str) -> None:
        with open(self.db / JOURNAL, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"op": op, "path": rel}) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def _rewrite_journal(self, entries: list[tuple[str, str]]) -> None:
        tmp = self.db / f".{JOURNAL}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"op": op, "path": rel}) + "\n" for op, rel in entries)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.db / JOURNAL)

    def _clean(self, m: Manifest) -> None:
        """Delete orphans (files the journal records and no manifest lists) and retired files
        past their grace period. A file the journal does not record is never deleted."""
        now = time.time()
        keep_retired = [r for r in m.retired if now - float(r["since"]) < RETIRED_GRACE_S]
        live = {p for t in TABLES for p in m.files[t]} | {r["path"] for r in keep_retired}
        entries = self._journal(m)
        root = self.db.resolve()                 # a folder swapped for a link is not followed out
        for op, rel in entries:
            if op == "write" and rel not in live:
                for name in (rel, rel + ".tmp"):
                    target = self.db / name
                    if target.is_file() and not target.is_symlink() and root in target.resolve().parents:
                        target.unlink()
        kept = [(op, rel) for op, rel in entries if rel in live or op == "publish"]
        if kept != entries:
            self._rewrite_journal(list(dict.fromkeys(kept)))
        m.retired = keep_retired

    def _write(self, table: str, data: pa.Table, m: Manifest, subdir: str = "") -> str:
        """Record, write under a temporary name, fsync, rename; return the relative path."""
        rel_dir = Path(table) / subdir if subdir else Path(table)
        (self.db / rel_dir).mkdir(parents=True, exist_ok=True)
        name = f"part-{m.generation + 1:06d}-{uuid.uuid4().hex[:12]}.parquet"
        final = self.db / rel_dir / name
        tmp = final.with_suffix(".parquet.tmp")
        self._record("write", (rel_dir / name).as_posix())
        pq.write_table(data, tmp, row_group_size=ROW_GROUP, compression="zstd",
                       write_statistics=True)
        fsync_file(tmp)
        os.replace(tmp, final)
        fsync_dir(final.parent)
        return (rel_dir / name).as_posix()

    def _write_events(self, rows: list[dict], m: Manifest) -> list[str]:
        """Event rows, one file per year, sorted by country then date for pruning."""
        if not rows:
            return []
        data = pa.Table.from_pylist(rows, schema=schema.arrow_schema())
        data = data.sort_by([("country", "ascending"), ("event_date", "ascending"),
                             ("event_id_cnty", "ascending")])
        written = []
        years = pc.unique(data.column("year")).to_pylist()
        for year in sorted(years, key=lambda y: (y is None, y or 0)):
            # undated events (the article gives no date at all) live in year=unknown
            part = data.filter(pc.is_null(data.column("year")) if year is None
                               else pc.equal(data.column("year"), year))
            written.append(self._write("events", part, m, f"year={'unknown' if year is None else year}"))
        return written

    def _publish(self, m: Manifest) -> None:
        """Make `m` the live state with one atomic rename, then refresh the DuckDB views."""
        m.generation += 1
        tmp = self.db / f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
        self._record("write", tmp.name)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(m.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.db / MANIFEST)
        fsync_dir(self.db)
        # after the rename, so a reader of a new store never sees "published" without a manifest;
        # from now on a lost manifest is refused
        self._record("publish", MANIFEST)
        self.rebuild_views(m)

    def view_statements(self, m: Manifest | None = None) -> list[str]:
        """CREATE VIEW statements over this store's live files (events.views), as in events.duckdb."""
        m = m or self.manifest()
        return views.view_statements({t: self.live_files(t, m) for t in TABLES})

    def rebuild_views(self, m: Manifest | None = None) -> None:
        """Rewrite events.duckdb so its views read exactly the live files (absolute paths)."""
        import duckdb

        m = m or self.manifest()
        tmp = self.db / f".{VIEWS_DB}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            self._record("write", tmp.name)
            con = duckdb.connect(str(tmp))
            try:
                for sql in self.view_statements(m):
                    con.execute(sql)
                con.execute(f"CREATE VIEW store_info AS SELECT {m.generation} AS generation, "
                            f"'{str(self.db.resolve()).replace(chr(39), chr(39) * 2)}' AS folder")
            finally:
                con.close()
            os.replace(tmp, self.db / VIEWS_DB)
        except (OSError, duckdb.Error) as exc:
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                leftover.unlink(missing_ok=True)
            why = _why(exc) if isinstance(exc, OSError) else str(exc).strip().splitlines()[0][:200]
            raise errors.StoreNotWritableError(errors.views_not_written(str(self.db / VIEWS_DB), why)) from None

    def views_fresh(self) -> bool:
        """Whether events.duckdb shows the current manifest from this folder's current path."""
        import duckdb

        try:
            con = duckdb.connect(str(self.db / VIEWS_DB), read_only=True)
            try:
                info = con.execute("SELECT generation, folder FROM store_info").fetchall()
            finally:
                con.close()
        except duckdb.Error:
            return False
        return info == [(self.manifest().generation, str(self.db.resolve()))]

    def _retire(self, m: Manifest, paths: Iterable[str]) -> None:
        now = time.time()
        paths = list(paths)
        for p in paths:
            self._record("retire", p)
        m.retired.extend({"path": p, "since": now} for p in paths)

    def _compact(self, m: Manifest) -> None:
        """In partitions past MAX_FILES files, merge the small files into one (sorted) file.

        Big files are left alone, so a long ingest rewrites each row a few times at most.
        """
        groups: dict[tuple[str, str], list[str]] = {}
        for table in TABLES:
            for rel in m.files[table]:
                groups.setdefault((table, str(Path(rel).parent)), []).append(rel)
        for (table, parent), group in groups.items():
            if len(group) <= MAX_FILES:
                continue
            rels = [r for r in group if (self.db / r).stat().st_size < COMPACT_BELOW]
            if len(rels) < 2:
                continue
            target = table_schema(table)
            parts = [_conform(pq.read_table(self.db / r), target) for r in rels]
            merged = pa.concat_tables(parts)
            if table == "events":
                merged = merged.sort_by([("country", "ascending"), ("event_date", "ascending"),
                                         ("event_id_cnty", "ascending")])
            subdir = str(Path(parent).relative_to(table)) if parent != table else ""
            new = self._write(table, merged, m, "" if subdir == "." else subdir)
            m.files[table] = [r for r in m.files[table] if r not in rels] + [new]
            self._retire(m, rels)

    def commit(self, results: list[pipeline.Result], report: IngestReport | None = None) -> IngestReport:
        """Store articles (skipping ones already stored) with their rows, in one publish."""
        report = report or IngestReport()
        if not results:
            if not self.exists:
                with self._writing() as m:
                    self._publish(m)
            elif not self.views_fresh():
                with self._writing() as m:
                    self.rebuild_views(m)
            return report
        with self._writing() as m:
            known = dict(self.known_articles(m))
            hashes = set(known.values())
            fresh: list[pipeline.Result] = []
            for res in results:
                a = res.article
                bad = _unstorable(a)
                if bad:
                    report.rejected.append(Rejection(a.origin or str(a.id), bad))
                    continue
                if a.text_hash in hashes:
                    report.already += 1
                    continue
                if a.id in known and known[a.id] != a.text_hash:
                    report.rejected.append(Rejection(a.origin or a.id, errors.id_taken(a.id)))
                    continue
                known[a.id] = a.text_hash
                hashes.add(a.text_hash)
                fresh.append(res)
            if not fresh:
                return report
            now = dt.datetime.now(dt.UTC)
            articles = pa.Table.from_pylist([{
                "id": r.article.id, "text_hash": r.article.text_hash, "source": r.article.source,
                "url": r.article.url, "title": r.article.title, "published": r.article.published,
                "language": r.article.language or next(
                    (row.get("language") for row in r.rows if row.get("language")), None),
                "language_detected": not r.article.language and any(row.get("language") for row in r.rows),
                "text": r.article.text, "ingested_at": now} for r in fresh],
                schema=articles_schema())
            rows = [row for r in fresh for row in r.rows]
            links = _links(fresh)
            if self.merging:
                for r in fresh:
                    self._keep_reports(r.article, r.rows)
            m.files["articles"].append(self._write("articles", articles, m))
            if self.merging:
                rows, links = self._fold(rows, links, m)
            m.files["events"].extend(self._write_events(rows, m))
            if links:
                m.files["event_sources"].append(
                    self._write("event_sources", pa.Table.from_pylist(links, schema=event_sources_schema()), m))
            self._compact(m)
            self._publish(m)
            self._known, self._known_generation = known, m.generation
            report.new += len(fresh)
            report.events += len(rows)
        return report

    def _fold(self, rows: list[dict], links: list[dict], m: Manifest) -> tuple[list[dict], list[dict]]:
        """The new reports folded into the stored events they tell again (events.merge): the
        rows to write and their links; the stored rows they replace leave their files."""
        days = [r["event_date"] for r in rows if r.get("event_date") is not None]
        stored: list[dict] = []
        home: dict[str, str] = {}
        if days and m.files["events"]:
            reach = dt.timedelta(days=max(merge.TOLERANCE_DAYS.values()) + merge.Merger.SCREEN_SLACK_DAYS)
            where = [("country", "in", sorted({r["country"] for r in rows})),
                     ("event_date", ">=", min(days) - reach), ("event_date", "<=", max(days) + reach)]
            for rel in m.files["events"]:       # only what screening reads: the reports are coded again
                found = _damaged_as_error(self.db / rel, lambda rel=rel: pq.read_table(
                    self.db / rel, columns=[c for c in merge.SCREEN_COLUMNS
                                            if c in pq.read_schema(self.db / rel).names], filters=where))
                for row in found.to_pylist():
                    stored.append(row)
                    home[row["event_id_cnty"]] = rel
        fold = merge.Merger(stored, lambda ids: self._reports_of(ids, m)).fold(rows)
        if fold.replaced:
            self._drop_events(set(fold.replaced), {home[i] for i in fold.replaced}, m)
        if fold.aliases:
            from events.corrections import Corrections
            for old, new in fold.aliases.items():
                Corrections(self.db).record_merge(old, new, next(
                    r["article_ids"] for r in fold.rows if r["event_id_cnty"] == new), lock_held=True)
        kept = {r["event_id_cnty"] for r in fold.rows}
        both = [link for link in links if link["event_id_cnty"] in kept] + _row_links(fold.rows)
        return fold.rows, list({(k["event_id_cnty"], k["article_id"]): k for k in both}.values())

    def _reports_of(self, article_ids: list[str], m: Manifest) -> list[dict]:
        """The coder's rows of stored articles: kept from their commit when this Store made
        it, else coded again (the pipeline is deterministic), in the order of `article_ids`."""
        opts = _current_options()
        hashes = self.known_articles(m)
        by_id: dict[str, list[dict]] = {}
        missing = []
        for aid in article_ids:
            blob = self._reports.get((aid, hashes.get(aid), opts))
            if blob is None:
                missing.append(aid)
            else:
                by_id[aid] = pickle.loads(zlib.decompress(blob))
        token = pipeline._tallies.set(())      # stored articles are not this run's: not counted
        try:
            for a in self.iter_articles(m, ids=missing) if missing else ():
                by_id[a.id] = rows = pipeline.run_article(a).rows
                self._keep_reports(a, rows)
        finally:
            pipeline._tallies.reset(token)
        order = {aid: n for n, aid in enumerate(article_ids)}
        return [row for aid in sorted(by_id, key=order.__getitem__) for row in by_id[aid]]

    def _keep_reports(self, article: Article, rows: list[dict]) -> None:
        """Remember an article's coded rows (a copy: merging may not change them)."""
        key = (article.id, article.text_hash, _current_options())
        blob = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)
        old = self._reports.pop(key, None)
        self._reports_bytes += len(blob) - (len(old) if old is not None else 0)
        self._reports[key] = blob
        while self._reports_bytes > REPORTS_KEPT_BYTES and self._reports:
            self._reports_bytes -= len(self._reports.popitem(last=False)[1])

    def _drop_events(self, ids: set[str], rels: set[str], m: Manifest) -> None:
        """Rewrite the event files holding `ids` without them, and their links."""
        for table, files in (("events", sorted(rels)), ("event_sources", list(m.files["event_sources"]))):
            for rel in files:
                data = _conform(pq.read_table(self.db / rel), table_schema(table))
                keep = data.filter(pc.invert(pc.is_in(data.column("event_id_cnty"), pa.array(sorted(ids)))))
                if keep.num_rows == data.num_rows:
                    continue
                m.files[table].remove(rel)
                if keep.num_rows:
                    parent = Path(rel).parent.relative_to(table).as_posix()
                    m.files[table].append(self._write(table, keep, m, "" if parent == "." else parent))
                self._retire(m, [rel])

    def ingest(self, items: Iterable[Article | Rejection],
               on_item: Callable[[IngestReport], None] | None = None,
               batch_articles: int = BATCH_ARTICLES, batch_seconds: float = BATCH_SECONDS,
               run: Coder | None = None) -> IngestReport:
        """Run the pipeline over new articles and store them, committing in batches.

        `items` are Articles or reader Rejections (counted and reported). Articles
        already stored (same normalised text) are skipped before the pipeline runs; the
        check is repeated under the lock at commit, so concurrent ingests stay consistent.
        `run` codes the stream (default: `pipeline.run_article` here, one by one;
        `events.parallel.runner(jobs)` codes on several processes, in the same order).
        """
        report = IngestReport()
        self.manifest()           # a folder with data but no manifest is refused before any work,
        _ = self.lock_timeout     # and so is a bad EVENTS_LOCK_TIMEOUT
        known_hashes = set(self.known_articles().values()) if self.exists else set()
        batch: list[pipeline.Result] = []
        started = time.monotonic()

        def todo() -> Iterator[Article | Rejection | _Known]:
            """The items in order, each decided here: an article to code, a rejection, or known."""
            for item in items:
                if isinstance(item, Article):
                    if _unstorable(item):
                        item = Rejection(item.origin or str(item.id), _unstorable(item) or "")
                    elif item.text_hash in known_hashes:
                        item = _Known(item)
                    else:
                        known_hashes.add(item.text_hash)
                yield item

        committing = _Background()
        try:
            for item in (run or code_here)(todo()):
                report.read += 1
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                elif isinstance(item, _Known):
                    report.already += 1
                else:
                    result, article = item, item.article
                    report.warnings.extend(f"{article.origin or article.id}: {e}" for e in result.errors)
                    batch.append(result)
                if batch and (len(batch) >= batch_articles or time.monotonic() - started >= batch_seconds):
                    # the previous batch's commit is done (or raises here) before this one starts;
                    # while it runs, this thread keeps taking results so the workers keep coding
                    self._add_report(report, committing.wait())
                    committing.start(self.commit, batch, IngestReport())
                    batch, started = [], time.monotonic()
                if on_item:
                    on_item(report)
        finally:
            done = committing.wait()     # also on an error or Ctrl-C: a commit is never left half-way
        self._add_report(report, done)
        self._add_report(report, self.commit(batch, IngestReport()))
        return report

    @staticmethod
    def _add_report(report: IngestReport, part: IngestReport | None) -> None:
        """Count what one commit did into the run's report (in the ingesting thread only)."""
        if part is not None:
            report.new += part.new
            report.already += part.already
            report.events += part.events
            report.rejected.extend(part.rejected)

    def recode(self, on_article: Callable[[int], None] | None = None,
               run: Coder | None = None) -> RecodeReport:
        """Re-run the current pipeline over every stored article and replace all event rows.

        Holds the lock throughout so no ingest lands between reading and replacing. Event
        ids come from the pipeline (events.ids), so unchanged events keep their ids.
        `run` codes the stream, as for `ingest`.
        """
        report = RecodeReport()
        self.manifest()           # data files without a manifest: refused, not "no store"
        if not self.exists:
            raise errors.EventsError(errors.no_store(str(self.db)))
        with self._writing() as m:
            report.events_before = sum(_footer(p).num_rows for p in self.live_files("events", m))
            new_events: list[str] = []
            new_links: list[str] = []
            batch: list[pipeline.Result] = []

            every: list[dict] = []

            def flush() -> None:
                rows = [row for r in batch for row in r.rows]
                if self.merging:              # written once all are coded: events span batches
                    every.extend(rows)
                    batch.clear()
                    return
                new_events.extend(self._write_events(rows, m))
                links = _links(batch)
                if links:
                    new_links.append(self._write("event_sources", pa.Table.from_pylist(
                        links, schema=event_sources_schema()), m))
                report.events_after += len(rows)
                batch.clear()

            self._reports.clear()
            self._reports_bytes = 0
            for result in (run or code_here)(self.iter_articles(m)):
                article = result.article
                if self.merging:
                    self._keep_reports(article, result.rows)
                report.warnings.extend(f"{article.id}: {e}" for e in result.errors)
                batch.append(result)
                report.articles += 1
                if on_article:
                    on_article(report.articles)
                if len(batch) >= BATCH_ARTICLES:
                    flush()
            flush()
            if self.merging:
                merged = merge.merge_reports(every)
                new_events.extend(self._write_events(merged, m))
                if merged:
                    new_links.append(self._write("event_sources", pa.Table.from_pylist(
                        _row_links(merged), schema=event_sources_schema()), m))
                report.events_after = len(merged)
            self._retire(m, m.files["events"] + m.files["event_sources"])
            m.files["events"], m.files["event_sources"] = new_events, new_links
            self._compact(m)
            self._publish(m)
        return report


    def repair(self) -> RepairReport:
        """Rebuild the manifest from the Parquet files present, each one verified.

        A file is kept when it reads whole, has its table's columns and types, holds no key
        twice (article id, event id, event-article pair), and shares no key with a file
        already kept; newer generations are kept first, so the output of a compaction or
        recode wins over the files it replaced, and files the journal says were retired are
        left out. Nothing is deleted: files left out stay where they are, and an unreadable
        manifest is kept beside the new one.
        """
        report = RepairReport()
        if not self.db.is_dir() or (not self.exists and not data_files(self.db)):
            raise errors.EventsError(errors.no_store(str(self.db)))
        with self._writing(repairing=True) as current:
            if current is not None and self.exists:
                try:
                    for t in TABLES:
                        for path in self.verified_files(t, current):
                            _damaged_as_error(path, lambda path=path: pq.read_table(path))
                    report.needed = False
                    return report
                except errors.StoreCorruptError:
                    pass
            retired = {rel for op, rel in self._journal(None) if op == "retire"}
            m = Manifest(generation=current.generation if current else 0)
            for table in TABLES:
                self._repair_table(table, [r for r in data_files(self.db) if r.split("/")[0] == table],
                                   retired, m, report)
            m.generation = max([m.generation] + [_generation(r) for t in TABLES for r in m.files[t]])
            if (self.db / MANIFEST).exists():
                saved = f"{MANIFEST}.broken-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
                os.replace(self.db / MANIFEST, self.db / saved)
                report.saved_manifest = saved
            self._rewrite_journal([("write", r) for t in TABLES for r in m.files[t]] + [("publish", MANIFEST)])
            self._publish(m)
        return report

    def _repair_table(self, table: str, rels: list[str], retired: set[str], m: Manifest,
                      report: RepairReport) -> None:
        target = table_schema(table)
        keys = {"articles": ("id",), "events": ("event_id_cnty",),
                "event_sources": ("event_id_cnty", "article_id")}[table]
        candidates = []
        for rel in rels:
            if rel in retired:
                report.skipped.append((rel, "retired by a later write (its rows were replaced)"))
                continue
            try:
                data = pq.read_table(self.db / rel)
            except (OSError, pa.ArrowException) as exc:
                report.skipped.append((rel, f"unreadable ({str(exc).strip().splitlines()[0][:120]})"))
                continue
            problem = _schema_problem(data.schema, target)
            if problem:
                report.skipped.append((rel, problem))
                continue
            rows = list(zip(*(data.column(k).to_pylist() for k in keys)))
            if len(set(rows)) != len(rows):
                report.skipped.append((rel, "holds the same row key twice"))
                continue
            candidates.append((-_generation(rel), -len(rows), rel, set(rows)))
        taken: set = set()
        for _gen, _size, rel, rows in sorted(candidates):
            shared = len(rows & taken)
            if shared:
                report.skipped.append((rel, f"{shared:,} of its {len(rows):,} rows are in a newer file"))
                continue
            taken |= rows
            m.files[table].append(rel)
            report.kept[table] += 1
            report.rows[table] += len(rows)
        m.files[table].sort()


def _unstorable(article: Article) -> str | None:
    """Why an article's text fields cannot be stored (a lone surrogate from a JSON escape
    fails at commit and would lose the whole batch), or None."""
    for name in ("text", "id", "title", "source", "url", "language"):
        value = getattr(article, name, None)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return errors.lone_surrogate(name, exc.start)
    return None


def _generation(rel: str) -> int:
    match = _GENERATION.match(Path(rel).name)
    return int(match.group(1)) if match else 0


def _schema_problem(found: pa.Schema, target: pa.Schema) -> str | None:
    """Why a file's columns cannot be read as the table's (None when they can)."""
    for f in target:
        if f.name not in found.names:
            if not f.nullable:
                return f"has no {f.name!r} column, so it is not a file of this table"
            continue
        have = found.field(f.name).type
        if have != f.type and not (pa.types.is_null(have) or
                                   (pa.types.is_integer(have) and pa.types.is_integer(f.type)) or
                                   (pa.types.is_string(have) and pa.types.is_large_string(f.type))):
            return f"column {f.name!r} is {have}, the table needs {f.type}"
    return None


def _footer(path: Path) -> pq.FileMetaData:
    return _damaged_as_error(path, lambda: pq.read_metadata(path))


def _damaged_as_error(path: Path, read: Callable[[], object]):
    """Run a read of a stored file; a damaged or unreadable file is one StoreCorruptError."""
    try:
        return read()
    except (OSError, pa.ArrowException) as exc:
        why = _why(exc) if isinstance(exc, OSError) and exc.errno else str(exc).strip().splitlines()[0][:160]
        raise errors.StoreCorruptError(errors.stored_file_damaged(str(path), why)) from None


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc) or type(exc).__name__


def read_journal(db: Path) -> list[tuple[str, str]] | None:
    """The journal's (op, path) entries: "write" (a file about to be created), "retire" (a
    file a newer manifest dropped), "publish" (a manifest was published). None when absent or
    unreadable; a torn last line of a killed run is skipped."""
    try:
        lines = (db / JOURNAL).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    entries = []
    for line in lines:
        try:
            item = json.loads(line)
            op, rel = item["op"], item["path"]
        except (ValueError, KeyError, TypeError):
            continue
        if (op in ("write", "retire") and _safe_journal_path(rel)) or (op, rel) == ("publish", MANIFEST):
            entries.append((op, rel))
    return entries


def _unpublished_only(db: Path) -> bool:
    """No manifest, and every data file present is one the journal recorded before any
    manifest was published: a first write killed before publishing (its files are orphans).
    Anything else without a manifest (a lost manifest, files from elsewhere) is refused."""
    files = data_files(db)
    if not files:
        return True
    entries = read_journal(db)
    if not entries or ("publish", MANIFEST) in entries:
        return False
    written = {rel for op, rel in entries if op == "write"}
    return all(f in written for f in files)


def _safe_journal_path(rel: object) -> bool:
    return _safe_rel(rel) or (isinstance(rel, str) and re.fullmatch(
        rf"\.({re.escape(MANIFEST)}|{re.escape(VIEWS_DB)})\.[0-9a-f]{{8}}\.tmp", rel) is not None)


# A coder maps a stream: each Article to its pipeline.Result, anything else passed through, in order.
Coder = Callable[[Iterable], Iterable]


def _current_options() -> pipeline.Options:
    """The pipeline options in force (rows coded under other options are other rows)."""
    with pipeline.options() as opts:
        return opts


def code_here(items: Iterable) -> Iterator:
    """The default coder: `pipeline.run_article` in this process, one article at a time."""
    return (pipeline.run_article(i) if isinstance(i, Article) else i for i in items)


class _Background:
    """One call at a time on a thread, in the caller's context (pipeline options, tallies):
    `wait` gives its result, or raises what it raised."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._out: tuple[bool, object] | None = None

    def start(self, fn: Callable[..., object], *args: object) -> None:
        context = contextvars.copy_context()

        def call() -> None:
            try:
                self._out = (True, context.run(fn, *args))
            except BaseException as exc:      # re-raised in the caller by wait()
                self._out = (False, exc)

        self._out = None
        self._thread = threading.Thread(target=call, name="events-commit")
        self._thread.start()

    def wait(self):
        if self._thread is None:
            return None
        while self._thread.is_alive():
            self._thread.join(0.1)            # short joins: Ctrl-C still reaches this thread
        self._thread, (ok, value) = None, self._out
        if not ok:
            raise value
        return value


@dataclass(frozen=True)
class _Known:
    """An article already stored, passed through the coder without being coded."""
    article: Article


def _links(results: list[pipeline.Result]) -> list[dict]:
    """(event, article) pairs: the article coded plus any other ids the row cites."""
    links, seen = [], set()
    for r in results:
        for row in r.rows:
            for aid in [r.article.id, *(row.get("article_ids") or [])]:
                key = (row["event_id_cnty"], aid)
                if key not in seen:
                    seen.add(key)
                    links.append({"event_id_cnty": key[0], "article_id": key[1]})
    return links


def _rows_with_ids(path: Path, columns: list[str], wanted: pa.Array) -> list[pa.RecordBatch]:
    """The rows of an articles file whose id is wanted; a row group's texts are read only
    when its ids hold one."""
    pf = pq.ParquetFile(path)
    out = []
    for g in range(pf.num_row_groups):
        hit = pc.is_in(pf.read_row_group(g, columns=["id"]).column("id"), value_set=wanted)
        if pc.any(hit).as_py():
            out.extend(pf.read_row_group(g, columns=columns).filter(hit).to_batches())
    return out


def _row_links(rows: list[dict]) -> list[dict]:
    """(event, article) pairs of merged rows: every article each row lists."""
    return [{"event_id_cnty": r["event_id_cnty"], "article_id": a}
            for r in rows for a in sorted(set(r.get("article_ids") or []))]


def _conform(table: pa.Table, target: pa.Schema) -> pa.Table:
    """A file written under an older schema, with missing columns as nulls, in target order."""
    cols = [table.column(f.name).cast(f.type) if f.name in table.column_names
            else pa.nulls(table.num_rows, f.type) for f in target]
    return pa.Table.from_arrays(cols, schema=target.with_metadata(None))
