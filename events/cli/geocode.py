"""`events geocode TEXT`: the place names found in a text, the reading chosen for each and why."""
from __future__ import annotations

import click

from events.article import Article
from events.cli import reads_no_store
from events.pipeline import Doc


@reads_no_store
@click.command("geocode")
@click.argument("text")
@click.option("--language", "-l", default=None, help="Language code of the text (id, en); default: any.")
@click.option("--source", default=None, help="The outlet, so its name is not read as a place.")
@click.option("--all", "show_all", is_flag=True, help="Also print the readings not chosen.")
def geocode_command(text: str, language: str | None, source: str | None, show_all: bool) -> None:
    """Find the places a text names and say which reading was chosen and why.

    \b
    Example:
      events geocode "Kedutaan Besar Amerika Serikat di Bagdad diserang" -l id
    """
    from events.extract import places
    from events.geo import GazetteerError
    from events.geo.resolve import resolve

    doc = Doc(article=Article(text=text, source=source), language=language)
    try:
        cands = resolve(text, None, language, None, source)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    if not cands:
        click.echo("no place found")
        return
    for c in cands:
        e = c.chosen
        flags = [f for f, on in (("near", c.near), ("after preposition", c.prep),
                                 ("inside a longer name", c.modifier),
                                 ("also a frequent word: kept with support", c.common)) if on]
        click.echo(f"{c.match.text!r} [{c.match.start}:{c.match.end}] -> {e.name} ({e.kind}, "
                   f"{e.admin1 or '-'}, {e.cc}) {e.lat}, {e.lon}  score {c.score:.2f}: {c.why}"
                   + (f"; {', '.join(flags)}" if flags else ""))
        if show_all:
            for score, alt in c.alternatives:
                click.echo(f"    or {alt.name} ({alt.kind}, {alt.admin1 or '-'}, {alt.cc}) score {score:.2f}")
    place = places.choose(doc, set(range(len(doc.sentences) or 1)))
    if place is not None:
        click.echo(f"choice: {place.location} ({place.feature}), {place.admin1 or '-'}, {place.country} "
                   f"[{place.iso3}] {place.latitude}, {place.longitude}, geo_precision {place.geo_precision}")


commands = [geocode_command]
