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
- more than 30 days before publication, or a past year, is `historical`.
Numeric dates follow the language's order (`dmy` for Indonesian); a weekday next to the
date decides when the order is in doubt, and wins when neither order fits it. A weekday with
a day and month that is the publication date (`kata polisi, Kamis (25/5)`) is the day of the
report: kind "publication".
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from events import lang
from events.findings import DateMention
from events.matcher import Matcher, fold
from events.pipeline import Doc

HISTORICAL_DAYS = 30
FUTURE_SLACK_DAYS = 7        # "24 Mei" read in a January article is last year's May

_SLASH = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}|\d{2}))?(?![\d/])"
                    r"|(?<![\d.,-])(\d{1,2})([.-])(\d{1,2})\5((?:19|20)\d{2})(?![\d.,-]\d)")
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DAY_BEFORE = re.compile(r"(?<![\d.,:/])(\d{1,2})(?:st|nd|rd|th)?\s+$")
_DAY_AFTER = re.compile(r"^\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d.:/,]\d)\b")
_YEAR_AFTER = re.compile(r"^\.?\s*,?\s*((?:19|20)\d{2})(?![\d.,]\d)\b")
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
    for unit in ("day", "week", "month", "year"):
        pats += [(w, ("unit", unit)) for w in data["units"][unit]]
    pats += [(w, ("ago",)) for w in data["units"]["ago"]]
    try:                                   # "dua pekan lalu", "three weeks ago"
        pats += [(w, ("number", v)) for w, v in lang.load(language, "numbers")["words"].items()]
    except lang.LanguageDataError:
        pass
    units = {fold(w): unit for unit in ("day", "week", "month", "year") for w in data["units"][unit]}
    return Matcher(pats), data["numeric"]["order"], units


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


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found and found > published + dt.timedelta(days=FUTURE_SLACK_DAYS):
        found = _safe_date(published.year - 1, month, day)
    return found


def _cased(text: str, start: int, end: int) -> bool:
    """Names count when capitalised, or when the text around them is all upper-case."""
    word = text[start:end]
    if word[:1].isupper():
        return True
    around = text[max(0, start - 60):end + 60]
    return around.upper() == around


def _name_stands(text: str, tok, prev, nxt, adjacent) -> bool:
    """An ambiguous weekday ("minggu") counts when capitalised in cased text, or with a modifier."""
    word = text[tok.start:tok.end]
    around = text[max(0, tok.start - 60):tok.end + 60]
    if word[:1].isupper() and around.upper() != around:
        return True
    if prev is not None and "wd_before" in _kinds(prev) and adjacent(prev.end, tok.start):
        return True
    if nxt is not None and {"part", "past_after"} & set(_kinds(nxt)) and adjacent(tok.end, nxt.start):
        return True
    return bool(re.match(r"\s*,?\s*\(\s*\d", text[tok.end:tok.end + 8]))


def _extend_after(text: str, tokens: list, end: int, kind: str) -> int:
    """The end of a run of `kind` tokens right after `end`, or `end`."""
    for t in tokens:
        if t.start >= end:
            if kind in _kinds(t) and _GAP.match(text[end:t.start]):
                end = t.end
            elif t.start > end:
                break
    return end


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
            y = int(year) + (2000 if len(year) == 2 else 0)
            first, other = _safe_date(y, month, day), _safe_date(y, day, month)
        else:
            first, other = _infer_year(month, day, published), _infer_year(day, month, published)
        close = _CLOSE.match(text, m.end()) if in_brackets else None
        if first or other:
            start = text.rfind("(", 0, m.start()) if close else m.start()
            alternative = (other,) if first and other else ()
            out.append((start, close.end() if close else m.end(), first or other, bool(year), alternative))
    return sorted(out)


def _count_before(text: str, tokens: list, i: int, adjacent) -> tuple[int, int] | None:
    """(n, start) of a number in digits or words right before token i ("3 hari", "two weeks")."""
    number = _NUMBER_BEFORE.search(text, max(0, tokens[i].start - 5), tokens[i].start)
    if number:
        return int(number[1]), number.start()
    prev = tokens[i - 1] if i else None
    if prev is not None and "number" in _kinds(prev) and adjacent(prev.end, tokens[i].start):
        return _kinds(prev)["number"][1], prev.start
    return None


def _ago(published: dt.date, n: int, unit: str) -> tuple[dt.date, int]:
    """The date n units before publication, and its precision."""
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1)), (1 if unit == "day" else 2)
    return _shift_months(published, -n * (12 if unit == "year" else 1)), 3


def find(text: str, language: str, published: dt.date | None) -> list[Found]:
    """Every date expression of `text`, in text order; relative ones need `published`."""
    vocab = vocabulary(language)
    if vocab is None:
        return []
    matcher, order, units = vocab
    tokens = matcher.find(text, fold(text))
    numeric = _numeric(text, order, published)
    found: list[Found] = []
    used_until = -1

    def adjacent(end: int, start: int) -> bool:
        return 0 <= end <= start and bool(_GAP.match(text[end:start]))

    def token_after(i: int, kind: str):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and kind in _kinds(nxt) and adjacent(tokens[i].end, nxt.start):
            return nxt
        return None

    def extend_part(i: int, end: int) -> int:
        while part := token_after(i, "part"):     # "Jumat pagi waktu setempat"
            end, i = part.end, i + 1
        return end

    for i, tok in enumerate(tokens):
        if tok.start < used_until:
            continue
        kinds = _kinds(tok)
        counted = _count_before(text, tokens, i, adjacent)
        if "relative" in kinds and published and counted and tok.key.split()[0] in units:
            n, start = counted                   # "dua pekan lalu", "10 days ago"
            day, precision = _ago(published, n, units[tok.key.split()[0]])
            found.append(Found(start, tok.end, day, precision, "relative"))
            used_until = tok.end
        elif "relative" in kinds and published:
            _, days, months, precision = kinds["relative"]
            day = _shift_months(published, months) if months else published + dt.timedelta(days=days)
            if months == 0 and precision == 3:
                day = min(day, published)
            end = extend_part(i, tok.end)
            num = next((n for n in numeric if adjacent(end, n[0]) and n[0] - end <= 4), None)
            if num and precision == 1:           # "kemarin (7/12)": the written date says it
                found.append(Found(tok.start, num[1], num[2], 1, "absolute", has_year=num[3]))
                numeric.remove(num)
                used_until = num[1]
                continue
            found.append(Found(tok.start, end, day, precision, "relative"))
        elif "weekday" in kinds and _cased(text, tok.start, tok.end):
            iso = kinds["weekday"][1]
            num = next((n for n in numeric if adjacent(tok.end, n[0]) and n[0] - tok.end <= 4), None)
            if num:
                start, end, day, has_year, alt = num
                kind = "absolute"
                if day.isoweekday() != iso and alt and alt[0].isoweekday() == iso:
                    day = alt[0]
                elif day.isoweekday() != iso and published and not has_year:
                    day, kind = _weekday_date(iso, published, False), "weekday"   # the numbers are the typo
                numeric.remove(num)
                with_part = _extend_after(text, tokens, end, "part")    # "Jumat (8/12) dini hari"
                if day == published and not has_year and with_part == end:
                    kind = "publication"        # "kata polisi, Kamis (25/5)": the day of the report
                end = used_until = with_part
                found.append(Found(tok.start, end, day, 1, kind, has_year=has_year, has_weekday=True))
                continue
            prev = tokens[i - 1] if i else None
            if kinds["weekday"][2:] and not _name_stands(text, tok, prev, tokens[i + 1] if i + 1 < len(tokens)
                                                         else None, adjacent):
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and "month" in _kinds(nxt) and _WEEKDAY_TO_MONTH.match(text[tok.end:nxt.start]):
                continue            # "Friday, December 8", "Rabu, 6 Desember": the month rule reads it
            if published is None:
                continue
            past_after = token_after(i, "past_after")
            prev = tokens[i - 1] if i else None
            past_before = prev is not None and "past_before" in _kinds(prev) and adjacent(prev.end, tok.start)
            start = prev.start if past_before else tok.start
            end = past_after.end if past_after else extend_part(i, tok.end)
            day = _weekday_date(iso, published, bool(past_after) or past_before)
            found.append(Found(start, end, day, 1, "weekday", has_weekday=True))
            used_until = end
        elif "month" in kinds and _cased(text, tok.start, tok.end):
            month = kinds["month"][1]
            prev = tokens[i - 1] if i else None
            before = _DAY_BEFORE.search(text, max(0, tok.start - 6), tok.start)
            weekday = prev if prev is not None and "weekday" in _kinds(prev) and \
                adjacent(prev.end, before.start() if before else tok.start) else None
            after = _DAY_AFTER.match(text[tok.end:tok.end + 8]) if not before else None
            rest = tok.end + (after.end() if after else 0)
            year = _YEAR_AFTER.match(text[rest:rest + 8])
            start = weekday.start if weekday is not None else before.start() if before else tok.start
            end = rest + (year.end() if year else 0)
            if before or after:
                day_no = int((before or after)[1])
                day = (_safe_date(int(year[1]), month, day_no) if year
                       else _infer_year(month, day_no, published))
                if day:
                    found.append(Found(start, end, day, 1, "absolute", has_year=bool(year),
                                       has_weekday=weekday is not None))
                    used_until = end
                continue
            modifier = prev is not None and "m_before" in _kinds(prev) and adjacent(prev.end, tok.start)
            past = token_after(i, "m_past_after")
            if year:
                day = dt.date(int(year[1]), month, 15)
            elif (modifier or past) and published:
                y = published.year if (month < published.month or (month == published.month and not past)) \
                    else published.year - 1
                day = dt.date(y, month, 15)
            else:
                continue
            if published and day > published and day.month == published.month:
                day = published
            end = past.end if past else end
            found.append(Found(prev.start if modifier else tok.start, end, day, 3, "month",
                               has_year=bool(year)))
            used_until = end
        elif "unit" in kinds and published:
            ago = token_after(i, "ago")
            if counted and ago:
                day, precision = _ago(published, counted[0], kinds["unit"][1])
                found.append(Found(counted[1], ago.end, day, precision, "relative"))
                used_until = ago.end
        if "year_before" in kinds:
            year = _YEAR_ONLY.match(text[tok.end:tok.end + 8])
            if year and not any(n[0] == tok.end + year.start(1) for n in numeric):
                y = int(year[1])
                if published is None or y <= published.year:
                    end = tok.end + year.end()
                    historical = published is not None and y < published.year
                    found.append(Found(tok.start, end, dt.date(y, 1, 1), 3, "year", historical, True))
                    used_until = end
    for start, end, day, has_year, _ in numeric:
        if not any(f.start <= start < f.end for f in found):
            found.append(Found(start, end, day, 1, "absolute", has_year=has_year))
    found.sort(key=lambda f: f.start)
    if published is not None:
        limit = published - dt.timedelta(days=HISTORICAL_DAYS)
        found = [f if f.historical or f.date >= limit else
                 Found(f.start, f.end, f.date, f.precision, f.kind, True, f.has_year, f.has_weekday)
                 for f in found]
    return found


def run(doc: Doc) -> None:
    """Set `doc.findings['dates']`: one DateMention per expression, in text order."""
    language = doc.language or ""
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
