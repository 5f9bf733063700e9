"""`events edit`, `events delete`, `events show`: analysts' corrections and one event's story."""
from __future__ import annotations

import click

from events.cli import advice


def _db(ctx: click.Context):
    return ctx.obj["db"]


@click.command("edit")
@click.argument("event_id")
@click.argument("assignments", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why the row is wrong (kept with the change).")
@click.option("--by", "who", help="Who makes the change (default: $EVENTS_USER, else the login name).")
@click.pass_context
def edit_command(ctx: click.Context, event_id: str, assignments: tuple[str, ...], reason: str,
                 who: str | None) -> None:
    """Correct fields of a stored event; recode and later merges never undo it.

    \b
    Example:
      events edit SOM1234567890 fatalities=5 location=Afgooye --reason "hospital list"
    """
    from events import corrections

    with advice():
        made = corrections.edit_event(_db(ctx), event_id, assignments, reason, who)
    for c in made:
        click.echo(f"{c.event_id_cnty}: {c.field} {_show(c.old_value)} -> {_show(c.new_value)}")
    click.echo(f"{len(made)} correction{'' if len(made) == 1 else 's'} recorded by {made[0].who}")


@click.command("delete")
@click.argument("event_id")
@click.option("--reason", required=True, help="Why the event is not an event (kept with the deletion).")
@click.option("--by", "who", help="Who deletes it (default: $EVENTS_USER, else the login name).")
@click.pass_context
def delete_command(ctx: click.Context, event_id: str, reason: str, who: str | None) -> None:
    """Delete a stored event: it leaves the events view and joins the deletions list.

    \b
    Example:
      events delete SOM1234567890 --reason "criminal, no political motive"
    """
    from events import corrections

    with advice():
        [made] = corrections.delete_event(_db(ctx), event_id, reason, who)
    click.echo(f"{made.event_id_cnty} deleted by {made.who} ({made.why})")


@click.command("show")
@click.argument("event_id")
@click.pass_context
def show_command(ctx: click.Context, event_id: str) -> None:
    """Print one event: its row, each source article, the evidence per field, its history.

    \b
    Example:
      events show SOM1234567890
    """
    from events import corrections

    with advice():
        shown = corrections.show(_db(ctx), event_id)
    row = shown.row
    click.echo(f"{row['event_id_cnty']}: {row['event_type']} / {row['sub_event_type']}, "
               f"{row.get('event_date') or 'undated'}, {row.get('location') or row.get('admin1') or '?'} "
               f"({row['country']})")
    if row["event_id_cnty"] != event_id:
        click.echo(f"({event_id} merged into this event)")
    click.echo("")
    width = max(len(k) for k in row)
    for key, value in row.items():
        if key not in ("evidence", "article_ids"):
            click.echo(f"  {key:<{width}}  {_show(value)}")
    click.echo(f"\nSources ({len(row.get('article_ids') or [])}):")
    stored = {a["id"]: a for a in shown.articles}
    for aid in row.get("article_ids") or []:
        a = stored.get(aid)
        if a is None:
            click.echo(f"  {aid}  (not in the articles table)")
            continue
        where = a.get("url") or a.get("origin") or f"article {aid}"
        click.echo(f"  {aid}  {a.get('source') or '-'}  {a.get('published') or '-'}  "
                   f"{_show(a.get('title'))}  {where}")
    click.echo("\nEvidence:")
    for e in row.get("evidence") or []:
        click.echo(f"  {e['field']:<{width}}  {e['text']}")
    click.echo("\nHistory:")
    if not shown.history:
        click.echo("  (no edits, deletions or merges recorded)")
    for c in shown.history:
        when = c.at.strftime("%Y-%m-%dT%H:%M:%SZ")
        what = {"edit": f"edit {c.field} {_show(c.old_value)} -> {_show(c.new_value)}",
                "delete": "delete", "merge": f"merge {c.old_value} -> {c.new_value}"}[c.action]
        click.echo(f"  {when}  {c.who}  {what}  ({c.why})")


@click.command("deletions")
@click.pass_context
def deletions_command(ctx: click.Context) -> None:
    """List deleted events as CSV (event_id_cnty, timestamp, why), like ACLED's deletions feed,
    so that downstream copies can drop them too.

    \b
    Example:
      events deletions > deletions.csv
    """
    import csv
    import sys

    from events import corrections

    with advice():
        gone = corrections.Corrections(_db(ctx)).deletions()
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["event_id_cnty", "timestamp", "why"])
    for d in gone:
        out.writerow([d["event_id_cnty"], d["timestamp"], d["why"]])


def _show(value: object) -> str:
    return "null" if value is None else str(value)


commands = [edit_command, delete_command, show_command, deletions_command]
