"""Stage `casualties`: counts of dead and injured, with ACLED's conventions.

One `Matcher` pass finds the language's number words, vague quantities (`puluhan`, `dozens`),
hedges (`setidaknya`, `up to`), casualty words (`tewas`, `menewaskan`, `killed`, `wounding`),
"nobody died" phrases, attacker nouns, "blew himself up" phrases, aggregate markers
(`sejak`, `so far this year`), subset words (`termasuk dua anak`, `tiga di antaranya`) and
words that make a number something else (`pukul 4`, `25 tahun`,
`2.500 tentara` has no casualty word near it). Digits are read with the language's
thousands separator (`2.500` = 2500 in Indonesian); `4.30` is a time, not a count.

A count belongs to the nearest casualty word in its sentence: the first one after it, if
that word takes its count before it, within `MAX_AFTER` words ("12 orang tewas", "seven were
wounded"), or the last one before it, if that word takes its count after it, within
`MAX_BEFORE` words ("menewaskan 7 orang", "killing nine"; `MAX_TOLL` after toll nouns such as
"korban tewas ... bertambah menjadi 10"); ties go to the following word. When a verb has a
count after it, a count before it is its subject ("Two gunmen killed four"). Counts joined by
"and"/"dan" before one word are one toll ("three police officers and three assailants were
killed" = 6). `exact` says whether ACLED may code the figure: "up to N" and vague words like
"several" are not (`exact=False`); "at least N", "about N", "dua atau tiga" (2) and
"dozens"/"puluhan" (12) are, at their `low` end.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from events import lang
from events.findings import Casualty
from events.extract.sentences import windows
from events.matcher import Matcher, fold
from events.article import Doc

MAX_AFTER = 6        # words between a count and a following casualty word
MAX_BEFORE = 3       # words between a preceding casualty word and its count
WINDOW = 3000        # characters of text read at once (whole sentences where they fit)
SUBJECT_GAP = 3      # "3 rebels (were) killed": words between a count and the casualty word it is the subject of
FATE_GAP = 2          # words between a count and what befell its people ("3 others nabbed", "two were captured")
FATE_REACH = 40       # ... and characters
HEADLINE_SUBJECT = 4  # words of a headline's subject told with no article ("BIFF sub-leader killed in ...")
ONE_OF_GAP = 2       # "one of (the) two (related) attacks": words from "one of" to the count it picks from
ONE_OF_REACH = 40    # ... in at most these characters
SUBJECT_REACH = 60   # characters before a casualty word where its subject's count may end
MAX_ITEM = 4         # words between two counts of one list ("12 civilians, three government officials and")
MAX_TOLL = 8         # words between a toll noun and its count ("korban tewas ... menjadi 10")
MAX_TOLL_VERB = 24   # words between a toll noun and "risen to N" in its sentence
MAX_PART = 30        # words of a part named of a toll that runs to its casualty word ("including a guard, ...")
MAX_GUILT = 1        # words between a charge and its casualty word ("accused of the killing of", "failed to kill")
MAX_UNREAL = 4       # words between an intent or a sentence and its casualty word ("sentenced three men to death")

_DIGITS = re.compile(r"(?<![\w.,:/])\d+(?:[.,]\d+)*(?![\w:/]|[.,]\d)")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_BREAK = re.compile(r"[;:()\[\]]|--|—")
_ABBREVIATION = re.compile(r"\(\s*[A-Z][A-Z0-9-]{1,9}\s*\)")     # "(BSF)", "(TNI-AD)": a name's short form
_JOIN = re.compile(r"^[\s-]*$")
_RESTATED = re.compile(r"\s*\)")
_CALENDAR_YEAR = range(1900, 2101)


@dataclass
class _Count:
    start: int
    end: int
    low: int
    high: int
    firm: bool = True
    weak: bool = False           # "a", "an": one, but only close to a casualty word ("killing a civilian")
    partitive: bool = False      # "tiga di antaranya", "three of them": a part of a count said before
    excluded: bool = False


@dataclass(frozen=True)
class _Single:
    """casualties.toml [single]: how one person killed or hurt is told without a numeral."""
    aux: tuple[tuple[str, ...], ...] = ()
    aux_plural: tuple[tuple[str, ...], ...] = ()
    max_gap: int = 3
    subjects: frozenset[str] = frozenset()
    objects: tuple[tuple[tuple[str, ...], int], ...] = ()
    enclitics: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()
    list_determiners: frozenset[str] = frozenset()
    np_stop: frozenset[str] = frozenset()
    plural_suffixes: tuple[str, ...] = ()
    singular_endings: tuple[str, ...] = ()
    plural_heads: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()
    negation: tuple[tuple[str, ...], ...] = ()
    adverbs: frozenset[str] = frozenset()
    perpetrators: tuple[tuple[str, ...], ...] = ()
    ands: frozenset[str] = frozenset()          # conjunctions.words of one word ("and", "dan")
    title_names: bool = False                   # a lowercase title may stand before a name ("killed blogger X")
    nominal: tuple[tuple[str, ...], ...] = ()   # "the murder of": its object is one person, however written
    reflexives: frozenset[str] = frozenset()    # "killed themselves": the subject is among the dead
    kin: frozenset[str] = frozenset()           # one relative named by a possessive ("istrinya": his wife)
    verb_suffixes: tuple[str, ...] = ()         # endings of a verb, never of a person's noun ("exploded")
    joins: tuple[tuple[str, ...], ...] = ()     # conjunctions.words, each as its words ("as well as")
    openers: frozenset[str] = frozenset()       # words opening a headline's second clause ("... as soldier killed")
    joined_gap: int = 0     # a longer gap when the casualty word follows "and": "was shot in the forehead and died"


@dataclass(frozen=True)
class _Table:
    matcher: Matcher
    thousands: str
    single: _Single = _Single()
    # shared.one_of ("one of three bombings"), found apart from the matcher: as one of its phrases
    # it would hide the number inside it ("killing one of them", "salah satu dari mereka tewas")
    one_of: re.Pattern | None = None
    part_of: re.Pattern | None = None    # subsets.part_of between two counts: " of the " in "three of the four"


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True))


def _single_table(data: dict, perpetrators: list[str], ands: list[str]) -> _Single:
    if not data:
        return _Single()
    return _Single(
        _phrases(data.get("aux", [])), _phrases(data.get("aux_plural", [])), int(data.get("max_gap", 3)),
        frozenset(fold(w) for w in data.get("subjects", [])),
        tuple(sorted(((tuple(fold(k).split()), int(v)) for k, v in data.get("objects", {}).items()),
                     key=lambda kv: -len(kv[0]))),
        tuple(fold(w) for w in data.get("enclitics", [])),
        frozenset(fold(w) for w in data.get("determiners", [])),
        frozenset(fold(w) for w in data.get("list_determiners", [])), frozenset(fold(w) for w in data.get("np_stop", [])),
        tuple(data.get("plural_suffixes", [])), tuple(data.get("singular_endings", [])),
        frozenset(fold(w) for w in data.get("plural_heads", [])), frozenset(fold(w) for w in data.get("not_people", [])),
        _phrases(data.get("negation", [])), frozenset(fold(w) for w in data.get("adverbs", [])),
        _phrases(perpetrators), frozenset(fold(w) for w in ands if " " not in w.strip()),
        bool(data.get("title_names", False)), _phrases(data.get("nominal", [])),
        frozenset(fold(w) for w in data.get("reflexives", [])), frozenset(fold(w) for w in data.get("kin", [])),
        tuple(fold(w) for w in data.get("verb_suffixes", [])), _phrases(ands),
        frozenset(fold(w) for w in data.get("clause_openers", [])), int(data.get("joined_gap", 0)))


@cache
def table(language: str) -> _Table | None:
    """The language's matcher over every word this stage needs, or None without data."""
    try:
        nums, cas = lang.load(language, "numbers"), lang.load(language, "casualties")
    except lang.LanguageDataError:
        return None
    pats: list[tuple[str, tuple]] = []
    pats += [(w, ("num", v)) for w, v in nums["words"].items()]
    pats += [(w, ("weak", v)) for w, v in nums.get("weak", {}).items()]
    pats += [(w, ("scale", v)) for w, v in nums["scales"].items()]
    pats += [(w, ("teen", v)) for w, v in nums["teens"].items()]
    pats += [(w, ("conn",)) for w in nums["connectors"]["words"]]
    pats += [(w, ("vague", v["low"], v["high"], v["firm"])) for w, v in nums["vague"].items()]
    for kind in ("killed", "injured"):
        pats += [(w, (kind, "after")) for w in cas[kind]["after"]]
        pats += [(w, (kind, "before")) for w in cas[kind]["before"]]
        pats += [(w, (kind, "before", "toll")) for w in cas[kind].get("toll", [])]
        pats += [(w, ("zero", (kind,))) for w in cas["zero"][kind]]
    pats += [(w, ("zero", ("killed", "injured"))) for w in cas["zero"]["both"]]
    for hedge in ("at_least", "up_to", "about"):
        pats += [(w, ("hedge", hedge)) for w in cas["hedges"][hedge]]
    pats += [(w, ("nc_before",)) for w in cas["not_counts"]["before"]]
    pats += [(w, ("nc_after",)) for w in cas["not_counts"]["after"]]
    pats += [(w, ("nc_people",)) for w in cas["not_counts"].get("people", [])]
    pats += [(w, ("fate",)) for w in cas["not_counts"].get("fates", [])]
    pats += [(w, ("source",)) for w in cas["not_counts"].get("sources", [])]
    pats += [(w, ("unreal",)) for w in cas.get("unreal", {}).get("before", [])]
    pats += [(w, ("unreal_near",)) for w in cas.get("unreal", {}).get("near", [])]
    pats += [(w, ("toll_verb",)) for w in cas.get("toll_verbs", {}).get("before", [])]
    pats += [(w, ("perp",)) for w in cas["perpetrators"]["nouns"]]
    pats += [(w, ("self",)) for w in cas["perpetrators"]["self_killed"]]
    pats += [(w, ("besides",)) for w in cas["perpetrators"].get("besides", [])]
    pats += [(w, ("survived",)) for w in cas["perpetrators"].get("survived", [])]   # "gagal meledakkan rompinya": no self
    pats += [(w, ("stated",)) for w in cas.get("stated", {}).get("before", [])]
    pats += [(w, ("stated_zero",)) for w in cas.get("stated", {}).get("zero", [])]
    pats += [(w, ("stated_after",)) for w in cas.get("stated", {}).get("after", [])]
    pats += [(w, ("separate",)) for w in cas.get("separate", {}).get("after", [])]
    shared = cas.get("shared", {})
    pats += [(w, ("shared", True)) for w in shared.get("markers", [])]
    pats += [(w, ("shared", False)) for w in shared.get("counted", [])]
    pats += [(w, ("both", int(v))) for w, v in shared.get("both", {}).items()]
    pats += [(w, ("incidents",)) for w in shared.get("incidents", [])]
    pats += [(w, ("agg",)) for w in cas["aggregate"]["markers"]]
    pats += [(w, ("campaign",)) for w in cas["aggregate"].get("campaign", [])]
    pats += [(w, ("region_cause",)) for w in cas["aggregate"].get("region_causes", [])]
    pats += [(w, ("and",)) for w in cas["conjunctions"]["words"]]
    pats += [(w, ("one_more",)) for w in cas["conjunctions"].get("one_more", [])]
    pats += [(w, ("subset",)) for w in cas["subsets"]["before"]]
    pats += [(w, ("partitive",)) for w in cas["subsets"]["after"]]
    pats += [(w, ("range",)) for w in cas["ranges"]["joiners"]]
    pats += [(w, ("between",)) for w in cas["ranges"]["between"]]
    one_of = [r"\s+".join(map(re.escape, w.split())) for w in shared.get("one_of", []) if w.strip()]
    part_of = [r"\s+".join(map(re.escape, w.split())) for w in cas["subsets"].get("part_of", []) if w.strip()]
    return _Table(Matcher(pats), nums["numeric"]["thousands_separator"],
                  _single_table(cas.get("single", {}), cas["perpetrators"]["nouns"],
                                cas["conjunctions"]["words"]),
                  re.compile(rf"\b(?:{'|'.join(one_of)})\b", re.IGNORECASE) if one_of else None,
                  re.compile(rf"\s+(?:{'|'.join(part_of)})\s+", re.IGNORECASE) if part_of else None)


class _Token:
    """A match of the article's matcher pass, moved to the offsets of one window of it."""
    __slots__ = ("start", "end", "text", "value")

    def __init__(self, start: int, end: int, text: str, value: list):
        self.start, self.end, self.text, self.value = start, end, text, value


_KINDS: dict[int, tuple[list, dict[str, tuple]]] = {}


def _kinds(match) -> dict[str, tuple]:
    """The kinds of a matched word, by kind (read-only: shared by every match of the word).
    Computed once per word of the table: the matcher hands out the same payload list for
    every match of a pattern, and keeping it in the cache keeps its id from being reused."""
    hit = _KINDS.get(id(match.value))
    if hit is not None and hit[0] is match.value:
        return hit[1]
    out = _kinds_of(match)
    _KINDS[id(match.value)] = (match.value, out)
    return out


class _Index:
    """The tokens of one piece of text by kind, each kind's in text order with their starts, so
    "the next attacker noun after X" or "the "and"s between X and Y" is a bisect, not a pass over
    every token (the matcher returns tokens in text order, never overlapping)."""

    def __init__(self, tokens: list, text: str = "", kinds: list | None = None):
        self.tokens = tokens
        self.text = text
        self.kinds = kinds if kinds is not None else [_kinds(t) for t in tokens]
        self.by: dict[str, list] = {}
        for t, k in zip(tokens, self.kinds):
            for key in k:
                self.by.setdefault(key, []).append(t)
        self.starts = {key: [t.start for t in ts] for key, ts in self.by.items()}

    def of(self, kind: str) -> list:
        return self.by.get(kind, [])

    def within(self, kind: str, lo: int, hi: int) -> list:
        """Tokens of `kind` that start in [lo, hi), in text order."""
        starts = self.starts.get(kind)
        if not starts:
            return []
        return self.by[kind][bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def first(self, kind: str, lo: int):
        """The first token of `kind` that starts at `lo` or after, else None."""
        starts = self.starts.get(kind)
        if not starts:
            return None
        i = bisect.bisect_left(starts, lo)
        return self.by[kind][i] if i < len(starts) else None


class _Counts:
    """A list of counts with bisect over their starts and ends when they are in text order (they
    are: counts never overlap); any other order falls back to a pass over the list."""

    def __init__(self, counts: list):
        self.counts = counts
        self.starts = [c.start for c in counts]
        self.ends = [c.end for c in counts]
        self.ordered = all(a.start <= b.start and a.end <= b.end for a, b in zip(counts, counts[1:]))

    def starting(self, lo: int, hi: int) -> list:
        """Counts with lo <= start < hi, in list order."""
        if not self.ordered:
            return [c for c in self.counts if lo <= c.start < hi]
        return self.counts[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def ending(self, lo: int, hi: int) -> list:
        """Counts with lo <= end <= hi, in list order."""
        if not self.ordered:
            return [c for c in self.counts if lo <= c.end <= hi]
        return self.counts[bisect.bisect_left(self.ends, lo):bisect.bisect_right(self.ends, hi)]


_RUN_AFTER = re.compile(r"[\s-]*")


def _blank_before(text: str, pos: int, chars: str = "") -> int:
    """Start of the run of white space (and `chars`) that ends at `pos`."""
    while pos > 0 and (text[pos - 1].isspace() or text[pos - 1] in chars):
        pos -= 1
    return pos


def _char_before(text: str, pos: int) -> str:
    """The last character before `pos` that is not white space ('' if none): text[:pos].rstrip()[-1:]."""
    pos = _blank_before(text, pos)
    return text[pos - 1] if pos > 0 else ""


def _char_after(text: str, pos: int) -> str:
    """The first character from `pos` on that is not white space: text[pos:].lstrip()[:1]."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else ""


def _kinds_of(match) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for p in match.value:
        out.setdefault(p[0], p)
        if p[0] in ("killed", "injured"):
            out.setdefault(p[0] + "_" + p[1], p)
    return out


@cache
def _grouped(thousands: str) -> re.Pattern:
    return re.compile(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+")


def _digit_value(text: str, thousands: str) -> int | None:
    """'2.500' -> 2500 where '.' groups thousands; '4.30' (a time or decimal) -> None."""
    if text.isdigit():
        return int(text)
    if _grouped(thousands).fullmatch(text):
        return int(text.replace(thousands, ""))
    return None


def _compose(values: list[tuple]) -> int:
    """Number words to a value: 'tiga puluh dua' 32, 'dua belas' 12, 'two thousand five hundred'."""
    total = chunk = pending = 0
    for kind, v in values:
        if kind == "scale" and v >= 1000:
            total += (chunk + pending or 1) * v
            chunk = pending = 0
        elif kind == "scale":                   # "tiga puluh", "dua ratus", "one hundred"
            chunk += (pending or 1) * v
            pending = 0
        elif kind == "teen":
            pending += v
        elif v >= 1000:
            total += v
        elif v >= 100:
            chunk += v
        else:
            pending += v
    return total + chunk + pending


def _counts(text: str, tokens: list, thousands: str) -> list[_Count]:
    """Numbers in digits and words, composed, with hedges, ranges and exclusions applied."""
    parts: list[tuple[int, int, tuple]] = []
    for m in _DIGITS.finditer(text):
        value = _digit_value(m.group(), thousands)
        parts.append((m.start(), m.end(), ("num", value, "digits") if value is not None else ("bad", 0)))
    for t in tokens:
        k = _kinds(t)
        for key in ("num", "scale", "teen", "conn", "vague", "weak"):
            if key in k:
                parts.append((t.start, t.end, k[key]))
                break
    parts.sort()
    counts: list[_Count] = []
    group: list[tuple[int, int, tuple]] = []

    def flush() -> None:
        while group and group[-1][2][0] == "conn":
            group.pop()
        if not group:
            return
        start, end = group[0][0], group[-1][1]
        if any(p[2][0] == "bad" for p in group):
            counts.append(_Count(start, end, 0, 0, excluded=True))
        elif group[0][2][0] == "weak" and len(group) == 1:
            counts.append(_Count(start, end, group[0][2][1], group[0][2][1], weak=True))
        elif group[0][2][0] == "vague":
            _, low, high, firm = group[0][2]
            counts.append(_Count(start, end, low, high, firm=firm))
        else:
            value = _compose([("num", p[2][1]) if p[2][0] in ("weak", "num") else p[2]
                              for p in group if p[2][0] != "conn"])
            counts.append(_Count(start, end, value, value))
        group.clear()

    for part in parts:
        joinable = group and part[2][0] in ("scale", "teen", "num", "conn") and \
            group[-1][2][0] != "vague" and _JOIN.match(text[group[-1][1]:part[0]]) and \
            (part[2][0] != "conn" or group[-1][2][0] == "scale")   # "one hundred and twelve"
        both_numbers = part[2][0] == "num" and group and group[-1][2][0] == "num"
        if group and group[-1][2][0] == "weak" and "digits" in part[2]:
            joinable = False        # "killing a 10-year-old girl": the article is one person, not part of 10
        if not joinable or (both_numbers and not _tens_units(group[-1], part)):
            flush()
        if part[2][0] != "conn" or group:
            group.append(part)
    flush()
    for a, b in zip(counts, counts[1:]):
        close = _RESTATED.match(text, b.end)
        if close and a.low == b.low and re.fullmatch(r"\s*\(\s*", text[a.end:b.start]):
            a.end, b.excluded = close.end(), True          # "2 (dua) orang": one count
    for c in counts:
        raw = text[c.start:c.end]
        if raw.isdigit() and int(raw) in _CALENDAR_YEAR:
            c.excluded = True
        if _char_before(text, c.start) == "(" and _char_after(text, c.end) == ")":
            c.excluded = True             # "Riyad Jaffar ( 27 )": an age after a name
        name = re.search(r"([^\W\d_])[\w'’-]*\s*,\s*$", text[max(0, c.start - 40):c.start])
        if raw.isdigit() and name and name.group(1).isupper() and _char_after(text, c.end) == "," and \
                not text[max(0, c.start - 40):c.start].isupper():
            c.excluded = True             # "Shiv Prakash, 25, was beheaded": an age after a name
    return counts


def _tens_units(tens: tuple, units: tuple) -> bool:
    """Number words that add up: "twenty one" (not digits: "20-5" is a score or a range)."""
    if "digits" in tens[2] or "digits" in units[2]:
        return False
    return tens[2][1] % 10 == 0 and 10 <= tens[2][1] < 100 and units[2][1] < 10


def _sides(word) -> set[str]:
    return {p[1] for p in word.value if p[0] in ("killed", "injured")}


_DIGITS_AT = re.compile(r"\s*(\d+)\b")
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_SPACES = re.compile(r"\s*")


def _gap_words(text: str) -> int:
    return len(_WORD.findall(text))


def _object_of_hurt(text: str, idx: _Index, c) -> bool:
    """The count is the object of a casualty verb right before it, one word between at most
    ("killed two suspects", "shot dead three troops")."""
    return any(w.end <= c.start and _gap_words(text[w.end:c.start]) <= 1 and not _CLAUSE.search(text, w.end, c.start)
               for kind in ("killed_before", "injured_before")
               for w in idx.within(kind, max(0, c.start - FATE_REACH), c.start))


def _hurt_after(text: str, idx: _Index, end: int) -> bool:
    """A casualty word follows `end` in the same clause, one word between at most ("suspects
    died", "troops were shot dead", "tersangka tewas")."""
    for kind in ("killed_after", "injured_after"):
        w = idx.first(kind, end)
        if w is not None and _gap_words(text[end:w.start]) <= 1 and not _CLAUSE.search(text, end, w.start):
            return True
    return False


def _find(text: str, tokens: list, thousands: str, date_spans: list[tuple[int, int]],
          starts: list[int], single: _Single | None = None, kinds: list | None = None,
          one_of: re.Pattern | None = None, part_of: re.Pattern | None = None) -> list[tuple]:
    """(kind, low, high, start, end, firm, perpetrators) tuples, in text order. `kinds`: the
    tokens' kinds when known already (`_kinds` of each); `one_of`: the table's "one of" phrases;
    `part_of`: what stands between a part and its whole ("three of the four")."""
    counts = _counts(text, tokens, thousands)
    idx = _Index(tokens, text, kinds)
    stated_shares: list[tuple] = []
    if date_spans:
        spans = sorted(date_spans)
        span_starts = [s for s, _ in spans]
        reach = []                  # the farthest end of the spans up to each
        far = -1
        for _, e in spans:
            far = max(far, e)
            reach.append(far)
        for c in counts:
            i = bisect.bisect_right(span_starts, c.start)
            if i and reach[i - 1] > c.start:
                c.excluded = True
    subsets = _subset_spans(text, idx, starts)
    for c in counts:             # "five people, including two children and a guard, were killed": the five
        if _in_subset(subsets, c.start, c.end, idx):
            c.excluded = True
    cs = _Counts(counts)
    for t in idx.of("nc_before"):      # "pukul 4", "ke-3"
        for c in cs.starting(t.end, _RUN_AFTER.match(text, t.end).end() + 1):
            if c.start >= t.end and _JOIN.match(text[t.end:c.start]):
                c.excluded = True
    for t in idx.of("partitive"):      # "tiga di antaranya tewas": three of those just counted
        for c in cs.ending(_blank_before(text, t.start), t.start):
            if c.end <= t.start and not text[c.end:t.start].strip():
                c.partitive = True
    if part_of is not None:            # "three of the four attackers": three, not four
        for a, b in zip(counts, counts[1:]):
            if part_of.fullmatch(text, a.end, b.start) and a.high < b.low and not a.excluded:
                b.excluded = True
    if one_of is not None:
        _one_of_counts(text, idx, cs, one_of, single)
    for t in idx.of("source"):         # "according to three activists, two were killed": the sources are no toll
        comma = text.find(",", t.end)
        stop = min(x for x in (comma, text.find(".", t.end), len(text)) if x >= 0)
        for c in cs.starting(t.end, stop):
            if t.end <= c.start and c.end <= stop:
                c.excluded = True
    for t in idx.of("shared"):         # "across 4 events": a count of incidents, not of people
        noun = idx.first("incidents", t.end)
        own = re.match(r"\s*\((\d+)\)", text[noun.end:noun.end + 12]) if noun is not None else None
        if own and _gap_words(text[t.end:noun.start]) <= 3:   # "split across 4 events (2)": the coder's share
            stated_shares.append(("killed", int(own.group(1)), int(own.group(1)), t.start,
                                  noun.end + own.end(), True, "share"))
        if noun is not None and _gap_words(text[t.end:noun.start]) <= 3:
            for c in cs.starting(t.end, noun.start):
                if t.end <= c.start and c.end <= noun.start:
                    c.excluded = True
    for t in idx.of("incidents"):      # "two related attacks", "three separate incidents": no people
        before = cs.ending(-1, t.start)
        for c in (reversed(before) if cs.ordered else before):
            if c.end <= t.start and _gap_words(text[c.end:t.start]) <= 1 and not _CLAUSE.search(text, c.end, t.start):
                c.excluded = True
            elif cs.ordered:
                break               # an earlier count has at least the words and marks of this gap
    for t in idx.of("nc_after"):
        people = "nc_people" in _kinds(t)
        if people and _hurt_after(text, idx, t.end):
            continue                   # "two suspects died", "three troops were killed"
        for c in cs.ending(_blank_before(text, t.start, "-"), t.start):
            if c.end <= t.start and _JOIN.match(text[c.end:t.start]) and not (people and _object_of_hurt(text, idx, c)):
                c.excluded = True      # ... and "police shot dead two suspects" stays a toll
    for t in idx.of("fate"):           # "3 others nabbed", "two aides were captured": not the dead
        if _hurt_after(text, idx, t.end):
            continue                   # "captured and killed"
        for c in cs.ending(t.start - FATE_REACH, t.start):
            # (not across "and": "killed three villagers and abducted two"; not a casualty verb's
            # object: "killed two suspects, arrested three"; not a part: "three of those arrested
            # were later found dead")
            if c.end <= t.start and _gap_words(text[c.end:t.start]) <= FATE_GAP \
                    and not _CLAUSE.search(text, c.end, t.start) and not idx.within("and", c.end, t.start) \
                    and not idx.within("partitive", c.end, t.start) \
                    and not _object_of_hurt(text, idx, c):
                c.excluded = True
    for c in counts:          # "killing four villagers, two of them children": a part of the four
        if c.partitive and _char_before(text, c.start) == "," and any(
                not d.partitive and not d.excluded and d.end <= c.start and _gap_words(text[d.end:c.start]) <= 3
                for d in counts):
            c.excluded = True
    if single is not None and single.aux:
        for c in counts:               # "one of whom was a suicide bomber": a predicate, no count of people
            if c.weak and _ends_with(_tokens(text, max(0, c.start - 20), c.start), single.aux):
                c.excluded = True
    counts = [c for c in counts if not c.excluded]
    _apply_hedges_and_ranges(text, idx, counts)
    counts = [c for c in counts if not c.excluded]
    found: list[tuple] = _besides(text, idx, counts, starts, single) + stated_shares
    for t in idx.of("stated"):          # "Fatalities coded as 0": the coder's own figure
        c = next((c for c in counts if c.start >= t.end and not text[t.end:c.start].strip()), None)
        if c is not None:
            found.append(("killed", c.low, c.high, t.start, c.end, c.firm, "stated"))
            counts.remove(c)
    for t in idx.of("stated_after"):    # "In all 6 fatalities (4 confirmed, 2 split) coded to this event"
        c = _stated_before(text, counts, t.start)
        if c is not None:
            found.append(("killed", c.low, c.high, c.start, t.end, c.firm, "stated"))
            counts.remove(c)
    counted_selves: set[int] = set()
    perp_by_end = {p.end: p for p in idx.of("perp")}
    for t in idx.of("self"):            # "Dua pelaku bom bunuh diri tewas": the count of dead attackers
        c = next((c for c in counts if c.end <= t.start and not text[c.end:t.start].strip()), None)
        if c is None:          # "two female suicide bombers blew themselves up": the two
            perp = perp_by_end.get(_blank_before(text, t.start))
            if perp is not None:
                c = next((c for c in counts if c.end <= perp.start and not _CLAUSE.search(text, c.end, perp.start)
                          and _gap_words(text[c.end:perp.start]) <= 2), None)
            else:              # "when two Palestinians blew themselves up": the count of its own subject
                c = next((c for c in reversed(counts) if c.end <= t.start), None)
                verb = _blank_before(text, c.start) if c is not None else 0
                if c is not None and (c.weak or _CLAUSE.search(text, c.end, t.start) or
                                      _gap_words(text[c.end:t.start]) > 2 or idx.within("and", c.end, t.start)
                                      or idx.within("killed", c.end, t.start) or idx.within("injured", c.end, t.start)
                                      or any(w.end == verb for w in idx.within("killed", verb - 40, verb))
                                      or any(w.end == verb for w in idx.within("injured", verb - 40, verb))):
                    c = None           # "injured 55 after blowing himself up": the 55 are the verb's
        if c is not None:
            found.append(("killed", c.low, c.high, c.start, t.end, c.firm, True))
            counts.remove(c)
            counted_selves.add(t.start)
    words = [t for t, k in zip(tokens, idx.kinds) if "killed" in k or "injured" in k]
    words = _real(text, idx, words)
    if single is not None:              # "were nearly killed", "almost lynched a thief": nobody died
        words = [w for w in words if not _negated_before(text, w.start, single)]
    groups: dict[tuple[int, str], list[_Count]] = {}
    by_start = {w.start: w for w in words}
    in_sentence: dict[int, list] = {}
    for w in words:
        in_sentence.setdefault(bisect.bisect_right(starts, w.start), []).append(w)
    sentence_words = {si: (ws, [w.start for w in ws], [w.end for w in ws]) for si, ws in in_sentence.items()}
    cs = _Counts(counts)
    for c in counts:
        same = sentence_words.get(bisect.bisect_right(starts, c.start), ([], [], []))
        choice = _attach(text, c, cs, same, idx, subsets, single)
        if choice:
            groups.setdefault(choice, []).append(c)
    subjects: set[int] = set()
    weak_at: dict[int, int] = {}      # a casualty word's end: the index in `found` of its toll from "a"/"an" alone
    for (word_start, side), members in groups.items():
        if side == "after" and (word_start, "before") in groups:
            continue          # "Two gunmen killed four": the verb's object is the toll, not its subject
        word = by_start[word_start]
        kind = "killed" if f"killed_{side}" in _kinds(word) else "injured"
        start = min(word.start, members[0].start)
        end = max(word.end, members[-1].end)
        perps = all(_of_attackers(text, m, members, word, side, idx) for m in members)
        if perps and side == "after" and single is not None and _takes_object(text, word, single):
            subjects.add(word_start)       # "two gunmen shot and killed the trader": the two did it
            continue
        part = next((lo for lo, _hi, _after in subsets if lo >= members[-1].end), None)
        more = _one_more(text, members[-1].end, word.start if side == "after" else None, idx, part)
        if side == "before" and single is not None:
            more += _one_before(text, word.end, members[0].start, single)
        if side == "after" and all(m.weak for m in members):
            weak_at[word.end] = len(found)     # "an officer identified as X and a woman were killed": the subject may say more
        elif side == "before" and all(m.weak for m in members):
            weak_at[-1 - word.start] = len(found)   # "shot dead an elder and the brother of ...": the object read whole
        if side == "after" and single is not None and not any(m.weak for m in members):
            one, opens = _one_subject_before(text, members[0].start, starts, single)
            more += one
            start = min(start, opens)      # the toll's words hold the person ("The attacker and six soldiers")
        found.append((kind, sum(m.low for m in members) + more, sum(m.high for m in members) + more, start, end,
                      all(m.firm for m in members), perps))
    # "nine people, including the bomber, were killed": a toll that names him already counts him
    attacker_in_part = any(_in_subset(subsets, t.start, t.end, idx) for t in idx.of("perp"))
    if single is not None:
        weak_words = {ws for (ws, side) in groups if side == "after" and by_start[ws].end in weak_at
                      or side == "before" and -1 - ws in weak_at}
        for f in _singles(text, idx, words, {ws for ws, _ in groups} - subjects - weak_words, starts, date_spans, single):
            if _in_subset(subsets, f[3], f[4], idx) or _starts_in_part(subsets, f[3]):
                continue              # "including a guard": one of the five
            if f[4] in weak_at:       # the word's subject, read whole, against its toll from "a" alone
                if f[1] > found[weak_at[f[4]]][1]:
                    found[weak_at[f[4]]] = f
                continue
            if -1 - f[3] in weak_at:  # its object: more persons only when "and" joins them ("a guard, an
                k = weak_at[-1 - f[3]]    # unarmed watchman" may be the same man again)
                if f[1] > found[k][1] and idx.within("and", found[k][4], f[4]):
                    found[k] = f
                continue
            found.append(f)
    for t, k in zip(tokens, idx.kinds):
        if "zero" in k:
            found += [(kind, 0, 0, t.start, t.end, True, False) for kind in k["zero"][1]]
        if "self" in k and t.start not in counted_selves and not attacker_in_part:   # "killing himself and one officer": 2
            found.append(("killed", 1, 1, t.start, t.end, True, "besides"))
    return sorted(found, key=lambda f: (f[3], f[0]))


def _stated_before(text: str, counts: list[_Count], at: int) -> _Count | None:
    """The count a coder's "... coded to this event" states: the last one before `at` in its
    clause, with at most `STATED_WORDS` words between ("fatalities", "confirmed fatalities"),
    bracketed asides read past ("In all 6 fatalities (4 confirmed, 2 split) coded ...")."""
    lo = max(0, at - 200)
    asides = [(lo + m.start(), lo + m.end()) for m in _ASIDE.finditer(text[lo:at])]
    for c in reversed(counts):
        if c.end > at or any(a <= c.start < b for a, b in asides):
            continue
        gap = _ASIDE.sub(" ", text[c.end:at])
        if _CLAUSE.search(gap) or _gap_words(gap) > STATED_WORDS:
            return None
        return c
    return None


STATED_WORDS = 3


_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
_ASIDE = re.compile(r"\([^()]{1,80}\)")      # a bracketed aside inside a noun phrase
_CLAUSE = re.compile(r"[,;:()\[\]\"“”]|\.(?=\s|$)")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, str, int, int]]:
    """(word as written, folded, start, end) of text[lo:hi]; punctuation marks are words too."""
    return [(m.group(), fold(m.group()), lo + m.start(), lo + m.end()) for m in _TOKEN.finditer(text[lo:hi])]


def _starts_with(words: list, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase that `words` (folded) start with, else 0."""
    for p in phrases:
        if tuple(w[1] for w in words[:len(p)]) == p:
            return len(p)
    return 0


def _ends_with(words: list, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        if len(words) >= len(p) and tuple(w[1] for w in words[-len(p):]) == p:
            return len(p)
    return 0


def _plural(head: str, single: _Single) -> bool:
    if head in single.plural_heads:
        return True
    return any(head.endswith(s) for s in single.plural_suffixes) and \
        not any(head.endswith(e) for e in single.singular_endings)


def _one_person(words: list, single: _Single, mixed_case: bool, date_spans) -> tuple[int, int, bool] | None:
    """(people, end, of attackers) when `words` open with a noun phrase of one or two persons:
    "him" 1, "both" 2, "the driver" 1, "Mohammed Ali" 1, "Singh and Kerketta" 2."""
    n = _starts_with(words, tuple(p for p, _ in single.objects))
    if n:
        value = next(v for p, v in single.objects if len(p) == n and tuple(w[1] for w in words[:n]) == p)
        rest = words[n + 1:]
        if value == 1 and len(words) > n + 1 and words[n][1] in single.ands and rest[0][1] in single.list_determiners:
            other = _one_person(rest, single, mixed_case, date_spans)     # "killing him and his wife": 2
            if other is not None and other[0] == 1:
                return 2, other[1], False
        return value, words[n - 1][3], False
    if not words:
        return None
    if words[0][1] in single.determiners:
        people, end, perps, i = 0, None, False, 0
        joined = False
        while i < len(words) and (people == 0 or words[i][1] in single.list_determiners or
                                  joined and words[i][1] in single.determiners):
            phrase = []
            for w in words[i + 1:i + 6]:
                if w[1] in single.np_stop or not w[1][:1].isalnum():
                    break
                phrase.append(w)
            if not phrase or phrase[-1][1] in single.not_people or _plural(phrase[-1][1].split("'")[0], single):
                break
            people += 1
            end = phrase[-1][3]
            perps = perps or any(_starts_with(phrase[j:], single.perpetrators) for j in range(len(phrase)))
            i += 1 + len(phrase)         # "the senator, his wife, and his servant": a list of persons
            joined = False               # "the elder and the brother of ...": after "and", a new person
            while i < len(words) and (words[i][1] == "," or words[i][1] in single.ands):
                joined = joined or words[i][1] in single.ands
                i += 1
        return (people, end, perps and people == 1) if people else None
    title = 0
    while single.title_names and title < 3 and title < len(words) and words[title][0][:1].islower() and words[title][0].isalpha() \
            and words[title][1] not in single.np_stop and words[title][1] not in single.ands:
        title += 1             # "killed farm owner Carlos Navarrete", "killed blogger Ahmed": a title, then a name
    if title and mixed_case and title < len(words) and words[title][0][:1].isupper() and \
            not words[title][0].isupper() and not _plural(words[title - 1][1], single):
        words = words[title:]
    names = []
    for w in words[:6]:
        if not (mixed_case and w[0][:1].isupper() and w[0][:1].isalpha()) or \
                any(s <= w[2] < e for s, e in date_spans):
            break
        names.append(w)
    if not names:
        return None
    rest = words[len(names):]
    noun = []
    for w in rest[:3]:                    # "Afghan soldiers", "Hindu man": the names were modifiers
        if w[1] in single.np_stop or w[1] in single.ands or not w[0][:1].isalpha() or not w[0][:1].islower():
            break
        noun.append(w)
    if noun:
        if _plural(noun[-1][1], single) or noun[-1][1] in single.not_people:
            return None
        return 1, noun[-1][3], False
    if len(rest) >= 2 and rest[0][1] in single.ands and mixed_case and rest[1][0][:1].isupper():
        return 2, rest[1][3], False           # "Singh and Kerketta"
    return 1, names[-1][3], False


def _named_object(words: list, single: _Single) -> tuple[int, int, bool] | None:
    """The object of a death noun ("the murder of SENATOR LUIS GARCIA", "jenazah korban"): one
    person when its phrase (up to the end of the noun phrase) has a head that is not plural."""
    phrase = []
    for w in words[:6]:
        if w[1] in single.np_stop or w[1] in single.ands or not w[0][:1].isalpha():
            break
        phrase.append(w)
    if not phrase or phrase[0][1] in single.determiners and len(phrase) == 1:
        return None
    head = phrase[-1][1]
    if _plural(head, single) or head in single.not_people:
        return None
    return 1, phrase[-1][3], False


def _singles(text: str, idx: _Index, words: list, attached: set[int], starts: list[int],
             date_spans, single: _Single) -> list[tuple]:
    """One or two people killed or hurt, told without a numeral: "a civilian was shot and
    killed", "killing him", "the assailant died", "Colon and his driver were killed"."""
    zero = [(t.start, t.end) for t in idx.of("zero")]
    out = []
    for w in words:
        if w.start in attached or any(s < w.end and w.start < e for s, e in zero):
            continue
        k = _kinds(w)
        kind = "killed" if "killed" in k else "injured"
        sides = _sides(w)
        si = bisect.bisect_right(starts, w.start) - 1
        lo = starts[si] if si >= 0 else 0
        hi = starts[si + 1] if si + 1 < len(starts) else len(text)
        sentence = text[lo:hi]
        mixed = not sentence.isupper()
        before = _tokens(text, max(lo, w.start - 200), w.start)
        own = [x[1] for x in _tokens(text, w.start, w.end)]
        after = _tokens(text, w.end, min(hi, w.end + 200))
        found = None
        if "before" in sides:
            if single.enclitics and any(own[0].endswith(e) and len(own[0]) > len(e) + 3 for e in single.enclitics):
                found = (1, w.start, w.end, False)          # "menewaskannya"
            else:
                obj = [x for x in after]
                while obj and obj[0][1] in single.adverbs:
                    obj = obj[1:]
                if not _starts_with(obj, single.negation):
                    person = _one_person(obj, single, mixed, date_spans)
                    if person is None and tuple(own) in single.nominal:
                        person = _named_object(obj, single)
                    if person is None and mixed and single.plural_suffixes and w.start - 200 <= lo and before \
                            and not any(p[-1] == "toll" for p in w.value) \
                            and not any(x[1] in single.determiners for x in before):
                        # a headline's object with no article ("shot dead mining guard in Surigao"),
                        # after the verb's subject ("Killing bares rebel identity" is a noun's verb)
                        phrase = list(itertools.takewhile(lambda x: x[0][:1].isalpha() and x[1] not in single.np_stop
                                                          and x[1] not in single.ands, obj))
                        if phrase and _headline_person(phrase, single) and phrase[0][0][:1].islower():
                            person = (1, phrase[-1][3], False)
                    if person:
                        found = (person[0], w.start, person[1], person[2])
        transitive = "before" in sides and after and after[0][0][:1].isalnum() and \
            after[0][1] not in single.np_stop and after[0][1] not in single.adverbs
        if found is None and "after" in sides and not transitive:     # "the blast killed the talks": no victim
            found = _subject(before, own, w, single, mixed, opens=w.start - 200 <= lo)
        if found is None:
            continue
        value, start, end, perps = found
        out.append((kind, value, value, start, end, True, perps))
    return out


@cache
def _negation_at_end(phrases: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern | None, int]:
    """A pattern of the negations right at the end of a folded piece of text, and how many
    characters to read for the longest (once per table)."""
    if not phrases:
        return None, 0
    alts = "|".join(r"\s+".join(map(re.escape, p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alts})\s*$"), max(len(" ".join(p)) for p in phrases) + 8


def _negated_before(text: str, pos: int, single: _Single) -> bool:
    """Does a negation stand right before the casualty verb at `pos` ("nearly lynched", "almost
    killing", "did not kill")? Right before only: "orang tak dikenal menembak mati" (unknown men
    shot dead) negates the word between. One search of a few dozen characters: the same cost
    for every word in any text."""
    pattern, reach = _negation_at_end(single.negation)
    return pattern is not None and pattern.search(fold(text[max(0, pos - reach):pos])) is not None


def _joined_wound(gap: list, single: _Single) -> bool:
    """The words between a one-person auxiliary and a casualty word beyond `max_gap` are one wound
    and "and" ("was shot in the forehead and", "was stabbed in the chest and later"), with no clause
    opened between ("was found after being shot and": another clause, another telling)."""
    words = [g[1] for g in gap]
    while words and words[-1] in single.adverbs:
        words.pop()
    return bool(words) and words[-1] in single.ands and not set(words) & single.openers


def _subject(before: list, own: list, w, single: _Single, mixed: bool, opens: bool = False) -> tuple | None:
    """The count that the subject of a casualty word told after it gives: "a man was killed" 1,
    "he died" 1, "the officer and his driver were killed" 2. `opens`: `before` starts where the
    sentence does (a headline's subject stands there with no article: "Police captain killed
    in ambush", "Soldier dies")."""
    plural_in_word = _starts_with([(o, o) for o in own], single.aux_plural)
    singular_in_word = _starts_with([(o, o) for o in own], single.aux)     # the pattern "was killed"
    clause = before
    cut = None          # where the clause begins after a comma: an earlier item of a list may stand before it
    for i in range(len(before) - 1, -1, -1):
        if _CLAUSE.fullmatch(before[i][0]):
            clause = before[i + 1:]
            cut = i if before[i][0] == "," else None
            if not clause and before[i][0] == ",":        # "Rojas, the union leader, died": the apposition
                prev = next((j for j in range(i - 1, -1, -1) if _CLAUSE.fullmatch(before[j][0])), None)
                if prev is not None and before[prev][0] == ",":
                    clause = before[prev + 1:i]
            elif clause and clause[0][1] in single.ands and before[i][0] == ",":
                # "a police officer, identified as X, and a woman were killed": the apposition
                # (a lowercase word, no determiner) belongs to the first of the two
                prev = next((j for j in range(i - 1, -1, -1) if _CLAUSE.fullmatch(before[j][0])), None)
                if prev is not None and before[prev][0] == "," and prev + 1 < i and \
                        before[prev + 1][0][:1].islower() and before[prev + 1][1] not in single.determiners:
                    head = next((j for j in range(prev - 1, -1, -1) if _CLAUSE.fullmatch(before[j][0])), -1)
                    if head + 1 < prev:
                        clause = before[head + 1:prev] + clause
            break
    gap: list = []
    body = list(clause)
    aux = 0
    if singular_in_word:
        aux = 1
    elif not plural_in_word:
        for n in range(max(single.max_gap, single.joined_gap) + 1):    # "was shot and killed", "was later killed"
            if n > single.max_gap and not _joined_wound(body[len(body) - n:], single):
                continue
            part = body[:len(body) - n] if n else body
            aux = _ends_with(part, single.aux)
            if aux:
                gap = body[len(body) - n:] if n else []
                body = part[:len(part) - aux]
                break
            aux = _ends_with(part, single.aux_plural)
            if aux:
                gap = body[len(body) - n:] if n else []
                body = part[:len(part) - aux]
                aux = -aux
                break
    else:
        aux = -1
    if any(_starts_with(gap[i:], single.negation) for i in range(len(gap))) or \
            any(_starts_with(body[i:], single.negation) for i in range(max(0, len(body) - 2), len(body))):
        return None                                  # "was not killed", "no one was hurt"
    perps = any(_starts_with(body[i:], single.perpetrators) for i in range(len(body)))
    start = body[max(0, len(body) - 4)][2] if body else w.start
    if aux <= 0:
        pair = _pair_subject(body, single)
        if pair is not None:                            # "both were killed", "both attackers died", "shot him dead"
            told = [x for x in body if x[2] >= pair[1]]
            return pair[0], pair[1], w.end, any(_starts_with(told[i:], single.perpetrators) for i in range(len(told)))
    if aux > 0:
        return 1, start, w.end, perps                  # "a soldier was shot and killed"
    if aux < 0:
        parts = _split_and(body, single.ands)
        listed = _listed_before(before, cut, [p for p in parts if p], single, mixed)
        if listed is not None:
            return listed[0], listed[1], w.end, perps   # "a teacher, a villager and a police officer were killed"
        first_named = bool(parts and parts[0]) and (mixed and parts[0][-1][0][:1].isupper() and
                                                    parts[0][-1][0][:1].isalpha() and len(parts[0]) >= 2 and
                                                    parts[0][-2][0][:1].isupper() or
                                                    not mixed and _upper_name(parts[0][-2:], single))
        last_named = len(parts) == 2 and not mixed and 0 < len(parts[1]) <= 4 and _upper_name(parts[1], single)
        if len(parts) == 2 and not mixed and len(parts[0]) == len(parts[1]) == 1 and body[0] is parts[0][0] \
                and all(_upper_name(p * 2, single) for p in parts):
            # "PEREZ AND LOZANO WERE SHOT DEAD": two surnames opening a sentence in capitals
            return 2, start, w.end, perps
        if len(parts) == 2 and all(p and (first_named and i == 0 or last_named and i == 1 or
                                          _one_of_two(p, single, mixed))
                                   for i, p in enumerate(parts)):
            return 2, start, w.end, perps              # "Colon and his driver were killed", "officers Ann Lee and Bo Ray were"
        return None
    if aux == 0:
        parts = _split_and(body, single.ands)
        if len(parts) == 2 and len(parts[1]) == 1 and parts[1][0][1] in single.subjects:
            return 1, parts[1][0][2], w.end, False   # "gunmen shot the driver and he died": a clause of its own
        if len(parts) == 2 and all(p and _one_of_two(p, single, mixed) for p in parts):
            return 2, start, w.end, perps              # "he and his wife died", "dia dan istrinya tewas"
    while body and body[-1][1] in single.adverbs:
        body = body[:-1]
    if body and body[-1][1] in single.subjects:
        return 1, body[-1][2], w.end, False          # "he died", "ia tewas"
    names = 0
    while mixed and names < len(body) and body[-1 - names][0][:1].isupper() and body[-1 - names][0][:1].isalpha():
        names += 1
    if (names >= 2 or (names == 1 and len(body) > 1)) and not _PLURAL_ACRONYM.fullmatch(body[-1][0]):
        return 1, body[-names][2], w.end, perps      # "Bripka Marsidon tewas", "... when Khan died"
    if not mixed and aux == 0 and _upper_name(body[-2:], single):
        return 1, body[-2][2], w.end, perps          # "GENERAL ENRIQUE LOPEZ ALBUJAR DIED TODAY"
    for i in range(max(0, len(body) - 5), len(body)):
        if body[i][1] in single.determiners:
            phrase = body[i + 1:]
            if phrase and all(x[1] not in single.np_stop and x[1][:1].isalnum() for x in phrase) and \
                    phrase[-1][1] not in single.not_people and not _plural(phrase[-1][1], single):
                return 1, body[i][2], w.end, perps    # "the administrator died"
            break
    # "Police captain killed in encounter", "Rebel dies", "Soldier, separatist killed in clash",
    # "Army hunts rebels as soldier killed in Samar": each noun phrase of a headline's subject (at
    # its start or after a word opening its second clause), written with no article, is one
    # person; only where a noun shows its plural ("Para kadet tewas" is the cadets)
    if not (mixed and single.plural_suffixes and aux == 0):
        return None
    # (a semicolon or a colon opens a headline's next clause too: "Plot foiled; suspect killed")
    opener = next((i for i in range(len(before) - 1, -1, -1) if before[i][1] in single.openers
                   or before[i][0] in (";", ":")), None)
    if opens or opener is not None:
        subject = before[opener + 1:] if opener is not None else before
        parts = _split_and(subject, single.ands | {","})
        # (after an opener one noun phrase only, no verb in it: "after being shot and beheaded")
        if 1 <= len(parts) <= (1 if opener is not None else 3) and parts[0] \
                and (opener is not None or parts[0][0][0][:1].isupper()) \
                and all(_headline_person(p, single) for p in parts) \
                and not (opener is not None and any(x[1].endswith(single.verb_suffixes) for x in subject)):
            return len(parts), subject[0][2], w.end, perps
    return None


def _listed_before(before: list, cut: int | None, parts: list[list], single: _Single, mixed: bool
                   ) -> tuple[int, int] | None:
    """(people, start) of a list of three or more, one person each, told before a plural casualty
    word: "a teacher, a villager and a police officer were killed", "..., and a police officer were
    killed" (the clause the subject search stopped at is its last item or two). None when any item
    is no one person ("In Kano, a guard and a driver": the place is no item)."""
    if cut is None or not parts or not all(_one_of_two(p, single, mixed) for p in parts):
        return None
    items, end = [], cut
    while end is not None and end > 0:
        start = next((j for j in range(end - 1, -1, -1) if _CLAUSE.fullmatch(before[j][0])), -1)
        item = before[start + 1:end]
        # (an item opens with its article, "a"/"the"/"his": "On Monday," and "In Kano," are no people)
        if not item or item[0][1] not in single.determiners or not _one_of_two(item, single, mixed):
            break
        items.append(item)
        end = start if start >= 0 and before[start][0] == "," else None
    if not items or len(items) + len(parts) < 3:
        return None
    return len(items) + len(parts), items[-1][0][2]


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")     # "NPAs", "IDPs": members of a body, no person's name


def _one_of_two(part: list, single: _Single, mixed: bool) -> bool:
    """Is this side of "X and Y" one person: a subject pronoun ("he", "dia"), a relative named
    by a possessive ("istrinya", [single] kin) or a noun phrase of one ("his wife", "Singh")?"""
    last = part[-1][1]
    if last in single.subjects or last in single.kin:
        return True
    return (_one_person(part, single, mixed, ()) or (0,))[0] == 1


def _takes_object(text: str, word, single: _Single) -> bool:
    """Is this casualty word a verb with its object after it ("killed the trader", "shot dead
    Ahmed Ali"), not a passive or a headline ("were killed in", "killed and two escaped")?"""
    if "before" not in _sides(word):
        return False
    after = _tokens(text, word.end, min(len(text), word.end + 40))
    while after and after[0][1] in single.adverbs:
        after = after[1:]
    return bool(after) and after[0][0][:1].isalnum() and after[0][1] not in single.np_stop \
        and after[0][1] not in single.reflexives and not after[0][0][:1].isdigit() \
        and not _starts_with(after, single.negation)


def _pair_subject(body: list, single: _Single) -> tuple[int, int] | None:
    """(people, start) when an object word stands before the casualty word: one of several
    ("both", "the couple", "keduanya"), alone or before one plural noun ("both attackers"), or
    a person's ("shot him dead", "beat her to death")."""
    for phrase, value in single.objects:
        n = len(phrase)
        if len(body) < n:
            continue
        if tuple(x[1] for x in body[-n:]) == phrase:
            return value, body[-n][2]
        if value >= 2 and len(body) > n and tuple(x[1] for x in body[-n - 1:-1]) == phrase \
                and _plural(body[-1][1], single):
            return value, body[-n - 1][2]
    return None


def _upper_name(words: list, single: _Single) -> bool:
    """In text written all in capitals, two to four words that can only be a person's name
    ("CRISTOBAL PEREZ"): letters only, no function word, determiner, pronoun or plural head."""
    return len(words) >= 2 and all(w[0].isalpha() and w[1] not in single.np_stop and w[1] not in single.determiners
                                   and w[1] not in single.subjects and not _plural(w[1], single)
                                   and w[1] not in single.not_people for w in words)




def _headline_person(phrase: list, single: _Single) -> bool:
    """A headline's noun phrase of one person, written with no article: 1 to HEADLINE_SUBJECT
    words, no determiner, pronoun or negation, its head singular and no thing ("BIFF sub-leader")."""
    return 1 <= len(phrase) <= HEADLINE_SUBJECT \
        and all(x[0][:1].isalpha() and x[1] not in single.np_stop and x[1] not in single.determiners
                and x[1] not in single.subjects for x in phrase) \
        and phrase[-1][1] not in single.not_people and not _plural(phrase[-1][1], single) \
        and not any(_starts_with(phrase[i:], single.negation) for i in range(len(phrase)))


def _split_and(words: list, ands: frozenset[str]) -> list[list]:
    """The words between the separators `ands` (folded words or marks: "and", ",")."""
    parts, cur = [], []
    for x in words:
        if x[1] in ands:
            parts.append(cur)
            cur = []
        else:
            cur.append(x)
    parts.append(cur)
    return parts


def _besides(text: str, idx: _Index, counts: list[_Count], starts: list[int],
             single: _Single | None = None) -> list[tuple]:
    """"In addition to the two bombers, 25 soldiers were killed": the attackers are dead too, and
    their count is not part of the toll that follows (taken out of `counts`). "In addition to the
    bombers" with no count of its own takes the count that told the attackers before ("Four
    suicide bombers detonated ...")."""
    out = []
    tokens = idx.tokens
    for i, (t, k) in enumerate(zip(tokens, idx.kinds)):
        if "besides" not in k:
            continue
        perp = next((p for p in tokens[i + 1:i + 4] if "perp" in _kinds(p)), None)
        if perp is None or _CLAUSE.search(text, t.end, perp.start) or _gap_words(text[t.end:perp.start]) > 2:
            continue
        end = starts[bisect.bisect_right(starts, t.start)] if bisect.bisect_right(starts, t.start) < len(starts) \
            else len(text)
        if not idx.within("killed", perp.end, end):
            continue
        count = next((c for c in counts if t.end <= c.start and c.end <= perp.start), None)
        if count is not None:
            counts.remove(count)
            low, high, firm = count.low, count.high, count.firm
        else:
            low, high, firm = 1, 1, True
            head = fold(text[perp.start:perp.end]).split()[-1]
            if single is not None and _plural(head, single):
                told = _told_attackers(text, idx, counts, t.start)
                if told is not None:
                    low, high, firm = told.low, told.high, told.firm
        out.append(("killed", low, high, t.start, perp.end, firm, "besides"))
    return out


def _told_attackers(text: str, idx: _Index, counts: list[_Count], before: int) -> _Count | None:
    """The last count of attackers told before `before` ("Two suicide bombers", "at least three
    assailants"): a count right before an attacker noun (two words at most between them)."""
    perps = [p for p in idx.of("perp") if p.end <= before]
    best = None
    for c in counts:
        if c.end > before or c.weak:
            continue
        p = next((p for p in perps if p.start >= c.end), None)
        if p is not None and _gap_words(text[c.end:p.start]) <= 2 and not _CLAUSE.search(text, c.end, p.start):
            best = c
    return best


def _one_more(text: str, after: int, until: int | None, idx: _Index, part: int | None = None) -> int:
    """1 when "and their driver" follows the last count of a toll (up to its casualty word, or
    the end of the clause, or the start of its parts `part`): a person added without a number."""
    stop = until if until is not None else min(
        [i for i in (text.find(ch, after) for ch in ",.;") if i >= 0] + [after + 60])
    if part is not None:
        stop = min(stop, part)       # "eleven people, among them three women and a boy": the boy is one of them
    return int(any(not text[a.end:t.start].strip()
                   for a in idx.within("and", after, stop) for t in idx.within("one_more", a.end, stop)))


def _one_before(text: str, after_word: int, count_start: int, single: _Single) -> int:
    """1 when one person is told between the casualty verb and its count, joined by "and" ("killed
    the driver and three other people", "killed a farmer and his two sons"): that person is the
    toll's too."""
    words = _tokens(text, after_word, count_start)
    while words and words[0][1] in single.adverbs:
        words = words[1:]
    if words and words[-1][1] in single.list_determiners:      # "... and his two sons"
        words = words[:-1]
    # (a comma joins too: "the blast killed the commander, two guards and two civilians")
    if len(words) < 2 or words[-1][1] not in single.ands and words[-1][1] != ",":
        return 0
    phrase = words[:-1]
    while phrase and phrase[-1][1] == ",":
        phrase = phrase[:-1]
    people = 0
    for part in _split_and(phrase, single.ands | {","}):
        n = _one_told(part, single)      # "killing him, his son, the driver, and three guards": 3 and three
        if not n:
            return 0
        people += n
    return people


def _one_told(phrase: list, single: _Single) -> int:
    """People in one phrase of a list told without a numeral: an object word ("him" 1, "both"
    2) or a determiner and up to three words with a head not plural ("the driver", "his son")."""
    if not phrase:
        return 0
    told = tuple(x[1] for x in phrase)
    for obj, value in single.objects:
        if obj == told:
            return value                 # "killed him and his two sons", "killing both and three others"
    head = phrase[-1][1]
    if len(phrase) <= 4 and phrase[0][1] in single.determiners and \
            all(x[0][:1].isalpha() and x[1] not in single.np_stop for x in phrase[1:]) and \
            not _plural(head, single) and head not in single.not_people and \
            not any(head.endswith(v) for v in single.verb_suffixes):
        return 1                         # "A bomb exploded and ...": no person
    return 0


def _one_subject_before(text: str, count_start: int, starts: list[int], single: _Single) -> tuple[int, int]:
    """(1, where the person is told) when one person opens the clause before a toll's first count, joined by "and" ("The
    driver and two passengers were killed", "Dia dan dua anaknya tewas"): that person is in the
    toll too. Only a clause's opening phrase: "Gunmen attacked the village and two people were
    killed" names no victim. (0, count_start) otherwise."""
    none = (0, count_start)
    si = bisect.bisect_right(starts, count_start) - 1
    lo = max(starts[si] if si >= 0 else 0, count_start - 120)
    words = _tokens(text, lo, count_start)
    if len(words) < 2 or words[-1][1] not in single.ands:
        return none
    clause = words[:-1]
    for i in range(len(clause) - 1, -1, -1):
        if _CLAUSE.fullmatch(clause[i][0]) or clause[i][0] in "\"“”":
            clause = clause[i + 1:]
            break
    else:
        if lo > (starts[si] if si >= 0 else 0):
            return none                 # the clause starts further back than was read
    if not clause or len(clause) > 4:
        return none
    if clause[-1][1] in single.subjects or clause[-1][1] in single.kin and len(clause) == 1 or \
            _one_told(clause, single) == 1:
        return 1, clause[0][2]
    return none


def _of_attackers(text: str, count: _Count, members: list[_Count], word, side: str, idx: _Index) -> bool:
    """Does an attacker noun follow this count, before the next count or the casualty word?"""
    later = [m.start for m in members if m.start > count.start]
    limit = min(later + [word.start if side == "after" else count.end + 40])
    comma = text.find(",", count.end, limit)      # "menewaskan 3 orang, termasuk pelaku": not only attackers
    limit = comma if comma >= 0 else limit
    stop = text.find(".", count.end, limit)        # "... tujuh orang. Salah satu penyerang ...": another sentence
    limit = stop if stop >= 0 else limit
    joined = next((t.start for t in idx.within("and", count.end, limit)), None)
    limit = joined if joined is not None else limit  # "three passengers and the perpetrator": the three are no attackers
    return bool(idx.within("perp", count.end, limit))


def _apply_hedges_and_ranges(text: str, idx: _Index, counts: list[_Count]) -> None:
    betweens = idx.of("between")       # looked up once, not per pair
    between_ends = [t.end for t in betweens]
    cs = _Counts(counts)     # a hedge moves a count's start back to its own: later hedges lie past it
    for t in idx.of("hedge"):
        k = _kinds(t)
        if "vague" in k:
            continue
        nxt = next(iter(cs.starting(t.end, len(text) + 1)), None) if cs.ordered \
            else next((c for c in counts if c.start >= t.end), None)
        if nxt is None or text[t.end:nxt.start].strip():
            continue
        if "hedge" in k and "vague" not in k:
            nxt.start = t.start
            if k["hedge"][1] == "up_to":
                nxt.firm = False
    for a, b in zip(counts, counts[1:]):
        joiner = text[a.end:b.start]
        lo = bisect.bisect_left(between_ends, _blank_before(text, a.start))
        between = next((t for t in betweens[lo:bisect.bisect_right(between_ends, a.start)] if t.end <= a.start
                        and not text[t.end:a.start].strip()), None)
        is_joiner = joiner.strip() in ("-", "–") or any(
            t.end <= b.start for t in idx.within("range", a.end, b.start)) and \
            _gap_words(joiner) <= 2
        if (is_joiner or (between and _gap_words(joiner) == 1)) and not b.excluded:
            b.excluded = True
            a.low, a.high = min(a.low, b.low), max(a.high, b.high)
            a.end = b.end
            a.start = between.start if between else a.start
            a.firm = a.firm and b.firm


def _real(text: str, idx: _Index, words: list) -> list:
    """The casualty words that tell a death or wound that happened: not those an intent or a
    sentence stands before in their clause ("threatened to kill the two hostages", "tried to
    kill the governor", "sentenced three men to death"), nor those a charge or a failure stands
    right before ("accused in the killing of a student", "failed to kill him", "terlibat dalam
    pembunuhan"): another act, told as a charge, or none."""
    ends = [t.end for t in idx.of("unreal")]
    near = [t.end for t in idx.of("unreal_near")]
    if not ends and not near:
        return words
    out = []
    for w in words:
        i = bisect.bisect_right(ends, w.start) - 1
        if i >= 0 and _gap_words(text[ends[i]:w.start]) <= MAX_UNREAL and not _CLAUSE.search(text, ends[i], w.start):
            continue
        i = bisect.bisect_right(near, w.start) - 1
        if i >= 0 and _gap_words(text[near[i]:w.start]) <= MAX_GUILT and not _CLAUSE.search(text, near[i], w.start):
            continue
        out.append(w)
    return out


def _subset_spans(text: str, idx: _Index, starts: list[int]) -> list[tuple[int, int, bool]]:
    """(start, end, after a casualty word) of each part named of a toll: "including two children
    and a guard" runs from the subset word to the casualty word that follows it ("were killed"),
    else to the end of its sentence. After a casualty word ("killing five people, including ...,
    and wounding 12") the part is the same; there a count that is itself the subject of the next
    casualty word ("..., and 7 others were injured") is a new toll, not a part (`_in_subset`)."""
    words = [t for t, k in zip(idx.tokens, idx.kinds) if "killed" in k or "injured" in k]
    word_starts = [w.start for w in words]
    spans = []
    subsets = idx.of("subset")
    numbers = [t.end for t, k in zip(idx.tokens, idx.kinds) if "num" in k or "weak" in k] if subsets else []
    for t in subsets:
        # "three gunmen, one of whom was a bomber, 12 worshippers were killed": after a number the
        # word is a partitive ("one of whom"), no part of the toll that follows
        last = bisect.bisect_right(numbers, t.start) - 1
        if idx.within("partitive", t.start, t.end) and (_NUMBER_BEFORE.search(text, max(0, t.start - 8), t.start) or (
                last >= 0 and not text[numbers[last]:t.start].strip())):
            continue
        si = bisect.bisect_right(starts, t.start)
        sentence_end = starts[si] if si < len(starts) else len(text)
        sentence_start = starts[si - 1] if si > 0 else 0
        wi = bisect.bisect_left(word_starts, t.end)
        end = word_starts[wi] if wi < len(words) and word_starts[wi] < sentence_end else sentence_end
        semi = text.find(";", t.end, end)
        if semi >= 0:
            end = semi
        comma = text.find(",", t.end, end)
        if comma >= 0 and not text[sentence_start:t.start].strip():
            end = comma      # "Including the bomber, 16 people were killed": the part opens the sentence
        prior = bisect.bisect_left(word_starts, sentence_start)
        after_word = prior < len(words) and word_starts[prior] < t.start
        spans.append((t.end, end, after_word))
    return spans


def _starts_in_part(spans: list[tuple[int, int, bool]], start: int) -> bool:
    """'eight people including four policemen and a local official were killed': a toll whose
    words begin inside a part named of another toll is that part, whatever verb it runs to."""
    return any(lo <= start < hi for lo, hi, _after in spans)


def _in_subset(spans: list[tuple[int, int, bool]], start: int, end: int, idx: _Index) -> bool:
    """Does [start, end) lie in a part of a toll (`_subset_spans`)?"""
    for lo, hi, after_word in spans:
        if lo <= start and end <= hi:
            if after_word and hi < len(idx.text) and not _CLAUSE.search(idx.text, end, hi) \
                    and not idx.within("and", end, hi):
                return False         # "..., and 7 others were injured": the next toll's own count
            return True
    return False


def _weak_item(text: str, c: _Count, cs: _Counts, single: _Single | None) -> bool:
    """Is this "a"/"an" one more item of a list of counts after a casualty verb ("killing nine
    guards, a police officer, and wounding ..."): the item before it a plain noun phrase of at
    most three words ending with a comma or "and", its own phrase as short, then "and" (the
    list goes on or a new verb comes) or, after "and", the sentence's end: "5 people, a
    spokesman said." is no list, "three civilians, a farmer, Ali Musa, ..." names the three."""
    if single is None:
        return False
    before = [o for o in cs.ending(-1, c.start) if o.end <= c.start]
    if not before:
        return False
    gap = _tokens(text, before[-1].end, c.start)
    words = [x for x in gap if x[1] not in single.list_determiners]
    if not words or len(words) > 4 or not (words[-1][1] == "," or words[-1][1] in single.ands) or \
            any(x[1] in single.np_stop and x[1] not in single.ands for x in words):
        return False
    after = _tokens(text, c.end, min(len(text), c.end + 60))
    phrase = []
    for x in after:
        if not x[0][:1].isalnum() or x[1] in single.ands:
            break
        phrase.append(x)
    rest = after[len(phrase):]
    return 0 < len(phrase) <= 3 and not any(x[1] in single.np_stop for x in phrase) and \
        not _plural(phrase[-1][1], single) and phrase[-1][1] not in single.not_people and \
        (rest and (rest[0][1] in single.ands or rest[0][1] == "," and len(rest) > 1 and rest[1][1] in single.ands) or
         words[-1][1] in single.ands and (not rest or rest[0][1] in (";", ".")))


def _one_listed(text: str, c: _Count, cs: _Counts, single: _Single | None) -> bool:
    """Is this "a"/"an" one person opening a list of counts ("an army medic and three farmers
    were hurt"): one or two words, no attacker noun, no verb ([single]
    verb_suffixes: "A bomb exploded and two people ..."), then "and" right before the next count?"""
    if single is None or not single.ands:
        return False
    nxt = next(iter(cs.starting(c.end, len(text) + 1)), None)
    if nxt is None or nxt.weak:
        return False           # "a guard and a driver were killed": the subject, read whole (`_singles`)
    words = [fold(x) for x in _WORD.findall(text, c.end, nxt.start)]
    while words and words[-1] in single.list_determiners:
        words.pop()
    if len(words) < 2 or words[-1] not in single.ands:
        return False
    phrase = words[:-1]
    return len(phrase) <= 2 and not _CLAUSE.search(text, c.end, nxt.start) and \
        not any(_starts_with([(x, x)], single.perpetrators) or x in single.np_stop or x in single.not_people
                or any(x.endswith(v) for v in single.verb_suffixes) for x in phrase) and \
        not _plural(phrase[-1], single)


def _joined(gap: str, single: _Single) -> bool:
    """Does the text between two counts of a list end with its joint: "and", a comma, or one of
    them and a possessive ("civilians, ", "soldiers and ", "settler and her ")?"""
    words = [fold(x) for x in _TOKEN.findall(gap)]
    last = max((i + len(p) - 1 for i in range(len(words)) for p in single.joins
                if tuple(words[i:i + len(p)]) == p), default=None)
    if "," in words:
        last = max(last if last is not None else -1, len(words) - 1 - words[::-1].index(","))
    return last is not None and all(x in single.list_determiners for x in words[last + 1:])


def _without(text: str, lo: int, hi: int, asides: list[tuple[int, int]]) -> str:
    """text[lo:hi] with the bracketed asides that lie inside it left out."""
    keep, pos = [], lo
    for a, b in asides:
        if lo <= a and b <= hi:
            keep.append(text[pos:a])
            pos = b
    keep.append(text[pos:hi])
    return " ".join(keep)


def _attach(text: str, c: _Count, cs: _Counts, same: tuple[list, list[int], list[int]], idx: _Index,
            subsets: list[tuple[int, int, bool]] = (), single: _Single | None = None):
    """(start, side) of the casualty word in the count's sentence that it reports, or None.
    `same`: the casualty words of the count's sentence, their starts and their ends; `single`
    says which words may stand between "and" and the next count of a list ("a farmer and his
    two sons") and what a person told by "a" looks like ("a soldier and two civilians")."""
    possessives = single.list_determiners if single is not None else frozenset()
    words, word_starts, word_ends = same
    def clear(gap_start: int, gap_end: int, limit: int, colon: bool = False, articles: bool = False) -> int | None:
        gap = text[gap_start:gap_end]
        # "four people (two of them children) were killed", "five members of the gang (Los Halcones)
        # died": a bracketed part of the count, or an aside with no count and no casualty word
        # in it, is read past, as if it were not written
        asides = [m.span() for m in _ASIDE.finditer(text, gap_start, gap_end)
                  if idx.within("partitive", m.start(), m.end()) or idx.within("subset", m.start(), m.end())
                  or not cs.starting(m.start(), m.end()) and not idx.within("killed", m.start(), m.end())
                  and not idx.within("injured", m.start(), m.end())]
        if asides:
            keep = [gap_start] + [x for a in asides for x in a] + [gap_end]
            gap = " ".join(text[a:b] for a, b in zip(keep[::2], keep[1::2]))
        # "two border guards (BSF) were shot dead": a bracketed abbreviation is part of the name
        if _BREAK.search(_ABBREVIATION.sub(" ", gap.replace(":", "") if colon else gap)):     # "Fatalities: 4"
            return None
        inner = [o for o in cs.starting(gap_start, gap_end) if gap_start <= o.start and o.end <= gap_end
                 and not any(a <= o.start < b for a, b in asides) and not (articles and o.weak)]
        if any(o.partitive for o in inner):
            return None                      # "lima orang itu dan tiga di antaranya tewas": only the three
        words_in_gap = _gap_words(gap)
        for t in idx.within("subset", gap_start, gap_end):   # "five people, including the police chief Abdul Rahman, were killed"
            if gap_start <= t.start and t.end <= gap_end and not any(a <= t.start < b for a, b in asides):
                span = next((x for x in subsets if x[0] == t.end), None)
                runs_to_word = span is not None and not span[2] and span[1] == gap_end
                # "eight people including four policemen and an official were killed": with no
                # comma, the part is only read when it runs right to the casualty word, unbroken
                if not (_char_before(text, t.start) == "," and _blank_before(text, t.start) > gap_start) \
                        and not (runs_to_word and not _CLAUSE.search(text, t.end, gap_end)):
                    continue
                if runs_to_word:
                    # the part runs to the casualty word: "including a guard, a cook and two visitors, died";
                    # a clause, not a part, when the word is a preposition's object ("hundreds of protesters,
                    # including students, staged a protest ... demanding justice for deaths")
                    last = _WORD.findall(text, max(t.end, gap_end - 20), gap_end)[-1:]
                    if _gap_words(text[t.start:gap_end]) > MAX_PART or single is not None and last and \
                            fold(last[0]) in single.np_stop and fold(last[0]) not in single.ands and \
                            (fold(last[0]),) not in single.aux + single.aux_plural:
                        return None
                    words_in_gap -= _gap_words(text[t.start:gap_end])
                    inner = [o for o in inner if o.start < t.start]
                else:
                    comma = text.find(",", t.end, gap_end)
                    if comma >= 0:
                        words_in_gap -= _gap_words(text[t.start:comma])
        edges = sorted([c.start, c.end] + [x for o in inner for x in (o.start, o.end)])
        # "two security guards (names), and one driver": a bracketed aside is no word of the list
        if any(_gap_words(_without(text, a, b, asides)) > MAX_ITEM for a, b in zip(edges[1::2], edges[2::2])):
            return None           # "13 civilians and two officers, and damaging the hotel and one": no list
        if single is not None and single.ands and not all(
                _joined(_without(text, a, b, asides), single) for a, b in zip(edges[1::2], edges[2::2])):
            return None           # "killed a policeman and abducted 1 agent and 3 civilians": a new verb
        for o in inner:           # another count in the gap: only "X, Y and Z <word>" lists pass
            words_in_gap -= _gap_words(text[o.start:o.end])
            between = (c.end, o.start) if o.start >= c.end else (o.end, c.start)
            joins = [t.end for t in idx.within("and", between[0], between[1])]
            comma = text.rfind(",", between[0], between[1])
            last = max(joins + ([comma + 1] if comma >= 0 else []), default=None)
            if last is None or any(fold(x) not in possessives for x in _WORD.findall(text, last, between[1])):
                return None       # "wounded 65 others and damaged several": a new verb, not the list
        return words_in_gap if words_in_gap <= limit else None

    best = None
    following = bisect.bisect_left(word_starts, c.end)
    following = following if following < len(words) else None
    if following is not None and _sides(words[following]) & {"after"}:
        w = words[following]                 # only the first casualty word after the count
        # "a medic and two farmers were hurt": one told by "a", the first of a list
        inner = len(cs.starting(c.end, w.start))
        limit = (MAX_BEFORE + 4 * inner if inner and _one_listed(text, c, cs, single) else MAX_BEFORE) if c.weak \
            else MAX_AFTER + 4 * inner
        gap = clear(c.end, w.start, limit)
        if gap is not None:
            best = (gap, 0, following, "after")
    preceding = bisect.bisect_right(word_ends, c.start) - 1
    preceding = preceding if preceding >= 0 else None
    if preceding is not None and _sides(words[preceding]) & {"before"} \
            and not _subject_told(text, c, words[preceding], cs, own_word=best is not None):
        w = words[preceding]                 # only the last casualty word before the count
        toll = any(p[-1] == "toll" for p in w.value)
        window = MAX_TOLL if toll else MAX_BEFORE
        told_by_verb = toll and any(t.end <= c.start and not text[t.end:c.start].strip()
                                    for t in idx.within("toll_verb", w.end, c.start))
        if told_by_verb:
            window = MAX_TOLL_VERB           # "the death toll from Saturday's bombings ... has risen to 18"
        inner = len(cs.starting(w.end, c.start))
        if c.weak:      # "killing nine guards, a police officer, and ...": "a" closes a list of counts
            limit = window + 4 * inner if inner and _weak_item(text, c, cs, single) else 0
        else:           # "killing him, his son, the driver, and three guards": persons before the count
            limit = window + 4 * inner + (_gap_words(text[w.end:c.start]) if single is not None and
                                          _one_before(text, w.end, c.start, single) else 0)
        # ("the death toll in an attack on a village has risen to 11": "an", "a" are no counts there)
        gap = clear(w.end, c.start, limit, colon=any(p[-1] == "toll" for p in w.value), articles=told_by_verb)
        if gap is not None and gap > MAX_BEFORE and not c.firm:
            gap = None                       # "Para korban tewas setelah beberapa petugas ...": no toll
        if gap is not None and (best is None or gap < best[0]):
            best = (gap, 1, preceding, "before")
    return (words[best[2]].start, best[3]) if best else None


def _one_of_counts(text: str, idx: _Index, cs: _Counts, one_of: re.Pattern, single: _Single | None) -> None:
    """The number inside "one of": no count where it picks one of several incidents ("in one of
    two related attacks", "during one of these riots"), nor where "of whom" tells who one of them
    was ("one of whom was a suicide bomber"); one person otherwise ("killing one of them", "one
    of his bodyguards was killed", "salah satu dari mereka tewas")."""
    for m in one_of.finditer(text):
        inside = cs.starting(m.start(), m.end())
        if not inside:
            continue
        nxt = idx.first("incidents", m.end())
        picks = bool(_DIGITS_AT.match(text, m.end())) or any(
            _gap_words(text[m.end():d.start]) <= ONE_OF_GAP for d in cs.starting(m.end(), m.end() + ONE_OF_REACH)) \
            or nxt is not None and _gap_words(text[m.end():nxt.start]) <= ONE_OF_GAP + 1
        for c in inside:
            if c.partitive and single is not None and single.aux:
                part = idx.first("partitive", c.end)
                rest = _tokens(text, part.end, min(len(text), part.end + 30)) if part is not None else []
                n = _starts_with(rest, single.aux)
                c.excluded = c.excluded or bool(n and len(rest) > n and rest[n][1] in single.determiners)
            elif picks:
                c.excluded = True


def _subject_told(text: str, c: _Count, w, cs: _Counts, own_word: bool = False) -> bool:
    """A count after a comma that follows the casualty word opens a new clause, no object of the
    word, when the word has its count right before it ("3 rebels killed, 5 weapons seized") or
    the count a casualty word of its own after it (`own_word`: "Officer killed, 4 troops hurt")."""
    if not text[w.end:c.start].lstrip().startswith(","):
        return False
    return own_word or any(o.end <= w.start and _gap_words(text[o.end:w.start]) <= SUBJECT_GAP
               and not _CLAUSE.search(text, o.end, w.start) for o in cs.ending(w.start - SUBJECT_REACH, w.start))


@cache
def _table_phrases(language: str | None, table: str, key: str) -> tuple[str, ...]:
    """casualties.toml [table] key, folded and padded for a whole-word test (once per language)."""
    try:
        words = lang.load(language or "", "casualties").get(table, {}).get(key, [])
    except lang.LanguageDataError:
        return ()
    return tuple(f" {' '.join(fold(w).split())} " for w in words)


def _says_any(text: str, language: str | None, table: str, key: str) -> bool:
    """Does `text` hold one of the phrases of casualties.toml [table] key (whole words, folded)?"""
    phrases = _table_phrases(language, table, key)
    if not phrases:
        return False
    folded = f" {' '.join(fold(text).split())} "
    return any(p in folded for p in phrases)


CAUSE_GAP = 1      # words between a cause word and the death it names ("after the body of": "the")


def told_as_cause(before: str, language: str | None) -> bool:
    """The words before a death end with a word making it what the event answers ("... after",
    "... following the", "... menyusul"), at most CAUSE_GAP words before it (casualties.toml
    `cause.before`)."""
    words = re.findall(r"[\w'-]+", fold(before))
    phrases = _table_phrases(language, "cause", "before")      # " in the wake of ", padded
    return any(f" {' '.join(words[:len(words) - gap])} ".endswith(p)
               for gap in range(min(CAUSE_GAP, len(words)) + 1) for p in phrases)


def told_as_more(text: str, language: str | None) -> bool:
    """"Dua pria bersenjata lagi tewas", "two more attackers were killed": a count of people
    besides those already told (casualties.toml `conjunctions.more`)."""
    return _says_any(text, language, "conjunctions", "more")


def told_as_other(text: str, language: str | None) -> bool:
    """"Two other policemen were killed", "dua warga lainnya tewas": victims besides those told
    before (casualties.toml `conjunctions.more_victims`)."""
    return _says_any(text, language, "conjunctions", "more_victims")


def attacker_survived(text: str, language: str | None) -> bool:
    """"A suicide bomber attempted to detonate ...", "police arrested the bomber", "sebelum sempat
    meledakkan diri": the bomber is not told dead, so no dead bomber is added to the toll
    (casualties.toml `perpetrators.survived`)."""
    if _says_any(text, language, "perpetrators", "survived"):
        return True
    pattern = _captured(language)      # "arrested six suspected suicide bombers", "detained the assailant"
    return bool(pattern and pattern.search(" ".join(fold(text).split())))


@cache
def _captured(language: str | None) -> re.Pattern | None:
    """A capture verb a few words before an attacker noun (casualties.toml `perpetrators`)."""
    try:
        perps = lang.load(language or "", "casualties").get("perpetrators", {})
    except lang.LanguageDataError:
        return None
    verbs = "|".join(re.escape(" ".join(fold(w).split())) for w in perps.get("captured", []))
    nouns = "|".join(re.escape(" ".join(fold(w).split())) for w in perps.get("nouns", []))
    if not (verbs and nouns):
        return None
    return re.compile(rf"\b(?:{verbs})\b(?:\s+\S+){{0,3}}?\s+(?:{nouns})\b")


def attacker_included(text: str, language: str | None, casualty: Casualty) -> bool:
    """"15 people, including the assailant, were killed", "menewaskan 3 orang, termasuk pelaku":
    the toll already counts the attacker, so no dead bomber is added to it."""
    tab = table(language or "")
    if tab is None:
        return False
    start = casualty.start
    stop = min(len(text), casualty.end + 60)
    span = text[start:stop]
    idx = _Index(tab.matcher.find(span, fold(span)), span)
    parts = _subset_spans(span, idx, [0])
    if any(_in_subset(parts, p.start, p.end, idx) for p in idx.of("perp")):
        return True
    # "two guards and 15 attackers died": the list counts the attackers
    own = casualty.end - start
    if casualty.perpetrators:
        return False
    # ("The attacker and six soldiers were killed": the toll's opening person)
    counts = [c for c in _counts(span, idx.tokens, tab.thousands) if not c.excluded and c.end <= own]
    for p in idx.of("perp"):
        if p.end > own:
            continue
        if not counts or p.end <= counts[0].start:
            return True
        if any(c.end <= p.start and _gap_words(span[c.end:p.start]) <= 2 and not _CLAUSE.search(span, c.end, p.start)
               for c in counts):
            return True
    return False


def run(doc: Doc) -> None:
    """Set `doc.findings['casualties']`: one Casualty per count, zero phrase or dead attacker."""
    text = doc.article.text
    tab, tokens = _table_for(doc.language, text)
    if tab is None:
        doc.findings["casualties"] = []
        return
    spans = [(m.start, m.end) for m in doc.findings.get("dates", [])]
    starts = [s.start for s in doc.sentences] or [0]
    ends = [s.end for s in doc.sentences] or [len(text)]
    full = _Index(tokens, text)           # the article's tokens by kind, once
    aggregate = {bisect.bisect_right(starts, t.start) - 1 for t in full.of("agg")}
    # "the massacres of 1937", "pada tahun 1999 ... menewaskan ribuan": a past year's toll is history
    aggregate |= {m.sentence for m in doc.findings.get("dates", []) if m.kind == "year" and m.historical}
    aggregate |= _campaign_tolls(text, tokens, starts, ends, doc.findings.get("dates", []),
                                 _region_after(doc.language), full.kinds)
    found: list[tuple] = []
    pieces = windows(text, starts, WINDOW)          # bounded pieces: _find is quadratic in counts
    piece_starts = [lo for lo, _ in pieces]
    spans_in: list[list[tuple[int, int]]] = [[] for _ in pieces]    # each window's date spans, in order
    for s, e in spans:
        j = bisect.bisect_right(piece_starts, s) - 1
        if j >= 0 and pieces[j][0] <= s < pieces[j][1]:
            spans_in[j].append((s - pieces[j][0], e - pieces[j][0]))
    token_starts = [t.start for t in tokens]
    for (lo, hi), piece_spans in zip(pieces, spans_in):
        piece = text[lo:hi]
        # the sentence starts from the one holding `lo` to the first after `hi`: bisect over them
        # gives the same sentences (offset by `first`) as over every start of the article
        first = max(0, bisect.bisect_right(starts, lo) - 1)
        last = min(len(starts), bisect.bisect_right(starts, hi) + 1)
        # the article's own matches inside the piece, moved to its offsets: one matcher pass in all
        # (windows end at sentence ends, where no phrase runs across)
        i, j = bisect.bisect_left(token_starts, lo), bisect.bisect_left(token_starts, hi)
        while j > i and tokens[j - 1].end > hi:
            j -= 1
        piece_tokens = [_Token(t.start - lo, t.end - lo, t.text, t.value) for t in tokens[i:j]]
        for kind, low, high, start, end, firm, perps in _find(
                piece, piece_tokens, tab.thousands,
                piece_spans, [s - lo for s in starts[first:last]], tab.single, full.kinds[i:j], tab.one_of, tab.part_of):
            found.append((kind, low, high, start + lo, end + lo, firm, perps))
    # "No fatality coded to this event": the coder's own figure, zero
    found += [("killed", 0, 0, t.start, t.end, True, "stated") for t in full.of("stated_zero")]
    found = _not_separate(text, full, found)
    shared = _shared(text, full, starts, tab)
    told = {max(bisect.bisect_right(starts, f[3]) - 1, 0) for f in found if f[6] not in ("stated", "share")}
    # "Fatalities are split across 4 events" in a sentence of its own: said of the article's tolls
    article_wide = max([n for si, n in shared.items() if si not in told] or [1])
    out = []
    for kind, low, high, start, end, firm, perps in found:
        sentence = max(bisect.bisect_right(starts, start) - 1, 0)
        end = min(end, max(ends[sentence], start + 1))
        out.append(Casualty(kind, low, high, sentence, start, end, text[start:end], firm, perps in (True, "besides"),
                            sentence in aggregate, stated=perps in ("stated", "share"), besides=perps == "besides",
                            # "fatalities coded as 12, spread across 3 locations": the coder's figure, shared
                            # as its own sentence says; "split across 4 events (2)" is the share already
                            shared=1 if perps == "share" else shared.get(sentence, 1) if perps == "stated"
                            else shared.get(sentence, article_wide)))
    doc.findings["casualties"] = out


@cache
def _region_after(language: str | None) -> re.Pattern | None:
    """casualties.toml [aggregate] region: "in"/"di" and a capitalised word right after a toll
    noun ("the death toll in Darfur"), or None without them."""
    words = _table_phrases(language, "aggregate", "region")
    if not words:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s+(?i:{alts})\s+[A-Z]")


def _campaign_tolls(text: str, tokens: list, starts: list[int], ends: list[int], date_mentions: list,
                    region: re.Pattern | None, kinds: list | None = None) -> set[int]:
    """Sentences whose toll is a war's or a campaign's running total, not one incident's: a toll
    noun, then a toll verb in its sentence ("has reached", "mencapai"), with a war or a series of
    acts as the cause between them ("from Israeli strikes", "akibat agresi militer"), or a region
    right after the noun and an attack as the cause ("the death toll in Darfur from militia attacks",
    "jumlah korban tewas di Darfur akibat serangan milisi"). A day of its own between the noun and
    the verb ("the toll from Friday's strikes rose to 40") makes it one incident's rising toll.
    By bisect over each kind's starts: linear in the text."""
    kinds = kinds if kinds is not None else [_kinds(t) for t in tokens]
    verbs = [t.start for t, k in zip(tokens, kinds) if "toll_verb" in k]
    if not verbs:
        return set()
    causes = [t.start for t, k in zip(tokens, kinds) if "campaign" in k]
    region_causes = [t.start for t, k in zip(tokens, kinds) if "region_cause" in k]
    days = sorted(m.start for m in date_mentions if m.time_precision == 1 and m.kind != "publication")
    out: set[int] = set()

    def between(points: list[int], lo: int, hi: int) -> bool:
        i = bisect.bisect_left(points, lo)
        return i < len(points) and points[i] < hi

    for t, k in zip(tokens, kinds):
        if not any(p[0] == "killed" and p[-1] == "toll" for p in t.value):
            continue
        si = max(bisect.bisect_right(starts, t.start) - 1, 0)
        hi = ends[si] if si < len(ends) else len(text)
        i = bisect.bisect_left(verbs, t.end)
        if i >= len(verbs) or verbs[i] >= hi or between(days, t.end, verbs[i]):
            continue
        place = region.match(text, t.end) if region is not None else None
        if between(causes, t.end, verbs[i]) or \
                place is not None and between(region_causes, place.end(), verbs[i]):
            out.add(si)
    return out


SEPARATE_WORDS = 3     # "2 killed (coded separately)": words from a toll to the coder's marker


def _table_for(language: str | None, text: str) -> tuple[_Table | None, list]:
    """The language's table and its tokens of the text. A text whose language was not told
    ("und": a one-line headline such as "Raiders kill 3 in the village") is read with the table
    of the language whose casualty words it holds most of: one matcher pass per language."""
    tab = table(language or "")
    if tab is not None:
        return tab, tab.matcher.find(text, fold(text))
    best: tuple[int, _Table | None, list] = (0, None, [])
    folded = fold(text)
    for code in lang.languages():
        other = table(code)
        if other is None:
            continue
        tokens = other.matcher.find(text, folded)
        told = sum(1 for t in tokens if _kinds(t).keys() & {"killed", "injured", "zero"})
        if told > best[0]:
            best = (told, other, tokens)
    return best[1], best[2]


def _not_separate(text: str, idx: _Index, found: list[tuple]) -> list[tuple]:
    """Drop the tolls a coder's note says are coded as another event ("3 students killed (coded
    separately)", "(coded as a separate event)"): the marker follows the toll within a few words,
    in the same sentence. By bisect over the markers' starts, so a long article stays linear."""
    marks = sorted(t.start for t in idx.of("separate"))
    if not marks:
        return found
    out = []
    for f in found:
        i = bisect.bisect_left(marks, f[4])
        gap = text[f[4]:marks[i]] if i < len(marks) and marks[i] - f[4] <= 80 else None
        if gap is not None and "." not in gap and _gap_words(gap) <= SEPARATE_WORDS and f[6] not in ("stated", "share"):
            continue
        out.append(f)
    return out


def _number_at(text: str, by_start: dict[int, object], start: int, tab: _Table) -> int | None:
    """The number written right at `start` (digits or words; "both" 2), else None.
    `by_start`: the tokens by their start, so a lookup costs the same in any length of text."""
    m = _DIGITS_AT.match(text, start, start + 12)
    if m:
        return int(m.group(1))
    t = by_start.get(_SPACES.match(text, start).end())
    if t is None:
        return None
    k = _kinds(t)
    for key in ("both", "num"):
        if key in k:
            return int(k[key][1])
    return None


def _shared(text: str, idx: _Index, starts: list[int], tab: _Table) -> dict[int, int]:
    """{sentence: N} where a toll is told across N incidents ("across both blasts", "across the
    attacks" in an article that says "one of three coordinated bombings"): the row of one
    incident gets its share."""
    markers = idx.of("shared")
    if not markers:
        return {}
    by_start: dict[int, object] = {}
    for t in idx.tokens:
        by_start.setdefault(t.start, t)
    one_of_spans = [(m.start(), m.end()) for m in tab.one_of.finditer(text)] if tab.one_of else []
    one_of_starts = [a for a, _ in one_of_spans]
    one_of = [n for _, end in one_of_spans for n in [_number_at(text, by_start, end, tab)] if n]
    incidents = sorted(idx.of("incidents"), key=lambda t: t.start)
    incident_starts = [i.start for i in incidents]
    out: dict[int, int] = {}
    for t in markers:
        # the nearest incident noun after the word is the only one that can be 3 words away
        k = bisect.bisect_left(incident_starts, t.end)
        noun = incidents[k] if k < len(incidents) else None
        if noun is None or _gap_words(text[t.end:noun.start]) > 3:
            continue
        k = bisect.bisect_left(one_of_starts, t.end)
        if k < len(one_of_starts) and one_of_starts[k] < noun.start:
            continue          # "in one of five incidents": this one, not a toll across five
        between = text[t.end:noun.start]
        n = None
        for w in re.finditer(r"\S+", between):
            n = _number_at(text, by_start, t.end + w.start(), tab)
            if n:
                break
        if n is None and _kinds(t)["shared"][1]:      # "across the attacks": as many as "one of three" says
            n = max(one_of) if one_of else None
        if n and 1 < n <= 20:
            out[bisect.bisect_right(starts, t.start) - 1] = n
    return out
