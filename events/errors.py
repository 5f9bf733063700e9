"""Every user-facing error and rejection message, in one greppable place.

Library code raises an `EventsError` subclass (or yields a rejection with one of the reasons
below); the CLI turns errors into `Error: ...` with a non-zero exit code. Messages say what
went wrong, where, and what to do.
"""
from __future__ import annotations


class EventsError(Exception):
    """Base of the errors a user can cause and fix; the CLI prints them without a traceback."""


class StoreLockedError(EventsError):
    pass


class StoreCorruptError(EventsError):
    pass


class StoreNotWritableError(EventsError):
    """A write failed (read-only folder, disk full, `.lock` not a file); stored data is intact."""


class QueryError(EventsError):
    pass


class FilterError(EventsError):
    pass


class InputError(EventsError):
    pass


# --- store -----------------------------------------------------------------------------------

def store_locked(db: str, seconds: float) -> str:
    return (f"another events process has been writing to {db} for over {seconds:g} s; "
            f"wait for it to finish and run the command again")


def store_busy(db: str) -> str:
    return f"waiting for another events process to finish writing to {db} ..."


def store_not_writable(db: str, why: str) -> str:
    return (f"cannot write to {db} ({why}); nothing stored was changed; check permissions and "
            f"free space, or choose another --db")


def lock_not_a_file(path: str) -> str:
    return f"{path} is a folder, not the store's lock file; remove it (nothing else uses it) and run again"


def bad_lock_timeout(value: str) -> str:
    return f"EVENTS_LOCK_TIMEOUT={value!r} is not a number of seconds; set it to e.g. 600, or unset it"


def views_not_written(path: str, why: str) -> str:
    return (f"the data was stored but {path} could not be refreshed ({why}); free space or fix "
            f"permissions, then run `events ingest` with no new input or `events repair` to rebuild it")


def manifest_unreadable(path: str, why: str) -> str:
    return (f"cannot read the store's manifest {path} ({why}); restore it from a backup, or run "
            f"`events repair` to rebuild it from the stored files")


def manifest_lost(db: str) -> str:
    return (f"{db} holds stored data files but no manifest.json, so nothing will be written; "
            f"run `events repair` to rebuild the manifest from the files, or restore it from a backup")


def manifest_bad_entry(path: str, where: str, entry: object) -> str:
    shown = repr(entry)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return (f"the store's manifest {path} has an invalid {where} entry {shown} (not a stored Parquet "
            f"file); restore the manifest from a backup, or run `events repair` to rebuild it")


def manifest_missing_file(path: str) -> str:
    return (f"the store lists {path} but the file is missing; restore it from a backup, or run "
            f"`events repair` to rebuild the manifest from the files present")


def stored_file_damaged(path: str, why: str) -> str:
    return (f"the stored file {path} is damaged ({why}); restore it from a backup, or run "
            f"`events repair` to rebuild the manifest from the files that verify")


def no_store(db: str) -> str:
    return f"no store at {db}; ingest articles first with `events ingest PATH`, or check --db"


def not_a_store(db: str) -> str:
    return f"{db} exists but is not a folder; choose another --db"


# --- query and filters -----------------------------------------------------------------------

def sql_not_read_only(kind: str) -> str:
    return (f"only read queries are allowed (got {kind}); use SELECT, WITH, DESCRIBE or SHOW, "
            f"and `events export` to write files")


def sql_failed(why: str) -> str:
    return f"query failed: {why}"


def no_sql() -> str:
    return "no SQL given; pass one statement, e.g. events query \"SELECT count(*) FROM events\""


def unknown_country(name: str) -> str:
    return f"unknown country {name!r}; use an ACLED country name (e.g. 'Iraq') or an ISO code (IRQ, IQ)"


def unknown_region(name: str, regions: tuple[str, ...]) -> str:
    return f"unknown region {name!r}; choose one of: {', '.join(regions)}"


def unknown_event_type(name: str, types: tuple[str, ...]) -> str:
    return f"unknown event type {name!r}; choose one of: {', '.join(types)}"


def bad_date_range(since: object, until: object) -> str:
    return f"--since {since} is after --until {until}; swap them"


def unknown_value(kind: str, name: str, choices: tuple[str, ...]) -> str:
    return f"unknown {kind} {name!r}; choose one of: {', '.join(choices)}"


def ambiguous_name(option: str, name: str, choices: tuple[str, ...]) -> str:
    return f"{option} {name!r} could mean {' or '.join(repr(c) for c in choices)}; give one of them"


def unknown_name(option: str, name: str, close: tuple[str, ...], every: tuple[str, ...] = (),
                 see: str = "check its spelling") -> str:
    if close:
        return f"unknown {option} {name!r}; did you mean {' or '.join(repr(c) for c in close)}?"
    if every:
        return f"unknown {option} {name!r}; choose one of: {', '.join(every)}"
    return f"unknown {option} {name!r}; {see}"


def read_as(option: str, name: str, values: tuple[str, ...]) -> str:
    return f"{option} {name!r} read as {' or '.join(repr(v) for v in values)}"


def matches_nothing(option: str, name: str, close: tuple[str, ...]) -> str:
    hint = f"; stored values close to it: {', '.join(repr(c) for c in close)}" if close else ""
    return f"{option} {name!r} matches no stored event{hint}"


def unknown_summary_dimension(name: str, dims: tuple[str, ...]) -> str:
    return f"cannot summarise by {name!r}; choose from: {', '.join(dims)}"


def no_events_match(db: str, stored: int) -> str:
    return f"No events match these filters ({stored:,} events stored in {db})."


def no_events_found(db: str, articles: int) -> str:
    return (f"No events stored in {db} yet: {articles:,} articles are stored but the extractors "
            f"found no events in them. Re-run `events recode` when new extractors are added.")


def empty_store(db: str) -> str:
    return f"No events stored in {db} yet: ingest articles with `events ingest PATH`."


def output_exists(path: str) -> str:
    return f"{path} already exists; choose another --output or add --force to overwrite it"


def output_not_writable(path: str, why: str) -> str:
    return f"cannot write {path} ({why}); choose another --output"


def output_in_store(path: str, db: str) -> str:
    return f"{path} is inside the store {db}; export to a file outside it (choose another --output)"


# --- corrections (events edit / delete) -------------------------------------------------------

def correction_unknown_event(event_id: str, db: str) -> str:
    return f"no event {event_id!r} in {db}; list ids with `events query` and give one of them"


def correction_deleted_event(event_id: str) -> str:
    return f"event {event_id!r} is deleted; edits to it would not show; restore it first or edit another"


def correction_not_editable(column: str) -> str:
    return f"column {column!r} cannot be edited (the store sets it); edit another column"


def correction_unknown_column(column: str) -> str:
    return f"{column!r} is not a column of the event row; `events schema` lists them"


def correction_bad_assignment(text: str) -> str:
    return f"{text!r} is not FIELD=VALUE; write e.g. fatalities=5 (an empty value sets it to null)"


def correction_bad_value(column: str, value: str, problem: str) -> str:
    return f"{column}={value!r}: {problem}; give a value the column accepts (`events schema`)"


def correction_no_reason() -> str:
    return "a correction needs a reason; add --reason TEXT saying why"


def correction_unreadable(path: str, why: str) -> str:
    return f"the corrections table {path} cannot be read ({why}); restore it from a backup or move it aside"


# --- input (one line per rejected item: "<origin>: <reason>") ---------------------------------

def path_missing(path: str) -> str:
    return f"{path} does not exist; check the path"


EMPTY = "empty file"
NO_TEXT = "no article text (only whitespace)"
HTML_NO_TEXT = "HTML page with no main text"


def binary(kind: str) -> str:
    return f"binary file ({kind}), not an article; convert it to text, JSON Lines, CSV or HTML"


def undecodable(tried: str) -> str:
    return f"cannot decode the text (tried {tried}); save it as UTF-8"


def too_large(size: int, limit: int) -> str:
    return f"too large ({size:,} bytes, the limit is {limit:,}); split it or raise --max-bytes"


def json_array_too_large(limit: int) -> str:
    return f"JSON array over {limit:,} bytes; write one article per line (JSON Lines) instead"


def bad_json(why: str) -> str:
    return f"broken JSON ({why})"


def not_an_object(kind: str) -> str:
    return f"expected a JSON object with a 'text' field, got {kind}"


def missing_field(name: str) -> str:
    return f"no {name!r} field"


def bad_field(name: str, value: object, expected: str) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{name} {shown} is not {expected}"


def ragged_row(got: int, expected: int) -> str:
    return f"row has {got} fields, the header has {expected}"


def csv_no_text_column(columns: list[str]) -> str:
    return f"CSV header has no 'text' column (columns: {', '.join(columns) or 'none'})"


def bad_csv(why: str) -> str:
    return f"broken CSV ({why})"


def id_taken(article_id: str) -> str:
    return (f"id {article_id!r} is already used by a different stored article; "
            f"give this article another id")


def unreadable(why: str) -> str:
    return f"cannot read ({why})"


def not_regular(kind: str) -> str:
    return f"not a regular file ({kind}); only regular files are read, use - to read a stream from stdin"


SYMLINK_LOOP = "symbolic link loop (the link leads back to itself); fix or remove the link"
JSON_TOO_DEEP = "broken JSON (nested too deeply to be an article)"


def lone_surrogate(name: str, index: int) -> str:
    return (f"{name} holds a lone surrogate escape at character {index:,}, which is not text; "
            f"fix the encoding of the source")


# --- object storage (events/remote.py) -----------------------------------------------------

CLUSTER_EXTRA = 'pip install "events[cluster]"'


def missing_extra(what: str) -> str:
    return f"{what} needs the optional extra that is not installed; run: {CLUSTER_EXTRA}"


def store_conflict(uri: str, tries: int) -> str:
    return (f"another writer published to {uri} each of the {tries} times this batch was committed; "
            f"nothing of it was published; run the ingest again (stored articles are skipped)")


def not_writable_here(uri: str) -> str:
    return (f"{uri}: writing a store needs S3 (or an S3-compatible server) for its conditional "
            f"manifest put; other object stores can be read, not written")


def remote_failed(uri: str, why: str) -> str:
    return (f"object storage at {uri} failed ({why}); check the bucket, the AWS_* credentials "
            f"and AWS_ENDPOINT_URL")


# --- the cluster engine (events/cluster.py) --------------------------------------------------

def missing_dask() -> str:
    return (f'--engine dask needs the optional extra that is not installed; '
            f'run: {CLUSTER_EXTRA} (or use --engine local)')


def no_scheduler(address: str, why: str) -> str:
    return (f"cannot reach a Dask scheduler at {address} ({why}); start one (`dask scheduler`, "
            f"a Dask Kubernetes cluster) and give its address, or leave --address out for a local cluster")
