"""Stage `dateline`: the outlet, dateline city and publication date.

Metadata wins (`Article.source`, `Article.published`); otherwise they are read from the text.
Wire and web copy opens with a dateline in a few shapes that hold across outlets and
languages, recognised by punctuation, not by outlet names:
  `ERA.id - ...`, `Liputan6.com, Jakarta - ...`              (a web domain first)
  `Jakarta (ANTARA News) - ...`, `WASHINGTON (Reuters) - ...`  (outlet in brackets)
  `JAKARTA, CNN Indonesia -- ...`, `JAKARTA, KOMPAS.com - ...`  (outlet after a comma)
  `MOSUL, Iraq — ...`, `Baghdad — ...`, `KABUL - ...`           (a place only, single dash)
The publication date read from the text is a full date (with a year) on a line of its own near
the top (`Friday, December 8, 2023`), else the latest full date written with its weekday
(`dikutip Reuters, Jumat (8/12/2023)`), the form Indonesian outlets use for the day of the report.
"""
from __future__ import annotations

import re

from events.extract import dates
from events.findings import Dateline
from events.pipeline import Doc

OPENING_LINES = 3
OPENING_CHARS = 600

_DASH = r"(?:--|-\s-|[-–—|])"
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,4})+"
_PLACE = r"[A-Z][\w'.-]*(?:\s+[A-Z\w'.-]+){0,3}?"
_UPPER = r"[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,2}"
_CAPITALISED = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}?"
_SHAPES = [
    re.compile(rf"(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_PLACE})\s*{_DASH}\s+"),
    re.compile(rf"(?P<outlet>{_DOMAIN})\s*{_DASH}\s*"),
    re.compile(rf"(?P<place>{_PLACE})\s*(?:,\s*{_PLACE}\s*)?"
               rf"\(\s*(?P<outlet>[^()\d]{{2,40}}?)\s*\)\s*{_DASH}\s*"),
    re.compile(rf"(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_DOMAIN})\s*{_DASH}\s*"),
    re.compile(rf"(?P<place>{_PLACE})\s*,\s*(?P<outlet>[A-Z][\w.]*(?:\s+[\w.]+){{0,3}}?)\s*(?:--|-\s-)\s*"),
    re.compile(rf"(?P<place>{_CAPITALISED})\s*(?:,\s*(?P<region>{_CAPITALISED})\s*)?[—–](?:\s+|(?=[A-Z\"“]))"),
    # wire copy typed with a plain hyphen: the city in capitals ("MOGADISHU - ", "KABUL, Afghanistan - ")
    re.compile(rf"(?P<place>{_UPPER})\s*(?:,\s*(?P<region>{_CAPITALISED})\s*)?\s(?:-|--)\s+"),
]
_LINE = re.compile(r"[^\n]+")


def read_dateline(text: str) -> tuple[str | None, str | None, int, int] | None:
    """(outlet, place, start, end) of a dateline opening one of the first lines, if any."""
    for n, line in enumerate(_LINE.finditer(text)):
        if n >= OPENING_LINES:
            break
        for shape in _SHAPES:
            m = shape.match(line.group())
            if m:
                groups = m.groupdict()
                outlet = groups.get("outlet")
                place = groups.get("place")
                return (outlet.strip() if outlet else None, place.strip() if place else None,
                        line.start() + m.start(), line.start() + m.end())
    return None


def _fills_its_line(text: str, found: dates.Found) -> bool:
    """A date line such as `Monday, June 8, 2009` under a headline."""
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip(" \t.,-|")
    return found.end - found.start >= 0.8 * len(line)


def read_published(text: str, language: str, found: list[dates.Found] | None = None) -> dates.Found | None:
    """The publication date written in the text, if any (see the module docstring)."""
    found = dates.find(text, language, None) if found is None else found
    full = [f for f in found if f.has_year and f.precision == 1]
    opening = [f for f in full if f.start < OPENING_CHARS and _fills_its_line(text, f)]
    if opening:
        return opening[0]
    with_weekday = [f for f in full if f.has_weekday]
    return max(with_weekday, key=lambda f: f.date) if with_weekday else None


def run(doc: Doc) -> None:
    """Set `doc.findings['dateline']` from metadata, else the text."""
    text = doc.article.text
    found = read_dateline(text)
    outlet, place, start, end = found if found else (None, None, None, None)
    if doc.article.source:
        outlet = doc.article.source
    found_dates = dates.find(text, doc.language or "", None)     # absolute dates only, no anchor yet
    written = read_published(text, doc.language or "", found_dates)
    published, source = None, "none"
    if doc.article.published:
        published, source = doc.article.published, "metadata"
        if written and written.date != published:
            written = next((f for f in found_dates if f.has_year and f.date == published), None)
    elif written:
        published, source = written.date, "text"
    doc.findings["dateline"] = Dateline(
        outlet=outlet, published=published, published_from=source, place=place, start=start, end=end,
        date_start=written.start if written else None, date_end=written.end if written else None)
