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
from events.article import BACKGROUND_ONLY, NO_EVENT_WORDS, Doc

NOT_CODED = "told as crime, an accident or a scare, not political violence"


def run(doc: Doc) -> None:
    """Fill doc.rows with one row per event the article reports; when there is none, say why
    on `doc.no_rows` (the run summary counts it, `events extract --explain` shows it)."""
    ctx = story.read(doc)
    events = story.cluster(ctx)
    story.inherit_type(events)
    main_date = next((e.date for e in events if e.date is not None), None)
    if events and events[0].date is None and events[0].implied is not None:
        main_date = DateMention(events[0].implied, 1, min(events[0].sentences), 0, 0, "", "publication")
    out: list[dict] = []
    seen: set[tuple] = set()
    for n, ev in enumerate(events):
        told = len(doc.dropped)
        row = rows.build(ctx, ev, main_date, first=n == 0)
        if row is None:
            if len(doc.dropped) == told:
                doc.dropped.append((BACKGROUND_ONLY, NOT_CODED))
            continue
        key = (row["event_date"], row["country"], row["admin1"], row["location"], row["event_type"])
        if key in seen:
            continue
        seen.add(key)
        row["evidence"] = row["evidence"] + _assumptions(doc)
        out.append(row)
    doc.rows = out
    if not out:
        doc.no_rows = doc.dropped[0] if doc.dropped else _why_no_event(ctx)


def _why_no_event(ctx: story.Ctx) -> tuple[str, str]:
    """Why no sentence seeded an event: no event word at all, or only background ones."""
    found = ctx.doc.findings.get("event_types") or []
    if not found:
        return NO_EVENT_WORDS, "no word of an event in the ACLED taxonomy"
    if not ctx.triggers:
        words = ", ".join(dict.fromkeys(t.text for t in found[:3]))
        return BACKGROUND_ONLY, f"its event words are negated, threats or plans ({words})"
    told = sorted(ctx.triggers)
    background = [si for si in told if story.is_background(ctx, si)]
    if background:
        s = ctx.doc.sentences[background[0]].text
        return BACKGROUND_ONLY, f"every sentence with an event word is history, an aggregate or a reaction (\u201c{s[:120]}\u201d)"
    words = ", ".join(dict.fromkeys(t.text for si in told for t in ctx.triggers[si]))
    return NO_EVENT_WORDS, f"only vague words ({words}) with no armed actor or casualty to make them an event"


def _assumptions(doc: Doc) -> list[dict]:
    """Evidence items saying what the language and dateline stages assumed: the field names the
    assumption ("published: from the dateline ... (two-digit year 90 read as 1990)"), the span is
    the text it rests on (empty when nothing in the text)."""
    out = []
    dateline = doc.findings.get("dateline")
    if dateline is not None and dateline.assumed and dateline.published_from != "metadata":
        start, end = (dateline.date_start, dateline.date_end) if dateline.date_start is not None else (0, 0)
        out.append({"field": f"published: {dateline.assumed}", "text": doc.article.text[start:end],
                    "start": start, "end": end})
    guess = doc.findings.get("language")
    if guess is not None and getattr(guess, "assumed", ""):
        first = doc.sentences[0] if doc.sentences else None
        start, end = (first.start, first.end) if first else (0, 0)
        out.append({"field": f"language: {guess.assumed}", "text": doc.article.text[start:end],
                    "start": start, "end": end})
    return out
