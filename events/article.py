"""What flows between the pieces: `Article` (the text and its metadata), `Sentence` (offsets),
`Rejection` (an input item not read, and why) and `Doc` (an article on its way through the stages,
with the options of its run and the reasons an article gives no row)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")

EXTRACTOR_VERSION = "0.1.0"   # in every row (extractor_version): which coder made it


def normalise_text(text: str) -> str:
    """The form two copies of one article share: NFKC, whitespace collapsed, trimmed.

    str.split() splits on exactly the characters `\\s` matches (str.isspace), ~4x faster than
    `_SPACE.sub(" ", ...).strip()`, which gives the same string (tests/test_ingest_hash.py)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def text_hash(text: str) -> str:
    """sha256 (hex) of the normalised text: the key that makes ingest idempotent."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as read from any input.

    `id` is the input's own id where it gives one, else derived from the text hash;
    `origin` says where it came from (file and line) for messages, and is never a path to write.
    """
    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str = ""
    text_hash: str = field(init=False)

    def __post_init__(self) -> None:
        self.text_hash = text_hash(self.text)
        if not self.id:
            self.id = "a" + self.text_hash[:16]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its text and its character span in `Article.text`."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Rejection:
    """An input item that was not read, and why: printed as `<origin>: <reason>`."""
    origin: str
    reason: str

    def __str__(self) -> str:
        origin = self.origin if self.origin.isprintable() else repr(self.origin)[1:-1]
        return f"{origin}: {self.reason}"       # one line, even for a file name with a newline


Item = Article | Rejection


# Why an article gave no row (the run summary counts them, `extract --explain` says which).
NO_EVENT_WORDS, BACKGROUND_ONLY, NO_DATE, NO_PLACE = "no event words", "background only", "no date", "no place"
NO_ROW_REASONS = (NO_EVENT_WORDS, BACKGROUND_ONLY, NO_DATE, NO_PLACE)
# How the assemble stage's detail of a `no place` drop begins when the event is located only to
# a country: the one kind `--keep-unlocated` turns into a row (the summary counts only these).
COUNTRY_ONLY = "located only to a country"


@dataclass(frozen=True)
class Options:
    """What the caller decides for a run rather than the text: a publication date for inputs
    that carry none (`--published`), and country-only events kept as rows (`--keep-unlocated`)."""
    published: dt.date | None = None
    keep_unlocated: bool = False


# The options of the run an article is coded in (`events.pipeline.options` sets them).
OPTIONS: ContextVar[Options] = ContextVar("events_pipeline_options", default=Options())


@dataclass
class Doc:
    """One article on its way through the stages: the text and everything found so far."""
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    language: str | None = None
    findings: dict[str, Any] = field(default_factory=dict)   # stage name -> its findings
    rows: list[dict] = field(default_factory=list)
    options: Options = field(default_factory=lambda: OPTIONS.get())
    no_rows: tuple[str, str] | None = None     # (reason, detail) when the article gives no row
    dropped: list[tuple[str, str]] = field(default_factory=list)   # events that gave no row, and why
