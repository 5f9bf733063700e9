"""Stage `dateline`: the outlet, dateline city and publication date.

Metadata wins (`Article.source`, `Article.published`); otherwise they are read from the text
(the dateline's own date first), and last comes a date given from outside (`--published`).
Wire and web copy opens with a dateline in a few shapes that hold across outlets and
languages, recognised by punctuation, not by outlet names:
  `ERA.id - ...`, `Liputan6.com, Jakarta - ...`              (a web domain first)
  `Jakarta (ANTARA News) - ...`, `WASHINGTON (Reuters) - ...`  (outlet in brackets)
  `JAKARTA, CNN Indonesia -- ...`, `JAKARTA, KOMPAS.com - ...`  (outlet after a comma)
  `MOSUL, Iraq — ...`, `Baghdad — ...`, `KABUL - ...`           (a place only, single dash)
  `SAN SALVADOR, 3 JAN 90 -- [REPORT] ...`, `KABUL, Apr 3 (Reuters) - ...`, `NEW DELHI, Apr 3: ...`
                                                               (a date after the place: wire copy)
A date in the dateline is the day the story was filed: it is the publication date when the
input has none. A two-digit year is read with the POSIX pivot (69-99 -> 19yy); a day and month
without a year take the year of the latest full date in the text that is not after them, else
stay unread (the finding's `assumed` says so, and `--published` can supply it).
The publication date read from the text is a full date (with a year) on a line of its own near
the top (`Friday, December 8, 2023`), else the latest full date written with its weekday
(`dikutip Reuters, Jumat (8/12/2023)`), the form Indonesian outlets use for the day of the report.
"""
from __future__ import annotations

import datetime as dt
import re

from events import lang
from events.extract import dates
from events.findings import Dateline
from events.article import Doc

OPENING_LINES = 3
OPENING_CHARS = 600
# The publication date is told near the top, and a dated report's latest full date lies within a
# news article's length: past this many characters (far beyond an article) the text is not read
# for it, so the stage costs the same however long the text is.
READ_CHARS = 20000

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
# a date written in a dateline: "3 JAN 90", "Apr 3", "April 3rd, 2024", "3 Desember 2023";
# the word is checked against the languages' month names (dates.toml), not listed here
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_DAY}\s+[^\W\d_]{{3,9}}\.?(?:\s*,?\s*'?\d{{2}}(?:\d{{2}})?)?|[^\W\d_]{{3,9}}\.?\s+{_DAY}(?:\s*,?\s*\d{{4}})?)"
_DATED = re.compile(rf"(?P<place>{_PLACE})(?:\s*\([^()\d]{{2,40}}\))?\s*,\s*(?:(?P<region>{_CAPITALISED})\s*,\s*)?(?P<date>{_DATE})\s*"
                    rf"(?:\(\s*(?P<outlet>[^()]{{2,48}}?)\s*\)\s*)?(?:{_DASH}|:)\s*")
_TAGS = re.compile(r"(?:\[[^\]\[]{1,80}\]\s*)+")      # "[REPORT] [ARMED FORCES PRESS COMMITTEE] [TEXT]"
_ANY_YEAR = dt.date(2000, 12, 31)
_YY = re.compile(r"\s*,?\s*'?(\d{2})\s*")
_LINE = re.compile(r"[^\n]+")
_INDENT = re.compile(r"[ \t]*")


def _month_languages(language: str | None) -> list[str]:
    """The article's language first, then every language with date data (wire copy travels)."""
    others = [c for c in lang.languages() if c != language and dates.vocabulary(c) is not None]
    return ([language] if language and dates.vocabulary(language) is not None else []) + others


def _read(text: str, language: str | None) -> tuple[str | None, str | None, int, int, int | None, int | None] | None:
    """(outlet, place, start, end, date_start, date_end): the dateline and its date's span."""
    for n, line in enumerate(_LINE.finditer(text)):
        if n >= OPENING_LINES:
            break
        offset = line.start() + _INDENT.match(line.group()).end()
        body = text[offset:line.end()]
        dated = _DATED.match(body)
        if dated and _dated_day(dated["date"], language) is not None:
            end = offset + dated.end()
            tags = _TAGS.match(text, end)
            return (dated["outlet"].strip() if dated["outlet"] else None, dated["place"].strip(), offset,
                    tags.end() if tags else end, offset + dated.start("date"), offset + dated.end("date"))
        for shape in _SHAPES:
            m = shape.match(body)
            if m:
                groups = m.groupdict()
                outlet = groups.get("outlet")
                place = groups.get("place")
                end = offset + m.end()
                tags = _TAGS.match(text, end)
                return (outlet.strip() if outlet else None, place.strip() if place else None,
                        offset, tags.end() if tags else end, None, None)
    return None


def _dated_day(written: str, language: str | None) -> dates.Found | None:
    """The date of a dateline's date text (a month name of some language, a day)."""
    for code in _month_languages(language):
        # a full date reads without an anchor; a day and month without a year need one only to be
        # read (has_year stays False): the last day of a leap year, every day is on or before it
        for anchor in (None, _ANY_YEAR):
            found = [f for f in dates.find(written, code, anchor) if f.precision == 1 and f.kind == "absolute"]
            if not found:
                continue
            first = found[0]
            yy = _YY.fullmatch(written, first.end) if not first.has_year else None
            if yy:        # "10 MAY 89": in a dateline a two-digit year follows any month name
                day = dates.safe_date(dates.century(int(yy[1]), None), first.date.month, first.date.day)
                if day:
                    return dates.Found(first.start, len(written), day, 1, "absolute", has_year=True)
            if first.end - first.start >= 0.8 * len(written.strip()):
                return first
    return None


def _dateline_published(text: str, language: str | None, span: tuple[int, int],
                        found: list[dates.Found], given: dt.date | None = None) -> tuple[dt.date | None, str]:
    """The publication date a dateline's date gives, and what was assumed to read it."""
    written = text[span[0]:span[1]]
    day = _dated_day(written, language)
    if day is None:
        return None, ""
    if day.has_year:
        year_text = re.findall(r"\d+", written)[-1]
        note = f"from the dateline \u201c{written}\u201d"
        if len(year_text) == 2:
            note += f" (two-digit year {year_text} read as {day.date.year})"
        return day.date, note
    if given is not None:       # "KABUL, Apr 3 (Reuters) -" with --published 2024-04-04
        candidate = dates.infer_year(day.date.month, day.date.day, given)
        if candidate:
            return candidate, f"from the dateline \u201c{written}\u201d, year from --published ({given.isoformat()})"
    # "KABUL, Apr 3 (Reuters) -": the year of the latest full date written in the text, if any
    full = [f.date for f in found if f.has_year and f.precision == 1 and not (span[0] <= f.start < span[1])]
    anchor = max(full, default=None)
    if anchor is None:
        return None, f"the dateline \u201c{written}\u201d gives no year and the text no full date: publication date unknown"
    for year in (anchor.year, anchor.year + 1):
        candidate = dates.safe_date(year, day.date.month, day.date.day)
        if candidate and candidate >= anchor:
            return candidate, (f"from the dateline \u201c{written}\u201d, year {year} from the latest "
                               f"full date in the text ({anchor.isoformat()})")
    return None, ""


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
    """Set `doc.findings['dateline']` from metadata, else the dateline's date, else the text."""
    text = doc.article.text
    language = dates.date_language(doc)
    found = _read(text, language)
    outlet, place, start, end, d_start, d_end = found if found else (None, None, None, None, None, None)
    if doc.article.source:
        outlet = doc.article.source
    found_dates = dates.find(text[:READ_CHARS], language, None)     # absolute dates only, no anchor yet
    written = read_published(text, language, found_dates)
    published, source, assumed = None, "none", ""
    from_dateline, note = _dateline_published(text, language, (d_start, d_end), found_dates, doc.options.published) \
        if d_start is not None else (None, "")
    if doc.article.published:
        published, source = doc.article.published, "metadata"
        assumed = "publication date from the input's metadata"
        if written and written.date != published:
            written = next((f for f in found_dates if f.has_year and f.date == published), None)
    elif from_dateline:
        published, source, assumed = from_dateline, "dateline", "publication date " + note
        written = dates.Found(d_start, d_end, from_dateline, 1, "absolute", has_year=True)
    elif written:
        published, source = written.date, "text"
        assumed = f"publication date read from the text \u201c{text[written.start:written.end]}\u201d"
    elif doc.options.published:
        published, source = doc.options.published, "option"
        assumed = "publication date given from outside (--published)" + (f"; {note}" if note else "")
    else:
        assumed = note or "no publication date in the input or the text: events are undated"
    doc.findings["dateline"] = Dateline(
        outlet=outlet, published=published, published_from=source, place=place, start=start, end=end,
        date_start=written.start if written else None, date_end=written.end if written else None,
        assumed=assumed)
