"""The store on object storage (`--db s3://bucket/prefix`) and inputs read through fsspec.

Layout under the prefix: the same relative names as a store folder (events.store) --
`manifest.json`, `articles/part-*.parquet`, `events/year=*/part-*.parquet`,
`event_sources/part-*.parquet` -- plus `corrections/corrections-<gen>-<uid>.parquet` when
merges were recorded. Data files are written once, under new names, and never rewritten.

The manifest is the only thing readers trust, and it is published with one conditional put:
`If-None-Match: *` for a new store, `If-Match: <the ETag it was read with>` after that. A
writer that read generation N can only replace generation N: when another writer published
first, S3 refuses the put (412) and nothing of ours becomes visible; the files we uploaded
for it are deleted, the state is read again and the commit is redone on top of it (the
articles are coded already; dedup and merging run again against the new state), a few times,
then the write is refused with one error line. No lock object is needed.

Writing goes through the local store code unchanged: a `RemoteStore` keeps a mirror of the
live files in a temporary folder, commits there with `Store.commit` (dedup, merge, compaction,
one publish), uploads the new files, then publishes the manifest. So a remote ingest gives the
same rows and ids as a local one, by construction. Reading (`datasets`) never downloads a
whole file: pyarrow reads the live files through the fsspec filesystem
(`PyFileSystem(FSSpecHandler(fs))`), so DuckDB needs no extension.

Credentials and endpoint: the usual AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_SESSION_TOKEN, AWS_PROFILE, AWS_DEFAULT_REGION) and AWS_ENDPOINT_URL for S3-compatible
servers (MinIO, Ceph, moto). Needs the optional extra: pip install "events[cluster]".
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from events import errors, pipeline, readers
from events.store import MANIFEST, TABLES, IngestReport, Manifest, Store, table_schema

EXTRA = errors.CLUSTER_EXTRA
CORRECTIONS = "corrections.parquet"          # the store folder's file (events.corrections.FILE)
CONFLICT_RETRIES = 5                         # a refused publish is redone this often, then refused
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_CONFLICT_CODES = {"PreconditionFailed", "ConditionalRequestConflict"}


class StoreConflictError(errors.StoreLockedError):
    """Another writer published while we were committing, again and again."""


def is_uri(target: object) -> bool:
    """Whether `target` names object storage (`s3://...`, `gs://...`) rather than a local path."""
    return isinstance(target, str) and bool(_URI.match(target)) and not target.startswith("file://")


# --- filesystems -------------------------------------------------------------------------------

def failures() -> tuple[type[BaseException], ...]:
    """What a call to object storage raises when it fails: OSError from fsspec/s3fs, and
    botocore's own errors (no credentials found, endpoint unreachable) that s3fs lets through."""
    try:
        from botocore.exceptions import BotoCoreError
    except ImportError:
        return (OSError,)
    return (OSError, BotoCoreError)


def filesystem(uri: str) -> tuple[Any, str]:
    """(fsspec filesystem, path without the scheme) for `uri`; S3 takes AWS_ENDPOINT_URL."""
    try:
        import fsspec
    except ImportError:
        raise errors.EventsError(errors.missing_extra(f"reading {uri}")) from None
    protocol = uri.split("://", 1)[0].lower()
    options: dict[str, Any] = {}
    if protocol in ("s3", "s3a"):
        try:
            import s3fs  # noqa: F401
        except ImportError:
            raise errors.EventsError(errors.missing_extra(f"reading {uri}")) from None
        endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        if endpoint:
            options["endpoint_url"] = endpoint
        options["use_listings_cache"] = False
    try:
        fs, path = fsspec.core.url_to_fs(uri, **options)
    except (ImportError, ValueError) as exc:
        raise errors.EventsError(f"cannot open {uri} ({exc}); {EXTRA} brings S3 support") from None
    return fs, path.rstrip("/")


def _is_s3(fs: Any) -> bool:
    return "s3" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))


def _client_error_code(exc: BaseException) -> str | None:
    """The S3 error code behind an s3fs exception (s3fs chains botocore's ClientError)."""
    seen = exc
    while seen is not None:
        response = getattr(seen, "response", None)
        if isinstance(response, dict):
            return response.get("Error", {}).get("Code")
        seen = seen.__cause__
    return None


class ObjectStore:
    """The objects under one prefix: immutable files and the conditionally published manifest."""

    def __init__(self, uri: str) -> None:
        self.uri = uri.rstrip("/")
        self.fs, self.root = filesystem(self.uri)

    def path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def _bucket_key(self, rel: str) -> tuple[str, str]:
        bucket, _, key = self.path(rel).partition("/")
        return bucket, key

    def read_manifest(self) -> tuple[bytes | None, str | None]:
        """(manifest text, its ETag), or (None, None) when no manifest was ever published."""
        if not _is_s3(self.fs):
            try:
                return self.fs.cat_file(self.path(MANIFEST)), None
            except FileNotFoundError:
                return None, None
        from fsspec.asyn import sync

        bucket, key = self._bucket_key(MANIFEST)

        async def get() -> tuple[bytes, str]:
            answer = await self.fs._call_s3("get_object", Bucket=bucket, Key=key)
            body = answer["Body"]
            try:
                data = await body.read()
            finally:
                body.close()
            return data, answer["ETag"]

        try:
            return sync(self.fs.loop, get)
        except FileNotFoundError:
            return None, None

    def publish_manifest(self, data: bytes, etag: str | None) -> str:
        """Put the manifest only if it is still the one read with `etag` (None: only if there is
        none yet); return the new ETag. A refused put raises StoreConflictError."""
        if not _is_s3(self.fs):
            raise errors.StoreNotWritableError(errors.not_writable_here(self.uri))
        bucket, key = self._bucket_key(MANIFEST)
        condition = {"IfMatch": etag} if etag else {"IfNoneMatch": "*"}
        try:
            answer = self.fs.call_s3("put_object", Bucket=bucket, Key=key, Body=data,
                                     ContentType="application/json", **condition)
        except failures() as exc:
            if _client_error_code(exc) in _CONFLICT_CODES or (etag is None and isinstance(exc, FileExistsError)):
                raise StoreConflictError(errors.store_conflict(self.uri, 1)) from None
            raise
        return answer["ETag"]

    def upload(self, files: list[tuple[Path, str]]) -> None:
        """Put local files under their relative names (new names only: nothing is overwritten)."""
        if files:
            self.fs.put([str(local) for local, _ in files], [self.path(rel) for _, rel in files])

    def download(self, rels: list[str], folder: Path) -> None:
        """Fetch objects to the same relative names under `folder` (all at once, each whole or
        not at all: fetched under a temporary name, then renamed)."""
        if not rels:
            return
        tmps = [folder / f"{rel}.download" for rel in rels]
        for tmp in tmps:
            tmp.parent.mkdir(parents=True, exist_ok=True)
        self.fs.get([self.path(r) for r in rels], [str(t) for t in tmps])
        for rel, tmp in zip(rels, tmps):
            os.replace(tmp, folder / rel)

    def delete(self, rels: Iterable[str]) -> None:
        paths = [self.path(r) for r in rels]
        if paths:
            self.fs.rm(paths)


# --- reading: datasets for DuckDB ----------------------------------------------------------------

def load_manifest(uri: str) -> tuple[ObjectStore, dict, Manifest]:
    """The published manifest of the store at `uri` (raw JSON and parsed); empty when none."""
    objects = ObjectStore(uri)
    try:
        raw, _etag = objects.read_manifest()
    except failures() as exc:
        raise errors.EventsError(errors.remote_failed(uri, str(exc) or type(exc).__name__)) from None
    if raw is None:
        return objects, {}, Manifest()
    text = raw.decode("utf-8", errors="replace")
    m = Manifest.parse(text, f"{objects.uri}/{MANIFEST}")
    return objects, json.loads(text), m


def datasets(uri: str) -> dict[str, Any]:
    """A pyarrow dataset per table over the manifest's live files, read through fsspec.

    Nothing is downloaded whole: DuckDB scans these datasets, pyarrow reads footers and the
    row groups it needs through `PyFileSystem(FSSpecHandler(fs))`.
    """
    import pyarrow.dataset as pads
    from pyarrow.fs import FSSpecHandler, PyFileSystem

    objects, _raw, m = load_manifest(uri)
    arrow_fs = PyFileSystem(FSSpecHandler(objects.fs))
    try:
        return {t: pads.dataset([objects.path(rel) for rel in m.files[t]], schema=table_schema(t),
                                format="parquet", filesystem=arrow_fs) for t in TABLES}
    except failures() as exc:
        raise errors.StoreCorruptError(errors.manifest_missing_file(f"{uri} ({exc})")) from None


# --- writing: a local mirror committed by events.store, published by conditional put -----------

class RemoteStore(Store):
    """A store under an object-store prefix, written through a local mirror of its live files.

    Every publish of the local store code (`commit`, `recode`) is followed by the upload of the
    files it created and one conditional put of the manifest; a refused put means another
    writer published first: the mirror is dropped, the state read again, the commit redone.
    """

    def __init__(self, uri: str, lock_timeout: float | None = None,
                 on_lock_wait: Callable[[], None] | None = None, merging: bool = True) -> None:
        self.uri = uri.rstrip("/")
        self.objects = ObjectStore(self.uri)
        self._etag: str | None = None
        self._remote: dict = {}                  # the manifest as published (raw JSON fields)
        self._remote_has: set[str] = set()       # data files the published manifest names
        self._uploaded: list[str] = []           # files put during the publish under way
        super().__init__(self._new_mirror(), lock_timeout, on_lock_wait, merging)

    def _new_mirror(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="events-remote-"))
        weakref.finalize(self, shutil.rmtree, folder, True)
        return folder

    # --- the mirror follows the published state --------------------------------------------

    def sync(self) -> Manifest:
        """Read the published manifest and fetch the live files the mirror lacks."""
        try:
            raw, etag = self.objects.read_manifest()
        except failures() as exc:
            raise errors.EventsError(errors.remote_failed(self.uri, str(exc) or type(exc).__name__)) from None
        if raw is None:
            if (self.db / MANIFEST).exists():     # published before and gone: start again empty
                self._reset()
            self._etag, self._remote, self._remote_has = None, {}, set()
            return Manifest()
        text = raw.decode("utf-8", errors="replace")
        m = Manifest.parse(text, f"{self.uri}/{MANIFEST}")
        data = json.loads(text)
        try:
            self.objects.download(sorted({p for t in TABLES for p in m.files[t]
                                          if not (self.db / p).exists()}), self.db)
            corrections = data.get("corrections")
            local = self.db / CORRECTIONS
            if corrections and _digest(local) != data.get("corrections_sha256"):
                self.objects.download([corrections], self.db)
                os.replace(self.db / corrections, local)
            elif not corrections and local.exists():
                local.unlink()
        except FileNotFoundError as exc:
            raise errors.StoreCorruptError(errors.manifest_missing_file(f"{self.uri}: {exc}")) from None
        except failures() as exc:
            raise errors.EventsError(errors.remote_failed(self.uri, str(exc) or type(exc).__name__)) from None
        tmp = self.db / f".{MANIFEST}.sync"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self.db / MANIFEST)
        self._etag, self._remote = etag, data
        self._remote_has = _named(data)
        return m

    def _reset(self) -> None:
        """Drop the mirror (after a refused publish its manifest is not the published one)."""
        shutil.rmtree(self.db, ignore_errors=True)
        self.db = self._new_mirror()
        self._known, self._known_generation = {}, -1

    # --- the local store's publish, then ours --------------------------------------------------

    def _publish(self, m: Manifest) -> None:
        super()._publish(m)
        local = json.loads((self.db / MANIFEST).read_text(encoding="utf-8"))
        new_files = sorted(_named(local) - self._remote_has)
        corrections_file = self.db / CORRECTIONS
        digest = _digest(corrections_file)
        if digest:
            if digest == self._remote.get("corrections_sha256"):
                local["corrections"] = self._remote["corrections"]
            else:
                local["corrections"] = f"corrections/corrections-{m.generation:06d}-{uuid.uuid4().hex[:12]}.parquet"
            local["corrections_sha256"] = digest
        uploads = [(self.db / rel, rel) for rel in new_files]
        if digest and local["corrections"] != self._remote.get("corrections"):
            uploads.append((corrections_file, local["corrections"]))
        self._uploaded = [rel for _, rel in uploads]
        try:
            self.objects.upload(uploads)
            self._etag = self.objects.publish_manifest(json.dumps(local, indent=1).encode("utf-8"), self._etag)
        except StoreConflictError:
            self._discard_uploads()
            raise
        except failures() as exc:
            self._discard_uploads()
            raise errors.StoreNotWritableError(errors.remote_failed(self.uri, str(exc) or type(exc).__name__)) from None
        gone = (self._remote_has - _named(local)) | (
            {self._remote["corrections"]} if self._remote.get("corrections") not in (None, local.get("corrections")) else set())
        self._remote, self._remote_has, self._uploaded = local, _named(local), []
        try:
            self.objects.delete(sorted(gone))    # retired past their grace period, by the local code
        except failures():
            pass                                 # left behind, never named again: harmless

    def _discard_uploads(self) -> None:
        try:
            self.objects.delete(self._uploaded)  # ours alone (new names), never published
        except failures():
            pass
        self._uploaded = []

    def rebuild_views(self, m: Manifest | None = None) -> None:
        """No events.duckdb on object storage: readers open the manifest (events.query)."""

    def views_fresh(self) -> bool:
        return True

    # --- what the store does, each time on the published state --------------------------------

    def _redo(self, work: Callable[[], Any]) -> Any:
        for _ in range(CONFLICT_RETRIES):
            self.sync()
            try:
                return work()
            except StoreConflictError:
                self._reset()
        raise StoreConflictError(errors.store_conflict(self.uri, CONFLICT_RETRIES))

    def commit(self, results: list[pipeline.Result], report: IngestReport | None = None) -> IngestReport:
        report = report or IngestReport()

        def attempt() -> IngestReport:
            part = Store.commit(self, results, IngestReport())
            report.new += part.new
            report.already += part.already
            report.events += part.events
            report.rejected.extend(part.rejected)
            return report

        return self._redo(attempt)

    def ingest(self, items: Iterable, **kwargs: Any) -> IngestReport:
        self.sync()
        return super().ingest(items, **kwargs)

    def recode(self, **kwargs: Any):
        raise errors.EventsError(f"{self.uri}: `events recode` works on a local store folder only")

    def repair(self):
        raise errors.EventsError(f"{self.uri}: `events repair` works on a local store folder only")


def _named(manifest: dict) -> set[str]:
    """Every data file a manifest names: live and retired (readers of the last one may need them)."""
    files = manifest.get("files", {})
    return ({p for t in TABLES for p in files.get(t, [])}
            | {r["path"] for r in manifest.get("retired", []) if isinstance(r, dict)})


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def open_store(db: str | os.PathLike, **kwargs: Any) -> Store:
    """The store at `db`: a local folder (events.store.Store) or an object-store prefix."""
    return RemoteStore(str(db), **kwargs) if is_uri(db) else Store(db, **kwargs)


# --- inputs ------------------------------------------------------------------------------------

def expand(paths: Iterable[str | os.PathLike]) -> list[str | Path]:
    """Files to read, in order: local paths as readers.expand does, URIs by fsspec glob (sorted).

    A URI that matches nothing is a usage error, as a missing local path is.
    """
    out: list[str | Path] = []
    for raw in paths:
        if not is_uri(raw):
            out.extend(readers.expand([raw]))
            continue
        fs, path = filesystem(str(raw))
        protocol = str(raw).split("://", 1)[0]
        try:
            if any(c in path for c in "*?["):
                found = sorted(fs.glob(path))
            elif fs.isdir(path):
                found = sorted(p for p in fs.find(path) if not Path(p).name.startswith("."))
            else:
                found = [path] if fs.exists(path) else []
        except failures() as exc:
            raise errors.InputError(errors.remote_failed(str(raw), str(exc) or type(exc).__name__)) from None
        if not found:
            raise errors.InputError(errors.path_missing(str(raw)))
        out.extend(f"{protocol}://{p}" for p in found)
    return out


def read_path(path: str | Path, fmt: str = "auto", max_bytes: int = readers.DEFAULT_MAX_BYTES
              ) -> Iterator[readers.Item]:
    """The articles of one local file or object (an object is read as the readers read a file)."""
    if not is_uri(path):
        yield from readers.read_path(path, fmt, max_bytes)
        return
    uri = str(path)
    fs, key = filesystem(uri)
    suffix = Path(key).suffix.lower()
    kind = fmt if fmt != "auto" else readers._SUFFIXES.get(suffix)
    try:
        size = fs.size(key)
        stream = fs.open(key, "rb")
    except failures() as exc:
        yield readers.Rejection(uri, errors.unreadable(str(exc) or type(exc).__name__))
        return
    try:
        yield from readers._read_stream(stream, uri, kind, size, max_bytes, suffix)
    except failures() as exc:
        yield readers.Rejection(uri, errors.unreadable(str(exc) or type(exc).__name__))
    finally:
        stream.close()

