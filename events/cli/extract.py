"""`events extract`: code articles and print the rows, without storing anything."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from events import pipeline, readers
from events.cli.query import advice

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
        console.print(f"  [dim]{start}-{end}[/dim] \u201c{text}\u201d", highlight=False)
        values = [shown(f) for f in fields if row.get(f) not in (None, [])]
        console.print("      " + " | ".join(values), highlight=False, style="cyan")
    rest = [shown(n) for n, v in row.items()
            if n not in explained and n not in ("evidence", "notes") and v not in (None, [])]
    console.print("  [dim]derived or metadata:[/dim] " + " | ".join(rest), highlight=False)
    console.print()


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default=None,
              help="jsonl (every column) or a table of the main columns. "
                   "Default: table on a terminal, jsonl when piped.")
@click.option("--explain", is_flag=True, help="Show each field with the sentence it came from.")
@click.option("--input-format", type=click.Choice(readers.FORMATS), default="auto", show_default=True,
              help="Input format; auto goes by file extension and sniffs stdin.")
def extract_command(paths: tuple[str, ...], fmt: str | None, explain: bool, input_format: str) -> None:
    """Code articles into event rows and print them, without storing anything.

    Reads the same inputs as `events ingest` (text, JSON Lines, CSV, HTML, folders, - for
    stdin). For JSON Lines input each row carries the input's id in article_ids.
    Exit code 1 when some input was rejected or an extractor stage failed.

    \b
    Example:
      events extract seeds/ --explain
      echo "A bomb exploded in Kabul on Friday, killing 3." | events extract - --format jsonl
    """
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    console = Console()
    problems = 0
    rows_out: list[dict] = []
    with advice():
        for item in readers.read(paths, input_format):
            if isinstance(item, readers.Rejection):
                click.echo(f"rejected {item}", err=True)
                problems += 1
                continue
            result = pipeline.run_article(item)
            for error in result.errors:
                click.echo(f"warning {item.origin or item.id}: {error}", err=True)
                problems += 1
            for row in result.rows:
                if explain:
                    _explain(console, row)
                elif fmt == "jsonl":
                    click.echo(json.dumps(row, ensure_ascii=False, default=_json_default))
                else:
                    rows_out.append(row)
    if rows_out:
        table = Table(title=f"{len(rows_out)} events")
        for name in TABLE_COLUMNS:
            table.add_column(name)
        for row in rows_out:
            table.add_row(*("" if row.get(c) is None else str(row[c]) for c in TABLE_COLUMNS))
        console.print(table)
    elif fmt == "table" and not explain:
        click.echo("no events found", err=True)
    if problems:
        sys.exit(1)


commands = [extract_command]
