"""`events extract`: code articles and print the rows, without storing anything."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable

import click
from rich.console import Console

from events import parallel, pipeline, readers
from events.cli import advice, jobs_option, reads_no_store
from events.cli.output import draw

TABLE_COLUMNS = ("event_date", "country", "admin1", "location", "event_type", "sub_event_type",
                 "fatalities", "injuries", "perpetrator", "claim_status")


def _json_default(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _explain(console: Console, row: dict) -> None:
    """Each filled field under the sentence it came from (sentences in text order)."""
    console.print(f"[bold]{row['event_id_cnty']}[/bold]  {row['notes']}", highlight=False)
    by_span: dict[tuple[int, int, str], list[str]] = {}
    explained: set[str] = set()
    for ev in row.get("evidence") or []:
        by_span.setdefault((ev["start"], ev["end"], ev["text"]), []).append(ev["field"])
        explained.add(ev["field"])

    def shown(name: str) -> str:
        value = row[name]
        return f"{name}={'; '.join(value) if isinstance(value, list) else value}"

    for (start, end, text), fields in sorted(by_span.items()):
        console.print(f"  [dim]{start}-{end}[/dim] \u201c{text}\u201d" if text else "  [dim](not in the text)[/dim]",
                      highlight=False)
        # "published: from the dateline ...", "language: und: unsure ...": what a stage assumed
        values = [shown(f) if f in row else f for f in fields if f not in row or row.get(f) not in (None, [])]
        console.print("      " + " | ".join(values), highlight=False, style="cyan")
    rest = [shown(n) for n, v in row.items()
            if n not in explained and n not in ("evidence", "notes") and v not in (None, [])]
    console.print("  [dim]derived or metadata:[/dim] " + " | ".join(rest), highlight=False)
    console.print()


def coding_options(command: Callable) -> Callable:
    """`--published` and `--keep-unlocated`: what the caller decides for a run (ingest, extract)."""
    command = click.option(
        "--keep-unlocated", is_flag=True,
        help="Keep an event whose place resolves only to a country as a row (admin1 empty, "
             "geo_precision 3); by default it is counted and explained, not written.")(command)
    return click.option(
        "--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none (no metadata, no dated dateline or "
             "date line in the text): relative dates (yesterday, Senin lalu) resolve against it.")(command)


def run_options(published: dt.datetime | None, keep_unlocated: bool) -> dict:
    """The pipeline options of the two flags (for `pipeline.options(**...)`)."""
    return {"published": published.date() if published else None, "keep_unlocated": keep_unlocated}


def _explain_missing(console: Console, result: pipeline.Result) -> None:
    """Why an article gave no row, or which of its events were not written."""
    name = result.article.origin or result.article.id
    if not result.rows and result.no_rows:
        console.print(f"[bold]{name}[/bold]  no row: {result.no_rows} ({result.why})", highlight=False)
    for reason, why in result.dropped if result.rows else result.dropped[1:]:
        console.print(f"  [dim]event not written:[/dim] {reason} ({why})", highlight=False)


@reads_no_store
@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default=None,
              help="jsonl (every column) or a table of the main columns. "
                   "Default: table on a terminal, jsonl when piped.")
@click.option("--explain", is_flag=True,
              help="Show each field with the sentence it came from, and why an article gave no row.")
@click.option("--input-format", type=click.Choice(readers.FORMATS), default="auto", show_default=True,
              help="Input format; auto goes by file extension and sniffs stdin.")
@coding_options
@jobs_option
def extract_command(paths: tuple[str, ...], fmt: str | None, explain: bool, input_format: str,
                    published: dt.datetime | None, keep_unlocated: bool, jobs: int | None) -> None:
    """Code articles into event rows and print them, without storing anything.

    Reads the same inputs as `events ingest` (text, JSON Lines, CSV, HTML, folders, - for
    stdin). For JSON Lines input each row carries the input's id in article_ids.
    Ends (on stderr) with the count of articles that gave no row, and why.
    Exit code 1 when some input was rejected or an extractor stage failed.

    \b
    Example:
      events extract seeds/ --explain
      events extract wires/ --published 2024-04-03 --keep-unlocated
      echo "A bomb exploded in Kabul on Friday, killing 3." | events extract - --format jsonl
    """
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    console = Console()
    problems = 0
    rows_out: list[dict] = []
    with advice(), pipeline.options(**run_options(published, keep_unlocated)), pipeline.tally() as counted:
        for result in parallel.imap(readers.read(paths, input_format), jobs):
            if isinstance(result, readers.Rejection):
                click.echo(f"rejected {result}", err=True)
                problems += 1
                continue
            item = result.article
            for error in result.errors:
                click.echo(f"warning {item.origin or item.id}: {error}", err=True)
                problems += 1
            if explain:
                _explain_missing(console, result)
            for row in result.rows:
                if explain:
                    _explain(console, row)
                elif fmt == "jsonl":
                    click.echo(json.dumps(row, ensure_ascii=False, default=_json_default))
                else:
                    rows_out.append(row)
    if rows_out:                                          # as wide as the terminal, as `events query`
        hidden = draw(TABLE_COLUMNS, [["" if row.get(c) is None else str(row[c]) for c in TABLE_COLUMNS]
                                      for row in rows_out],
                      [c in ("fatalities", "injuries") for c in TABLE_COLUMNS], title=f"{len(rows_out)} events",
                      hint="use --format jsonl for every column")
        if hidden:
            click.echo(hidden, err=True)
    elif fmt == "table" and not explain:
        click.echo("no events found", err=True)
    click.echo(counted.summary(), err=True)
    if problems:
        sys.exit(1)


commands = [extract_command]
