"""Building an event row from an event of the story: type, actors, casualties, claim, notes.

Types follow ACLED precedence with the codebook's special cases: an armed engagement with
security forces makes the incident a Battle even if bombs were used (FORMAT.md convention 3);
a device defused and never set off is Disrupted weapons use; a protest with violence is a riot.
Rows are reproducible: `timestamp` is the publication date at 00:00 UTC (0 when unknown), so
re-coding an article gives the same row unless the extractor changed.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
import re
from dataclasses import replace

from events import ids, schema
from events.extract import casualties
from events.extract import event_types as et
from events.extract.dates import EARLIEST_YEAR, latest_day
from events.extract.actors import groups, tables as actor_tables
from events.extract.story import (
    ARMED, DEMONSTRATIONS, LEAD_SENTENCES, STATE, VIOLENT, Ctx, Event, choose_place, country_supported,
    fresh_dates, own_place, statement_date, is_typed)
from events.findings import Actor, Casualty, DateMention, Place, Trigger
from events.matcher import fold
from events.article import BACKGROUND_ONLY, EXTRACTOR_VERSION, NO_DATE, NO_PLACE

WINDOW_DAYS = 30
NAMING_DAY = dt.date.max     # an undated event's actors are named by the latest periods (Taliban as state)

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


def _armed_violence(triggers: list[Trigger]) -> bool:
    """Violence a crowd does not do with its hands, sticks, stones or fire: guns, bombs, shells,
    clashes of armed men. A beating, a stabbing, a lynching, arson, a crude bomb thrown by party
    cadres are a mob's too."""
    # "melempar bom molotov": the throwing word overlapping the crowd's device throws that device
    crowd_spans = [(t.sentence, t.start, t.end) for t in triggers if t.crowd]
    return any(t.event_type in VIOLENT and not t.crowd and not t.generic
               and t.weapon_type not in ("Melee", "Incendiary", "Unknown", "Sabotage Equipment")
               and not any(si == t.sentence and s < t.end and t.start < e for si, s, e in crowd_spans)
               for t in triggers)


def _all_triggers(ctx: Ctx, si: int) -> list[Trigger]:
    """Every trigger of one sentence, negated and hypothetical ones too (indexed once per article)."""
    key = ("all triggers by sentence",)
    if key not in ctx.memo:
        index: dict[int, list[Trigger]] = {}
        for t in ctx.doc.findings.get("event_types", []):
            index.setdefault(t.sentence, []).append(t)
        ctx.memo[key] = index
    return ctx.memo[key].get(si, [])


def _demonstrating(ctx: Ctx, ev: Event) -> bool:
    """The event's words say the crowd was demonstrating (a protest, a strike, a demand), even a
    word told as what they demanded: a riot then is a violent demonstration, else mob violence."""
    told = ev.sentences | ev.owned
    if any(et.names_demonstration(t, ctx.doc.language) for t in ev.triggers):
        return True          # "students rioted over fees": the riot word names their demonstration
    # the police's answer ("fired tear gas to disperse the clashing groups") tells no demand of the
    # crowd, nor a gathering that voices none ("stabbed a rival during a victory procession")
    return any(_crowd_protest(t) and not _occasion(ctx, t) and _demand_told(ctx, t) for t in ev.triggers) or any(
        _crowd_protest(t) and not t.negated and not _occasion(ctx, t) and _demand_told(ctx, t)
        for si in told for t in _all_triggers(ctx, si))


def _demand_told(ctx: Ctx, t: Trigger) -> bool:
    """The protest word voices a demand: any but a gathering's ("a rally", "a procession"), and a
    gathering's with a demand told after it ("a rally demanding the release of a leader")."""
    lang = ctx.doc.language
    return not et.names_gathering(t, lang) or \
        et.gathering_demands(t, ctx.doc.article.text, ctx.doc.sentences[t.sentence].end, lang)


POLICING = ("Protest with intervention", "Excessive force against protesters")


def _crowd_protest(t: Trigger) -> bool:
    """A word of the crowd protesting (a march, a strike, a sit-in), not of the police answering it."""
    return t.event_type == "Protests" and t.sub_event_type not in POLICING


OFF_DUTY_CHARS = 30     # from "off-duty" to the police word it tells of ("an off-duty traffic police officer")
OFF_DUTY_WORDS = 2      # ... and words between, when it stands before
OFF_DUTY_AFTER = 50     # after it: "a police officer of the town council who was off duty"


def _off_duty(actors: list[Actor], ctx: Ctx) -> list[Actor]:
    """Police or soldiers told as off duty, retired or unarmed ("shot dead an off-duty police
    officer", "the officer, who was off duty"): civilians for the codebook, who cannot fight back."""
    text = ctx.doc.article.text
    out = []
    for a in actors:
        if a.role == "target" and a.kind in STATE:
            s = ctx.doc.sentences[a.sentence]
            lo, hi = max(s.start, a.start - OFF_DUTY_CHARS), min(s.end, a.end + OFF_DUTY_AFTER)
            marks = et.target_words(ctx.doc.language, "off_duty").find(text[lo:hi])
            # right before its police word ("an off-duty traffic officer"), in it or after it ("the
            # officer, who was off duty"); not a word of another party ("former rebels ambushed police")
            if any(lo + m.end <= a.start and len(text[lo + m.end:a.start].split()) <= OFF_DUTY_WORDS
                   or lo + m.start >= a.start for m in marks):
                a = replace(a, kind="civilians", inter=7, acled_name=None)
        out.append(a)
    return out


def _mob_justice(ctx: Ctx, ev: Event) -> bool:
    """The event's sentences name its victims as suspected thieves, witches or robbers (triggers.toml
    [targets] mob_justice): the crowd punishing them is the codebook's mob violence."""
    words = et.target_words(ctx.doc.language, "mob_justice")
    return any(words.find(ctx.doc.sentences[si].text) for si in ev.sentences if si < len(ctx.doc.sentences))


def _communal(ctx: Ctx, clashes: list[Trigger]) -> bool:
    """A sentence of the clash names its sides as ethnic, clan or tribal communities."""
    words = et.target_words(ctx.doc.language, "communal")
    return any(words.find(ctx.doc.sentences[si].text) for si in {t.sentence for t in clashes})


def _crowd_told(ctx: Ctx, ev: Event, actors: list[Actor]) -> bool:
    """The event's sentences tell a crowd: protesters or rioters named, or a word of a crowd
    gathering, marching or rioting (not only of the police answering one)."""
    if any(a.kind in ("protesters", "rioters") for a in actors):
        return True
    told = ev.sentences | ev.owned
    return any((t.event_type in DEMONSTRATIONS and t.sub_event_type not in POLICING) or t.crowd
               for t in ev.triggers) or any(
        t.event_type in DEMONSTRATIONS and t.sub_event_type not in POLICING and not t.negated
        for si in told for t in _all_triggers(ctx, si))


SIDE_REACH = 20       # characters before a crowd actor in which a side word tells it ("supporters of the opposition")
OCCASION_WORDS = 3    # "amid the demonstrations": the protest word this close after an occasion word


def _occasion(ctx: Ctx, t: Trigger) -> bool:
    """'clashed during a rally', 'amid anti-government demonstrations', 'bentrok saat aksi': the
    protest is the occasion of the violence, not what the violent crowd was doing."""
    s = ctx.doc.sentences[t.sentence]
    before = ctx.doc.article.text[s.start:t.start]
    marks = [m for m in et.occasions(ctx.doc.language).find(before)]
    return any(len(before[m.end:].split()) <= OCCASION_WORDS for m in marks)


def _riot(ctx: Ctx, ev: Event, found: tuple[Trigger | None, str, str]) -> tuple[Trigger | None, str, str]:
    """ACLED's two riots: demonstrators turning violent, or a violent crowd with no demand
    (supporters of rival candidates fighting, villagers beating a thief, a football crowd)."""
    trig, event_type, sub = found
    if event_type != "Riots":
        return found
    if sub == "Violent demonstration" and not _demonstrating(ctx, ev):
        return trig, "Riots", "Mob violence"
    return found


def _headline_case(text: str) -> bool:
    """All capitals or most words capitalised: a capital letter there says nothing of a name."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return text.isupper() or bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


PASSIVE_WORDS = 2     # words before a verb in which a passive marker makes it done to the crowd


def _crowd_wrecking(ctx: Ctx, ev: Event, told: list[Actor]) -> list[Trigger]:
    """Vague words of wrecking or stoning in the crowd's own sentence, with no state or armed doer
    named there and not told in the passive: "students blocked roads and stoned passing cars",
    "traders protesting ... demolished a stall", "warga berunjuk rasa lalu membakar pos": the
    demonstrators' destruction, the codebook's violent demonstration. ("their kiosks were
    demolished", "police beat the marchers" and the grievance after "protested against the ..."
    are not.)"""
    protest_at: dict[int, list[int]] = {}
    for t in ev.triggers:
        if _crowd_protest(t) and not _occasion(ctx, t):
            protest_at.setdefault(t.sentence, []).append(t.end)
    crowd_sentences = set(protest_at)
    others = et.other_clause(ctx.doc.language)
    armed = {a.sentence for a in told if a.role == "perpetrator" and a.kind in ARMED + STATE}
    between, prefixes = et.passive(ctx.doc.language)
    text = ctx.doc.article.text
    out = []
    for t in ev.triggers:
        if not t.generic or t.hypothetical or t.negated or t.sentence not in crowd_sentences - armed:
            continue
        if t.sub_event_type != "Looting/property destruction" and t.attack_type != "Unarmed Assault":
            continue
        s = ctx.doc.sentences[t.sentence]
        if t.start > s.start and t.text[:1].isupper() and not _headline_case(s.text):
            continue        # a name's word ("at Burnt Forest"), not a verb
        before = " ".join(text[s.start:t.start].split()[-PASSIVE_WORDS:])
        if between.find(before) or (prefixes and fold(t.text).startswith(prefixes)):
            continue
        ends = [e for e in protest_at[t.sentence] if e <= t.start]
        if ends and others.find(text[max(ends):t.start]):
            continue        # "protested, saying the county had destroyed their stalls"
        out.append(t)
    return out


def _event_type(ctx: Ctx, ev: Event, actors: list[Actor]) -> tuple[Trigger | None, str, str]:
    """(deciding trigger, event_type, sub_event_type) following ACLED precedence."""
    # "shot two women of the Turkana tribe": a community's people attacked are civilians, not a side
    actors = [replace(a, kind="civilians", inter=7) if a.role == "target" and _community(a, ctx.doc.language)
              else a for a in actors]
    return _fought_back(ev, actors, _riot(ctx, ev, _acled_type(ctx, ev, actors)), ctx.doc.language)


def _fought_back(ev: Event, actors: list[Actor], found: tuple[Trigger | None, str, str],
                 language: str | None = None) -> tuple[Trigger | None, str, str]:
    """An attack whose only victims told are police, soldiers or fighters is a battle for the
    codebook: the target is armed and can fight back ("gunmen shot two police officers")."""
    trig, event_type, sub = found
    if (event_type, sub) != ("Violence against civilians", "Attack") or (trig and trig.civilian_targeting):
        return found
    if trig and trig.weapon_type == "Melee" and not trig.generic:
        return found         # a soldier hacked to death by men with machetes could not fight back
    # "shot two women of the Turkana tribe": a community's people attacked are civilians
    targets = [replace(a, kind="civilians") if _community(a, language) else a
               for a in actors if a.role == "target" and a.sentence in ev.sentences]
    state_doer = any(a.role == "perpetrator" and a.kind in STATE for a in actors if a.sentence in ev.sentences)
    # the police beating a woman at their checkpoint: the state's violence, the checkpoint no side
    if targets and all(a.kind in STATE + ARMED for a in targets) and \
            not (state_doer and all(a.kind in STATE for a in targets)):
        return trig, "Battles", "Armed clash"
    if not any(a.kind in ("civilians", "protesters", "government") for a in targets) and _two_sides(ev, actors, language):
        # "Taliban militants were killed in an operation by the army": the state and an armed
        # group, whichever the actor stage read as the doer, fought each other
        return trig, "Battles", "Armed clash"
    return found


def _two_sides(ev: Event, actors: list[Actor], language: str | None = None) -> bool:
    """The event's own sentences name the state's forces and an armed group, or two named armed
    groups: the two sides of a battle."""
    # "attacked members of the X tribe": people; "..., kata polisi": who tells it is no side
    own = [a for a in actors if a.sentence in ev.sentences and a.role != "source"
           and not (a.role == "target" and _community(a, language))]
    armed = [a for a in own if a.kind in ARMED and (a.kind != "group" or _listed(a))]
    return bool(armed) and any(a.kind in STATE for a in own) or len({a.label for a in armed if a.named}) >= 2


def _state_post(actor: Actor, language: str | None) -> bool:
    """A post or station of the police or the army told as a target ("at a checkpoint",
    triggers.toml [targets] posts): where state forces doing violence stand, no side they fight."""
    return actor.kind in STATE and actor.role == "target" and bool(et.target_words(language, "posts").find(actor.text))


def _community(actor: Actor, language: str | None) -> bool:
    """An ethnic community told by its people's word ("the Turkana tribe", "suku Dani"; actors.toml
    [ethnic_militias] people_after/people_before), not by its fighters' ("Pokot raiders"): its
    people attacked are civilians, and a crowd of it is a crowd."""
    if actor.kind != "group" or not any(g["name"] == actor.label and "community" in g
                                        for g in groups()["groups"].values()):
        return False
    words = " ".join(fold(actor.text).split())
    return any(words.endswith(" " + w) or words.startswith(w + " ")
               for w in actor_tables(language).community_people)


def _listed(actor: Actor) -> bool:
    """A group the groups table knows (an armed group, a party with its ACLED name)."""
    return any(g["name"] == actor.label for g in groups()["groups"].values())


def _as_crowd(ctx: Ctx, ev: Event, actors: list[Actor]) -> list[Actor]:
    """A named group no table knows ("members of the BNP", "Chhatra League activists") that
    fights with sticks, stones, fire or crude bombs and no gun or bomb of an armed group is a
    crowd for the codebook (rioters), not an armed group: its clashes are riots, not battles.
    People told right before such a verb ("locals beat a suspected thief", "warga memukuli")
    are its doers, whatever role the actor stage guessed."""
    trigs = ev.triggers or ev.inherited
    if _armed_violence(trigs):
        return actors
    # "a dozen assailants beat up a journalist", "assailants hurled crude bombs at the office": a
    # beating, or home-made devices thrown, by a band of men is a mob's
    violent = [t for t in trigs if t.event_type in VIOLENT and not t.generic]
    beating = bool(violent) and all(t.attack_type == "Unarmed Assault" or (
        t.crowd and t.event_type == "Explosions/Remote violence") for t in violent)
    # "assailants vandalised the house of a former MP", "relatives ransacked the clinic": wrecking
    # by hand, no violent word, by a band not told as armed
    wrecking = not violent and any(t.sub_event_type == "Looting/property destruction" and not t.generic
                                   and t.weapon_type in (None, "Sabotage Equipment") for t in trigs)
    armed_band = et.target_words(ctx.doc.language, "armed_band")

    def band(a: Actor) -> bool:
        return a.kind == "armed" and not a.named and (beating or wrecking and not armed_band.find(a.text))
    return [replace(a, kind="rioters") if a.kind == "group" and a.named and not _listed(a) or band(a)
            else replace(a, role="perpetrator") if a.kind == "civilians" and _doer(ctx, ev, a) else a
            for a in actors]


DOER_CHARS = 40       # from a people word to the violent verb it is the subject of
DOER_WORDS = 2        # ... and at most this many words between ("locals then beat")


def _triggers_in(ctx: Ctx, ev: Event, si: int) -> list[Trigger]:
    """The event's triggers in one sentence, in order (indexed once, so a long article with
    many people words stays linear)."""
    key = ("triggers by sentence", id(ev), len(ev.triggers))
    if key not in ctx.memo:
        index: dict[int, list[Trigger]] = {}
        for t in ev.triggers:
            index.setdefault(t.sentence, []).append(t)
        ctx.memo[key] = index
    return ctx.memo[key].get(si, [])


def _triggers_near(ctx: Ctx, ev: Event, si: int, lo: int, hi: int) -> list[Trigger]:
    """The event's triggers in one sentence that start in [lo, hi], by bisect when there are many."""
    trigs = _triggers_in(ctx, ev, si)
    if len(trigs) <= 8:
        return trigs
    key = ("triggers by start", id(ev), len(ev.triggers), si)
    if key not in ctx.memo:
        ordered = sorted(trigs, key=lambda t: t.start)
        ctx.memo[key] = (ordered, [t.start for t in ordered])
    ordered, starts = ctx.memo[key]
    return ordered[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]


def _doer(ctx: Ctx, ev: Event, a: Actor) -> bool:
    """The people word is the subject of an active violent verb just after it."""
    between, prefixes = et.passive(ctx.doc.language)
    text = ctx.doc.article.text
    for t in _triggers_near(ctx, ev, a.sentence, a.end, a.end + DOER_CHARS):
        # "villagers beat a thief", "relatives vandalized the hospital": a crowd's violence or wrecking
        if t.sentence != a.sentence or t.sub_event_type not in ("Attack", "Looting/property destruction") or t.generic \
                or not 0 <= t.start - a.end <= DOER_CHARS:
            continue
        gap = text[a.end:t.start]
        if any(c in gap for c in ",;:()") or len(gap.split()) > DOER_WORDS or between.find(gap):
            continue
        if fold(t.text).startswith(prefixes) if prefixes else False:
            continue
        return True
    return False


def _ambushes_of_civilians(trigs: list[Trigger], actors: list[Actor], ev: Event) -> list[Trigger]:
    """'gunmen ambushed a bus and killed three passengers', 'KKB menyergap warga': an ambush that
    strikes only civilians is an attack on them; one on soldiers or police (or on someone the text
    does not say) stays a battle."""
    if not any(t.ambush for t in trigs):
        return trigs
    targets = [a for a in actors if a.role == "target" and a.sentence in ev.sentences]
    if not targets or any(a.kind != "civilians" for a in targets) or \
            any(a.kind in ARMED + STATE and a.role == "target" for a in actors):
        return trigs
    return [replace(t, sub_event_type="Attack", event_type="Violence against civilians") if t.ambush else t
            for t in trigs]


def _acled_type(ctx: Ctx, ev: Event, actors: list[Actor]) -> tuple[Trigger | None, str, str]:
    # a crowd told as the doer in words of its own ("rioters", "protesters", "a mob"), before
    # named groups and bands of men are read as crowds
    # ... told before the violent word ("rioters hurled"; "beat up the protesters" is done to them)
    hurting = [t for t in ev.triggers if t.event_type in VIOLENT and is_typed(t)]
    crowd_doers = any(a.role == "perpetrator" and a.kind in ("rioters", "protesters") and any(
        t.sentence == a.sentence and a.end <= t.start for t in hurting) for a in actors)
    actors = _as_crowd(ctx, ev, actors)
    trigs = ev.triggers
    if not _crowd_told(ctx, ev, actors):
        # "police intervened, killing the three attackers": a policing word with no crowd told
        # polices no protest (the codebook's intervention and excessive force are done to a crowd)
        trigs = [t for t in trigs if t.sub_event_type not in POLICING]
    specific = [t for t in trigs if is_typed(t)]
    own_told = [a for a in actors if a.sentence in ev.sentences]
    fought = any(a.kind in ARMED + STATE and a.role == "perpetrator" for a in own_told) and \
        any(a.kind in ARMED + STATE and a.role == "target" for a in own_told)
    strategic_only = all(t.event_type == "Strategic developments" for t in trigs)   # "troops deployed"
    if not specific and trigs and fought and not strategic_only:
        return trigs[0], "Battles", "Armed clash"   # "soldiers repelled an attack by ISWAP": not the story's kind
    specific = _ambushes_of_civilians(specific or list(ev.inherited), actors, ev)
    subs = {t.sub_event_type for t in specific}
    kinds = {a.kind for a in actors}
    crowd = bool(kinds & {"protesters", "rioters", "civilians"}) or \
        any(t.event_type in DEMONSTRATIONS for t in specific)
    clash = [t for t in specific if t.sub_event_type == "Armed clash" and not t.crowd]
    crowd_clash = [t for t in specific if t.sub_event_type == "Armed clash" and t.crowd]
    if crowd_clash and not clash and _communal(ctx, crowd_clash):
        # "members of two clans clashed over grazing land": identity militias fighting
        return crowd_clash[0], "Battles", "Armed clash"
    # "as fighting between the two communities escalated", "a battle between clans armed with
    # machetes": a battle word told of communities, no bombing or shelling
    battle = [t for t in trigs if t.event_type == "Battles" and not t.hypothetical and not t.negated]
    if battle and not clash and _communal(ctx, battle) and \
            not any(t.event_type == "Explosions/Remote violence" for t in specific):
        return battle[0], "Battles", "Armed clash"
    if crowd_clash and not clash:
        # "tawuran antarwarga ... bentrokan itu pecah": the clash of a brawl between residents is the
        # brawl, when the story opens with the brawl and tells it more often than the clash
        mob = [t for t in specific if t.sub_event_type == "Mob violence"]
        if mob and specific[0] is mob[0] and len(mob) > len(crowd_clash) and \
                not any(t.event_type == "Protests" and t.sub_event_type != "Protest with intervention"
                        for t in specific):
            return mob[0], "Riots", "Mob violence"
        # "two factions of the ruling party clashed with sticks": crowds named as the sides, nobody
        # armed or of the state named, no gun or bomb
        side_words = et.target_words(ctx.doc.language, "crowd_sides")
        crowd_sides = not kinds & set(ARMED + STATE) and not _armed_violence(specific) and any(
            side_words.find(ctx.doc.sentences[si].text) for si in {t.sentence for t in crowd_clash})
        # (protesters told as such, not as supporters or factions, "supporters of the opposition":
        # a demonstration's crowd)
        text = ctx.doc.article.text
        if crowd_sides and all(not _demand_told(ctx, t) for t in trigs if t.event_type == "Protests") \
                and not any(a.kind == "protesters" and not side_words.find(text[max(0, a.start - SIDE_REACH):a.end])
                            for a in actors):
            # "supporters of two candidates clashed during a rally": a brawl between crowds, the
            # rally its occasion (FORMAT.md 8), not demonstrators turning violent (every protest
            # word of the event a gathering with no demand: [targets] gatherings)
            return crowd_clash[0], "Riots", "Mob violence"
        if (crowd or crowd_sides) and not (kinds & set(ARMED)):
            return crowd_clash[0], "Riots", "Violent demonstration"
        clash = crowd_clash
    told = [a for a in actors if a.sentence in ev.sentences]     # who the event's own sentences name
    armed_perp = any(a.kind in ARMED + STATE and a.role == "perpetrator" for a in told)
    # the party attacked is armed too (police, soldiers, a militia): a battle, not an attack on civilians
    # ... but not the post state forces shoot from ("opened fire on a car at a checkpoint")
    state_doer = any(a.kind in STATE and a.role == "perpetrator" for a in told)
    state_target = any(a.kind in ARMED + STATE and a.role == "target"
                       and not (state_doer and _state_post(a, ctx.doc.language)) for a in told)
    # shooting words, and vague fighting words ("stormed", "fought") between two armed parties
    # ("fired mortars at the positions of": the firing word is the shelling's, no gunfight)
    shelled = {t.sentence for t in specific if t.sub_event_type == "Shelling/artillery/missile attack"}
    engaged = [t for t in specific if t.sub_event_type in ("Attack", "Abduction/forced disappearance")
               and t.weapon_type in ("Firearms", "Unknown") and not t.civilian_targeting] + \
        [t for t in trigs if t.generic and t.weapon_type == "Firearms" and t.sentence not in shelled]
    # "fighting between the army and the RSF": a battle word with two armed sides named
    sides = {fold(a.text) for a in told if a.kind in ARMED + STATE}
    fought = [t for t in trigs if t.event_type == "Battles"] if len(sides) >= 2 else []
    if clash or (engaged and armed_perp and state_target) or (fought and not specific):
        return (clash or engaged or fought)[0], "Battles", "Armed clash"
    hurt = any(c.kind == "killed" and c.high > 0 and not c.aggregate
               for si in ev.owned | ev.sentences | ev.soft for c in ctx.casualties.get(si, []))
    demo = [t for t in specific if t.event_type in DEMONSTRATIONS]
    violent = [t for t in specific if t.event_type in VIOLENT]
    if violent and demo and not any(a.role == "perpetrator" and a.kind in STATE for a in told):
        # "party activists beat up five opponents ahead of an opposition rally", "memukuli ...
        # menjelang unjuk rasa": the protest is when the violence happened, no crowd demonstrating
        # (a brawl or altercation it follows is still the crowd's own violence)
        demo = [t for t in demo if not (t.event_type == "Protests" and _occasion(ctx, t))]
    # police shooting at a crowd is part of the demonstration, not an attack on civilians
    crowd_shot = violent and all(t.sub_event_type == "Attack" for t in violent) and not kinds & set(ARMED)
    rioting = [a for a in told if a.role == "perpetrator" and a.kind in ("rioters", "protesters")]
    # "villagers beat a suspected thief", "residents torched his house": civilians doing violence
    # with no armed or state party beside them are a mob
    if not any(a.role == "perpetrator" and a.kind in ARMED + STATE for a in told):
        rioting += [a for a in told if a.role == "perpetrator" and a.kind == "civilians"]
    # "43 students were taken to the police station": an arrest word alone is no crowd's violence
    arrest_only = bool(trigs) and all(t.event_type == "Strategic developments" for t in trigs) and \
        any(t.sub_event_type == "Arrests" and not t.generic for t in trigs)
    mob = [t for t in demo if t.sub_event_type == "Mob violence"]
    if (violent or hurt or mob) and not any(t.event_type == "Protests" for t in demo) and _mob_justice(ctx, ev) \
            and not any(a.role == "perpetrator" and (a.kind in STATE or a.named) for a in told):
        # "villagers lynched two suspected thieves", "vigilantes hacked a suspected witch": the
        # codebook's mob justice is mob violence, whatever weapon the crowd used
        return (mob or violent or trigs or [None])[0], "Riots", "Mob violence"
    if not demo and rioting and not kinds & set(ARMED) and not _armed_violence(specific) and not arrest_only:
        # a crowd burning or attacking with no protest word: rioting, a mob's when no crowd of protesters
        sub = "Violent demonstration" if any(a.kind == "protesters" for a in rioting) else "Mob violence"
        return (trigs or [None])[0], "Riots", sub
    # "a man was beaten up by his neighbours", "assailants assaulted two journalists": a beating
    # with no weapon and no armed group or state doer is a mob's
    beaten = [t for t in specific if t.event_type in VIOLENT]
    if not demo and beaten and all(t.sub_event_type == "Attack" and t.attack_type == "Unarmed Assault"
                                   and not t.civilian_targeting for t in beaten) and \
            not any(a.role == "perpetrator" and a.kind in ARMED + STATE for a in told):
        return beaten[0], "Riots", "Mob violence"
    # (the crowd told as the doer keeps its violence whatever the police did: "police dispersed the
    # protesters after they began pelting the officers with stones")
    if demo and violent and not _armed_violence(specific) and not kinds & set(ARMED) and (crowd_doers or (
            not any(a.role == "perpetrator" and a.kind in STATE for a in told)
            and any(t.event_type == "Riots" for t in demo)
            and not any(a.role == "target" and a.kind == "protesters" for a in told))):
        # "rioters hurled petrol bombs at the house", "protesters stoned the police": the crowd's
        # own violence with its hands, stones, fire or crude bombs is the riot (a demonstration's
        # when they were demonstrating, else a mob's)
        return _riot(ctx, ev, (demo[0], "Riots", "Violent demonstration"))
    if demo and (not violent or crowd_shot):
        if "Violent demonstration" in subs or "Mob violence" in subs:
            best = next(t for t in demo if t.event_type == "Riots")
            return best, "Riots", best.sub_event_type
        # "demonstrators vandalised offices", "massa membakar pos polisi": destruction by the crowd
        wrecked = [t for t in specific if t.sub_event_type == "Looting/property destruction"] or \
            _crowd_wrecking(ctx, ev, told)
        if wrecked:
            return wrecked[0], "Riots", "Violent demonstration"
        # "protested against the killing of a student": that death is what they protest about
        grieved = {si for si in ev.owned | ev.sentences | ev.soft
                   if any(t.hypothetical and t.event_type in VIOLENT for t in _all_triggers(ctx, si))}
        hurt = hurt and any(c.kind == "killed" and c.high > 0 and not c.aggregate and not _grievance_death(ctx, c)
                            for si in (ev.owned | ev.sentences | ev.soft) - grieved
                            for c in ctx.casualties.get(si, []))
        # live fire on the crowd (a death, or shots fired) by the police or soldiers
        fired = any(t.weapon_type == "Firearms" and not t.generic for t in violent)
        if (hurt or fired) and any(a.kind in STATE and a.role == "perpetrator" for a in told):
            # the state killed protesters and the text tells of no violence by them
            return demo[0], "Protests", "Excessive force against protesters"
        if hurt:             # people died and nobody is said to have killed them: clashes
            return demo[0], "Riots", "Violent demonstration"
        # protesters arrested: an arrest told with the crowd ("He was arrested in connection with
        # a case" after the protest explains the grievance, not the protest's end)
        crowd_told = {t.sentence for t in demo} | {a.sentence for a in told if a.kind in ("protesters", "rioters")}
        arrested = any(t.sub_event_type == "Arrests" and t.sentence in crowd_told for t in specific)
        # ... or told after the protest with the police or the army making it ("Students blocked
        # roads. Police made several arrests."), not as what befell someone before
        after_demo = min((t.sentence for t in demo), default=None)
        arrested = arrested or after_demo is not None and any(
            t.sub_event_type == "Arrests" and not t.hypothetical and not t.negated and t.sentence > after_demo
            and any(a.sentence == t.sentence and a.role == "perpetrator" and a.kind in STATE and a.end <= t.start
                    for a in actors)
            for si in (ev.sentences | ev.owned) for t in _all_triggers(ctx, si))
        if "Protest with intervention" in subs or arrested:
            return demo[0], "Protests", "Protest with intervention"
        # "police shot at the protesters", "counter-demonstrators beat the marchers": the crowd
        # suppressed by force, nobody killed
        # (the bare noun of people held, "freed hostages spoke at the rally", is no force used on them)
        beaten = [t for t in trigs if t.event_type in VIOLENT and not t.hypothetical
                  and not (t.generic and t.sub_event_type == "Abduction/forced disappearance")]
        state_doer = any(a.kind in STATE and a.role == "perpetrator" for a in told)
        if beaten and violent and not state_doer and all(not _demand_told(ctx, t) for t in demo):
            # "party workers beat up rivals at a celebration rally": no demonstration to suppress,
            # a crowd's violence at a gathering that voices no demand (FORMAT.md 8)
            return beaten[0], "Riots", "Mob violence"
        if beaten and (violent or state_doer):
            return demo[0], "Protests", "Protest with intervention"
        return demo[0], "Protests", "Peaceful protest"
    if hurt and specific and all(t.event_type == "Strategic developments" for t in specific) and \
            any(not is_typed(t) for t in trigs):
        specific = []          # "a suspect was arrested over the attack that killed four": the attack
    disrupted = [t for t in specific if t.sub_event_type == "Disrupted weapons use"]
    # "a bomb was discovered near the church", "polisi menemukan bom rakitan": a device and a
    # word of finding it in one sentence, nothing set off
    found = {t.sentence for t in trigs if t.sub_event_type == "Disrupted weapons use" and t.generic}
    disrupted = disrupted or [t for t in specific if t.sentence in found and t.weapon_type == "Explosives"]
    if disrupted and not any(t.detonated for t in trigs) and \
            not any(t.event_type in ("Battles", "Violence against civilians") for t in specific):
        return disrupted[0], "Strategic developments", "Disrupted weapons use"
    if specific:
        best = min(specific, key=et.rank)
        if best.sub_event_type == "Disrupted weapons use" and any(t.detonated for t in trigs):
            explosive = [t for t in trigs if t.event_type == "Explosions/Remote violence"]
            best = min(explosive, key=et.rank)
        if best.sub_event_type == "Looting/property destruction":
            # the codebook's property destruction is what is not part of another violent event:
            # "raiders attacked the village, killed two and stole cattle" is the attack
            assault = [t for t in trigs if t.sub_event_type == "Attack" and t.generic and t.weapon_type != "Incendiary"]
            if assault and (hurt or any(t.attack_type == "Unknown" for t in assault)):
                return assault[0], "Violence against civilians", "Attack"
        return best, best.event_type, best.sub_event_type
    detonated = [t for t in trigs if t.detonated]
    if detonated:
        return detonated[0], detonated[0].event_type, detonated[0].sub_event_type
    if trigs:
        if not hurt and all(t.event_type == "Strategic developments" for t in trigs):
            # "troops were deployed to the border", "polisi mengamankan dua orang": a strategic
            # development told with vague words only, nobody hurt
            best = min(trigs, key=et.rank)
            return best, "Strategic developments", best.sub_event_type
        if state_target and armed_perp:
            return trigs[0], "Battles", "Armed clash"
        burnt = [t for t in trigs if t.sub_event_type == "Looting/property destruction"]
        if burnt and not hurt:          # "militan membakar rumah warga": property, nobody hurt
            return burnt[0], "Strategic developments", "Looting/property destruction"
        return trigs[0], "Violence against civilians", "Attack"
    return None, "Violence against civilians", "Attack"


# GTD codebook: when an attack is of several types, the first of this order is coded
GTD_ORDER = ("Assassination", "Hijacking", "Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)",
             "Bombing/Explosion", "Armed Assault", "Unarmed Assault", "Facility/Infrastructure Attack")
ASSASSINATION_MAX_DEAD = 3       # an attack that kills more is aimed at more than one person


def gtd_attack(ctx: Ctx, ev: Event, trig: Trigger | None, event_type: str, sub: str,
               fatalities: int | None, injuries: int | None = None) -> tuple[str | None, str | None]:
    """(GTD attack type, weapon type): the GTD hierarchy over the event's words (a kidnapping
    that ends in a killing is a kidnapping; a bombing with gunfire a bombing), an attack aimed at
    a named notable an assassination, fire thrown at people an armed assault (a facility attack
    damages things, not people), a hijacking the seizure of a plane, ship or bus. A protest, an
    arrest or an agreement is no attack."""
    if event_type == "Protests" or (event_type == "Strategic developments" and sub not in
                                    ("Looting/property destruction", "Disrupted weapons use")):
        return None, None
    usable = [t for t in ev.triggers or ev.inherited if t.attack_type and t.attack_type != "Unknown"]
    typed = [t for t in usable if not t.generic] or usable
    if sub == "Disrupted weapons use":     # a failed or defused bombing is still GTD's bombing
        typed = [t for t in typed if t.attack_type == "Bombing/Explosion"] or \
            [t for t in (ev.triggers) if t.sub_event_type == "Disrupted weapons use"]
        return ("Bombing/Explosion", "Explosives") if typed else (None, None)
    if event_type == "Battles":
        typed = [t for t in typed if t.attack_type not in ("Facility/Infrastructure Attack",)]
    # "hijacked a car" to flee or to carry a bomb is no hijacking: a carrier of people seized is
    typed = [t for t in typed if t.attack_type != "Hijacking" or _carrier_told(ctx, t)] or \
        [replace(t, attack_type="Hostage Taking (Kidnapping)") for t in typed]
    if not typed:
        if event_type == "Battles":
            return "Armed Assault", "Firearms"
        if event_type in VIOLENT or event_type == "Riots":    # "gunmen attacked", "killed": armed men
            return "Armed Assault", "Unknown"                 # doing violence to people
        return (trig.attack_type, trig.weapon_type) if trig else (None, None)
    best = min(typed, key=lambda t: GTD_ORDER.index(t.attack_type))
    guns = [t for t in typed if t.attack_type == "Armed Assault" and t.weapon_type == "Firearms"]
    if not guns and best.attack_type == "Bombing/Explosion":
        # "attacked the station with mortars and firearms": the guns named beside the shells
        firearms = et.target_words(ctx.doc.language, "firearms")
        armed = [t for t in typed if t.event_type in VIOLENT and t.sub_event_type == "Attack"] + [best]
        if any(firearms.find(ctx.doc.sentences[si].text) for si in {t.sentence for t in armed}):
            guns = [replace(best, attack_type="Armed Assault", weapon_type="Explosives")]
    if best.attack_type == "Bombing/Explosion" and guns and all(
            t.sub_event_type in ("Grenade", "Shelling/artillery/missile attack")
            for t in typed if t.attack_type == "Bombing/Explosion"):
        best = guns[0]       # gunmen storming a post with rifles and grenades: an armed assault
    attack, weapon = best.attack_type, best.weapon_type
    if attack == "Facility/Infrastructure Attack" and weapon == "Incendiary" and _people_targeted(ctx, best):
        attack = "Armed Assault"       # petrol bombs thrown at police officers, not at their station
    if event_type == "Battles" and attack == "Unarmed Assault":
        attack, weapon = "Armed Assault", "Firearms"
    if attack in ("Armed Assault", "Bombing/Explosion") and _aimed_at_notable(ctx, ev, best, fatalities):
        attack = "Assassination"
    return attack, weapon


PEOPLE = STATE + ("civilians", "protesters", "government")


def _people_targeted(ctx: Ctx, best: Trigger) -> bool:
    """People, not a building, are what the fire was thrown at: a people word is the target told
    just after the incendiary word ("threw petrol bombs at police officers")."""
    people = et.target_words(ctx.doc.language, "people")
    text = ctx.doc.article.text
    return any(a.role == "target" and a.kind in PEOPLE and 0 <= a.start - best.end <= NEAR_TARGET
               and len(text[best.end:a.start].split()) <= NEAR_TARGET_WORDS   # not "the car of a policeman"
               and people.find(a.text) and not _thing_after(ctx, a) for a in ctx.actors.get(best.sentence, []))


def _thing_after(ctx: Ctx, a: Actor) -> bool:
    """'a policeman's car': the people word names the owner of a thing."""
    after = ctx.doc.article.text[a.end:a.end + 3]
    return after.startswith(("'s", "\u2019s"))


NEAR_TARGET = 30       # characters from the incendiary word to the people it was thrown at
NEAR_TARGET_WORDS = 3  # ... and words ("at two police officers")


def _carrier_told(ctx: Ctx, t: Trigger) -> bool:
    """A plane, a ship, a bus or a train is named in the hijacking's sentence (triggers.toml
    [targets] carriers)."""
    s = ctx.doc.sentences[t.sentence]
    return any("carrier" in m.value for m in et.notables(ctx.doc.language).find(s.text))


def _aimed_at_notable(ctx: Ctx, ev: Event, best: Trigger, fatalities: int | None) -> bool:
    """A shooting or stabbing whose victim is a named official or leader ("shot dead the district
    governor", "Bupati X ditembak"); a bombing only when said to target one. The victim may be
    named first and given a title in the next sentence ("opened fire on Ali Omar. Omar, the
    district commissioner, was killed"). More than a few dead is an attack on a crowd, whoever
    was in it, unless a bombing is told as aimed at the notable (GTD's hierarchy puts the
    assassination first)."""
    si = best.sentence
    s = ctx.doc.sentences[si]
    marks = et.notables(ctx.doc.language).find(s.text)
    found = [m for m in marks if "notable" in m.value]
    aims = [m for m in marks if "aim" in m.value]
    if found and best.attack_type == "Bombing/Explosion":     # "near the vehicle of the deputy governor"
        # told as aimed at the notable, whatever the toll: the bodyguards and bystanders a suicide
        # bomber kills with the governor do not make it an attack on a crowd (GTD's hierarchy)
        if any(0 <= m.start - a.end <= AIM_CHARS for a in aims for m in found):
            return True
    if fatalities is not None and fatalities > ASSASSINATION_MAX_DEAD:
        return False
    if found and best.attack_type != "Bombing/Explosion":
        actors = [a for a in ctx.actors.get(si, []) if a.role == "target"]
        if not actors or any(a.kind in ("government",) or a.named for a in actors) or \
                any(s.start + m.start <= a.start <= s.start + m.end + 40 for a in actors for m in found):
            return True
    return _named_victim_titled_after(ctx, ev, best, aims)


_PERSON = re.compile(r"\s*(?:the\s+)?((?:[A-Z][\w'-]+\s+){1,3}[A-Z][\w'-]+)")   # "Ali Omar Hassan"


def _named_victim_titled_after(ctx: Ctx, ev: Event, best: Trigger, aims: list) -> bool:
    """'Gunmen opened fire on Ali Omar in X. Omar, the district commissioner, was killed': the
    attack names a person right after its word (or after "the vehicle of"), and the next sentence
    gives that person a notable's title."""
    si = best.sentence
    if si + 1 >= len(ctx.doc.sentences) or si + 1 not in ev.owned | ev.sentences | ev.soft:
        return False
    s = ctx.doc.sentences[si]
    text = ctx.doc.article.text
    after = [best.end] + [s.start + a.end for a in aims]
    names = [m.group(1) for pos in after if (m := _PERSON.match(text, pos, s.end))]
    if not names:
        return False
    nxt = ctx.doc.sentences[si + 1]
    if not any("notable" in m.value for m in et.notables(ctx.doc.language).find(nxt.text)):
        return False
    words = {w for n in names for w in n.split()}
    return any(w in words for w in re.findall(r"[\w'-]+", nxt.text[:60]))


AIM_CHARS = 40        # from "targeting" to the notable's title


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
        key = next((k for k, g in groups()["groups"].items() if g["name"] == actor.label), None)
        rule = groups()["groups"][key].get("state") if key else None
        if rule and rule["country"] == country and day >= dt.date.fromisoformat(rule["since"]):
            # the Taliban since August 2021 are Afghanistan's state forces in ACLED
            state = replace(actor, kind="military", country=country)
            name, _ = acled_name(state, country, day)
            return name, 1
        if actor.acled_name:
            return actor.acled_name, actor.inter
        key = next((k for k, g in groups()["groups"].items() if g["name"] == actor.label), None)
        template = groups()["groups"][key]["acled"] if key else "{country}"
        return template.format(country=country), actor.inter
    own = actor.country if actor.country and schema.country(actor.country) else country
    template = kinds[actor.kind].get("by_label", {}).get(actor.label, kinds[actor.kind])["acled"]
    written = f"the {own}" if own in groups()["the"] and "of {country}" in template else own
    name = template.format(country=written, period=_period(own, day))
    inter = actor.inter
    if actor.kind in STATE + ("government",) and own != country:
        inter = 8
    return name, inter


def _group_as_written(actor: Actor) -> str:
    """A named group by its English name, with the name the article used when that is another
    one ("Islamic State (ISIS)", "West Papua National Liberation Army (TPNPB, KKB)"): coders and
    readers know a group by either."""
    label = actor.label
    if actor.text.isupper() and " " in actor.text.strip():
        return label        # "ABU SAYYAF MILITANTS": in capitals, names and descriptors look alike

    def stems(words: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"\w+", fold(words))}
    shown = stems(label)
    # the name's own words as written ("ISIS", "TPNPB-OPM"), not its descriptors ("rebels")
    names = [w for w in actor.text.split() if w[:1].isupper()]
    extra = [w for w in names if not stems(w) <= shown]
    if not extra or len(extra) > 3:
        return label
    written = " ".join(extra)
    if label.endswith(")"):
        return f"{label[:-1]}, {written})"
    return f"{label} ({written})"


def _describe(actor: Actor, language: str | None) -> str:
    """An actor for English readers: a group's name; English text as written; other languages'
    words as their English label, with the original when it says more ("militia (milisi yang
    bersekutu dengan Iran)")."""
    if actor.named:
        return _group_as_written(actor)
    if language == "en" or not actor.label or fold(actor.label) == fold(actor.text):
        return actor.text
    label = actor.label
    if actor.country:        # "Kedutaan Besar Amerika Serikat" -> "embassy of the United States"
        label += f" of {'the ' if actor.country in groups()['the'] else ''}{actor.country}"
    words = actor.text.split()
    own_name = any(w[:1].isupper() for w in words[1:])      # "Polres Nabire": a unit by its own name
    if (len(words) <= 2 and not own_name) or actor.country:
        return label
    return f"{label} ({actor.text})"


def _protests_in(ctx: Ctx, si: int) -> list[Trigger]:
    """The article's words of a crowd protesting or rioting in one sentence, in order (indexed once per article, so a
    long article with many counts stays linear)."""
    key = ("protests by sentence",)
    if key not in ctx.memo:
        index: dict[int, list[Trigger]] = {}
        for t in ctx.doc.findings.get("event_types", []):
            if t.event_type in DEMONSTRATIONS and t.sub_event_type not in POLICING:
                index.setdefault(t.sentence, []).append(t)
        ctx.memo[key] = index
    return ctx.memo[key].get(si, [])


def _grievance_death(ctx: Ctx, c: Casualty) -> bool:
    """'to protest the killing of a trader', 'demonstrated after a student was killed': a death the
    crowd protests about, told after a protest word with a grievance word at or after it."""
    crowd = _protests_in(ctx, c.sentence)
    if not crowd:
        return False
    protest = [t for t in crowd if t.end <= c.start]
    s = ctx.doc.sentences[c.sentence]
    text = ctx.doc.article.text[s.start:c.end]
    tabs = et.tables(ctx.doc.language)
    marks = tabs.modifiers.find(text)
    # "relatives of three farmers killed in a land dispute marched to the governor's office",
    # "carried the coffin of a youth shot by soldiers", "a mob beat a man who had stabbed a trader":
    # the dead named as those the crowd gathers over, before or after the protest word (the toll's
    # own words may name them so)
    own = c.start - s.start
    if any("mourned" in m.value and (m.start >= own or len(text[m.end:own].split()) <= tabs.grievance_window)
           for m in marks):
        return True
    return bool(protest) and any("grievance" in m.value and m.end <= own and s.start + m.end > protest[0].start
                                 for m in marks)


def _cause_death(ctx: Ctx, c: Casualty) -> bool:
    """'residents torched his house after the body of a girl was found', 'clashed following the
    death of a patient': a death told right after a cause word, with an act told before that word in
    the sentence, is what the event answers, not its toll (a clause of its own after a comma is
    not: 'After the attack, two bodies were found')."""
    s = ctx.doc.sentences[c.sentence]
    text = ctx.doc.article.text
    before = text[s.start:c.start]
    if c.kind != "killed" or not casualties.told_as_cause(before, ctx.doc.language):
        return False
    acts = [t for t in _all_triggers(ctx, c.sentence) if t.end <= c.start and not t.negated and not t.generic]
    return any(not any(ch in text[t.end:c.start] for ch in ".;:") for t in acts)


def _casualty_figures(cas: list[Casualty], kind: str, more: Callable[[Casualty], bool] = lambda c: False,
                      other: Callable[[Casualty], bool] = lambda c: False,
                      included: Callable[[Casualty], bool] = lambda c: False
                      ) -> tuple[int | None, int | None, int | None, Casualty | None]:
    """(lowest firm figure, low, high, evidence) of one kind, perpetrators added to victims."""
    # "across both blasts": each figure told across N incidents counts this incident's share
    found = [replace(c, low=c.low // c.shared, high=c.high // c.shared) if c.shared > 1 else c
             for c in cas if c.kind == kind and not c.aggregate]
    firm = [c for c in found if c.exact]
    if not firm:
        return None, None, None, None
    stated = next((c for c in firm if c.stated), None)
    if stated is not None:                 # "Fatalities coded as 0 (another source reported 4)": the coder's figure
        return stated.low, stated.low, stated.high, stated
    victims = [c for c in firm if not c.perpetrators]
    perps = [c for c in firm if c.perpetrators]
    # "Two policemen were killed ... Two other policemen were killed": victims told besides a toll
    # of another sentence are added to it
    main = max((c for c in victims if not other(c)), key=lambda c: c.low, default=None)
    besides = sum(c.low for c in victims if main is not None and other(c) and c.sentence != main.sentence)
    victim_counts = {c.low for c in victims}
    if besides:
        victims = [c for c in victims if not (other(c) and c.sentence != main.sentence)]
    value = max((c.low for c in victims), default=None)
    low = min((c.low for c in victims), default=None)
    high = max((c.high for c in victims), default=None)
    if besides:
        value, low, high = value + besides, low + besides, high + besides
    # the same figure told twice ("killed 3 militants ... 3 fatalities"), unless the attackers are
    # told as more besides the victims ("killing two Israelis. The two militants were also killed")
    perps = [c for c in perps if c.low not in victim_counts or more(c) or c.besides]
    if perps and any(included(c) for c in victims):
        # "A suicide bomber blew himself up ... Twelve people, including the bomber, were killed":
        # the attackers' own deaths are inside the toll, unless told as more
        perps = [c for c in perps if more(c) or c.besides]
    # "One attacker blew himself up and two more were killed": the dead bomber is inside that toll
    perps = [c for c in perps if not any(o is not c and o.sentence == c.sentence and o.start <= c.start
                                         and c.end <= o.end and (o.end - o.start) > (c.end - c.start) for o in perps)]
    if perps:
        # "Dua pria bersenjata lagi tewas", "two more attackers died": attackers besides those told
        extra = max([c.low for c in perps if not more(c)] or [0]) + sum(c.low for c in perps if more(c))
        value, low, high = (value or 0) + extra, (low or 0) + extra, (high or 0) + extra
    best = max(firm, key=lambda c: c.low)
    return value, low, high, best


def _evidence(ctx: Ctx, name: str, si: int | None) -> dict | None:
    if si is None or si >= len(ctx.doc.sentences):
        return None
    s = ctx.doc.sentences[si]
    return {"field": name, "text": s.text, "start": s.start, "end": s.end}


def _evidence_list(ctx: Ctx, row: dict, sources: dict[tuple[str, ...], int | None]) -> list[dict]:
    """One item per filled field: the sentence it rests on; the dateline for the source."""
    out = [e for names, si in sources.items() for name in names
           if row.get(name) is not None and row.get(name) != "not_reported" and (e := _evidence(ctx, name, si))]
    dateline = ctx.doc.findings.get("dateline")
    if dateline is not None and dateline.start is not None and dateline.outlet:
        out.append({"field": "source", "text": ctx.doc.article.text[dateline.start:dateline.end],
                    "start": dateline.start, "end": dateline.end})
    return out


def _fmt_date(day: dt.date | None) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}" if day else "an unknown date"


def _dropped(ctx: Ctx, reason: str, detail: str) -> None:
    """No row for this event: say why (the run summary counts it, `--explain` shows it)."""
    ctx.doc.dropped.append((reason, detail))
    return None


def _country_level(place: Place) -> Place:
    """A place known only to its country, kept as a row (`--keep-unlocated`): ACLED's
    geo_precision 3, no admin1, the country's point."""
    return replace(place, admin1=None, admin2=None, location=place.location or place.country, geo_precision=3)


def _event_date(ctx: Ctx, ev: Event, owned: list[int], main_date: DateMention | None
                ) -> tuple[dt.date | None, int | None, int | None] | None:
    """(day, ACLED time precision, evidence sentence) of an event, or None when undated.

    Its own date first; else a statement date in its own sentences ("..., kata polisi, Jumat
    (25/8)": that day or just before); a lead with no date reports about the publication day;
    later incidents inherit the story's main date. An event told deep in the story with no date
    anywhere near it is general talk and gets no row. When the article gives no publication
    date at all, an event without a date of its own is still a row, with an empty date
    (`(None, None, None)`): never an invented one. No date before 1900 is an event's."""
    if ev.date is not None and ev.date.date.year >= EARLIEST_YEAR:
        return ev.date.date, ev.date.time_precision, ev.date.sentence
    dated = _inferred_date(ctx, ev, owned, main_date)
    if dated is None and ctx.published is None:
        return None, None, None
    return dated


def _inferred_date(ctx: Ctx, ev: Event, owned: list[int], main_date: DateMention | None
                   ) -> tuple[dt.date, int, int | None] | None:
    """An event's date from its statements, the lead's publication day or the story's date."""
    statements = [d for si in owned for d in fresh_dates(ctx, si) if statement_date(ctx, d)]
    own = [d for d in statements if d.sentence in ev.sentences]
    if own:
        return own[0].date, 1, own[0].sentence
    if min(ev.sentences) < LEAD_SENTENCES and ctx.published:
        return ctx.published, 1, None
    if statements:
        return statements[0].date, 2, statements[0].sentence
    # without a publication date, only a date told before the event carries over to it: a later
    # incident's date is no date of the lead ("... yesterday. On 3 March 2021, ...")
    if main_date is not None and main_date.date.year >= EARLIEST_YEAR and \
            (ctx.published is not None or main_date.sentence <= min(ev.sentences)):
        return main_date.date, main_date.time_precision, main_date.sentence
    return None


def _note(row: dict, place_name: str, denied_group: str | None) -> str:
    """An English sentence an analyst who reads no Indonesian can check the row by."""
    what = WHAT.get(row["sub_event_type"], row["sub_event_type"].lower())
    perp = row["perpetrator"] if row["perpetrator_status"] in ("reported", "claimed") else None
    target = row["target"]
    note = f"On {_fmt_date(row['event_date'])}, {what}"
    if row["event_type"] == "Battles":
        sides = [x for x in (perp, target) if x]
        note += (" between " + " and ".join(sides)) if len(sides) == 2 else (f" involving {sides[0]}" if sides else "")
    else:
        note += f" by {perp}" if perp else ""
        if target:
            note += f" against {target}" if row["event_type"] in DEMONSTRATIONS else f" targeting {target}"
    region = ", ".join(x for x in dict.fromkeys([row["admin1"], row["country"]]) if x and x != place_name)
    note += f" in {place_name}" + (f" ({region})" if region else "") + "; "
    fatalities, injuries = row["fatalities"], row["injuries"]
    note += ("fatalities not reported" if fatalities is None else "no fatalities reported" if fatalities == 0
             else f"{fatalities} killed")
    note += f", {injuries} injured." if injuries else "."
    if row["perpetrator_status"] == "attributed":
        by = row["attributed_by"]
        note += f" Attributed to {row['perpetrator']}" + (f" by {by}" if by else "") + "."
    if row["claim_status"] == "claimed":
        note += f" {row['claimed_by'] or 'A group'} claimed responsibility."
    elif row["claim_status"] == "denied":
        note += f" {denied_group or 'The accused'} denied involvement."
    elif row["claim_status"] == "no_claim":
        note += " No group claimed responsibility."
    return note


def build(ctx: Ctx, ev: Event, main_date: DateMention | None, first: bool = True) -> dict | None:
    """The row of one event, or None when it is background after all (place, date, crime)."""
    doc = ctx.doc
    owned = sorted(ev.owned | ev.sentences)
    if not first and not own_place(ctx, ev):     # a further incident whose place the text does not give
        return _dropped(ctx, NO_PLACE, "a further incident told without a place of its own")  # (convention 6)
    place = choose_place(ctx, ev)
    if place is None:
        return _dropped(ctx, NO_PLACE, "no place named for the event")
    if place.feature == "country" or not place.admin1:
        if not doc.options.keep_unlocated:
            return _dropped(ctx, NO_PLACE, f"located only to a country ({place.country}); "
                                           "--keep-unlocated keeps it at country level")
        place = _country_level(place)
    country = schema.country(place.country) or schema.country(place.iso3)
    if country is None or not country_supported(ctx, place):
        return _dropped(ctx, NO_PLACE, f"{place.location or place.country} is not in a country the article names")
    dated = _event_date(ctx, ev, owned, main_date)
    if dated is None:
        return _dropped(ctx, NO_DATE, "told deep in the story with no date of its own or near it")
    day, precision, date_si = dated
    if day is not None and ctx.published and 0 < (day - ctx.published).days <= 1:
        day = ctx.published      # a day after the report: its time zone; never after publication
    if day is not None and ctx.published and not (
            -WINDOW_DAYS <= (latest_day(day, precision or 1) - ctx.published).days and day <= ctx.published):
        return _dropped(ctx, BACKGROUND_ONLY, f"dated {day.isoformat()}, outside the 30 days up to the "
                                              f"publication date {ctx.published.isoformat()}")
    event_day, day = day, day or NAMING_DAY      # actor names of an undated event: as of today's periods
    actors = _off_duty([a for si in owned for a in ctx.actors.get(si, [])], ctx)
    trig, event_type, sub = _event_type(ctx, ev, actors)
    taxonomy = schema.taxonomy()
    # convention 2: criminal or personal violence with no political actor
    scope = range(len(doc.sentences))     # the story's frame ("carok massal", "ruled out terrorism")
    criminal = any({"criminal", "not_terror"} & ctx.cues.get(si, set()) and "uncertain" not in ctx.cues.get(si, set())
                   for si in scope)
    # "counter-terrorism prosecutors took over the inquiry": the state treats it as terrorism
    # (unless the story rules terrorism out)
    told = set().union(*(ctx.cues.get(si, set()) for si in scope))
    terror = "terror" in told and "not_terror" not in told
    claims = [c for si in sorted(set(owned) | ev.soft) for c in ctx.claims.get(si, [])]
    political = any(a.named for a in actors) or any(c.status in ("claimed", "denied") for c in claims) or terror
    if criminal and not political and event_type not in DEMONSTRATIONS:
        return None
    accident = any("accident" in ctx.cues.get(si, set()) for si in ev.sentences)
    attacker = any(a.role == "perpetrator" and a.kind in ARMED for a in actors if a.sentence in ev.sentences)
    vague = all(t.generic for t in ev.triggers)        # "ledakan", "killed": no weapon or attack word
    # ... but a body found with its hands tied or gunshot wounds was killed by someone
    killed = any("violent_death" in ctx.cues.get(si, set()) for si in ev.sentences | ev.owned | ev.soft)
    if accident and vague and not political and not attacker and not killed and event_type in VIOLENT:
        return None          # a gas cylinder blast, a bus crash, a flood: no attacker, no event
    # actors
    denials = {(c.sentence, c.group) for c in claims if c.status == "denied"}
    # perpetrators are those the event's own sentences name (or a claim/attribution names);
    # "the Taliban are active in the area" elsewhere is context. The accused who deny did not do it.
    doers = [a for a in actors if a.role == "perpetrator"
             and (a.sentence, a.label) not in denials and (a.sentence, a.text) not in denials]
    perps = [a for a in doers if a.sentence in ev.sentences] or \
        [a for a in doers if a.kind in ARMED and not a.named]    # "Itu orang tidak dikenal," said later
    targets = [a for a in actors if a.role == "target"]
    attributed = next((c for c in claims if c.status == "attributed"), None)
    claimed = next((c for c in claims if c.status == "claimed"), None)
    denied = next((c for c in claims if c.status == "denied"), None)
    no_claim = next((c for c in claims if c.status == "no_claim"), None)

    def ranked(pool: list[Actor]) -> list[Actor]:      # the first sentence that names a doer tells who did it
        return sorted(pool, key=lambda a: (a.sentence, not a.named, a.kind not in ARMED, a.start))

    perp: Actor | None = None
    if event_type == "Strategic developments":   # who arrested, defused, seized: the state, if named
        perp = next((a for a in actors if a.kind in STATE and a.role != "target"), None)
    if perp is None and claimed:
        perp = next((a for a in actors if a.sentence == claimed.sentence and a.named), None)
    if perp is None and attributed and attributed.sentence not in ev.sentences:
        # "Members of the JDL failed to firebomb a centre. ... four days after a council was
        # firebombed by suspected militants": a group named in the event's own sentence comes first
        perp = next((a for a in doers if a.sentence in ev.sentences and a.named), None)
        attributed = None if perp is not None else attributed      # the blame was of another attack
    if perp is None and attributed:
        perp = next((a for a in actors if a.sentence == attributed.sentence and
                     attributed.group in (a.text, a.label)), None)
    if perp is None and event_type in DEMONSTRATIONS:
        perp = next((a for a in actors if a.kind in ("protesters", "rioters")), None)
    if event_type in DEMONSTRATIONS:     # the crowd is actor1; police firing tear gas are its second actor
        # a community or the gangs it marches against are not the crowd ("members of the X
        # community protested", "protested killings by street gangs")
        perps = [a for a in perps if a.kind not in STATE + ("government",) and not _community(a, doc.language)
                 and a.label not in ("gang", "communal militia")]
    if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade"):
        perps = [a for a in perps if a.kind not in STATE]   # police at a bomb scene defuse, not plant
    if perp is None and perps:
        perp = ranked(perps)[0]
    if event_type in DEMONSTRATIONS and perp is not None and perp.kind != "group" and \
            perp.label in ("gang", "communal militia"):
        perp = None          # "protested killings by suspected street gangs": the gangs are the grievance
    if perp is None and event_type in ("Battles",) and sub == "Armed clash":
        perp = next((a for a in actors if a.kind in ARMED), None)
    cname = country.name
    # the sides of a clash told as clans, tribes or ethnic communities are identity militias
    communal = event_type == "Battles" and trig is not None and _communal(ctx, [trig])
    if perp is not None:
        actor1, inter1 = acled_name(perp, cname, day)
    elif event_type == "Protests":
        actor1, inter1 = f"Protesters ({cname})", 6
    elif event_type == "Riots":
        actor1, inter1 = f"Rioters ({cname})", 5
    elif event_type == "Strategic developments" and sub != "Looting/property destruction":
        actor1, inter1 = acled_name(Actor("perpetrator", "", None, 1, 0, 0, 0, kind="police"), cname, day)
    elif communal:
        actor1, inter1 = f"Unidentified Communal Militia ({cname})", 4    # "perang suku", "clan clashes"
    else:
        actor1, inter1 = f"Unidentified Armed Group ({cname})", 3
    if event_type == "Riots" and inter1 == 6:
        actor1, inter1 = actor1.replace("Protesters", "Rioters"), 5
    if event_type == "Riots" and perp is not None and not perp.named and (
            perp.kind in ("armed", "civilians") or perp.kind == "militia" and perp.label == "militia"):
        # a riot's unnamed "assailants", "vigilantes", "villagers" are its crowd
        actor1, inter1 = f"Rioters ({cname})", 5
    assoc1 = None
    if event_type in DEMONSTRATIONS and perp is not None and perp.kind == "group" and perp.inter != 2 \
            and not _listed(perp):
        # ACLED: the crowd is actor1, the party or union it marched with its associated actor
        assoc1 = actor1
        actor1, inter1 = (f"Protesters ({cname})", 6) if event_type == "Protests" else (f"Rioters ({cname})", 5)
    target = None
    def target_rank(a: Actor) -> tuple:
        return (a.sentence not in ev.sentences, not a.named, a.kind not in STATE, a.kind not in ARMED,
                a.sentence, a.start)

    for a in sorted([t for t in targets if t is not perp], key=target_rank) + [
            a for a in actors if a is not perp and a.role != "source" and a.kind in STATE
            and event_type in ("Battles",) + DEMONSTRATIONS]:
        if event_type == "Battles" and a.kind in ("civilians", "protesters"):
            continue             # a battle is fought between armed parties; the dead bystanders are no side
        if perp is not None and perp.kind in STATE and _state_post(a, doc.language):
            continue             # "police opened fire on a car at a checkpoint": their own post
        if event_type in DEMONSTRATIONS and a.kind not in STATE + ("government",):
            continue             # a crowd faces the state; bystanders are not its second actor
        if a.kind == "protesters" and event_type not in DEMONSTRATIONS or \
                event_type == "Violence against civilians" and _community(a, doc.language):
            a = replace(a, kind="civilians", inter=7)       # "workers", "students", "the Pokot tribe" attacked
        name, inter = acled_name(a, cname, day)
        if name != actor1:
            target = (a, name, inter)
            break
    if target is None and event_type == "Battles":      # "HTS fighters and SDF forces exchanged fire"
        other = next((a for a in ranked([a for a in actors if a.role == "perpetrator" and a is not perp
                                           and a.kind in ARMED + STATE and a.sentence in ev.sentences])
                      if acled_name(a, cname, day)[0] != actor1), None)
        if other is not None:
            name, inter = acled_name(other, cname, day)
            target = (other, name, inter)
    if sub == "Peaceful protest":
        target = None        # a peaceful protest has no second actor in ACLED
    mob_victims = None
    if sub == "Mob violence" and target is None:
        # ACLED codes a mob's victims (a lynched thief, beaten passers-by, torched homes' owners) as
        # Civilians; two crowds fighting each other ("supporters clashed", "bentrok") are rioters both
        rival_words = actor_tables(doc.language).rival_crowds
        rival = any(t.crowd and t.sub_event_type == "Armed clash" for t in (ev.triggers or ev.inherited)) or \
            any(rival_words.find(doc.sentences[si].text) for si in ev.sentences if si < len(doc.sentences))
        # ... when people were hurt: a mob's vandalised homes and offices have no second actor
        hurt = _mob_justice(ctx, ev) or any(ctx.casualties.get(si) for si in ev.sentences) or \
            any(a.kind in ("civilians", "protesters") and a.role == "target" and a.sentence in ev.sentences
                for a in actors) or \
            any(t.event_type == "Violence against civilians" or t.attack_type in ("Unarmed Assault", "Armed Assault")
                for t in ev.triggers if not t.negated and not t.hypothetical)     # beaten, whipped, stabbed
        mob_victims = (f"Rioters ({cname})", 5) if rival else (f"Civilians ({cname})", 7) if hurt else None
    if target is None and event_type == "Violence against civilians":
        actor2, inter2 = f"Civilians ({cname})", 7
    elif target is not None:
        actor2, inter2 = target[1], target[2]
    elif mob_victims is not None:
        actor2, inter2 = mob_victims
    elif event_type == "Battles" and sub == "Armed clash" and communal:
        actor2, inter2 = f"Unidentified Communal Militia ({cname})", 4     # the other clan, tribe, village
    elif event_type == "Battles" and sub == "Armed clash":
        actor2, inter2 = f"Unidentified Armed Group ({cname})", 3    # "clashes between rival armed groups"
    else:
        actor2, inter2 = None, 0
    if inter1 == 7 and inter2 and inter2 != 7:       # civilians are never the aggressor in ACLED's order
        actor1, inter1, actor2, inter2 = actor2, inter2, actor1, inter1
    civ = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and inter2 == 7) or bool(trig and trig.civilian_targeting)
    # casualties
    # "protested the killing of a student": not the protest's dead (a bombing's own dead stay its
    # own, whatever riot broke out over it)
    cas = [c for si in sorted(set(owned) | ev.soft) for c in ctx.casualties.get(si, [])
           if (event_type not in DEMONSTRATIONS or not _grievance_death(ctx, c)) and not _cause_death(ctx, c)]
    # a coder's stated figure ("Fatalities coded as 0", "split across 4 events (2)") holds wherever it is told
    told_here = set(owned) | ev.soft
    cas += [c for si, cs in ctx.casualties.items() if si not in told_here for c in cs if c.stated]
    fatalities, f_low, f_high, f_ev = _casualty_figures(
        cas, "killed", lambda c: casualties.told_as_more(c.text, doc.language),
        lambda c: casualties.told_as_other(c.text, doc.language),
        lambda c: casualties.attacker_included(doc.article.text, doc.language, c))
    suicide = sub == "Suicide bomb" or any(t.sub_event_type == "Suicide bomb" and t.detonated
                                           for t in ev.triggers)      # a vest worn is not a bomber dead
    told_with_bomber = f_ev is not None and casualties.attacker_included(doc.article.text, doc.language, f_ev)
    survived = casualties.attacker_survived(" ".join(doc.sentences[si].text for si in owned
                                                     if si < len(doc.sentences)), doc.language)
    if suicide and not told_with_bomber and not survived and not any(c.perpetrators and c.kind == "killed"
                                                                     for c in cas):
        fatalities = (fatalities or 0) + 1
        f_low = (f_low or 0) + 1
        f_high = (f_high or 0) + 1
    injuries, _, _, i_ev = _casualty_figures(cas, "injured")
    negated = [t for t in doc.findings.get("event_types", []) if t.negated and t.sentence in owned
               and t.event_type == "Explosions/Remote violence"]
    if event_type == "Explosions/Remote violence" and negated and not fatalities and not injuries:
        return None          # "ternyata bukan bom", "no explosives were found": a scare, not an attack
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
    if event_type == "Strategic developments":      # who arrested or defused; not whom they suspect
        p_status = "reported" if perp is not None else "unknown"
        attributed = None
    elif claimed:
        p_status = "claimed"
    elif attributed and perp is not None:
        p_status = "attributed"
    elif perp is not None and (perp.named or perp.kind not in ("armed",)):
        p_status = "reported"
    else:
        p_status = "unknown"
    attributed_by = attributed.by if attributed and p_status == "attributed" else None
    target_text = _describe(target[0], doc.language) if target else None
    attack, weapon = gtd_attack(ctx, ev, trig, event_type, sub, fatalities, injuries)
    dateline = doc.findings.get("dateline")
    confidence = 0.45 + 0.15 * bool(trig and not trig.generic) + 0.1 * bool(ev.date) + \
        0.1 * (place.geo_precision <= 2) + 0.1 * bool(perp or fatalities is not None) + 0.05 * bool(claims)
    outlet = (getattr(dateline, "outlet", None) if dateline else None) or doc.article.source
    published = ctx.published
    timestamp = int(dt.datetime.combine(published, dt.time(), dt.timezone.utc).timestamp()) if published else 0
    key_place = place.admin1 if place.geo_precision == 3 else (place.location or place.admin1)
    tags = "; ".join(t for t in (
        "complex attack" if event_type == "Battles" and any(
            t.event_type == "Explosions/Remote violence" and not t.generic for t in ev.triggers) else "",
        "suicide bomb" if sub == "Suicide bomb" else "") if t) or None
    row = {
        "event_id_cnty": ids.event_id(country.iso3, doc.article.text_hash,
                                      event_day.isoformat() if event_day else "", key_place, event_type, actor1),
        "event_date": event_day, "year": event_day.year if event_day else None,
        "time_precision": int(precision or 1) if event_day else None,
        "disorder_type": taxonomy.disorder_type_of[sub], "event_type": event_type, "sub_event_type": sub,
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": None, "inter2": inter2,
        "interaction": schema.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civ else None,
        "iso": country.iso_numeric, "region": country.region, "country": cname,
        "admin1": place.admin1, "admin2": place.admin2, "admin3": None, "location": place.location or place.admin1,
        "latitude": place.latitude, "longitude": place.longitude, "geo_precision": int(place.geo_precision),
        "source": outlet, "source_scale": None, "notes": "",
        "fatalities": fatalities, "tags": tags, "timestamp": timestamp, "injuries": injuries,
        "fatalities_low": f_low, "fatalities_high": f_high,
        "attack_type": attack, "weapon_type": weapon,
        "perpetrator": perpetrator, "perpetrator_status": p_status, "claim_status": claim_status,
        "claimed_by": claimed_by, "attributed_by": attributed_by, "target": target_text,
        "language": doc.language if doc.language and doc.language != "und" else None,
        "article_ids": [doc.article.id], "evidence": [],
        "confidence": round(min(confidence, 0.95), 2), "extractor_version": EXTRACTOR_VERSION,
    }
    row["notes"] = _note(row, place.location or place.admin2 or place.admin1, denied.group if denied else None)
    row["evidence"] = _evidence_list(ctx, row, {
        ("event_date", "time_precision"): date_si,
        ("disorder_type", "event_type", "sub_event_type", "attack_type", "weapon_type",
         "civilian_targeting"): trig.sentence if trig else min(ev.sentences),
        ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
            next((m.sentence for si in owned for m in ctx.places.get(si, [])
                  if m.place.location == place.location or m.place.admin1 == place.admin1), None),
        ("fatalities", "fatalities_low", "fatalities_high"): f_ev.sentence if f_ev else None,
        ("injuries",): i_ev.sentence if i_ev else None,
        ("actor1", "perpetrator", "perpetrator_status"): perp.sentence if perp else None,
        ("actor2", "target"): target[0].sentence if target else None,
        ("claim_status", "claimed_by"): (claimed or denied or no_claim).sentence
        if (claimed or denied or no_claim) else None,
        ("attributed_by",): attributed.sentence if attributed else None,
    })
    return row


