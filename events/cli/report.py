"""`events report`: one offline HTML page (or chart images) over the filtered events."""
from __future__ import annotations

from pathlib import Path

import click

from events import errors, report
from events.cli.query import _filters, advice, filter_options


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


@click.command("report")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="HTML file to write (default report.html), or for png/svg a folder (default report-charts).")
@click.option("--format", "fmt", type=click.Choice(report.FORMATS), default="html", show_default=True,
              help="html: one self-contained page; png or svg: one image per chart, for slides and papers.")
@click.option("--latest", type=click.IntRange(0, 10_000), default=50, show_default=True,
              help="How many of the most recent events the page lists with their notes and sources.")
@click.option("--title", default=None, help="Title of the page (default 'Conflict events report').")
@filter_options
@click.pass_context
def report_command(ctx: click.Context, output: Path | None, fmt: str, latest: int, title: str | None,
                   **filters: object) -> None:
    """Write a report that opens offline: totals, events and fatalities per month, a map, the
    top countries, divisions, actors and perpetrators, claims, and the latest events with
    their notes and sources. Everything (data, charts, country outlines) is inside the one
    file; it loads nothing from the network. Takes the same filters as `summary`. The output
    file is replaced if it exists.

    \b
    Example:
      events report --output report.html
      events report --output iraq.html --country Iraq --since 2023-01-01
      events report --format png --output charts/
    """
    target = output or Path("report.html" if fmt == "html" else "report-charts")
    with advice():
        written, data = report.write(ctx.obj["db"], target, _filters(**filters), fmt=fmt, latest=latest,
                                     title=title)
    t = data.totals
    if not t.events:
        db = str(ctx.obj["db"])
        click.echo(errors.no_events_match(db, data.stored_events) if data.stored_events
                   else errors.empty_store(db), err=True)
    if fmt == "html":
        size = written[0].stat().st_size / 1024
        click.echo(f"Wrote {written[0]} ({size:,.0f} KB): {_count(t.events, 'event')}, "
                   f"{_count(t.fatalities, 'fatality', 'fatalities')}, {_count(t.countries, 'country', 'countries')}.")
        click.echo(f"Open {written[0].resolve().as_uri()} in any browser; it needs no network.")
    else:
        click.echo(f"Wrote {len(written)} {fmt.upper()} charts to {target}/: "
                   + ", ".join(p.name for p in written))


commands = [report_command]
