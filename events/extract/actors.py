"""Stage `actors`: who did it, to whom, and who claimed, denied or blamed.

One `Matcher` pass finds actor words (kinds from `events/extract/data/groups.toml`, words
from the language's `actors.toml`), named groups, nationalities ("pasukan AS", "US troops"),
claim, denial and attribution phrases, and speaker markers ("menurut", "according to").
Roles come from the words around an actor (all in `actors.toml` [roles]): "oleh"/"by" before
it, or an Indonesian passive verb ("diserang militer"), makes it the perpetrator; "terhadap"/
"against" before it, or a death word after it ("petinggi ISIS tewas", "were killed"), the
target; a state force followed by an active event verb is the perpetrator, by a passive one
the target; a force that speaks ("police said") is a source. Otherwise armed groups are
perpetrators and civilians targets. A named group's descriptor joins it ("ISIS fighters").

Claims: a claim phrase with a negation before it ("Tidak ada kelompok yang mengaku
bertanggung jawab", "no group has claimed") is `no_claim`; a denial needs an accused group in
the sentence; an attribution cue ("diyakini dilakukan oleh", "blamed", "suspected") makes
the actor it names `attributed`, and the speaker ("menurut juru bicara kedutaan AS") is
glossed into English with the language's `notes.toml` glossary where every word is known.
The ACLED name of an actor depends on the event's country and date, so it is filled when the
row is built (`events.extract.rows.acled_name`); here it is set only for named groups whose
name has no country in it.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from events import lang
from events.extract.event_types import fallback_languages
from events.findings import Actor, Claim
from events.matcher import Matcher, fold
from events.article import Doc

DATA = Path(__file__).resolve().parent / "data" / "groups.toml"
_WORD = re.compile(r"\w+(?:[-'.]\w+)*\.?")
_CLAUSE_END = re.compile(r"[,;:.!?\"“”()]")
_LAST_WORD_SPACE = re.compile(r"([\w'-]+)\s+$")
_HYPHENATED = re.compile(r"\w-\w")
_PREFIX_DASH = re.compile(r"(\w+)-$")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"\W*(\w+)")
_LAST_TOKEN = re.compile(r"(\S)\S*\s*$")
_CASED_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})\s+$")


@cache
def groups() -> dict:
    """kinds, periods and named groups (by key) from groups.toml."""
    with DATA.open("rb") as fh:
        data = tomllib.load(fh)
    found = {g["key"]: g for g in data["group"]}
    ethnic = data.get("ethnic_militias", {})
    spellings = [(name, name) for name in ethnic.get("names", [])] + list(ethnic.get("variants", {}).items())
    for name, canonical in spellings:     # "Pokot Ethnic Militia (Kenya)": one group per community
        if canonical not in ethnic.get("names", []):
            raise lang.LanguageDataError(f"groups.toml [ethnic_militias] variants: {canonical!r} is not in names")
        key = "ethnic_" + fold(name).replace(" ", "_")
        found[key] = {"key": key, "acled": f"{canonical} Ethnic Militia ({{country}})", "inter": int(ethnic["inter"]),
                      "name": f"{canonical} ethnic militia", "aliases": [], "community": name}
    return {"kinds": data["kinds"], "periods": data.get("periods", {}), "state_forces": data.get("state_forces", {}),
            "the": frozenset(data.get("the_countries", [])), "groups": found}


@dataclass(frozen=True)
class Tables:
    matcher: Matcher
    gloss: Matcher
    role_window: int
    claim_window: int
    relative: frozenset[str]
    stop: frozenset[str]
    max_words: int
    head_first: bool          # noun phrases put the head first (Indonesian) or last (English)
    glossary: tuple[tuple[str, str], ...] = ()
    passive_prefixes: tuple[str, ...] = ()      # "di-" (ditembak): the subject undergoes the verb
    passive_words: frozenset[str] = frozenset()  # "was", "were" before the verb
    verb_prefixes: tuple[str, ...] = ()         # "me-": a second verb ends a relative clause
    name_inner: frozenset[str] = frozenset()    # [unlisted_groups] inner: lowercase words inside a name
    rebel_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    name_after_head: int = 0                    # capitalised words after a head noun that name it
    definite_before: frozenset[str] = frozenset()   # "the attackers": the ones told of before
    definite_after: frozenset[str] = frozenset()    # "pelaku itu"
    coordinators: frozenset[str] = frozenset()      # "Satgas bersama Polres menangkap": one role
    assertion_after: frozenset[str] = frozenset()   # "claims that ...": an assertion, not a claim
    unnamed_doers: frozenset[str] = frozenset()     # "pelaku", "the attackers": blame that names nobody
    object_before: frozenset[str] = frozenset()     # "a statement on TV claimed": a name after these is no claimant
    modifiers: dict[str, str] = field(default_factory=dict)  # "demonstran antipemerintah": the cause, in English
    name_stop: frozenset[str] = frozenset()     # ranks and titles that end a unit's own name ("Brigjen", "Iptu")
    against_prefixes: frozenset[str] = frozenset()  # "anti-": "anti-Houthi forces" are not the Houthis
    rival_crowds: Matcher | None = None         # "tawuran", "rival supporters": two crowds, each the other's foe
    community_people: frozenset[str] = frozenset()  # "tribe", "suku": a community's people, not its fighters
    bare_before: frozenset[str] = frozenset()   # "suspected Turkana", "between Borana": a community's name alone
    joined_by: frozenset[str] = frozenset()     # "Borana and Gabra"
    country_after: tuple[str, ...] = ()         # "military forces of Armenia": words before a country's name
    cased_aliases: dict[str, str] = field(default_factory=dict)     # "IS" -> islamic_state, in capitals only
    former: frozenset[str] = frozenset()        # "former minister", "mantan polisi": no office, a civilian
    launch_verbs: frozenset[str] = frozenset()  # "meluncurkan": a verb whose object is the attack
    country_names: dict[str, str] = field(default_factory=dict)     # folded name -> ACLED country name
    participle_after: frozenset[str] = frozenset()  # "civilians killed in": a headline's verb, done to them
    crowd_doers: frozenset[str] = frozenset()   # "villagers", "warga": civilians who can act as a crowd


@cache
def tables(language: str | None) -> Tables:
    items: list[tuple[str, tuple]] = []
    gloss: list[tuple[str, str]] = []
    g = groups()
    for key, group in g["groups"].items():
        items.extend((alias, ("group", key)) for alias in group["aliases"])
    for name, force in g["state_forces"].items():      # "UPDF", "Border Guard Bangladesh": whose force it is
        if force["kind"] not in ("police", "military"):
            raise lang.LanguageDataError(f"groups.toml [state_forces]: {name!r}: unknown kind {force['kind']!r}")
        items.append((name, ("actor", force["kind"], force["kind"], force["country"])))
    role_window, claim_window, max_words = 2, 5, 6
    relative: set[str] = set()
    stop: set[str] = set()
    codes = fallback_languages(language, "actors")
    head_first = True
    passive_prefixes: list[str] = []
    passive_words: set[str] = set()
    participle_after: set[str] = set()
    crowd_doers: set[str] = set()
    verb_prefixes: list[str] = []
    name_inner: set[str] = set()
    rebel_words: set[str] = set()
    not_names: set[str] = set()
    name_after_head = 0
    definite_before: set[str] = set()
    definite_after: set[str] = set()
    coordinators: set[str] = set()
    assertion_after: set[str] = set()
    unnamed_doers: set[str] = set()
    object_before: set[str] = set()
    modifiers: dict[str, str] = {}
    name_stop: set[str] = set()
    against_prefixes: set[str] = set()
    rival: list[tuple[str, str]] = []
    people_words: set[str] = set()
    country_after: list[str] = []
    former: set[str] = set()
    launch_verbs: set[str] = set()
    bare_before: set[str] = set()
    joined_by: set[str] = set()
    data_nat: dict[str, str] = {}
    for code in codes:
        data = lang.load(code, "actors")
        for entry in data.get("actor", []):
            if entry["kind"] not in g["kinds"]:
                raise lang.LanguageDataError(f"{code}/actors.toml: unknown kind {entry['kind']!r}")
            items.extend((w, ("actor", entry["kind"], entry["label"])) for w in entry["words"])
        ethnic = data.get("ethnic_militias", {})
        for key, group in g["groups"].items():      # "Pokot raiders", "milisi Pokot"
            if "community" in group:
                items.extend((f"{group['community']} {w}", ("group", key)) for w in ethnic.get("words_after", []))
                items.extend((f"{w} {group['community']}", ("group", key)) for w in ethnic.get("words_before", []))
                items.extend((f"{group['community']} {w}", ("group", key)) for w in ethnic.get("people_after", []))
                items.extend((f"{w} {group['community']}", ("group", key)) for w in ethnic.get("people_before", []))
        bare_before.update(" ".join(fold(w).split()) for w in ethnic.get("bare_before", []))
        joined_by.update(" ".join(fold(w).split()) for w in ethnic.get("joined_by", []))
        if ethnic.get("bare_before") or ethnic.get("joined_by"):
            items.extend((g["community"], ("community", k)) for k, g in groups()["groups"].items() if "community" in g)
        people_words.update(" ".join(fold(w).split()) for w in ethnic.get("people_after", []) + ethnic.get("people_before", []))
        for alias, key in data.get("group_aliases", {}).items():
            if key not in g["groups"]:
                raise lang.LanguageDataError(f"{code}/actors.toml: unknown group {key!r}")
            items.append((alias, ("group", key)))
        items.extend((w, ("nationality", c)) for w, c in data.get("nationality", {}).items())
        data_nat.update({" ".join(fold(w).split()): c for w, c in data.get("nationality", {}).items()})
        items.extend((w, ("neutral",)) for w in data.get("neutral", {}).get("words", []))
        roles = data.get("roles", {})
        passive_prefixes.extend(fold(w) for w in roles.get("passive_prefixes", []))
        passive_words.update(fold(w) for w in roles.get("passive_words", []))
        role_window = int(roles.get("window", role_window))
        coordinators.update(" ".join(fold(w).split()) for w in roles.get("coordinators", []))
        items.extend((w, ("target_before",)) for w in roles.get("target_before", []))
        items.extend((w, ("perpetrator_before",)) for w in roles.get("perpetrator_before", []))
        # phrases holding a marker word that mark nothing ("at least ten assailants": no "at")
        items.extend((w, ("no_marker",)) for w in roles.get("no_marker", []))
        items.extend((w, ("victim_after",)) for w in roles.get("victim_after", []))
        items.extend((w, ("doer_after",)) for w in roles.get("doer_after", []))
        items.extend((w, ("mentioned_after",)) for w in roles.get("mentioned_after", []))
        launch_verbs.update(fold(w) for w in roles.get("launch_verbs", []))
        participle_after.update(fold(w) for w in roles.get("participle_after", []))
        crowd_doers.update(" ".join(fold(w).split()) for w in roles.get("crowd_doers", []))
        unlisted = data.get("unlisted_groups", {})
        items.extend((w, ("group_before",)) for w in unlisted.get("before", []))
        name_inner.update(fold(w) for w in unlisted.get("inner", []))
        rebel_words.update(fold(w) for w in unlisted.get("rebel_words", []))
        not_names.update(fold(w) for w in unlisted.get("not_names", []))
        object_before.update(fold(w) for w in unlisted.get("object_before", []))
        ext = data.get("actor_extension", {})
        relative.update(fold(w) for w in ext.get("relative", []))
        stop.update(fold(w) for w in ext.get("stop", []))
        max_words = int(ext.get("max_words", max_words))
        verb_prefixes.extend(fold(w) for w in ext.get("verb_prefixes", []))
        name_after_head = max(name_after_head, int(ext.get("name_after_head", 0)))
        name_stop.update(fold(w) for w in ext.get("name_stop", []))
        against_prefixes.update(fold(w) for w in ext.get("against_prefixes", []))
        country_after.extend(" ".join(fold(w).split()) for w in ext.get("country_after", []))
        former.update(fold(w) for w in ext.get("former", []))
        rival.extend((w, "rival") for w in data.get("crowds", {}).get("rival", []))
        definite_before.update(fold(w) for w in ext.get("definite_before", []))
        definite_after.update(fold(w) for w in ext.get("definite_after", []))
        head_first = head_first and bool(ext.get("head_first", False))
        for word, english in ext.get("modifiers", {}).items():
            modifiers.setdefault(fold(word), english)
        claims = lang.load(code, "claims")["claims"]
        claim_window = int(claims.get("window", claim_window))
        assertion_after.update(fold(w) for w in claims.get("assertion_after", []))
        unnamed_doers.update(" ".join(fold(w).split()) for w in claims.get("unnamed_doers", []))
        for w in claims.get("accused_after", []):      # "UPDF accused of bombing": the one before is blamed
            items.extend([(w, ("attribution",)), (w, ("accused",))])
        for name in ("claimed", "claimed_weak", "denied", "negation", "attribution", "speaker_before",
                     "speaker_after", "speaker_nouns", "anaphora", "own_forces"):
            items.extend((w, (name,)) for w in claims.get(name, []))
        try:
            gloss.extend(lang.load(code, "notes").get("glossary", {}).items())
        except lang.LanguageDataError:
            pass
    return Tables(Matcher(items), Matcher(gloss), role_window, claim_window, frozenset(relative),
                  frozenset(stop), max_words, head_first,
                  tuple((" ".join(fold(k).split()), v) for k, v in gloss),
                  tuple(passive_prefixes), frozenset(passive_words), tuple(verb_prefixes),
                  frozenset(name_inner), frozenset(rebel_words), frozenset(not_names), name_after_head,
                  frozenset(definite_before), frozenset(definite_after), frozenset(coordinators),
                  frozenset(assertion_after), frozenset(unnamed_doers), frozenset(object_before),
                  modifiers, frozenset(name_stop), frozenset(against_prefixes), Matcher(rival),
                  frozenset(people_words), frozenset(bare_before), frozenset(joined_by),
                  country_after=tuple(sorted(set(country_after), key=len, reverse=True)),
                  cased_aliases={a: k for k, grp in g["groups"].items() for a in grp.get("cased_aliases", [])},
                  former=frozenset(former), launch_verbs=frozenset(launch_verbs), country_names=_country_names(data_nat) if country_after else {},
                  participle_after=frozenset(participle_after), crowd_doers=frozenset(crowd_doers))


def _country_names(nationality: dict[str, str]) -> dict[str, str]:
    """Countries by their schema name (ACLED's English one) and the language's own names and
    adjectives: what may follow "forces of"."""
    from events import schema
    names = {" ".join(fold(c.name).split()): c.name for c in schema.countries()}
    names.update(nationality)
    return names


def _country_after(text: str, end: int, limit: int, tabs: Tables, leads: tuple[str, ...] | None = None
                   ) -> tuple[str, int, int] | None:
    """'military forces' + ' of Armenia', 'police' + ' of the Philippines': the state whose force
    it is, named after it; the country and where its name ends and starts."""
    rest = fold(text[end:min(limit, end + 60)])
    for lead in tabs.country_after if leads is None else leads:
        m = re.match(r"\s+" + r"\s+".join(map(re.escape, lead.split())) + r"\s+", rest)
        if m is None:
            continue
        words = list(re.finditer(r"[\w'.-]+", rest[m.end():]))[:4]
        for n in range(len(words), 0, -1):
            name = " ".join(w.group().rstrip(".") for w in words[:n])
            if name in tabs.country_names and text[end + m.end() + words[0].start()].isupper():
                return tabs.country_names[name], end + m.end() + words[n - 1].end() - \
                    (1 if words[n - 1].group().endswith(".") and not name.endswith(".") else 0), \
                    end + m.end() + words[0].start()
    return None


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b])) if b > a else 0


def _extend_right(text: str, end: int, limit: int, tabs: Tables) -> int:
    """'milisi' + ' yang bersekutu dengan Iran' (a relative clause, up to a stop word)."""
    rest = text[end:limit]
    words = list(_WORD.finditer(rest))
    if not words or fold(words[0].group()) not in tabs.relative or _CLAUSE_END.search(rest[:words[0].start()]):
        return end
    new_end = end + words[0].end()
    for n, w in enumerate(words[1:tabs.max_words + 1]):
        if _CLAUSE_END.search(rest[:w.start()][new_end - end:]) or fold(w.group()) in tabs.stop:
            break
        if n > 0 and len(w.group()) > 4 and fold(w.group()).startswith(tabs.verb_prefixes or ("\0",)):
            break       # "milisi yang didukung Iran | melancarkan serangan": the sentence's own verb
        new_end = end + w.end()
    return new_end if new_end > end + words[0].end() else end


def _own_name(text: str, end: int, limit: int, tabs: Tables) -> int:
    """'mahasiswa' + ' Unibos', 'Satgas' + ' Operasi Damai Cartenz': capitalised words right after
    a head noun name it (languages whose noun phrases put the head first)."""
    if not tabs.name_after_head:
        return end
    paren = re.match(r"\s*\([^\W\d_][\w-]{1,14}\)", text[end:limit])
    new_end = end + paren.end() if paren else end      # its abbreviation in brackets first
    end = new_end
    for n, w in enumerate(re.finditer(r"\s+([^\W\d_][\w'-]*)", text[end:limit])):
        if n >= tabs.name_after_head or w.start() != (new_end - end) or not w.group(1)[:1].isupper() \
                or fold(w.group(1)) in tabs.name_stop:
            break       # "Satgas Damai Cartenz | Brigadir Jenderal ...": a rank begins the officer's name
        new_end = end + w.end()
    return new_end


def _extend_left(text: str, start: int, floor: int) -> int:
    """'Iran-aligned' + ' militia', 'Shiite' + ' militia' (modifiers before an English noun)."""
    new_start = start
    for _ in range(2):
        m = _LAST_WORD_SPACE.search(text[floor:new_start])
        if not m:
            break
        word = m.group(1)
        first = floor + m.start(1) == floor
        if not re.search(r"\w", word):
            break           # a dash between words ("MEXICO CITY - Unknown gunmen"): a dateline's end
        if _HYPHENATED.search(word) or (word[:1].isupper() and not first):
            new_start = floor + m.start(1)
        else:
            break
    return new_start


def _modifier(text: str, end: int, limit: int, tabs: Tables) -> tuple[int, str] | None:
    """'demonstran' + ' antipemerintah', 'milisi' + ' pro-pemerintah': a word after the head that
    says what side or cause the actor takes (languages whose noun phrases put the head first);
    its end and its English reading."""
    if not tabs.modifiers:
        return None
    m = re.match(r"\s+([\w-]+)", text[end:limit])
    english = tabs.modifiers.get(fold(m.group(1))) if m else None
    return (end + m.end(), english) if english else None


def gloss(phrase: str, language: str | None) -> str:
    """An English reading of a speaker phrase when every word is in the glossary.

    >>> gloss("juru bicara kedutaan AS", "id")
    'US embassy spokesperson'
    """
    tabs = tables(language)
    folded = fold(phrase)
    matches = tabs.gloss.find(phrase, folded)
    covered = [False] * len(phrase)
    for m in matches:
        covered[m.start:m.end] = [True] * (m.end - m.start)
    unknown = [w for w in _WORD.finditer(phrase) if not all(covered[w.start():w.end()])]
    fixed: list = []
    for w in unknown:       # a typo of a known word ("keduataan") still reads
        near = _near_word(fold(w.group()), tabs)
        if near is None:
            return phrase
        fixed.append((w.start(), near))
    pieces = sorted([(m.start, m.value[0]) for m in matches] + fixed)
    words = [p for _, p in pieces if p]
    if not words:
        return phrase
    return " ".join(reversed(words)) if tabs.head_first else " ".join(words)


def _near_word(word: str, tabs: Tables) -> str | None:
    if len(word) < 6:
        return None
    for key, value in tabs.glossary:
        if " " not in key and abs(len(key) - len(word)) <= 1 and _edit1(key, word):
            return value
    return None


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _speaker(text: str, sent, marks: list, tabs: Tables) -> tuple[str, int, int] | None:
    """The speaker of a sentence: 'menurut X,' / 'according to X,' / 'X said'."""
    for m in marks:
        kinds = {v[0] for v in m.value}
        kind = "speaker_before" if "speaker_before" in kinds else "speaker_after"
        if "speaker_nouns" in kinds:          # the noun is part of who spoke: "juru bicara kedutaan AS"
            rest = text[m.start:sent.end]
            cut = _CLAUSE_END.search(rest)
            words = list(_WORD.finditer(rest[:cut.start()] if cut else rest))[:8]
            s, e = m.start + words[0].start(), m.start + words[-1].end()
            return text[s:e].rstrip("."), s, e
        if len(kinds & {"speaker_before", "speaker_after"}) == 2:     # "said": "X said" or "..., said X"
            clause = re.split(r"[,;:\"“”]", text[sent.start:m.start])[-1]
            kind = "speaker_after" if clause.strip() else "speaker_before"
        if kind == "speaker_before":
            rest = text[m.end:sent.end]
            cut = _CLAUSE_END.search(rest)
            span = rest[:cut.start()] if cut else rest
            words = list(_WORD.finditer(span))[:8]
            if words:
                s, e = m.end + words[0].start(), m.end + words[-1].end()
                return text[s:e].rstrip("."), s, e
        elif kind == "speaker_after":
            before = text[sent.start:m.start]
            cut = max(before.rfind(c) for c in ",;:\"“”")
            span_start = sent.start + cut + 1
            words = list(_WORD.finditer(text[span_start:m.start]))[-6:]
            if words:
                s = span_start + words[0].start()
                e = span_start + words[-1].end()
                return text[s:e], s, e
    return None


def _acled_for_group(key: str) -> tuple[str | None, int, str]:
    group = groups()["groups"][key]
    name = group["acled"] if "{country}" not in group["acled"] else None
    return name, int(group["inter"]), group["name"]


def find(text: str, sentences: list, language: str | None, triggers: list | None = None,
         floor: int = 0) -> tuple[list[Actor], list[Claim]]:
    """Actors and claims of a text split into sentences; nothing before `floor` (the end of
    a dateline, "Jakarta, CNN Indonesia --") is read as a speaker."""
    tabs = tables(language)
    kinds = groups()["kinds"]
    matches = tabs.matcher.find(text, fold(text))
    by_sentence: dict[int, list] = {}
    starts = [s.start for s in sentences]
    si = 0
    for m in matches:
        while si + 1 < len(starts) and starts[si + 1] <= m.start:
            si += 1
        by_sentence.setdefault(si, []).append(m)
    trig_by_sentence: dict[int, list] = {}
    for t in triggers or []:
        trig_by_sentence.setdefault(t.sentence, []).append(t)
    actors: list[Actor] = []
    claims: list[Claim] = []
    named_before: Actor | None = None       # the group a later "the group claimed it" means
    for si in sorted(set(by_sentence) | {s for s in trig_by_sentence if 0 <= s < len(sentences)}):
        ms = by_sentence.get(si, [])      # a sentence with only an event word may still name its doer
        sent = sentences[si]
        sent_actors: list[Actor] = []
        used: set[int] = set()          # nationalities that belong to an actor word
        attrib = [m for m in ms if any(v[0] == "attribution" for v in m.value)]
        for i, m in enumerate(ms):
            tag = m.value[0]
            if tag[0] == "community":
                if not sent_actors or m.start >= sent_actors[-1].end:
                    bare = _bare_community(text, sent, m, ms, i, sent_actors, trig_by_sentence.get(si, []), tabs)
                    if bare is not None:
                        sent_actors.append(replace(bare, sentence=si))
                continue
            if tag[0] not in ("actor", "group"):
                continue
            if sent_actors and m.start < sent_actors[-1].end:
                continue        # inside the name of the actor before ("Satuan Tugas (Satgas) ...")
            side = _PREFIX_DASH.search(text[max(0, m.start - 12):m.start])
            if side is not None and fold(side.group(1)) in tabs.against_prefixes:
                continue        # "anti-Houthi forces", "milisi anti-ISIS": the group's enemies, not the group
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            prv = ms[i - 1] if i > 0 else None
            country = tag[3] if tag[0] == "actor" and len(tag) > 3 else None     # a state's force by its name
            for other in (nxt, prv):     # "pasukan AS", "US troops", "forces of Myanmar"; not "pro-Russian"
                gap = fold(text[min(m.end, other.end):max(m.start, other.start)]).strip() if other else None
                compound = other is not None and other.start > 0 and text[other.start - 1] == "-"
                if other is not None and other.value[0][0] == "nationality" and gap in ("", "of") and not compound:
                    country = other.value[0][1]
                    used.add(other.start)
            start, end = m.start, m.end
            of_country = None
            if tag[0] == "actor" and tag[1] in _STATE_KINDS and tabs.country_after and \
                    (country is None or nxt is not None and nxt.start in used):
                of_country = _country_after(text, m.end, sent.end, tabs)
                if of_country is not None:      # "military forces of Armenia": its name is part of the actor
                    country = of_country[0]
            if tag[0] == "group":
                acled, inter, label = _acled_for_group(tag[1])
                kind, named, role = "group", True, "perpetrator"
            else:
                kind, label = tag[1], tag[2]
                spec = kinds[kind].get("by_label", {}).get(label, kinds[kind])     # "gang", "communal militia"
                acled, inter, named, role = None, int(spec["inter"]), False, kinds[kind]["role"]
                end = _extend_right(text, end, sent.end, tabs)
                if end == m.end and not sent.text.isupper():
                    following = [x.start for x in ms[i + 1:] if x.start >= end]
                    limit = following[0] if following else sent.end
                    paren = re.match(r"\s*\([^()]{1,15}\)", text[end:sent.end])
                    if paren and limit < end + paren.end():      # "Satuan Tugas (Satgas) Operasi ..."
                        limit = next((f for f in following if f >= end + paren.end()), sent.end)
                    end = _own_name(text, end, limit, tabs)
                mod = _modifier(text, end, sent.end, tabs) if end == m.end else None
                if mod is not None:             # "demonstran antipemerintah": anti-government protesters
                    end, label = mod[0], f"{mod[1]} {label}"
                if not tabs.head_first and not sent.text.isupper():
                    start = _extend_left(text, start, sent.start)
                    acronym = _CASED_BEFORE.search(text, max(sent.start, m.start - 12), m.start) \
                        if tabs.cased_aliases else None
                    key = tabs.cased_aliases.get(acronym.group(1)) if acronym else None
                    if key is not None and kind in ("armed", "rebels", "militia"):
                        start = min(start, acronym.start(1))
                        # "IS snipers": the group's acronym as written, then a word for its fighters
                        acled, inter, label = _acled_for_group(key)
                        kind, named, role = "group", True, "perpetrator"
                if of_country is not None and end == m.end:
                    end = of_country[1]
            prev = sent_actors[-1] if sent_actors else None
            if prev is not None and prev.named and tag[0] == "actor" and not text[prev.end:m.start].strip():
                # "Hizbul Mujahideen militants", "ISIS fighters": the group's own descriptor
                sent_actors[-1] = replace(prev, text=text[prev.start:m.end], end=m.end)
                if _is_victim(text, m.end, ms[i + 1:], tabs):
                    sent_actors[-1] = replace(sent_actors[-1], role="target")   # "ISIS fighters were killed"
                continue
            if kind in _STATE_KINDS and tabs.former and \
                    set(fold(text[max(sent.start, start - 25):start]).replace("-", " ").split()[-2:]) & tabs.former:
                kind, label, inter = "civilians", "civilians", int(kinds["civilians"]["inter"])    # "a former minister"
                role = kinds["civilians"]["role"]
            marked = _marked(text, m, ms[:i], tabs)
            if marked is None and kind in _STATE_KINDS and _demanded(text, m, ms[:i], tabs):
                marked = "mentioned"     # "demanding the resignation of the Prime Minister": no party to the event
            role = marked or _role(text, m, ms[:i], trig_by_sentence.get(si, []), role, tabs,
                                   end if of_country is not None else None)
            if not marked and role == "target" and kinds[kind]["role"] == "either" and \
                    _leads_operation(text, end, ms[i + 1:], tabs):
                role = "perpetrator"     # "the Military Police carried out an operation": the doer
            if not marked and role == "target" and kind == "civilians" and \
                    " ".join(fold(m.text).split()) in tabs.crowd_doers and \
                    _civilians_doing(text, start, end, ms[i + 1:], trig_by_sentence.get(si, []), tabs):
                role = "perpetrator"     # "villagers hacked a man to death": a crowd's violence
            if _is_victim(text, m.end, ms[i + 1:], tabs, trig_by_sentence.get(si, [])):
                role = "target"          # "petinggi ISIS tewas", "three soldiers were killed"
            if kind in ("police", "military", "government") and _is_source(text, m, ms, i):
                role = "source"          # "police said", "menurut polisi": who tells, not who fights
            actor = Actor(role=role, text=text[start:end], acled_name=acled, inter=inter, sentence=si,
                          start=start, end=end, kind=kind, label=label, country=country, named=named)
            if not marked and role == "perpetrator" and _object_of(text, actor, sent_actors,
                                                                   trig_by_sentence.get(si, []), tabs):
                actor = replace(actor, role="target")     # "troops shelled positions of the militia"
            sent_actors.append(actor)
            if of_country is not None and end == of_country[1]:
                more = _country_after(text, end, sent.end, tabs, tuple(tabs.coordinators))
                if more is not None and more[0] != country:     # "military forces of India and Pakistan"
                    sent_actors.append(replace(actor, text=text[m.start:m.end] + " of " + text[more[2]:more[1]],
                                               start=more[2], end=more[1], country=more[0]))
        sent_actors = _coordinated(text, sent_actors, tabs)
        sent_actors = _named_again(sent_actors)
        for j in range(len(sent_actors) - 1):     # "Kikuyu and Maasai communities": one role for both
            a, b = sent_actors[j], sent_actors[j + 1]
            if a.kind == "group" and b.kind == "group" and a.end < b.start and \
                    " ".join(fold(text[a.end:b.start]).split()) in tabs.joined_by:
                sent_actors[j] = replace(a, role=b.role)
        sent_actors.extend(_national_forces(text, si, ms, used, trig_by_sentence.get(si, []), kinds, sent, tabs))
        unlisted = _unlisted_groups(text, sent, si, ms, sent_actors, tabs, trig_by_sentence.get(si, []))
        sent_actors = sorted([a for a in sent_actors if not any(u.start <= a.start and a.end <= u.end
                                                                for u in unlisted)] + unlisted,
                             key=lambda a: a.start)
        if sent.start < floor < sent.end:
            sent = type(sent)(floor, sent.end, text[floor:sent.end])
        if named_before is not None:
            sent_actors = _resolve_definite(text, sent_actors, named_before, tabs)
        found = _claims(text, sent, si, ms, sent_actors, attrib, tabs, language, named_before,
                        bool(trig_by_sentence.get(si)))
        named_before = next((a for a in reversed(sent_actors) if a.named and a.role == "perpetrator"), named_before)
        # "troops killed three suspected al-Shabaab militants": the suspects are the state's targets
        state_acts = any(a.role == "perpetrator" and a.kind in ("police", "military") for a in sent_actors)
        found = [c for c in found if not (state_acts and c.status == "attributed" and any(
            c.group in (a.text, a.label) and a.role == "target" for a in sent_actors))]
        for c in found:           # the blamed group is the perpetrator ("blamed the attack on X")
            if c.status == "attributed":
                sent_actors = [replace(a, role="perpetrator") if c.group in (a.text, a.label) else a
                               for a in sent_actors]
        actors.extend(sent_actors)
        claims.extend(found)
    return actors, claims


_NAME_WORD = re.compile(r"[^\W_][\w'’.&-]*|\(|\)|,|-")


def _unlisted_groups(text: str, sent, si: int, ms: list, known: list[Actor], tabs: Tables,
                     triggers: list | None = None) -> list[Actor]:
    """Groups in no list, by the shape of their name where the words around say a group stands
    there: "suspected members of the Chicano Liberation Front", "an organization calling itself
    Revolutionary Force 26", "The Armed Commandos of Liberation claimed credit", and a name
    with a rebel word as the subject of an event verb ("The Red Hand Front bombed ...")."""
    if sent.text.isupper() or not tabs.name_inner:
        return []
    out: list[Actor] = []
    spans: list[tuple[int, int]] = []
    named_spans: set = set()        # names a "calling itself", "members of" put there: no preposition test
    for m in ms:
        kinds = {v[0] for v in m.value}
        if "group_before" in kinds:
            spans.append(_name_after(text, m.end, sent.end, tabs))
            named_spans.add(spans[-1])
        elif kinds & {"claimed", "claimed_weak"}:
            spans.append(_name_before(text, sent.start, m.start, tabs))
    for t in triggers or []:
        span = _subject_name(text, sent.start, t.start, tabs)
        if span is not None:
            spans.append(span)
    for span in spans:
        if span is None or any(a.start < span[1] and span[0] < a.end and (a.named or a.start < span[0] or
                                                                          a.end > span[1]) for a in known + out):
            continue          # a listed group, or an actor word reaching outside the name
        before = _LAST_WORD.search(text[sent.start:span[0]])
        if before is not None and fold(before.group(1)) in tabs.object_before and span not in named_spans:
            continue          # "a statement on TV claimed": the name is the object of a preposition
        # an actor word inside the name ("Laskar Fajar Merah", "Popular Liberation Army") is part of it
        name = text[span[0]:span[1]]
        inner = tabs.matcher.find(name, fold(name))
        if any(v[0] == "nationality" for x in inner for v in x.value) and \
                any(v[0] == "actor" and v[1] in ("police", "military", "government") for x in inner for v in x.value):
            continue          # "members of the Nigerian Army": the state's forces, not a group
        if any(x.start == 0 and x.end == len(name) and any(v[0] == "actor" and v[1] in ("police", "military", "government")
                                                          for v in x.value) for x in inner):
            continue          # "members of the Revolutionary Guard": a state force's own word is the whole name
        rebel = any(fold(w) in tabs.rebel_words for w in re.findall(r"[\w']+", name))
        if any(a.start == span[0] for a in out):
            continue
        out.append(Actor("perpetrator", name, name, 2 if rebel else 3, si, span[0], span[1], kind="group",
                         label=name, named=True))
    return out


_FORCES = ("police", "military", "government", "armed", "rebels", "militia", "group")
_STATE_KINDS = ("police", "military", "government")


def _coordinated(text: str, found: list[Actor], tabs: Tables) -> list[Actor]:
    """"Satuan Tugas Operasi Damai Cartenz bersama Polres Nabire menangkap ...", "Police and
    soldiers raided ...": forces joined by a coordinator share the doer's role the verb gave."""
    out = list(found)
    for j in range(len(out) - 1, 0, -1):
        first, second = out[j - 1], out[j]
        between = " ".join(fold(text[first.end:second.start]).split())
        if between in tabs.coordinators and first.kind in _FORCES and second.kind in _FORCES \
                and second.role == "perpetrator" and first.role == "target":
            out[j - 1] = replace(first, role="perpetrator")
    return out


def _named_again(found: list[Actor]) -> list[Actor]:
    """"Troops repelled an attack by Taliban militants, killing six militants": the group's own
    descriptor again, later in the sentence, is the group named before it."""
    out: list[Actor] = []
    for a in found:
        if not a.named and a.kind in ("armed", "rebels", "militia"):
            head = " ".join(fold(a.text).split())
            same = next((b for b in reversed(out) if b.named and b.kind == "group" and b.end <= a.start
                         and " ".join(fold(b.text).split()).endswith(" " + head)), None)
            if same is not None:
                a = replace(a, kind="group", acled_name=same.acled_name, inter=same.inter, label=same.label,
                            country=same.country, named=True)
        out.append(a)
    return out


def _resolve_definite(text: str, found: list[Actor], named_before: Actor, tabs: Tables) -> list[Actor]:
    """"A member of the Black Liberation Army stopped a patrol car. ... the perpetrator stabbed
    the officer": a definite description of the doers, with no group named before it in its own
    sentence, is the group an earlier sentence named."""
    out: list[Actor] = []
    for a in found:
        prev = _LAST_WORD.search(text[max(0, a.start - 30):a.start])
        nxt = _NEXT_WORD.match(text[a.end:a.end + 30])
        definite = (prev is not None and fold(prev.group(1)) in tabs.definite_before) or \
            (nxt is not None and fold(nxt.group(1)) in tabs.definite_after)
        if a.role == "perpetrator" and not a.named and a.kind in ("armed", "rebels", "militia") and definite \
                and not any(b.named and b.role == "perpetrator" for b in out):
            a = replace(a, kind="group", acled_name=named_before.acled_name, inter=named_before.inter,
                        label=named_before.label, country=named_before.country, named=True)
        out.append(a)
    return out


def _subject_name(text: str, floor: int, verb: int, tabs: Tables) -> tuple[int, int] | None:
    """A capitalised name holding a rebel word ("Front", "Liberation", "Brigade") right before an
    event word, or before its verb and article ("The Red Hand Front threw a firebomb"); a word
    that also names state forces ("Army") is not enough ("Pakistan Army shelled")."""
    ends = [verb]
    for w in reversed(list(_WORD.finditer(text, max(floor, verb - 60), verb))[-2:]):
        if not w.group()[:1].islower() or fold(w.group()) in tabs.passive_words:
            break
        ends.append(w.start())
    for end in ends:
        if _CLAUSE_END.search(text[end:verb]):
            return None
        span = _name_before(text, floor, end, tabs)
        if span is None:
            continue
        name = text[span[0]:span[1]]
        state = {fold(x.text) for x in tabs.matcher.find(name, fold(name))
                 if any(v[0] == "actor" and v[1] in ("police", "military", "government") for v in x.value)}
        if any(fold(w) in tabs.rebel_words and fold(w) not in state for w in re.findall(r"[\w']+", name)):
            return span
    return None


def _valid_name(words: list, tabs: Tables) -> bool:
    caps = [w for w in words if w[:1].isupper()]
    acronym = any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words)
    return bool(words) and fold(words[0]) not in tabs.not_names and (len(caps) >= 2 or acronym)


def _name_after(text: str, start: int, end: int, tabs: Tables) -> tuple[int, int] | None:
    """The capitalised name that starts at `start`, with its acronym in brackets after it."""
    words, last = [], None
    for m in _NAME_WORD.finditer(text, start, end):
        if text[last or start:m.start()].strip():
            break
        w = m.group()
        if w[:1].isupper() or (words and (w[:1].isdigit() or fold(w) in tabs.name_inner)):
            words.append((w, m.start(), m.end()))
            last = m.end()
        elif fold(w) in tabs.name_inner and not words and fold(w) not in ("-",):
            last = m.end()              # "members of the" + "the": a leading article
        else:
            break
    while words and (fold(words[-1][0]) in tabs.name_inner):
        words.pop()
    if not words or not _valid_name([w[0] for w in words], tabs):
        return None
    s, e = words[0][1], words[-1][2]
    if text[e - 1] == "." and not re.search(r"\b\w\.\w+\.$|^\w\.$", words[-1][0]):
        e -= 1          # "... of the Coastal Liberation Front.": the full stop ends the sentence (not "U.S.")
    acr = re.match(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)", text[e:end])
    return (s, e + acr.end()) if acr else (s, e)


def _name_before(text: str, floor: int, end: int, tabs: Tables) -> tuple[int, int] | None:
    """The capitalised name that ends right before `end` ("The Armed Commandos of Liberation | claimed")."""
    last = _LAST_TOKEN.search(text[max(floor, end - 40):end])
    if last is None or not (last.group(1).isupper() or last.group(1).isdigit() or last.group(1) in "()"):
        return None         # the word before is no part of a name: nothing to read back
    if end - floor > 240:   # a name is a few words: read back from a word boundary near the end
        floor = end - 240 + (text[end - 240:end].find(" ") + 1)
    words = [(m.group(), m.start(), m.end()) for m in _NAME_WORD.finditer(text, floor, end)]
    taken: list = []
    for w in reversed(words):
        if taken and text[w[2]:taken[0][1]].strip():
            break           # "4/2/1971: The ...": a date and its colon are not part of the name
        if w[0][:1].isupper() or w[0][:1].isdigit() or fold(w[0]) in tabs.name_inner or w[0] in ("(", ")"):
            taken.insert(0, w)
        else:
            break
    while taken and (fold(taken[0][0]) in tabs.name_inner | tabs.not_names or taken[0][0] in ("(", ")")
                     or taken[0][0].isdigit()):
        taken.pop(0)
    while taken and fold(taken[-1][0]) in tabs.name_inner:
        taken.pop()
    plain = [w[0] for w in taken if w[0] not in ("(", ")")]
    if not taken or not _valid_name(plain, tabs) or text[taken[-1][2]:end].strip():
        return None
    return taken[0][1], taken[-1][2]


def _national_forces(text: str, si: int, ms: list, used: set[int], triggers: list, kinds: dict,
                     sent=None, tabs: Tables | None = None) -> list[Actor]:
    """'US air strike', 'serangan udara AS', 'Russian shelling': a nationality right next to an
    event word names the state that carried it out; so does a country that opens its sentence as
    the subject of an active verb of the attack ("Iran meluncurkan serangan rudal ke Israel")."""
    out = []
    for m in ms:
        if m.value[0][0] != "nationality" or m.start in used:
            continue
        if any((t.end <= m.start and not text[t.end:m.start].strip()) or
               (m.end <= t.start and not text[m.end:t.start].strip()) for t in triggers) or \
                (sent is not None and tabs is not None and _state_subject(text, sent, m, triggers, tabs)):
            out.append(Actor("perpetrator", m.text, None, int(kinds["military"]["inter"]), si, m.start, m.end,
                             kind="military", label="military", country=m.value[0][1]))
    return out


def _state_subject(text: str, sent, m, triggers: list, tabs: Tables) -> bool:
    """The country's name opens the sentence and an active verb follows it at once, with the
    event word a few words on ("Israel menyerang Gaza", "Rusia meluncurkan rudal"): a language
    that marks its verbs (`verb_prefixes`) tells the verb from the noun."""
    if not tabs.verb_prefixes or text[sent.start:m.start].strip():
        return False
    verb = re.match(r"\s+(\w+)", text[m.end:m.end + 30])
    if verb is None or len(verb.group(1)) <= 4 or not fold(verb.group(1)).startswith(tabs.verb_prefixes):
        return False
    launch = fold(verb.group(1)) in tabs.launch_verbs      # "meluncurkan ... serangan rudal"
    return any(t.start >= m.end and _words_between(text, m.end, t.start) <= (3 if launch else 0)
               and not _CLAUSE_END.search(text[m.end:t.start]) for t in triggers)


def _is_source(text: str, m, ms: list, i: int) -> bool:
    """The actor is the speaker: a speaker word right after it ("police said") or right before
    it ("kata polisi", "according to officials")."""
    j = i + 1
    while j < len(ms) and ms[j].value[0][0] == "nationality":     # "pejabat Afghanistan mengatakan"
        j += 1
    nxt = ms[j] if j < len(ms) else None
    prv = ms[i - 1] if i > 0 else None
    if nxt is not None and any(v[0] == "accused" for v in nxt.value):
        return False             # "UPDF accused of bombing": the accused, not who speaks
    if nxt is not None and any(v[0] == "speaker_nouns" for v in nxt.value) and not text[m.end:nxt.start].strip() \
            and text[nxt.end:].lstrip()[:1].isupper():
        return True              # "by Italian Embassy spokesman Filip La Rosa": a person of it who spoke
    if nxt is not None and {v[0] for v in nxt.value} & {"speaker_after", "attribution"}:
        gap = text[m.end:nxt.start].split()
        if len(gap) <= 1 + (j - i - 1) * 2:
            return True
        if len(gap) <= 4 and all(w[:1].isupper() for w in gap):
            return True          # "Kepolisian Daerah Papua menyebut": the force's full name, then the verb
    return prv is not None and {v[0] for v in prv.value} & {"speaker_before", "speaker_nouns"} and \
        _words_between(text, prv.end, m.start) <= 1


def _is_victim(text: str, end: int, after: list, tabs: Tables, triggers: list = ()) -> bool:
    """A death or injury word follows the actor closely, with no other actor between, and no
    event verb the actor does first ("assailants stabbed and injured two students": the
    students are hurt, the assailants did it)."""
    for a in after:
        kind = a.value[0][0]
        if kind in ("actor", "group"):
            return False
        if kind == "victim_after" and a.start >= end:
            if any(end <= t.start and t.end <= a.start and _active(text, end, t, tabs) for t in triggers):
                return False
            return _words_between(text, end, a.start) <= tabs.role_window + 1
    return False


def _bare_community(text: str, sent, m, ms: list, i: int, before: list[Actor], triggers: list,
                    tabs: Tables) -> Actor | None:
    """A community's name with no word for its fighters ("Turkana raided ...", "suspected Pokot",
    "clashes between Borana and Gabra", "Kikuyu and Maasai communities") is that community's
    militia (or people) where the words around make it a party: the subject of an attack word, a
    suspect, one side of a fight, or joined to another community's party."""
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    partner = nxt is not None and nxt.value[0][0] in ("group", "community") and \
        "community" in groups()["groups"].get(nxt.value[0][1], {}) and \
        " ".join(fold(text[m.end:nxt.start]).split()) in tabs.joined_by
    joined = bool(before) and before[-1].kind == "group" and before[-1].end <= m.start and \
        " ".join(fold(text[before[-1].end:m.start]).split()) in tabs.joined_by
    lead = " ".join(fold(text[max(sent.start, m.start - 20):m.start]).split())
    suspect = any(lead == w or lead.endswith(" " + w) for w in tabs.bare_before)
    prev = re.search(r"([\w'-]+)\W*$", text[max(sent.start, m.start - 30):m.start])
    place = prev is not None and (fold(prev.group(1)) in tabs.object_before or
                                  prev.group(1)[:1].isupper() and not suspect)
    subject = m.value[0][0] == "community" and not place and any(     # not "Traders in Kisii protest"
        t.start >= m.end and _words_between(text, m.end, t.start) <= 1 and not _CLAUSE_END.search(text[m.end:t.start])
        and not re.search(r"\b[A-Z]", text[m.end:t.start]) and _active(text, m.end, t, tabs) for t in triggers)
    if not (partner or joined or suspect or subject):
        return None
    acled, inter, label = _acled_for_group(m.value[0][1])
    shown = m.text
    if partner and nxt.value[0][0] == "group":      # "Kikuyu and Maasai communities": "Kikuyu communities"
        own = groups()["groups"][nxt.value[0][1]]["community"]
        if fold(nxt.text).startswith(fold(own) + " "):
            shown = m.text + nxt.text[len(own):]
    role = before[-1].role if joined else "perpetrator"
    return Actor(role, shown, acled, inter, 0, m.start, m.end, kind="group", label=label, named=True)


DOER_GAP = 2      # words between civilians and the violent verb they are the subject of ("villagers then attacked")


def _civilians_doing(text: str, start: int, end: int, after: list, triggers: list, tabs: Tables) -> bool:
    """A crowd of civilians is the subject of a violent verb right after it, in the active voice
    and with an object ("a group of villagers killed a farmer", "warga mengeroyok pencuri"): they
    did it. Not when an event word comes before them in the sentence ("raiders killed three
    villagers, two children and wounded ..."), with another actor between ("residents said gunmen
    attacked"), nor a headline's participle ("civilians killed in shelling", "villagers attacked by
    bandits")."""
    if any(t.start < start for t in triggers):
        return False
    nearest = next((a.start for a in after if a.value[0][0] in ("actor", "group")), len(text))
    for t in triggers:
        if t.start < end:
            continue
        if t.start > nearest or t.event_type in ("Protests", "Strategic developments") or t.negated:
            return False
        if _words_between(text, end, t.start) > DOER_GAP or _CLAUSE_END.search(text[end:t.start]) or \
                not _active(text, end, t, tabs):
            return False
        if tabs.verb_prefixes and not fold(t.text).startswith(tabs.verb_prefixes):
            return False         # "warga menjadi sandera": a noun, no verb of theirs ("ditembak": `_active`)
        rest = text[t.end:t.end + 40]
        nxt = re.match(r"\s*([\w'-]+)", rest)
        return nxt is not None and not _CLAUSE_END.match(rest.lstrip()) and fold(nxt.group(1)) not in tabs.participle_after
    return False


def _leads_operation(text: str, end: int, after: list, tabs: Tables) -> bool:
    """An operation or raid phrase follows the actor closely ("police carried out a raid",
    "TNI menggelar operasi"), with no other actor between: the actor leads it."""
    for a in after:
        kind = a.value[0][0]
        if kind in ("actor", "group"):
            return False
        if kind == "doer_after" and a.start >= end:
            return _words_between(text, end, a.start) <= tabs.role_window and \
                not _CLAUSE_END.search(text[end:a.start])
    return False


def _demanded(text: str, m, before: list, tabs: Tables) -> bool:
    """The actor is what a demand or a fall is about ("demanding the resignation of the Prime
    Minister", "menuntut mundurnya bupati"): told, not acting or acted on."""
    for b in reversed(before):
        kind = b.value[0][0]
        if kind in ("actor", "group"):
            return False
        if kind == "mentioned_after":
            return _words_between(text, b.end, m.start) <= 2 and not _CLAUSE_END.search(text[b.end:m.start])
    return False


def _marked(text: str, m, before: list, tabs: Tables) -> str | None:
    """The role a marker word just before the actor gives ("against X", "by X"), if any."""
    for b in reversed(before):
        kind = b.value[0][0]
        if kind in ("actor", "group"):
            break                       # the marker belongs to the actor before this one
        if kind not in ("target_before", "perpetrator_before"):
            continue
        if _words_between(text, b.end, m.start) <= tabs.role_window and not _CLAUSE_END.search(text[b.end:m.start]):
            return "target" if kind == "target_before" else "perpetrator"
        break
    return None


def _active(text: str, subject_end: int, t, tabs: Tables) -> bool:
    """The event word is in the active voice after its subject ("fired", not "were fired on",
    "ditembak")."""
    word = fold(t.text)
    if len(word) > 4 and any(word.startswith(p) for p in tabs.passive_prefixes):
        return False
    return not set(fold(text[subject_end:t.start]).split()) & tabs.passive_words


def _object_of(text: str, actor: Actor, before: list[Actor], triggers: list, tabs: Tables) -> bool:
    """The actor is the object of an active event verb whose subject is another actor, in one
    clause: "Ukrainian forces fired mortars at positions of the militia", "Polisi menembak
    anggota kelompok itu": the one acted on, whatever its kind."""
    for t in triggers:
        if t.end > actor.start or _words_between(text, t.end, actor.start) > 6 or \
                _CLAUSE_END.search(text[t.end:actor.start]):
            continue
        for subject in reversed(before):
            if subject.role != "perpetrator" or subject.end > t.start:
                continue
            if _words_between(text, subject.end, t.start) <= 4 and not _CLAUSE_END.search(text[subject.end:t.start]) \
                    and _active(text, subject.end, t, tabs):
                return True
            break
    return False


def _role(text: str, m, before: list, triggers: list, default: str, tabs: Tables, end: int | None = None) -> str:
    prev_word = _LAST_WORD.search(text[max(0, m.start - 40):m.start])
    if default != "target" and prev_word and len(prev_word.group(1)) > 4 and \
            any(fold(prev_word.group(1)).startswith(p) for p in tabs.passive_prefixes):
        return "perpetrator"            # "diserang militer", "ditembak polisi": the agent of a passive
    if default != "either":
        return default
    end = m.end if end is None else end     # "military forces of Armenia | located at X fired"
    for t in triggers:           # "Polisi menembak ...", "Soldiers fired ..." : an active verb follows
        if t.start >= end and _words_between(text, end, t.start) <= 4:
            word = fold(t.text)
            between = set(fold(text[end:t.start]).split())
            passive = any(word.startswith(p) for p in tabs.passive_prefixes) or bool(between & tabs.passive_words)
            return "target" if passive else "perpetrator"
    return "target"


def _own_report(text: str, ms: list, sent_actors: list[Actor], tabs: Tables) -> tuple[Actor, object] | None:
    """A named group that speaks ("the FMLN reported", "TPNPB menyatakan") and, after its speaking
    word, its own forces ("its units", "pasukannya") or its own name again as the doer: the group
    reports its own act, which is a claim (the GTD and MUC-4 codebooks' "claimed or admitted")."""
    for i, m in enumerate(ms):
        if not any(v[0] == "speaker_after" for v in m.value):
            continue
        speaker = next((a for a in reversed(sent_actors) if a.end <= m.start), None)
        if speaker is None or not speaker.named or speaker.kind != "group" or \
                _words_between(text, speaker.end, m.start) > 2 or _CLAUSE_END.search(text[speaker.end:m.start].replace("(", "").replace(")", "")):
            continue
        for later in ms[i + 1:]:
            if any(v[0] == "own_forces" for v in later.value) and not any(
                    a.start > m.end and a.end <= later.start and a.kind not in ("group",) and a.kind != "civilians"
                    for a in sent_actors):
                return speaker, m         # no other force between: "its" is the speaker's
        again = next((a for a in sent_actors if a.start > m.end and a.named and a.label == speaker.label
                      and a.role == "perpetrator"), None)
        if again is not None:
            return speaker, m
    return None


def _passive_report(text: str, m, tabs: Tables) -> bool:
    """"A clash was reported in Tripoli": the event is reported, nobody is told speaking."""
    prev = _LAST_WORD.search(text, max(0, m.start - 20), m.start)
    return prev is not None and fold(prev.group(1)) in tabs.passive_words and \
        not any(v[0] == "speaker_nouns" for v in m.value)


def _claims(text: str, sent, si: int, ms: list, sent_actors: list[Actor], attrib: list,
            tabs: Tables, language: str | None, named_before: Actor | None = None,
            told_act: bool = True) -> list[Claim]:
    """Claims, denials, statements that nobody claimed, and attributions in one sentence; "the
    group" before a claim word is the group named in an earlier sentence (`named_before`)."""
    out: list[Claim] = []
    speakers = [m for m in ms if {v[0] for v in m.value} & {"speaker_before", "speaker_after", "speaker_nouns"}
                and not _passive_report(text, m, tabs)]
    negs = [m for m in ms if m.value[0][0] == "negation"]
    accused = [a for a in sent_actors if a.kind in ("group", "armed", "rebels", "militia")]
    for m in ms:
        kind = m.value[0][0]
        if kind in ("claimed", "claimed_weak"):
            negated = any(n.end <= m.start and _words_between(text, n.end, m.start) <= tabs.claim_window
                          for n in negs)
            strong = kind == "claimed"      # weak words ("claimed") need a named group
            before = [a for a in accused if a.end <= m.start]
            if not strong:
                nxt = _NEXT_WORD.match(text[m.end:m.end + 30])
                if nxt and fold(nxt.group(1)) in tabs.assertion_after:
                    continue        # "the ELN claims that the companies plunder": an assertion
                subject = next((a for a in reversed(sent_actors) if a.end <= m.start), None)
                if subject is not None and subject.kind in ("police", "military", "government"):
                    continue        # "the armed forces claimed they inflicted ...": states report, not claim
            if negated:
                if strong or not before or not before[-1].named:
                    out.append(Claim("no_claim", None, None, si, m.start, m.end, sent.text))
                continue
            named = [a for a in before if a.named] or ([a for a in accused if a.named] if strong else [])
            if not named and not before and named_before is not None and any(
                    a.value[0][0] == "anaphora" and a.end <= m.start
                    and _words_between(text, a.end, m.start) <= tabs.claim_window for a in ms):
                named = [named_before]       # "... Islamic State militants attacked ... The group claimed it"
            if named or (strong and before):
                group = (named or before)[-1]
                out.append(Claim("claimed", group.label if group.named else group.text, None, si,
                                 m.start, m.end, sent.text))
            elif strong:            # "A GROUP CALLING ITSELF ... CLAIMED RESPONSIBILITY": a claim, by no known name
                out.append(Claim("claimed", None, None, si, m.start, m.end, sent.text))
        elif kind == "denied":
            named = [a for a in accused if a.named] or accused
            if named:
                out.append(Claim("denied", named[0].label if named[0].named else named[0].text, None, si,
                                 m.start, m.end, sent.text))
    if not any(c.status == "claimed" for c in out):
        own = _own_report(text, ms, sent_actors, tabs)
        if own is not None:         # "the FMLN reported that its units attacked ...": the group tells its own act
            out.append(Claim("claimed", own[0].label, None, si, own[1].start, own[1].end, sent.text))
    if not attrib and speakers and not out and any(a.named and a.role == "perpetrator" for a in sent_actors):
        attrib = speakers[:1]       # "police said the attack was carried out by the Taliban"
    if attrib and not any(c.status == "claimed" for c in out):
        cue = attrib[0]
        after = [a for a in sent_actors if a.start >= cue.start]
        suspects = [a for a in sent_actors if a.role == "perpetrator" and a.kind in ("group", "armed", "rebels", "militia")]
        # "militan Al Shabaab menyerang ..., kata polisi": the group's name, not the word before it
        blamed = [a for a in after if a.named] or [a for a in suspects if a.start >= cue.start] or \
            [a for a in suspects if a.named] or suspects
        if any(v[0] == "accused" for v in cue.value):       # "X accused of ...": X, right before the cue
            blamed = [a for a in sent_actors if a.end <= cue.start and _words_between(text, a.end, cue.start) <= 2
                      and not _CLAUSE_END.search(text[a.end:cue.start])][-1:]
        blamed = [a for a in blamed if " ".join(fold(a.text).split()) not in tabs.unnamed_doers]
        if not told_act:        # "it is believed the man supplied militant groups": no act is blamed on them
            blamed = [a for a in blamed if a.named]
        # "pelaku diduga menggunakan senpi", "the attackers are believed to have fled": blame names someone
        if blamed:
            spk = _speaker(text, sent, sorted(speakers, key=lambda s: abs(s.start - cue.start)), tabs)
            by = gloss(spk[0], language) if spk else None
            if by is None:
                others = [a for a in sent_actors if a.role != "perpetrator" and a.kind in
                          ("police", "military", "government")]
                by = others[0].label if others else None
            group = blamed[0]
            out.append(Claim("attributed", group.label if group.named else group.text, by, si,
                             cue.start, cue.end, sent.text))
    return out


def run(doc: Doc) -> None:
    """Set findings['actors'] = {'actors': [...], 'claims': [...]}."""
    dateline = doc.findings.get("dateline")
    floor = getattr(dateline, "end", None) or 0
    actors, claims = find(doc.article.text, doc.sentences, doc.language,
                          doc.findings.get("event_types", []), floor)
    doc.findings["actors"] = {"actors": actors, "claims": claims}
