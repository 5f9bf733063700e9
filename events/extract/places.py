"""The `places` stage: every place the article names, resolved in the whole article's context.

`run(doc)` sets `doc.findings["places"]` (list of PlaceMention, text order); `choose(doc, ...)`
gives the assemble stage the best place for one event.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from functools import cache

from events.article import Doc, Sentence
from events.extract.sentences import windows
from events.findings import Place, PlaceMention
from events.geo import SPECIFICITY, distance_km, gazetteer
from events.geo.resolve import mentions, resolve
from events.matcher import fold

WINDOW = 20000       # characters resolved at once (whole sentences); articles are far shorter
REFERENCE_KM = 300     # "50 km north of X": the town meant lies within this distance of X


def _sentences(doc: Doc) -> list[Sentence]:
    text = doc.article.text
    return doc.sentences or [Sentence(0, len(text), text)]


def run(doc: Doc) -> None:
    """Find and resolve the article's place names; sets doc.findings['places'].

    A text longer than WINDOW characters (far beyond a news article) is resolved in windows
    of whole sentences: the resolver compares candidates pairwise."""
    text, sentences = doc.article.text, _sentences(doc)
    names = _group_names(doc)
    if len(text) <= WINDOW:
        doc.findings["places"] = mentions(resolve(text, sentences, doc.language,
                                                  doc.findings.get("dateline"), doc.article.source,
                                                  names=names))
        return
    found: list[PlaceMention] = []
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    ordered = all(a.start <= a.end <= b.start for a, b in zip(sentences, sentences[1:])) \
        and sentences[-1].start <= sentences[-1].end
    name_starts = [a for a, _ in names]
    names_ordered = all(x <= y for x, y in zip(name_starts, name_starts[1:]))
    for lo, hi in windows(text, starts, WINDOW):
        piece = text[lo:hi]
        if ordered:         # the sentences that overlap the window, found by bisect, not a pass over all
            index = [i for i in range(bisect.bisect_right(ends, lo), bisect.bisect_left(starts, hi))
                     if starts[i] < hi and ends[i] > lo]
        else:
            index = [i for i, s in enumerate(sentences) if s.start < hi and s.end > lo]
        inside = names[bisect.bisect_left(name_starts, lo):bisect.bisect_right(name_starts, hi)] \
            if names_ordered else names
        local = [Sentence(max(s.start, lo) - lo, min(s.end, hi) - lo, piece[max(s.start, lo) - lo:min(s.end, hi) - lo])
                 for s in (sentences[i] for i in index)]
        cands = resolve(piece, local, doc.language, doc.findings.get("dateline") if lo == 0 else None,
                        doc.article.source, names=[(a - lo, b - lo) for a, b in inside if lo <= a and b <= hi])
        found += [replace(m, start=m.start + lo, end=m.end + lo, sentence=index[m.sentence] if index else 0)
                  for m in mentions(cands)]
    doc.findings["places"] = found


def _group_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans of armed groups' names of several words ("Abu Sayyaf", "Moro Islamic Liberation
    Front"): a place name inside one is part of the name, not a place. A group's one-word name
    is masked too when no place has it as its own name, only as an alias ("Hamas" is one of
    Hamm's, in Germany)."""
    from events.extract import actors          # a table lookup only; the actors stage runs later
    text = doc.article.text
    return [(m.start, m.end) for m in actors.tables(doc.language).matcher.find(text, fold(text))
            if any(v[0] == "group" for v in m.value) and (" " in m.key or _alias_only(m.key))]


@cache
def _alias_only(key: str) -> bool:
    """No place of the gazetteer has `key` as its own name (it may be another name of one)."""
    gaz = gazetteer()
    return not any(" ".join(fold(gaz.entry(i).name).split()) == key for i in gaz.names.rows(key))


def _weak(m: PlaceMention) -> bool:
    """A mention that is evidence of place but rarely the event's place: the dateline city, or
    a name inside a longer proper name ("Kedutaan Besar Amerika Serikat")."""
    return m.why.startswith(("dateline", "modifier"))


def _specific(m: PlaceMention) -> int:
    return SPECIFICITY.get(m.place.feature, 0)


def _contains(outer: Place, inner: Place) -> bool:
    """`inner` lies within `outer` (same country; same admin1 unless outer is a country)."""
    if outer.country != inner.country:
        return False
    return outer.feature == "country" or (outer.admin1 is not None and outer.admin1 == inner.admin1)


def main_place(doc: Doc) -> PlaceMention | None:
    """The article's main place: the most-named country, and within it the most-named
    (then earliest) most specific place; `None` when the article names no place."""
    found: list[PlaceMention] = doc.findings.get("places") or []
    usable = [m for m in found if not _weak(m)] or found
    if not usable:
        return None
    by_country = Counter(m.place.country for m in usable)
    country = by_country.most_common(1)[0][0]
    inside = [m for m in usable if m.place.country == country]
    below = [m for m in inside if _specific(m) > 0] or inside
    names = Counter((m.place.location, m.place.feature) for m in below)
    return min(below, key=lambda m: (-names[(m.place.location, m.place.feature)], -_specific(m), m.start))


def _with_near(m: PlaceMention, near: bool) -> Place:
    p = m.place
    if near and p.geo_precision == 1:
        return Place(**{**p.__dict__, "geo_precision": 2})
    return p


def choose(doc: Doc, sentence_indices: set[int]) -> Place | None:
    """The best place for an event whose evidence lies in `sentence_indices`.

    Order of preference: the most specific mention in those sentences (a town over its
    province over its country; a town named as the place itself over one given as a reference
    point, "20 km north of Beirut"; a name after "in"/"di" first; a name inside a longer proper
    name such as "Perdana Menteri Irak" or the dateline city last). When they name only a country
    or a province, a more specific place within it from the two sentences before, else the
    article's main place if it lies within, else the sentence after. When they name nothing, the
    best place of the sentence before or after if it is in the article's main country, else the
    article's main place. geo_precision is 2 when the text says near/outskirts ("dekat",
    "near") or the place is a district, 3 for a province or country.
    Returns None when the article names no place. Needs `run(doc)` first (called if missing).

    >>> # choose(doc, {0}) -> Place(country='Iraq', admin1='Baghdad', location='Baghdad', ...)
    """
    if "places" not in doc.findings:
        run(doc)
    found: list[PlaceMention] = [m for m in doc.findings.get("places") or []]
    if not found:
        return None
    main = main_place(doc)
    events_at = [m for m in found if not m.why.startswith("dateline")]

    def best(ms: list[PlaceMention]) -> PlaceMention | None:
        if not ms:
            return None
        return max(ms, key=lambda m: (not _weak(m), _specific(m), not m.near, "preposition" in m.why,
                                      m.score, -m.start))

    def at(offsets: list[int], inside: Place | None = None) -> PlaceMention | None:
        for off in offsets:
            ring = [m for m in events_at if any(m.sentence - s == off for s in sentence_indices)
                    and not _weak(m)]
            if inside is not None:
                ring = [m for m in ring if _contains(inside, m.place) and _specific(m) > SPECIFICITY[inside.feature]]
            if ring:
                return best(ring)
        return None

    own = [m for m in events_at if m.sentence in sentence_indices]
    pick = best(own)
    if pick is None:
        pick = at([-1, 1])
        if pick is None or (main is not None and pick.place.country != main.place.country):
            pick = main
        elif main is not None and _contains(pick.place, main.place) and _specific(main) > _specific(pick):
            pick = main
        return pick.place if pick else None
    near = pick.near
    if pick.place.feature in ("country", "admin1"):
        finer = at([-1, -2], pick.place)
        if finer is None and main is not None and _contains(pick.place, main.place) \
                and _specific(main) > _specific(pick):
            finer = main
        finer = finer or at([1, 2], pick.place)
        if finer is not None:
            return _with_near(finer, near)
    if near and pick.place.feature == "city":
        # "north of Baghdad" is a reference point: another town named in the next or previous
        # sentence ("near the town of Samarra"), in the same country and not far, is the place
        around = [m for m in events_at if any(abs(m.sentence - s) == 1 for s in sentence_indices)
                  and not _weak(m) and m.place.feature == "city"
                  and m.place.country == pick.place.country and m.place.location != pick.place.location
                  and distance_km(m.place.latitude, m.place.longitude,
                                  pick.place.latitude, pick.place.longitude) <= REFERENCE_KM]
        if around:
            return _with_near(best(around), True)
    return _with_near(pick, near)


def geocode(text: str, language: str | None = None, source: str | None = None) -> list[PlaceMention]:
    """Resolve the places of a bare text (for `events geocode` and tests)."""
    return mentions(resolve(text, None, language, None, source), gazetteer())
