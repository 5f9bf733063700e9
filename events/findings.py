"""What the stages find: typed findings, each tied to the sentence it rests on.

Stages put them on `Doc.findings[<stage name>]`; `assemble` groups them into rows.
Offsets are character offsets in `Article.text`; `sentence` is an index into `Doc.sentences`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Dateline:
    """findings['dateline']: the outlet and publication date, from metadata or the text."""
    outlet: str | None = None
    published: dt.date | None = None
    published_from: str = "none"        # "metadata", "dateline", "text", "option" (--published) or "none"
    place: str | None = None            # dateline city ("JAKARTA, CNN Indonesia --"): evidence only
    start: int | None = None            # span of the dateline/outlet text, if read from the text
    end: int | None = None
    date_start: int | None = None       # span of the publication date, if read from the text
    date_end: int | None = None
    assumed: str = ""                   # what the stage assumed to read the date, for the evidence


@dataclass(frozen=True)
class LanguageGuess:
    """findings['language']: what the language stage read and how sure it was."""
    code: str                           # doc.language: ISO 639-1, or "und" when unsure
    probability: float = 1.0
    guess: str | None = None            # the likeliest language with data files (reads the dates)
    assumed: str = ""                   # for the evidence; empty when the input named its language


@dataclass(frozen=True)
class DateMention:
    """findings['dates']: one date expression resolved against the publication date."""
    date: dt.date
    time_precision: int                 # ACLED: 1 day, 2 week, 3 month
    sentence: int
    start: int
    end: int
    text: str
    kind: str                           # "absolute", "weekday", "relative", "month", "year", "publication"
    historical: bool = False            # more than ~30 days before publication, or a bare past year


@dataclass(frozen=True)
class Place:
    """A resolved place with ACLED's location fields."""
    country: str                        # ACLED English name
    iso3: str
    iso: int
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int                  # 1 town, 2 near a town / part of region, 3 province or larger
    feature: str = "city"               # "city", "admin1", "admin2", "country"
    geonameid: int | None = None


@dataclass(frozen=True)
class PlaceMention:
    """findings['places']: a place name found in a sentence and the place it resolves to."""
    place: Place
    sentence: int
    start: int
    end: int
    text: str
    score: float = 1.0                  # resolver's confidence in this reading
    near: bool = False                  # "near X", "dekat X", "outskirts of": geo_precision 2
    why: str = ""


@dataclass(frozen=True)
class Trigger:
    """findings['event_types']: a word or phrase that reports an event of a kind."""
    sub_event_type: str
    event_type: str
    disorder_type: str
    sentence: int
    start: int
    end: int
    text: str
    attack_type: str | None = None      # GTD name
    weapon_type: str | None = None      # GTD name
    civilian_targeting: bool = False
    negated: bool = False               # "no explosion", "tidak ada ledakan"
    hypothetical: bool = False          # threats, plans, warnings
    generic: bool = False               # a vague word ("serangan", "killed"): supports, does not type
    detonated: bool = False             # the word says a device went off ("meledak", "exploded")
    crowd: bool = False                 # "bentrok"/"clashes": a riot when the parties are a crowd
    ambush: bool = False                # "ambushed", "disergap": a battle with forces, an attack on civilians


@dataclass(frozen=True)
class Casualty:
    """findings['casualties']: a count of dead or injured."""
    kind: str                           # "killed" or "injured"
    low: int
    high: int
    sentence: int
    start: int
    end: int
    text: str
    exact: bool = True                  # False where ACLED codes no figure: "up to N", "several"
    perpetrators: bool = False          # the count is of attackers (a bomber who blew himself up)
    aggregate: bool = False             # a total since a date / overall toll, not this incident
    stated: bool = False                # the coder's own figure ("Fatalities coded as 0"): it wins
    besides: bool = False               # attackers told beside the toll ("in addition to the bomber"): never the same figure
    shared: int = 1                     # incidents the figure is told across ("across both blasts"): this one's share


@dataclass(frozen=True)
class Actor:
    """findings['actors']['actors']: a party to an event."""
    role: str                           # "perpetrator" or "target"
    text: str                           # as reported ("gunmen", "milisi yang bersekutu dengan Iran")
    acled_name: str | None              # "Unidentified Armed Group (Iraq)", "Police Forces of Indonesia (2014-)"
    inter: int                          # ACLED inter code
    sentence: int
    start: int
    end: int
    kind: str = ""                      # the actors.toml kind ("police", "group", "armed", ...)
    label: str | None = None            # an English description of `text` ("militia", "gunmen")
    country: str | None = None          # the actor's own country when said ("US troops", "pasukan AS")
    named: bool = False                 # a named group (ISIS, Taliban) rather than a description


@dataclass(frozen=True)
class Claim:
    """findings['actors']['claims']: who claimed, denied or was blamed."""
    status: str                         # "claimed", "denied", "no_claim", "attributed"
    group: str | None                   # the group that claimed / denied / is blamed
    by: str | None                      # who made the attribution
    sentence: int
    start: int
    end: int
    text: str
