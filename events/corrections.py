"""Analysts' edits and deletions: their own table, applied over the coded rows, never undone.

The coder's rows are rebuilt by every `recode` and change when reports merge; an analyst's
fix must outlive both. So a fix is never written into the event rows: it is a record in
`<store>/corrections.parquet` (who, when, why, the field, its old and new value), and the
views apply the records over the rows on every read (`apply`, or `view_sql` for DuckDB).
A record names its event by `event_id_cnty` and keeps the event's `article_ids` at the time:
when the id is gone (the event joined another, or a recode renamed it), the record follows a
`merge` record (old id -> new id, written by the store when events join) or, failing that,
goes to the event that now holds all those articles.

The file is small (people write it, not the coder) and is replaced whole: written under a
temporary name in the store folder, fsynced, renamed over the old one (os.replace), under the
store's own lock, so a reader sees the old table or the new one, never half of one.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import filelock
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from events import errors, schema
from events.files import fsync_dir, fsync_file

FILE = "corrections.parquet"
LOCK = ".lock"                        # the store's lock (events.store.LOCK): one writer at a time
# Columns an analyst may not set: identity, provenance and what the store computes.
NOT_EDITABLE = frozenset({"event_id_cnty", "article_ids", "evidence", "timestamp", "extractor_version",
                          "interaction", "year"})
_TMP = re.compile(rf"^\.{re.escape(FILE)}\.[0-9a-f]{{8}}\.tmp$")


class CorrectionError(errors.EventsError):
    """A correction that cannot be made (unknown event or column, bad value); nothing written."""


# --- the table -----------------------------------------------------------------------------

def table_schema() -> pa.Schema:
    return pa.schema([
        pa.field("correction_id", pa.string(), nullable=False),
        pa.field("seq", pa.int64(), nullable=False),            # order of writing: later wins
        pa.field("event_id_cnty", pa.string(), nullable=False),
        pa.field("action", pa.string(), nullable=False),        # edit, delete or merge
        pa.field("field", pa.string()),                         # the column edited (edit only)
        pa.field("old_value", pa.string()),                     # as text; null = was null
        pa.field("new_value", pa.string()),                     # as text; null = set to null; merge: new id
        pa.field("who", pa.string(), nullable=False),
        pa.field("at", pa.timestamp("s", tz="UTC"), nullable=False),
        pa.field("why", pa.string(), nullable=False),
        pa.field("article_ids", pa.list_(pa.string()), nullable=False),
    ])


@dataclass(frozen=True)
class Correction:
    correction_id: str
    seq: int
    event_id_cnty: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    who: str
    at: dt.datetime
    why: str
    article_ids: tuple[str, ...] = ()


def to_text(value: object) -> str | None:
    """A row value as stored in the table: dates ISO, numbers as written, null as null."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def parse_value(column: str, text: str | None) -> object:
    """The typed value of `column` written as `text` ("" or None is null)."""
    col = next((c for c in schema.columns() if c.name == column), None)
    if col is None:
        raise CorrectionError(errors.correction_unknown_column(column))
    if text is None or text == "":
        if not col.nullable:
            raise CorrectionError(errors.correction_bad_value(column, "", "this column cannot be empty"))
        return None
    try:
        if col.type == "date":
            return dt.date.fromisoformat(text)
        if col.type.startswith("int"):
            return int(text)
        if col.type.startswith("float"):
            return float(text)
    except ValueError:
        raise CorrectionError(errors.correction_bad_value(column, text, f"not a {col.type}")) from None
    if col.type != "string":
        raise CorrectionError(errors.correction_not_editable(column))
    return text


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """["fatalities=5", "actor1=Al Shabaab"] -> {"fatalities": "5", "actor1": "Al Shabaab"}."""
    out = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise CorrectionError(errors.correction_bad_assignment(item))
        out[name.strip()] = value
    return out


class Corrections:
    """The corrections of one store folder."""

    def __init__(self, db: str | os.PathLike, lock_timeout: float = 600.0) -> None:
        self.db = Path(db)
        self.path = self.db / FILE
        self.lock_timeout = lock_timeout

    # reading

    def load(self) -> list[Correction]:
        """Every record, in the order written."""
        if not self.path.exists():
            return []
        try:
            rows = pq.read_table(self.path).to_pylist()
        except (OSError, pa.ArrowException) as exc:
            raise CorrectionError(errors.correction_unreadable(str(self.path), str(exc).splitlines()[0][:120])) from None
        return sorted((Correction(**{**r, "article_ids": tuple(r["article_ids"] or ())}) for r in rows),
                      key=lambda c: c.seq)

    def history(self, event_id: str) -> list[Correction]:
        """The records that name `event_id`, or an id that merged into it."""
        records = self.load()
        names = {event_id} | {old for old, new in _aliases(records).items() if _follow(new, _aliases(records)) == event_id}
        return [c for c in records if c.event_id_cnty in names or (c.action == "merge" and c.new_value in names)]

    def deletions(self) -> list[dict]:
        """Deleted events, like ACLED's deletions feed: id, when (Unix time), and why."""
        out = {}
        for c in self.load():
            if c.action == "delete":
                out[c.event_id_cnty] = {"event_id_cnty": c.event_id_cnty,
                                        "timestamp": int(c.at.timestamp()), "why": c.why, "who": c.who}
        return sorted(out.values(), key=lambda d: (d["timestamp"], d["event_id_cnty"]))

    def apply(self, rows: Iterable[dict]) -> list[dict]:
        """The rows as the analysts left them: edits set, deleted events dropped."""
        return apply(rows, self.load())

    # writing

    def edit(self, row: dict, changes: dict[str, str], why: str, who: str | None = None) -> list[Correction]:
        """Record `changes` (column -> value as text) to the event `row` (as the views show it)."""
        self._check_reason(why)
        if not changes:
            raise CorrectionError(errors.correction_bad_assignment(""))
        new = dict(row)
        for column, text in changes.items():
            if column in NOT_EDITABLE:
                raise CorrectionError(errors.correction_not_editable(column))
            new[column] = parse_value(column, text)
        if "event_date" in changes:
            new["year"] = new["event_date"].year if new["event_date"] else None
        if {"inter1", "inter2"} & set(changes):
            new["interaction"] = schema.interaction(new["inter1"], new["inter2"] or 0)
        problems = schema.validate_row(new)
        if problems:
            raise CorrectionError(errors.correction_bad_value(", ".join(changes), "; ".join(str(v) for v in changes.values()),
                                             "the row would be invalid (" + "; ".join(problems) + ")"))
        made = [dict(action="edit", field=c, old_value=to_text(row.get(c)), new_value=to_text(new[c]))
                for c in changes]
        return self._append(row, made, why, who)

    def delete(self, row: dict, why: str, who: str | None = None) -> list[Correction]:
        self._check_reason(why)
        return self._append(row, [dict(action="delete", field=None, old_value=None, new_value=None)], why, who)

    def record_merge(self, old_id: str, new_id: str, article_ids: Iterable[str], who: str = "events ingest",
                     lock_held: bool = False) -> None:
        """The store's note that event `old_id` joined `new_id`: later reads follow it.
        `lock_held`: the caller (the store, mid-commit) already holds the store's lock."""
        self._append({"event_id_cnty": old_id, "article_ids": list(article_ids)},
                     [dict(action="merge", field=None, old_value=old_id, new_value=new_id)],
                     f"reports of one event merged into {new_id}", who, lock_held)

    def _check_reason(self, why: str) -> None:
        if not why or not why.strip():
            raise CorrectionError(errors.correction_no_reason())

    def _append(self, row: dict, made: list[dict], why: str, who: str | None,
                lock_held: bool = False) -> list[Correction]:
        who = who or _user()
        self.db.mkdir(parents=True, exist_ok=True)
        lock = contextlib.nullcontext() if lock_held else filelock.FileLock(
            str(self.db / LOCK), timeout=self.lock_timeout)
        with lock:
            self._clear_temporaries()
            old = self.load()
            seq = (old[-1].seq + 1) if old else 1
            at = dt.datetime.now(dt.UTC).replace(microsecond=0)
            new = [Correction(correction_id=uuid.uuid4().hex[:16], seq=seq + n,
                              event_id_cnty=row["event_id_cnty"], who=who, at=at, why=why.strip(),
                              article_ids=tuple(sorted(row.get("article_ids") or ())), **m)
                   for n, m in enumerate(made)]
            self._write([*old, *new])
        return new

    def _write(self, records: list[Correction]) -> None:
        table = pa.Table.from_pylist([{**c.__dict__, "article_ids": list(c.article_ids)} for c in records],
                                     schema=table_schema())
        tmp = self.db / f".{FILE}.{uuid.uuid4().hex[:8]}.tmp"
        pq.write_table(table, tmp)
        fsync_file(tmp)
        os.replace(tmp, self.path)
        fsync_dir(self.db)

    def _clear_temporaries(self) -> None:
        """Temporary files of a write that was killed (only ours, by their exact name)."""
        for p in self.db.iterdir():
            if _TMP.match(p.name) and p.is_file():
                p.unlink()


def _user() -> str:
    try:
        return os.environ.get("EVENTS_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _aliases(records: Iterable[Correction]) -> dict[str, str]:
    return {c.event_id_cnty: c.new_value for c in records if c.action == "merge" and c.new_value}


def _follow(event_id: str, aliases: dict[str, str]) -> str:
    seen = set()
    while event_id in aliases and event_id not in seen:
        seen.add(event_id)
        event_id = aliases[event_id]
    return event_id


def resolve(record: Correction, rows_by_id: dict[str, dict], aliases: dict[str, str],
            by_article: dict[str, set[str]]) -> str | None:
    """The id of the event a record applies to now (None when no stored event holds it)."""
    target = _follow(record.event_id_cnty, aliases)
    if target in rows_by_id:
        return target
    if record.article_ids:
        holders = set.intersection(*(by_article.get(a, set()) for a in record.article_ids))
        holders = {h for h in holders if h[:3] == record.event_id_cnty[:3]}
        if holders:
            return min(holders)
    return None


def apply(rows: Iterable[dict], records: Sequence[Correction]) -> list[dict]:
    """Rows with every edit applied in the order written, deleted events left out."""
    out = [dict(r) for r in rows]
    by_id = {r["event_id_cnty"]: r for r in out}
    by_article: dict[str, set[str]] = {}
    for r in out:
        for a in r.get("article_ids") or ():
            by_article.setdefault(a, set()).add(r["event_id_cnty"])
    aliases = _aliases(records)
    deleted: set[str] = set()
    for c in sorted(records, key=lambda c: c.seq):
        if c.action == "merge":
            continue
        target = resolve(c, by_id, aliases, by_article)
        if target is None:
            continue
        if c.action == "delete":
            deleted.add(target)
        elif c.action == "edit" and c.field:
            row = by_id[target]
            row[c.field] = parse_value(c.field, c.new_value)
            if c.field == "event_date":
                row["year"] = row["event_date"].year if row["event_date"] else None
            if c.field in ("inter1", "inter2"):
                row["interaction"] = schema.interaction(row["inter1"], row["inter2"] or 0)
    return [r for r in out if r["event_id_cnty"] not in deleted]


def view_sql(events: str, corrections_file: str | os.PathLike) -> str:
    """DuckDB SQL for the corrected events view over the relation `events` (a view or table
    of coded rows): the latest edit of each (event, column) replaces the value, and deleted
    events are left out. Ids are taken as written (merge records redirect old ids first:
    `apply` does that in Python; in SQL the `merged` CTE maps one hop, enough because the
    store records each join from the old id to the id it joins)."""
    path = str(corrections_file).replace("'", "''")
    typed = {c.name: c for c in schema.columns() if c.name not in NOT_EDITABLE and c.type not in (
        "list<string>", "evidence")}
    sql_type = {"string": "VARCHAR", "date": "DATE", "int8": "TINYINT", "int16": "SMALLINT", "int32": "INTEGER",
                "int64": "BIGINT", "float32": "FLOAT", "float64": "DOUBLE"}
    replace = ",\n    ".join(
        f"CASE WHEN e.event_id_cnty IN (SELECT event_id_cnty FROM last_edit WHERE field = '{name}') "
        f"THEN (SELECT CAST(new_value AS {sql_type[c.type]}) FROM last_edit l WHERE l.event_id_cnty = "
        f"e.event_id_cnty AND l.field = '{name}') ELSE e.{name} END AS {name}"
        for name, c in typed.items())
    return f"""WITH c AS (SELECT * FROM read_parquet('{path}')),
merged AS (SELECT event_id_cnty AS old_id, new_value AS new_id FROM c WHERE action = 'merge'),
named AS (SELECT coalesce(m.new_id, c.event_id_cnty) AS event_id_cnty, c.action, c.field, c.new_value, c.seq
          FROM c LEFT JOIN merged m ON m.old_id = c.event_id_cnty WHERE c.action <> 'merge'),
last_edit AS (SELECT event_id_cnty, field, new_value FROM named WHERE action = 'edit'
              QUALIFY row_number() OVER (PARTITION BY event_id_cnty, field ORDER BY seq DESC) = 1)
SELECT * REPLACE (
    {replace}
) FROM {events} e
WHERE e.event_id_cnty NOT IN (SELECT event_id_cnty FROM named WHERE action = 'delete')"""


# --- the store's events, as the views show them --------------------------------------------

@dataclass
class Shown:
    """What `events show` prints: the row, its articles, its evidence and its history."""
    row: dict
    articles: list[dict] = field(default_factory=list)
    history: list[Correction] = field(default_factory=list)


def _store_rows(db: Path, where: Callable[[pa.Table], pa.Array] | None = None,
                table: str = "events") -> list[dict]:
    from events.store import Store          # read-only use; the store never imports this module

    out: list[dict] = []
    store = Store(db)
    if not store.exists:
        raise errors.EventsError(errors.no_store(str(db)))
    for path in store.live_files(table):
        data = pq.read_table(path)
        if where is not None:
            data = data.filter(where(data))
        out.extend(data.to_pylist())
    return out


def find(db: str | os.PathLike, event_id: str) -> dict:
    """The event as the views show it (corrections applied; an id that merged is followed)."""
    db = Path(db)
    records = Corrections(db).load()
    target = _follow(event_id, _aliases(records))
    found = _store_rows(db, lambda t: pc.equal(t.column("event_id_cnty"), target))
    if not found:
        raise CorrectionError(errors.correction_unknown_event(event_id, str(db)))
    if not apply(found, records):
        raise CorrectionError(errors.correction_deleted_event(target))
    return apply(found, records)[0]


def edit_event(db: str | os.PathLike, event_id: str, assignments: Sequence[str], why: str,
               who: str | None = None) -> list[Correction]:
    """`events edit EVENT_ID field=value ... --reason TEXT`."""
    changes = parse_assignments(assignments)
    Corrections(db)._check_reason(why)
    return Corrections(db).edit(find(db, event_id), changes, why, who)


def delete_event(db: str | os.PathLike, event_id: str, why: str, who: str | None = None) -> list[Correction]:
    """`events delete EVENT_ID --reason TEXT`."""
    Corrections(db)._check_reason(why)
    return Corrections(db).delete(find(db, event_id), why, who)


def show(db: str | os.PathLike, event_id: str) -> Shown:
    """`events show EVENT_ID`: the row, each source article, the evidence and the history."""
    db = Path(db)
    row = find(db, event_id)
    ids = list(row.get("article_ids") or [])
    wanted = pa.array(ids, pa.string())
    articles = _store_rows(db, lambda t: pc.is_in(t.column("id"), value_set=wanted), "articles")
    by_id = {a["id"]: a for a in articles}
    ordered = [{k: v for k, v in by_id[i].items() if k != "text"} for i in ids if i in by_id]
    return Shown(row, ordered, Corrections(db).history(row["event_id_cnty"]))
