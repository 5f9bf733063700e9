"""`events repair`: rebuild a lost or damaged manifest from the verified files present."""
from __future__ import annotations

import click

from events.cli.query import advice
from events.store import Store


@click.command("repair")
@click.pass_context
def repair_command(ctx: click.Context) -> None:
    """Rebuild the store's manifest from the Parquet files in the folder, each one verified
    (it reads whole, has its table's columns, holds no article or event twice). Use it when
    manifest.json was lost or damaged, or a listed file is missing. Nothing is deleted:
    files left out are named on stderr and stay where they are.

    \b
    Example:
      events repair
      events --db other-data repair
    """
    with advice():
        report = Store(ctx.obj["db"]).repair()
    for path, reason in report.skipped:
        click.echo(f"left out {path}: {reason}", err=True)
    click.echo(report.summary())


commands = [repair_command]
