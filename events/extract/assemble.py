"""Stage `assemble`: group the findings into the article's events and write full rows.

How a mention becomes an event (FORMAT.md conventions):
1. A sentence *seeds* an event when it has a trigger that is neither negated nor
   hypothetical, is specific (a bomb, a clash, a protest) or is a vague word ("serangan",
   "attack", "killed") backed in the same sentence by an armed actor or a casualty count, and
   the sentence is not background: no background cue (history "sejak"/"since", aggregates,
   trials, investigations, reactions, policy; `background.toml`) and no historical date.
2. A seeding sentence joins an earlier event when nothing says it is another one: its date is
   within a day of that event's, its place is the same or contains/is contained by it, and the
   event types can be one incident (an attack with bombs and a gunfight is one complex attack;
   a protest that turns into a riot is one event). Otherwise it starts a new event: different
   place, day or kind of event means a separate row (convention 6).
3. Sentences without a seed (casualty counts, claims, "Tidak ada kelompok yang mengaku ...")
   belong to the event told just before them, unless they are background.
4. An event is dropped when its place does not resolve to at least a province, its date is more
   than 30 days before publication (or after it), or its own sentences report criminal or
   personal violence with no political actor (convention 2).
Types follow ACLED precedence with the codebook's special cases: an armed engagement with
security forces makes the incident a Battle even if bombs were used (convention 3); a device
defused and never set off is Disrupted weapons use; a protest with violence is a riot.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

from events import ids, lang, schema
from events.extract import event_types as et
from events.extract.actors import groups
from events.findings import Actor, Casualty, Claim, DateMention, Place, PlaceMention, Trigger
from events.matcher import Matcher, fold
from events.pipeline import EXTRACTOR_VERSION, Doc

WINDOW_DAYS = 30
SURE_PLACE_SCORE = 8.5      # places.resolve score above which a lone town name is trusted
NAMED_ADMIN1_SCORE = 5.0    # ... and above which a province name ("Papua", not "Tak") names its country
LEAD_SENTENCES = 3
ARMED = ("group", "armed", "rebels", "militia")
STATE = ("police", "military")
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEMONSTRATIONS = ("Protests", "Riots")
_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/.,-]?\d)")

# English phrases for notes (the notes column is English by definition).
WHAT = {
    "Armed clash": "armed clashes", "Government regains territory": "government forces regained territory",
    "Non-state actor overtakes territory": "a non-state group took territory",
    "Chemical weapon": "a chemical weapon attack", "Air/drone strike": "an air/drone strike",
    "Suicide bomb": "a suicide bombing", "Shelling/artillery/missile attack": "a rocket/artillery attack",
    "Remote explosive/landmine/IED": "a bomb (explosive device) attack", "Grenade": "a grenade attack",
    "Sexual violence": "sexual violence", "Attack": "an attack",
    "Abduction/forced disappearance": "an abduction", "Peaceful protest": "a peaceful protest",
    "Protest with intervention": "a protest that the authorities intervened in",
    "Excessive force against protesters": "excessive force against protesters",
    "Violent demonstration": "a violent demonstration", "Mob violence": "mob violence",
    "Arrests": "arrests", "Disrupted weapons use": "a disrupted weapons use (device defused, seized or found)",
    "Looting/property destruction": "looting/property destruction",
}


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
    return Matcher(items)


@cache
def _speaker_matcher(language: str | None) -> Matcher:
    words: list[tuple[str, str]] = []
    for code in et.fallback_languages(language):
        try:
            words.extend((w, "speaker") for w in lang.load(code, "claims")["claims"].get("speaker_before", []))
        except (lang.LanguageDataError, KeyError):
            continue
    return Matcher(words)


def _statement_date(ctx: Ctx, d: DateMention) -> bool:
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
    sentences: set[int]
    triggers: list[Trigger]
    date: DateMention | None
    place: Place | None
    owned: set[int] = field(default_factory=set)      # sentences whose findings belong here
    implied: dt.date | None = None                     # a lead with no date reports about now
    inherited: list[Trigger] = field(default_factory=list)   # the story's kind, for vague events


@dataclass
class Ctx:
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


def _by_sentence(items) -> dict[int, list]:
    out: dict[int, list] = {}
    for x in items or []:
        out.setdefault(x.sentence, []).append(x)
    return out


def _context(doc: Doc) -> Ctx:
    text = doc.article.text
    dateline = doc.findings.get("dateline")
    published = getattr(dateline, "published", None) or doc.article.published
    cues: dict[int, set[str]] = {}
    matcher = _cue_matcher(doc.language)
    for i, s in enumerate(doc.sentences):
        found = {v for m in matcher.find(s.text) for v in m.value}
        if found:
            cues[i] = found
    acts = doc.findings.get("actors", {})
    usable = [t for t in doc.findings.get("event_types", []) if not t.negated and not t.hypothetical]
    del text
    place_list = _event_places(doc)
    ctx = Ctx(doc, _by_sentence(usable), _by_sentence(doc.findings.get("dates")),
              _by_sentence(place_list), _by_sentence(doc.findings.get("casualties")),
              _by_sentence(acts.get("actors")), _by_sentence(acts.get("claims")), cues, published)
    ctx.history = _frames(ctx)
    ctx.place_list = place_list
    return ctx


def _fresh_dates(ctx: Ctx, si: int) -> list[DateMention]:
    """Dates of the sentence within the recent past; the publication date counts too (a lead
    often dates its event with it: "Sabtu (3/6)")."""
    return [d for d in ctx.dates.get(si, []) if not d.historical]


def _historical(ctx: Ctx, si: int) -> bool:
    """The sentence dates itself in the past: a historical date or a past year ("bom Bali 2002")."""
    if _fresh_dates(ctx, si):
        return False
    if any(d.historical for d in ctx.dates.get(si, [])):
        return True
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
        if _fresh_dates(ctx, si):
            historical = False
        elif _historical(ctx, si):
            historical = True
        out.append(historical)
    return out


def _background(ctx: Ctx, si: int) -> bool:
    """History, aggregates, trials, investigations, reactions, policy. A sentence with a fresh
    date of its own is anchored in the present: 'since'/'last month' or a state of emergency
    in it do not make its event history."""
    cues = ctx.cues.get(si, set()) - {"criminal", "reference", "uncertain", "neutral"}
    if any(d.time_precision == 1 and not _statement_date(ctx, d) for d in _fresh_dates(ctx, si)):
        cues -= {"earlier", "policy"}       # a day-dated event; "sejak Juni", "kata Tito, Senin" do not
    return bool(cues) or ctx.history[si]


def _seeds(ctx: Ctx, si: int) -> bool:
    trigs = ctx.triggers.get(si, [])
    if not trigs or _background(ctx, si):
        return False
    if any(_typed(t) for t in trigs):
        return True
    armed = any(a.kind in ARMED and a.role == "perpetrator" for a in ctx.actors.get(si, []))
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

    def distance(m: PlaceMention) -> int:
        if not trigs:
            return 0
        return min((m.start - t.end) if m.start >= t.end else 3 * (t.start - m.end) for t in trigs)

    best = min(ms, key=lambda m: ("modifier" in m.why, _reference_place(ctx, m), distance(m), -m.score))
    if _reference_place(ctx, best):
        return None          # "100 km north of Baghdad" says where the event was not
    return _with_near(best)


def _with_near(m: PlaceMention) -> Place:
    p = m.place
    if m.near and p.geo_precision == 1:
        return Place(**{**p.__dict__, "geo_precision": 2})
    return p


def _place_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    if a.feature == "country" or b.feature == "country":
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


def _typed(t: Trigger) -> bool:
    """The trigger says what kind of event it is: any specific word, and "ledakan"/"explosion"
    (an explosion, if not of which device)."""
    return not t.generic or t.detonated


def _families(triggers: list[Trigger]) -> set[str]:
    """Event types the specific triggers speak for; a crowd clash word ("bentrok", "clashes")
    can be a battle or a riot, so it fits either."""
    return {t.event_type for t in triggers if _typed(t) and not t.crowd}


def _type_compatible(a: list[Trigger], b: list[Trigger]) -> bool:
    fa, fb = _families(a), _families(b)
    strategic = {"Strategic developments"}
    if (fa == strategic and not fb) or (fb == strategic and not fa):
        return False            # an arrest is not the attack told next to it
    if not fa or not fb or fa & fb:
        return True
    groups_ = (set(VIOLENT), set(DEMONSTRATIONS))
    if any(fa <= g and fb <= g for g in groups_):
        return True
    return (fa | fb) <= {"Strategic developments", "Explosions/Remote violence"}


def _cluster(ctx: Ctx) -> list[Event]:
    events: list[Event] = []
    n = len(ctx.doc.sentences)
    for si in range(n):
        if not _seeds(ctx, si):
            continue
        trigs = ctx.triggers[si]
        # of several dates, a day before a week, the earliest: reports come after events;
        # the date of a statement or of the report itself does not date (or split) the event
        dates = [d for d in _fresh_dates(ctx, si) if not _statement_date(ctx, d)]
        date = min(dates, key=lambda d: (d.time_precision, d.date)) if dates else None
        place = _sentence_place(ctx, si)
        target = None
        for ev in reversed(events):
            same_day = date is None or ev.date is None or date.date == ev.date.date or (
                max(date.time_precision, ev.date.time_precision) > 1
                and abs((date.date - ev.date.date).days) <= 7)
            if date is not None and ev.date is None and ev.implied is not None:
                same_day = 0 <= (ev.implied - date.date).days <= 7   # a fresh lead: about now
            if same_day and _place_compatible(place, ev.place) and _type_compatible(trigs, ev.triggers):
                target = ev
                break
            if date is not None and place is not None:
                continue
        if target is None:
            implied = ctx.published if date is None and si < LEAD_SENTENCES else None
            events.append(Event({si}, list(trigs), date, place, implied=implied))
            continue
        target.sentences.add(si)
        target.triggers.extend(trigs)
        target.date = target.date or date
        if place is not None and (target.place is None or target.place.feature in ("admin1", "admin2")):
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
    out = []
    for m in found:
        if d_start is not None and d_end is not None and d_start <= m.start < d_end + 3 and m.sentence == 0:
            continue
        if m.place.feature == "country" and any(
                a.country and (not text[a.end:m.start].strip() or not text[m.end:a.start].strip())
                and (a.end <= m.start <= a.end + 2 or m.end <= a.start <= m.end + 2) for a in actors):
            continue
        out.append(m)
    return out


def _choose_place(ctx: Ctx, ev: Event) -> Place | None:
    """The event's own town-level place when its sentences give one; a province refined by a
    town inside it from the event's sentences; else `places.choose` over its sentences."""
    if ev.place is not None and ev.place.feature not in ("admin1", "country"):
        return ev.place
    if ev.place is not None:
        inside = [m for si in sorted(ev.sentences) + sorted(ev.owned - ev.sentences) for m in ctx.places.get(si, [])
                  if m.place.admin1 == ev.place.admin1 and m.place.country == ev.place.country
                  and m.place.feature not in ("admin1", "admin2", "country") and "modifier" not in m.why]
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
        if same or inside:
            return _with_near((same or inside)[0])
    return chosen


def _event_type(ctx: Ctx, ev: Event, actors: list[Actor]) -> tuple[Trigger | None, str, str]:
    """(deciding trigger, event_type, sub_event_type) following ACLED precedence."""
    trigs = ev.triggers
    specific = [t for t in trigs if _typed(t)] or list(ev.inherited)
    subs = {t.sub_event_type for t in specific}
    kinds = {a.kind for a in actors}
    state_present = bool(kinds & set(STATE))
    crowd = bool(kinds & {"protesters", "rioters", "civilians"}) or \
        any(t.event_type in DEMONSTRATIONS for t in specific)
    clash = [t for t in specific if t.sub_event_type == "Armed clash" and not t.crowd]
    crowd_clash = [t for t in specific if t.sub_event_type == "Armed clash" and t.crowd]
    if crowd_clash and not clash:
        if crowd and not (kinds & set(ARMED)):
            return crowd_clash[0], "Riots", "Violent demonstration"
        clash = crowd_clash
    armed_perp = any(a.kind in ARMED + STATE and a.role == "perpetrator" for a in actors)
    engaged = [t for t in specific if t.sub_event_type in ("Attack", "Abduction/forced disappearance")
               and t.weapon_type in ("Firearms", "Unknown") and not t.civilian_targeting]
    state_target = any(a.kind in STATE and a.role == "target" for a in actors)
    if clash or (engaged and armed_perp and state_target):
        return (clash or engaged)[0], "Battles", "Armed clash"
    demo = [t for t in specific if t.event_type in DEMONSTRATIONS]
    if demo and not [t for t in specific if t.event_type in VIOLENT]:
        if "Violent demonstration" in subs or "Mob violence" in subs:
            best = next(t for t in demo if t.event_type == "Riots")
            return best, "Riots", best.sub_event_type
        if "Protest with intervention" in subs:
            return demo[0], "Protests", "Protest with intervention"
        return demo[0], "Protests", "Peaceful protest"
    hurt = any(c.kind == "killed" and c.high > 0 and not c.aggregate
               for si in ev.owned | ev.sentences for c in ctx.casualties.get(si, []))
    if hurt and specific and all(t.event_type == "Strategic developments" for t in specific) and \
            any(not _typed(t) for t in trigs):
        specific = []          # "a suspect was arrested over the attack that killed four": the attack
    disrupted = [t for t in specific if t.sub_event_type == "Disrupted weapons use"]
    if disrupted and not any(t.detonated for t in trigs) and \
            not any(t.event_type in ("Battles", "Violence against civilians") for t in specific):
        return disrupted[0], "Strategic developments", "Disrupted weapons use"
    if specific:
        best = min(specific, key=et.rank)
        if best.sub_event_type == "Disrupted weapons use" and any(t.detonated for t in trigs):
            explosive = [t for t in trigs if t.event_type == "Explosions/Remote violence"]
            best = min(explosive, key=et.rank)
        return best, best.event_type, best.sub_event_type
    detonated = [t for t in trigs if t.detonated]
    if detonated:
        return detonated[0], detonated[0].event_type, detonated[0].sub_event_type
    if trigs:
        if state_target and armed_perp:
            return trigs[0], "Battles", "Armed clash"
        return trigs[0], "Violence against civilians", "Attack"
    return None, "Violence against civilians", "Attack"


def _period(country: str, day: dt.date) -> str:
    label = ""
    for start, name in groups()["periods"].get(country, []):
        if dt.date.fromisoformat(start) <= day:
            label = f" ({name})"
    return label


def acled_name(actor: Actor, country: str, day: dt.date) -> tuple[str, int]:
    """ACLED actor name and inter code of an actor in an event in `country`."""
    kinds = groups()["kinds"]
    if actor.kind == "group":
        if actor.acled_name:
            return actor.acled_name, actor.inter
        key = next((k for k, g in groups()["groups"].items() if g["name"] == actor.label), None)
        template = groups()["groups"][key]["acled"] if key else "{country}"
        return template.format(country=country), actor.inter
    own = actor.country if actor.country and schema.country(actor.country) else country
    template = kinds[actor.kind]["acled"]
    name = template.format(country=own, period=_period(own, day))
    inter = actor.inter
    if actor.kind in STATE + ("government",) and own != country:
        inter = 8
    return name, inter


def _describe(actor: Actor, language: str | None) -> str:
    if actor.named or language == "en" or not actor.label or fold(actor.label) == fold(actor.text):
        return actor.label if actor.named else actor.text
    return f"{actor.label} ({actor.text})"


def _casualty_figures(cas: list[Casualty], kind: str) -> tuple[int | None, int | None, int | None, Casualty | None]:
    """(lowest firm figure, low, high, evidence) of one kind, perpetrators added to victims."""
    found = [c for c in cas if c.kind == kind and not c.aggregate]
    firm = [c for c in found if c.exact]
    if not firm:
        return None, None, None, None
    victims = [c for c in firm if not c.perpetrators]
    perps = [c for c in firm if c.perpetrators]
    value = max((c.low for c in victims), default=None)
    low = min((c.low for c in victims), default=None)
    high = max((c.high for c in victims), default=None)
    if perps:
        extra = max(c.low for c in perps)
        value, low, high = (value or 0) + extra, (low or 0) + extra, (high or 0) + extra
    best = max(firm, key=lambda c: c.low)
    return value, low, high, best


def _evidence(ctx: Ctx, name: str, si: int | None) -> dict | None:
    if si is None or si >= len(ctx.doc.sentences):
        return None
    s = ctx.doc.sentences[si]
    return {"field": name, "text": s.text, "start": s.start, "end": s.end}


def _fmt_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _country_supported(ctx: Ctx, place: Place) -> bool:
    """A town name alone ("Tak", "Bello", "Kaya") can be read in the wrong country: when the
    article names countries or provinces, the event's country must be among them."""
    named = {m.place.country for m in ctx.doc.findings.get("places") or []
             if m.place.feature == "country" or (m.place.feature == "admin1" and m.score >= NAMED_ADMIN1_SCORE)}
    named |= {a.country for a in ctx.doc.findings.get("actors", {}).get("actors", []) if a.country}
    dateline = ctx.doc.findings.get("dateline")
    if getattr(dateline, "end", None) is not None:      # "Jakarta, CNN Indonesia --": the outlet's home
        city = fold(dateline.place) if getattr(dateline, "place", None) else None
        named |= {m.place.country for m in ctx.doc.findings.get("places") or []
                  if m.start <= dateline.end or (city and fold(m.text) == city)}
    if not named or place.country in named:
        return True
    # else only a reading the resolver is sure of (a big, unambiguous city; the dateline's city)
    same = [m for m in ctx.doc.findings.get("places") or [] if m.place.location == place.location
            and m.place.country == place.country]
    return any(m.score >= SURE_PLACE_SCORE or "dateline" in m.why for m in same)


def _own_place(ctx: Ctx, ev: Event) -> bool:
    """The event's own sentences name a place below the country level."""
    return any(m.place.feature != "country" for si in ev.sentences for m in ctx.places.get(si, []))


def _inherit_type(events: list[Event]) -> None:
    """An event told only with vague words ("serangan AS di Nangarhar", "another attack") is of
    the kind the story is about: it takes the typed violent triggers of the story's first
    typed event."""
    typed = [t for ev in events for t in ev.triggers if _typed(t) and t.event_type in VIOLENT]
    if not typed:
        return
    model = [t for t in typed if t.sentence == typed[0].sentence]
    for ev in events:
        if not any(_typed(t) for t in ev.triggers):
            ev.inherited = model


def _row(ctx: Ctx, ev: Event, main_date: DateMention | None, first: bool = True) -> dict | None:
    doc = ctx.doc
    owned = sorted(ev.owned | ev.sentences)
    if not first and not _own_place(ctx, ev):
        return None          # a further incident whose place the text does not give (convention 6)
    place = _choose_place(ctx, ev)
    if place is None or place.feature == "country" or not place.admin1:
        return None
    country = schema.country(place.country) or schema.country(place.iso3)
    if country is None or not _country_supported(ctx, place):
        return None
    # date
    date = ev.date
    precision = date.time_precision if date else None
    day = date.date if date else None
    date_si = date.sentence if date else None
    if day is None:
        pub_dates = [d for si in owned for d in _fresh_dates(ctx, si) if _statement_date(ctx, d)]
        own = [d for d in pub_dates if d.sentence in ev.sentences]
        if own:              # "..., kata polisi, Jumat (25/8)": the event is of that day or just before
            day, precision, date_si = own[0].date, 1, own[0].sentence
        elif min(ev.sentences) < LEAD_SENTENCES and ctx.published:
            day, precision, date_si = ctx.published, 1, None
        elif pub_dates:
            day, precision, date_si = pub_dates[0].date, 2, pub_dates[0].sentence
        elif main_date is not None:
            day, precision, date_si = main_date.date, main_date.time_precision, main_date.sentence
        # else: told deep in the story with no date anywhere near it - general talk, no row
    if day is None:
        return None
    if ctx.published and not (-WINDOW_DAYS <= (day - ctx.published).days <= 1):
        return None
    actors = [a for si in owned for a in ctx.actors.get(si, [])]
    trig, event_type, sub = _event_type(ctx, ev, actors)
    taxonomy = schema.taxonomy()
    # convention 2: criminal or personal violence with no political actor
    scope = range(len(doc.sentences))     # the story's frame ("carok massal", "ruled out terrorism")
    criminal = any("criminal" in ctx.cues.get(si, set()) and "uncertain" not in ctx.cues.get(si, set())
                   for si in scope)
    claims = [c for si in owned for c in ctx.claims.get(si, [])]
    political = any(a.named for a in actors) or any(c.status in ("claimed", "denied") for c in claims)
    if criminal and not political and event_type not in DEMONSTRATIONS:
        return None
    # actors
    denials = {(c.sentence, c.group) for c in claims if c.status == "denied"}
    # perpetrators are those the event's own sentences name (or a claim/attribution names);
    # "the Taliban are active in the area" elsewhere is context. The accused who deny did not do it.
    perps = [a for a in actors if a.role == "perpetrator" and a.sentence in ev.sentences
             and (a.sentence, a.label) not in denials and (a.sentence, a.text) not in denials]
    targets = [a for a in actors if a.role == "target"]
    attributed = next((c for c in claims if c.status == "attributed"), None)
    claimed = next((c for c in claims if c.status == "claimed"), None)
    denied = next((c for c in claims if c.status == "denied"), None)
    no_claim = next((c for c in claims if c.status == "no_claim"), None)

    def ranked(pool: list[Actor]) -> list[Actor]:
        return sorted(pool, key=lambda a: (not a.named, a.kind not in ARMED, a.sentence, a.start))

    perp: Actor | None = None
    if claimed:
        perp = next((a for a in actors if a.sentence == claimed.sentence and a.named), None)
    if perp is None and attributed:
        perp = next((a for a in actors if a.sentence == attributed.sentence and
                     attributed.group in (a.text, a.label)), None)
    if perp is None and event_type in DEMONSTRATIONS:
        perp = next((a for a in actors if a.kind in ("protesters", "rioters")), None)
    if perp is None and event_type == "Strategic developments":
        perp = next((a for a in actors if a.kind in STATE), None)
    if perp is None and perps:
        perp = ranked(perps)[0]
    if perp is None and event_type in ("Battles",) and sub == "Armed clash":
        perp = next((a for a in actors if a.kind in ARMED), None)
    cname = country.name
    if perp is not None:
        actor1, inter1 = acled_name(perp, cname, day)
    elif event_type == "Protests":
        actor1, inter1 = f"Protesters ({cname})", 6
    elif event_type == "Riots":
        actor1, inter1 = f"Rioters ({cname})", 5
    elif event_type == "Strategic developments":
        actor1, inter1 = f"Police Forces of {cname}{_period(cname, day)}", 1
    else:
        actor1, inter1 = f"Unidentified Armed Group ({cname})", 3
    if event_type == "Riots" and inter1 == 6:
        actor1, inter1 = actor1.replace("Protesters", "Rioters"), 5
    target = None
    for a in ranked([t for t in targets if t is not perp]) + [a for a in actors if a is not perp and
                                                              a.kind in STATE and event_type == "Battles"]:
        if a.kind == "protesters" and event_type not in DEMONSTRATIONS:
            a = replace(a, kind="civilians", inter=7)       # "workers", "students" attacked
        name, inter = acled_name(a, cname, day)
        if name != actor1:
            target = (a, name, inter)
            break
    if target is None and event_type == "Violence against civilians":
        actor2, inter2 = f"Civilians ({cname})", 7
    elif target is not None:
        actor2, inter2 = target[1], target[2]
    else:
        actor2, inter2 = None, 0
    if inter1 == 7 and inter2 and inter2 != 7:       # civilians are never the aggressor in ACLED's order
        actor1, inter1, actor2, inter2 = actor2, inter2, actor1, inter1
    civ = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and inter2 == 7) or bool(trig and trig.civilian_targeting)
    # casualties
    cas = [c for si in owned for c in ctx.casualties.get(si, [])]
    fatalities, f_low, f_high, f_ev = _casualty_figures(cas, "killed")
    suicide = sub == "Suicide bomb" or any(t.sub_event_type == "Suicide bomb" and t.detonated
                                           for t in ev.triggers)      # a vest worn is not a bomber dead
    if suicide and not any(c.perpetrators and c.kind == "killed" for c in cas):
        fatalities = (fatalities or 0) + 1
        f_low = (f_low or 0) + 1
        f_high = (f_high or 0) + 1
    injuries, _, _, i_ev = _casualty_figures(cas, "injured")
    if event_type == "Strategic developments" and fatalities is None:
        fatalities = 0       # a defused bomb or an arrest kills nobody unless the text says so
    # perpetrator and claim
    claim_status = "claimed" if claimed else "denied" if denied else "no_claim" if no_claim else "not_reported"
    claimed_by = claimed.group if claimed else None
    if perp is not None and perp.kind not in ("protesters", "rioters") or claimed:
        perpetrator = claimed_by if claimed and perp is None else _describe(perp, doc.language) if perp else None
    elif perp is not None:
        perpetrator = _describe(perp, doc.language)
    else:
        perpetrator = None
    if claimed:
        p_status = "claimed"
    elif attributed and perp is not None:
        p_status = "attributed"
    elif perp is not None and (perp.named or perp.kind not in ("armed",)):
        p_status = "reported"
    else:
        p_status = "unknown"
    attributed_by = attributed.by if attributed and p_status == "attributed" else None
    target_text = _describe(target[0], doc.language) if target else None
    # notes
    where = place.location or place.admin2 or place.admin1
    region_bits = ", ".join(x for x in dict.fromkeys([place.admin1, cname]) if x and x != where)
    note = f"On {_fmt_date(day)}, {WHAT.get(sub, sub.lower())}"
    if perpetrator and p_status in ("reported", "claimed"):
        note += f" by {perpetrator}"
    if target_text:
        note += f" targeting {target_text}"
    note += f" in {where}" + (f" ({region_bits})" if region_bits else "") + "; "
    if fatalities is None:
        note += "fatalities not reported"
    elif fatalities == 0:
        note += "no fatalities reported"
    else:
        note += f"{fatalities} killed"
    if injuries:
        note += f", {injuries} injured"
    note += "."
    if p_status == "attributed":
        note += f" Attributed to {perpetrator}" + (f" by {attributed_by}" if attributed_by else "") + "."
    if claim_status == "claimed":
        note += f" {claimed_by or 'A group'} claimed responsibility."
    elif claim_status == "denied":
        note += f" {denied.group} denied involvement."
    elif claim_status == "no_claim":
        note += " No group claimed responsibility."
    # evidence
    ev_items = [
        _evidence(ctx, "event_date", date_si),
        _evidence(ctx, "event_type", trig.sentence if trig else min(ev.sentences)),
        _evidence(ctx, "sub_event_type", trig.sentence if trig else min(ev.sentences)),
        _evidence(ctx, "location", next((si for si in owned if ctx.places.get(si)), None)),
        _evidence(ctx, "fatalities", f_ev.sentence if f_ev else None),
        _evidence(ctx, "injuries", i_ev.sentence if i_ev else None),
        _evidence(ctx, "actor1", perp.sentence if perp else None),
        _evidence(ctx, "actor2", target[0].sentence if target else None),
        _evidence(ctx, "claim_status", (claimed or denied or no_claim).sentence
                  if (claimed or denied or no_claim) else None),
        _evidence(ctx, "attributed_by", attributed.sentence if attributed else None),
    ]
    dateline = doc.findings.get("dateline")
    if dateline is not None and dateline.start is not None and dateline.outlet:
        ev_items.append({"field": "source", "text": doc.article.text[dateline.start:dateline.end],
                         "start": dateline.start, "end": dateline.end})
    evidence = [e for e in ev_items if e]
    confidence = 0.45 + 0.15 * bool(trig and not trig.generic) + 0.1 * bool(date) + \
        0.1 * (place.geo_precision <= 2) + 0.1 * bool(perp or fatalities is not None) + 0.05 * bool(claims)
    outlet = (getattr(dateline, "outlet", None) if dateline else None) or doc.article.source
    published = ctx.published
    timestamp = int(dt.datetime.combine(published, dt.time(), dt.timezone.utc).timestamp()) if published else 0
    key_place = place.admin1 if place.geo_precision == 3 else (place.location or place.admin1)
    attack = trig.attack_type if trig else None
    weapon = trig.weapon_type if trig else None
    if event_type == "Battles":
        attack, weapon = "Armed Assault", "Firearms"
    if event_type in DEMONSTRATIONS or event_type == "Strategic developments":
        attack = weapon = None
    tags = "; ".join(t for t in (
        "complex attack" if event_type == "Battles" and any(
            t.event_type == "Explosions/Remote violence" and not t.generic for t in ev.triggers) else "",
        "suicide bomb" if sub == "Suicide bomb" else "") if t) or None
    return {
        "event_id_cnty": ids.event_id(country.iso3, doc.article.text_hash, day.isoformat(), key_place,
                                      event_type, actor1),
        "event_date": day, "year": day.year, "time_precision": int(precision or 1),
        "disorder_type": taxonomy.disorder_type_of[sub], "event_type": event_type, "sub_event_type": sub,
        "actor1": actor1, "assoc_actor_1": None, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": None, "inter2": inter2,
        "interaction": schema.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civ else None,
        "iso": country.iso_numeric, "region": country.region, "country": cname,
        "admin1": place.admin1, "admin2": place.admin2, "admin3": None, "location": place.location or place.admin1,
        "latitude": place.latitude, "longitude": place.longitude, "geo_precision": int(place.geo_precision),
        "source": outlet, "source_scale": None, "notes": note,
        "fatalities": fatalities, "tags": tags, "timestamp": timestamp, "injuries": injuries,
        "fatalities_low": f_low, "fatalities_high": f_high,
        "attack_type": attack, "weapon_type": weapon,
        "perpetrator": perpetrator, "perpetrator_status": p_status, "claim_status": claim_status,
        "claimed_by": claimed_by, "attributed_by": attributed_by, "target": target_text,
        "language": doc.language if doc.language and doc.language != "und" else None,
        "article_ids": [doc.article.id], "evidence": evidence,
        "confidence": round(min(confidence, 0.95), 2), "extractor_version": EXTRACTOR_VERSION,
    }


def run(doc: Doc) -> None:
    """Fill doc.rows with one row per event the article reports."""
    ctx = _context(doc)
    events = _cluster(ctx)
    _inherit_type(events)
    main_date = next((e.date for e in events if e.date is not None), None)
    if events and events[0].date is None and events[0].implied is not None:
        main_date = DateMention(events[0].implied, 1, min(events[0].sentences), 0, 0, "", "publication")
    rows: list[dict] = []
    seen: set[tuple] = set()
    for n, ev in enumerate(events):
        row = _row(ctx, ev, main_date, first=n == 0)
        if row is None:
            continue
        key = (row["event_date"], row["country"], row["admin1"], row["location"], row["event_type"])
        if key in seen:
            continue
        seen.add(key)
        rows.append(row)
    doc.rows = rows
