"""One event from many reports: which stored event a new report tells again, and the merged row.

A *report* is the row the coder made from one article; an *event* is the set of reports of one
incident, stored as one row (`reconcile`). Reports are grouped by `cluster`: pairs that match
(`matches`: same country, dates within the reports' precision, the same or nested places or
places a few km apart, compatible event types and actors, never two rows of one article) are
joined strongest pair first, and a join that would put two rows of one article into one event
is refused (the coder already told them apart: coordinated attacks keep one row each). Both
steps depend only on the set of reports, never on the order they came in, so merging within
one run, across runs and in any order gives the same events. The rules are in docs/merging.md.

Candidates are found through a `BlockIndex` keyed by country and day, so a new report is
compared with the few stored events of its country within its date window, not with all.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from events import lang, schema
from events.geo import distance_km
from events.matcher import fold

# Days two dates may lie apart, by ACLED time precision (1 day, 2 week, 3 month): a report
# dated "on Tuesday" may be a day off another's (time zones, night events, the day it was told).
TOLERANCE_DAYS = {1: 1, 2: 7, 3: 31}
PLACE_KM = 10.0                      # "the same place": towns this close are one scene
REQUIRED_SIGNS = 2                   # identity signs a pair needs (see `identity`)
UNIDENTIFIED = "Unidentified"        # ACLED's name for an actor whose identity is unknown
# Event types that different outlets use for one incident (a complex attack told as a bombing
# by one and as a clash by another; a protest one outlet calls violent). Same type always fits,
# except Strategic developments, whose sub-types are different acts (arrests, looting, ...).
COMPATIBLE_TYPES = frozenset({
    frozenset({"Battles", "Explosions/Remote violence"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
})
# When reports disagree, the more telling status wins (docs/merging.md, "perpetrator").
# ACLED actor types that do not single out an incident: a country's state forces are in most of
# its events; rioters, protesters and civilians are collective names any crowd or victim shares.
GENERIC_INTER = frozenset({1, 5, 6, 7})
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
PERPETRATOR_RANK = {"claimed": 3, "attributed": 2, "reported": 1, "unknown": 0}
CLAIM_RANK = {"claimed": 3, "denied": 2, "no_claim": 1, "not_reported": 0}
# ACLED joins several scales with "-", smallest reach first ("Subnational-National").
SCALE_ORDER = ("New media", "Subnational", "National", "Regional", "International", "Other")
PLACE_COLUMNS = ("admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision")
# What `matches` reads of a stored event: a store can screen its events reading only these.
SCREEN_COLUMNS = ("event_id_cnty", "country", "event_date", "time_precision", "event_type", "sub_event_type",
                  "actor1", "inter1", "actor2", "inter2", "location", "admin1", "admin2", "admin3", "latitude",
                  "longitude", "geo_precision", "fatalities", "injuries", "target", "language", "claim_status",
                  "claimed_by", "article_ids", "timestamp")
OUTLETS_PATH = Path(__file__).parent / "data" / "outlets.toml"
_NEVER = 2**62                       # sorts reports with no publication date after dated ones
_WORD = re.compile(r"[^\W\d_]{4,}")
_TOKEN = re.compile(r"[^\W_][\w'’-]*")
_PARENTHESES = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['’]s$")


# --- matching ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """Why two reports are one event: the day gap and the distance (km), for ordering joins."""
    days: int
    km: float
    same_name: bool
    support: int = 0

    @property
    def strength(self) -> tuple:
        """Smaller is stronger: more signs, then closer in time, then in space."""
        return (-self.support, self.days, round(self.km, 1), not self.same_name)


def _articles(row: dict) -> frozenset[str]:
    return frozenset(row.get("article_ids") or ())


def _date_gap(a: dict, b: dict, slack_days: int = 0) -> int | None:
    da, db = a.get("event_date"), b.get("event_date")
    if da is None or db is None:
        return None                 # an undated report is never merged: nothing places it in time
    tol = max(TOLERANCE_DAYS.get(a.get("time_precision") or 1, 1),
              TOLERANCE_DAYS.get(b.get("time_precision") or 1, 1)) + slack_days
    gap = abs((da - db).days)
    return gap if gap <= tol else None


def _name(value: Any) -> str:
    return fold(value).strip() if isinstance(value, str) else ""


def _key(value: Any) -> str:
    """A name compared across reports: folded, punctuation as spaces ("Al-Hasakah", "Al Hasakah")."""
    return " ".join(re.sub(r"[^\w]+|_", " ", _name(value)).split())


# --- the scene a report names --------------------------------------------------------------

@dataclass(frozen=True)
class _SceneWords:
    units: frozenset[str]            # words naming a unit: village, district, desa, kabupaten ...
    leading: frozenset[str]          # units that open a capitalised name ("Desa Kalemago")
    edges: frozenset[str]            # words that are no name at the edge of a capitalised run
    peoples: frozenset[str]          # nationality words and country names ("Somali town of ...")


@cache
def _scene_words() -> _SceneWords:
    """Every language's `merging` words (scene_units, not_names) and `actors` nationality words
    at once: a report's language is known, but a name may be written in another's (an
    Indonesian outlet's "Distrik Kenyam" quoted in English)."""
    units, leading, edges, peoples = set(), set(), set(), set()
    for code in lang.languages():
        for topic in ("merging", "actors"):
            try:
                data = lang.load(code, topic)
            except lang.LanguageDataError:
                continue
            words = data.get("words", {})
            units |= {fold(w) for w in words.get("scene_units", [])}
            if words.get("unit_opens_name"):
                leading |= {fold(w) for w in words.get("scene_units", [])}
            edges |= {fold(w) for w in words.get("not_names", [])}
            nationality = data.get("nationality", {})
            peoples |= {fold(w) for w in [*nationality, *nationality.values()]}
    return _SceneWords(frozenset(units), frozenset(leading), frozenset(edges | units), frozenset(peoples))


@cache
def scene_names(text: str) -> frozenset[str]:
    """Names a sentence gives as a unit of the scene: "Saabid village", "the village of
    Mbingi", "the Alanaq area", "Desa Kalemago", "Nad Ali district" (folded). A run of
    capitalised words counts only beside such a unit word, so actors, outlets and people's names
    do not; a nationality word or country name is no scene ("the Somali town of Afgooye")."""
    words = _scene_words()
    tokens = list(_TOKEN.finditer(text))
    out: set[str] = set()
    n = 0
    while n < len(tokens):
        if not tokens[n].group(0)[0].isupper():
            n += 1
            continue
        end = n + 1                  # a run: capitalised tokens with only spaces between them
        while end < len(tokens) and tokens[end].group(0)[0].isupper() \
                and not text[tokens[end - 1].end():tokens[end].start()].strip():
            end += 1
        run = [fold(t.group(0)) for t in tokens[n:end]]
        for k, word in enumerate(run):          # "Burkina Faso's Soum province": Soum
            if _POSSESSIVE.search(word) and k + 1 < len(run):
                run, n_start = run[k + 1:], n + k + 1
                break
        else:
            n_start = n
        # "Nad Ali District"; "Desa Kalemago" only where the unit opens a name ("District
        # Commissioner John Kamau" is a title)
        unit_inside = run[0] in words.leading or run[-1] in words.units
        while run and run[0] in words.edges:
            run = run[1:]
        while run and run[-1] in words.edges:
            run = run[:-1]
        beside = unit_inside
        if not beside and end < len(tokens) and not text[tokens[end - 1].end():tokens[end].start()].strip(" ()"):
            beside = fold(tokens[end].group(0)) in words.units          # "Saabid village", "(Marja) district"
        if not beside and n_start > 0:
            before = [fold(t.group(0)) for t in tokens[max(0, n_start - 3):n_start]]
            beside = bool(before) and (before[-1] in words.units           # "desa Kalemago"
                                       or (len(before) >= 2 and before[-1] == "of" and before[-2] in words.units))
        name = " ".join(run)
        if beside and name and name not in words.peoples:
            out.add(name)
        n = end
    return frozenset(out)


def _sentences(row: dict, column: str | None = None) -> list[str]:
    return [e.get("text") or "" for e in row.get("evidence") or []
            if column is None or e.get("field") == column]


def _scene_conflict(a: dict, b: dict) -> bool:
    """Each report names a village, area or district of the scene that the other never
    mentions ("in Saabid village" and "in the vicinity of Alamada village", both placed at the
    district's town): two incidents, whatever else they share. A report that names no such
    unit, or names it in the other's words, does not contradict."""
    places = {_key(r.get(k)) for r in (a, b) for k in ("location", "admin1", "admin2", "admin3", "country")}

    def own(row: dict) -> set[str]:
        return {_key(n) for t in _sentences(row, "location") for n in scene_names(t)} - places - {""}

    na, nb = own(a), own(b)
    if not na or not nb:
        return False
    ta = f" {_key(' '.join(set(_sentences(a))))} "
    tb = f" {_key(' '.join(set(_sentences(b))))} "
    return any(f" {n} " not in tb for n in na) and any(f" {n} " not in ta for n in nb)


def _town_named(row: dict, unknown: bool = False) -> bool:
    """The row's town is named as such in its place sentence: outside parentheses (ACLED's
    "(Afgooye, Lower Shabelle)" names the district of an unknown village) and not named like
    one of its own admin units (a "Herat" or "Lamu" may be the province). `unknown` is the
    answer for a row without its place sentence (a stored event screened without evidence)."""
    town = _key(row.get("location"))
    if not town or row.get("geo_precision") != 1:
        return False
    if town in {_key(row.get(k)) for k in ("admin1", "admin2", "admin3")}:
        return False
    sentences = _sentences(row, "location")
    if not sentences:
        return unknown
    return any(f" {town} " in f" {_key(_PARENTHESES.sub(' ', t))} " for t in sentences)


def _place_match(a: dict, b: dict) -> tuple[float, bool] | None:
    """(km, same name) when the places are one: the same name, one inside the other, or close."""
    la, lb = _name(a.get("location")), _name(b.get("location"))
    km = None
    if None not in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        km = distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    a1, b1 = _name(a.get("admin1")), _name(b.get("admin1"))
    if la and la == lb and (not a1 or not b1 or a1 == b1):
        return (km if km is not None and km <= PLACE_KM else 0.0), True
    admins_a = {_name(a.get(k)) for k in ("admin1", "admin2", "admin3")} - {""}
    admins_b = {_name(b.get(k)) for k in ("admin1", "admin2", "admin3")} - {""}
    if (la and la in admins_b) or (lb and lb in admins_a):     # "in East Java" holds "in Surabaya"
        return PLACE_KM, False
    if km is not None and km <= PLACE_KM:
        return km, False
    return None


def _types_fit(a: dict, b: dict) -> bool:
    ta, tb = a.get("event_type"), b.get("event_type")
    if ta == tb:
        return ta != "Strategic developments" or a.get("sub_event_type") == b.get("sub_event_type")
    return frozenset({ta, tb}) in COMPATIBLE_TYPES


def _specific(actor: Any) -> bool:
    return isinstance(actor, str) and bool(actor) and not actor.startswith(UNIDENTIFIED)


def _swapped(a1: Any, a2: Any, b1: Any, b2: Any) -> bool:
    """a's named first side is b's second, and b's first is a's second or nobody named."""
    return _specific(a1) and a1 == b2 and (not _specific(b1) or b1 == a2)


def _actors_fit(a: dict, b: dict) -> bool:
    """No contradiction: named actors agree, or the two sides are told the other way round
    (either report may be the one that leads with the other side: the test is symmetric)."""
    a1, a2, b1, b2 = a.get("actor1"), a.get("actor2"), b.get("actor1"), b.get("actor2")
    if _swapped(a1, a2, b1, b2) or _swapped(b1, b2, a1, a2):
        return True                 # a clash: one outlet leads with each side
    if _specific(a1) and _specific(b1) and a1 != b1:
        return False
    if _specific(a2) and _specific(b2) and a2 != b2:
        # outlets name one state's forces loosely ("soldiers", "security forces", "police")
        return a.get("inter2") == b.get("inter2") == 1 and a.get("country") == b.get("country")
    return bool(a.get("inter2") == b.get("inter2") or not a.get("inter2") or not b.get("inter2"))


def _target_words(row: dict) -> set[str]:
    return set(_WORD.findall(fold(row.get("target") or "")))


def _figures_close(a: Any, b: Any) -> bool:
    """Two tolls of one incident: equal, or a first count and its update (within half)."""
    return a is not None and b is not None and (a == b or (min(a, b) > 0 and max(a, b) <= 2 * min(a, b)))


def _support(a: dict, b: dict, same_name: bool) -> int:
    """Signs two reports tell one incident, less signs they tell two (docs/merging.md)."""
    score = 0
    a1, b1 = a.get("actor1"), b.get("actor1")
    if (_specific(a1) and a1 in (b1, b.get("actor2"))) or (_specific(b1) and b1 == a.get("actor2")):
        score += 1                               # the same named group, on either side
    score += 1 if a.get("sub_event_type") == b.get("sub_event_type") else -1
    fa, fb = a.get("fatalities"), b.get("fatalities")
    if fa is not None and fb is not None:
        score += 1 if _figures_close(fa, fb) else -1     # 0 and 12 dead are two incidents
    if same_name and a.get("geo_precision") == b.get("geo_precision") == 1:
        score += 1                               # the same town, named as such
    wa, wb = _target_words(a), _target_words(b)
    if wa and wb and a.get("language") == b.get("language"):
        score += 1 if wa & wb else -1            # a market and a mosque are two bombings
    ca, cb = a.get("claim_status"), b.get("claim_status")
    if {ca, cb} == {"claimed", "no_claim"}:
        score -= 1
    if a.get("claimed_by") and b.get("claimed_by"):
        score += 1 if a["claimed_by"] == b["claimed_by"] else -2
    return score


def _named(row: dict) -> set[str]:
    """Actors that single out an incident: named groups, not a country's own forces,
    "Protesters (X)", "Rioters (X)", "Civilians (X)" or an unidentified group."""
    out = set()
    for actor, inter in ((row.get("actor1"), row.get("inter1")), (row.get("actor2"), row.get("inter2"))):
        if _specific(actor) and inter not in GENERIC_INTER:
            out.add(actor)
    return out


def toll_update(a: dict, b: dict) -> bool:
    """The later-published report of an event on the same day gives a higher toll, at most
    double the first ("raising the toll": the wounded who died, bodies found). A higher toll
    told of another day is as likely another attack, and a later report that lowers the toll
    is a correction, not the growth an update shows, so neither counts."""
    fa, fb = a.get("fatalities"), b.get("fatalities")
    ta, tb = a.get("timestamp") or 0, b.get("timestamp") or 0
    if fa is None or fb is None or ta <= 0 or tb <= 0 or ta == tb:
        return False
    if a.get("event_date") is None or a.get("event_date") != b.get("event_date"):
        return False
    first, later = (fa, fb) if ta < tb else (fb, fa)
    return 1 <= first < later <= 2 * first


def identity(a: dict, b: dict, screening: bool = False) -> int:
    """Signs beyond type, place and day that the two reports are one incident: a named actor
    in common, a like toll or a later report's update of it (`toll_update`), and with that toll
    the same town named as such by both on the same day (`_town_named`), the same count of
    injured (when both also give a death toll), the same claimant. Without them, two crowds in
    one city on one day, or two raids by one army in one district, look alike. `screening`
    counts a town whose place sentence is not at hand as named (see `judge`)."""
    signs = int(bool(_named(a) & _named(b)))
    fa, fb = a.get("fatalities"), b.get("fatalities")
    tolls = fa is not None and fb is not None
    like = tolls and min(fa, fb) >= 2 and (fa == fb or (min(fa, fb) >= 5 and 2 * max(fa, fb) <= 3 * min(fa, fb)))
    like = like or toll_update(a, b)            # the same, a count and its update, or a raised toll
    signs += like
    # the same town, named as such in both, on the same day, with that toll: a second sign
    signs += bool(like and a.get("event_date") == b.get("event_date") and _key(a.get("location")) ==
                  _key(b.get("location")) and _town_named(a, screening) and _town_named(b, screening))
    ia, ib = a.get("injuries"), b.get("injuries")
    # a wounded count told without the dead is often a day's or a front's total (a ministry's
    # daily tally of wounded soldiers), repeated in the report of each shelling it sums up
    signs += tolls and ia is not None and ia >= 2 and ia == ib
    signs += bool(a.get("claimed_by") and a.get("claimed_by") == b.get("claimed_by"))
    return signs


def required_identity(a: dict, b: dict, same_name: bool, days: int) -> int:
    """`REQUIRED_SIGNS` (two), one more for crowds, which gather in many streets of one city on
    one day. One sign for the same town on the same day was tried: ACLED notes placed only in a
    province named like its capital ("Herat", "Donetsk") then merge (docs/merging.md)."""
    crowd = {a.get("event_type"), b.get("event_type")} <= DEMONSTRATION_TYPES
    return REQUIRED_SIGNS + crowd


def required_support(a: dict, b: dict, same_name: bool) -> int:
    """How many signs a pair needs: more when the places only nest or lie near, and more for
    crowds, which gather in many places of one city on one day under one generic name."""
    need = 1 if same_name and a.get("geo_precision") == b.get("geo_precision") == 1 else 2
    if {a.get("event_type"), b.get("event_type")} <= DEMONSTRATION_TYPES:
        need += 1
    return need


def matches(a: dict, b: dict, slack_days: int = 0, screening: bool = False) -> Match | None:
    """Whether reports `a` and `b` tell one incident (None when not), and how closely.

    `slack_days` widens the date window, for screening a stored event whose own date is one
    of several its reports gave.
    """
    return judge(a, b, slack_days, screening)[0]


# The rules `judge` applies, in order: the first that fails says why two reports stay apart.
RULES = ("country", "same article", "date", "event type", "actors", "place", "support", "identity", "scene")


def judge(a: dict, b: dict, slack_days: int = 0, screening: bool = False) -> tuple[Match | None, str | None]:
    """(the match, None) when `a` and `b` tell one incident, else (None, the first rule of
    `RULES` they fail): what keeps two reports apart, for evaluation and for analysts.

    `screening` is for a stored event read without its evidence (`SCREEN_COLUMNS`): what the
    sentences would tell is assumed to join (a town named as such, no other scene), so that a
    store finds every event a new report may join; the reports are then grouped for good with
    their sentences."""
    if a.get("country") != b.get("country"):
        return None, "country"
    if _articles(a) & _articles(b):
        return None, "same article"
    days = _date_gap(a, b, slack_days)
    if days is None:
        return None, "date"
    if not _types_fit(a, b):
        return None, "event type"
    if not _actors_fit(a, b):
        return None, "actors"
    place = _place_match(a, b)
    if place is None:
        return None, "place"
    support = _support(a, b, place[1])
    if support < required_support(a, b, place[1]) + 3 * (days > 0):
        return None, "support"
    if identity(a, b, screening) < required_identity(a, b, place[1], days):
        return None, "identity"
    if not screening and _scene_conflict(a, b):        # last: it reads the sentences, the dearest test
        return None, "scene"
    return Match(days, place[0], place[1], support), None


# --- candidates ----------------------------------------------------------------------------

class BlockIndex:
    """Rows by (country, day): the candidates of a row are the rows of its country whose day
    lies within the widest date window that could match it. Building is one pass; a lookup
    touches 3 days for day-precise rows (up to 63 when month-precise rows are stored)."""

    def __init__(self, rows: Iterable[dict] = (), refs: Iterable[Hashable] | None = None) -> None:
        self._days: dict[tuple[str, int], list[Hashable]] = {}
        self._widest: dict[str, int] = {}
        for row, ref in zip(rows, refs if refs is not None else itertools.count()):
            self.add(row, ref)

    def add(self, row: dict, ref: Hashable) -> None:
        day = row.get("event_date")
        if day is None:
            return
        country = row.get("country")
        self._days.setdefault((country, day.toordinal()), []).append(ref)
        tol = TOLERANCE_DAYS.get(row.get("time_precision") or 1, 1)
        if tol > self._widest.get(country, 0):
            self._widest[country] = tol

    def candidates(self, row: dict, slack_days: int = 0) -> list[Hashable]:
        day = row.get("event_date")
        country = row.get("country")
        if day is None or country not in self._widest:
            return []
        width = max(TOLERANCE_DAYS.get(row.get("time_precision") or 1, 1), self._widest[country]) + slack_days
        o = day.toordinal()
        out: list[Hashable] = []
        for d in range(o - width, o + width + 1):
            out.extend(self._days.get((country, d), ()))
        return out


# --- grouping ------------------------------------------------------------------------------

def report_key(row: dict) -> tuple:
    """The order reports are taken in wherever order matters: published first, then by id."""
    ts = row.get("timestamp") or 0
    return (ts if ts > 0 else _NEVER, row.get("event_id_cnty") or "", tuple(sorted(_articles(row))))


def cluster(reports: Iterable[dict]) -> list[list[dict]]:
    """Group reports into events; the same groups whatever order `reports` come in.

    Matching pairs are joined strongest first (ties by the reports' keys); two groups join
    only when every report of one matches every report of the other (no chains: a market
    bombing does not join a mosque bombing through a vague third report), and never when they
    would hold two rows of one article.
    """
    rows = sorted({report_key(r): r for r in reports}.values(), key=report_key)
    index = BlockIndex(rows)
    edges = []
    for i, row in enumerate(rows):
        for j in index.candidates(row):
            if j > i and (m := matches(row, rows[j])) is not None:
                edges.append((m.strength, i, j))
    edges.sort()
    parent = list(range(len(rows)))
    members: list[frozenset[str]] = [_articles(r) for r in rows]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    matched = {(i, j) for _s, i, j in edges}
    groups_of: list[list[int]] = [[i] for i in range(len(rows))]
    for _strength, i, j in edges:
        ri, rj = root(i), root(j)
        if ri == rj or members[ri] & members[rj]:
            continue                # already one event, or it would merge two rows of one article
        if not all((min(x, y), max(x, y)) in matched for x in groups_of[ri] for y in groups_of[rj]):
            continue                # every report of an event tells it: no chains through a third
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        members[keep] = members[ri] | members[rj]
        groups_of[keep] = groups_of[ri] + groups_of[rj]
    groups: dict[int, list[dict]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    return [groups[k] for k in sorted(groups)]


# --- reconciling ---------------------------------------------------------------------------

@cache
def _outlets() -> dict[str, tuple[str | None, str | None]]:
    """Folded outlet name -> (fixed scale, home country ISO3), from events/data/outlets.toml."""
    data = tomllib.loads(OUTLETS_PATH.read_text(encoding="utf-8"))
    out: dict[str, tuple[str | None, str | None]] = {}
    for entry in data.get("outlet", []):
        for name in entry["names"]:
            out[_name(name)] = (entry.get("scale"), entry.get("country"))
    return out


def outlets_of(rows: Iterable[dict]) -> list[str]:
    """Every outlet the rows name, once (case-insensitive), in alphabetical order."""
    seen: dict[str, str] = {}
    for row in rows:
        for part in (row.get("source") or "").split(";"):
            part = part.strip()
            if part and _name(part) not in seen:
                seen[_name(part)] = part
    return [seen[k] for k in sorted(seen)]


def source_scale(outlets: Sequence[str], country: str | None) -> str | None:
    """ACLED's source_scale of a set of outlets reporting an event in `country`."""
    if not outlets:
        return None
    iso3 = getattr(schema.country(country), "iso3", None) if country else None
    scales = set()
    for outlet in outlets:
        fixed, home = _outlets().get(_name(outlet), (None, None))
        scales.add(fixed or ("National" if home and home == iso3 else "International" if home else "Other"))
    return "-".join(s for s in SCALE_ORDER if s in scales)


def _latest_lowest(rows: list[dict], column: str) -> int | None:
    """The lowest figure among the latest-published reports that give one (a later report
    updates the toll; reports of one day disagree only in how sure they are)."""
    given = [r for r in rows if r.get(column) is not None]
    if not given:
        return None
    latest = max(r.get("timestamp") or 0 for r in given)
    return min(r[column] for r in given if (r.get("timestamp") or 0) == latest)


def _given(row: dict, column: str, fallback: str) -> Any:
    return row.get(column) if row.get(column) is not None else row.get(fallback)


def _first(rows: list[dict], key: Callable[[dict], Any]) -> dict:
    """The report with the smallest `key`, ties broken by report order (rows come sorted)."""
    return min(rows, key=key)


def reconcile(reports: Iterable[dict]) -> dict:
    """One event row from every report of it: a function of the set, not of its order."""
    rows = sorted(reports, key=report_key)
    if not rows:
        raise ValueError("reconcile needs at least one report")
    if len(rows) == 1:
        return _with_sources(dict(rows[0]), rows)
    order = {id(r): n for n, r in enumerate(rows)}
    dates = Counter(r.get("event_date") for r in rows if r.get("event_date"))
    when = _first(rows, lambda r: (r.get("time_precision") or 9, r.get("event_date") is None,
                                   -dates[r.get("event_date")], r.get("event_date") or dt.date.max,
                                   order[id(r)]))
    places = Counter(_name(r.get("location")) for r in rows)
    where = _first(rows, lambda r: (r.get("geo_precision") or 9, r.get("latitude") is None,
                                    -places[_name(r.get("location"))], _name(r.get("location")), order[id(r)]))
    kinds = Counter((r["event_type"], r["sub_event_type"]) for r in rows)
    what = _first(rows, lambda r: (-kinds[(r["event_type"], r["sub_event_type"])],
                                   -(r.get("confidence") or 0), order[id(r)]))
    who = _first(rows, lambda r: (-_specific(r.get("actor1")), -_specific(r.get("actor2")),
                                  -(r.get("confidence") or 0), order[id(r)]))
    perp = _first(rows, lambda r: (-PERPETRATOR_RANK.get(r.get("perpetrator_status"), 0),
                                   r.get("perpetrator") is None, -len(r.get("perpetrator") or ""),
                                   order[id(r)]))
    claim = _first(rows, lambda r: (-CLAIM_RANK.get(r.get("claim_status"), 0), r.get("claimed_by") is None,
                                    order[id(r)]))
    target = _first(rows, lambda r: (r.get("target") is None, -len(r.get("target") or ""), order[id(r)]))
    merged = dict(rows[0])                         # the earliest report names the event
    merged.update(event_date=when.get("event_date"), year=when.get("year"),
                  time_precision=when.get("time_precision"))
    merged.update({k: where.get(k) for k in PLACE_COLUMNS})
    merged.update({k: what.get(k) for k in ("disorder_type", "event_type", "sub_event_type",
                                              "attack_type", "weapon_type", "civilian_targeting")})
    merged.update({k: who.get(k) for k in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                                            "inter2")})
    if merged.get("inter1") is not None:
        merged["interaction"] = schema.interaction(merged["inter1"], merged.get("inter2") or 0)
    merged.update({k: perp.get(k) for k in ("perpetrator", "perpetrator_status", "attributed_by")})
    merged.update({k: claim.get(k) for k in ("claim_status", "claimed_by")})
    merged["target"] = target.get("target")
    for column in ("fatalities", "injuries"):
        merged[column] = _latest_lowest(rows, column)
    lows = [_given(r, "fatalities_low", "fatalities") for r in rows]
    highs = [_given(r, "fatalities_high", "fatalities") for r in rows]
    merged["fatalities_low"] = min((v for v in lows if v is not None), default=None)
    merged["fatalities_high"] = max((v for v in highs if v is not None), default=None)
    tags = sorted({t.strip() for r in rows for t in (r.get("tags") or "").split(";") if t.strip()})
    merged["tags"] = "; ".join(tags) or None
    merged["timestamp"] = max(r.get("timestamp") or 0 for r in rows)
    merged["confidence"] = max(r.get("confidence") or 0 for r in rows)
    langs = Counter(r.get("language") for r in rows if r.get("language"))
    merged["language"] = min(langs, key=lambda k: (-langs[k], k)) if langs else None
    merged["extractor_version"] = max(r.get("extractor_version") or "" for r in rows) or rows[0].get(
        "extractor_version")
    merged["notes"] = _closest(rows, merged, order).get("notes")
    evidence, seen = [], set()
    for r in rows:
        for e in r.get("evidence") or []:
            key = (e.get("field"), e.get("text"))
            if key not in seen:
                seen.add(key)
                evidence.append(e)
    merged["evidence"] = evidence
    return _with_sources(merged, rows)


def _closest(rows: list[dict], merged: dict, order: dict[int, int]) -> dict:
    """The report that agrees with the merged row on most fields: its notes describe the event."""
    cols = ("event_date", "location", "event_type", "sub_event_type", "fatalities", "actor1", "perpetrator",
            "claim_status")
    return min(rows, key=lambda r: (-sum(r.get(c) == merged.get(c) for c in cols), order[id(r)]))


def _with_sources(merged: dict, rows: list[dict]) -> dict:
    merged["article_ids"] = sorted({a for r in rows for a in _articles(r)})
    outlets = outlets_of(rows)
    merged["source"] = "; ".join(outlets) or None
    merged["source_scale"] = source_scale(outlets, merged.get("country"))
    return merged


def merge_reports(reports: Iterable[dict]) -> list[dict]:
    """The events a batch of reports tells: `reconcile` of each `cluster`."""
    return [reconcile(group) for group in cluster(reports)]


# --- folding new reports into stored events ------------------------------------------------

@dataclass
class Fold:
    """What a commit changes: rows to write, stored ids they replace, and where an id went."""
    rows: list[dict] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)       # stored event ids whose rows are superseded
    aliases: dict[str, str] = field(default_factory=dict)    # stored id -> the id of the event it joined


class Merger:
    """The stored events, indexed once, that new reports are folded into.

    `reports_for(article_ids)` gives every report of those stored articles (the store re-runs
    the pipeline over their text, which is deterministic): with it, a stored event is re-grouped
    from its own reports, so the result is the one a single batch of all articles gives.
    Without it, each stored event stands for its reports (good enough when nothing is recoded).
    """

    SCREEN_SLACK_DAYS = 1       # a stored event's date is one of its reports': look a day wider

    def __init__(self, stored: Iterable[dict],
                 reports_for: Callable[[list[str]], list[dict]] | None = None) -> None:
        self.stored = list(stored)
        self.reports_for = reports_for
        self.index = BlockIndex()
        self.by_article: dict[str, list[int]] = {}
        rows, self.stored = self.stored, []
        for row in rows:
            self._add(row)

    def touched(self, new: Iterable[dict]) -> list[int]:
        """Stored events a new report may join (screened by block and a loose match)."""
        hits: set[int] = set()
        for report in new:
            for n in self.index.candidates(report, self.SCREEN_SLACK_DAYS):
                if n not in hits and self.stored[n] and matches(report, self.stored[n], self.SCREEN_SLACK_DAYS,
                                                                screening=True):
                    hits.add(n)
        return sorted(hits)

    def fold(self, new: Sequence[dict]) -> Fold:
        """The rows to publish after adding the `new` reports (one article's or a batch's)."""
        involved = set(self.touched(new))
        members: list[dict]
        if self.reports_for is None:
            members = [self.stored[n] for n in sorted(involved)]
        else:
            articles: set[str] = set()
            while True:                       # the stored events that share an article come too
                more = {a for n in involved for a in _articles(self.stored[n])} - articles
                if not more:
                    break
                articles |= more
                involved |= {n for a in more for n in self.by_article.get(a, ()) if self.stored[n]}
            members = self.reports_for(sorted(articles)) if articles else []
        merged = merge_reports([*members, *new])
        out = Fold(rows=merged, replaced=sorted(self.stored[n]["event_id_cnty"] for n in involved))
        kept = {r["event_id_cnty"] for r in merged}
        for n in sorted(involved):
            old = self.stored[n]
            if old["event_id_cnty"] not in kept:
                arts = _articles(old)
                home = min(merged, key=lambda r: (-len(arts & _articles(r)), r["event_id_cnty"]))
                if arts & _articles(home):
                    out.aliases[old["event_id_cnty"]] = home["event_id_cnty"]
            self._drop(n)
        for row in merged:
            self._add(row)                  # later folds of the run see these events
        return out

    def _add(self, row: dict) -> None:
        n = len(self.stored)
        self.stored.append(row)
        self.index.add(row, n)
        for aid in _articles(row):
            self.by_article.setdefault(aid, []).append(n)

    def _drop(self, n: int) -> None:
        """Forget a stored event (its index entries stay, pointing at an empty slot)."""
        self.stored[n] = {}
