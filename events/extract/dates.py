"""Stage `dates`: date expressions in the text, resolved against the publication date.

One `Matcher` pass finds the language's weekday and month names, relative phrases
(`kemarin`, `last week`), day parts and modifiers (`lalu`, `last`, `pada tahun`); two regexes
find numeric dates (`(8/12/2023)`, `( 25 / 8 )`, `8-12-2023`, `08.12.2023`, `2023-12-08`).
Each expression becomes one `DateMention` with ACLED's time precision (1 day, 2 week,
3 month). Rules:
- a weekday that is the publication day is that day; otherwise the latest such day before it,
  and with a "past" modifier (`Senin lalu`, `last Monday`) always before it;
- weekday and month names count only when capitalised (Indonesian `minggu` = week,
  English `may`), unless the sentence is all upper-case;
- a month alone counts only with a day, a year or a modifier (`pertengahan Oktober`, `in May`);
- a bare year counts only after a year word (`pada tahun 2014`, `in 2004`);
- more than 30 days before publication, or a past year, is `historical`;
- a weekday inside a name is no date ("at the Monday Market": after a `name_before` word of
  the language, before a capitalised word that is no date word; not in all-caps text);
- a day part that is also a relative word right after a written date is that date's night
  ("5 November 2023, overnight"), not the night before publication.
Numeric dates follow the language's order (`dmy` for Indonesian); a weekday next to the
date decides when the order is in doubt, and wins when neither order fits it. A weekday with
a day and month that is the publication date (`kata polisi, Kamis (25/5)`) is the day of the
report: kind "publication".
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from events import lang
from events.findings import DateMention
from events.matcher import Matcher, fold
from events.article import Doc

HISTORICAL_DAYS = 30
UNITS = ("minute", "hour", "day", "week", "month", "year")    # "3 hours ago" is the day of the report
FUTURE_SLACK_DAYS = 7        # "24 Mei" read in a January article is last year's May

_SLASH = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}|\d{2}))?(?![\d/])"
                    r"|(?<![\d.,-])(\d{1,2})([.-])(\d{1,2})\5((?:19|20)\d{2})(?![\d.,-]\d)")
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DAY_BEFORE = re.compile(r"(?<![\d.,:/])(\d{1,2})(?:st|nd|rd|th)?\s+$")
_DAY_AFTER = re.compile(r"^\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d.:/,]\d)\b")
_YEAR_AFTER = re.compile(r"^\.?\s*,?\s*((?:19|20)\d{2})(?![\d.,]\d)\b")
# "3 JAN 90", "30 Des '89": a two-digit year, read only after a day and an abbreviated month
_YEAR2_AFTER = re.compile(r"^\.?\s*,?\s*'?(\d{2})(?![\d.,:/]?\d)(?!\s*(?:%|[.,:]\d))\b")
PIVOT_YY = 69                # POSIX: a two-digit year 69-99 is 19yy, 00-68 is 20yy, without an anchor
TWO_DIGIT_SPAN_YEARS = 10     # a two-digit year further back than this from publication is a count
EARLIEST_YEAR = 1900         # no date before it is an event's date (a typo, a scan, an era)
_YEAR_ONLY = re.compile(r"^\s*((?:1[89]|20)\d{2})(?![\d.,]\d)\b")
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3})\s+$")
_CLOSE = re.compile(r"\s*\)")
_WEEKDAY_TO_MONTH = re.compile(r"^[\s,]*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$")
_GAP = re.compile(r"^[\s,(]*$")


@dataclass(frozen=True)
class Found:
    """A date expression before it is tied to a sentence."""
    start: int
    end: int
    date: dt.date
    precision: int
    kind: str
    historical: bool = False
    has_year: bool = False
    has_weekday: bool = False


@cache
def vocabulary(language: str) -> tuple[Matcher, str, dict[str, str]] | None:
    """The language's date matcher, numeric order and unit words, or None without data."""
    try:
        data = lang.load(language, "dates")
    except lang.LanguageDataError:
        return None
    pats: list[tuple[str, tuple]] = []
    pats += [(w, ("weekday", n)) for w, n in data["weekdays"].items()]
    pats += [(w, ("month", n)) for w, n in data["months"].items()]
    pats += [(w, ("relative", v.get("days", 0), v.get("months", 0), v["precision"]))
             for w, v in data["relative"].items()]
    pats += [(w, ("part",)) for w in data["day_parts"]["words"]]
    ambiguous = {fold(w) for w in data["weekday_modifiers"].get("ambiguous", [])}
    pats = [(w, p + (("ambiguous",) if p[0] == "weekday" and fold(w) in ambiguous else ()))
            for w, p in pats]
    pats += [(w, ("wd_before",)) for w in data["weekday_modifiers"]["before"]]
    pats += [(w, ("past_after",)) for w in data["weekday_modifiers"]["past_after"]]
    pats += [(w, ("past_before",)) for w in data["weekday_modifiers"]["past_before"]]
    pats += [(w, ("m_past_after",)) for w in data["month_modifiers"]["past_after"]]
    pats += [(w, ("m_before",)) for w in data["month_modifiers"]["before"]]
    pats += [(w, ("year_before",)) for w in data["year_words"]["before"]]
    for unit in UNITS:
        pats += [(w, ("unit", unit)) for w in data["units"].get(unit, [])]
    pats += [(w, ("ago",)) for w in data["units"]["ago"]]
    try:                                   # "dua pekan lalu", "three weeks ago"
        pats += [(w, ("number", v)) for w, v in lang.load(language, "numbers")["words"].items()]
    except lang.LanguageDataError:
        pass
    units = {fold(w): unit for unit in UNITS for w in data["units"].get(unit, [])}
    return Matcher(pats), data["numeric"]["order"], units


@cache
def abbreviations(language: str) -> frozenset[str]:
    """Month names that are short forms of a longer name of the same month ("jan", "des",
    "sept"): a two-digit year may follow them ("3 JAN 90"), not a full name ("3 January 15 ...")."""
    try:
        months = lang.load(language, "dates")["months"]
    except lang.LanguageDataError:
        return frozenset()
    return frozenset(fold(w) for w, n in months.items()
                     if any(len(o) > len(w) and fold(o).startswith(fold(w)) for o, m in months.items() if m == n))


@cache
def name_words(language: str) -> frozenset[str]:
    """Words after which a weekday before a capitalised word is part of a name (`_in_name`)."""
    try:
        data = lang.load(language, "dates")
    except lang.LanguageDataError:
        return frozenset()
    return frozenset(fold(w) for w in data["weekday_modifiers"].get("name_before", []))


def _kinds(match) -> dict[str, tuple]:
    return {p[0]: p for p in match.value}


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 15)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def century(yy: int, published: dt.date | None) -> int:
    """The four-digit year of a two-digit one: the latest year ending in `yy` that is not after
    the publication year (plus one, for a date written at a year's turn), else the POSIX pivot."""
    if published is not None:
        year = published.year - (published.year - yy) % 100
        return year + 100 if year + 100 <= published.year + 1 else year
    return (2000 if yy < PIVOT_YY else 1900) + yy


safe_date = _safe_date


def date_language(doc: Doc) -> str:
    """The language whose date words read the article: its own, else the language stage's best
    guess when it was unsure ("und"), else none."""
    if doc.language and vocabulary(doc.language) is not None:
        return doc.language
    guess = getattr(doc.findings.get("language"), "guess", None)
    return guess if guess and vocabulary(guess) is not None else (doc.language or "")


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found and found > published + dt.timedelta(days=FUTURE_SLACK_DAYS):
        found = _safe_date(published.year - 1, month, day)
    return found


_BESIDE_NUMBER = re.compile(r"(?<![\d.,:/])\d{1,2}\s+$")
_YEAR_NEXT = re.compile(r"^\s+(?:19|20)\d{2}\b")


def _cased(text: str, start: int, end: int, month: bool = False) -> bool:
    """Names count when capitalised, or when the text around them is all upper-case; a month
    written in lower case counts between a day and a year ("17 januari", "januari 2020")."""
    word = text[start:end]
    if word[:1].isupper():
        return True
    around = text[max(0, start - 60):end + 60]
    if around.upper() == around:
        return True
    return month and bool(_BESIDE_NUMBER.search(text[max(0, start - 4):start])
                          or _YEAR_NEXT.match(text[end:end + 6]))


@dataclass
class _Scan:
    """One text's tokens and numeric dates while `find` walks them."""
    text: str
    tokens: list
    numeric: list
    published: dt.date | None
    abbreviations: frozenset[str] = frozenset()
    name_before: frozenset[str] = frozenset()                  # "the" (Monday Market): `_in_name`
    starts: list[int] = field(default_factory=list)           # the tokens' starts (for bisect)
    numeric_starts: list[int] = field(default_factory=list)   # the numeric dates' starts, kept with them

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        self.numeric_starts = [n[0] for n in self.numeric]

    def adjacent(self, end: int, start: int) -> bool:
        return 0 <= end <= start and bool(_GAP.match(self.text[end:start]))

    def prev(self, i: int, kind: str):
        """Token i-1 if it is of `kind` and touches token i."""
        prev = self.tokens[i - 1] if i else None
        if prev is not None and kind in _kinds(prev) and self.adjacent(prev.end, self.tokens[i].start):
            return prev
        return None

    def after(self, i: int, kind: str):
        """Token i+1 if it is of `kind` and touches token i."""
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is not None and kind in _kinds(nxt) and self.adjacent(self.tokens[i].end, nxt.start):
            return nxt
        return None

    def extend_parts(self, end: int) -> int:
        """The end of the day parts right after `end` ("Jumat pagi waktu setempat"). The tokens
        before `end` are skipped by bisect (they are in text order, never overlapping)."""
        tokens = self.tokens
        for k in range(bisect.bisect_left(self.starts, end), len(tokens)):   # no slice: a long text stays linear
            t = tokens[k]
            if t.start >= end:
                if "part" in _kinds(t) and _GAP.match(self.text[end:t.start]):
                    end = t.end
                elif t.start > end:
                    break
        return end

    def part_not_relative(self, end: int) -> int:
        """The end of a day part right after `end` that is also a relative word ("overnight"):
        after a written date it is that date's, and must not be read back from publication."""
        i = bisect.bisect_left(self.starts, end)
        if i < len(self.tokens):
            t = self.tokens[i]
            kinds = _kinds(t)
            if "part" in kinds and "relative" in kinds and self.adjacent(end, t.start):
                return t.end
        return end

    def take_numeric(self, end: int):
        """A numeric date written right after `end` ("Jumat (8/12)"), removed from the pool."""
        lo = bisect.bisect_left(self.numeric_starts, end)      # sorted: only those from `end` on can touch it
        hi = bisect.bisect_right(self.numeric_starts, end + 4)
        at = next((i for i in range(lo, hi) if self.numeric[i][0] - end <= 4
                   and self.adjacent(end, self.numeric[i][0])), None)
        if at is None:
            return None
        del self.numeric_starts[at]
        return self.numeric.pop(at)

    def numeric_at(self, start: int) -> bool:
        """Does a numeric date of the pool start at `start`?"""
        i = bisect.bisect_left(self.numeric_starts, start)
        return i < len(self.numeric_starts) and self.numeric_starts[i] == start

    def count_before(self, i: int) -> tuple[int, int] | None:
        """(n, start) of a number in digits or words right before token i ("3 hari", "two weeks")."""
        number = _NUMBER_BEFORE.search(self.text, max(0, self.tokens[i].start - 5), self.tokens[i].start)
        if number:
            return int(number[1]), number.start()
        prev = self.prev(i, "number")
        return (_kinds(prev)["number"][1], prev.start) if prev is not None else None


def _name_stands(scan: _Scan, i: int) -> bool:
    """An ambiguous weekday ("minggu") counts when capitalised in cased text, or with a modifier."""
    tok, text = scan.tokens[i], scan.text
    around = text[max(0, tok.start - 60):tok.end + 60]
    if text[tok.start:tok.start + 1].isupper() and around.upper() != around:
        return True
    if scan.prev(i, "wd_before") or scan.after(i, "part") or scan.after(i, "past_after"):
        return True
    return bool(re.match(r"\s*,?\s*\(\s*\d", text[tok.end:tok.end + 8]))


_NEXT_WORD = re.compile(r" (\w+)")
_LAST_WORD = re.compile(r"(?<!\w)(\w+) $")


def _in_name(scan: _Scan, i: int) -> bool:
    """A weekday that names a place ("at the Monday Market", "the Friday Mosque"): after a
    determiner of the language (`name_before`) and before a capitalised word that is no date
    word, in text that is not all upper-case."""
    tok, text = scan.tokens[i], scan.text
    before = _LAST_WORD.search(text, max(0, tok.start - 20), tok.start)
    if before is None or fold(before[1]) not in scan.name_before:
        return False
    word = _NEXT_WORD.match(text, tok.end)
    if word is None or not word[1][:1].isupper() or word[1].isupper() and len(word[1]) > 1:
        return False
    around = text[max(0, tok.start - 60):tok.end + 60]
    if around.upper() == around:
        return False
    nxt = scan.tokens[i + 1] if i + 1 < len(scan.tokens) else None
    return not (nxt is not None and nxt.start == word.start(1))


def _weekday_date(iso_weekday: int, published: dt.date, strictly_past: bool) -> dt.date:
    back = (published.isoweekday() - iso_weekday) % 7
    if back == 0 and strictly_past:
        back = 7
    return published - dt.timedelta(days=back)


def _numeric(text: str, order: str, published: dt.date | None) -> list[tuple[int, int, dt.date, bool, tuple]]:
    """(start, end, date, has_year, alternative-order date or ()) for numeric dates."""
    out = []
    for m in _ISO.finditer(text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if day:
            out.append((m.start(), m.end(), day, True, ()))
    for m in _SLASH.finditer(text):
        a, b, year = (int(m[1]), int(m[2]), m[3]) if m[1] else (int(m[4]), int(m[6]), m[7])
        in_brackets = text[max(0, m.start() - 3):m.start()].rstrip().endswith("(")
        if not year and not in_brackets:
            continue                       # "3/4" alone may be a fraction or a score
        day, month = (a, b) if order == "dmy" else (b, a)
        if year:
            y = century(int(year), published) if len(year) == 2 else int(year)
            first, other = _safe_date(y, month, day), _safe_date(y, day, month)
        else:
            first, other = _infer_year(month, day, published), _infer_year(day, month, published)
        close = _CLOSE.match(text, m.end()) if in_brackets else None
        if first or other:
            start = text.rfind("(", 0, m.start()) if close else m.start()
            alternative = (other,) if first and other else ()
            out.append((start, close.end() if close else m.end(), first or other, bool(year), alternative))
    return sorted(out)


def _ago(published: dt.date, n: int, unit: str) -> tuple[dt.date, int]:
    """The date n units before publication, and its precision."""
    if unit in ("minute", "hour"):
        return published, 1
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1)), (1 if unit == "day" else 2)
    return _shift_months(published, -n * (12 if unit == "year" else 1)), 3


def _relative(scan: _Scan, i: int, units: dict[str, str]) -> Found | None:
    """`kemarin`, `last week`, `dua pekan lalu`, `kemarin (7/12)`."""
    tok, published = scan.tokens[i], scan.published
    if published is None:
        return None
    counted, first = scan.count_before(i), tok.key.split()[0]
    if counted and first in units:                       # "dua pekan lalu", "10 days ago"
        day, precision = _ago(published, counted[0], units[first])
        return Found(counted[1], tok.end, day, precision, "relative")
    _, days, months, precision = _kinds(tok)["relative"]
    day = _shift_months(published, months) if months else published + dt.timedelta(days=days)
    if months == 0 and precision == 3:
        day = min(day, published)
    end = scan.extend_parts(tok.end)
    num = scan.take_numeric(end) if precision == 1 else None
    if num:                                              # "kemarin (7/12)": the written date says it
        return Found(tok.start, num[1], num[2], 1, "absolute", has_year=num[3])
    return Found(tok.start, end, day, precision, "relative")


def _weekday(scan: _Scan, i: int) -> Found | None:
    """`Jumat pagi`, `Senin lalu`, `last Monday`, `Minggu (11/6)`."""
    tok, published, kinds = scan.tokens[i], scan.published, _kinds(scan.tokens[i])
    iso = kinds["weekday"][1]
    num = scan.take_numeric(tok.end)
    if num:
        _, end, day, has_year, alt = num
        kind = "absolute"
        if day.isoweekday() != iso and alt and alt[0].isoweekday() == iso:
            day = alt[0]
        elif day.isoweekday() != iso and published and not has_year:
            day, kind = _weekday_date(iso, published, False), "weekday"   # the numbers are the typo
        with_part = scan.extend_parts(end)                                # "Jumat (8/12) dini hari"
        if day == published and not has_year and with_part == end:
            kind = "publication"            # "kata polisi, Kamis (25/5)": the day of the report
        return Found(tok.start, with_part, day, 1, kind, has_year=has_year, has_weekday=True)
    if kinds["weekday"][2:] and not _name_stands(scan, i) or _in_name(scan, i):
        return None
    nxt = scan.tokens[i + 1] if i + 1 < len(scan.tokens) else None
    if nxt is not None and "month" in _kinds(nxt) and _WEEKDAY_TO_MONTH.match(scan.text[tok.end:nxt.start]):
        return None                         # "Friday, December 8": the month rule reads it
    if published is None:
        return None
    past_after, past_before = scan.after(i, "past_after"), scan.prev(i, "past_before")
    start = past_before.start if past_before else tok.start
    end = past_after.end if past_after else scan.extend_parts(tok.end)
    day = _weekday_date(iso, published, bool(past_after or past_before))
    return Found(start, end, day, 1, "weekday", has_weekday=True)


def infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """A day and month without a year: the one not after `published` (a week's slack)."""
    return _infer_year(month, day, published)


def _month(scan: _Scan, i: int) -> Found | None:
    """`24 Mei`, `December 8, 2023`, `Rabu, 6 Desember 2023`, `pertengahan Oktober`, `Juli lalu`."""
    tok, text, published = scan.tokens[i], scan.text, scan.published
    month = _kinds(tok)["month"][1]
    prev = scan.tokens[i - 1] if i else None
    before = _DAY_BEFORE.search(text, max(0, tok.start - 6), tok.start)
    weekday = prev if prev is not None and "weekday" in _kinds(prev) and \
        scan.adjacent(prev.end, before.start() if before else tok.start) else None
    after = _DAY_AFTER.match(text[tok.end:tok.end + 8]) if not before else None
    rest = tok.end + (after.end() if after else 0)
    year = _YEAR_AFTER.match(text[rest:rest + 8])
    year_no = int(year[1]) if year else None
    if year is None and before and tok.key in scan.abbreviations:
        year = _YEAR2_AFTER.match(text[rest:rest + 8])
        year_no = century(int(year[1]), published) if year else None
        if year_no and published and year_no < published.year - TWO_DIGIT_SPAN_YEARS:
            year, year_no = None, None       # "on 3 Jan 15 people died": a count, not 1915
    start = weekday.start if weekday is not None else before.start() if before else tok.start
    end = rest + (year.end() if year else 0)
    if before or after:
        day_no = int((before or after)[1])
        day = _safe_date(year_no, month, day_no) if year_no else _infer_year(month, day_no, published)
        if day is None:
            return None
        end = scan.part_not_relative(end)   # "5 November 2023, overnight": that day's night, not the day before
        return Found(start, end, day, 1, "absolute", has_year=bool(year), has_weekday=weekday is not None)
    modifier, past = scan.prev(i, "m_before"), scan.after(i, "m_past_after")
    if year_no:
        day = dt.date(year_no, month, 15)
    elif (modifier or past) and published:
        this_year = month < published.month or (month == published.month and not past)
        day = dt.date(published.year if this_year else published.year - 1, month, 15)
    else:
        return None                         # a month name alone: "May", "Maret"
    if published and day > published and day.month == published.month:
        day = published
    return Found(modifier.start if modifier else tok.start, past.end if past else end, day, 3, "month",
                 has_year=bool(year))


def _unit_ago(scan: _Scan, i: int) -> Found | None:
    """`3 hari lalu`, `two weeks ago`."""
    counted, ago = scan.count_before(i), scan.after(i, "ago")
    if scan.published is None or not counted or not ago:
        return None
    day, precision = _ago(scan.published, counted[0], _kinds(scan.tokens[i])["unit"][1])
    return Found(counted[1], ago.end, day, precision, "relative")


def _year(scan: _Scan, i: int) -> Found | None:
    """`pada tahun 2014`, `in 2004`: a bare year after a year word."""
    tok, published = scan.tokens[i], scan.published
    year = _YEAR_ONLY.match(scan.text[tok.end:tok.end + 8])
    if not year or scan.numeric_at(tok.end + year.start(1)):
        return None
    y = int(year[1])
    if published is not None and y > published.year:
        return None
    historical = published is not None and y < published.year
    return Found(tok.start, tok.end + year.end(), dt.date(y, 1, 1), 3, "year", historical, True)


def find(text: str, language: str, published: dt.date | None) -> list[Found]:
    """Every date expression of `text`, in text order; relative ones need `published`."""
    vocab = vocabulary(language)
    if vocab is None:
        return []
    matcher, order, units = vocab
    scan = _Scan(text, matcher.find(text, fold(text)), _numeric(text, order, published), published,
                 abbreviations(language), name_words(language))
    found: list[Found] = []
    used_until = -1
    for i, tok in enumerate(scan.tokens):
        if tok.start < used_until:
            continue
        kinds = _kinds(tok)
        mention = None
        if "relative" in kinds:
            mention = _relative(scan, i, units)
        elif "weekday" in kinds and _cased(text, tok.start, tok.end):
            mention = _weekday(scan, i)
        elif "month" in kinds and _cased(text, tok.start, tok.end, month=True):
            mention = _month(scan, i)
        elif "unit" in kinds:
            mention = _unit_ago(scan, i)
        if mention is None and "year_before" in kinds:
            mention = _year(scan, i)
        if mention is not None:
            found.append(mention)
            used_until = mention.end
    # a numeric date inside an expression already read is part of it: the expressions by start,
    # with the farthest end up to each, then the numeric dates kept so far (in text order)
    spans = sorted((f.start, f.end) for f in found)
    span_starts = [a for a, _ in spans]
    reach, far = [], -1
    for _, b in spans:
        far = max(far, b)
        reach.append(far)
    kept_until = -1
    for start, end, day, has_year, _ in scan.numeric:
        i = bisect.bisect_right(span_starts, start)
        if not (i and reach[i - 1] > start) and not start < kept_until:
            found.append(Found(start, end, day, 1, "absolute", has_year=has_year))
            kept_until = max(kept_until, end)
    found.sort(key=lambda f: f.start)
    if published is not None:
        limit = published - dt.timedelta(days=HISTORICAL_DAYS)
        found = [f if f.historical or latest_day(f.date, f.precision) >= limit else
                 Found(f.start, f.end, f.date, f.precision, f.kind, True, f.has_year, f.has_weekday)
                 for f in found]
    return found


def latest_day(day: dt.date, precision: int) -> dt.date:
    """The last day a date of this precision can mean: "in January" may be the 31st, "last week"
    its Sunday. A month or a week is history only when all of it is."""
    if precision == 3:
        return _shift_months(day, 1).replace(day=1) - dt.timedelta(days=1)
    return day + dt.timedelta(days=6) if precision == 2 else day


def run(doc: Doc) -> None:
    """Set `doc.findings['dates']`: one DateMention per expression, in text order."""
    language = date_language(doc)
    if vocabulary(language) is None:
        doc.findings["dates"] = []
        return
    dateline = doc.findings.get("dateline")
    published = getattr(dateline, "published", None) or doc.article.published
    pub_span = (getattr(dateline, "date_start", None), getattr(dateline, "date_end", None))
    text = doc.article.text
    starts = [s.start for s in doc.sentences]
    mentions = []
    for f in find(text, language, published):
        kind = "publication" if pub_span[0] is not None and pub_span[0] <= f.start < pub_span[1] else f.kind
        sentence = bisect.bisect_right(starts, f.start) - 1
        mentions.append(DateMention(f.date, f.precision, sentence, f.start, f.end, text[f.start:f.end],
                                    kind, f.historical))
    doc.findings["dates"] = mentions
