"""Per-language data: `events/lang/<code>/<topic>.toml`, one file per topic and language.

Code holds no word lists; extractors ask `load(language, topic)`. Every file starts with a
`[meta]` table naming its `language`, `topic`, `source` and `licence`. Adding a language means
adding a folder with the same topics (a test checks every language has every topic).
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent


class LanguageDataError(Exception):
    pass


@cache
def languages() -> tuple[str, ...]:
    """Language codes with a data folder, e.g. ('en', 'id')."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def topics(language: str) -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (LANG_DIR / language).glob("*.toml")))


@cache
def load(language: str, topic: str) -> dict:
    """The data of one topic in one language; raises LanguageDataError if missing or broken."""
    path = LANG_DIR / language / f"{topic}.toml"
    if not path.exists():
        raise LanguageDataError(f"no {topic} data for language {language!r} ({path})")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{path}: {exc}") from exc
