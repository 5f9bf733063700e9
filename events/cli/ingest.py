"""`events ingest` (files, folders, stdin -> the store) and `events recode`.

Exit codes: 0 everything read was stored or already there; 1 some input was rejected (each
rejection is one line on stderr naming the file, line and reason); 2 usage or fatal error.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import datetime as dt

from events import cluster, errors, parallel, pipeline, readers, remote
from events.cli.extract import coding_options, run_options
from events.cli import Fatal, advice, jobs_option
from events.store import IngestReport, Store


def _progress(enabled: bool) -> Progress | None:
    if not enabled:
        return None
    return Progress(TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("files · {task.fields[status]}"), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(readers.FORMATS), default="auto", show_default=True,
              help="Input format; auto goes by file extension (.txt .jsonl .json .csv .tsv .html), "
                   "and sniffs stdin and unknown extensions.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=readers.DEFAULT_MAX_BYTES,
              show_default=True, help="Largest article accepted (a file, JSON line or CSV row).")
@coding_options
@jobs_option
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="Where articles are coded: local worker processes, or a Dask cluster "
                   '(needs pip install "events[cluster]"; see docs/cluster.md).')
@click.option("--address", default=None, metavar="ADDR",
              help="The Dask scheduler (tcp://host:8786); without it --engine dask starts a "
                   "local cluster of --jobs workers.")
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, max_bytes: int, jobs: int | None,
                   published: dt.datetime | None, keep_unlocated: bool, engine: str = "local",
                   address: str | None = None) -> None:
    """Read articles from files, folders (recursively) or - (stdin), code them into events
    and store both. Articles already stored (same normalised text) are skipped.

    \b
    Formats: plain text (one article per file), JSON Lines or a JSON array and CSV
    (columns id, text, title, published, source, url, language; only text is required),
    HTML pages (main text and metadata extracted).
    The summary ends with the count of articles that gave no row, and why (no event words,
    background only, no date, no place); `events extract --explain` shows it for one article.
    Exit codes: 0 ok, 1 some input rejected (one line each on stderr), 2 usage/fatal error.

    \b
    Example:
      events ingest seeds/
      events ingest wires-2024-04-03/ --published 2024-04-03
      cat articles.jsonl | events ingest - --format jsonl

    \b
    On a Dask cluster and object storage (pip install "events[cluster]"; docs/cluster.md):
      events --db s3://bucket/store ingest --engine dask 's3://bucket/news/*.jsonl'
    """
    db = ctx.obj["db"]
    if address and engine != "dask":
        raise Fatal("--address names a Dask scheduler; give --engine dask with it")
    progress = _progress(sys.stderr.isatty())

    def say(line: str) -> None:
        (progress.console.print(line, highlight=False, markup=False) if progress
         else click.echo(line, err=True))

    with advice():
        if engine == "dask":
            cluster.check_installed()
        files = remote.expand(paths)            # local paths, and object-store URIs (fsspec)
        store = remote.open_store(db, on_lock_wait=lambda: say(errors.store_busy(str(db))))
    task = progress.add_task("ingest", total=len(files), status="") if progress else None

    def items() -> Iterator[readers.Item]:
        for path in files:
            yield from remote.read_path(path, fmt, max_bytes)
            if progress:
                progress.advance(task)

    shown = {"rejected": 0, "warnings": 0}

    def on_item(report: IngestReport) -> None:
        for r in report.rejected[shown["rejected"]:]:
            say(f"rejected {r}")
        shown["rejected"] = len(report.rejected)
        for w in report.warnings[shown["warnings"]:]:
            say(f"warning {w}")
        shown["warnings"] = len(report.warnings)
        if progress:
            progress.update(task, status=f"{report.read} articles read, {report.already} already "
                                         f"stored, {len(report.rejected)} rejected")

    with progress or nullcontext(), advice(), pipeline.options(**run_options(published, keep_unlocated)), \
            pipeline.tally() as counted:
        try:
            with (cluster.engine(address, jobs) if engine == "dask" else nullcontext(parallel.runner(jobs))) as run:
                report = store.ingest(items(), on_item=on_item, run=run)
        except OSError as exc:
            raise Fatal(errors.store_not_writable(str(db), exc.strerror or str(exc))) from None
    on_item(report)
    click.echo(report.summary())
    click.echo(counted.summary(), err=True)
    if report.rejected:
        ctx.exit(1)


@click.command("recode")
@click.option("--keep-unlocated", is_flag=True,
              help="Keep events located only to a country as rows (as `ingest --keep-unlocated`).")
@jobs_option
@click.pass_context
def recode_command(ctx: click.Context, keep_unlocated: bool, jobs: int | None) -> None:
    """Re-run the current extractors over every stored article and replace all event rows
    (event ids stay the same where the event is the same). Other writers wait meanwhile.
    Ends with the count of articles that gave no row, and why.

    \b
    Example:
      events recode
      events --db other-data recode
    """
    db = ctx.obj["db"]
    with advice():
        store = Store(db, on_lock_wait=lambda: click.echo(errors.store_busy(str(db)), err=True))
        total = store.count("articles") if store.exists else 0
        progress = _progress(sys.stderr.isatty())
        task = progress.add_task("recode", total=total, status="articles") if progress else None
        with progress or nullcontext(), pipeline.options(keep_unlocated=keep_unlocated), \
                pipeline.tally() as counted:
            report = store.recode(on_article=(lambda n: progress.update(task, completed=n))
                                  if progress else None, run=parallel.runner(jobs))
    for w in report.warnings:
        click.echo(f"warning {w}", err=True)
    click.echo(report.summary())
    click.echo(counted.summary(), err=True)


commands = [ingest_command, recode_command]
