"""One-pass multi-pattern matching (Aho-Corasick) on folded text, at word boundaries.

Every extractor that looks for words (places, triggers, numbers, weekdays, claim phrases)
builds one `Matcher` at load time and finds all its patterns in a single pass over the
article, whatever the case (upper-case wire copy works) and with accents folded.

>>> m = Matcher({"kampung melayu": "place", "bom": "trigger"})
>>> [(x.text, x.value) for x in m.find("Bom di KAMPUNG MELAYU")]
[('Bom', ['trigger']), ('KAMPUNG MELAYU', ['place'])]
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import ahocorasick


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x2B0):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and len(base) == 1 and base.isascii():
            table[cp] = base.lower()
    table.update({ord("’"): "'", ord("‘"): "'", ord("ʼ"): "'", ord("`"): "'",
                  ord("–"): "-", ord("—"): "-", ord("ı"): "i", ord("ł"): "l", ord("ø"): "o",
                  ord("đ"): "d", ord("ß"): "s", ord("æ"): "a", ord("œ"): "o",
                  # a phrase broken by a hard wrap ("ORANG TAK\nDIKENAL") is still the phrase
                  ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
    return table


_FOLD = _fold_table()


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def fold(text: str) -> str:
    """Lower case, accents off, quotes and dashes plain; always the same length as `text`."""
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _fold(text)


# Stages fold the same short pieces (a word, a gap between two names) hundreds of thousands of
# times in a long article: a bounded cache of short ones (never of a whole text).
_SHORT = 48


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


_fold_short = functools.lru_cache(maxsize=1 << 14)(_fold)


class Match(NamedTuple):
    """One match (immutable; a named tuple because articles make tens of thousands of them)."""
    start: int
    end: int
    text: str            # as written in the article
    key: str             # the folded pattern
    value: list[Any]     # payloads of every entry with this pattern


_new = tuple.__new__     # a Match made without the named tuple's keyword-argument wrapper (twice as fast)


class Matcher:
    """Patterns (folded, whole words) mapped to payloads; several payloads may share a pattern."""

    def __init__(self, patterns: Mapping[str, Any] | Iterable[tuple[str, Any]]):
        items = patterns.items() if isinstance(patterns, Mapping) else patterns
        self._automaton = ahocorasick.Automaton()
        grouped: dict[str, list[Any]] = {}
        for pattern, payload in items:
            key = " ".join(fold(pattern).split())
            if key:
                grouped.setdefault(key, []).append(payload)
        for key, payloads in grouped.items():
            # with the pattern: its length and whether it begins and ends with a word character
            # (only then can a neighbouring word character make the match part of a longer word)
            self._automaton.add_word(key, (key, payloads, len(key), _word_char(key[0]), _word_char(key[-1])))
        self.size = len(grouped)
        if grouped:
            self._automaton.make_automaton()

    def find(self, text: str, folded: str | None = None, overlapping: bool = False) -> list[Match]:
        """Whole-word matches, leftmost-longest and non-overlapping unless `overlapping`."""
        if not self.size:
            return []
        hay = folded if folded is not None else fold(text)
        n = len(hay)
        found: list[tuple[int, int, str, list[Any]]] = []
        for end_idx, (key, payloads, length, word_first, word_last) in self._automaton.iter(hay):
            start, end = end_idx - length + 1, end_idx + 1
            # whole words only (inlined word-character tests: this loop is the hot path)
            if word_first and start > 0:
                c = hay[start - 1]
                if c.isalnum() or c == "_":
                    continue
            if word_last and end < n:
                c = hay[end]
                if c.isalnum() or c == "_":
                    continue
            found.append((start, -end, key, payloads))
        found.sort()        # by start, the longest first (one key per span: ties never reach the payloads)
        out: list[Match] = []
        last_end = -1
        for start, neg_end, key, payloads in found:
            end = -neg_end
            if not overlapping and start < last_end:
                continue
            out.append(_new(Match, (start, end, text[start:end], key, payloads)))
            last_end = max(last_end, end)
        return out
