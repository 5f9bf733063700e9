"""`events evaluate GOLD.jsonl`: score the extractors against gold files."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from events.cli import reads_no_store
from events.evaluate import FIELDS, GoldFileError, Report, evaluate


def _render(reports: list[Report], verbose: bool) -> None:
    console = Console()
    table = Table(title="Evaluation against gold")
    table.add_column("measure")
    for r in reports:
        table.add_column(Path(r.path).name, justify="right")
    rows = [("articles", lambda r: str(r.articles)), ("gold events", lambda r: str(r.gold)),
            ("predicted", lambda r: str(r.predicted)), ("matched", lambda r: str(r.matched)),
            ("precision", lambda r: f"{r.precision:.3f}"), ("recall", lambda r: f"{r.recall:.3f}"),
            ("F1", lambda r: f"{r.f1:.3f}")]
    rows += [(f, lambda r, f=f: "-" if r.accuracy(f) is None else f"{r.accuracy(f):.3f}")
             for f in FIELDS]
    for label, get in rows:
        table.add_row(label, *(get(r) for r in reports))
    console.print(table)
    if verbose:
        for r in reports:
            for a in r.per_article:
                if a.misses or a.false_alarms or a.field_errors or a.errors:
                    console.print(f"[bold]{a.id}[/bold] gold {a.gold} predicted {a.predicted} "
                                  f"matched {a.matched}", highlight=False)
                    for m in a.misses:
                        console.print(f"  missed: {m}", highlight=False)
                    for m in a.false_alarms:
                        console.print(f"  extra:  {m}", highlight=False)
                    for f, g, p in a.field_errors:
                        console.print(f"  {f}: gold {g!r} got {p!r}", highlight=False)
                    for e in a.errors:
                        console.print(f"  error: {e}", highlight=False)


@reads_no_store
@click.command("evaluate")
@click.argument("gold_files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people, json for machines.")
@click.option("--verbose", "-v", is_flag=True, help="List misses, extra rows and field errors per article.")
def evaluate_command(gold_files: tuple[Path, ...], fmt: str, verbose: bool) -> None:
    """Run the pipeline on gold files and report event precision/recall/F1 and per-field
    accuracy on matched events (matched by country, date within a day and event type).

    \b
    Example:
      events evaluate ../shared/eval/dev_id.jsonl ../shared/eval/dev_en.jsonl -v
    """
    try:
        reports = [evaluate(p) for p in gold_files]
    except GoldFileError as exc:
        raise click.ClickException(f"{exc}; fix the line or check the file follows FORMAT.md")
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=None if not sys.stdout.isatty() else 2))
    else:
        _render(reports, verbose)


commands = [evaluate_command]
