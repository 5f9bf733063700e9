"""`events query`, `events export`, `events summary`: read the store (never write it)."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from events import query
from events.cli import Fatal, advice   # noqa: F401  (shared by every command; imported from here too)
from events.cli.output import draw_table, export_to_stdout


def output_format(fmt: str | None) -> str:
    """The chosen format, or a table on a terminal and CSV when piped."""
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "csv"


format_option = click.option(
    "--format", "fmt", type=click.Choice(query.OUTPUT_FORMATS), default=None,
    help="Output format. Default: a table on a terminal, csv when piped or redirected.")


def filter_options(f: Callable) -> Callable:
    """--country, --region, --admin1, --event-type, --since, --until (each repeatable)."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option("--country", multiple=True, help="Country name (any language, e.g. 'Irak') or ISO code (repeatable)."),
        click.option("--region", multiple=True, help="ACLED region, e.g. 'Middle East' (repeatable)."),
        click.option("--admin1", multiple=True, help="First-level division, e.g. 'Baghdad' or 'Jawa Barat' (repeatable)."),
        click.option("--event-type", multiple=True, help="ACLED event type, e.g. 'Battles' or 'kerusuhan' (repeatable)."),
        click.option("--since", type=date, help="First event date included (YYYY-MM-DD)."),
        click.option("--until", type=date, help="Last event date included (YYYY-MM-DD)."),
        click.option("--sub-event-type", multiple=True, help="ACLED sub-event type, e.g. 'Armed clash'."),
        click.option("--actor", multiple=True, help="Part of an actor's name (actor1 or actor2), any case."),
        click.option("--perpetrator", multiple=True, help="Part of the perpetrator's name, any case."),
        click.option("--min-fatalities", type=click.IntRange(0), help="At least this many fatalities."),
        click.option("--language", multiple=True, help="Article language code, e.g. id or en."),
        click.option("--source", multiple=True, help="Part of an outlet's name, any case."),
        click.option("--claim-status", multiple=True, help="claimed, denied, no_claim or not_reported."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filters(country, region, admin1, event_type, since, until, sub_event_type=(), actor=(), perpetrator=(),
             min_fatalities=None, language=(), source=(), claim_status=()) -> query.Filters:
    given = query.Filters.of(country=country, region=region, admin1=admin1, event_type=event_type,
                             since=since, until=until, sub_event_type=sub_event_type, actor=actor,
                             perpetrator=perpetrator, min_fatalities=min_fatalities, language=language,
                             source=source, claim_status=claim_status)
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.obj:
        return given
    from events import names       # values in any language or spelling -> as stored; notes on stderr

    resolved, notes = names.resolve_filters(ctx.obj["db"], given)
    for note in notes:
        click.echo(note, err=True)
    return resolved


def _emit(rows: query.Rows, fmt: str, title: str | None = None, total: list[str] | None = None) -> None:
    if fmt == "table":
        hidden = draw_table(rows, title, total)     # as wide as the terminal
        if hidden:
            click.echo(hidden, err=True)
    else:
        click.echo(query.render(rows, fmt), nl=False)
    for note in rows.notes:
        click.echo(note, err=True)


@click.command("query")
@click.argument("sql")
@format_option
@click.pass_context
def query_command(ctx: click.Context, sql: str, fmt: str | None) -> None:
    """Run read-only SQL (DuckDB) over the views events, articles and event_sources.
    Only SELECT (WITH, FROM, DESCRIBE, SHOW, SUMMARIZE) and EXPLAIN of one are accepted;
    the connection itself can open no file, so nothing can be written.

    SQL may be - to read it from stdin. On a terminal the table is as wide as the terminal: long
    cells are cut and the columns that do not fit are named on stderr (use --format csv for all).

    \b
    Example:
      events query "SELECT region, count(*) AS events FROM events GROUP BY ALL ORDER BY 2 DESC"
      events query "SELECT * FROM articles LIMIT 5" --format jsonl
    """
    if sql == "-":
        sql = sys.stdin.read()
    with advice():
        rows = query.run_sql(ctx.obj["db"], sql)
    _emit(rows, output_format(fmt))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(query.EXPORT_FORMATS), default="csv",
              show_default=True, help="csv for spreadsheets, parquet or jsonl for programs, geojson for "
                                      "GIS tools (a point per event; no geometry when it has no coordinates).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="File to write (written whole or not at all), or - for stdout.")
@click.option("--columns", "columns", multiple=True, metavar="NAME[,NAME...]",
              help="Only these columns, in this order (repeatable or comma-separated; `events schema` "
                   "lists them). Default: every column, in the schema's order.")
@click.option("--bom", is_flag=True, help="Start the CSV with a UTF-8 byte-order mark (for old Excel).")
@click.option("--force", is_flag=True, help="Overwrite --output if it exists.")
@filter_options
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: Path, columns: tuple[str, ...], bom: bool,
                   force: bool, **filters: object) -> None:
    """Export events in the schema's column order. CSV is UTF-8 with ISO dates, article_ids
    joined with '; ', evidence as JSON, and text cells that a spreadsheet would run as a
    formula prefixed with ' (= + - @, full-width ＝ ＋ － ＠ or a minus sign, after any spaces,
    NBSP, zero-width, BOM or control characters; or a control character first). The file is
    written whole or not at all, never inside the store folder.

    \b
    Example:
      events export --format csv --output iraq.csv --country Iraq --since 2023-01-01
      events export -o - --columns event_date,country,admin1,fatalities --country Iraq
      events export --format geojson -o events.geojson --country Irak
    """
    with advice():
        from events import names

        chosen, notes = names.columns(columns)
        for note in notes:
            click.echo(note, err=True)
        chosen_filters = _filters(**filters)

        def run(path: Path) -> int:
            return query.export(ctx.obj["db"], fmt, path, chosen_filters, bom=bom, force=force,
                                columns=chosen or None)
        n = export_to_stdout(run, fmt) if str(output) == "-" else run(output)
    where = "stdout" if str(output) == "-" else output
    extra = [f"{k:,} {what}" for k, what in ((getattr(n, "unlocated", 0), "without coordinates (no geometry)"),
                                              (getattr(n, "undated", 0), "undated")) if k and fmt == "geojson"]
    click.echo(f"Wrote {n:,} events to {where}{' (' + ', '.join(extra) + ')' if extra else ''}.",
               err=str(output) == "-")


@click.command("summary")
@click.option("--by", "by", multiple=True, metavar=f"[{'|'.join(query.DIMENSIONS)}]",
              help="Group by this (repeatable, e.g. --by region --by month; also in Indonesian, "
                   "e.g. --by provinsi). Default: region.")
@filter_options
@format_option
@click.pass_context
def summary_command(ctx: click.Context, by: tuple[str, ...], fmt: str | None, **filters: object) -> None:
    """Events, fatalities, injuries and share of the total per group, largest first (by time
    when grouping by month or week, with empty months or weeks shown as zero).

    \b
    Example:
      events summary --by region
      events summary --by country --by month --region "Middle East" --since 2023-01-01
      events summary --by tahun --country Irak --event-type ledakan

    Names may be typed in Indonesian or English, in any case and in close spellings
    (--by provinsi, --country Irak, --admin1 'Jawa Barat', --event-type protest); what was read
    as what is said on stderr, and a name that could mean several values is an error listing them.
    """
    with advice():
        from events import names

        by, notes = names.dimensions(by or ("region",))
        for note in notes:
            click.echo(note, err=True)
        rows = query.summary(ctx.obj["db"], by, _filters(**filters))
    fmt = output_format(fmt)
    total = None
    if fmt == "table":
        n_dims = len(rows.columns) - 4
        sums = [sum(r[n_dims + i] for r in rows.rows) for i in range(3)]
        total = ["Total"] + [""] * (n_dims - 1) + [f"{s:,}" for s in sums] + \
                ["100.0" if sums[0] else "0.0"]
    _emit(rows, fmt, title=f"Events by {', '.join(by or ('region',))}", total=total)


commands = [query_command, export_command, summary_command]
