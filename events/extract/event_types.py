"""Stage `event_types`: words that report an event, typed as ACLED sub-event types.

One `Matcher` pass per article over the language's `triggers.toml` (whatever the case, so
upper-case wire copy works). Each match becomes a `Trigger` with the ACLED sub-event type,
its event and disorder type (from `events.schema.taxonomy()`), GTD attack and weapon types,
and two flags read from the words just before it in the same sentence: `negated` ("tidak
ada ledakan", "no explosion") and `hypothetical` ("akan menyerang", "bomb threat", "could
attack"). A violent or strategic word told as what a crowd protests about ("protested
against the killing of", "menuntut pembebasan ... yang ditangkap") is no event of its own: after
a protest word in the same sentence, a `grievance` modifier before it makes it hypothetical.
Which mention wins for an incident is `assemble`'s job (`rank` helps it).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from events import lang, schema
from events.findings import Trigger
from events.matcher import Matcher, fold
from events.article import Doc

_WORD = re.compile(r"\w+(?:[-']\w+)*")
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_QUESTION = re.compile(r"\?[\s\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class TriggerWord:
    """One entry of triggers.toml: what a word means."""
    sub_event_type: str
    attack_type: str | None
    weapon_type: str | None
    civilian_targeting: bool
    generic: bool
    detonated: bool
    crowd: bool
    demonstration: bool = False     # the word names a demonstration turned violent ("riot", "kerusuhan")
    roadblock: bool = False         # the word tells a road closed by barricades ("barricaded the highway")
    own_act: bool = False           # a crowd's clash verb with its other side ("clashed with"): its own act
    ambush: bool = False            # an attack from hiding: whom it struck decides battle or attack


NOT_AN_EVENT = "not an event"      # value of a triggers.toml [not_events] phrase in the matcher


@dataclass(frozen=True)
class Tables:
    triggers: Matcher
    modifiers: Matcher
    window: int
    negation_window: int = 1
    grievance_window: int = 4
    demand_window: int = 12
    reason_window: int = 6
    pursuit_window: int = 8
    suspect_window: int = 2
    crowd_grievance_window: int = 2
    object_window: int = 1
    coordinators: frozenset[str] = frozenset()     # "and", "dan": before a verb, a new predicate ...
    verb_endings: tuple[str, ...] = ()             # ... told by these word endings ("stoned") ...
    verb_prefixes: tuple[str, ...] = ()            # ... or beginnings ("melempari")


def _topic(code: str, topic: str) -> dict:
    """A language's data file of `topic`, or nothing when the language has none."""
    return lang.load(code, topic) if topic in lang.topics(code) else {}


def fallback_languages(language: str | None, topic: str = "triggers") -> list[str]:
    """The language's own data, or every language's when it has none (names travel)."""
    if language in lang.languages():
        return [language]
    return [code for code in lang.languages() if topic in lang.topics(code)]


def _entries(code: str) -> list[tuple[list[str], TriggerWord]]:
    """The [[trigger]] entries of one language, checked against the ACLED and GTD names."""
    taxonomy = schema.taxonomy()
    gtd = schema.gtd_types()
    out = []
    for entry in lang.load(code, "triggers").get("trigger", []):
        sub = entry["sub_event_type"]
        if sub not in taxonomy.event_type_of:
            raise lang.LanguageDataError(f"{code}/triggers.toml: unknown sub_event_type {sub!r}")
        for key, allowed in (("attack_type", gtd["attack_types"]), ("weapon_type", gtd["weapon_types"])):
            if entry.get(key) is not None and entry[key] not in allowed:
                raise lang.LanguageDataError(f"{code}/triggers.toml: unknown {key} {entry[key]!r}")
        out.append((entry["words"], TriggerWord(
            sub, entry.get("attack_type"), entry.get("weapon_type"), bool(entry.get("civilian_targeting")),
            bool(entry.get("generic")), bool(entry.get("detonated")), bool(entry.get("crowd")),
            bool(entry.get("demonstration")), bool(entry.get("roadblock")), bool(entry.get("own_act")),
            bool(entry.get("ambush")))))
    return out


@cache
def tables(language: str | None) -> Tables:
    """Matchers built once per process and language."""
    words: list[tuple[str, TriggerWord]] = []
    modifiers: list[tuple[str, str]] = []
    window, negation_window, grievance_window, demand_window = 3, 1, 4, 12
    reason_window, pursuit_window, suspect_window = 6, 8, 2
    crowd_grievance_window = 2
    object_window = 1
    coordinators: set[str] = set()
    endings: list[str] = []
    prefixes: list[str] = []
    for code in fallback_languages(language):
        turn = lang.load(code, "triggers").get("modifiers", {}).get("coordinated_verb", {})
        coordinators.update(fold(w) for w in turn.get("coordinators", []))
        if turn:
            # how a verb looks has one home per language: casualties.toml [single] verb_suffixes
            # ("exploded"), actors.toml [actor_extension] verb_prefixes ("melempari")
            endings.extend(fold(w) for w in _topic(code, "casualties").get("single", {}).get("verb_suffixes", []))
            prefixes.extend(fold(w) for w in _topic(code, "actors").get("actor_extension", {}).get("verb_prefixes", []))
        for entry_words, tw in _entries(code):
            words.extend((w, tw) for w in entry_words)
        # phrases that hold an event word but tell no event ("harshly attacked the president",
        # "protested to the ambassador"): matched as longer words, then dropped with what they hold
        words.extend((w, NOT_AN_EVENT) for w in lang.load(code, "triggers").get("not_events", {}).get("words", []))
        mods = lang.load(code, "triggers").get("modifiers", {})
        window = int(mods.get("window", window))
        negation_window = int(mods.get("negation_window", negation_window))
        grievance_window = int(mods.get("grievance_window", grievance_window))
        demand_window = int(mods.get("demand_window", demand_window))
        reason_window = int(mods.get("reason_window", reason_window))
        pursuit_window = int(mods.get("pursuit_window", pursuit_window))
        suspect_window = int(mods.get("suspect_window", suspect_window))
        crowd_grievance_window = int(mods.get("crowd_grievance_window", crowd_grievance_window))
        object_window = int(mods.get("object_window", object_window))
        for key, kind in (("negation", "negated"), ("hypothetical", "hypothetical"), ("neutral", "neutral"),
                          ("hedge", "hedge"), ("grievance", "grievance"), ("demand", "demand"),
                          ("intent", "intent"), ("mourned", "mourned"), ("reason", "reason"),
                          ("pursuit", "pursuit"), ("suspect", "suspect"), ("protest_object", "protest_object")):
            modifiers.extend((w, kind) for w in mods.get(key, []))
    return Tables(Matcher(words), Matcher(modifiers), window, negation_window, grievance_window, demand_window,
                  reason_window, pursuit_window, suspect_window, crowd_grievance_window, object_window,
                  frozenset(coordinators), tuple(endings), tuple(prefixes))


@cache
def notables(language: str | None) -> Matcher:
    """Words naming a prominent person ("minister", "bupati", "party leader"; value "notable") and
    words saying at whom an attack was aimed ("targeting", "outside the residence of"; "aim"):
    an attack aimed at a notable is GTD's assassination; and carriers of people ("flight", "kapal";
    "carrier"), whose seizure is GTD's hijacking (triggers.toml [targets])."""
    words: list[tuple[str, str]] = []
    for code in fallback_languages(language):
        targets = lang.load(code, "triggers").get("targets", {})
        words.extend((w, "notable") for w in targets.get("notable", []))
        words.extend((w, "aim") for w in targets.get("aimed", []))
        words.extend((w, "carrier") for w in targets.get("carriers", []))
    return Matcher(words)


@cache
def target_words(language: str | None, key: str) -> Matcher:
    """The words of triggers.toml [targets] `key` in the language and its fallbacks, one matcher
    per (language, key), built once. The lists that type an event already found (none of them
    finds one): "communal" (the sides of a clash are ethnic, clan or tribal communities: identity
    militias, an armed clash), "off_duty" (police or soldiers not on duty are civilians),
    "mob_justice" (victims a crowd punishes by itself: mob violence), "firearms" (guns named
    beside shells: an armed assault), "people" (persons, not places: fire thrown at them is an
    armed assault, not a facility attack)."""
    words: list[tuple[str, str]] = []
    for code in fallback_languages(language):
        words.extend((w, key) for w in lang.load(code, "triggers").get("targets", {}).get(key, []))
    return Matcher(words)


@cache
def word_info(language: str | None) -> dict[str, TriggerWord]:
    """Folded trigger word -> its meaning (first entry wins), for tests and tools."""
    out: dict[str, TriggerWord] = {}
    for code in fallback_languages(language):
        for entry_words, tw in _entries(code):
            for w in entry_words:
                out.setdefault(" ".join(fold(w).split()), tw)
    return out


def names_demonstration(trigger: Trigger, language: str | None) -> bool:
    """The word itself names a crowd demonstrating violently ("riot", "rioters", "kerusuhan"):
    in the ACLED codebook a riot is a violent demonstration unless told as a mob's."""
    tw = word_info(language).get(" ".join(fold(trigger.text).split()))
    return bool(tw and tw.demonstration)


@cache
def _gathering_words(language: str | None) -> frozenset[str]:
    return frozenset(" ".join(fold(w).split()) for code in fallback_languages(language)
                     for w in lang.load(code, "triggers").get("targets", {}).get("gatherings", []))


def names_gathering(trigger: Trigger, language: str | None) -> bool:
    """The protest word names a gathering that voices no demand (a rally, a procession, a
    campaign: triggers.toml [targets] gatherings), where rival crowds brawling are a mob."""
    return " ".join(fold(trigger.text).split()) in _gathering_words(language)


GATHERING_DEMAND_WORDS = 6     # words from a gathering word to the demand it voices ("a rally of lawyers against")


def gathering_demands(trigger: Trigger, text: str, sentence_end: int, language: str | None) -> bool:
    """A demand told after the gathering word in its sentence ("a rally demanding the release of a
    leader", "pawai menolak kenaikan BBM"): the gathering is a demonstration after all."""
    after = text[trigger.end:sentence_end]
    return any(len(after[:m.start].split()) <= GATHERING_DEMAND_WORDS
               for m in target_words(language, "gathering_demand").find(after))


def blocks_road(trigger: Trigger, language: str | None) -> bool:
    """The word tells a road barricaded ("barricaded the highway", "membarikade jalan"): the
    codebook's road-blocking with barricades, a crowd's violent demonstration, but the police's
    own barricades when they are its subject."""
    tw = word_info(language).get(" ".join(fold(trigger.text).split()))
    return bool(tw and tw.roadblock)


def rank(trigger: Trigger) -> tuple[int, int, int]:
    """Sort key, lowest first: ACLED precedence of the event type, specific before generic,
    then the sub-event type's order in the codebook (suicide bomb before remote explosive), the
    catch-all strategic types last."""
    t = schema.taxonomy()
    subs = t.sub_event_types[trigger.event_type]
    index = subs.index(trigger.sub_event_type)
    if trigger.sub_event_type in CATCH_ALL:     # a troop movement told with an arson: the arson
        index += len(subs)
    return (t.precedence(trigger.event_type), int(is_generic(trigger)), index)


# the codebook's catch-all strategic developments: any other strategic word says more
CATCH_ALL = ("Change to group/activity", "Other")


def is_generic(trigger: Trigger) -> bool:
    return bool(getattr(trigger, "generic", False))


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def _has_span(spans: list[tuple[int, int]], span_starts: list[int], start: int, end: int) -> bool:
    """Some excluded span (a date) starts inside [start, end)."""
    i = bisect_left(span_starts, start)
    return i < len(spans) and spans[i][0] < end


def find(text: str, sentences: list, language: str | None,
         exclude: list[tuple[int, int]] = (), pursued: list[tuple[int, int]] | None = None,
         grieved_spans: list[tuple[int, int]] | None = None) -> list[Trigger]:
    """Triggers of a text split into `sentences` (objects with start/end); words inside the
    `exclude` spans (dates: "March 23", "3 May") are neither triggers nor modifiers. The spans of
    attack words told as what an arrest, a hunt, a funeral or a trial is about are appended to
    `pursued` when given (see `_pursued`)."""
    tabs = tables(language)
    folded = fold(text)

    spans = sorted(exclude)
    span_starts = [s for s, _ in spans]
    reach_ends = list(accumulate((e for _, e in spans), max))     # furthest end so far

    def kept(m) -> bool:                 # no excluded span overlaps m (bisect, not a scan)
        i = bisect_left(span_starts, m.end)
        return not (i and reach_ends[i - 1] > m.start)

    # overlapping, so "serangan bom bunuh diri" gives both "serangan bom" and "bom bunuh diri";
    # a match inside a longer one ("bom" in "bom bunuh diri") is dropped
    found = [m for m in tabs.triggers.find(text, folded, overlapping=True) if kept(m)]
    matches, reach = [], -1        # drop words inside a longer match (one pass, not pairs)
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if m.end > reach or (matches and (matches[-1].start, matches[-1].end) == (m.start, m.end)):
            matches.append(m)
        reach = max(reach, m.end)
    matches = [m for m in matches if NOT_AN_EVENT not in m.value]
    if not matches:
        return []
    mods = [m for m in tabs.modifiers.find(text, folded) if kept(m)]
    mods.sort(key=lambda m: m.end)
    mod_ends = [m.end for m in mods]
    reach_words = max(tabs.window, tabs.negation_window, tabs.grievance_window, tabs.demand_window,
                      tabs.reason_window)
    starts = [s.start for s in sentences] or [0]
    t = schema.taxonomy()
    out: list[Trigger] = []
    grieved: set[int] = set()
    mourned_at: set[int] = set()        # violent words told of the dead a crowd gathers over
    crowd_words: set[int] = set()       # protest words, and riot words naming a demonstration
    questions: dict[int, bool] = {}
    reasons: dict[int, int] = {}        # trigger index -> start of the reason word told before it
    suspected: set[int] = set()         # triggers right after a suspect word ("accused of killing")
    for m in matches:
        tw: TriggerWord = m.value[0]
        si = _sentence_of(starts, m.start)
        sent_start = sentences[si].start if sentences else 0
        negated = grievance = mourned = False
        reason_at = None
        suspect = False
        # "students protesting against a new fee increase clashed with police": a crowd's clash
        # verb told a few words after what it protests about is the crowd's own act; a clash
        # protested about stands right after the grievance word ("against the clash with police")
        # or in a clause of its own ("against the trial of youths who clashed with")
        own_window = tabs.crowd_grievance_window if tw.own_act else None
        # "demanding the release of a student, detained under the act": an arrest word right after
        # a comma describes who is demanded free (a crowd arrests nobody)
        described = tw.sub_event_type == "Arrests" and text[max(sent_start, m.start - 2):m.start] == ", "
        # "protested over new fees and stoned a building": a violent verb joined by "and" is the
        # crowd's next act, out of reach of what it protests about (no arrest word: "demanding the
        # release of accused and detained journalists")
        turned = (t.event_type_of[tw.sub_event_type] != "Strategic developments"
                  or tw.sub_event_type == "Looting/property destruction") and _coordinated_verb(text, sent_start, m, tabs)
        relative = False
        # "What do you think about kidnappings?": a question reports nothing, unless it tells a
        # date of its own ("... the bombs that went off yesterday?")
        if si not in questions:          # once per sentence: a long one holds many triggers
            questions[si] = bool(sentences) and _QUESTION.search(text, sentences[si].start, sentences[si].end) \
                is not None and not _has_span(spans, span_starts, sentences[si].start, sentences[si].end)
        hypothetical = questions[si]
        for mi in range(bisect_right(mod_ends, m.start) - 1, -1, -1):   # nearest first
            mod = mods[mi]
            if mod.start < sent_start:
                break
            gap = len(_WORD.findall(text[mod.end:m.start]))
            if gap > reach_words:
                break
            # a relative word nearer the clash than the grievance word opens a clause of its own
            relative |= "reason" in mod.value and "grievance" not in mod.value and "demand" not in mod.value
            # how far a protest word makes a crowd's clash verb what is protested about
            reaches = own_window is None or relative or gap <= own_window
            # "(date not reported) clashes took place": a negation does not reach past a clause break
            negated |= "negated" in mod.value and gap <= tabs.negation_window and \
                not _CLAUSE_BREAK.search(text[mod.end:m.start])
            # "protested over power cuts, barricading roads": what the crowd protests about ends
            # at its clause; what they did after the comma is their own act
            grievance |= "grievance" in mod.value and gap <= tabs.grievance_window and reaches and not turned and \
                not _CLAUSE_BREAK.search(text[mod.end:m.start - 2 if described else m.start])
            grievance |= "protest_object" in mod.value and gap <= tabs.object_window    # "protested the arrest of"
            # "relatives of three farmers killed in a land dispute marched to the governor's
            # office": the dead the crowd gathers over, wherever its protest word stands
            mourned |= "mourned" in mod.value and gap <= tabs.grievance_window
            # "arrested three men suspected of last week's ambush": the nearest reason word
            if reason_at is None and "reason" in mod.value and gap <= tabs.reason_window:
                reason_at = mod.start
            suspect |= "suspect" in mod.value and gap <= tabs.suspect_window
            # "demanding punishment for those behind the earlier clash": a demand reaches to the
            # end of its clause, however long the phrase of what is demanded
            grievance |= "demand" in mod.value and gap <= tabs.demand_window and reaches and not turned and \
                not _CLAUSE_BREAK.search(text[mod.end:m.start - 2 if described else m.start])
            # "threatened to carry out their bombings", "requested the arrest of": what is
            # threatened or asked for, to the end of its clause, has not happened
            hypothetical |= "intent" in mod.value and gap <= tabs.demand_window and \
                not _CLAUSE_BREAK.search(text[mod.end:m.start])
            if gap <= tabs.window and not _CLAUSE_BREAK.search(text[mod.end:m.start]):
                # "threatened the villagers, then torched two houses": the threat ends at the comma
                # "pedagang memprotes pungutan bentrok dengan polisi": a protest word is what is
                # protested ("menolak kekerasan") only as far as its grievance reaches a crowd's clash
                protested = reaches or not ("grievance" in mod.value or "demand" in mod.value)
                hypothetical |= "hypothetical" in mod.value and protested or ("hedge" in mod.value and gap == 0)
        out.append(Trigger(
            sub_event_type=tw.sub_event_type, event_type=t.event_type_of[tw.sub_event_type],
            disorder_type=t.disorder_type_of[tw.sub_event_type], sentence=si, start=m.start,
            end=m.end, text=m.text, attack_type=tw.attack_type, weapon_type=tw.weapon_type,
            civilian_targeting=tw.civilian_targeting, negated=negated, hypothetical=hypothetical,
            generic=tw.generic, detonated=tw.detonated, crowd=tw.crowd, ambush=tw.ambush))
        if grievance:
            grieved.add(len(out) - 1)
        if mourned:
            mourned_at.add(len(out) - 1)
        # "searching for the gunmen who attacked a village on Friday clashed with them": a reason
        # clause's own verb is the word right after its reason word, not a later one
        if reason_at is not None and not (len(out) > 1 and out[-2].start >= reason_at):
            reasons[len(out) - 1] = reason_at
        # "Jenazah dua petani yang tewas diserang ... dimakamkan Sabtu", "the bodies of five
        # soldiers killed in the ambush were buried": the dead a funeral is held for, with its
        # pursuit word after them, are told of as suspects' crimes are
        if suspect or mourned:
            suspected.add(len(out) - 1)
        if out[-1].event_type == "Protests" or tw.demonstration:
            crowd_words.add(len(out) - 1)
    pursuit_mods = [m for m in mods if "pursuit" in m.value]
    suspects: list[tuple[int, int]] = []
    out = _suspected(text, out, suspected, pursuit_mods, starts, suspects)
    # an attack pursued as the suspects' carries the reason clause on ("... suspected of
    # carrying out the ambush that killed two soldiers")
    out = _pursued(text, out, reasons, pursuit_mods, starts, tabs.pursuit_window, pursued, suspects)
    out = _grievances(out, grieved, crowd_words, mourned_at)
    if pursued is not None:
        pursued.extend(suspects)
        pursued.sort()
    if grieved_spans is not None:
        # "protested against the killing of their colleague on Wednesday": what a crowd protests
        # about is told with its own date and toll, not the protest's
        grieved_spans.extend(sorted((t.start, t.end) for i, t in enumerate(out) if i in grieved and t.hypothetical
                                    and t.event_type != "Protests"))
    return out


# what an arrest, a hunt, a funeral or a trial is about is no event of that sentence
PURSUIT_TYPES = ("Arrests",)
NOT_PURSUED = ("Arrests", "Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def _pursued(text: str, found: list[Trigger], reasons: dict[int, int], pursuit_mods: list,
             starts: list[int], pursuit_window: int,
             spans: list[tuple[int, int]] | None = None,
             anchors: list[tuple[int, int]] = ()) -> list[Trigger]:
    """'Police arrested three men suspected of last week's ambush', 'polisi memburu pelaku yang
    menyerang dua petani', 'mourners attended the funeral of a journalist who was shot dead': an
    attack told after an arrest, a hunt, a funeral or a trial word and a reason word ("suspected
    of", "who", "pelaku", "yang") is why the act was done, told as background, not an event of its
    own: it is made hypothetical (the act itself, an arrest, stays the sentence's event)."""
    if not reasons:
        return found
    # the ends of pursuit words, sorted: arrest triggers and [modifiers] pursuit words
    ends = sorted([t.end for t in found if t.sub_event_type in PURSUIT_TYPES] + [m.end for m in pursuit_mods]
                  + [e for _, e in anchors])
    if not ends:
        return found
    out = list(found)
    for i in sorted(reasons):           # text order: an attack pursued carries the chain on
        at, t = reasons[i], found[i]
        if t.hypothetical or t.negated or t.sub_event_type in NOT_PURSUED:
            continue
        k = bisect_right(ends, at) - 1
        if k < 0:
            continue
        sent_start = starts[_sentence_of(starts, t.start)]
        if ends[k] < sent_start or len(_WORD.findall(text[ends[k]:at])) > pursuit_window \
                or ";" in text[ends[k]:at]:
            continue
        out[i] = replace(t, hypothetical=True)
        if spans is not None:
            spans.append((t.start, t.end))
        # "... suspected of last week's ambush in Patikul, Sulu, that killed two soldiers": what
        # the pursued attack did is told in a reason clause after it
        insort(ends, t.end)
    return out


@cache
def occasions(language: str | None) -> Matcher:
    """Words before a protest word that make it the occasion of what a crowd did ("during the
    rally", "amid demonstrations"): triggers.toml [voice] occasion_before."""
    words: list[tuple[str, str]] = []
    for code in fallback_languages(language):
        words.extend((w, "occasion") for w in lang.load(code, "triggers").get("voice", {}).get("occasion_before", []))
    return Matcher(words)


@cache
def other_clause(language: str | None) -> Matcher:
    """Words after a protest word that open another party's clause ("protested, saying the county
    had destroyed their stalls"): triggers.toml [voice] other_clause."""
    words: list[tuple[str, str]] = []
    for code in fallback_languages(language):
        words.extend((w, "other") for w in lang.load(code, "triggers").get("voice", {}).get("other_clause", []))
    return Matcher(words)


@cache
def passive(language: str | None) -> tuple[Matcher, tuple[str, ...]]:
    """Words between a doer and a verb that make the verb passive ("were attacked by"), and
    verb prefixes that do ("dipukuli"): triggers.toml [voice]."""
    words: list[tuple[str, str]] = []
    prefixes: list[str] = []
    for code in fallback_languages(language):
        voice = lang.load(code, "triggers").get("voice", {})
        words.extend((w, "passive") for w in voice.get("passive_between", []))
        prefixes.extend(fold(p) for p in voice.get("passive_prefixes", []))
    return Matcher(words), tuple(prefixes)


def _grievances(found: list[Trigger], grieved: set[int], crowd_words: set[int],
                mourned: set[int] = frozenset()) -> list[Trigger]:
    """'staged a protest against the killing of a student', 'menuntut pembebasan rekan mereka
    yang ditangkap', 'students rioted over the arrest of': after a protest word (or a riot word
    naming a demonstration), a killing, an arrest or an attack the crowd protests about is
    hypothetical (what the crowd wants dealt with, not what happened there and then). A violent word
    told of the dead the crowd gathers over ("relatives of three farmers killed in a land dispute
    held a protest") is so wherever the protest word stands in the sentence."""
    if not grieved and not mourned:
        return found
    protest_at: dict[int, int] = {}       # sentence -> start of its first protest word
    for i, t in enumerate(found):
        if i in crowd_words and not t.generic and not t.hypothetical and not t.negated:
            protest_at.setdefault(t.sentence, t.start)
    out = []
    for i, t in enumerate(found):
        if (i in grieved or i in mourned) and i not in crowd_words and t.event_type != "Protests" \
                and t.sentence in protest_at and (protest_at[t.sentence] < t.start or i in mourned):
            t = replace(t, hypothetical=True)
        out.append(t)
    return out


def _coordinated_verb(text: str, sent_start: int, m, tabs: Tables) -> bool:
    """The trigger is a verb right after a coordinator ("... and stoned", "... dan melempari")."""
    if not tabs.coordinators:
        return False
    before = text[max(sent_start, m.start - 24):m.start].split()
    first = fold(m.text.split()[0]) if m.text.split() else ""
    if not before or fold(before[-1]) not in tabs.coordinators:
        return False
    return bool(tabs.verb_endings and first.endswith(tabs.verb_endings)
                or tabs.verb_prefixes and first.startswith(tabs.verb_prefixes))


def _suspected(text: str, found: list[Trigger], suspected: set[int], pursuit_mods: list,
               starts: list[int], spans: list[tuple[int, int]] | None = None) -> list[Trigger]:
    """'Two men accused of killing a trader were arrested on Friday', 'tersangka pembunuhan
    pedagang itu ditangkap': an attack right after a word naming its suspects ([modifiers]
    suspect), with an arrest, a hunt or a trial told after it in the same sentence or in the
    sentence before, is what the suspects are pursued for; so is one told of the dead ([modifiers] mourned: "jenazah", "the
    bodies of") that a funeral word after it buries."""
    if not suspected:
        return found
    later = sorted([t.start for t in found if t.sub_event_type in PURSUIT_TYPES and not t.negated]
                   + [m.start for m in pursuit_mods])
    out = list(found)
    for i in sorted(suspected):
        t = found[i]
        if t.hypothetical or t.negated or t.sub_event_type in NOT_PURSUED:
            continue
        k = bisect_left(later, t.end)
        si = _sentence_of(starts, t.start)
        end = starts[si + 1] if si + 1 < len(starts) else len(text)
        after = k < len(later) and later[k] < end and ";" not in text[t.end:later[k]]
        # "Police arrested three men on Friday. They are suspected of carrying out the ambush
        # ...": the arrest told in the sentence before
        j = bisect_left(later, starts[si]) - 1
        before = si > 0 and j >= 0 and later[j] >= starts[si - 1]
        if not (after or before):
            continue
        out[i] = replace(t, hypothetical=True)
        if spans is not None:
            spans.append((t.start, t.end))
    return out


def run(doc: Doc) -> None:
    """Set findings['event_types'] to the article's triggers, in text order.

    A word inside a date expression is not a trigger ("March 23" is no protest march).
    findings['pursued'] holds the spans of attack words told as what an arrest, a hunt, a
    funeral or a trial is about."""
    dates = [(d.start, d.end) for d in doc.findings.get("dates", [])]
    pursued: list[tuple[int, int]] = []
    grieved: list[tuple[int, int]] = []
    doc.findings["event_types"] = find(doc.article.text, doc.sentences, doc.language, dates, pursued, grieved)
    # attack words told as the reason of an arrest, a hunt, a funeral or a trial (`story` keeps
    # their dates and tolls off the sentence's event), and as what a crowd protests about
    # (`story` keeps the dates told after them off the protest)
    doc.findings["pursued"] = pursued
    doc.findings["grieved"] = grieved
