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

The work is split in two modules: `events.extract.story` reads the story (1-3 above) and
`events.extract.rows` builds each event's row (4, types, actors, casualties, notes, evidence).
"""
from __future__ import annotations

from events.extract import rows, story
from events.findings import DateMention
from events.pipeline import Doc


def run(doc: Doc) -> None:
    """Fill doc.rows with one row per event the article reports."""
    ctx = story.read(doc)
    events = story.cluster(ctx)
    story.inherit_type(events)
    main_date = next((e.date for e in events if e.date is not None), None)
    if events and events[0].date is None and events[0].implied is not None:
        main_date = DateMention(events[0].implied, 1, min(events[0].sentences), 0, 0, "", "publication")
    out: list[dict] = []
    seen: set[tuple] = set()
    for n, ev in enumerate(events):
        row = rows.build(ctx, ev, main_date, first=n == 0)
        if row is None:
            continue
        key = (row["event_date"], row["country"], row["admin1"], row["location"], row["event_type"])
        if key in seen:
            continue
        seen.add(key)
        out.append(row)
    doc.rows = out
