"""The runner: article in, validated event rows out.

The pipeline is a list of stage names. Each stage is a module `events.extract.<name>` with
one entry point `run(doc: Doc) -> None` that reads what earlier stages left on the `Doc`
and adds its own findings. The last stage (`assemble`) fills `doc.rows`. A stage that raises
is named in the result's errors and the article yields no rows; the batch goes on.
"""
from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from events import schema
from events.article import (  # noqa: F401 (re-exported: the runner's callers know them by these names)
    BACKGROUND_ONLY, COUNTRY_ONLY, EXTRACTOR_VERSION, NO_DATE, NO_EVENT_WORDS, NO_PLACE, NO_ROW_REASONS, Article,
    Doc, Options, Sentence)
from events.article import OPTIONS as _options

# Stages in order. A stage is listed here once its module exists in events/extract/.
STAGES: list[str] = ["language", "sentences", "dateline", "dates", "places", "event_types", "casualties",
                     "actors", "assemble"]


@contextmanager
def options(**changes: Any) -> Iterator[Options]:
    """Run options for every article coded inside the block (also by the store's ingest/recode)."""
    token = _options.set(replace(_options.get(), **changes))
    try:
        yield _options.get()
    finally:
        _options.reset(token)


@dataclass
class Result:
    article: Article
    rows: list[dict]
    errors: list[str]
    no_rows: str | None = None                 # one of NO_ROW_REASONS when there is no row
    why: str = ""                              # the detail, in a sentence
    dropped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Tally:
    """A run's count of articles with no row, by reason, and of undated events."""
    articles: int = 0
    no_rows: dict[str, int] = field(default_factory=dict)
    undated: int = 0
    unlocated_dropped: int = 0

    def add(self, result: Result) -> None:
        self.articles += 1
        if result.no_rows:
            self.no_rows[result.no_rows] = self.no_rows.get(result.no_rows, 0) + 1
        self.undated += sum(1 for r in result.rows if r.get("event_date") is None)
        self.unlocated_dropped += sum(1 for reason, why in result.dropped
                                      if reason == NO_PLACE and why.startswith(COUNTRY_ONLY))

    def summary(self) -> str:
        """`12 articles gave no row (7 no event words, 3 background only, 2 no place); 4 events undated`."""
        total = sum(self.no_rows.values())
        line = f"{total:,} article{'' if total == 1 else 's'} gave no row"
        if total:
            line += " (" + ", ".join(f"{self.no_rows[k]:,} {k}" for k in NO_ROW_REASONS if k in self.no_rows) + ")"
        if self.undated:
            line += f"; {self.undated:,} event{'' if self.undated == 1 else 's'} undated (no publication date)"
        if self.unlocated_dropped:
            line += (f"; {self.unlocated_dropped:,} event{'' if self.unlocated_dropped == 1 else 's'} located "
                     "only to a country not written (--keep-unlocated keeps them)")
        return line


_tallies: ContextVar[tuple[Tally, ...]] = ContextVar("events_pipeline_tallies", default=())


@contextmanager
def tally() -> Iterator[Tally]:
    """Count every article coded inside the block (the store runs the pipeline itself)."""
    counted = Tally()
    token = _tallies.set(_tallies.get() + (counted,))
    try:
        yield counted
    finally:
        _tallies.reset(token)


# The cyclic collector's young generation is collected every GC_YOUNG allocations instead of
# Python's 700: an article makes hundreds of thousands of small findings that refcounting
# frees, and each collection walks every young object again (a quarter of a 5 MB article's
# time with the default).
GC_YOUNG = 10_000
_prepared = False


# Two short texts of our own, one per shipped language, coded once per process before real
# work so that every table (language model, gazetteer, triggers, numbers, dates) is loaded.
WARM_UP = (
    Article(text="JAKARTA, 1 March 2024 - Gunmen attacked a police post in Jayapura, Papua, on "
                 "Friday, killing two officers and wounding three, police said."),
    Article(text="JAYAPURA - Kelompok bersenjata menyerang pos polisi di Jayapura, Papua, pada "
                 "Jumat (1/3/2024). Dua polisi tewas dan tiga lainnya luka-luka."),
)


def prepare(stages: Iterable[str] | None = None, opts: Options | None = None) -> None:
    """Load every stage's tables (the warm-up texts, coded uncounted and thrown away), then
    `settle_memory`: what a process does once before coding articles."""
    global _prepared
    if _prepared:
        return
    _prepared = True
    token = _tallies.set(())
    try:
        for article in WARM_UP:
            try:
                run_article(replace(article), stages, opts)
            except Exception:     # a broken stage is reported per article, not at start-up
                pass
    finally:
        _tallies.reset(token)
    settle_memory()


def settle_memory() -> None:
    """Move what this process holds now (the stages' tables once loaded) out of the cyclic
    collector's reach for good (`gc.freeze`: they live as long as the process) and collect
    young objects less often. Called by the commands' runners (in each worker after its
    tables load, in the calling process when a run starts), never on import: a notebook keeps
    its own collector settings."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, older, oldest)


_modules: dict[str, ModuleType] = {}


def _stage(name: str) -> Callable[[Doc], None]:
    if name not in _modules:
        _modules[name] = importlib.import_module(f"events.extract.{name}")
    return _modules[name].run


def run_article(article: Article, stages: Iterable[str] | None = None, opts: Options | None = None) -> Result:
    """Run every stage over one article; name the stage that fails; validate the rows."""
    doc = Doc(article=article, options=opts or _options.get())
    for name in (STAGES if stages is None else stages):
        try:
            _stage(name)(doc)
        except Exception as exc:  # a stage's bug must not stop the batch
            return _counted(Result(article, [], [f"stage '{name}' failed: {type(exc).__name__}: {exc}"]))
    rows, errors = [], []
    for row in doc.rows:
        problems = schema.validate_row(row)
        if problems:
            errors.append(f"row dropped ({'; '.join(problems)})")
        else:
            rows.append(row)
    dateline = doc.findings.get("dateline")
    if doc.options.published and article.published is None and getattr(dateline, "published", None):
        article.published = dateline.published     # stored with the article: recode gives the same rows
    reason, why = doc.no_rows if doc.no_rows and not rows and not errors else (None, "")
    return _counted(Result(article, rows, errors, reason, why, list(doc.dropped)))


def _counted(result: Result) -> Result:
    for counted in _tallies.get():
        counted.add(result)
    return result


def extract(article: Article) -> list[dict]:
    """Event rows for one article (each valid against schemas/event.toml)."""
    return run_article(article).rows
