"""Stage `sentences`: split the text into sentences with exact character offsets.

Rules that hold for news copy in Latin-script languages: a line break always ends a sentence
(paragraphs, headlines, datelines), except in hard-wrapped copy (wire stories and plain-text
archives broken at a fixed width: most lines of a similar length end mid-sentence), where
only a blank line or an indented line starts a new paragraph; within a line a sentence ends at `.`, `!`, `?` or `…`
(with any closing quotes or brackets) followed by white space and a character that is not a
lower-case letter. A full stop does not end a sentence after an abbreviation from the
language's `sentences.toml` (`Jl.`, `Dr.`, `No.`), after a single letter or dotted initials
(`M.`, `U.S.`), or inside a number (`2.500`, `4.30`: no space follows). IndoSum-style
tokenised text (`tewas . Polisi`) works because the stop is still followed by space; a lone
closing quote after the stop (`bersatu . " Polisi`) stays with its sentence.
"""
from __future__ import annotations

import re
from functools import cache

from events import lang
from events.article import Doc, Sentence

_STOP = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_LINE = re.compile(r"[^\n]+")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n|[ \t]+\S)[^\n]+)*")   # lines up to a blank or indented one
_FINAL = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
WRAP_MIN_LINES = 4          # lines followed by another line of the same paragraph
WRAP_OPEN_SHARE = 0.6       # ... of which this share end mid-sentence
WRAP_WIDTH = (40, 100)      # ... with a median length in this range (a fixed wrap width)
_LONE_CLOSER = re.compile(r"\s+([\"'”’»])(?=\s|$)")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")      # M  U.S  A.S  (before the last stop)
_OPENERS = "\"'“‘«([<"


@cache
def abbreviations(language: str | None) -> frozenset[str]:
    """The language's abbreviations; every language's together when it has no data."""
    codes = [language] if language in lang.languages() else list(lang.languages())
    words: set[str] = set()
    for code in codes:
        try:
            data = lang.load(code, "sentences")
        except lang.LanguageDataError:
            continue
        words.update(w.lower() for w in data["abbreviations"]["never_final"])
    return frozenset(words)


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _ends_sentence(line: str, stop: re.Match, abbrev: frozenset[str]) -> bool:
    after = _NEXT_CHAR.match(line, stop.end())     # no copy of the rest: a 5 MB line stays linear
    if not after:
        return False                     # the line's end closes the sentence anyway
    if after.group(1).islower():
        return False                     # "Dr. med", "U.S. officials", "etc. and"
    if stop.group().rstrip("\"'”’»)]") != ".":
        return True                      # ! ? … and runs like "..."
    token_start = line.rfind(" ", 0, stop.start()) + 1
    token = line[token_start:stop.start()].lstrip(_OPENERS)
    if not token:
        return True                      # tokenised style: "tewas . Polisi"
    if token.lower() in abbrev:
        return False
    return not _INITIALS.fullmatch(token)


def _closing_quote(line: str, cut: int, end: int) -> int:
    """Take in a tokenised closing quote: `bersatu . "` ends with its quote when it is open."""
    m = _LONE_CLOSER.match(line, end)
    if not m:
        return end
    mark = m.group(1)
    if mark in "\"'" and line.count(mark, cut, end) % 2 == 0:
        return end                       # an even count: this quote opens the next sentence
    return m.end()


def hard_wrapped(text: str) -> bool:
    """Copy broken at a fixed width: most lines that another line follows end mid-sentence and
    have about the same length (`THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS`)."""
    lines = text.split("\n")
    followed = [a for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(followed) < WRAP_MIN_LINES:
        return False
    open_ended = [a for a in followed if not _FINAL.search(a)]
    widths = sorted(len(a.rstrip()) for a in followed)
    median = widths[len(widths) // 2]
    return len(open_ended) >= WRAP_OPEN_SHARE * len(followed) and WRAP_WIDTH[0] <= median <= WRAP_WIDTH[1]


def split(text: str, language: str | None = None) -> list[Sentence]:
    """Sentences of `text`, each with `text == source[start:end]`, trimmed of white space."""
    abbrev = abbreviations(language)
    out: list[Sentence] = []
    for line_match in (_PARAGRAPH if hard_wrapped(text) else _LINE).finditer(text):
        line, base = line_match.group(), line_match.start()
        cut = 0
        for stop in _STOP.finditer(line):
            if stop.start() < cut:
                continue
            if _ends_sentence(line, stop, abbrev):
                end = _closing_quote(line, cut, stop.end())
                _add(out, text, base + cut, base + end)
                cut = end
        _add(out, text, base + cut, base + len(line))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def run(doc: Doc) -> None:
    """Set `doc.sentences` for the article's text."""
    doc.sentences = split(doc.article.text, doc.language)


def windows(text: str, starts: list[int], size: int) -> list[tuple[int, int]]:
    """Spans of whole sentences of at most `size` characters (a longer sentence is cut at a
    space), so stages that compare findings pairwise stay linear on huge or hostile texts.
    A text of at most `size` characters is one window."""
    bounds = [*sorted({0, *(s for s in starts if 0 < s < len(text))}), len(text)]
    out: list[tuple[int, int]] = []
    lo = 0
    for a, b in zip(bounds, bounds[1:]):
        if b - lo > size and a > lo:
            out.append((lo, a))
            lo = a
        while b - lo > size:                       # one sentence longer than a window
            cut = text.rfind(" ", lo + size // 2, lo + size)
            cut = cut if cut > lo else lo + size
            out.append((lo, cut))
            lo = cut
    if lo < len(text) or not out:
        out.append((lo, len(text)))
    return out
