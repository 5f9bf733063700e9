"""The runner: article in, validated event rows out.

The pipeline is a list of stage names. Each stage is a module `events.extract.<name>` with
one entry point `run(doc: Doc) -> None` that reads what earlier stages left on the `Doc`
and adds its own findings. The last stage (`assemble`) fills `doc.rows`. A stage that raises
is named in the result's errors and the article yields no rows; the batch goes on.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from events import schema
from events.article import Article, Sentence

EXTRACTOR_VERSION = "0.1.0"

# Stages in order. A stage is listed here once its module exists in events/extract/.
STAGES: list[str] = ["language", "sentences", "dateline", "dates", "places", "event_types", "casualties",
                     "actors", "assemble"]


@dataclass
class Doc:
    """One article on its way through the stages: the text and everything found so far."""
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    language: str | None = None
    findings: dict[str, Any] = field(default_factory=dict)   # stage name -> its findings
    rows: list[dict] = field(default_factory=list)


@dataclass
class Result:
    article: Article
    rows: list[dict]
    errors: list[str]


_modules: dict[str, ModuleType] = {}


def _stage(name: str) -> Callable[[Doc], None]:
    if name not in _modules:
        _modules[name] = importlib.import_module(f"events.extract.{name}")
    return _modules[name].run


def run_article(article: Article, stages: Iterable[str] | None = None) -> Result:
    """Run every stage over one article; name the stage that fails; validate the rows."""
    doc = Doc(article=article)
    for name in (STAGES if stages is None else stages):
        try:
            _stage(name)(doc)
        except Exception as exc:  # a stage's bug must not stop the batch
            return Result(article, [], [f"stage '{name}' failed: {type(exc).__name__}: {exc}"])
    rows, errors = [], []
    for row in doc.rows:
        problems = schema.validate_row(row)
        if problems:
            errors.append(f"row dropped ({'; '.join(problems)})")
        else:
            rows.append(row)
    return Result(article, rows, errors)


def extract(article: Article) -> list[dict]:
    """Event rows for one article (each valid against schemas/event.toml)."""
    return run_article(article).rows
