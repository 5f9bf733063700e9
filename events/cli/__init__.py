"""The `events` command. Each module in this package holds one command group and exposes
`commands` (a list of click commands); they are found here and added to the group.
Commands parse options, call one library function and render its result."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import click

from events import __version__

DEFAULT_DB = "data"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="EVENTS_DB", default=DEFAULT_DB, show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Database folder (or set EVENTS_DB).")
@click.version_option(__version__, prog_name="events")
@click.pass_context
def main(ctx: click.Context, db: Path) -> None:
    """Code news articles into ACLED-style conflict events and query them.

    \b
    Example:
      events ingest seeds/
      events summary --by region
    """
    ctx.obj = {"db": db}


for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    for _command in getattr(importlib.import_module(f"{__name__}.{_info.name}"), "commands", []):
        main.add_command(_command)
