"""Place names in an article, resolved with the article's own evidence.

`resolve(text, sentences, language, dateline)` finds every gazetteer name in one pass, drops
the ones that are ordinary words, people's names or the outlet, and chooses for each the entry
that the article supports best: the countries and provinces it names, names written together
("Bandipora, Kashmir"), the dateline, the outlet's home country, population and kind.
Every choice carries its score and a short reason (`why`) for `events geocode`.
"""
from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from events import lang as langdata
from events import schema
from events.article import Sentence
from events.findings import Dateline, PlaceMention
from events.geo import Entry, Gazetteer, distance_km, gazetteer
from events.matcher import Match, Matcher, fold

ACRONYM_FROM = 40          # upper-case names before this offset may be a dateline ("MOSUL, Iraq -")
PERSON_MAX_POP = 1_000_000
BARE_CITY_POP = 100_000     # in capitals, a frequent word is a town without a preposition only this large
MIXED_WORD_POP = 500_000    # in mixed case, a very frequent word ("Post", "Forest") is a town alone only this large
TITLE_CASE_SHARE = 0.75    # this share of capitalised long words makes a sentence a title-case headline
DISTRICT_MARGIN = 3.0      # a district of exactly the name read is kept over a town scoring up to this much more
QUARTER_TOWN_RATIO = 10    # a reading this many times the town's size is no quarter of it
NAME_BONUS = 1.0          # the place's own name read, over another name it has ...
SPELLING_BONUS = 0.5      # ... or a spelling of its name
SPELLING_RATIO = 0.8      # difflib ratio from which two names are spellings of one ("Odessa", "Odesa")
LONE_NAME_BONUS = 1.5     # mixed case: a name read in one country only, written after "in"/"at" ("in Voi")
PART_OF_TOWN_KM = 30       # "X, Y": a reading of X farther than this from town Y is another X  # a name seen as a person's is no town anywhere in the article below this
SMALL_PLACE_POP = 1000     # "Kapedo in Tiaty": a reading this small in another province than the unit written is a namesake
WRITTEN_WITH_UNIT = "written with its province/country"   # the reason a name was read inside the unit written with it
UNRIVALLED_CITY = "a city of millions no namesake rivals"   # ... and a name no other reading can be confused with
UNRIVALLED_POP = 1_000_000      # a city this large ...
RIVAL_SHARE = 0.1               # ... with no other reading of the name a tenth its size or more
KIND_PRIOR = {"country": 6.0, "admin1": 4.5, "admin2": 3.0, "city": 0.0}


@dataclass(frozen=True)
class Words:
    """Place-related words of the languages in play (events/lang/*/places.toml)."""
    stop: frozenset[str]
    person: Matcher
    context: Matcher          # "in"/"near" prepositions and place words before a name
    place_words: frozenset[str]
    home: tuple[str, ...]
    abbreviations: Matcher     # "AS" (Indonesian for the US), "UK": exact case; names GeoNames lacks
    nationalities: Matcher     # "Iraqi", "Afghan": evidence of a country, not a place (actors data)
    kind_words: dict[str, str]  # "province" -> "admin1", "kabupaten" -> "admin2", "kota" -> "city"
    facility: frozenset[str] = frozenset()  # "Gereja Katedral Makassar": a building named by its town
    articles: tuple[str, ...] = ()          # "Qamishli" is GeoNames' "Al Qamishli"
    caps_words: frozenset[str] = frozenset()  # "CAR", "US", "AS": words, not countries, in capitals
    directions: tuple[tuple[str, str], ...] = ()  # "utara" -> "north": "Kivu Utara" is "North Kivu"
    caps_zipf: tuple[float, float, float] = (99.0, 99.0, 99.0)  # names this frequent as words need support
    determiners: frozenset[str] = frozenset()   # "IN THE WAR": a preposition before "the" is no support
    facility_after: frozenset[str] = frozenset()  # "Vallejo Police Department": an institution of its town
    regions: Matcher | None = None          # "in the north of the country" -> "north"
    region_admin1: tuple[tuple[str, tuple[str, ...]], ...] = ()  # "north" -> ("North", "Northern", "Nord")
    roads_after: Matcher | None = None      # "Nairobi-Mombasa highway": two places naming a road
    roads_before: Matcher | None = None     # "ruas jalan Wamena-Habema"
    demonyms: frozenset[str] = frozenset()  # "Somali": a people's adjective GeoNames also has as a name
    quarters_after: frozenset[str] = frozenset()   # "San Lorenzo neighbourhood": part of a town
    quarters_before: frozenset[str] = frozenset()  # "Kelurahan X"
    inside: frozenset[str] = frozenset()    # "Al Bab in Aleppo", "Lida of the Grodno region": X lies in Y
    completions: tuple[tuple[str, str], ...] = ()   # "norte" -> "{name} del norte": "Surigao Norte"
    people_after: frozenset[str] = frozenset()  # "Kikuyu people", "Pokot raiders": a people's name
    direction_words: frozenset[str] = frozenset()  # "northern", "utara": a direction, also a province's name
    abbreviated: tuple[tuple[str, tuple[str, ...]], ...] = ()  # "N." -> ("northern", "north"): "N. Samar"
    currency_after: frozenset[str] = frozenset()   # "US dollar": a country naming a currency, no place
    currency_before: frozenset[str] = frozenset()  # "dolar AS"
    features_before: frozenset[str] = frozenset()  # "Lake Naivasha": a lake named by the town on its shore
    after_place: frozenset[str] = frozenset()      # "in Bukidnon Tuesday": words that end a name
    conjunctions: frozenset[str] = frozenset()     # "the Kikuyu and Maasai communities"
    unit_heads: frozenset[str] = frozenset()       # "sub" of "sub county": first words of unit phrases
    nationals_after: frozenset[str] = frozenset()  # "US soldiers": a country naming whose people, no place
    nationals_before: frozenset[str] = frozenset()  # "tentara AS"


@cache
def words(language: str | None) -> Words:
    """The article's language plus English (English words turn up in any news)."""
    langs = [language] if language in langdata.languages() else []
    langs += [x for x in ("en",) if x not in langs and x in langdata.languages()]
    stop, person, ctx, pw, home, abbr, nat, facility, articles = set(), [], [], set(), [], [], [], set(), []
    caps: set[str] = set()
    directions: dict[str, str] = {}
    kinds: dict[str, str] = {}
    caps_zipf: tuple[float, float, float] | None = None
    determiners: set[str] = set()
    after: set[str] = set()
    regions: list[tuple[str, str]] = []
    region_admin1: dict[str, list[str]] = {}
    roads_after: list[tuple[str, str]] = []
    roads_before: list[tuple[str, str]] = []
    demonyms: set[str] = set()
    quarters_after: set[str] = set()
    quarters_before: set[str] = set()
    inside: set[str] = set()
    completions: dict[str, str] = {}
    people_after: set[str] = set()
    direction_words: set[str] = set()
    short_directions: dict[str, tuple[str, ...]] = {}
    currency_after: set[str] = set()
    currency_before: set[str] = set()
    nationals_after: set[str] = set()
    nationals_before: set[str] = set()
    features_before: set[str] = set()
    after_place: set[str] = set()
    conjunctions: set[str] = set()
    for code in langs:
        if "places" not in langdata.topics(code):
            continue
        data = langdata.load(code, "places").get("words", {})     # a broken file raises
        stop.update(fold(w) for w in data.get("stop", []))
        person += [(w, "person") for w in data.get("person_words", [])]
        ctx += [(w, "in") for w in data.get("in", [])] + [(w, "near") for w in data.get("near", [])]
        ctx += [(w, "word") for w in data.get("place_words", [])]
        pw.update(fold(w) for w in data.get("place_words", []))
        facility.update(fold(w) for w in data.get("facility_words", []))
        articles += [fold(w) for w in data.get("name_articles", []) if fold(w) not in articles]
        caps.update(fold(w) for w in data.get("abbreviations_not_in_capitals", []))
        for short, full in data.get("directions_abbreviated", {}).items():
            short_directions.setdefault(short, tuple(fold(x) for x in full))
        for word, english in data.get("directions_after", {}).items():
            directions.setdefault(fold(word), fold(english))
        if code == language:
            home += data.get("home_countries", [])
        if caps_zipf is None and "caps_common_zipf" in data:
            caps_zipf = (float(data["caps_common_zipf"]), float(data.get("caps_word_zipf", 99.0)),
                         float(data.get("mixed_word_zipf", 99.0)))
        determiners.update(fold(x) for x in data.get("determiners", []))
        after.update(fold(x) for x in data.get("facility_words_after", []))
        region_data = langdata.load(code, "places").get("regions", {})
        for direction, (noun, adjective) in region_data.get("directions", {}).items():
            for template in region_data.get("templates", []):
                regions.append((template.format(noun=noun, adj=adjective), direction))
        for words_of in region_data.get("directions", {}).values():
            direction_words.update(" ".join(fold(x).split()) for x in words_of)
        for direction, names in region_data.get("admin1", {}).items():
            region_admin1.setdefault(direction, list(names))
        abbr += [(k, (k, v)) for k, v in data.get("country_abbreviations", {}).items()]
        abbr += [(k, (None, v)) for k, v in data.get("place_aliases", {}).items()]
        for word, kind in data.get("kind_words", {}).items():
            kinds.setdefault(fold(word), kind)
        roads_after += [(x, "road") for x in data.get("road_words", [])]
        roads_before += [(x, "road") for x in data.get("road_words_before", [])]
        abbreviated = {fold(k) for k in data.get("country_abbreviations", {})}
        quarters_after.update(fold(x) for x in data.get("quarter_words", []))
        quarters_before.update(fold(x) for x in data.get("quarter_words_before", []))
        inside.update(" ".join(fold(x).split()) for x in data.get("inside_words", []))
        people_after.update(fold(x) for x in data.get("people_words_after", []))
        currency_after.update(" ".join(fold(x).split()) for x in data.get("currency_words_after", []))
        currency_before.update(" ".join(fold(x).split()) for x in data.get("currency_words_before", []))
        nationals_after.update(" ".join(fold(x).split()) for x in data.get("nationals_words_after", []))
        nationals_before.update(" ".join(fold(x).split()) for x in data.get("nationals_words_before", []))
        features_before.update(fold(x) for x in data.get("feature_words_before", []))
        after_place.update(fold(x) for x in data.get("words_after_place", []))
        conjunctions.update(fold(x) for x in data.get("conjunctions", []))
        for word, template in data.get("shortened_after", {}).items():
            completions.setdefault(fold(word), fold(template))
        try:
            for word, name in langdata.load(code, "actors").get("nationality", {}).items():
                country = schema.country(name)
                if country is not None:
                    nat.append((word, country.iso2))
                    if data.get("nationality_adjectives") and fold(word) not in abbreviated \
                            and fold(word) not in {fold(country.name), fold(name)}:
                        demonyms.add(fold(word))
        except langdata.LanguageDataError:
            pass
    return Words(frozenset(stop), Matcher(person), Matcher(ctx), frozenset(pw), tuple(home), Matcher(abbr),
                 Matcher(nat), kinds, frozenset(facility), tuple(articles), frozenset(caps),
                 tuple(directions.items()), caps_zipf or (99.0, 99.0, 99.0), frozenset(determiners),
                 frozenset(after), Matcher(regions) if regions else None,
                 tuple((k, tuple(v)) for k, v in region_admin1.items()),
                 Matcher(roads_after) if roads_after else None, Matcher(roads_before) if roads_before else None,
                 frozenset(demonyms), frozenset(quarters_after), frozenset(quarters_before), frozenset(inside),
                 tuple(completions.items()), frozenset(people_after), frozenset(direction_words),
                 tuple(short_directions.items()), frozenset(currency_after), frozenset(currency_before),
                 frozenset(features_before), frozenset(after_place), frozenset(conjunctions),
                 frozenset(k.split(" ", 1)[0] for k in list(kinds) + list(pw) if " " in k),
                 nationals_after=frozenset(nationals_after), nationals_before=frozenset(nationals_before))


@dataclass
class Candidate:
    match: Match
    sentence: int
    entries: list[Entry]
    near: bool = False
    prep: bool = False              # after "in"/"di"/"near"
    modifier: bool = False          # inside a longer proper name ("Perdana Menteri Irak")
    dateline: bool = False          # the dateline city: where the report was filed
    hint: str | None = None         # kind written with it: "Kandahar province" -> "admin1"
    common: int = 0                 # also a frequent word: 1 "MARTINEZ", 2 "WAR" (capitals), 3 "Post" (mixed)
    alias: bool = False             # read from the language data's abbreviations and aliases ("Ninewa")
    reference: bool = False         # a road's town or a people's name: a modifier kept as a last resort
    chosen: Entry | None = None
    score: float = 0.0
    why: str = ""
    alternatives: list[tuple[float, Entry]] = field(default_factory=list)


_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z\u00C0-\u00D6\u00D8-\u00DE]")     # Latin capitals


def _mixed_case(text: str) -> bool:
    sample = text[:4000]                                   # the opening tells the style
    letters = len(_LETTER.findall(sample))
    upper = len(_UPPER.findall(sample))
    return bool(letters) and upper < 0.6 * letters


_ORDER: list = [None, [], False]      # the last sentence list seen, its starts, whether in order


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    """The sentence holding `pos` (the last one when none does): a bisect when the sentences
    are in text order without overlaps, as the sentences stage gives them."""
    if _ORDER[0] is not sentences:
        _ORDER[:] = [sentences, [s.start for s in sentences],
                     all(a.start <= a.end <= b.start for a, b in zip(sentences, sentences[1:]))]
    if _ORDER[2]:
        i = bisect.bisect_right(_ORDER[1], pos) - 1
        if i >= 0 and sentences[i].start <= pos < sentences[i].end:
            return i
        return max(0, len(sentences) - 1)
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return i
    return max(0, len(sentences) - 1)


def _outlet_spans(folded: str, outlets: list[str]) -> list[tuple[int, int]]:
    spans = []
    for outlet in outlets:
        key = " ".join(fold(outlet).split())
        if len(key) < 2:
            continue
        at = folded.find(key)
        while at >= 0:
            spans.append((at, at + len(key)))
            at = folded.find(key, at + 1)
    return spans


def _prev_word(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the word just before `pos` with only spaces between (no punctuation)."""
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == pos and pos > 0:
        return None
    end = i
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'."):
        i -= 1
    return (i, end) if i < end else None


def _next_word(text: str, pos: int) -> tuple[int, int] | None:
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    if i == pos:
        return None
    start = i
    while i < len(text) and (text[i].isalnum() or text[i] in "-'"):
        i += 1
    return (start, i) if start < i else None


def _phrases_after(text: str, pos: int) -> list[str]:
    """The folded word and the two words just after `pos` ("sub", "sub county"), with only
    spaces before and between them."""
    first = _next_word(text, pos)
    if first is None:
        return []
    out = [fold(text[first[0]:first[1]])]
    second = _next_word(text, first[1])
    if second is not None:
        out.append(out[0] + " " + fold(text[second[0]:second[1]]))
    return out


def _phrases_before(text: str, pos: int) -> list[str]:
    """The folded word and the two words just before `pos` ("dolar", "mata uang")."""
    last = _prev_word(text, pos)
    if last is None:
        return []
    out = [fold(text[last[0]:last[1]])]
    other = _prev_word(text, last[0])
    if other is not None:
        out.append(fold(text[other[0]:other[1]]) + " " + out[0])
    return out


def _unit_after(text: str, pos: int, w: Words) -> bool:
    """A generic place or unit word (or two: "Sub County", "Sub Location") follows: the name
    before it is that unit's, not part of a longer proper name ("Muhoroni Sub County")."""
    return any(p in w.place_words or p in w.kind_words for p in _phrases_after(text, pos))


_THEN_PEOPLE = re.compile(r" +(\S+) +[A-Z][\w'-]* +([\w-]+)")


def _people_name(text: str, end: int, nxt: tuple[int, int] | None, w: Words) -> bool:
    """The name ending at `end` (`nxt`: the word after it) is a people's: a people word follows
    ("Pokot raiders"), or another capitalised name and then one ("the Kikuyu and Maasai
    communities", "Kikuyu & Luo tribes")."""
    word = fold(text[nxt[0]:nxt[1]]) if nxt is not None else None
    if word in w.people_after:
        return True
    if not w.conjunctions or word is not None and word not in w.conjunctions \
            or word is None and text[end:end + 3].strip()[:1] != "&":
        return False
    m = _THEN_PEOPLE.match(text, end, min(len(text), end + 60))
    return m is not None and fold(m.group(1)) in w.conjunctions and fold(m.group(2)) in w.people_after


def _facility_after(text: str, nxt: tuple[int, int], w: Words) -> bool:
    """The word or two after a town name an institution of that town ("Vallejo Police", "the
    Manikganj Press Club")."""
    first = fold(text[nxt[0]:nxt[1]])
    if first in w.facility_after:
        return True
    second = _next_word(text, nxt[1])
    return second is not None and f"{first} {fold(text[second[0]:second[1]])}" in w.facility_after


def _ends_name(word: str, w: Words) -> bool:
    """A capitalised word after "in X" that is no part of X's name: an acronym ("in Basilan IED
    attack", "in Aurora NPA ambush"), a weekday or a byline ("in Bukidnon Tuesday", "in Sorsogon
    By ...")."""
    return len(word) >= 2 and word.isupper() and word.isalpha() or fold(word) in w.after_place


def _currency(text: str, m: Match, w: Words) -> bool:
    """"the US dollar", "Hong Kong dollars", "dolar AS": a country's name naming its currency
    says nothing about where an event happened."""
    return any(p in w.currency_after for p in _phrases_after(text, m.end)) \
        or any(p in w.currency_before for p in _phrases_before(text, m.start))


def _nationals(text: str, m: Match, w: Words) -> bool:
    """"six US soldiers", "two Indian nationals", "tentara AS": a country's name naming whose
    soldiers, citizens or diplomats they are says nothing about where an event happened."""
    # (past its abbreviation in brackets, or out of them: "United States (US) soldiers")
    end = m.end + 1 if text[m.end:m.end + 1] == ")" else m.end
    short = _BRACKETED.match(text, end)
    end = short.end() if short else end
    return any(p in w.nationals_after for p in _phrases_after(text, end)) \
        or any(p in w.nationals_before for p in _phrases_before(text, m.start))


_BRACKETED = re.compile(r" ?\([\w.]{1,12}\)")


def _kind_hint(text: str, m: Match, w: Words) -> str | None:
    """The kind of place the words around a name give: "Provinsi Papua", "Kandahar province",
    "Muhoroni Sub County"."""
    first = m.key.split(" ", 1)[0]
    if " " in m.key and first in w.kind_words:
        return w.kind_words[first]
    prev = _prev_word(text, m.start)
    if prev is not None:
        kind = w.kind_words.get(fold(text[prev[0]:prev[1]]))
        if kind is not None:
            return kind
    nxt = _next_word(text, m.end)
    if nxt is None:
        return None
    word = fold(text[nxt[0]:nxt[1]])
    if word in w.unit_heads:        # "Sub County": the longer phrase first
        second = _next_word(text, nxt[1])
        if second is not None:
            kind = w.kind_words.get(word + " " + fold(text[second[0]:second[1]]))
            if kind is not None:
                return kind
    return w.kind_words.get(word)


def _context_before(text: str, pos: int, ctx_end: dict[int, tuple[str, int]],
                    person_end: set[int]) -> tuple[bool, bool, bool]:
    """(near, after a preposition, after a title) from the phrases just before a name, stepping
    back over generic place words: "di dekat kota X", "on the outskirts of the town of X",
    "Kapolri X"."""
    near = prep = False
    for _ in range(4):
        while pos > 0 and text[pos - 1] == " ":
            pos -= 1
        found = ctx_end.get(pos)
        if found is None:       # a title before "in" is no title of the name ("IP rep in Bukidnon")
            return near, prep, not prep and pos in person_end
        kind, pos = found
        near = near or kind == "near"
        prep = prep or kind in ("in", "near")
    return near, prep, False


def _feature_before(text: str, m: Match, entries: list[Entry], mixed: bool, w: Words) -> int | None:
    """"around Lake Naivasha", "di Danau Poso": a lake named by the town or district on its shore is
    at that place (geo_precision 2). Returns where the feature's word starts, or None when there
    is none, -1 when the name has readings in several countries ("Lake Victoria" names no town:
    the name is the lake's, no place of its own)."""
    if not mixed or not w.features_before or m.start < 2 or not text[m.start - 2].isalpha():
        return None
    prev = _prev_word(text, m.start)
    if prev is None or not text[prev[0]].isupper() or fold(text[prev[0]:prev[1]]) not in w.features_before:
        return None
    return prev[0] if len({e.cc for e in entries}) == 1 else -1


def _stop_word_as_name(text: str, m: Match, mixed: bool, starts: set[int], ctx_end: dict[int, tuple[str, int]],
                       person_end: set[int], w: Words) -> bool:
    """"di Lima", "in Reading, Pennsylvania": in mixed case a word of the stop list written
    capitalised inside a sentence, after "in"/"di" and not followed by another capitalised word
    ("di Jalan Sudirman" is a street), is the place of that name."""
    if not mixed or not m.text[:1].isupper() or m.start in starts or " " in m.key \
            or m.key in w.place_words or m.key in w.kind_words:
        return False
    nxt = _next_word(text, m.end)
    if nxt is not None and text[nxt[0]].isupper():
        return False
    return _context_before(text, m.start, ctx_end, person_end)[1]


LOWER_CASE_CITY_MIN = 1_000_000   # people in a city still read as a name when also written in lower case


def find_candidates(text: str, sentences: list[Sentence], language: str | None,
                    dateline: Dateline | None = None, outlet: str | None = None,
                    gaz: Gazetteer | None = None, names: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Every place name in the text that is not an ordinary word, a person, the outlet or inside
    another name (`names`: spans such as a group's "Abu Sayyaf", "Tehrik-i-Taliban Pakistan")."""
    gaz = gaz or gazetteer()
    w = words(language)
    folded = fold(text)
    mixed = _mixed_case(text)
    sentences = sentences or [Sentence(0, len(text), text)]
    starts = {s.start for s in sentences}
    outlets = [o for o in ((dateline.outlet if dateline else None), outlet) if o]
    masked = _outlet_spans(folded, outlets) + list(names)
    ctx_end: dict[int, tuple[str, int]] = {}       # end of a context phrase -> (kind, start)
    for m in w.context.find(text, folded):
        kinds = [k for k in m.value if k != "word"] or ["word"]
        kind = "near" if "near" in kinds else kinds[0]
        ctx_end[m.end] = (kind, m.start)
    person_end = {m.end for m in w.person.find(text, folded)}
    # words the article writes in lower case are words, not names ("Dia" opening a sentence)
    lower_words = {tok for tok in text.split() if tok.isalpha() and tok.islower()} if mixed else set()
    out: list[Candidate] = []
    people: set[str] = set()        # names seen as a person's ("Kapolri Tito", "Henry Bello")
    all_matches = gaz.names.find(text, folded)
    all_matches = _direction_after(text, folded, all_matches, w, gaz)
    all_matches = _direction_abbreviated(text, all_matches, w, gaz)
    all_matches = _completed(text, folded, all_matches, w, gaz)
    all_matches = _hyphened_article(text, all_matches, w, gaz)
    all_matches = _lower_place_word(text, folded, all_matches, w, gaz)
    all_matches = sorted(all_matches + _without_article(text, folded, all_matches, w, gaz), key=lambda m: m.start)
    for m in w.abbreviations.find(text, folded):
        if any(g.start <= m.start and m.end <= g.end and g.end - g.start > m.end - m.start for g in all_matches):
            continue        # "Sulawesi" inside "Sulawesi Selatan": the longer name is the place
        if not mixed and m.key in w.caps_words:
            continue        # "A CAR BOMB": in capitals an abbreviation cannot be told from a word
        for written, target in m.value:
            cc, _, admin1 = target.partition("/")
            admin1, _, admin2 = admin1.partition("/")
            entry = gaz.admin1_entry(cc, admin1) if admin1 else gaz.country_entry(cc)
            if entry is not None and admin2:
                entry = _district_alias(gaz, entry, admin2)
            if (written is None or m.text == written) and entry is not None:
                masked.append((m.start, m.end))
                if entry.kind == "country" and _currency(text, m, w):
                    break       # "the US dollar exchange rate": no place
                # "US soldiers": whose people, a modifier (evidence of the country, not the place)
                out.append(Candidate(m, _sentence_of(sentences, m.start), [entry], alias=True,
                                     modifier=entry.kind == "country" and _nationals(text, m, w)))
                break
    dl_span = (dateline.start, dateline.end) if dateline and dateline.start is not None else None
    roads = _road_names(text, folded, all_matches, w)
    for m in all_matches:
        road = m.start in roads
        if any(a <= m.start < b or a < m.end <= b for a, b in masked):
            continue
        if m.key in w.stop and not _stop_word_as_name(text, m, mixed, starts, ctx_end, person_end, w):
            continue        # "lima" (five), "reading": ordinary words, unless written as a lone name
        if not mixed and m.key in w.place_words:
            continue        # "NORTHERN BURKINA FASO": in capitals a generic word looks like a name
        after = text[m.end:m.end + 2]
        if len(after) == 2 and after[0] in ".@" and after[1].isalnum() \
                or m.start > 0 and text[m.start - 1] in ".@/":
            continue        # part of a web address or a domain ("ERA.id", "Liputan6.com")
        if mixed and m.text[:1].isalpha() and not m.text[:1].isupper() and not _article_hyphened(m.text, w):
            continue
        if not road and (text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].isalpha()
                         or m.start > 0 and text[m.start - 1] == "-" and text[m.start - 2:m.start - 1].isalpha()):
            continue        # "Nyanza-Lac": part of a hyphenated name
        if mixed and m.text.isupper() and len(m.text) <= 5 and m.start > ACRONYM_FROM:
            continue        # an acronym in mixed-case text ("IRNA", "MOAB"), not a dateline city
        entries = [gaz.entry(i) for i in m.value]
        if any(e.kind == "country" for e in entries) and _currency(text, m, w):
            continue        # "Hong Kong dollars", "dolar Amerika Serikat": a currency, no place
        lake = _feature_before(text, m, entries, mixed, w)
        if lake == -1:
            continue
        if m.key in lower_words:
            # ... but a country or a city of millions stays a name where a slogan or a product
            # writes it in lower case ("kartu jakarta pintar"); a province may be a word ("the
            # forest department" is no Forest, Guernsey)
            entries = [e for e in entries if e.kind == "country" or e.population >= LOWER_CASE_CITY_MIN]
            if not entries:
                continue
        hint = _kind_hint(text, m, w)
        if hint is not None and any(e.kind == hint for e in entries):
            # "Somali region", "Mexico state": written as a unit that no country is, the name is that unit
            entries = [e for e in entries if e.kind != "country"]
        if hint == "admin1" and not any(e.kind != "city" for e in entries):
            # "Khorasan Province" is no town: a province GeoNames names otherwise
            entries = [e for e in entries if e.population >= 100_000]
            if not entries:
                continue
        near, prep, person = _context_before(text, m.start if lake is None else lake, ctx_end, person_end)
        near = near or lake is not None     # "Lake Naivasha": at the lake, near the town
        if mixed and m.key in w.demonyms and not prep:
            nxt = _next_word(text, m.end)
            if nxt and text[nxt[0]].islower() and fold(text[nxt[0]:nxt[1]]) not in w.kind_words:
                continue    # "Somali refugees", "two Kenyan soldiers": a people, not Somalia or Kenya
        if person:
            # "says Aceh rebel", "Gubernur Papua": a province or country after a title or a
            # speech verb is still that place, unless a capitalised word follows (a person's
            # name: "General Jordan Smith")
            nxt = _next_word(text, m.end)
            entries = [e for e in entries if e.kind in ("admin1", "country")] \
                if not (nxt and text[nxt[0]].isupper()) else []
            if not entries:
                people.add(m.key)
                continue
        # a small town's other name, not after "in"/"di": mostly a common word ("Plaza", "Queen")
        entries = [e for e in entries if prep or e.kind != "city" or e.population >= 50_000
                   or fold(e.name) == m.key]
        if not entries:
            continue
        modifier = prev_cap = False
        if mixed:
            prev = _prev_word(text, m.start)
            possessive = bool(prev) and text[prev[0]:prev[1]].endswith(("'s", "’s"))   # "Syria's Hasakah"
            before = _prev_word(text, prev[0]) if prev else None      # "Pasar Sentral Ambon"
            if before and fold(text[before[0]:before[1]]) in w.facility:
                possessive = True
            if prev and not possessive:     # "Philippine Marawi conflict", "Afghan Kunduz": its own people's adjective
                possessive = _own_people(text[prev[0]:prev[1]], entries, w)
            if prev and text[prev[0]].isupper() and prev[0] not in starts and not prep and not possessive \
                    and lake is None and fold(text[prev[0]:prev[1]]) not in w.place_words | w.facility:
                modifier = prev_cap = True
            nxt = _next_word(text, m.end)
            # (in a headline written in title case, a division's name after "in"/"di" is a place even
            # before another capitalised word: "Two Soldiers Die In Lanao Sur Christmas Eve Ambush";
            # in running text it is not: "in Jardim Catarina neighborhood", "at Bora Moyo village")
            division = prep and any(e.kind in ("admin1", "admin2") for e in entries) and (
                _title_case(sentences[_sentence_of(sentences, m.start)].text)
                or " ".join(fold(m.text).split()) != m.key)      # read in full: "Lanao Sur" = Lanao del Sur
            if nxt and not division and text[nxt[0]].isupper() and not _unit_after(text, m.end, w) \
                    and not _facility_after(text, nxt, w) \
                    and not (prep and _ends_name(text[nxt[0]:nxt[1]], w)) \
                    and not _own_people(text[nxt[0]:nxt[1]], entries, w):   # "Bassa LGA", "Vallejo Police", "Marawi Filipina"
                modifier = True
        nxt = _next_word(text, m.end)
        folk = _people_name(text, m.end, nxt, w) and not any(e.kind == "country" for e in entries)
        if all(e.kind == "country" for e in entries) and _nationals(text, m, w):
            modifier = True     # "United States soldiers", "tentara AS": whose people, evidence of no place
        if road or folk:
            # "the Voi-Taveta road", "Kikuyu people", "Pokot raiders": a reference or a people's
            # name, kept for want of another place
            modifier = True
        elif modifier and all(e.kind in ("city", "admin2") for e in entries):
            if prev_cap and " " not in m.key:
                people.add(m.key)       # "Christopher Allen": later "Allen" alone is him too
            continue        # a town's name inside a longer proper name: a person, a firm
        in_dateline = dl_span is not None and dl_span[0] <= m.start < (dl_span[1] or 0)
        common = 0
        if not in_dateline and hint is None and " " not in m.key:
            before = _prev_word(text, m.start)
            if not prep or before is not None and fold(text[before[0]:before[1]]) in w.determiners:
                zipf = gaz.names.word_frequency(m.key, language)
                if not mixed:
                    common = 2 if zipf >= w.caps_zipf[1] else 1 if zipf >= w.caps_zipf[0] else 0
                elif zipf >= w.caps_zipf[2] and all(e.kind in ("country", "admin1") or e.population < MIXED_WORD_POP
                                                     for e in entries):
                    # "Post election riots", "Forest Service": capitalised words; a province too
                    # when its name is a generic place word ("the Southern Resistance")
                    common = 3 if m.key in w.place_words else 2
        if mixed and modifier and common >= 2 and not road and not folk \
                and not any(e.kind == "country" for e in entries):
            continue        # "Eburu Forest", "the Southern Resistance": a frequent word inside a longer name
        out.append(Candidate(m, _sentence_of(sentences, m.start), entries, near=near, prep=prep,
                             modifier=modifier, dateline=in_dateline, hint=hint, common=common,
                             reference=road or folk))
    out.sort(key=lambda c: c.match.start)
    kept = []
    for c in out:
        if c.match.key in people:
            c.entries = [e for e in c.entries if e.kind not in ("city", "admin2") or e.population >= PERSON_MAX_POP]
            if not c.entries:
                continue
        kept.append(c)
    return kept


_CAP_NAME = r"[A-Z][\w'.]*(?: [A-Z][\w'.]*){0,2}"
_ROUTE = re.compile(rf"{_CAP_NAME}(?:\s?[-\u2013\u2014]\s?{_CAP_NAME})+")


def _own_people(word: str, entries: list[Entry], w: Words) -> bool:
    """`word` is the people's adjective (or, in Indonesian, the name) of a country the name has
    a reading in: "Philippine" before "Marawi", "Filipina" after it."""
    own = {cc for x in w.nationalities.find(word) if x.start == 0 and x.end == len(word) for cc in x.value}
    return bool(own & {e.cc for e in entries})


def _road_names(text: str, folded: str, found: list[Match], w: Words) -> set[int]:
    """Starts of names that, joined by dashes to other capitalised names, name a road or a route:
    "the Nairobi-Mombasa highway", "Dhaka - Mymensingh highway", "ruas jalan Wamena-Habema"."""
    after = {m.start for m in w.roads_after.find(text, folded)} if w.roads_after else set()
    before = {m.end for m in w.roads_before.find(text, folded)} if w.roads_before else set()
    if not after and not before or not found:
        return set()
    out: set[int] = set()
    for route in _ROUTE.finditer(text):
        if not re.search(r"[-\u2013\u2014]", route.group()):
            continue
        nxt = route.end() + len(text[route.end():route.end() + 3]) - len(text[route.end():route.end() + 3].lstrip(" "))
        prv = route.start() - (len(text[max(0, route.start() - 3):route.start()])
                               - len(text[max(0, route.start() - 3):route.start()].rstrip(" ")))
        if (nxt > route.end() and nxt in after) or (prv < route.start() and prv in before):
            out |= {m.start for m in found if route.start() <= m.start and m.end <= route.end()}
    return out


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(sentence: str) -> bool:
    """A headline in title case: most words of four letters or more are capitalised."""
    long_words = _LONG_WORD.findall(sentence)
    return len(long_words) >= 3 and sum(x[0].isupper() for x in long_words) >= TITLE_CASE_SHARE * len(long_words)


def _district_alias(gaz: Gazetteer, province: Entry, district: str) -> Entry:
    """"Maguindanao" = "PH/Autonomous Region in Muslim Mindanao/Maguindanao": a second-level
    division GeoNames no longer has (split or renamed), coded in its first-level one; the
    gazetteer's own district of that name when it has one."""
    own = [e for e in gaz.lookup(district) if e.kind == "admin2" and e.cc == province.cc and e.admin1 == province.admin1]
    return own[0] if own else replace(province, kind="admin2", name=district, admin2=district)


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]{3,}")


def _without_article(text: str, folded: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """Names GeoNames writes with an article the news leaves out ("Qamishli" = "Al Qamishli"):
    a capitalised word no other name covers, read as a province, a district, a town of 50,000 or
    more, or a division's seat GeoNames lists without a population ("Hawijah" = "Al Hawijah")."""
    out: list[Match] = []
    if not _mixed_case(text):
        return out          # in capitals every word looks like a name ("SAID" is no "As Said")
    covered = bytearray(len(text) + 1)
    for f in found:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    for m in _CAPITALISED.finditer(text):
        if any(covered[m.start():m.end()]):
            continue
        word = folded[m.start():m.end()]
        for article in w.articles:
            rows = gaz.names.rows(f"{article} {word}")
            if not rows:
                continue
            # a district or an unpopulated seat only as a name of its own, not a word of a longer
            # one ("Kala Bhavan area" is no El Kala)
            nxt = _next_word(text, m.end())
            alone = not (nxt and text[nxt[0]].isupper())
            if any(gaz.entry(i).kind == "admin1" or gaz.entry(i).kind == "city" and gaz.entry(i).population >= 50_000
                   or alone and (gaz.entry(i).kind == "admin2" or gaz.entry(i).kind == "city" and gaz.entry(i).population == 0)
                   for i in rows):
                out.append(Match(m.start(), m.end(), m.group(), f"{article} {word}", list(rows)))
                break
    return out


def _lower_place_word(text: str, folded: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """"di kota Surabaya", "the province of Idlib" written "kabupaten Mimika": GeoNames has the
    division with its kind word ("Kota Surabaya"), but in mixed case a name cannot start in lower
    case; the kind word is a word before the name, and the name after it is read alone (the word
    still says which kind of place is meant)."""
    if not _mixed_case(text):
        return found
    out: list[Match] = []
    changed = False
    for f in found:
        head, sep, rest = f.text.partition(" ")
        if sep and head[:1].islower() and fold(head) in w.place_words and rest[:1].isupper():
            start = f.start + len(head) + 1
            while text[start:start + 1].isspace():
                start += 1
            key = folded[start:f.end]
            rows = gaz.names.rows(key)
            if rows:
                out.append(Match(start, f.end, text[start:f.end], key, list(rows)))
                changed = True
                continue
        out.append(f)
    return out if changed else found


_HYPHENED = re.compile(r"(?<![\w-])([A-Za-z]{2,3})-([A-Z][\w']+)(?![\w-])")


def _article_hyphened(written: str, w: Words) -> bool:
    """"al-Hasakeh": a name written with its article in lower case."""
    m = _HYPHENED.fullmatch(written)
    return m is not None and fold(m.group(1)) in w.articles


def _hyphened_article(text: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """"Ar-Raqqa", "al-Hasakeh", "El-Wak": an Arabic article joined to a name by a hyphen is no
    part of a hyphenated name ("Nyanza-Lac"): the name with its article if the gazetteer has it
    ("El Wak"), else the name alone read as a province or a town of 50,000 or more (a group's
    "al-Shabab" is no Iranian village)."""
    if not w.articles or not _mixed_case(text):
        return found
    extra: list[Match] = []
    for m in _HYPHENED.finditer(text):
        article = fold(m.group(1))
        if article not in w.articles:
            continue
        name = fold(m.group(2))
        key = f"{article} {name}"
        rows = gaz.names.rows(key)
        if not rows:
            key, rows = name, [i for i in gaz.names.rows(name) if gaz.entry(i).kind == "admin1"
                               or gaz.entry(i).kind == "city" and gaz.entry(i).population >= 50_000]
        if rows:
            extra.append(Match(m.start(), m.end(), m.group(), key, rows))
    if not extra:
        return found
    kept = [f for f in found if not any(e.start <= f.start < e.end or e.start < f.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


_NAME_THEN_WORD = re.compile(r"\b([A-Z][\w'-]+)(?=\s+([A-Za-z]+(?:\s+[A-Za-z]+)?)\b)")


def _direction_after(text: str, folded: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """"Kivu Utara", "Sinai Utara", "Darfur Selatan": a name with its direction written after it
    (Indonesian word order) is the division GeoNames writes "North Kivu"; it replaces the
    shorter readings inside it."""
    if not w.directions:
        return found
    directions = dict(w.directions)
    extra: list[Match] = []
    for m in _NAME_THEN_WORD.finditer(text):
        name, word = m.group(1), m.group(2)
        for candidate in (word, word.split()[0]):
            english = directions.get(fold(candidate))
            if english is None:
                continue
            end = m.start(2) + len(candidate)
            key = f"{english} {fold(name)}"
            rows = gaz.names.rows(key)
            if any(gaz.entry(i).kind != "city" or gaz.entry(i).population >= 50_000 for i in rows) \
                    and " ".join(folded[m.start():end].split()) not in {f.key for f in found}:
                extra.append(Match(m.start(), end, text[m.start():end], key, list(rows)))
            break
    if not extra:
        return found
    kept = [f for f in found if not any(e.start <= f.start and f.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


_ABBREVIATED = re.compile(r"(?<![\w.])([A-Z]\.)\s?([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})")


def _direction_abbreviated(text: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """"N. Samar", "S. Kordofan": a direction abbreviated before a name is the division GeoNames
    writes "Northern Samar", "South Kordofan"; it replaces the shorter readings inside it. A
    person's initial ("S. Jaishankar") names no division and is left alone."""
    if not w.abbreviated:
        return found
    table = dict(w.abbreviated)
    extra: list[Match] = []
    for m in _ABBREVIATED.finditer(text):
        fulls = table.get(m.group(1))
        if not fulls:
            continue
        words = m.group(2).split()
        hit = None
        for n in range(len(words), 0, -1):       # the longest name first
            name = " ".join(fold(x) for x in words[:n])
            for full in fulls:
                rows = gaz.names.rows(f"{full} {name}")
                if any(gaz.entry(i).kind != "city" or gaz.entry(i).population >= 50_000 for i in rows):
                    end = m.start(2) + len(" ".join(words[:n]))
                    hit = Match(m.start(), end, text[m.start():end], f"{full} {name}", list(rows))
                    break
            if hit:
                break
        if hit:
            extra.append(hit)
    if not extra:
        return found
    kept = [f for f in found if not any(e.start <= f.start and f.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


def _completed(text: str, folded: str, found: list[Match], w: Words, gaz: Gazetteer) -> list[Match]:
    """"Surigao Norte", "Lanao Sur": a division the news writes without its connecting word is the
    one GeoNames names in full ("Surigao del Norte"); it replaces the shorter readings inside it."""
    if not w.completions:
        return found
    templates = dict(w.completions)
    extra: list[Match] = []
    for m in _NAME_THEN_WORD.finditer(text):
        word = m.group(2).split()[0]
        template = templates.get(fold(word))
        if template is None:
            continue
        rows = gaz.names.rows(template.format(name=fold(m.group(1))))
        if rows:
            end = m.start(2) + len(word)
            extra.append(Match(m.start(), end, text[m.start():end], template.format(name=fold(m.group(1))), list(rows)))
    if not extra:
        return found
    kept = [f for f in found if not any(e.start <= f.start and f.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


@lru_cache(maxsize=1 << 16)       # pairs of names read in text: bounded over a long ingest
def _spelled_alike(name: str, key: str) -> bool:
    return difflib.SequenceMatcher(None, name, key).ratio() >= SPELLING_RATIO


def _name_bonus(e: Entry, key: str) -> float:
    """The place's own name read ("Islamabad" is Islamabad's, and only once Chattogram's), or a
    spelling of it ("Odessa" for Odesa, "Legazpi" for Legaspi), over another name it has."""
    name = fold(e.name)
    return NAME_BONUS if name == key else SPELLING_BONUS if _spelled_alike(name, key) else 0.0


def _city_weight(e: Entry) -> float:
    return 0.8 * math.log10(max(e.population, 1000))       # 1k -> 2.4, 100k -> 4, 10M -> 5.6


def _score(c: Candidate, e: Entry, votes: Counter, admin1s: dict[tuple, set[str]],
           near_names: dict[int, set[tuple[str, str | None]]], home: tuple[str, ...],
           dateline_cc: set[str], gaz: Gazetteer, outer_of: frozenset[int] = frozenset()
           ) -> tuple[float, list[str]]:
    why = []
    s = KIND_PRIOR[e.kind]
    if e.kind == "city":
        s += _city_weight(e)
        why.append(f"pop {e.population:,}")
    else:
        why.append(e.kind)
    s += _name_bonus(e, c.match.key)
    total = sum(votes.values()) or 1.0
    if votes.get(e.cc):
        share = votes[e.cc] / total
        s += 3.0 * share
        why.append(f"country named ({share:.0%})")
    if c.hint is not None and c.hint == e.kind:
        s += 2.5
        why.append(f"written as {e.kind}")
    beside = sum(votes.get(n, 0) for n in gaz.neighbours(e.cc)) / total
    if beside:
        s += 1.0 * beside
        why.append(f"neighbour named ({beside:.0%})")
    # another name of the article lies in this province ("Kaya" said twice is no evidence for itself)
    if e.admin1 and admin1s.get((e.cc, e.admin1), set()) - {c.match.key} and e.kind != "admin1":
        s += 2.0
        why.append(f"{e.admin1} named")
    together = near_names.get(c.match.start, set())
    # "Tunis, Tunisia": the name written before its country is a place inside it, not the country
    inner = e.kind == "country" and c.match.start in outer_of
    if not inner and ((e.cc, None) in together or (e.cc, e.admin1) in together):
        s += 2.5
        why.append(WRITTEN_WITH_UNIT)
    if e.cc in dateline_cc:
        s += 0.7
        why.append("dateline")
    if e.cc in home:
        s += 0.6
        why.append("outlet's country")
    return s, why


def resolve(text: str, sentences: list[Sentence] | None = None, language: str | None = None,
            dateline: Dateline | None = None, outlet: str | None = None,
            gaz: Gazetteer | None = None, names: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Candidates with their chosen entry, in text order (two rounds: votes, then choice)."""
    gaz = gaz or gazetteer()
    sentences = sentences or [Sentence(0, len(text), text)]
    cands = find_candidates(text, sentences, language, dateline, outlet, gaz, names)
    w = words(language)
    mixed = _mixed_case(text)
    dateline_cc: set[str] = set()
    if dateline and dateline.place:
        found = gaz.lookup(dateline.place)
        if found:
            best = max(found, key=lambda e: (KIND_PRIOR[e.kind] + (_city_weight(e) if e.kind == "city" else 0)))
            dateline_cc.add(best.cc)
    # names written together: "Bandipora, Kashmir", "Quetta, Pakistan", "Abepura (Papua)"
    near_names: dict[int, set[tuple[str, str | None]]] = defaultdict(set)
    followed: set[int] = set()      # names with a larger unit written after them
    holds: dict[int, set[tuple[str, str]]] = defaultdict(set)    # provinces of the town written before
    for a, b in zip(cands, cands[1:]):
        gap = text[a.match.end:b.match.start]
        within = not _joined(gap, w) and " ".join(fold(gap).split()) in w.inside    # "Al Bab in Aleppo"
        if within or _joined(gap, w):
            followed.add(a.match.start)
            for e in b.entries:
                if e.kind == "country":
                    near_names[a.match.start].add((e.cc, None))
                elif e.kind in ("admin1", "admin2"):     # "Esperanza town, Sultan Kudarat province"
                    near_names[a.match.start].add((e.cc, e.admin1))
            for e in a.entries:
                if e.kind in ("country", "admin1") and within:
                    continue        # "Amerika Serikat di Bagdad": the first is no unit holding the second
                if e.kind == "country":
                    near_names[b.match.start].add((e.cc, None))
                elif e.kind == "admin1":
                    near_names[b.match.start].add((e.cc, e.admin1))
                elif e.admin1:      # "Mesquita, Rio de Janeiro": the name after a town is its province
                    holds[b.match.start].add((e.cc, e.admin1))
                if e.kind != "country":     # "Neiva, Huila, Colombia": ... and the last its country
                    holds[b.match.start].add((e.cc, None))
    # "Kaya, South Sudan": a name written with a country it has no reading in is a place the
    # gazetteer lacks, not the namesake abroad; a province reading counts only in a country the
    # text names ("Peshawar, North West Frontier, Pakistan" is no place in South Africa's North West)
    countries_named = {e.cc for c in cands for e in c.entries if e.kind == "country"}
    foreign = {a.match.key for a, b in zip(cands, cands[1:])
               if _joined(text[a.match.end:b.match.start], w) and b.entries
               and all(e.kind in ("country", "admin1") for e in b.entries) and all(e.kind != "country" for e in a.entries)
               and any(e.kind == "country" or e.cc in countries_named for e in b.entries)
               and not {e.cc for e in a.entries} & {e.cc for e in b.entries}}
    # "Mombasa [Coast Province]", "Bir (Aljfara)": two names written as one address with no
    # country in common, neither in a country the article names: the one read only by an
    # alternate name ("Coast" = Tanzania's Pwani, "Bir" = India's Beed) is the misreading
    def exact(c: Candidate) -> bool:      # the language data's aliases count as exact names
        bare = " ".join(x for x in c.match.key.split() if x not in w.kind_words)     # "Kiambu County"
        return c.alias or any(" ".join(fold(e.name).split()) in (c.match.key, bare) for e in c.entries)
    for a, b in zip(cands, cands[1:]):
        if _joined(text[a.match.end:b.match.start], w) and a.entries and b.entries \
                and not {e.cc for e in a.entries} & {e.cc for e in b.entries} \
                and not {e.cc for e in a.entries + b.entries} & countries_named and exact(a) != exact(b):
            foreign.add((b if exact(a) else a).match.key)
    cands = [c for c in cands if c.match.key not in foreign]
    cands = _with_support(cands, text, w, dateline_cc)
    cands = _directions_of_places(cands, text, w)
    demonyms: Counter = Counter()   # "Iraqi police", "pasukan AS": a little evidence each
    for m in w.nationalities.find(text):
        if m.text[:1].isupper():
            for cc in set(m.value):
                demonyms[cc] += 0.3
    votes: Counter = Counter(demonyms)
    for c in cands:        # first round: names that are countries or large unambiguous places
        kinds = {e.kind for e in c.entries}
        if "country" in kinds:
            for e in c.entries:
                if e.kind == "country":
                    votes[e.cc] += 1.0 if not c.modifier else 0.6
        else:
            ccs = Counter(e.cc for e in c.entries if e.kind != "city" or e.population >= 15000)
            for cc in ccs:
                votes[cc] += 0.5 / len(ccs)
    # "in Voi", "at Sololo": a name written as the place itself, with readings in one country only,
    # is as sure as a far larger town when the article names no other country (in capitals any
    # word may follow "IN")
    lone = {id(c) for c in cands if mixed and c.prep and not c.modifier and not c.common
            and len(ccs := {e.cc for e in c.entries}) == 1 and (not countries_named or ccs <= countries_named)}
    for _round in range(2):
        admin1s: dict[tuple, set[str]] = defaultdict(set)      # province -> names read inside it
        for c in cands:
            if c.chosen and c.chosen.admin1:
                admin1s[(c.chosen.cc, c.chosen.admin1)].add(c.match.key)
        for c in cands:
            scored = []
            alone = id(c) in lone
            for e in c.entries:
                s, why = _score(c, e, votes, admin1s, near_names, w.home, dateline_cc, gaz, frozenset(followed))
                if alone:
                    s += LONE_NAME_BONUS
                    why.append("its only country, after a preposition")
                if e.kind == "admin1" and (e.cc, e.admin1) in holds.get(c.match.start, ()):
                    s += 3.0
                    why.append("written after a town inside it")
                elif e.kind == "country" and (e.cc, None) in holds.get(c.match.start, ()):
                    s += 3.0
                    why.append("written after a place inside it")
                scored.append((s, e.kind != "country", -e.population, e.idx, e, why))
            scored.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
            best = scored[0]
            if best[4].kind == "admin1" and c.hint != "admin1" \
                    and (best[4].cc, best[4].admin1) not in holds.get(c.match.start, ()):
                # "Kandahar", "Farah", "Mopti": a province named after its chief town (the
                # province is coded at that town): the town, unless the text says "province"
                town = next((t for t in scored if t[4].kind == "city" and t[4].cc == best[4].cc
                             and (t[4].lat, t[4].lon) == (best[4].lat, best[4].lon)), None)
                if town is not None:
                    best = (best[0], *town[1:5], town[5] + ["chief town of its province"])
            elif best[4].kind == "city" and c.hint != "city":
                # "in Quezon", "in Sarangani": a district of exactly that name, not a town read by a
                # short form of its name (Quezon City) or a small namesake outside it
                district = next((t for t in scored if t[4].kind == "admin2" and t[4].cc == best[4].cc
                                 and " ".join(fold(t[4].name).split()) == c.match.key), None)
                town = best[4]
                town_key = " ".join(fold(town.name).split())
                if district is not None and district[0] >= best[0] - DISTRICT_MARGIN and (
                        town_key != c.match.key and c.match.key in town_key.split(" ", 1)[:1]
                        or town.population < BARE_CITY_POP and town.admin2 not in (None, district[4].admin2)):
                    best = (best[0], *district[1:5], district[5] + ["a district of that name"])
            c.chosen, c.score, c.why = best[4], best[0], ", ".join(best[5])
            c.alternatives = [(t[0], t[4]) for t in scored[1:4]]
        votes = _votes(cands, demonyms)
    cands = _address_in_brackets(cands, text, w)
    _within_town(cands, text, holds)
    for c, before in _inside_unit(cands, text, w):     # "Kisiwani (Kilifi)": Kilifi's country twice
        votes[before.cc] -= _vote_weight(c, before)
        votes[c.chosen.cc] += _vote_weight(c, c.chosen)
    cands = _quarter_after_dash(cands, text)
    cands = _quarters(cands, text, w)
    _province_written(cands, text, w)
    cands = _regions(cands, text, sentences, w, votes, gaz)
    named = {c.chosen.cc for c in cands if c.chosen.kind in ("country", "admin1") and not c.modifier}
    return [c for c in cands if _confident(c, votes, named)]


def _votes(cands: list[Candidate], demonyms: Counter) -> Counter:
    """Each country's weight in the article as its names are read: a country over a province
    over a town, a name inside a longer one or in the dateline half, a small town not after
    "in" little."""
    votes = Counter(demonyms)
    for c in cands:
        votes[c.chosen.cc] += _vote_weight(c, c.chosen)
    return votes


def _vote_weight(c: Candidate, e: Entry) -> float:
    weight = 1.0 if e.kind == "country" else 0.8 if e.kind == "admin1" else 0.6
    if c.modifier or c.dateline:
        weight *= 0.5
    if e.kind == "city" and e.population < 5000 and not c.prep:
        weight *= 0.3
    return weight


def _with_support(cands: list[Candidate], text: str, w: Words, dateline_cc: set[str]) -> list[Candidate]:
    """In capitals a frequent word or surname ("MARTINEZ", "BOGOTA") is a town only with support:
    after a preposition ("IN", not "IN THE"), in the dateline, written with its province or
    country, or, for a city of BARE_CITY_POP or more, read in a country named in its sentence or
    the next (or the dateline's); a very frequent word ("WAR", "POWER") not by a country nearby.
    Countries are unaffected; a province in capitals only when the article names no country
    and has no dateline ("INTAN JAYA REGENCY (PAPUA)") or it lies in one of those countries
    ("FLORES" is no Uruguayan department, "STORE" no Slovenian municipality in a Salvadoran
    wire); in mixed case a province named by a generic place word ("the Southern Resistance")
    is none."""
    named: dict[int, set[str]] = defaultdict(set)
    for c in cands:
        named[c.sentence] |= {e.cc for e in c.entries if e.kind == "country"}
    story = dateline_cc.union(*named.values())
    out = []
    for i, c in enumerate(cands):
        if c.common:
            # written with its province or country after a comma or in brackets ("MEDELLIN, COLOMBIA",
            # not "U.S. CONGRESS")
            written = {e.cc for j in (i - 1, i + 1) if 0 <= j < len(cands)
                       and _joined(text[min(c.match.end, cands[j].match.end):max(c.match.start, cands[j].match.start)], w)
                       and text[min(c.match.end, cands[j].match.end):max(c.match.start, cands[j].match.start)].strip()
                       for e in cands[j].entries if e.kind in ("country", "admin1")}
            nearby = dateline_cc | named[c.sentence - 1] | named[c.sentence] | named[c.sentence + 1] \
                if c.common == 1 else set()     # a very common word ("WAR") needs more than that
            c.entries = [e for e in c.entries if e.kind == "country" or e.cc in written
                         or e.kind == "admin1" and c.common != 3 and (not story or e.cc in story)
                         or e.cc in nearby and e.population >= BARE_CITY_POP]
            if not c.entries:
                continue
        out.append(c)
    return out


def _directions_of_places(cands: list[Candidate], text: str, w: Words) -> list[Candidate]:
    """A direction word read as a province ("Northern", Sudan's; "Northeastern", Oman's) that
    says where in the next place it is: "IN NORTHERN YORO DEPARTMENT", "NORTHEASTERN SAN
    SALVADOR", "the northeastern department of Cabanas". Not when the next name is a country
    ("the Northern Region of Ghana" names a province) or the direction is a place's whole name."""
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(cands, cands[1:])):
        if a.match.key not in w.direction_words or all(e.kind == "country" for e in b.entries):
            continue
        gap = " ".join(fold(text[a.match.end:b.match.start]).split())
        words = gap.split()
        described = not gap or (
            len(words) >= 2 and words[0] in w.kind_words and " ".join(words[1:]) in w.inside)
        if described:
            drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def _regions(cands: list[Candidate], text: str, sentences: list[Sentence], w: Words, votes: Counter,
             gaz: Gazetteer) -> list[Candidate]:
    """"In the north of the country", "di wilayah utara negara itu": a part of the country the
    article is about is the province named after that direction where the country has one
    (Cameroon's North, Burkina Faso's Nord, Ghana's Northern); elsewhere it stays unresolved."""
    if w.regions is None or not votes:
        return cands
    forms = dict(w.region_admin1)
    taken = [(c.match.start, c.match.end) for c in cands]
    country = votes.most_common(1)[0][0]
    extra = []
    for m in w.regions.find(text):
        if any(a < m.end and m.start < b for a, b in taken):
            continue
        direction = m.value[0]
        entries = [e for name in forms.get(direction, ()) for e in gaz.lookup(name)
                   if e.kind == "admin1" and e.cc == country]
        if not entries:
            continue
        entry = entries[0]
        extra.append(Candidate(m, _sentence_of(sentences, m.start), [entry], prep=True, chosen=entry,
                               score=KIND_PRIOR["admin1"], why=f"the {direction} of the article's country"))
    return sorted(cands + extra, key=lambda c: c.match.start) if extra else cands


def _joined(gap: str, w: Words) -> bool:
    """Two names written as one address: "Bandipora, Kashmir", "Abepura (Papua)", "Mombasa [Coast]",
    "Mimika, Provinsi Papua", "Bogra city (Bogra Sadar, Rajshahi)" (a comma or bracket, with at most
    generic place or unit words either side)."""
    if len(gap) > 40:
        return False
    rest = gap.strip()
    for _ in range(3):      # "Pabna Sadar upazila (Rajshahi)", "Paracas area, Ica": unit words first
        head, _sep, tail = rest.partition(" ")
        word = head.rstrip(",([")
        if rest[:1].isalpha() and (fold(word) in w.place_words or fold(word) in w.kind_words):
            rest = (rest[len(word):]).strip()
        else:
            break
    if rest[:1] not in (",", "(", "[", "-", "/", ""):
        return False
    words_left = fold(rest[1:]).split()
    return all(word in w.place_words for word in words_left)


def _province_written(cands: list[Candidate], text: str, w: Words) -> None:
    """"Tembagapura, Kabupaten Mimika, Provinsi Papua": the province the text writes after a
    town or district is its admin1 at the time of writing (divisions are split and renamed:
    Mimika is in Central Papua since 2022); the coordinates stay the town's."""
    for i, a in enumerate(cands):
        if a.chosen is None or a.chosen.kind not in ("city", "admin2"):
            continue
        for k in range(i + 1, min(i + 3, len(cands))):
            b = cands[k]
            if not _joined(text[cands[k - 1].match.end:b.match.start], w):
                break
            if b.chosen is not None and b.chosen.kind == "admin1" and b.chosen.cc == a.chosen.cc:
                if b.chosen.admin1 != a.chosen.admin1:
                    a.chosen = replace(a.chosen, admin1=b.chosen.admin1)
                    a.why += f"; province as written: {b.chosen.admin1}"
                break


def _bracketed(gap: str, w: Words) -> bool:
    """"Kaliganj city (Gazipur", "Sreepur upazila (Gazipur": an opening bracket after the name and
    at most generic place words."""
    head, bracket, tail = gap.partition("(")
    if not bracket or tail.strip() or len(head) > 30:
        return False
    return all(word in w.place_words or word in w.kind_words for word in fold(head).split())


def _address_in_brackets(cands: list[Candidate], text: str, w: Words) -> list[Candidate]:
    """"Kaliganj city (Gazipur, Dhaka)": the district or town in brackets holds the town before
    it. A reading of that town in another province is a namesake: take the one inside the
    bracketed place's province, else drop the name (a place the gazetteer lacks; the bracketed
    district or town is the place)."""
    dropped: set[int] = set()
    for i, a in enumerate(cands[:-1]):
        b = cands[i + 1]
        if a.chosen is None or b.chosen is None or a.chosen.kind != "city" \
                or b.chosen.kind not in ("city", "admin2") or b.chosen.cc != a.chosen.cc \
                or not b.chosen.admin1 or b.chosen.admin1 == a.chosen.admin1 \
                or not _bracketed(text[a.match.end:b.match.start], w):
            continue
        c = cands[i + 2] if i + 2 < len(cands) else None
        if c is not None and c.chosen is not None and c.chosen.kind == "admin1" and c.chosen.cc == b.chosen.cc \
                and c.chosen.admin1 != b.chosen.admin1 and _joined(text[b.match.end:c.match.start], w):
            continue        # the address contradicts itself: leave it to the scores
        inside = [e for e in a.entries if e.cc == b.chosen.cc and e.admin1 == b.chosen.admin1]
        if inside:
            a.chosen = max(inside, key=lambda e: (SPECIFICITY_ORDER[e.kind], e.population))
            a.why += f"; inside {b.chosen.name}, written after it"
        else:
            dropped.add(a.match.start)
    return [c for c in cands if c.match.start not in dropped] if dropped else cands


SPECIFICITY_ORDER = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}


def _within_town(cands: list[Candidate], text: str, holds: dict[int, set[tuple[str, str]]]) -> None:
    """"Tubod, Iligan City": the first name is a part of the town written after it. If the reading
    chosen for it lies far from that town, it is another place of the same name: take the one
    near the town, else the town itself (ACLED codes a neighbourhood at its town). Not when the
    second name is also the first one's province ("Nova Iguacu, Rio de Janeiro")."""
    for a, b in zip(cands, cands[1:]):
        if a.chosen is not None and any(e.kind == "admin1" and (e.cc, e.admin1) == (a.chosen.cc, a.chosen.admin1)
                                        for e in b.entries):
            continue
        gap = text[a.match.end:b.match.start].strip()
        if gap != "," or a.chosen is None or b.chosen is None or a.chosen.kind != "city" \
                or b.chosen.kind != "city" or a.chosen.cc != b.chosen.cc or a.chosen.idx == b.chosen.idx:
            continue
        if None in (a.chosen.lat, b.chosen.lat) or b.chosen.population <= a.chosen.population:
            continue
        if distance_km(a.chosen.lat, a.chosen.lon, b.chosen.lat, b.chosen.lon) <= PART_OF_TOWN_KM:
            continue
        close = [e for e in a.entries if e.lat is not None and e.cc == b.chosen.cc
                 and distance_km(e.lat, e.lon, b.chosen.lat, b.chosen.lon) <= PART_OF_TOWN_KM]
        a.chosen = close[0] if close else b.chosen
        a.why = f"part of {b.chosen.name}, written after it"


def _written_inside(gap: str, w: Words) -> bool:
    """"Kapedo in Tiaty", "Butiye village in Moyale town": the gap between two names says the
    first lies in the second (unit or place words may stand before the word)."""
    rest = fold(gap).split()
    while rest and (rest[0] in w.place_words or rest[0] in w.kind_words):
        rest = rest[1:]
    return " ".join(rest) in w.inside


def _unit_centred(e: Entry) -> bool:
    """A place the gazetteer knows only by the centre of the unit it lies in (a Kenyan ward: an
    admin2 entry named otherwise than its admin2)."""
    return e.kind == "admin2" and e.admin2 not in (None, e.name)


def _inside_unit(cands: list[Candidate], text: str, w: Words) -> list[tuple[Candidate, Entry]]:
    """A name written inside another of its country ("Kapedo in Tiaty Sub-county, Baringo",
    "Kutulo, Wajir") whose every reading is a small place in another province than that division
    is a place the gazetteer lacks (its namesake elsewhere is read): the division stands for it
    (a town is kept: "Marka, Banaadir" is the town, whatever province the text gives it). A
    place the gazetteer knows only by the centre of its unit (a Kenyan ward) written inside a
    town of its province ("Butiye village in Moyale town") is coded at that town. Returns the
    names read anew, each with its reading before."""
    moved: list[tuple[Candidate, Entry]] = []
    countries = {c.chosen.cc for c in cands if c.chosen is not None and c.chosen.kind == "country"}
    for i, (a, b) in enumerate(zip(cands, cands[1:])):
        if a.chosen is None or b.chosen is None or a.chosen.idx == b.chosen.idx \
                or a.chosen.kind not in ("city", "admin2") or not b.chosen.admin1:
            continue
        gap = text[a.match.end:b.match.start]
        listed = _list_end(text, a.match.end, w)     # "Gabtali, Agargaon and Sayedabad areas of Dhaka"
        if listed < b.match.start and _written_inside(text[listed:b.match.start], w):
            gap = text[listed:b.match.start]
        if not (_joined(gap, w) or _written_inside(gap, w)):
            continue
        # the provinces the second name is a division of ("Wajir" is a town and a county)
        units = {e.admin1 for e in b.entries if e.cc == b.chosen.cc and e.kind in ("admin1", "admin2")}
        if a.chosen.cc != b.chosen.cc:
            # "Kisiwani (Kilifi)", "Zimmerman, Nairobi": a name with no reading at all in the
            # country of the division written after it, every reading a town no larger than a
            # frequent word may be in a country the article does not name, is a place of that
            # division the gazetteer lacks (unless the address goes on abroad: "Banbury, South
            # East region, England")
            after = cands[i + 2] if i + 2 < len(cands) else None
            if after is not None and after.chosen is not None and after.chosen.cc != b.chosen.cc \
                    and _joined(text[b.match.end:after.match.start], w):
                continue
            if b.chosen.admin1 in units and not a.reference and not b.reference and not b.modifier \
                    and all(e.kind == "city" and e.population < BARE_CITY_POP and e.cc != b.chosen.cc
                            and e.cc not in countries for e in a.entries):
                moved.append((a, a.chosen))
                a.chosen, a.why = b.chosen, f"a place in {b.chosen.name} the gazetteer lacks (its namesakes lie abroad)"
            continue
        if b.chosen.admin1 in units and not a.reference and not b.reference \
                and all(e.kind == "city" and e.population < SMALL_PLACE_POP or _unit_centred(e) for e in a.entries) \
                and not any(e.cc == b.chosen.cc and e.admin1 in units for e in a.entries):
            moved.append((a, a.chosen))
            a.chosen, a.why = b.chosen, f"a place in {b.chosen.name} the gazetteer lacks (its namesakes lie elsewhere)"
        elif _unit_centred(a.chosen) and b.chosen.kind == "city" and b.chosen.admin1 == a.chosen.admin1:
            moved.append((a, a.chosen))
            a.chosen, a.why = b.chosen, f"part of {b.chosen.name}, written after it"
    return moved


_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


def _quarter_after_dash(cands: list[Candidate], text: str) -> list[Candidate]:
    """"Dhaka - Rampura": a name written after a town with a spaced dash (not a road's: "the Dhaka
    - Mymensingh highway" is a reference) is a part of that town. A reading of it far from the
    town is a namesake elsewhere: take the one near the town, else it is no place of its own (its
    other mentions neither); ACLED codes a neighbourhood at its town."""
    fixed: dict[str, Entry | None] = {}
    for a, b in zip(cands, cands[1:]):
        if a.chosen is None or b.chosen is None or a.chosen.kind != "city" or b.chosen.kind != "city" \
                or a.reference or b.reference or b.chosen.population >= a.chosen.population \
                or None in (a.chosen.lat, b.chosen.lat) or not _DASH.fullmatch(text[a.match.end:b.match.start]):
            continue
        if b.chosen.cc == a.chosen.cc and distance_km(a.chosen.lat, a.chosen.lon, b.chosen.lat,
                                                      b.chosen.lon) <= PART_OF_TOWN_KM:
            continue
        close = [e for e in b.entries if e.lat is not None and e.cc == a.chosen.cc
                 and distance_km(e.lat, e.lon, a.chosen.lat, a.chosen.lon) <= PART_OF_TOWN_KM]
        fixed[b.match.key] = close[0] if close else None
    if not fixed:
        return cands
    out = []
    for c in cands:
        if c.match.key in fixed:
            if fixed[c.match.key] is None:
                continue
            c.chosen, c.why = fixed[c.match.key], c.why + "; part of the town written before it"
        out.append(c)
    return out


_WORDS = re.compile(r"[^\W_]+")


def _quarter(text: str, c: Candidate, w: Words) -> bool:
    """"the San Lorenzo neighbourhood", "Kelurahan Tanjung Ria": a name written as part of a town;
    "Rice University", "the Kohat bus terminal": an institution named by a town (or a person)."""
    nxt, prev = _next_word(text, c.match.end), _prev_word(text, c.match.start)
    after = _WORDS.findall(fold(text[c.match.end:c.match.end + 24]))
    words_after = w.quarters_after      # and "Rice University in Houston": not Rice, Texas
    if not (after[:1] and after[0] in words_after):
        # an item of a list the quarter word ends ("in Gabtali, Agargaon and Sayedabad areas of")
        end = _list_end(text, c.match.end, w)
        if end > c.match.end:
            after = _WORDS.findall(fold(text[end:end + 24])) or after
    return bool(nxt and (after[:1] and after[0] in words_after or " ".join(after[:2]) in words_after)) \
        or bool(prev and fold(text[prev[0]:prev[1]]) in w.quarters_before) \
        or c.match.key.split(" ", 1)[0] in w.quarters_before and " " in c.match.key    # "Colonia del Valle"


LIST_ITEMS = 4        # names of a list after a name ("Gabtali, Agargaon and Sayedabad areas")
_LIST_JOIN = re.compile(r"\s*,\s*(?:([a-z]+)\s+)?|\s+([a-z]+|&)\s+")
_LIST_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?")


def _list_end(text: str, pos: int, w: Words) -> int:
    """Where the rest of a list of capitalised names after `pos` ends (", Agargaon and
    Sayedabad"): each joined by a comma, a conjunction or both; `pos` when none follows."""
    end = pos
    for _ in range(LIST_ITEMS):
        join = _LIST_JOIN.match(text, end)
        if join is None:
            break
        word = join.group(1) or join.group(2)
        if word is not None and fold(word) not in w.conjunctions:
            break
        name = _LIST_NAME.match(text, join.end())
        if name is None:
            break
        end = name.end()
    return end


def _quarters(cands: list[Candidate], text: str, w: Words) -> list[Candidate]:
    """A quarter read as a town far from the town its sentence names, or outside the province
    it names, is a part of that town the gazetteer lacks ("in Garanhuns, Pernambuco, ... in the
    Varzea community"): its namesake near that town if there is one, else no place of its own
    (ACLED codes a neighbourhood at its town)."""
    if not w.quarters_after and not w.quarters_before:
        return cands
    dropped: set[int] = set()
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)     # one pass, not all pairs
    for c in cands:
        by_sentence[c.sentence].append(c)
    for i, c in enumerate(cands):
        if c.chosen is None or c.chosen.kind not in ("city", "admin2") or not _quarter(text, c, w):
            continue
        if any(_joined(text[x.match.end:y.match.start], w) and any(
                e.kind == "admin1" and (e.cc, e.admin1) == (c.chosen.cc, c.chosen.admin1) for e in x.entries + y.entries)
               for x, y in ((cands[i - 1], c), (c, cands[(i + 1) % len(cands)])) if x.match.start < y.match.start):
            continue        # "Gazipur area (Dhaka)": an address that holds the reading decides
        around = [o for o in by_sentence[c.sentence] if o is not c and o.chosen is not None
                  and not o.modifier and o.chosen.kind in ("city", "admin2", "admin1")
                  and o.match.start not in dropped and not _quarter(text, o, w)]
        towns = [o.chosen for o in around if o.chosen.kind == "city" and o.chosen.lat is not None]
        if any(t.cc == c.chosen.cc and QUARTER_TOWN_RATIO * t.population < c.chosen.population for t in towns):
            continue        # a quarter is smaller than its town ("the Nairobi area of ...")
        provinces = {(o.chosen.cc, o.chosen.admin1) for o in around if o.chosen.kind in ("admin1", "admin2")}
        if not towns and not provinces:
            continue

        def fits(e: Entry) -> bool:
            if towns and e.lat is not None:
                return any(e.cc == t.cc and distance_km(e.lat, e.lon, t.lat, t.lon) <= PART_OF_TOWN_KM
                           for t in towns)
            return (e.cc, e.admin1) in provinces
        if fits(c.chosen):
            continue
        inside = [e for e in c.entries if fits(e)]
        if inside:
            c.chosen = max(inside, key=lambda e: e.population)
            c.why += "; a quarter of the town its sentence names"
        else:
            dropped.add(c.match.start)
    return [c for c in cands if c.match.start not in dropped] if dropped else cands


def _confident(c: Candidate, votes: Counter, named: set[str]) -> bool:
    """Towns in countries the article does not name are kept only when the name is unlikely to
    be a common word: several words, a large place, or a mid-sized one after "in"/"di"."""
    e = c.chosen
    if e is None:
        return False
    top = votes.most_common(1)[0][0] if votes else None
    if e.kind == "country" or e.cc in named or e.cc == top:
        return True
    if e.kind == "admin1":
        return not c.modifier or c.reference      # "PT Freeport" is a firm, not the Bahamas' Freeport
    if (named or top) and e.kind == "city" and fold(e.name) != c.match.key and e.population < 500_000:
        return False      # "between Boni and Hombori (Mopti)": another name of a town abroad is a local place
    if e.cc == top or " " in c.match.key or e.population >= 100_000:
        return True
    return c.prep and e.population >= 15_000


def mentions(cands: list[Candidate], gaz: Gazetteer | None = None) -> list[PlaceMention]:
    gaz = gaz or gazetteer()
    out = []
    for c in cands:
        place = gaz.place(c.chosen, near=c.near)
        if place is None:
            continue
        out.append(PlaceMention(place=place, sentence=c.sentence, start=c.match.start, end=c.match.end,
                                text=c.match.text, score=round(c.score, 3), near=c.near,
                                why=("dateline; " if c.dateline else "") + ("modifier; " if c.modifier else "")
                                + ("after preposition; " if c.prep else "") + c.why
                                + (f"; {UNRIVALLED_CITY}" if _unrivalled(c) else "")))
    return out


def _unrivalled(c: Candidate) -> bool:
    """'Dhaka', 'Karachi': the reading is a city of millions by its own name (not 'Riadi' for
    Riyadh) and every other reading of the name is far smaller, so no country the article names elsewhere makes it a namesake."""
    e = c.chosen
    return e.kind == "city" and e.population >= UNRIVALLED_POP and fold(e.name) == c.match.key and not any(
        o is not e and o.cc != e.cc and max(o.population, 1 if o.kind == "city" else UNRIVALLED_POP) >= RIVAL_SHARE * e.population
        for o in c.entries)
