"""Output the query commands share: a table that fits the terminal, an export sent to stdout.

No commands here (the group finds none); `events.cli.query` and `events.cli.report` use it.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from events.cli import Fatal

if TYPE_CHECKING:
    from events import query

MAX_CELL = 40          # a cell wider than this is cut with an ellipsis
MIN_FIT = 12           # a column is shown only if the terminal leaves it this much (or its width)
BORDER = 3             # padding and rule around each column


def fitted_columns(widths: list[int], terminal: int) -> int:
    """How many columns, from the left, fit a terminal this wide (at least one): each takes its
    width (at most MIN_FIT, wider ones are cut to share what is left) plus its border."""
    used, shown = 1, 0
    for w in widths:
        need = min(w, MIN_FIT) + BORDER
        if shown and used + need > terminal:
            break
        used += need
        shown += 1
    return shown


def shared_widths(widths: list[int], room: int) -> list[int]:
    """Column widths that add up to at most `room`: the widest are cut first, to one same width
    (none below MIN_FIT or its own width)."""
    if sum(widths) <= room:
        return list(widths)
    cap = max(widths)
    while cap > MIN_FIT and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def draw_table(rows: query.Rows, title: str | None = None, total: list[str] | None = None) -> str | None:
    """Print query rows as a table as wide as the terminal (see `draw`); numbers right-aligned."""
    from events import query

    numeric = [bool(rows.rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool)
                                       for r in rows.rows if r[i] is not None)
               for i in range(len(rows.columns))]
    return draw(rows.columns, [[query.cell_text(v) for v in r] for r in rows.rows], numeric, title, total)


QUERY_HINT = "use --format csv, json, jsonl or markdown for every column, or select fewer"


def draw(columns: Sequence[str], cells: list[list[str]], numeric: Sequence[bool] = (), title: str | None = None,
         total: list[str] | None = None, hint: str = QUERY_HINT) -> str | None:
    """Print text cells as a table as wide as the terminal: cells cut past MAX_CELL characters
    and at the terminal's edge, columns that do not fit left out. Returns a note naming them."""
    from rich.console import Console    # only for a table: csv/json output does not load rich
    from rich.table import Table

    console = Console(soft_wrap=False)
    texts = [[" ".join(c.split()) for c in r] for r in cells]
    widths = [min(MAX_CELL, max([len(name)] + [len(r[i]) for r in texts])) for i, name in enumerate(columns)]
    shown = fitted_columns(widths, console.width) if columns else 0
    widths = shared_widths(widths[:shown], console.width - 1 - BORDER * shown)
    table = Table(title=title)
    numeric = list(numeric) + [False] * (len(columns) - len(numeric))
    for name, is_num, width in zip(columns, numeric, widths):
        table.add_column(name, justify="right" if is_num else "left", no_wrap=True, overflow="ellipsis",
                         min_width=width, max_width=width)
    for r in texts:
        table.add_row(*r[:shown])
    if total:
        table.add_section()
        table.add_row(*total[:shown])
    console.print(table)
    hidden = list(columns[shown:])
    if not hidden:
        return None
    named = ", ".join(hidden[:6]) + (f" and {len(hidden) - 6} more" if len(hidden) > 6 else "")
    return (f"{len(hidden)} of {len(columns)} columns not shown ({named}): the terminal is "
            f"{console.width} characters wide; {hint}")


def export_to_stdout(run: Callable[[Path], int], fmt: str) -> int:
    """Run an export into a private temporary file and copy it to stdout (`--output -`);
    a Parquet file is binary, so it goes only to a pipe or a file, never to a terminal."""
    sys.stdout.flush()
    stream = sys.stdout.buffer
    if fmt == "parquet" and sys.stdout.isatty():
        raise Fatal("Parquet is binary: pipe or redirect it (events export --format parquet "
                                   "-o - > events.parquet), or choose --format csv, jsonl or geojson")
    with tempfile.TemporaryDirectory(prefix="events-export-") as folder:
        path = Path(folder) / f"events.{fmt}"
        count = run(path)
        with path.open("rb") as fh:
            shutil.copyfileobj(fh, stream, 1 << 20)
        stream.flush()
    return count
