"""Reading a story: which sentences tell events, which are background, and how they group.

Used by the `assemble` stage (see its docstring for the conventions). A sentence *seeds* an
event when it has a trigger that is neither negated nor hypothetical and is specific, or is a
vague word backed by an armed actor or a casualty count, and it is not background (a cue from
`background.toml`, a historical date, or an undated sentence inside a historical passage).
Seeds join the latest event they can be one with (same day, compatible place and kind), else
start a new one; other sentences belong to the event told just before them.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from events import lang
from events.extract import event_types as et
from events.findings import Actor, Casualty, Claim, DateMention, Place, PlaceMention, Trigger
from events.geo.resolve import UNRIVALLED_CITY, WRITTEN_WITH_UNIT
from events.matcher import Matcher, fold
from events.article import Doc

LEAD_SENTENCES = 3
SAME_TOWN_KM = 10.0         # two names this close are one place (a town and its quarter)
NEAR_KM = 30.0              # ... and this close when one is given as "near" it
SURE_PLACE_SCORE = 8.5      # places.resolve score above which a lone town name is trusted
NEIGHBOUR_PLACE_SCORE = 7.0  # ... and above which a town next door to a named country is trusted ("Belgorod")
NAMED_ADMIN1_SCORE = 5.0    # ... and above which a province name ("Papua", not "Tak") names its country
ARMED = ("group", "armed", "rebels", "militia")
STATE = ("police", "military")
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEMONSTRATIONS = ("Protests", "Riots")
VICTIMS = ("civilians", "police", "military")    # people a vague word of violence is done to
NEAR_WORD = 40             # characters between a vague word of violence and its doer or victim
# strategic developments told after an incident are its aftermath, not another event
FOLLOW_UPS = ("Arrests", "Change to group/activity")
SUPPORT_ONLY = ("Disrupted weapons use", "Agreement")    # vague words of these kinds never seed an event
SIGN_CUES = ("terror", "not_terror")     # background.toml: signs the violence is or is not terrorism
_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/.,-]?\d)")


@cache
def _cue_matcher(language: str | None) -> Matcher:
    items: list[tuple[str, str]] = []
    for code in et.fallback_languages(language):
        try:
            data = lang.load(code, "background")
        except lang.LanguageDataError:
            continue
        for kind, words in data.get("cues", {}).items():
            items.extend((w, kind) for w in words)
        items.extend((w, "reference") for w in data.get("places", {}).get("reference_before", []))
        items.extend((w, "uncertain") for w in data.get("uncertain", {}).get("words", []))
        items.extend((w, "neutral") for w in data.get("neutral", {}).get("words", []))
        items.extend((w, "period") for w in data.get("periods", {}).get("before_year", []))
        items.extend((w, "separate") for w in data.get("story", {}).get("separate_incident", []))
        items.extend((w, "occasion") for w in data.get("occasions", {}).get("words", []))
        items.extend((w, "motive") for w in data.get("motive", {}).get("words", []))
    # a sign of how the state treats the violence ("charged with terrorism", "jaksa antiterorisme")
    # keeps the kinds of the cue words inside it (judicial "charged", "jaksa")
    others = [(f" {fold(w)} ", kind) for w, kind in items if kind not in SIGN_CUES]
    for sign in [w for w, kind in items if kind in SIGN_CUES]:
        padded = f" {fold(sign)} "
        items.extend((sign, kind) for w, kind in others if w in padded and w != padded)
    return Matcher(items)


OCCASION_GAP = 4       # "during the 75th founding anniversary": words from the occasion word to the cue


def _sentence_cues(matcher: Matcher, text: str) -> set[str]:
    """Cue kinds of one sentence; "sepanjang 2023", "throughout 2022": a whole year told at
    once is an aggregate, whatever is counted."""
    found: set[str] = set()
    # "in the Beechmount Parade area", "the Anniversary Hotel": a capitalised cue word right after
    # another capitalised word of running text is part of a name, no cue (not in capitals)
    mixed = not text.isupper()
    matches = [m for m in matcher.find(text) if not (mixed and _inside_name(text, m.start, m.end))]
    occasions = [m.end for m in matches if "occasion" in m.value]
    # "to avenge the murder of their chief two days earlier, youths ...": the avenged past is the motive
    motives = []
    for m in matches:
        if "motive" in m.value:
            comma = text.find(",", m.end)
            motives.append((m.start, comma if comma >= 0 else len(text)))
    for m in matches:
        kinds = set(m.value) - {"occasion", "motive"}
        if motives and any(lo <= m.start < hi for lo, hi in motives):
            kinds -= {"earlier", "investigation", "judicial", "judicial_places"}
        # "clashed during the anniversary celebrations", "ditembak saat upacara peringatan": the
        # ceremony is where the event happened, not an old event remembered
        if "commemoration" in kinds and any(
                e <= m.start and len(text[e:m.start].split()) <= OCCASION_GAP for e in occasions):
            kinds.discard("commemoration")
        if "period" in kinds:
            kinds.discard("period")
            if _YEAR.match(text[m.end:].lstrip()):
                kinds.add("aggregate")
        found |= kinds
    return found


_PREV_WORD = re.compile(r"([A-Za-z][\w'-]*)\s+$")


def _inside_name(text: str, start: int, end: int) -> bool:
    """The matched words are capitalised and follow a capitalised word in the same run of text."""
    if not text[start:start + 1].isupper() or not all(w[:1].isupper() for w in text[start:end].split()):
        return False
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    return prev is not None and prev.group(1)[:1].isupper() and prev.start() > 0


def _among_the_dead(matcher: Matcher, sentence, tolls: list[Casualty], kind: str) -> bool:
    """"At least 11 people, including a judge, were killed", "tiga orang, termasuk seorang hakim,
    tewas": every cue of the kind is a word of a toll, who was hit, not a trial told."""
    spans = [(c.start - sentence.start, c.end - sentence.start) for c in tolls]
    cued = [m for m in matcher.find(sentence.text) if kind in m.value]
    return bool(spans) and all(any(lo <= m.start and m.end <= hi for lo, hi in spans) for m in cued)


@cache
def _speaker_matcher(language: str | None) -> Matcher:
    words: list[tuple[str, str]] = []
    for code in et.fallback_languages(language):
        try:
            claims = lang.load(code, "claims")["claims"]
            words.extend((w, "speaker") for w in claims.get("speaker_before", []) + claims.get("speaker_nouns", []))
        except (lang.LanguageDataError, KeyError):
            continue
    return Matcher(words)


def statement_date(ctx: Ctx, d: DateMention) -> bool:
    """'..., kata Martinus, Kamis (25/5)', 'dikutip Reuters, Senin (10/7)', 'said on Monday': the
    date of a statement or a report, not of the event."""
    s = ctx.doc.sentences[d.sentence]
    text = ctx.doc.article.text
    before = text[max(s.start, d.start - 60):d.start]
    marks = _speaker_matcher(ctx.doc.language).find(before)
    if not marks:
        return False
    gap = before[marks[-1].end:]
    return not any(t.start >= d.start - len(gap) for t in ctx.triggers.get(d.sentence, []) if t.end <= d.start) \
        and len(gap.split()) <= 6


def _reference_place(ctx: Ctx, m: PlaceMention) -> bool:
    """'20 miles from Newry', '30 km dari Kendari': the place is a reference point."""
    s = ctx.doc.sentences[m.sentence]
    before = ctx.doc.article.text[max(s.start, m.start - 30):m.start]
    return any("reference" in x.value and not before[x.end:].strip() for x in _cue_matcher(ctx.doc.language).find(before))


@dataclass
class Event:
    """One incident of the story: the sentences that tell it and what they say."""
    sentences: set[int]
    triggers: list[Trigger]
    date: DateMention | None
    place: Place | None
    owned: set[int] = field(default_factory=set)      # sentences whose findings belong here
    implied: dt.date | None = None                     # a lead with no date reports about now
    inherited: list[Trigger] = field(default_factory=list)   # the story's kind, for vague events
    soft: set[int] = field(default_factory=set)   # reactions, investigations after it: claims, tolls


@dataclass
class Ctx:
    """The article's findings indexed by sentence, read once for all its events."""
    doc: Doc
    triggers: dict[int, list[Trigger]]
    dates: dict[int, list[DateMention]]
    places: dict[int, list[PlaceMention]]
    casualties: dict[int, list[Casualty]]
    actors: dict[int, list[Actor]]
    claims: dict[int, list[Claim]]
    cues: dict[int, set[str]]
    published: dt.date | None
    history: list[bool] = field(default_factory=list)
    place_list: list[PlaceMention] = field(default_factory=list)
    memo: dict = field(default_factory=dict)     # article-wide answers, computed once (linear time)


def _by_sentence(items) -> dict[int, list]:
    out: dict[int, list] = {}
    for x in items or []:
        out.setdefault(x.sentence, []).append(x)
    return out


def read(doc: Doc) -> Ctx:
    """The findings of every stage, indexed by sentence, with each sentence's cues."""
    dateline = doc.findings.get("dateline")
    published = getattr(dateline, "published", None) or doc.article.published
    cues: dict[int, set[str]] = {}
    matcher = _cue_matcher(doc.language)
    tolls = _by_sentence(doc.findings.get("casualties"))
    for i, s in enumerate(doc.sentences):
        found = _sentence_cues(matcher, s.text)
        if "judicial" in found and _among_the_dead(matcher, s, tolls.get(i, []), "judicial"):
            found.discard("judicial")
        if found:
            cues[i] = found
    acts = doc.findings.get("actors", {})
    usable = [t for t in doc.findings.get("event_types", []) if not t.negated and not t.hypothetical]
    usable = _without_state_protests(doc, usable, acts.get("actors") or [])
    place_list = _event_places(doc)
    told_of = _pursued_clause(doc, usable)
    ctx = Ctx(doc, _by_sentence(usable),
              _by_sentence([d for d in doc.findings.get("dates") or [] if not told_of(d, True)]),
              _by_sentence(place_list),
              _by_sentence([c for c in doc.findings.get("casualties") or [] if not told_of(c, False)]),
              _by_sentence(acts.get("actors")), _by_sentence(acts.get("claims")), cues, published)
    ctx.history = _frames(ctx)
    ctx.place_list = place_list
    return ctx


STATE_DOER_WORDS = 2     # words between the police or soldiers and the protest word they are the subject of


def _without_state_protests(doc: Doc, usable: list[Trigger], actors: list[Actor]) -> list[Trigger]:
    """'Police blocked the main road ahead of the visit', 'aparat menutup jalan', 'police barricaded
    the area': a road closed or a crowd's word done by the police or soldiers themselves is no demonstration (their answer to a
    crowd, "dispersed", "fired tear gas", is another kind and stays)."""
    state = {}
    text = doc.article.text
    off_duty = et.target_words(doc.language, "off_duty")
    for a in actors:
        # "retired police officers marched to demand their pensions": not on duty, a crowd like any other
        if a.kind in STATE and a.role == "perpetrator" and not off_duty.find(text[max(0, a.start - 30):a.end]):
            state.setdefault(a.sentence, []).append(a.end)
    if not state:
        return usable
    passive = et.passive(doc.language)[0]
    # other words in the gap: "police attacking protesting teachers", "police and demonstrators"
    starts = sorted([t.start for t in usable] + [a.start for a in actors])

    def by_state(t: Trigger) -> bool:
        if (t.event_type, t.sub_event_type) != ("Protests", "Peaceful protest") and \
                not et.blocks_road(t, doc.language):
            return False
        for end in state.get(t.sentence, []):
            gap = text[end:t.start]
            if 0 <= t.start - end and len(gap.split()) <= STATE_DOER_WORDS and not any(c in gap for c in ",;:(") \
                    and not passive.find(gap) and bisect.bisect_left(starts, end) == bisect.bisect_left(starts, t.start):
                return True
        return False
    return [t for t in usable if not by_state(t)]


PURSUED_DATE_GAP = 2     # words from a date to the pursued attack it dates ("last week's ambush")


def _pursued_clause(doc: Doc, usable: list[Trigger]):
    """A test of whether a date or a toll is told of an attack that is only what an arrest, a
    hunt, a funeral or a trial is about (`event_types` findings['pursued']): "arrested three men
    suspected of last week's ambush that killed two soldiers", "memburu pelaku yang menewaskan
    dua petani pekan lalu". Such a date or toll is not the arrest's; it is told after the pursued
    word with no event word of the sentence between, or (a date) just before it."""
    spans = sorted(doc.findings.get("pursued") or [])
    grieved = doc.findings.get("grieved") or []
    if not spans and not grieved:
        return lambda item, is_date: False
    starts = [s for s, _ in spans]
    used = sorted(t.start for t in usable)
    text = doc.article.text
    sentences = doc.sentences
    grieved_starts = [s for s, _ in grieved]

    def of_grievance(item) -> bool:
        """"protested on Friday against the killing of a colleague on Wednesday": a date told
        after what the crowd protests about, with no event word between, is that death's."""
        k = bisect.bisect_right(grieved_starts, item.start) - 1
        s = sentences[item.sentence] if item.sentence < len(sentences) else None
        if k < 0 or (s is not None and grieved[k][0] < s.start):
            return False
        j = bisect.bisect_right(used, grieved[k][1])
        return j >= len(used) or used[j] >= item.start

    def told_of(item, is_date: bool) -> bool:
        if is_date and grieved and of_grievance(item):
            return True
        if not spans:
            return False
        s = sentences[item.sentence] if item.sentence < len(sentences) else None
        lo, hi = (s.start, s.end) if s is not None else (0, len(text))
        k = bisect.bisect_right(starts, item.start) - 1          # the last pursued word before it
        if k >= 0 and spans[k][0] >= lo:
            j = bisect.bisect_right(used, spans[k][1])
            if j >= len(used) or used[j] >= item.start:          # no event word between
                return True
        if is_date and k + 1 < len(spans) and spans[k + 1][0] < hi:   # "last week's ambush"
            nxt = spans[k + 1][0]
            j = bisect.bisect_left(used, item.end)
            return len(text[item.end:nxt].split()) <= PURSUED_DATE_GAP and (j >= len(used) or used[j] >= nxt)
        return False
    return told_of


def fresh_dates(ctx: Ctx, si: int) -> list[DateMention]:
    """Dates of the sentence within the recent past; the publication date counts too (a lead
    often dates its event with it: "Sabtu (3/6)")."""
    late = ctx.published      # a date after the report is a plan or a schedule, not the event
    dateline = ctx.doc.findings.get("dateline")
    line_end = getattr(dateline, "end", None) if getattr(dateline, "start", None) is not None else None
    # a bare year or decade ("in 2014", "sejak 2004") dates history or an aggregate, never an event;
    # the dateline's date ("LIMA, 29 MAR 89 --") is the report's, not the first sentence's
    return [d for d in ctx.dates.get(si, []) if not d.historical and d.kind != "year"
            and (late is None or d.date <= late) and (line_end is None or d.start >= line_end)]


def _historical(ctx: Ctx, si: int) -> bool:
    """The sentence dates itself in the past: a historical date or a past year ("bom Bali 2002")."""
    if fresh_dates(ctx, si):
        return False
    if any(d.historical for d in ctx.dates.get(si, [])):
        return True
    if ctx.published is None and any(d.kind == "year" for d in ctx.dates.get(si, [])):
        return True          # no anchor to tell this year from a past one: a bare year is history
    if ctx.published:
        years = [int(y) for y in _YEAR.findall(ctx.doc.sentences[si].text)]
        return any(1900 < y < ctx.published.year for y in years)
    return False


def _frames(ctx: Ctx) -> list[bool]:
    """Per sentence: is the text telling history here? A historical sentence opens a historical
    frame that undated sentences after it stay in ("Bom tersebut ...", "Kedua serangan ini ...")
    until a sentence with a fresh date closes it."""
    out, historical = [], False
    for si in range(len(ctx.doc.sentences)):
        if fresh_dates(ctx, si):
            historical = False
        elif _historical(ctx, si):
            historical = True
        out.append(historical)
    return out


def _background(ctx: Ctx, si: int) -> bool:
    """History, aggregates, trials, investigations, reactions, policy. A sentence with a fresh
    date of its own is anchored in the present: 'since'/'last month' or a state of emergency
    in it do not make its event history."""
    cues = ctx.cues.get(si, set()) - {"criminal", "not_terror", "terror", "reference", "uncertain", "neutral",
                                      "accident", "separate", "violent_death"}
    if any(d.time_precision == 1 and not statement_date(ctx, d) for d in fresh_dates(ctx, si)):
        cues -= {"earlier", "policy"}       # a day-dated event; "sejak Juni", "kata Tito, Senin" do not
    for kind in ("earlier", "aggregate", "investigation", "reaction", "policy"):
        # "a guard was wounded in the latest of a string of raids": the aggregate names
        # what the event belongs to, told after it; "killed a man, identified as ...", "shot
        # three people; police are investigating": the inquiry follows the act told
        if kind in cues and _told_before_the_past(ctx, si, kind):
            cues.discard(kind)
    if "judicial_places" in cues:
        # "detonated an explosives-laden vehicle near a court van": the court is where, after the
        # act; "the court sentenced the bomber": a trial
        cues.discard("judicial_places")
        if not _told_before_the_past(ctx, si, "judicial_places"):
            cues.add("judicial")
    trigs = ctx.triggers.get(si, [])
    if {"judicial", "investigation"} & cues and any(t.sub_event_type == "Arrests" and not t.generic for t in trigs) \
            and all(t.event_type == "Strategic developments" for t in trigs):
        # "a man was arrested in Mombasa on Monday and charged with terrorism offences", "two were
        # detained in connection with the blast": the grounds told after the arrest are the arrest's
        # (an attack word the pursuit did not take keeps the cue: the sentence may be the attack's)
        for kind in ("judicial", "investigation"):
            if kind in cues and _told_before_the_past(ctx, si, kind):
                cues.discard(kind)
    if any(t.event_type in DEMONSTRATIONS for t in ctx.triggers.get(si, [])):
        # "thousands marched to mark the anniversary of the coup", "students protested, demanding an
        # investigation", "rallied against the verdict": what a crowd protests about is no background
        cues -= {"commemoration", "investigation", "judicial", "reaction", "policy", "culture"}
    return bool(cues) or ctx.history[si]


is_background = _background      # for `assemble`, to say why an article gave no row


def _told_before_the_past(ctx: Ctx, si: int, kind: str = "earlier") -> bool:
    """The sentence tells its event before it turns to the past: "Three were killed to avenge a
    murder earlier in the day", "Police shot two raiders said to have attacked the previous
    day". The past word qualifies a clause after the event, not the event ("Earlier this year,
    gunmen attacked ..." stays history)."""
    s = ctx.doc.sentences[si]
    past = [m.start for m in _cue_matcher(ctx.doc.language).find(s.text) if kind in m.value]
    told = [t.start - s.start for t in ctx.triggers.get(si, [])]
    return bool(past and told) and min(told) < min(past)


def _seeds(ctx: Ctx, si: int) -> bool:
    # a vague word of finding ("ditemukan", "discovered") only supports a device told with it
    trigs = [t for t in ctx.triggers.get(si, []) if is_typed(t) or t.sub_event_type not in SUPPORT_ONLY]
    if not trigs or _background(ctx, si):
        return False
    if any(is_typed(t) for t in trigs):
        return True
    fighters = [a for a in ctx.actors.get(si, []) if a.kind in ARMED + STATE]
    # (an armed doer backs a vague word of violence or of force, not a vague protest word:
    # "speaking at the rally, she asked for her son back from Hamas" tells no attack)
    armed = any(a.role == "perpetrator" for a in fighters) and any(t.event_type != "Protests" for t in trigs)
    # "Massa membakar kantor bupati", "a mob attacked the police post": a crowd doing violence
    armed |= any(a.role == "perpetrator" and a.kind in ("rioters", "protesters") for a in ctx.actors.get(si, [])) \
        and any(t.event_type in VIOLENT or t.sub_event_type == "Looting/property destruction" for t in trigs)
    # "fighting between the army and the RSF": two armed sides named with a battle word
    armed |= any(t.event_type == "Battles" for t in trigs) and len({fold(a.text) for a in fighters}) >= 2
    # "two clans battle over grazing land", "perang antarsuku", "a clan attacks a herdsman": a word of
    # violence told of communities (identity militias fighting, an armed clash in `rows`, or an attack)
    # (a battle word anywhere in the sentence; another word of violence with the community just before it)
    if not armed and any(t.event_type in VIOLENT for t in trigs):
        s = ctx.doc.sentences[si]
        sides = [s.start + m.end for m in et.target_words(ctx.doc.language, "communal").find(s.text)]
        armed = bool(sides) and any(t.event_type == "Battles" or any(
            0 <= t.start - e <= NEAR_WORD for e in sides) for t in trigs if t.event_type in VIOLENT)
    people = ctx.actors.get(si, [])
    # "villagers beat a suspected thief", "raiders attacked civilians": a vague word of violence
    # with someone doing it to people or the police
    # (the doer just before the word, the victim just after it: "attack civilians", "warga memukuli")
    armed |= any(t.event_type in VIOLENT and (
        any(a.role == "perpetrator" and a.kind == "civilians" and 0 <= t.start - a.end <= NEAR_WORD
            for a in people)
        or any(a.role == "target" and a.kind in VICTIMS and 0 <= a.start - t.end <= NEAR_WORD for a in people))
        for t in trigs)
    # "ratusan mahasiswa menggelar aksi": a vague protest word with a crowd told
    armed |= any(t.event_type == "Protests" for t in trigs) and any(
        a.kind in ("protesters", "rioters") for a in people)
    hurt = any(c.high > 0 and not c.aggregate for c in ctx.casualties.get(si, []))
    return armed or hurt


def _sentence_place(ctx: Ctx, si: int) -> Place | None:
    """The place an event sentence puts its event: the mention nearest a trigger (the place
    of "serangan ... di Kunar", not of "pernyataan ... di Kabul"), names inside longer proper
    names ("Perdana Menteri Irak") last."""
    ms = [m for m in ctx.places.get(si, []) if m.place.feature != "country"]
    if not ms:
        return None
    trigs = ctx.triggers.get(si, [])
    nearest = _nearest_triggers(ctx, si, trigs) if len(trigs) > 8 else None

    def distance(m: PlaceMention) -> int:
        if not trigs:
            return 0
        if nearest is not None:
            return nearest(m)
        return min((m.start - t.end) if m.start >= t.end else 3 * (t.start - m.end) for t in trigs)

    # a reading in a country the article does not name ("Durgapur" read in India in a note on
    # Rajshahi) gives way to the next name of the sentence that is in a named one
    named = _named_countries(ctx)
    if not named:       # no country named: the one most of the article's places lie in
        key = ("majority", id(ctx.place_list))
        if key not in ctx.memo:
            ctx.memo[key] = Counter(m.place.country for m in ctx.place_list).most_common(2)
        counts = ctx.memo[key]
        if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            named = {counts[0][0]}
    # "in Atenango del Rio, Guerrero, gunmen shot a farmer in San Juan de ...": a sentence that
    # names provinces as places (in an address, after "in", with "province") puts its event
    # inside one of them, not in a namesake town elsewhere ("Fars news agency" names none)
    provinces = {(m.place.country, m.place.admin1) for m in ctx.places.get(si, [])
                 if m.place.feature == "admin1" and "modifier" not in m.why
                 and ("written" in m.why or "preposition" in m.why)}

    def outside(m: PlaceMention) -> bool:
        return bool(provinces) and (m.place.country, m.place.admin1) not in provinces

    topics = _grievance_from(ctx, si) if len(ms) > 1 else None
    ranked = sorted(ms, key=lambda m: ("modifier" in m.why, _reference_place(ctx, m),
                                       topics is not None and _grievance_topic(m, topics),
                                       bool(named) and m.place.country not in named, outside(m),
                                       distance(m), -m.score))
    if topics is not None:      # what the crowd is about is no fallback for where it gathered
        ranked = [m for m in ranked if not _grievance_topic(m, topics)] or ranked
    best = next((m for m in ranked if country_supported(ctx, m.place)), ranked[0])
    if _reference_place(ctx, best):
        return None          # "100 km north of Baghdad" says where the event was not
    return _with_near(best)


def _grievance_from(ctx: Ctx, si: int) -> int | None:
    """Where what a crowd protests about begins in sentence `si`: the first grievance word after
    a protest word ("rallied in Dhaka, condemning the bombing of Gaza"), as a text offset
    (found once per sentence)."""
    key = ("grievance from", si)
    if key not in ctx.memo:
        ctx.memo[key] = _find_grievance_from(ctx, si)
    return ctx.memo[key]


def _find_grievance_from(ctx: Ctx, si: int) -> int | None:
    protests = [t for t in ctx.triggers.get(si, []) if t.event_type in DEMONSTRATIONS]
    if not protests:
        return None
    s = ctx.doc.sentences[si]
    first = min(t.end for t in protests)
    marks = et.tables(ctx.doc.language).modifiers.find(ctx.doc.article.text[first:s.end])
    start = next((first + m.start for m in marks if "grievance" in m.value), None)
    # only when the sentence says where the crowd was before it: "protested over the killing of a
    # youth in Makueni" names no other place, and the crowd's town is likely the deed's
    if start is None or not any(m.start < start and m.place.feature != "country" and "modifier" not in m.why
                                for m in ctx.places.get(si, [])):
        return None
    return start


def _grievance_topic(m: PlaceMention, start: int) -> bool:
    """A place named after the grievance word: what the crowd is about ("solidarity with
    Palestine", "the bombing of Gaza")."""
    return m.start >= start


def _protested_about(ctx: Ctx, m: PlaceMention) -> bool:
    start = _grievance_from(ctx, m.sentence)
    return start is not None and _grievance_topic(m, start)


def _with_near(m: PlaceMention) -> Place:
    p = m.place
    if m.near and p.geo_precision == 1:
        return Place(**{**p.__dict__, "geo_precision": 2})
    return p


def _km(a: Place, b: Place) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_compatible(a: Place | None, b: Place | None) -> bool:
    """Two places can be one incident's: one contains the other, or they are the same town, or
    towns close enough that one is "near" the other ("near Beirut" and Jounieh, 16 km)."""
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    if a.feature == "country" or b.feature == "country":
        return True
    km = _km(a, b)
    if km is not None and a.feature not in ("admin1", "admin2") and b.feature not in ("admin1", "admin2") \
            and km <= (NEAR_KM if 2 in (a.geo_precision, b.geo_precision) else SAME_TOWN_KM):
        return True
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if a.feature == "admin1" or b.feature == "admin1":
        return True
    if a.feature == "admin2" or b.feature == "admin2":     # a district holds its own towns only
        district, other = (a, b) if a.feature == "admin2" else (b, a)
        names = {fold(x) for x in (district.admin2, district.location) if x}
        return other.admin2 is None or fold(other.admin2) in names or \
            (other.feature == "admin2" and fold(other.location or "") in names)
    return not (a.location and b.location and fold(a.location) != fold(b.location))


def is_typed(t: Trigger) -> bool:
    """The trigger says what kind of event it is: any specific word, and "ledakan"/"explosion"
    (an explosion, if not of which device)."""
    return not t.generic or t.detonated


def _families(triggers: list[Trigger]) -> set[str]:
    """Event types the specific triggers speak for; a crowd clash word ("bentrok", "clashes")
    can be a battle or a riot, so it fits either; houses burnt or shops looted go with any
    violence told with them (a clash, a raid, a riot)."""
    return {t.event_type for t in triggers if is_typed(t) and not t.crowd
            and t.sub_event_type != "Looting/property destruction"}


def _follow_up(triggers: list[Trigger]) -> bool:
    """Only arrests, deployments, curfews and the like: what follows an incident."""
    typed = [t for t in triggers if is_typed(t)]
    return bool(typed) and all(t.sub_event_type in FOLLOW_UPS for t in typed)


def _type_compatible(fa: set[str], fb: set[str]) -> bool:
    """Whether two trigger families (see `_families`) can be one event."""
    strategic = {"Strategic developments"}
    if (fa == strategic and not fb) or (fb == strategic and not fa):
        return False            # an arrest is not the attack told next to it
    if not fa or not fb or fa & fb:
        return True
    groups_ = (set(VIOLENT), set(DEMONSTRATIONS))
    if any(fa <= g and fb <= g for g in groups_):
        return True
    return (fa | fb) <= {"Strategic developments", "Explosions/Remote violence"}


OPENING_WORDS = 2      # "On", "Around", "Pada": words before a date that opens its sentence


def _opening_date(ctx: Ctx, si: int, dates: list[DateMention], trigs: list[Trigger]) -> DateMention | None:
    """'On 6 June 2024, a man was shot ... following the killing on 4 June': a day written first,
    before every event word and set off by a comma, dates the sentence's main clause; a day told
    later belongs to the clause it stands in (a motive, a grievance, an earlier attack)."""
    if len(dates) < 2:
        return None
    s = ctx.doc.sentences[si]
    text = ctx.doc.article.text
    first = min(dates, key=lambda d: d.start)
    lead = text[s.start:first.start]
    if first.time_precision != 1 or len(lead.split()) > OPENING_WORDS or any(t.start < first.end for t in trigs) \
            or not text[first.end:first.end + 2].lstrip().startswith(","):
        return None
    return first


def _date_told_after(ctx: Ctx, si: int) -> DateMention | None:
    """An event's lead without a date of its own ("killed 15 farmers, authorities said Sunday")
    is dated by the sentences that tell more about it ("The attack happened Saturday"), up to
    the next event told."""
    dateline = ctx.doc.findings.get("dateline")
    pub_start, pub_end = getattr(dateline, "date_start", None), getattr(dateline, "date_end", None)
    for sj in range(si + 1, len(ctx.doc.sentences)):
        if _seeds(ctx, sj):
            return None
        if _background(ctx, sj):
            continue
        dates = [d for d in fresh_dates(ctx, sj) if not statement_date(ctx, d)
                 and not (pub_start is not None and pub_start <= d.start < (pub_end or pub_start + 1))]
        if dates:
            return min(dates, key=lambda d: (d.time_precision, d.date))
    return _date_told_before(ctx, si)


TOLD_BEFORE = 2      # sentences back a date may be told before the event's own ("the crime of 12 January")


def _date_told_before(ctx: Ctx, si: int) -> DateMention | None:
    """"The attack took place on 12 January in Guatemala City. Oqueli and Flores were kidnapped
    on their way ...": a day told in the sentence or two just before an undated event, with no
    other event or background between, dates it."""
    for sj in range(si - 1, max(-1, si - 1 - TOLD_BEFORE), -1):
        if _seeds(ctx, sj) or _background(ctx, sj):
            return None
        dates = [d for d in fresh_dates(ctx, sj) if d.time_precision == 1 and d.kind != "publication"
                 and not statement_date(ctx, d)]
        if dates:
            return min(dates, key=lambda d: d.date)
    return None


def cluster(ctx: Ctx) -> list[Event]:
    """The events the story tells, in order, each with its seed and owned sentences."""
    events: list[Event] = []
    # the events by the last sentence told, latest last, and each one's trigger families:
    # kept as the loop goes, so a long article costs linear time, not a rescan per sentence
    recent: dict[int, Event] = {}
    families: dict[int, set[str]] = {}
    n = len(ctx.doc.sentences)
    for si in range(n):
        if not _seeds(ctx, si):
            continue
        trigs = ctx.triggers[si]
        fams = _families(trigs)
        # of several dates, a day before a week, the earliest: reports come after events;
        # the date of a statement or of the report itself does not date (or split) the event
        dates = [d for d in fresh_dates(ctx, si) if not statement_date(ctx, d)]
        date = _opening_date(ctx, si, dates, trigs) or (
            min(dates, key=lambda d: (d.time_precision, d.date)) if dates else None)
        if date is None:
            date = _date_told_after(ctx, si)
        place = _sentence_place(ctx, si)
        countries = {m.place.country for m in ctx.places.get(si, []) if m.place.feature == "country"
                     and not m.why.startswith("modifier")}      # not "six US soldiers were killed"
        target = None
        # "In a separate incident on Friday, ...": another event, whatever its place and day
        told_apart = "separate" in ctx.cues.get(si, set())
        for ev in reversed(recent.values()) if not told_apart else []:
            same_day = date is None or ev.date is None or date.date == ev.date.date or (
                max(date.time_precision, ev.date.time_precision) > 1
                and abs((date.date - ev.date.date).days) <= 7)
            if date is not None and ev.date is None and ev.implied is not None:
                same_day = 0 <= (ev.implied - date.date).days <= 7   # a fresh lead: about now
            vague = not any(is_typed(t) for t in trigs)     # "... died", "the attack": only a date splits
            # a sentence that names only another country ("Clashes in Peru ...") is another story
            elsewhere = date is None and place is None and countries and ev.place is not None \
                and ev.place.country not in countries
            if same_day and not elsewhere and (vague or _place_compatible(place, ev.place)) and \
                    _type_compatible(fams, families[id(ev)]):
                target = ev
                break
            if date is not None and place is not None:
                continue
        if target is None and events and _follow_up(trigs) and not told_apart:
            last = next(reversed(recent.values()))
            if families[id(last)] and families[id(last)] <= set(DEMONSTRATIONS):
                target = last        # protesters arrested, the police deployed: the protest's own story
            else:
                continue             # the arrests after an attack: its aftermath, not a second event
        if target is None:
            implied = ctx.published if date is None and si < LEAD_SENTENCES else None
            events.append(Event({si}, list(trigs), date, place, implied=implied))
            recent[id(events[-1])], families[id(events[-1])] = events[-1], fams
            continue
        target.sentences.add(si)
        target.triggers.extend(trigs)
        recent[id(target)] = recent.pop(id(target))
        families[id(target)] |= fams
        target.date = target.date or date
        if place is not None and _place_compatible(place, target.place) and \
                (target.place is None or target.place.feature in ("admin1", "admin2")
                 or target.place.geo_precision > place.geo_precision):     # "near Beirut" -> Jounieh
            target.place = place
    # ownership: each non-background sentence belongs to the event told last before it
    owner: dict[int, Event] = {}
    for ev in events:
        for si in ev.sentences:
            owner[si] = ev
    current: Event | None = None
    for si in range(n):
        if si in owner:
            current = owner[si]
            current.owned.add(si)
        elif current is not None and not _background(ctx, si):
            current.owned.add(si)
        elif current is not None and not ctx.history[si] and \
                not ctx.cues.get(si, set()) & {"aggregate", "earlier", "judicial", "judicial_places"}:
            current.soft.add(si)   # "Police are investigating; no group has claimed it": still about it
    return events


def _event_places(doc: Doc) -> list[PlaceMention]:
    """Place mentions that can be where an event happened: not the dateline city
    ("Jakarta, CNN Indonesia --") and not a country named as an actor's nationality
    ("tentara Amerika Serikat", "US troops")."""
    found = doc.findings.get("places") or []
    dateline = doc.findings.get("dateline")
    d_start = getattr(dateline, "start", None)
    d_end = getattr(dateline, "end", None)
    text = doc.article.text
    actors = doc.findings.get("actors", {}).get("actors", [])
    ending: dict[int, list] = {}            # actors by end and by start: adjacency without pairs
    starting: dict[int, list] = {}
    for a in actors:
        ending.setdefault(a.end, []).append(a)
        starting.setdefault(a.start, []).append(a)
    out = []
    for m in found:
        if d_start is not None and d_end is not None and d_start <= m.start < d_end + 3 and m.sentence == 0:
            continue
        near = [a for k in range(m.start - 2, m.start + 1) for a in ending.get(k, [])] + \
               [a for k in range(m.end, m.end + 3) for a in starting.get(k, [])]
        if m.place.feature == "country" and any(
                a.country and (not text[a.end:m.start].strip() or not text[m.end:a.start].strip())
                for a in near):
            continue
        out.append(m)
    return out


def choose_place(ctx: Ctx, ev: Event) -> Place | None:
    """The event's own town-level place when its sentences give one; a province refined by a
    town inside it from the event's sentences; else `places.choose` over its sentences. A
    reading in a country the article does not name ("FLORES" read as Uruguay's department in
    a Salvadoran wire) gives way to the dateline's town when that one is in a named country."""
    chosen = _choose_place(ctx, ev)
    if chosen is None or chosen.feature == "country" or country_supported(ctx, chosen):
        return chosen
    home = _dateline_place(ctx.doc)
    if home is not None and home.admin1 and country_supported(ctx, home):
        return home
    return chosen


def _choose_place(ctx: Ctx, ev: Event) -> Place | None:
    if ev.place is not None and ev.place.feature not in ("admin1", "country"):
        return ev.place
    if ev.place is not None:
        inside = [m for si in sorted(ev.sentences) + sorted(ev.owned - ev.sentences) for m in ctx.places.get(si, [])
                  if m.place.admin1 == ev.place.admin1 and m.place.country == ev.place.country
                  and m.place.feature not in ("admin1", "country") and "modifier" not in m.why]
        # a town inside the province first, else its district ("Distrik X, Kabupaten Yahukimo, Papua
        # Pegunungan" with no entry for X: the regency)
        inside.sort(key=lambda m: m.place.feature == "admin2")
        return _with_near(inside[0]) if inside else ev.place
    try:
        from events.extract import places
        doc = ctx.doc
        view = Doc(article=doc.article, sentences=doc.sentences, language=doc.language,
                   findings={**doc.findings, "places": ctx.place_list})
        chosen = places.choose(view, set(ev.sentences))
    except (ImportError, AttributeError):
        chosen = None
    if chosen is None or chosen.feature == "country":
        # the event's sentences name only a country: a province or town told with the event
        inside = [m for si in sorted(ev.owned | ev.sentences) for m in ctx.places.get(si, [])
                  if m.place.feature != "country" and "modifier" not in m.why and not _reference_place(ctx, m)]
        same = [m for m in inside if chosen is None or m.place.country == chosen.country]
        if not same and chosen is not None:
            # a town of that country told elsewhere in the article, the nearest first, before a
            # town abroad told with the event ("di Peru ... Tren de Aragua dari Venezuela")
            near_ev = min(ev.sentences)
            same = sorted((m for m in ctx.place_list if m.place.country == chosen.country
                           and m.place.feature != "country" and "modifier" not in m.why
                           and not _reference_place(ctx, m)), key=lambda m: abs(m.sentence - near_ev))
        if same or inside:
            return _with_near((same or inside)[0])
        # "MOGADISHU - A car bomb exploded in the Somali capital": the dateline city, when the
        # event names no other place below its country
        home = _dateline_place(ctx.doc)
        if home is not None and (chosen is None or home.country == chosen.country):
            return home
    return chosen


def _dateline_place(doc: Doc) -> Place | None:
    """The town of a wire dateline ("KABUL, Afghanistan -", "YANGON (Reuters) -"), if the
    resolver read one there; not an outlet's home ("Jakarta, CNN Indonesia --")."""
    dateline = doc.findings.get("dateline")
    start, end = getattr(dateline, "start", None), getattr(dateline, "end", None)
    if start is None or end is None or not getattr(dateline, "place", None):
        return None
    if getattr(dateline, "outlet", None) and "(" not in doc.article.text[start:end]:
        return None
    return next((m.place for m in doc.findings.get("places") or []
                 if start <= m.start < end and m.place.feature not in ("country",)), None)


def _nearest_triggers(ctx: Ctx, si: int, trigs: list[Trigger]):
    """The distance of `_sentence_place` from a mention to the sentence's nearest trigger, by
    bisect: the last trigger ending before the mention, or the first start among those ending
    after it (a sentence with thousands of triggers stays linear)."""
    key = ("nearest trigger", si, len(trigs))
    if key not in ctx.memo:
        by_end = sorted(trigs, key=lambda t: t.end)
        ends = [t.end for t in by_end]
        first_start = [0] * len(by_end)       # the least start among the triggers from i on
        low = None
        for i in range(len(by_end) - 1, -1, -1):
            low = by_end[i].start if low is None else min(low, by_end[i].start)
            first_start[i] = low
        ctx.memo[key] = (ends, first_start)
    ends, first_start = ctx.memo[key]

    def distance(m: PlaceMention) -> int:
        i = bisect.bisect_right(ends, m.start)
        best = m.start - ends[i - 1] if i else None
        if i < len(ends):
            after = 3 * (first_start[i] - m.end)
            best = after if best is None else min(best, after)
        return best
    return distance


def _named_countries(ctx: Ctx) -> frozenset[str]:
    """Countries the article names: as countries, as provinces the resolver is sure of, as
    actors' nationalities, or as the dateline's place (computed once per article)."""
    key = ("named", id(ctx.doc.findings.get("places")))
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(_find_named_countries(ctx))
    return ctx.memo[key]


def _places_at(ctx: Ctx, location: str | None) -> list[PlaceMention]:
    """The article's place mentions read as this location (an index built once per article)."""
    places = ctx.doc.findings.get("places") or []
    key = ("by_location", id(places))
    if key not in ctx.memo:
        index: dict[str | None, list[PlaceMention]] = {}
        for m in places:
            index.setdefault(m.place.location, []).append(m)
        ctx.memo[key] = index
    return ctx.memo[key].get(location, [])


def _find_named_countries(ctx: Ctx) -> set[str]:
    return _countries_named_as_places(ctx) | \
        {a.country for a in ctx.doc.findings.get("actors", {}).get("actors", []) if a.country}


def _countries_named_as_places(ctx: Ctx) -> frozenset[str]:
    """The countries the article names as places (not as a people's or an actor's nationality),
    computed once per article."""
    key = ("named as places", id(ctx.doc.findings.get("places")))
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(_find_countries_named_as_places(ctx))
    return ctx.memo[key]


def _find_countries_named_as_places(ctx: Ctx) -> set[str]:
    # a country's own name read as its capital ("IN GUATEMALA", "di Kuwait") names the country too;
    # a country written as an actor's nationality ("milisi Somalia") does not (`_event_places`)
    # a town written with its province ("Savar city (Dhaka)", "Kati, Koulikoro") names its
    # country as surely as the country's own name
    # ... and one named only as what a crowd protests about ("in solidarity with Palestine") does not
    named = {m.place.country for m in ctx.place_list or ctx.doc.findings.get("places") or []
             if not _protested_about(ctx, m) and (
                 m.place.feature == "country" or (m.place.feature == "admin1" and m.score >= NAMED_ADMIN1_SCORE)
                 or " ".join(fold(m.text).split()) == fold(m.place.country)
                 or (WRITTEN_WITH_UNIT in m.why and "modifier" not in m.why))}
    dateline = ctx.doc.findings.get("dateline")
    if getattr(dateline, "end", None) is not None:      # "Jakarta, CNN Indonesia --": the outlet's home
        city = fold(dateline.place) if getattr(dateline, "place", None) else None
        named |= {m.place.country for m in ctx.doc.findings.get("places") or []
                  if m.start <= dateline.end or (city and fold(m.text) == city)}
    return named


def country_supported(ctx: Ctx, place: Place) -> bool:
    """A town name alone ("Tak", "Bello", "Kaya") can be read in the wrong country: when the
    article names countries or provinces, the event's country must be among them (the answer
    depends only on the article and the place's name and country, so it is found once)."""
    key = ("country supported", id(ctx.doc.findings.get("places")), place.location, place.country)
    if key not in ctx.memo:
        ctx.memo[key] = _country_supported(ctx, place)
    return ctx.memo[key]


def _country_supported(ctx: Ctx, place: Place) -> bool:
    named = _named_countries(ctx)
    if place.country in named:
        return True
    mentions = _places_at(ctx, place.location)
    # a short note naming no country ("... in Puncak regency (Papua)"), or naming one only as a
    # people's or an actor's nationality ("Somali assailants" in Garissa, "US troops" in Kandahar)
    if not _countries_named_as_places(ctx) and all(len(m.text) > 3 for m in mentions):
        return True
    # else only a reading the resolver is sure of (a big, unambiguous city; the dateline's city)
    same = [m for m in _places_at(ctx, place.location) if m.place.country == place.country]
    if any(m.score >= SURE_PLACE_SCORE or "dateline" in m.why or UNRIVALLED_CITY in m.why for m in same):
        return True
    # "tentara Israel ... di Gaza": a town after "in"/"di" in a country bordering a named one
    return _borders_named(place.country, named) and any(
        "after preposition" in m.why or m.score >= NEIGHBOUR_PLACE_SCORE for m in same)


def _borders_named(country: str, named: set[str]) -> bool:
    from events import schema
    from events.geo import gazetteer
    own = schema.country(country)
    if own is None:
        return False
    around = gazetteer().neighbours(own.iso2)
    return any((c := schema.country(n)) is not None and c.iso2 in around for n in named)


def own_place(ctx: Ctx, ev: Event) -> bool:
    """The event's own sentences name a place below the country level."""
    return any(m.place.feature != "country" for si in ev.sentences for m in ctx.places.get(si, []))


def inherit_type(events: list[Event]) -> None:
    """An event told only with vague words ("serangan AS di Nangarhar", "another attack") is of
    the kind the story is about: it takes the typed violent triggers of the story's first
    typed event."""
    kinds = [t for ev in events for t in ev.triggers if is_typed(t) and t.event_type in VIOLENT]
    if not kinds:
        return
    model = [t for t in kinds if t.sentence == kinds[0].sentence]
    for ev in events:
        # a lead is not of the kind of an incident told after it ("In a separate incident ...")
        if not any(is_typed(t) for t in ev.triggers) and min(ev.sentences) > model[0].sentence:
            ev.inherited = model


