"""The `places` stage: every place the article names, resolved in the whole article's context.

`run(doc)` sets `doc.findings["places"]` (list of PlaceMention, text order); `choose(doc, ...)`
gives the assemble stage the best place for one event.
"""
from __future__ import annotations

from collections import Counter

from events.article import Sentence
from events.findings import Place, PlaceMention
from events.geo import SPECIFICITY, gazetteer
from events.geo.resolve import mentions, resolve
from events.pipeline import Doc

NEIGHBOURHOOD = 2       # sentences either side searched when the event's own sentences name no place


def _sentences(doc: Doc) -> list[Sentence]:
    text = doc.article.text
    return doc.sentences or [Sentence(0, len(text), text)]


def run(doc: Doc) -> None:
    """Find and resolve the article's place names; sets doc.findings['places']."""
    cands = resolve(doc.article.text, _sentences(doc), doc.language,
                    doc.findings.get("dateline"), doc.article.source)
    doc.findings["places"] = mentions(cands)


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
    usable = [m for m in found if "modifier" not in m.why] or found
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
    province over its country; a name after "in"/"di"/"near" over one inside a longer proper
    name such as "Perdana Menteri Irak"); when they name only a country or a province, a more
    specific place within it from the nearest sentences (up to 2 away) or the article's main
    place; when they name nothing, the nearest sentence's best place, else the article's main
    place. geo_precision is 2 when the text says near/outskirts ("dekat", "near") or the place
    is a district, 3 for a province or country. Returns None when the article names no place.
    Needs `run(doc)` first (it calls it if `doc.findings` has no 'places').

    >>> # choose(doc, {0}) -> Place(country='Iraq', admin1='Baghdad', location='Baghdad', ...)
    """
    if "places" not in doc.findings:
        run(doc)
    found: list[PlaceMention] = doc.findings.get("places") or []
    if not found:
        return None
    main = main_place(doc)

    def best(ms: list[PlaceMention]) -> PlaceMention | None:
        if not ms:
            return None
        return max(ms, key=lambda m: ("modifier" not in m.why, _specific(m), m.score, -m.start))

    own = [m for m in found if m.sentence in sentence_indices]
    pick = best(own)
    near = any(m.near for m in own if pick and m.place.location == pick.place.location)
    if pick is None:
        for dist in range(1, NEIGHBOURHOOD + 1):
            ring = [m for m in found if any(abs(m.sentence - s) == dist for s in sentence_indices)]
            pick = best(ring)
            if pick is not None:
                break
        if pick is None or (main is not None and _specific(main) > _specific(pick)
                            and _contains(pick.place, main.place)):
            pick = main
        return pick.place if pick else None
    if pick.place.feature in ("country", "admin1"):
        for dist in range(1, NEIGHBOURHOOD + 1):
            ring = [m for m in found if any(abs(m.sentence - s) == dist for s in sentence_indices)
                    and _contains(pick.place, m.place) and _specific(m) > _specific(pick)
                    and "modifier" not in m.why]
            if ring:
                return _with_near(best(ring), near)
        if main is not None and _contains(pick.place, main.place) and _specific(main) > _specific(pick):
            return _with_near(main, near)
    return _with_near(pick, near)


def geocode(text: str, language: str | None = None, source: str | None = None) -> list[PlaceMention]:
    """Resolve the places of a bare text (for `events geocode` and tests)."""
    return mentions(resolve(text, None, language, None, source), gazetteer())
