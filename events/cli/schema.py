"""`events schema`: print the event row's columns."""
from __future__ import annotations

import json

import click

from events import schema as event_schema
from events.cli import reads_no_store


@reads_no_store
@click.command("schema")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)
def schema_command(fmt: str) -> None:
    """Print the columns of the events table: name, type, nullability, origin, meaning.

    \b
    Example:
      events schema --format json
    """
    if fmt == "json":
        click.echo(json.dumps([c.__dict__ for c in event_schema.columns()], indent=2))
    else:
        click.echo(event_schema.describe())


commands = [schema_command]
