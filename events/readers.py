"""Files, folders and stdin -> `Article`s, or a `Rejection` naming the file (and line) and why.

Formats: plain text (one article per file), JSON Lines / a JSON array (`id`, `text`, optional
`title`, `published`, `source`, `url`, `language`), CSV/TSV with the same columns, and HTML
pages (main text and metadata via trafilatura). Bad input is never fatal: each bad file or
item becomes one `Rejection` and reading goes on. Ids are kept as data, never used as paths.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import fcntl
import io
import json
import logging
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from events import errors
from events.article import Article, Item, Rejection  # noqa: F401 (Item, Rejection: the readers' names too)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024          # per article (a text/HTML file, a JSON line, a CSV row)
FORMATS = ("auto", "text", "jsonl", "csv", "html")
STDIN = "-"
_HEAD = 64 * 1024
_ARRAY_FACTOR = 20                            # a JSON array file may hold up to 20 articles' worth
_SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".jsonl": "jsonl",
             ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv",
             ".html": "html", ".htm": "html", ".xhtml": "html"}
_MAGIC = ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"%PDF", "PDF document"), (b"PK\x03\x04", "zip archive"), (b"PK\x05\x06", "zip archive"),
          (b"\x1f\x8b", "gzip archive"), (b"7z\xbc\xaf", "7z archive"), (b"Rar!", "RAR archive"),
          (b"\x7fELF", "executable"), (b"PAR1", "Parquet file"), (b"RIFF", "media file"),
          (b"OggS", "media file"), (b"ID3", "MP3 audio"), (b"\x00\x00\x01\x00", "icon image"),
          (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
          (b"SQLite format 3", "SQLite database"))
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z ]*)?\s*$")
_TEXT_FIELDS = ("title", "source", "url", "language")
_MAX_ID = 200

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)




def expand(paths: Iterable[str | Path]) -> list[str | Path]:
    """Files to read, in order: folders recursively (sorted, hidden entries skipped), `-` as is.

    Raises InputError for a path that does not exist (a usage error, before reading anything).
    """
    out: list[str | Path] = []
    for raw in paths:
        if str(raw) == STDIN:
            out.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        elif path.exists() or path.is_symlink():       # a link loop is reported when read
            out.append(path)
        else:
            raise errors.InputError(errors.path_missing(str(raw)))
    return out


def read(paths: Iterable[str | Path], fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
         stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article (or rejection) from the given files, folders and `-` (stdin)."""
    for path in expand(paths):
        yield from read_path(path, fmt, max_bytes, stdin)


def read_path(path: str | Path, fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
              stdin: BinaryIO | None = None) -> Iterator[Item]:
    """The articles of one file (or of stdin when path is `-`)."""
    is_stdin = str(path) == STDIN
    origin = "<stdin>" if is_stdin else str(path)
    kind = fmt if fmt != "auto" else (None if is_stdin else _SUFFIXES.get(Path(path).suffix.lower()))
    try:
        if is_stdin:
            stream = stdin if stdin is not None else sys.stdin.buffer
            size = None
        else:
            stream, size = _open_regular(path)
    except _NotRegular as exc:
        yield Rejection(origin, errors.not_regular(str(exc)))
        return
    except OSError as exc:
        yield Rejection(origin, errors.SYMLINK_LOOP if exc.errno == errno.ELOOP
                        else errors.unreadable(exc.strerror or str(exc)))
        return
    try:
        yield from _read_stream(stream, origin, kind, size, max_bytes, Path(origin).suffix.lower())
    except OSError as exc:
        yield Rejection(origin, errors.unreadable(exc.strerror or str(exc)))
    finally:
        if not is_stdin:
            stream.close()


class _NotRegular(OSError):
    """A FIFO, socket, device or folder where a file was expected (its kind is the message)."""


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _open_regular(path: str | Path) -> tuple[BinaryIO, int]:
    """Open a regular file for reading without ever blocking: opening a FIFO with O_NONBLOCK
    returns at once, and anything but a regular file is refused before a byte is read."""
    _regular(os.stat(path).st_mode)          # a socket cannot even be opened: say what it is
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)                  # and again on what was opened (it may have changed)
        _regular(info.st_mode)
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise _NotRegular(next((k for test, k in _KINDS if test(mode)), "not a file"))


def _read_stream(stream: BinaryIO, origin: str, kind: str | None, size: int | None,
                 max_bytes: int, suffix: str) -> Iterator[Item]:
    head = stream.read(_HEAD)
    if not head:
        yield Rejection(origin, errors.EMPTY)
        return
    what = sniff_binary(head)
    if what:
        yield Rejection(origin, errors.binary(what))
        return
    complete = len(head) < _HEAD
    encoding = detect_encoding(head, complete)
    if kind is None:
        kind = _sniff_kind(head, encoding)
    if kind in ("jsonl", "csv"):
        if encoding is None:
            yield Rejection(origin, errors.undecodable("UTF-8, UTF-16 with BOM, cp1252"))
            return
        lines = _lines(head, stream, encoding, max_bytes * _ARRAY_FACTOR, max_bytes)
        if kind == "csv":
            yield from _read_csv(lines, origin, max_bytes, delimiter="\t" if suffix == ".tsv" else ",")
        else:
            yield from _read_json(lines, origin, max_bytes)
        return
    # one article per file: refuse oversized files without reading them whole
    if size is not None and size > max_bytes:
        yield Rejection(origin, errors.too_large(size, max_bytes))
        return
    data = head + stream.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield Rejection(origin, errors.too_large(len(data), max_bytes))
        return
    if kind == "html":
        yield _read_html(data, origin)
        return
    text = decode(data)
    if text is None:
        yield Rejection(origin, errors.undecodable("UTF-8, UTF-16 with BOM, cp1252"))
        return
    text = _clean(text)
    yield Article(text=text, origin=origin) if text else Rejection(origin, errors.NO_TEXT)


# --- sniffing and decoding -------------------------------------------------------------------

def sniff_binary(head: bytes) -> str | None:
    """What kind of binary file this is (None for text): magic numbers, then NUL bytes."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def detect_encoding(head: bytes, complete: bool = True) -> str | None:
    """utf-8-sig / utf-16 by BOM, else utf-8 when it decodes, else cp1252 when plausible."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return "cp1252" if _plausible_cp1252(head) else None


def decode(data: bytes) -> str | None:
    """The text of a whole article's bytes, or None when no encoding reads it plausibly."""
    enc = detect_encoding(data)
    if enc is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return data.decode("cp1252") if _plausible_cp1252(data) else None


def _plausible_cp1252(data: bytes) -> bool:
    """cp1252 decodes it and it reads like text: no control characters, mostly letters."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    odd = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cn")
                                   and ch not in "\t\n\r\f"))
    letters = sum(1 for ch in text if ch.isalnum() or ch.isspace())
    return odd == 0 and letters >= 0.6 * len(text)


def _sniff_kind(head: bytes, encoding: str | None) -> str:
    text = head.decode(encoding or "latin-1", errors="ignore").lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        return "jsonl"
    low = text[:2000].lower()
    if text.startswith("<") and ("<html" in low or "<!doctype html" in low or "<body" in low
                                 or "<article" in low or "<p>" in low):
        return "html"
    return "text"


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _lines(head: bytes, stream: BinaryIO, encoding: str, cap: int,
           line_cap: int | None = None) -> Iterator[tuple[int, str | None, int]]:
    """(line number, decoded line or None when undecodable, byte length) of a stream.

    A line longer than `line_cap` (or `cap` in a JSON array, which may be one long line) is
    skipped unread, so a huge file never sits in memory."""
    if encoding == "utf-16":           # rare: decode the whole file (bounded), then split
        data = head + stream.read(cap + 1 - len(head))
        text = data.decode("utf-16", errors="replace")
        for n, line in enumerate(text.split("\n"), 1):    # not splitlines: JSON may hold U+2028
            yield n, line, len(line.encode("utf-8"))
        return
    buffered = io.BufferedReader(_Prefixed(head, stream))
    n = 0
    limit = cap if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") else (line_cap or cap)
    while True:
        raw = buffered.readline(limit + 1)
        if not raw:
            return
        n += 1
        length = len(raw)
        if length > limit:                       # a huge line: skip the rest of it unread
            while not raw.endswith(b"\n"):
                raw = buffered.readline(1 << 20)
                if not raw:
                    break
                length += len(raw)
            yield n, "", length
            continue
        if n == 1 and encoding == "utf-8-sig":
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield n, raw.decode("utf-8" if encoding == "utf-8-sig" else encoding), length
        except UnicodeDecodeError:
            yield n, raw.decode("cp1252") if _plausible_cp1252(raw) else None, length


class _Prefixed(io.RawIOBase):
    """A raw stream that replays the already-read head before the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[:len(data)] = data
        return len(data)


# --- JSON Lines / JSON array -----------------------------------------------------------------

def _read_json(lines: Iterator[tuple[int, str | None, int]], origin: str,
               max_bytes: int) -> Iterator[Item]:
    first = True
    for n, line, length in lines:
        where = f"{origin}:{n}"
        if line is None:
            yield Rejection(where, errors.undecodable("UTF-8, cp1252"))
            continue
        if line == "" and length > 0:                   # a line over the cap, skipped
            yield Rejection(where, errors.too_large(length, max_bytes))
            first = False
            continue
        if first and line.lstrip().startswith("["):      # a JSON array: read the rest whole
            yield from _read_json_array(line, lines, origin, max_bytes)
            return
        first = False
        if not line.strip():
            continue
        if length > max_bytes:
            yield Rejection(where, errors.too_large(length, max_bytes))
            continue
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield Rejection(where, errors.bad_json(f"{exc.msg.removesuffix(' at')} at column {exc.colno}"))
            continue
        except RecursionError:
            yield Rejection(where, errors.JSON_TOO_DEEP)
            continue
        except ValueError as exc:           # e.g. an integer past Python's digit limit
            yield Rejection(where, errors.bad_json(str(exc).split(";")[0][:120]))
            continue
        yield article_from_record(record, where, max_bytes)


def _lone_surrogate(text: str) -> int | None:
    """Where a JSON `\\ud800`-style escape left half a surrogate pair (not storable text)."""
    try:
        text.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        return exc.start


def _read_json_array(first: str, lines: Iterator[tuple[int, str | None, int]], origin: str,
                     max_bytes: int) -> Iterator[Item]:
    parts, total = [first], len(first)
    for _n, line, length in lines:
        total += length
        if total > max_bytes * _ARRAY_FACTOR:
            yield Rejection(origin, errors.json_array_too_large(max_bytes * _ARRAY_FACTOR))
            return
        if line is None or (line == "" and length > 0):
            yield Rejection(origin, errors.undecodable("UTF-8, cp1252"))
            return
        parts.append(line)
    try:
        records = json.loads("".join(parts))
    except json.JSONDecodeError as exc:
        yield Rejection(f"{origin}:{exc.lineno}", errors.bad_json(f"{exc.msg.removesuffix(' at')} at column {exc.colno}"))
        return
    except RecursionError:
        yield Rejection(origin, errors.JSON_TOO_DEEP)
        return
    except ValueError as exc:
        yield Rejection(origin, errors.bad_json(str(exc).split(";")[0][:120]))
        return
    if not isinstance(records, list):
        yield Rejection(origin, errors.not_an_object(type(records).__name__))
        return
    for i, record in enumerate(records, 1):
        yield article_from_record(record, f"{origin}[{i}]", max_bytes)


def _parse_date(value: object) -> dt.date | None | str:
    """A date from an ISO string (time part ignored); the error text when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        m = _DATE.match(value)
        if m:
            try:
                return dt.date.fromisoformat(m.group(1))
            except ValueError:
                pass
    return errors.bad_field("published", value, "an ISO date (YYYY-MM-DD)")


def article_from_record(record: object, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Item:
    """An Article from a JSON object or CSV row, or the reason it cannot be one."""
    if not isinstance(record, dict):
        return Rejection(origin, errors.not_an_object(type(record).__name__))
    text = record.get("text")
    if text is None:
        return Rejection(origin, errors.missing_field("text"))
    if not isinstance(text, str):
        return Rejection(origin, errors.bad_field("text", text, "a string"))
    for name in ("text", "id", *_TEXT_FIELDS):
        value = record.get(name)
        at = _lone_surrogate(value) if isinstance(value, str) else None
        if at is not None:
            return Rejection(origin, errors.lone_surrogate(name, at))
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        return Rejection(origin, errors.too_large(size, max_bytes))
    text = _clean(text)
    if not text:
        return Rejection(origin, errors.NO_TEXT)
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        article_id = None
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        article_id = str(raw_id).strip() or None
        if article_id and (len(article_id) > _MAX_ID or not article_id.isprintable()):
            return Rejection(origin, errors.bad_field("id", raw_id, f"a printable id of at most {_MAX_ID} characters"))
    else:
        return Rejection(origin, errors.bad_field("id", raw_id, "a string or number"))
    meta: dict[str, str | None] = {}
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Rejection(origin, errors.bad_field(name, value, "a string"))
        meta[name] = value.strip() or None if isinstance(value, str) else None
    published = _parse_date(record.get("published"))
    if isinstance(published, str):
        return Rejection(origin, published)
    return Article(text=text, id=article_id, published=published, origin=origin, **meta)


# --- CSV -------------------------------------------------------------------------------------

def _read_csv(lines: Iterator[tuple[int, str | None, int]], origin: str, max_bytes: int,
              delimiter: str = ",") -> Iterator[Item]:
    numbers: list[int] = []
    bad: list[tuple[int, str]] = []

    def text_lines() -> Iterator[str]:
        for n, line, length in lines:
            if line is None or (line == "" and length > 0):
                bad.append((n, errors.undecodable("UTF-8, cp1252") if line is None
                            else errors.too_large(length, max_bytes)))
                numbers.append(n)
                yield "\n"
                continue
            numbers.append(n)
            yield line

    csv.field_size_limit(max(max_bytes * _ARRAY_FACTOR, 131072))
    reader = csv.reader(text_lines(), delimiter=delimiter)
    header: list[str] | None = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Rejection(f"{origin}:{numbers[-1] if numbers else 1}", errors.bad_csv(str(exc)))
            continue
        line_no = numbers[-1] if numbers else reader.line_num
        if bad:
            for n, reason in bad:
                yield Rejection(f"{origin}:{n}", reason)
            bad.clear()
            continue
        if not row or all(not cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower().lstrip("\ufeff") for cell in row]
            if "text" not in header:
                yield Rejection(origin, errors.csv_no_text_column(header))
                return
            continue
        if len(row) != len(header):
            yield Rejection(f"{origin}:{line_no}", errors.ragged_row(len(row), len(header)))
            continue
        record = {k: (v if v != "" else None) for k, v in zip(header, row)}
        yield article_from_record(record, f"{origin}:{line_no}", max_bytes)
    for n, reason in bad:
        yield Rejection(f"{origin}:{n}", reason)


# --- HTML ------------------------------------------------------------------------------------

def _read_html(data: bytes, origin: str) -> Item:
    import trafilatura   # imported here: slow to import, and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura on hostile markup: a rejection, not a crash
        return Rejection(origin, errors.unreadable(f"HTML parser failed: {type(exc).__name__}"))
    text = _clean(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text:
        return Rejection(origin, errors.HTML_NO_TEXT)
    published = _parse_date(getattr(doc, "date", None))
    return Article(text=text, title=getattr(doc, "title", None) or None,
                   published=published if isinstance(published, dt.date) else None,
                   source=getattr(doc, "sitename", None) or None,
                   url=getattr(doc, "url", None) or None,
                   language=getattr(doc, "language", None) or None, origin=origin)
