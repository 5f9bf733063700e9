"""What an analyst types -> the values the store holds.

`--event-type protes`, `--country Irak`, `--admin1 'Jawa Barat'`, `--by provinsi`: filter
values, summary dimensions and export columns are matched to the ACLED taxonomy, the country
table, the gazetteer and the stored values, whatever the case, accents, spaces or hyphens, in
every language that has `events/lang/<code>/taxonomy.toml`, and in close spellings. A value
that could mean several things, or nothing, is a `FilterError` naming the close valid values;
a value read as another one is said in a note ("--country 'Irak' read as 'Iraq'"). A division,
actor, outlet or language that matches no stored event gets a note with the stored values
close to it. The store is asked only for the values given, one `LIMIT 1` look each.

>>> resolve("event_type", "protest")
(('Protests',), "--event-type 'protest' read as 'Protests'")
"""
from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from events import errors, lang, query, schema
from events.matcher import fold

OPTIONS = {"event_type": "--event-type", "sub_event_type": "--sub-event-type", "region": "--region",
           "claim_status": "--claim-status", "language": "--language", "dimension": "--by",
           "column": "--columns", "country": "--country", "admin1": "--admin1", "actor": "--actor",
           "perpetrator": "--perpetrator", "source": "--source"}
_TABLES = {"event_type": "event_types", "sub_event_type": "sub_event_types", "region": "regions",
           "claim_status": "claim_statuses", "language": "languages", "dimension": "dimensions"}
WORD_CLOSE = 0.85       # a word typed and a word of a name: 'explosion' / 'explosions'
CLOSE = 0.8             # a whole name typed and a name: 'batles' / 'battles'
HINT = 0.65             # close enough to be suggested when nothing matches
MARGIN = 0.03           # a stored spelling read for a typo must be this much closer than the next
LISTED = 40             # value sets this small are listed whole when nothing is close
_NON_WORD = re.compile(r"[\W_]+")
# marks no name of the taxonomy or the columns holds: text with them ("count(*)", "x; DROP") is
# taken only as typed, never read as the name it comes close to
_NOT_A_NAME = re.compile(r"[()*;=<>]|--")


def key(text: str) -> str:
    """A name with case, accents, punctuation and spacing aside: 'Sub-event_type' -> 'sub event type'."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def canonical(kind: str) -> tuple[str, ...]:
    """The valid values of a kind, in their reference order."""
    t = schema.taxonomy()
    values = {"event_type": lambda: t.event_types, "sub_event_type": lambda: tuple(t.event_type_of),
              "region": schema.regions, "claim_status": lambda: query.CLAIM_STATUSES,
              "language": lang.languages, "dimension": lambda: query.DIMENSIONS,
              "column": schema.column_names}
    return tuple(values[kind]())


@cache
def names(kind: str) -> dict[str, frozenset[str]]:
    """Every name of a kind's values (folded) -> the values it names: the values themselves and
    their names in each language's `taxonomy` data."""
    valid = canonical(kind)
    found: dict[str, set[str]] = {}
    for value in valid:
        found.setdefault(key(value), set()).add(value)
    table = _TABLES.get(kind)
    for code in lang.languages() if table else ():
        if "taxonomy" not in lang.topics(code):
            continue
        for value, others in lang.load(code, "taxonomy").get(table, {}).items():
            if value in valid:              # tests/test_cli_names.py checks every one is
                for other in others:
                    found.setdefault(key(other), set()).add(value)
    return {k: frozenset(v) for k, v in found.items()}


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _word_close(a: str, b: str) -> bool:
    """The same word, or another form of it: 'protest' / 'protests', 'fatality' / 'fatalities'."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    prefix = len(os.path.commonprefix([a, b]))
    return _similar(a, b) >= WORD_CLOSE or prefix >= max(4, 0.7 * max(len(a), len(b)))


def _word_in(word: str, words: list[str]) -> bool:
    return any(_word_close(word, w) for w in words)


def match(text: str, table: dict[str, frozenset[str]]) -> tuple[frozenset[str], str]:
    """(values, how) for a typed name: how is 'exact', 'name' (another name of the value), 'close'
    (every word typed is a word, or close to one, of the names; or the whole is a close
    spelling) or '' (nothing)."""
    k = key(text)
    if not k:
        return frozenset(), ""
    if k in table:
        found = table[k]
        return found, "exact" if any(key(v) == k for v in found) else "name"
    if _NOT_A_NAME.search(text):
        return frozenset(), ""
    words = k.split()
    hits: set[str] = set()
    whole: set[str] = set()          # names every word of which was typed: 'fatality' -> fatalities
    for name, values in table.items():
        if all(_word_in(w, name.split()) for w in words):
            hits |= values
            if all(_word_in(n, words) for n in name.split()):
                whole |= values
    hits = whole or hits
    if not hits:
        for name in difflib.get_close_matches(k, list(table), n=10, cutoff=CLOSE):
            hits |= table[name]
    return frozenset(hits), "close" if hits else ""


def closest(text: str, candidates: Sequence[str], n: int = 5, cutoff: float = HINT) -> tuple[str, ...]:
    """The candidates most like `text`, as a whole or in a run of as many words (a part of a
    long actor name), best first."""
    return tuple(c for _, c in scored(text, candidates, cutoff)[:n])


def scored(text: str, candidates: Sequence[str], cutoff: float = HINT) -> list[tuple[float, str]]:
    """(similarity, candidate) for the candidates at least `cutoff` like `text`, best first."""
    k = key(text)
    width = len(k.split())
    matcher = difflib.SequenceMatcher(b=k)         # the typed text is analysed once

    def like(r: str) -> float:
        if r.startswith(k) and len(k) >= 3:
            return 0.9
        matcher.set_seq1(r)
        return matcher.ratio() if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff else 0.0

    found = []
    for c in dict.fromkeys(candidates):
        words = key(c).split()
        runs = [" ".join(words[i:i + width]) for i in range(max(1, len(words) - width + 1))]
        best = max(like(r) for r in [" ".join(words), *runs])
        if best >= cutoff:
            found.append((-best, c))
    return [(-score, c) for score, c in sorted(found)]


def _ordered(kind: str, values: frozenset[str]) -> tuple[str, ...]:
    order = {v: i for i, v in enumerate(canonical(kind))}
    return tuple(sorted(values, key=lambda v: order.get(v, len(order))))


def resolve(kind: str, text: str) -> tuple[tuple[str, ...], str | None]:
    """The one value `text` names and a note when it was read as another name; FilterError
    when it names several (ambiguous) or none (with the close values)."""
    option = OPTIONS[kind]
    found, how = match(text, names(kind))
    if len(found) == 1:
        values = _ordered(kind, found)
        return values, (None if how == "exact" else errors.read_as(option, text, values))
    if found:
        raise errors.FilterError(errors.ambiguous_name(option, text, _ordered(kind, found)))
    table = names(kind)
    close = tuple(dict.fromkeys(v for name in closest(text, list(table), n=5) for v in sorted(table[name])))
    every = canonical(kind)
    raise errors.FilterError(errors.unknown_name(option, text, close[:5], every if len(every) <= LISTED else (),
                                                 **({"see": "`events schema` lists the columns"}
                                                    if kind == "column" else {})))


def dimensions(by: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """`--by` names (any language, close spellings) -> summary dimensions, and the notes."""
    out, notes = [], []
    for text in by:
        values, note = resolve("dimension", text)
        out += values
        notes += [note] if note else []
    return tuple(out), notes


def columns(given: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """`--columns a,b --columns c` -> schema column names, in the order given, and the notes."""
    out, notes = [], []
    for text in (part.strip() for item in given for part in item.split(",")):
        if text:
            values, note = resolve("column", text)
            out += [v for v in values if v not in out]
            notes += [note] if note else []
    return tuple(out), notes


# --- countries and divisions: the schema's names, then the gazetteer (every language) ---------

@cache
def _gazetteer(text: str) -> tuple[tuple[str, str, str | None], ...]:
    """(kind, cc, admin1) of every gazetteer entry named exactly `text` (any language, folded).
    Reads the two Parquet files' needed columns only, not the whole gazetteer (a second or so,
    asked only for a name that is not a stored or ACLED one)."""
    import pyarrow.parquet as pq

    from events.geo import GAZETTEER_PATH, NAMES_PATH

    k = " ".join(fold(text).split())
    hits = pq.read_table(NAMES_PATH, columns=["key", "rows"], filters=[("key", "==", k)])
    rows = [i for r in hits.column("rows").to_pylist() for i in r]
    if not rows:
        return ()
    table = pq.read_table(GAZETTEER_PATH, columns=["kind", "cc", "admin1"]).take(rows)
    return tuple(zip(*(table.column(c).to_pylist() for c in ("kind", "cc", "admin1"))))


def country(text: str) -> tuple[str, str | None]:
    """An ACLED country name from a name or ISO code in any language: 'Irak' -> 'Iraq'."""
    by_key = {key(n): c.name for c in schema.countries() for n in (c.name, c.official_name)}
    found = schema.country(text.strip()) or schema.country(text.strip().upper())
    if found is not None or key(text) in by_key:
        return (found.name if found else by_key[key(text)]), None
    named = sorted({c.name for kind, cc, _ in _gazetteer(text) if kind == "country"
                    for c in [schema.country(cc)] if c is not None})
    if not named:
        named = sorted({by_key[n] for n in difflib.get_close_matches(key(text), list(by_key), n=5, cutoff=CLOSE)})
    if len(named) == 1:
        return named[0], errors.read_as("--country", text, tuple(named))
    if named:
        raise errors.FilterError(errors.ambiguous_name("--country", text, tuple(named)))
    close = tuple(dict.fromkeys(by_key[n] for n in closest(text, list(by_key), n=5, cutoff=0.7)))
    raise errors.FilterError(errors.unknown_name("--country", text, close) if close
                             else errors.unknown_country(text))


def _stored(con, condition: str, params: list) -> bool:
    return con.execute(f"SELECT 1 FROM events WHERE {condition} LIMIT 1", params).fetchone() is not None


def _stored_values(con, columns: Sequence[str], split: bool = False, most: int = 20_000) -> list[str]:
    """The `most` commonest stored values of the columns (the ones worth suggesting)."""
    union = " UNION ALL ".join(f"SELECT CAST({c} AS VARCHAR) AS v FROM events WHERE {c} IS NOT NULL"
                               for c in columns)
    values = [r[0] for r in con.execute(f"SELECT v FROM ({union}) GROUP BY v ORDER BY count(*) DESC, v "
                                        f"LIMIT {most}").fetchall()]
    return [p for v in values for p in v.split("; ")] if split else values


def _admin1(con, text: str, countries: set[str]) -> tuple[list[str], str | None]:
    """A division as stored, or named in any language (gazetteer), or a close stored spelling."""
    if _stored(con, "lower(admin1) = ?", [text.lower()]):
        return [text], None
    named = sorted({a for kind, cc, a in _gazetteer(text)
                    if kind == "admin1" and a and (not countries or cc in countries)})
    if named:
        return named, errors.read_as("--admin1", text, tuple(named))
    close = scored(text, _stored_values(con, ["admin1"]))
    if close and close[0][0] >= WORD_CLOSE and (len(close) == 1 or close[0][0] - close[1][0] >= MARGIN):
        return [close[0][1]], errors.read_as("--admin1", text, (close[0][1],))    # one clearly closest
    return [text], errors.matches_nothing("--admin1", text, tuple(c for _, c in close[:5]))


_PART_OF = {"actor": ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"), "perpetrator": ("perpetrator",),
            "source": ("source",)}


def resolve_filters(db: str | os.PathLike, filters: query.Filters) -> tuple[query.Filters, list[str]]:
    """The filters with every value as the store holds it, and notes for the user: what was
    read as what, and which values match no stored event (with close stored values)."""
    notes: list[str] = []

    def taxon(kind: str, given: Sequence[str]) -> tuple[str, ...]:
        out: list[str] = []
        for text in given:
            values, note = resolve(kind, text)
            out += [v for v in values if v not in out]
            notes.extend([note] if note else [])
        return tuple(out)

    countries = []
    for text in filters.country:
        name, note = country(text)
        countries.append(name)
        notes.extend([note] if note else [])
    resolved = replace(filters, country=tuple(countries), region=taxon("region", filters.region),
                       event_type=taxon("event_type", filters.event_type),
                       sub_event_type=taxon("sub_event_type", filters.sub_event_type),
                       claim_status=taxon("claim_status", filters.claim_status))
    if not (filters.admin1 or filters.language or filters.actor or filters.perpetrator or filters.source):
        return resolved, notes
    con = query.connect(db)
    try:
        ccs = {c.iso2 for name in countries for c in [schema.country(name)] if c is not None}
        admin1: list[str] = []
        for text in filters.admin1:
            values, note = _admin1(con, text, ccs)
            admin1 += [v for v in values if v not in admin1]
            notes.extend([note] if note else [])
        languages: list[str] = []
        for text in filters.language:           # a code as stored, or a language's name: 'Indonesian' -> id
            if not _stored(con, "lower(language) = ?", [text.lower()]):
                found, how = match(text, names("language"))
                if len(found) == 1 and how != "exact":
                    code = next(iter(found))
                    notes.append(errors.read_as("--language", text, (code,)))
                    text = code
                else:
                    notes.append(errors.matches_nothing("--language", text,
                                                        closest(text, _stored_values(con, ["language"]))))
            languages.append(text)
        for kind, cols in _PART_OF.items():
            for text in getattr(filters, kind):
                cond = " OR ".join(f"contains(lower(coalesce({c}, '')), ?)" for c in cols)
                if not _stored(con, cond, [text.lower()] * len(cols)):
                    close = closest(text, _stored_values(con, cols, split=kind == "source"))
                    notes.append(errors.matches_nothing(OPTIONS[kind], text, close))
    finally:
        con.close()
    return replace(resolved, admin1=tuple(admin1), language=tuple(languages)), notes
